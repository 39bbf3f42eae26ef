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
  keys: readonly string[] | undefined;
  /** `hashTerm` of `folded` and of each key, `openingOf(folded)` and `signatureOf`, set with `keys`. */
  foldedHash: number;
  keyHashes: readonly number[] | undefined;
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
  opening: number;
  /** As in WordForm. */
  pass: number;
  passNote: number;
}

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
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The form written as `text.slice(start, end)`: found in the table, or folded and added. */
export function formAt(text: string, start: number, end: number): WordForm {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  hash |= 1; // 0 marks an empty slot
  const length = end - start;
  let mask = tableHashes.length - 1;
  let slot = hash & mask;
  for (let found = tableHashes[slot]; found !== 0; found = tableHashes[slot]) {
    if (found === hash) {
      const form = tableForms[slot]!;
      if (form.surface.length === length && text.startsWith(form.surface, start)) return form;
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

/** Every field set at once, in one order: all forms share one object shape (fast property reads). */
function createForm(surface: string, folded: string): WordForm {
  return {
    surface,
    folded,
    digit: /\d/.test(folded),
    keys: undefined,
    foldedHash: 0,
    keyHashes: undefined,
    opening: 0,
    signature: 0,
    compounds: undefined,
    pass: 0,
    passNote: 0,
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
