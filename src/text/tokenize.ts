import {
  FNV_OFFSET,
  FOLDS_EMPTY,
  FOLDS_ETATS,
  FOLDS_UNIS,
  formHashed,
  mixUnit,
  UNITED_STATES,
  type WordForm,
} from "./word-forms.ts";

/** One word or number of a text, with where it stands so matches can be shown and quoted. */
export interface Token {
  /** As written. */
  surface: string;
  /** Folded (case, accents, elision and possessive removed); `U.S.` and `États-Unis` become `usa`. */
  folded: string;
  start: number;
  end: number;
  /** Written with a capital first letter (names: `Oracle`, `Byte Dance`). */
  capitalised: boolean;
  /** Separated from the previous token by a single space or hyphen only (can form a compound). */
  joinedToPrevious: boolean;
}

/**
 * A text's tokens as parallel arrays, without a Token object each: what tokens are built from,
 * and all that document preparation reads.
 */
export interface ScannedText {
  forms: WordForm[];
  /** Each token's start × 4 + its CAPITALISED and JOINED bits (read with `startOf`, `endOf`). */
  spans: number[];
  /** Merged `États-Unis` tokens by index (their form is a shared `usa` form): surface and end. */
  merged: Map<number, { surface: string; end: number }> | undefined;
}

export const CAPITALISED = 1;
export const JOINED = 2;

// The rules of the former token regex, which this scanner reproduces character for character:
//   \p{Lu}(?:\.\p{Lu})+\.?  |  \p{N}+(?:[.,]\p{N}+)*  |  [\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*
// Order matters: dotted acronyms (U.S.), then numbers with decimals (2.5, 12,5: `5g` is `5`
// then `g`), then words with inner apostrophes (l'été, TikTok's). Hyphens split words;
// `joinedToPrevious` remembers them.
const UPPER = 1;
const LETTER = 2;
const NUMBER = 4;
const WORD = LETTER | NUMBER;
const KNOWN = 0x80;
/** Character classes of the Basic Multilingual Plane beyond ASCII, filled in as characters are met. */
const classes = new Uint8Array(0x10000);

const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, code) => classify(String.fromCharCode(code)));

export function tokenize(text: string): Token[] {
  return tokensOf(scanText(text));
}

/** The Token objects of a scanned text. */
export function tokensOf(scan: ScannedText): Token[] {
  const { forms, spans, merged } = scan;
  const tokens: Token[] = new Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    const span = spans[i]!;
    const start = span >> 2;
    const united = merged?.get(i);
    tokens[i] = {
      surface: united?.surface ?? form.surface,
      folded: form.folded,
      start,
      end: united?.end ?? start + form.surface.length,
      capitalised: (span & CAPITALISED) !== 0,
      joinedToPrevious: (span & JOINED) !== 0,
    };
  }
  return tokens;
}

export function startOf(scan: ScannedText, i: number): number {
  return scan.spans[i]! >> 2;
}

export function endOf(scan: ScannedText, i: number): number {
  return scan.merged?.get(i)?.end ?? (scan.spans[i]! >> 2) + scan.forms[i]!.surface.length;
}

/** Finds the tokens of a text: each one's word form, place and flags. */
export function scanText(text: string): ScannedText {
  // Arrays sized for the usual token density up front and trimmed at the end: grown one push
  // at a time, they would each be copied a dozen times on the way (most of the scan's garbage).
  const length = text.length;
  const estimate = Math.ceil(length / CHARS_PER_TOKEN);
  const forms: WordForm[] = new Array(estimate);
  const spans: number[] = new Array(estimate);
  let merged: ScannedText["merged"];
  let count = 0;
  let previousEnd = -1;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const first = code < 0x80 ? ASCII_CLASSES[code]! : classAt(text, i);
    if (!(first & WORD)) {
      i += code < 0x80 ? 1 : widthAt(text, i);
      continue;
    }
    const start = i;
    const end = code < 0x80 ? asciiRunEnd(text, i, first) : matchEnd(text, i, first);
    i = end;
    const form = formHashed(text, start, end, tokenHash);
    // The gap is one space or one hyphen (the end of a dropped token counts as an end too).
    const joined = start - previousEnd === 1 && isSpaceOrHyphen(text.charCodeAt(previousEnd));
    previousEnd = end;
    // The folded strings are not read: the form's FOLDS_* bits say what they hold.
    const folds = form.folds;
    if (folds & FOLDS_EMPTY) continue;
    const last = count - 1;
    // `États-Unis` / `Etats Unis` → one `usa` token, so French and English texts meet.
    if (joined && folds & FOLDS_UNIS && last >= 0 && forms[last]!.folds & FOLDS_ETATS) {
      merged ??= new Map();
      merged.set(last, { surface: `${forms[last]!.surface}-${form.surface}`, end });
      forms[last] = UNITED_STATES;
      continue;
    }
    forms[count] = form;
    // A string is shorter than 2^29 units, so start × 4 stays a small integer.
    spans[count] = start * 4 + (first & UPPER ? CAPITALISED : 0) + (joined ? JOINED : 0);
    count++;
  }
  forms.length = count;
  spans.length = count;
  return { forms, spans, merged };
}

