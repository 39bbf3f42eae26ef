import { isStopWord } from "./stopwords.ts";
import { type Token, tokenize } from "./tokenize.ts";

/** What a sentence or a story names: the signal that carries across outlets and languages. */
export interface Entities {
  /** Names (people, companies, places) as folded keys without spaces: `larryellison`, `bytedance`. */
  names: string[];
  /** Numbers with their unit when one follows: `90 jours` → `90 day`, `12,5 %` → `12.5 %`, `$5 billion` → `5 billion $`. */
  numbers: string[];
  /** Years, month-years and full dates: `2020`, `2020-09`, `2020-09-14`. */
  dates: string[];
}

/** Where a name stands in the text it was found in, so answers can point at it. */
export interface NameSpan {
  /** Folded key without spaces, as in {@link Entities.names}. */
  key: string;
  /** As written: `Moor Insights & Strategy`. */
  surface: string;
  start: number;
  end: number;
  /** Indices of its first and last token in `tokenize(text)`. */
  firstToken: number;
  lastToken: number;
}

/** A number as {@link findNumberSpans} reads it. */
export interface NumberSpan {
  /** As in {@link Entities.numbers}: `90 day`, `5 billion $`. */
  key: string;
  value: string;
  /** `day`, `%`, `million`, `people`, … */
  unit?: string;
  currency?: string;
  start: number;
  end: number;
}

// unit: the words that write it. Read once into a word → unit table.
const UNITS =
  readTable(`day: day days jour jours | week: week weeks semaine semaines | month: month months mois
  | year: year years an ans annee annees | hour: hour hours heure heures | %: percent pourcent %
  | million: million millions m | billion: billion billions milliard milliards md mds bn
  | $: dollar dollars usd | €: euro euros eur | users: users utilisateurs
  | people: employee employees salarie salaries employe employes people personnes`);

const MONTHS =
  readTable(`1: january janvier | 2: february fevrier | 3: march mars | 4: april avril | 5: may mai
  | 6: june juin | 7: july juillet | 8: august aout | 9: september septembre | 10: october octobre
  | 11: november novembre | 12: december decembre`);

// Capitalised words that start sentences or are common nouns in titles rather than names.
const NOT_NAMES = new Set(
  `le la les un une the a an this ce cette in en after apres selon according mais but pour for si if quand
  when lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday
  sunday suivez read photo credit credits`.split(/\s+/),
);

function readTable(spec: string): Record<string, string> {
  const table: Record<string, string> = {};
  for (const entry of spec.split("|")) {
    const [value = "", words = ""] = entry.split(":");
    for (const word of words.trim().split(/\s+/)) table[word] = value.trim();
  }
  return table;
}

// Titles before a name are not part of it: `President Donald Trump` is `donaldtrump`.
const TITLES = new Set(
  `president presidente ceo pdg senator senateur sen rep governor gouverneur judge juge secretary minister
  ministre mr mrs ms dr mme mlle chairman chancellor chancelier`.split(/\s+/),
);

