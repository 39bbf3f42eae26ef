import { foldText } from "./fold.ts";

/**
 * What one written form of a word folds to, worked out once per distinct surface: news texts
 * repeat their words, so folding (and, in analysis, stemming) is done for a few thousand forms
 * rather than for every token. Analysis fills `keys` and `compounds` the first time it needs them.
 */
export interface WordForm {
  /** As written (shared by every token of this form, so tokens do not each copy it). */
  surface: string;
  folded: string;
  /** `folded` contains an ASCII digit (such words never form compounds). */
  digit: boolean;
  /** FOLDS_* bits: what the scanner asks of `folded`, answered without reading the string. */
  folds: number;
  keys: readonly string[] | undefined;
  /** `hashTerm` of `folded` and of each key, `openingOf(folded)` and `signatureOf`, set with `keys`. */
  foldedHash: number;
  keyHashes: readonly number[] | undefined;
  /**
   * `keys[0]`, `keys[1]` and their hashes (undefined and 0 when absent), set with `keys`: what
   * document preparation adds, read without two more arrays. `stemKeys` gives at most two keys.
   */
  firstKey: string | undefined;
  firstKeyHash: number;
  secondKey: string | undefined;
  secondKeyHash: number;
  opening: number;
  signature: number;
  /** Compounds with the forms that followed this one (`Byte` → `Dance` → `bytedance`). */
  compounds: Map<WordForm, CompoundForm> | undefined;
  /**
   * Scratch for a synchronous pass that handles each distinct form of a text once (document
   * preparation): the number of the pass that last saw this form, and what it noted then.
   */
  pass: number;
  passNote: number;
}

/** Two adjacent forms written as one (`Byte Dance` → `bytedance`), with its comparison keys. */
export interface CompoundForm {
  folded: string;
  keys: readonly string[];
  /** As in WordForm. */
  foldedHash: number;
  keyHashes: readonly number[];
  firstKey: string | undefined;
  firstKeyHash: number;
  secondKey: string | undefined;
  secondKeyHash: number;
  opening: number;
  /** As in WordForm. */
  pass: number;
  passNote: number;
}

/** `folded` is empty: the token is dropped. */
export const FOLDS_EMPTY = 1;
/** `folded` is `etats` or `unis`, which the scanner merges into one `usa` token. */
export const FOLDS_ETATS = 2;
export const FOLDS_UNIS = 4;

const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
const POSSESSIVE = /'s?$/;
const DECIMAL_COMMA = /^\p{N}+(?:,\p{N}+)$/u;
const US_FORMS = new Set(["u.s", "u.s.", "u.s.a", "u.s.a.", "usa"]);
/** The form of a merged `États-Unis` token (each keeps its own surface, see ScannedText). */
export const UNITED_STATES = createForm("États-Unis", "usa");

// Forms by surface, in an open-addressing table keyed by a hash computed from the text itself:
// a known word is found without first copying it out of the text. Hashes sit in their own
// compact array so that a probe reads a form only when its hash matches. The table starts
// small (cache-friendly), doubles when half full, and is cleared when full at its largest.
const TABLE_START = 1 << 12;
const TABLE_MAX = 1 << 17;
let tableHashes = new Int32Array(TABLE_START);
// Filled up front: an array written at scattered indexes would turn sparse (slow).
let tableForms: (WordForm | undefined)[] = new Array(TABLE_START).fill(undefined);
let tableCount = 0;

// FNV-1a, kept in 32-bit integer arithmetic (the offset as a signed int, not a double).
/** The hash of no units, which `mixUnit` extends one UTF-16 unit at a time. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a's step: `hash` extended by one UTF-16 unit. */
export function mixUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}

/**
 * The form written as `text.slice(start, end)`: found in the table, or folded and added. The
 * scanner hashes the units of `start`…`end` while finding them (`unitsHash`, from FNV_OFFSET by
 * `mixUnit`), so each unit of a text is read once to find and hash its word.
 */
