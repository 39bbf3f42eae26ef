/**
 * Numbers with their units and currencies, and dates, read from tokens: the `numbers` and
 * `dates` of an item's entities (see entities.ts, which also finds the names).
 */
import type { Token } from "./tokenize.ts";

/** A number as `findNumberSpans` reads it. */
export interface NumberSpan {
  /** As in `Entities.numbers`: `90 day`, `5 billion $`. */
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

/** Month words (folded) → month number. */
export const MONTHS =
  readTable(`1: january janvier | 2: february fevrier | 3: march mars | 4: april avril | 5: may mai
  | 6: june juin | 7: july juillet | 8: august aout | 9: september septembre | 10: october octobre
  | 11: november novembre | 12: december decembre`);

// Without a prototype: a word like `constructor` must not read as a unit or a month.
function readTable(spec: string): Record<string, string> {
  const table: Record<string, string> = Object.create(null);
  for (const entry of spec.split("|")) {
    const [value = "", words = ""] = entry.split(":");
    for (const word of words.trim().split(/\s+/)) table[word] = value.trim();
  }
  return table;
}

const CURRENCY_BEFORE: [RegExp, string][] = [
  [/\$\s*$/, "$"],
  [/€\s*$/, "€"],
  [/£\s*$/, "£"],
];

/**
 * The numbers and dates of a tokenized text, as in `Entities`: dates first, so that the
 * day and year of `14 septembre 2020` are not read as numbers.
 */
export function readNumbersAndDates(
  tokens: readonly Token[],
  text: string,
): { numbers: string[]; dates: string[] } {
  const dated = new Set<number>();
  const dates = datesOf(tokens, text, dated);
  const numbers = [...new Set(numberSpansOf(tokens, text, dated).map((span) => span.key))];
  return { numbers, dates };
}

/**
 * The numbers of a tokenized text with their units and positions (years and days of dates
 * excluded). `spelled`: also numbers written as words before a unit (`two days`), which answers
 * read; entities and story grouping leave them out (`two years ago` is filler in many articles).
 */
export function findNumberSpansIn(
  tokens: readonly Token[],
  text: string,
  options: { spelled?: boolean } = {},
): NumberSpan[] {
  const dated = new Set<number>();
  datesOf(tokens, text, dated);
  return numberSpansOf(tokens, text, dated, options.spelled === true);
}

// `1 000`: a group of up to three digits, then groups of three.
const GROUPED = /^\d{1,3}(?: \d{3})*$/;
const THOUSANDS = /^\d{3}$/;
const PERCENT_AFTER = /^\s?%/;
const EURO_AFTER = /^\s?€/;

// Numbers written as words, read only before a unit (`two days`, `deux mois`, `four-hour`):
// alone, `two` or `neuf` are as often something else. `one`/`un` are articles more often.
const SPELLED = readTable(`2: two deux | 3: three trois | 4: four quatre | 5: five cinq | 6: six
  | 7: seven sept | 8: eight huit | 9: nine neuf | 10: ten dix | 11: eleven onze | 12: twelve douze
  | 15: fifteen quinze | 20: twenty vingt | 30: thirty trente`);
const COUNTED = new Set(["day", "week", "month", "year", "hour", "people", "users", "million", "billion"]);

function numberSpansOf(
  tokens: readonly Token[],
  text: string,
  dated: ReadonlySet<number>,
  readSpelled = false,
): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const spelled = readSpelled ? SPELLED[first.folded] : undefined;
    const unitAfter = UNITS[tokens[i + 1]?.folded ?? ""];
    if (spelled !== undefined && unitAfter !== undefined && COUNTED.has(unitAfter)) {
      const end = tokens[i + 1]!.end;
      spans.push({
        key: `${spelled} ${unitAfter}`,
        value: spelled,
        unit: unitAfter,
        start: first.start,
        end,
      });
      continue;
    }
    if (!startsWithNumber(first.surface) || dated.has(i)) continue;
    // `1 000` and `20 000`: French groups thousands with a space.
    let surface = first.surface;
    while (GROUPED.test(surface) && THOUSANDS.test(tokens[i + 1]?.surface ?? "")) {
      if (text.slice(tokens[i]!.end, tokens[i + 1]!.start) !== " ") break;
      surface += ` ${tokens[++i]!.surface}`;
    }
    const token = { start: first.start, end: tokens[i]!.end };
    const value = surface.includes(" ") ? surface.replace(/ /g, "") : numberValue(surface);
    if (value === undefined || YEAR.test(surface)) continue;
    const before = text.slice(Math.max(0, token.start - 4), token.start);
    const after = text.slice(token.end, token.end + 3);
    let unit = PERCENT_AFTER.test(after) ? "%" : UNITS[tokens[i + 1]?.folded ?? ""];
    let last = unit && unit !== "%" ? i + 1 : i;
    const written = CURRENCY_BEFORE.find(([re]) => re.test(before));
    let currency = written?.[1] ?? (EURO_AFTER.test(after) ? "€" : undefined);
    if (unit === "$" || unit === "€") [currency, unit] = [unit, undefined];
    if ((unit === "million" || unit === "billion") && !currency) {
      const j = ["de", "of"].includes(tokens[i + 2]?.folded ?? "") ? i + 3 : i + 2;
      const next = UNITS[tokens[j]?.folded ?? ""];
      if (next === "$" || next === "€") [currency, last] = [next, j];
    }
    const end = unit === "%" ? token.end + after.indexOf("%") + 1 : tokens[last]!.end;
    const start = written ? text.lastIndexOf(currency ?? "", token.start) : token.start;
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
function datesOf(tokens: readonly Token[], text: string, dated: Set<number>): string[] {
  const dates = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const written = MONTHS[token.folded];
    const month = written === undefined ? Number.NaN : Number(written);
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
    if (!isYear(token.folded)) continue;
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

const YEAR = /^(?:19|20)\d\d$/;

export function isYear(folded: string): boolean {
  return folded.length === 4 && YEAR.test(folded);
}

const NUMBER_START = /^\p{N}/u;

function startsWithNumber(surface: string): boolean {
  const code = surface.charCodeAt(0);
  if (code < 0x80) return code >= 48 && code <= 57;
  return NUMBER_START.test(surface);
}

function dayAt(tokens: readonly Token[], i: number): number | undefined {
  const folded = tokens[i]?.folded.replace(/(?:st|nd|rd|th|er)$/, "");
  if (!folded || !/^\d{1,2}$/.test(folded)) return undefined;
  const day = Number(folded);
  return day >= 1 && day <= 31 ? day : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