// Words that may sit inside a name: `Bank of America`. `&` is not a token; gaps carry it.
const NAME_LINKS = new Set(["of", "de", "du", "des"]);
const ELIDED = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;
const SENTENCE_BREAK = /[.!?:«"“]\s*$/;
const CURRENCY_BEFORE: [RegExp, string][] = [
  [/\$\s*$/, "$"],
  [/€\s*$/, "€"],
  [/£\s*$/, "£"],
];

/**
 * Names, numbers and dates of a text. `known` holds name keys found elsewhere in the same
 * document: a capitalised word that opens a sentence counts as a name only when it is known,
 * written like a name (`TikTok`, `IBM`) or seen mid-sentence in the same text.
 */
export function extractEntities(text: string, known?: ReadonlySet<string>): Entities {
  const tokens = tokenize(text);
  const names = [...new Set(findNameSpansIn(tokens, text, known).map((span) => span.key))];
  const dated = new Set<number>();
  const dates = datesOf(tokens, text, dated);
  return { names, numbers: numbersOf(tokens, text, dated), dates };
}

/** The names of a text with their positions (see {@link extractEntities} for the rules). */
export function findNameSpans(text: string, known?: ReadonlySet<string>): NameSpan[] {
  return findNameSpansIn(tokensOf(text), text, known);
}

// Answering looks at the same few sentences for names, then numbers: tokenize each once.
const recent = new Map<string, Token[]>();

function tokensOf(text: string): Token[] {
  let tokens = recent.get(text);
  if (!tokens) {
    tokens = tokenize(text);
    if (recent.size >= 64) recent.delete(recent.keys().next().value!);
    recent.set(text, tokens);
  }
  return tokens;
}

function findNameSpansIn(tokens: Token[], text: string, known?: ReadonlySet<string>): NameSpan[] {
  const runs: { first: number; last: number; opening: boolean }[] = [];
  let run: { first: number; last: number; opening: boolean } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const gap = i === 0 ? "" : text.slice(tokens[i - 1]!.end, token.start);
    const opening = i === 0 || SENTENCE_BREAK.test(gap);
    const elided = ELIDED.test(token.surface);
    if (isNameWord(token, opening)) {
      const continues =
        run && !elided && (token.joinedToPrevious || gap === " & " || isLinkedTo(tokens, i, run.last));
      if (run && continues) run.last = i;
      else {
        if (run) runs.push(run);
        run = { first: i, last: i, opening: opening && !elided };
      }
    } else if (!(run && NAME_LINKS.has(token.folded) && token.surface === token.surface.toLowerCase())) {
      if (run) runs.push(run);
      run = undefined;
    }
  }
  if (run) runs.push(run);
  // Single names seen mid-sentence (or written like names) vouch for the same word elsewhere.
  // So do surnames: `Jane Doe` vouches for `Doe`.
  const vouched = new Set(known);
  const surnames = new Set([...(known ?? [])].filter((k) => k.length > 6));
  for (const r of runs) {
    if (r.first === r.last && (!r.opening || looksLikeName(tokens[r.first]!)))
      vouched.add(keyOf(tokens, r.first, r.last));
    if (r.last > r.first) surnames.add(tokens[r.last]!.folded);
  }
  const isSurname = (key: string) =>
    surnames.has(key) ||
    (key.length >= 3 && [...surnames].some((k) => k.length > key.length + 2 && k.endsWith(key)));
  const spans: NameSpan[] = [];
  for (const r of runs) {
    const parts = r.last - r.first + 1;
    if (parts === 1) {
      const key = keyOf(tokens, r.first, r.first);
      if (r.opening && !vouched.has(key) && !isSurname(key)) continue;
      spans.push(spanOf(tokens, text, r.first, r.first));
      continue;
    }
    const singles = range(r.first, r.last).filter((i) => NAME_LINKS.has(tokens[i]!.folded) === false);
    // `Oracle TikTok`: two names side by side, each known on its own.
    if (singles.every((i) => vouched.has(tokens[i]!.folded))) {
      for (const i of singles) spans.push(spanOf(tokens, text, i, i));
      continue;
    }
    // `Ajoutez Oracle`: a sentence-opening verb before a known name.
    const rest = keyOf(tokens, r.first + 1, r.last);
    const first =
      r.opening && vouched.has(rest) && !vouched.has(tokens[r.first]!.folded) ? r.first + 1 : r.first;
    spans.push(spanOf(tokens, text, first, r.last));
  }
  return spans.filter((span) => span.key.length > 1);
}

function isNameWord(token: Token, opening: boolean): boolean {
  const surface = token.surface.replace(ELIDED, "");
  if (!/^\p{Lu}/u.test(surface) || /^\p{N}/u.test(surface)) return false;
  if (NOT_NAMES.has(token.folded) || TITLES.has(token.folded) || MONTHS[token.folded] !== undefined)
    return false;
  if (isStopWord(token.folded) && (opening || !isAcronym(surface))) return false;
  return true;
}

/** `Bank of America`: a lower-case link word between two capitalised words. */
function isLinkedTo(tokens: Token[], i: number, last: number): boolean {
  if (last !== i - 2) return false;
  const link = tokens[i - 1]!;
  return NAME_LINKS.has(link.folded) && link.joinedToPrevious && tokens[i]!.joinedToPrevious;
}

function looksLikeName(token: Token): boolean {
  const surface = token.surface.replace(ELIDED, "");
  return isAcronym(surface) || /^\p{Lu}.*\p{Lu}/u.test(surface) || /\d/.test(surface);
}

function isAcronym(surface: string): boolean {
  return surface.length > 1 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
}

function keyOf(tokens: Token[], first: number, last: number): string {
  return range(first, last)
    .map((i) => tokens[i]!.folded)
    .join("");
}