export function formHashed(text: string, start: number, end: number, unitsHash: number): WordForm {
  const hash = unitsHash | 1; // 0 marks an empty slot
  const length = end - start;
  let mask = tableHashes.length - 1;
  let slot = hash & mask;
  for (let found = tableHashes[slot]; found !== 0; found = tableHashes[slot]) {
    if (found === hash) {
      const form = tableForms[slot]!;
      if (form.surface.length === length && isWrittenAt(text, start, form.surface)) return form;
    }
    slot = (slot + 1) & mask;
  }
  if ((tableCount + 1) * 2 > tableHashes.length) {
    resizeTable(tableHashes.length < TABLE_MAX ? tableHashes.length * 2 : TABLE_START);
    mask = tableHashes.length - 1;
    slot = hash & mask;
    while (tableHashes[slot] !== 0) slot = (slot + 1) & mask;
  }
  const surface = text.slice(start, end);
  const form = createForm(surface, foldToken(surface));
  tableHashes[slot] = hash;
  tableForms[slot] = form;
  tableCount++;
  return form;
}

/**
 * Whether `text` holds `surface` at `start` (its length already checked): a loop over a word's
 * few units, rather than a `startsWith` builtin call for every token of every text.
 */
function isWrittenAt(text: string, start: number, surface: string): boolean {
  for (let k = 0; k < surface.length; k++)
    if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) return false;
  return true;
}

/** Moves the known forms to a table of `size` slots; a smaller size empties it (at its limit). */
function resizeTable(size: number): void {
  const hashes = tableHashes;
  const forms = tableForms;
  tableHashes = new Int32Array(size);
  tableForms = new Array(size).fill(undefined);
  tableCount = 0;
  if (size < hashes.length) return;
  const mask = size - 1;
  for (let from = 0; from < hashes.length; from++) {
    const hash = hashes[from]!;
    if (hash === 0) continue;
    let to = hash & mask;
    while (tableHashes[to] !== 0) to = (to + 1) & mask;
    tableHashes[to] = hash;
    tableForms[to] = forms[from];
    tableCount++;
  }
}

/**
 * Every field set at once, in one order: all forms share one object shape (fast property reads).
 * The fields each token reads come first, so that they share the object's first cache lines.
 */
function createForm(surface: string, folded: string): WordForm {
  return {
    surface,
    folds:
      folded === "" ? FOLDS_EMPTY : folded === "etats" ? FOLDS_ETATS : folded === "unis" ? FOLDS_UNIS : 0,
    pass: 0,
    passNote: 0,
    keys: undefined,
    folded,
    foldedHash: 0,
    opening: 0,
    firstKey: undefined,
    firstKeyHash: 0,
    secondKey: undefined,
    secondKeyHash: 0,
    digit: /\d/.test(folded),
    keyHashes: undefined,
    signature: 0,
    compounds: undefined,
  };
}

function foldToken(surface: string): string {
  // `US` in capitals is the country; `us` is a pronoun (and a stop word).
  if (surface === "US" || surface === "USA") return "usa";
  let folded = foldText(surface);
  if (US_FORMS.has(folded)) return "usa";
  folded = folded.replace(ELISION, "").replace(POSSESSIVE, "");
  if (DECIMAL_COMMA.test(folded)) folded = folded.replace(",", ".");
  return folded;
}

/**
 * The hash a term (folded word or key) is filed under in hashed tables: FNV-1a over its UTF-16
 * units, in 30 bits (a small integer for V8) and never 0 (which marks an empty slot). Word
 * forms keep theirs, so texts are not rehashed.
 */
export function hashTerm(term: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), FNV_PRIME);
  return (hash & 0x3fffffff) | 1;
}

/** The first two UTF-16 units of a word as one number (a one-unit word's second is 0): prefixes are matched on it first. */
export function openingOf(word: string): number {
  return (word.charCodeAt(0) << 16) | word.charCodeAt(1);
}

/**
 * A token's signature: one bit (of 30) per hash of its folded word and of its keys. Two tokens
 * that share a term share a bit, so a clear AND of signatures proves that they share none.
 */
export function signatureOf(foldedHash: number, keyHashes: readonly number[]): number {
  let bits = 1 << (foldedHash % 30);
  for (const hash of keyHashes) bits |= 1 << (hash % 30);
  return bits;
}
