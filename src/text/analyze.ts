import { stemKeys } from "./stem.ts";
import { isStopWord } from "./stopwords.ts";
import {
  CAPITALISED,
  endOf,
  JOINED,
  type ScannedText,
  scanText,
  startOf,
  type Token,
  tokenize,
  tokensOf,
} from "./tokenize.ts";
import { type CompoundForm, hashTerm, openingOf, signatureOf, type WordForm } from "./word-forms.ts";

/**
 * A text reduced to what matching, grouping and search compare: for each word its position and
 * its comparison keys (folded stems). Stop words keep their position (phrases stay exact) but
 * carry no keys.
 */
export interface AnalyzedText {
  tokens: Token[];
  /** keys[i] are the comparison keys of tokens[i] (empty for stop words). */
  keys: (readonly string[])[];
  /**
   * Compounds of adjacent capitalised words or hyphenated parts, by the position of their first
   * part: `Byte Dance` and `Tik-Tok` also count as `bytedance` and `tiktok`.
   */
  compounds: Map<number, string>;
}

export function analyzeText(text: string): AnalyzedText {
  const scan = scanWords(text);
  const compounds = new Map<number, string>();
  scan.compoundAt.forEach((at, n) => {
    compounds.set(at, scan.compounds[n]!.folded);
  });
  return { tokens: tokensOf(scan), keys: scan.forms.map((form) => form.keys!), compounds };
}

/**
 * A text's words as `analyzeText` finds them, without a Token object each: every form has its
 * `keys` set, and the compounds are listed by the index of their first token.
 */
export interface ScannedWords extends ScannedText {
  compoundAt: number[];
  compounds: CompoundForm[];
}

export function scanWords(text: string): ScannedWords {
  const scan = scanText(text);
  const { forms } = scan;
  const compoundAt: number[] = [];
  const compounds: CompoundForm[] = [];
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    if (form.keys === undefined) setKeys(form);
    const compound = compoundBefore(text, scan, i);
    if (compound === undefined) continue;
    compoundAt.push(i - 1);
    compounds.push(compound);
  }
  return { forms, spans: scan.spans, merged: scan.merged, compoundAt, compounds };
}

/**
 * The compound that token `i` of a scan forms with the token before it (`Byte Dance`,
 * `Tik-Tok`), if any: joined to it, and both capitalised or split by exactly one hyphen, and
 * neither holding a digit.
 */
export function compoundBefore(text: string, scan: ScannedText, i: number): CompoundForm | undefined {
  const { forms, spans } = scan;
  const span = spans[i]!;
  if (!(span & JOINED) || i === 0) return undefined;
  // The cheap test of the flags first, then the text.
  if (!(spans[i - 1]! & span & CAPITALISED)) {
    const start = startOf(scan, i);
    if (text.charCodeAt(start - 1) !== HYPHEN || start - endOf(scan, i - 1) !== 1) return undefined;
  }
  if (forms[i - 1]!.digit || forms[i]!.digit) return undefined;
  return compoundOf(forms[i - 1]!, forms[i]!);
}

/** Sets a form's keys (none for a stop word) and the hashes of its terms (once per form). */
export function setKeys(form: WordForm): void {
  const keys = isDroppable(form.surface, form.folded) ? NO_KEYS : stemKeys(form.folded);
  const foldedHash = hashTerm(form.folded);
  const keyHashes = keys.map(hashTerm);
  form.keys = keys;
  form.foldedHash = foldedHash;
  form.keyHashes = keyHashes;
  form.firstKey = keys[0];
  form.firstKeyHash = keyHashes[0] ?? 0;
  form.secondKey = keys[1];
  form.secondKeyHash = keyHashes[1] ?? 0;
  form.opening = openingOf(form.folded);
  form.signature = signatureOf(foldedHash, keyHashes);
}

const HYPHEN = 0x2d;
const NO_KEYS: readonly string[] = [];

const KNOWN_FOLLOWERS = 64;

/**
 * `Byte` + `Dance` → `bytedance`, kept on the first form (for a bounded number of followers):
 * the same object each time, so its keys are stemmed once and its string hashed once.
 */
function compoundOf(first: WordForm, second: WordForm): CompoundForm {
  const known = first.compounds?.get(second);
  if (known !== undefined) return known;
  const folded = first.folded + second.folded;
  const keys = stemKeys(folded);
  const keyHashes = keys.map(hashTerm);
  const compound: CompoundForm = {
    folded,
    keys,
    foldedHash: hashTerm(folded),
    keyHashes,
    firstKey: keys[0],
    firstKeyHash: keyHashes[0] ?? 0,
    secondKey: keys[1],
    secondKeyHash: keyHashes[1] ?? 0,
    opening: openingOf(folded),
    pass: 0,
    passNote: 0,
  };
  first.compounds ??= new Map();
  if (first.compounds.size < KNOWN_FOLLOWERS) first.compounds.set(second, compound);
  return compound;
}

/**
 * The set of comparison keys of a text: every stem of every non-stop word, plus compounds.
 * What topic matching and story grouping look terms up in.
 */
export function termSet(text: string): Set<string> {
  const analyzed = analyzeText(text);
  const set = new Set<string>();
  for (const keys of analyzed.keys) for (const key of keys) set.add(key);
  for (const compound of analyzed.compounds.values()) for (const key of stemKeys(compound)) set.add(key);
  return set;
}

/** Keys of one search term as a user typed it (folded, stemmed both ways). */
export function termKeys(term: string): readonly string[] {
  const tokens = tokenize(term);
  if (tokens.length !== 1) return tokens.flatMap((t) => stemKeys(t.folded));
  return stemKeys(tokens[0]!.folded);
}

/** A stop word, unless written as an acronym: `AI` (Act) and `IT` are names, `ai` and `it` are not. */
function isDroppable(surface: string, folded: string): boolean {
  if (surface.length > 1 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface)) return false;
  return isStopWord(folded);
}