/** Characters per token in news prose (words, spaces, punctuation), rounded down: arrays fit. */
const CHARS_PER_TOKEN = 5;

/**
 * The hash (`mixUnit` from FNV_OFFSET) of the units of the token `matchEnd` last found: the
 * runs are hashed as they are scanned, so a word's units are read once (see `formHashed`).
 */
let tokenHash = FNV_OFFSET;

/**
 * `matchEnd` for a token that starts with an ASCII character, most of them: its run of ASCII
 * word characters is read and hashed in one loop, and `matchEnd` reads it again only when the
 * character after the run could extend the token (a non-ASCII letter, an apostrophe, a decimal
 * mark after a number, the dot of an acronym such as `U.S.`).
 */
function asciiRunEnd(text: string, i: number, first: number): number {
  const mask = first & NUMBER ? NUMBER : WORD;
  let hash = FNV_OFFSET;
  let j = i;
  let code = text.charCodeAt(j);
  while (code < 0x80 && ASCII_CLASSES[code]! & mask) {
    hash = mixUnit(hash, code);
    code = text.charCodeAt(++j);
  }
  const mayGoOn =
    code >= 0x80 // also false past the end (NaN)
      ? code === 0x2019 || (classAt(text, j) & mask) !== 0
      : mask === NUMBER
        ? isDecimalMark(code)
        : code === 0x27 || (code === 0x2e && j === i + 1 && (first & UPPER) !== 0);
  if (mayGoOn) return matchEnd(text, i, first);
  tokenHash = hash;
  return j;
}

/** End of the token that starts at `i` (a letter or number of class `first`); sets `tokenHash`. */
function matchEnd(text: string, i: number, first: number): number {
  if (first & UPPER) {
    let j = i + widthAt(text, i);
    let dotted = false;
    while (text.charCodeAt(j) === 0x2e && classAt(text, j + 1) & UPPER) {
      j += 1 + widthAt(text, j + 1);
      dotted = true;
    }
    if (dotted) {
      const end = text.charCodeAt(j) === 0x2e ? j + 1 : j;
      tokenHash = formHashOf(text, i, end);
      return end;
    }
  }
  tokenHash = FNV_OFFSET;
  if (first & NUMBER) {
    let j = runEnd(text, i, NUMBER);
    while (isDecimalMark(text.charCodeAt(j)) && classAt(text, j + 1) & NUMBER) {
      tokenHash = mixUnit(tokenHash, text.charCodeAt(j));
      j = runEnd(text, j + 1, NUMBER);
    }
    return j;
  }
  let j = runEnd(text, i, WORD);
  while (isApostrophe(text.charCodeAt(j)) && classAt(text, j + 1) & WORD) {
    tokenHash = mixUnit(tokenHash, text.charCodeAt(j));
    j = runEnd(text, j + 1, WORD);
  }
  return j;
}

/** Index just past the run of characters of class `mask` starting at `i`, its units mixed into `tokenHash`. */
function runEnd(text: string, i: number, mask: number): number {
  let j = i;
  let hash = tokenHash;
  for (;;) {
    const code = text.charCodeAt(j);
    if (code < 0x80) {
      if ((ASCII_CLASSES[code]! & mask) === 0) break;
      hash = mixUnit(hash, code);
      j++;
    } else if (classAt(text, j) & mask) {
      hash = mixUnit(hash, code);
      if (widthAt(text, j) === 2) hash = mixUnit(hash, text.charCodeAt(++j));
      j++;
    } else {
      break;
    }
  }
  tokenHash = hash;
  return j;
}

function formHashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = mixUnit(hash, text.charCodeAt(k));
  return hash;
}

/** UPPER | LETTER | NUMBER bits of the code point at `i` (0 past the end). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_CLASSES[code]!;
  if (!(code > 0)) return 0; // past the end: charCodeAt gave NaN
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? classify(text.slice(i, i + 2)) : 0;
  }
  let found = classes[code]!;
  if (found === 0) {
    found = classify(String.fromCharCode(code)) | KNOWN;
    classes[code] = found;
  }
  return found & ~KNOWN;
}

/** Code units of the code point at `i`: 2 for a surrogate pair. */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

function classify(char: string): number {
  if (/\p{Lu}/u.test(char)) return UPPER | LETTER;
  if (/\p{L}/u.test(char)) return LETTER;
  return /\p{N}/u.test(char) ? NUMBER : 0;
}

function isSpaceOrHyphen(code: number): boolean {
  return code === 0x20 || code === 0x2d;
}

function isDecimalMark(code: number): boolean {
  return code === 0x2e || code === 0x2c;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}
