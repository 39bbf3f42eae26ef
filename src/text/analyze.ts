import { stemKeys } from "./stem.ts";
import { isStopWord } from "./stopwords.ts";
import { type Token, tokenize } from "./tokenize.ts";

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
  const tokens = tokenize(text);
  const keys = tokens.map((t) => (isDroppable(t) ? [] : stemKeys(t.folded)));
  const compounds = new Map<number, string>();
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (!b.joinedToPrevious || /\d/.test(a.folded + b.folded)) continue;
    const hyphenated = text.slice(a.end, b.start) === "-";
    if ((a.capitalised && b.capitalised) || hyphenated) compounds.set(i - 1, a.folded + b.folded);
  }
  return { tokens, keys, compounds };
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
function isDroppable(token: Token): boolean {
  if (
    token.surface.length > 1 &&
    token.surface === token.surface.toUpperCase() &&
    /\p{Lu}/u.test(token.surface)
  ) {
    return false;
  }
  return isStopWord(token.folded);
}