function spanOf(tokens: Token[], text: string, first: number, last: number): NameSpan {
  const start = tokens[first]!.start + (tokens[first]!.surface.match(ELIDED)?.[0].length ?? 0);
  const end = tokens[last]!.end;
  return {
    key: keyOf(tokens, first, last),
    surface: text.slice(start, end),
    start,
    end,
    firstToken: first,
    lastToken: last,
  };
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

function numbersOf(tokens: Token[], text: string, dated: ReadonlySet<number>): string[] {
  return [...new Set(numberSpansOf(tokens, text, dated).map((span) => span.key))];
}

/** The numbers of a text with their units and positions (years and days of dates excluded). */
export function findNumberSpans(text: string): NumberSpan[] {
  const tokens = tokensOf(text);
  const dated = new Set<number>();
  datesOf(tokens, text, dated);
  return numberSpansOf(tokens, text, dated);
}

function numberSpansOf(tokens: Token[], text: string, dated: ReadonlySet<number>): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (dated.has(i) || !/^\p{N}/u.test(first.surface)) continue;
    // `1 000` and `20 000`: French groups thousands with a space.
    let surface = first.surface;
    while (/^\d{1,3}(?: \d{3})*$/.test(surface) && /^\d{3}$/.test(tokens[i + 1]?.surface ?? "")) {
      if (text.slice(tokens[i]!.end, tokens[i + 1]!.start) !== " ") break;
      surface += ` ${tokens[++i]!.surface}`;
    }
    const token = { ...tokens[i]!, start: first.start };
    const value = surface.includes(" ") ? surface.replace(/ /g, "") : numberValue(surface);
    if (value === undefined || /^(?:19|20)\d\d$/.test(surface)) continue;
    const before = text.slice(Math.max(0, token.start - 4), token.start);
    const after = text.slice(token.end, token.end + 3);
    let unit = /^\s?%/.test(after) ? "%" : UNITS[tokens[i + 1]?.folded ?? ""];
    let last = unit && unit !== "%" ? i + 1 : i;
    let currency =
      CURRENCY_BEFORE.find(([re]) => re.test(before))?.[1] ?? (/^\s?€/.test(after) ? "€" : undefined);
    if (unit === "$" || unit === "€") [currency, unit] = [unit, undefined];
    if ((unit === "million" || unit === "billion") && !currency) {
      const j = ["de", "of"].includes(tokens[i + 2]?.folded ?? "") ? i + 3 : i + 2;
      const next = UNITS[tokens[j]?.folded ?? ""];
      if (next === "$" || next === "€") [currency, last] = [next, j];
    }
    const end = unit === "%" ? token.end + after.indexOf("%") + 1 : tokens[last]!.end;
    const start = CURRENCY_BEFORE.some(([re]) => re.test(before))
      ? text.lastIndexOf(currency ?? "", token.start)
      : token.start;
    const key = [value, unit, currency].filter(Boolean).join(" ");
    spans.push({ key, value, unit, currency, start, end });
  }
  return spans;
}

/** `12,5` and `12.5` are decimals; `1,000` and `2.500.000` group thousands. */
function numberValue(surface: string): string | undefined {
  if (/^\p{N}{1,3}(?:[.,]\p{N}{3})+$/u.test(surface) && !/^0[.,]/.test(surface))
    return surface.replace(/[.,]/g, "");
  if (/^\p{N}+(?:[.,]\p{N}+)?$/u.test(surface)) return surface.replace(",", ".");
  return undefined;
}

/** Marks the tokens of a date in `dated` so that `14 septembre` is not read as the number 14. */
function datesOf(tokens: Token[], text: string, dated: Set<number>): string[] {
  const dates = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const month = Number(MONTHS[token.folded] ?? Number.NaN);
    // Lower-case `may` and `march` are a verb and a noun far more often than months.
    if (!Number.isNaN(month) && !(token.surface === "may" || token.surface === "march")) {
      const dayBefore = dayAt(tokens, i - 1);
      const dayAfter = dayAt(tokens, i + 1);
      if (dayBefore !== undefined) dated.add(i - 1);
      if (dayAfter !== undefined) dated.add(i + 1);
      const yearAt = [i + 1, i + 2].find((j) => /^(?:19|20)\d\d$/.test(tokens[j]?.folded ?? ""));
      if (yearAt !== undefined) {
        dated.add(yearAt);
        const year = tokens[yearAt]!.folded;
        const day = dayBefore ?? (yearAt === i + 2 ? dayAfter : undefined);
        dates.add(year);
        dates.add(`${year}-${pad(month)}`);
        if (day !== undefined) dates.add(`${year}-${pad(month)}-${pad(day)}`);
      }
      continue;
    }
    if (!/^(?:19|20)\d\d$/.test(token.folded)) continue;
    dates.add(token.folded);
    // ISO dates: 2020-09-14.
    const m = tokens[i + 1];
    const d = tokens[i + 2];
    if (m && d && text.slice(token.end, d.end).match(/^-\d\d-\d\d$/)) {
      dated.add(i + 1).add(i + 2);
      dates.add(`${token.folded}-${m.folded}`);
      dates.add(`${token.folded}-${m.folded}-${d.folded}`);
    }
  }
  return [...dates];
}

function dayAt(tokens: Token[], i: number): number | undefined {
  const folded = tokens[i]?.folded.replace(/(?:st|nd|rd|th|er)$/, "");
  if (!folded || !/^\d{1,2}$/.test(folded)) return undefined;
  const day = Number(folded);
  return day >= 1 && day <= 31 ? day : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
