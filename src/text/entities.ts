import { findNumberSpansIn, MONTHS, type NumberSpan, readNumbersAndDates } from "./numbers.ts";
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

export type { NumberSpan } from "./numbers.ts";

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

// Capitalised words that start sentences or are common nouns in titles rather than names.
const NOT_NAMES = new Set(
  `le la les un une the a an this ce cette in en after apres selon according mais but pour for si if quand
  when lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday
  sunday suivez read photo credit credits`.split(/\s+/),
);

// Titles before a name are not part of it: `President Donald Trump` is `donaldtrump`.
const TITLES = new Set(
  `president presidente ceo pdg senator senateur sen rep governor gouverneur judge juge secretary minister
  ministre mr mrs ms dr mme mlle chairman chancellor chancelier`.split(/\s+/),
);

// Words that may sit inside a name: `Bank of America`. `&` is not a token; gaps carry it.
const NAME_LINKS = new Set(["of", "de", "du", "des"]);
const ELIDED = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;
const SENTENCE_BREAK = /[.!?:«"“]\s*$/;
/**
 * Names, numbers and dates of a text. `known` holds name keys found elsewhere in the same
 * document: a capitalised word that opens a sentence counts as a name only when it is known,
 * written like a name (`TikTok`, `IBM`) or seen mid-sentence in the same text.
 */
export function extractEntities(text: string, known?: ReadonlySet<string>): Entities {
  return readEntities(text, tokenize(text), known).entities;
}

/** The names of a text with their positions (see {@link extractEntities} for the rules). */
export function findNameSpans(text: string, known?: ReadonlySet<string>): NameSpan[] {
  return findNameSpansIn(tokensOf(text), text, known);
}

/**
 * {@link extractEntities} and {@link findNameSpans} of a text in one pass over tokens the caller
 * already has (`tokenize(text)`): the fact base reads every sentence once.
 */
export function readEntities(
  text: string,
  tokens: readonly Token[],
  known?: ReadonlySet<string>,
): { entities: Entities; names: NameSpan[] } {
  const names = findNameSpansIn(tokens, text, known);
  const { numbers, dates } = readNumbersAndDates(tokens, text);
  const keys = new Set<string>();
  for (const span of names) keys.add(span.key);
  return { entities: { names: [...keys], numbers, dates }, names };
}

/** A text already tokenized, as one part of a longer document. */
export interface TokenizedPart {
  text: string;
  tokens: readonly Token[];
}

/**
 * The name keys of a document written as parts joined by line breaks:
 * `new Set(extractEntities(parts.map((p) => p.text).join("\n")).names)` without joining and
 * tokenizing the document again (no token spans a line break).
 */
export function findDocumentNames(parts: readonly TokenizedPart[]): Set<string> {
  const tokens: Token[] = [];
  const textOf: string[] = [];
  // The gap before each part's first token: the previous part's tail, line breaks, empty parts.
  const boundaries: (string | undefined)[] = [];
  let pending = "";
  parts.forEach(({ text, tokens: own }, p) => {
    if (p > 0) pending += "\n";
    if (own.length === 0) {
      pending += text;
      return;
    }
    boundaries[tokens.length] = pending + text.slice(0, own[0]!.start);
    for (const token of own) {
      tokens.push(token);
      textOf.push(text);
    }
    pending = text.slice(own[own.length - 1]!.end);
  });
  const ranges = nameRangesOf(
    tokens,
    (i) => boundaries[i] ?? textOf[i]!.slice(tokens[i - 1]!.end, tokens[i]!.start),
    (i) => {
      const boundary = boundaries[i];
      return boundary === undefined
        ? endsSentence(textOf[i]!, tokens[i - 1]!.end, tokens[i]!.start)
        : SENTENCE_BREAK.test(boundary);
    },
  );
  const names = new Set<string>();
  for (let r = 0; r < ranges.length; r += 2) {
    const key = keyOf(tokens, ranges[r]!, ranges[r + 1]!);
    if (key.length > 1) names.add(key);
  }
  return names;
}

/** The numbers of a text with their units and positions (years and days of dates excluded). */
export function findNumberSpans(text: string): NumberSpan[] {
  return findNumberSpansIn(tokensOf(text), text);
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

function findNameSpansIn(tokens: readonly Token[], text: string, known?: ReadonlySet<string>): NameSpan[] {
  const ranges = nameRangesOf(
    tokens,
    (i) => text.slice(tokens[i - 1]!.end, tokens[i]!.start),
    (i) => endsSentence(text, tokens[i - 1]!.end, tokens[i]!.start),
    known,
  );
  const spans: NameSpan[] = [];
  for (let r = 0; r < ranges.length; r += 2) {
    const span = spanOf(tokens, text, ranges[r]!, ranges[r + 1]!);
    if (span.key.length > 1) spans.push(span);
  }
  return spans;
}

interface Run {
  first: number;
  last: number;
  opening: boolean;
}

/**
 * The token ranges of a text's names, as flat `[first, last, first, last, …]` pairs.
 * `gapAt(i)` is the text between token i - 1 and token i (asked for i > 0 only).
 */
function nameRangesOf(
  tokens: readonly Token[],
  gapAt: (i: number) => string,
  opensAt: (i: number) => boolean,
  known?: ReadonlySet<string>,
): number[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const opening = i === 0 || opensAt(i);
    const bare = bareSurface(token.surface);
    const elided = bare.length !== token.surface.length;
    if (isNameWord(token, bare, opening)) {
      // `Toronto's Parallax AI`: a possessive ends the name it follows (not `McDonald's Corp`).
      const continues =
        run &&
        !elided &&
        (!POSSESSIVE.test(tokens[run.last]!.surface) || COMPANY_SUFFIXES.has(token.folded)) &&
        (token.joinedToPrevious || gapAt(i) === " & " || isLinkedTo(tokens, i, run.last));
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
  if (runs.length === 0) return [];
  // Single names seen mid-sentence (or written like names) vouch for the same word elsewhere.
  // So do surnames: `Jane Doe` vouches for `Doe`; known names longer than six letters count.
  const vouchedHere = new Set<string>();
  const surnamesHere = new Set<string>();
  for (const r of runs) {
    if (r.first === r.last && (!r.opening || looksLikeName(tokens[r.first]!)))
      vouchedHere.add(tokens[r.first]!.folded);
    if (r.last > r.first) surnamesHere.add(tokens[r.last]!.folded);
  }
  const ranges: number[] = [];
  for (const r of runs) {
    if (r.first === r.last) {
      const key = tokens[r.first]!.folded;
      if (
        r.opening &&
        !isVouched(key, vouchedHere, known) &&
        !isSurname(key, surnamesHere, known) &&
        !startsAnother(known, key)
      )
        continue;
      ranges.push(r.first, r.first);
      continue;
    }
    // `Oracle TikTok`: two names side by side, each known on its own.
    let allVouched = true;
    for (let i = r.first; i <= r.last && allVouched; i++)
      if (!NAME_LINKS.has(tokens[i]!.folded)) allVouched = isVouched(tokens[i]!.folded, vouchedHere, known);
    if (allVouched) {
      for (let i = r.first; i <= r.last; i++) if (!NAME_LINKS.has(tokens[i]!.folded)) ranges.push(i, i);
      continue;
    }
    // `Ajoutez Oracle`: a sentence-opening verb before a known name.
    const skipsVerb =
      r.opening &&
      !isVouched(tokens[r.first]!.folded, vouchedHere, known) &&
      isVouched(keyOf(tokens, r.first + 1, r.last), vouchedHere, known);
    ranges.push(skipsVerb ? r.first + 1 : r.first, r.last);
  }
  return ranges;
}

function isVouched(key: string, here: ReadonlySet<string>, known: ReadonlySet<string> | undefined): boolean {
  return here.has(key) || known?.has(key) === true;
}

/** A surname here (`Doe` of `Jane Doe`), a known name of seven letters or more, or the tail of either. */
function isSurname(key: string, here: ReadonlySet<string>, known: ReadonlySet<string> | undefined): boolean {
  return (
    here.has(key) ||
    (key.length > 6 && known?.has(key) === true) ||
    (key.length >= 3 && (endsAnother(here, key, 0) || endsAnother(known, key, 6)))
  );
}

/**
 * `SENTENCE_BREAK.test(text.slice(from, to))` without the slice: the gap's last character that
 * is not a space closes a sentence or opens a quote.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isSpaceAt(text, i)) i--;
  if (i < from) return false;
  const code = text.charCodeAt(i);
  // . ! ? : " « “
  return (
    code === 46 || code === 33 || code === 63 || code === 58 || code === 34 || code === 171 || code === 8220
  );
}

const SPACE = /\s/;

function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === 32) return true;
  if (code < 128 && (code > 32 || code < 9)) return false;
  return SPACE.test(text[i]!);
}

/** `Korvia` opening a headline over an article about `Korvia Mobile`: the short form of a known name. */
function startsAnother(keys: ReadonlySet<string> | undefined, key: string): boolean {
  if (key.length < 5) return false;
  for (const k of keys ?? []) if (k.length > key.length + 2 && k.startsWith(key)) return true;
  return false;
}

/** Whether `key` ends one of `keys` longer than `minLength` (and than `key` by three letters). */
function endsAnother(keys: ReadonlySet<string> | undefined, key: string, minLength: number): boolean {
  for (const k of keys ?? [])
    if (k.length > minLength && k.length > key.length + 2 && k.endsWith(key)) return true;
  return false;
}

/** The surface without a French elision: `d'Oracle` → `Oracle`. */
function bareSurface(surface: string): string {
  // Elisions are short: without an apostrophe among the first characters there is none.
  const end = Math.min(surface.length, 8);
  for (let i = 1; i < end; i++) {
    const code = surface.charCodeAt(i);
    if (code === 39 || code === 0x2019) return surface.replace(ELIDED, "");
  }
  return surface;
}

function isNameWord(token: Token, bare: string, opening: boolean): boolean {
  if (!startsUpper(bare)) return false;
  if (NOT_NAMES.has(token.folded) || TITLES.has(token.folded) || MONTHS[token.folded] !== undefined)
    return false;
  if (isStopWord(token.folded) && (opening || !isAcronym(bare))) return false;
  return true;
}

const UPPER_START = /^\p{Lu}/u;
const POSSESSIVE = /\p{L}['’]s$/u;
const COMPANY_SUFFIXES = new Set([
  "inc",
  "corp",
  "corporation",
  "co",
  "ltd",
  "plc",
  "llc",
  "sa",
  "ag",
  "group",
]);

function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90;
  return UPPER_START.test(text);
}

/** `Bank of America`: a lower-case link word between two capitalised words. */
function isLinkedTo(tokens: readonly Token[], i: number, last: number): boolean {
  if (last !== i - 2) return false;
  const link = tokens[i - 1]!;
  return NAME_LINKS.has(link.folded) && link.joinedToPrevious && tokens[i]!.joinedToPrevious;
}

const TWO_CAPITALS = /^\p{Lu}.*\p{Lu}/u;
const DIGIT = /\d/;
const CAPITAL = /\p{Lu}/u;

function looksLikeName(token: Token): boolean {
  const surface = bareSurface(token.surface);
  return isAcronym(surface) || TWO_CAPITALS.test(surface) || DIGIT.test(surface);
}

function isAcronym(surface: string): boolean {
  return surface.length > 1 && surface === surface.toUpperCase() && CAPITAL.test(surface);
}

function keyOf(tokens: readonly Token[], first: number, last: number): string {
  let key = tokens[first]!.folded;
  for (let i = first + 1; i <= last; i++) key += tokens[i]!.folded;
  return key;
}

function spanOf(tokens: readonly Token[], text: string, first: number, last: number): NameSpan {
  const surface = tokens[first]!.surface;
  const start = tokens[first]!.start + surface.length - bareSurface(surface).length;
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
