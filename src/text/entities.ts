import { isStopWord } from "./stopwords.ts";
import { type Token, tokenize } from "./tokenize.ts";

/** What a sentence or a story names: the signal that carries across outlets and languages. */
export interface Entities {
  /** Names (people, companies, places) as folded keys without spaces: `larryellison`, `bytedance`. */
  names: string[];
  /** Numbers with their unit when one follows: `90 jours` → `90 day`, `12,5 %` → `12.5 %`. */
  numbers: string[];
  /** Years and month-years: `2020`, `2020-09`. */
  dates: string[];
}

const UNITS: Record<string, string> = {
  day: "day",
  days: "day",
  jour: "day",
  jours: "day",
  week: "week",
  weeks: "week",
  semaine: "week",
  semaines: "week",
  month: "month",
  months: "month",
  mois: "month",
  year: "year",
  years: "year",
  an: "year",
  ans: "year",
  annee: "year",
  annees: "year",
  percent: "%",
  pourcent: "%",
  "%": "%",
  million: "million",
  millions: "million",
  billion: "billion",
  billions: "billion",
  milliard: "billion",
  milliards: "billion",
  md: "billion",
  mds: "billion",
  bn: "billion",
  m: "million",
  dollar: "$",
  dollars: "$",
  euro: "€",
  euros: "€",
  usd: "$",
  eur: "€",
  employee: "people",
  employees: "people",
  salarie: "people",
  salaries: "people",
  users: "users",
  utilisateurs: "users",
};

const MONTHS: Record<string, number> = {
  january: 1,
  janvier: 1,
  february: 2,
  fevrier: 2,
  march: 3,
  mars: 3,
  april: 4,
  avril: 4,
  may: 5,
  mai: 5,
  june: 6,
  juin: 6,
  july: 7,
  juillet: 7,
  august: 8,
  aout: 8,
  september: 9,
  septembre: 9,
  october: 10,
  octobre: 10,
  november: 11,
  novembre: 11,
  december: 12,
  decembre: 12,
};

// Capitalised words that start sentences or are common nouns in titles rather than names.
const NOT_NAMES = new Set([
  "le",
  "la",
  "les",
  "un",
  "une",
  "the",
  "a",
  "an",
  "this",
  "ce",
  "cette",
  "in",
  "en",
  "after",
  "apres",
  "selon",
  "according",
  "mais",
  "but",
  "pour",
  "for",
  "si",
  "if",
  "quand",
  "when",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "suivez",
  "read",
  "photo",
]);

// Words that may sit inside a name: `Moor Insights & Strategy`, `Bank of America`.
const NAME_LINKS = new Set(["of", "de", "du", "des", "&", "and"]);

export function extractEntities(text: string): Entities {
  const tokens = tokenize(text);
  return { names: namesOf(tokens, text), numbers: numbersOf(tokens), dates: datesOf(tokens) };
}

function namesOf(tokens: Token[], text: string): string[] {
  const names = new Set<string>();
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && NAME_LINKS.has(run[run.length - 1]!.folded)) run.pop();
    if (run.length > 0) {
      const key = run.map((t) => t.folded).join("");
      if (key.length > 1) names.add(key);
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const startsSentence = i === 0 || /[.!?:«"“]\s*$/.test(text.slice(tokens[i - 1]!.end, token.start));
    const isName =
      token.capitalised &&
      !/^\p{N}/u.test(token.surface) &&
      !NOT_NAMES.has(token.folded) &&
      !(startsSentence && isStopWord(token.folded)) &&
      !(MONTHS[token.folded] !== undefined);
    if (isName && (run.length === 0 || token.joinedToPrevious || text[token.start - 1] === " ")) {
      if (run.length > 0 && !token.joinedToPrevious) flush();
      run.push(token);
    } else if (run.length > 0 && NAME_LINKS.has(token.surface.toLowerCase()) && tokens[i + 1]?.capitalised) {
      run.push(token);
    } else {
      flush();
    }
  }
  flush();
  return [...names];
}

function numbersOf(tokens: Token[]): string[] {
  const numbers = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!/^\p{N}+(?:\.\p{N}+)?$/u.test(token.folded)) continue;
    if (/^(?:19|20)\d\d$/.test(token.folded)) continue;
    const next = tokens[i + 1]?.folded;
    const afterNext = tokens[i + 2]?.folded;
    const unit = (next && UNITS[next]) ?? undefined;
    const currency = unit === "million" || unit === "billion" ? afterNext && UNITS[afterNext] : undefined;
    numbers.add([token.folded, unit, currency].filter(Boolean).join(" "));
  }
  return [...numbers];
}

function datesOf(tokens: Token[]): string[] {
  const dates = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!/^(?:19|20)\d\d$/.test(token.folded)) continue;
    dates.add(token.folded);
    const month = MONTHS[tokens[i - 1]?.folded ?? ""] ?? MONTHS[tokens[i - 2]?.folded ?? ""];
    if (month) dates.add(`${token.folded}-${String(month).padStart(2, "0")}`);
  }
  return [...dates];
}
