import { analyzeText } from "../text/analyze.ts";
import { stemKeys } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";
import {
  type PreparedDocument,
  positionsOf,
  sortedWordsOf,
  ZONE_ANY,
  ZONE_BODY,
  ZONE_LEAD,
  ZONE_TITLE,
} from "./document.ts";
import { formatQuery } from "./format-query.ts";
import type { PhraseNode, QueryField, TermNode } from "./query.ts";

/**
 * A term or phrase ready to be looked up: `find` returns the zones (bits of ZONE_*) it occurs in,
 * already restricted to its field, 0 when absent.
 */
export interface CompiledLeaf {
  /** The leaf as written in the query language (`lead:tiktok`, `"executive order"`, `divest*`). */
  label: string;
  find: (doc: PreparedDocument) => number;
  /** Keys whose document frequencies estimate how rare the leaf is (for the idf in scores). */
  statKeys: readonly string[];
  /** How `statKeys` combine: a phrase is as rare as its rarest word, a term as common as its commonest key. */
  statMode: "min" | "max";
  /** Keys (`k`) or folded words (`=w`) one of which any matching document contains; none for prefixes. */
  anchors: readonly string[] | undefined;
}

interface PhraseWord {
  folded: string;
  /** Comparison keys; empty for a stop word, which then must match by its folded form. */
  keys: readonly string[];
}

const FIELD_MASK: Record<QueryField, number> = { title: ZONE_TITLE, lead: ZONE_TITLE | ZONE_LEAD };

export function compileLeaf(node: TermNode | PhraseNode): CompiledLeaf {
  const label = formatQuery(node);
  const mask = node.field ? FIELD_MASK[node.field] : ZONE_ANY;
  if (node.kind === "term" && node.prefix) return compilePrefix(label, node.text, mask);
  const analysed = analyzeText(node.text);
  const words = analysed.tokens.map((t, i) => ({ folded: t.folded, keys: analysed.keys[i]! }));
  if (words.length === 1) return compileWord(label, words[0]!, mask);
  return compilePhrase(label, words, mask);
}

function compileWord(label: string, word: PhraseWord, mask: number): CompiledLeaf {
  if (word.keys.length === 0) {
    const key = word.folded;
    return {
      label,
      find: (doc) => (doc.words.get(key) ?? 0) & mask,
      statKeys: [`=${key}`],
      statMode: "max",
      anchors: [`=${key}`],
    };
  }
  const keys = word.keys;
  const [first, second] = keys;
  // Most words have one or two keys: closures without a loop keep the hot path short.
  const find =
    keys.length === 1
      ? (doc: PreparedDocument) => (doc.keys.get(first!) ?? 0) & mask
      : keys.length === 2
        ? (doc: PreparedDocument) => ((doc.keys.get(first!) ?? 0) | (doc.keys.get(second!) ?? 0)) & mask
        : (doc: PreparedDocument) => findKeys(doc, keys) & mask;
  return {
    label,
    find,
    statKeys: keys,
    statMode: "max",
    anchors: keys,
  };
}

function findKeys(doc: PreparedDocument, keys: readonly string[]): number {
  let zones = 0;
  for (const key of keys) zones |= doc.keys.get(key) ?? 0;
  return zones;
}

function compilePrefix(label: string, text: string, mask: number): CompiledLeaf {
  // Hyphens and apostrophes vanish: `semi-conduct*` finds the compound `semiconducteurs`.
  const prefix = tokenize(text)
    .map((t) => t.folded)
    .join("");
  return {
    label,
    find: (doc) => findPrefix(sortedWordsOf(doc), doc.words, prefix) & mask,
    statKeys: [...stemKeys(prefix), `=${prefix}`],
    statMode: "max",
    anchors: undefined,
  };
}

function findPrefix(sorted: string[], words: Map<string, number>, prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  let zones = 0;
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++)
    zones |= words.get(sorted[i]!) ?? 0;
  return zones;
}

function compilePhrase(label: string, words: PhraseWord[], mask: number): CompiledLeaf {
  // `"byte dance"` also finds `ByteDance`: the words written together as one.
  const joinedKeys = stemKeys(words.map((w) => w.folded).join(""));
  const first = words[0]!.keys.length > 0 ? words[0]!.keys : [`=${words[0]!.folded}`];
  const textMask = mask & (ZONE_LEAD | ZONE_BODY);
  // Cheap test before looking at positions: every word occurs somewhere.
  const allPresent = (doc: PreparedDocument) => {
    for (const word of words) if (!isPresent(doc, word)) return false;
    return true;
  };
  const find = (doc: PreparedDocument): number => {
    let zones = findKeys(doc, joinedKeys) & mask;
    if (zones === mask || !allPresent(doc)) return zones;
    if (mask & ZONE_TITLE && !(zones & ZONE_TITLE) && phraseZones(doc, "title", first, words, ZONE_TITLE)) {
      zones |= ZONE_TITLE;
    }
    if (textMask & ~zones) zones |= phraseZones(doc, "text", first, words, textMask & ~zones);
    return zones;
  };
  const anchorWord = words.find((w) => w.keys.length > 0)?.keys ?? first;
  return {
    label,
    find,
    statKeys: words.map((w) => (w.keys.length > 0 ? w.keys[0]! : `=${w.folded}`)),
    statMode: "min",
    anchors: [...anchorWord, ...joinedKeys],
  };
}

/** Zones (among `wanted`) where the phrase stands in one part; stops once all are found. */
function phraseZones(
  doc: PreparedDocument,
  part: "title" | "text",
  first: readonly string[],
  words: PhraseWord[],
  wanted: number,
): number {
  let zones = 0;
  const positions = positionsOf(doc, part);
  for (const key of first) {
    for (const p of positions.get(key) ?? []) {
      const zone = part === "title" ? ZONE_TITLE : p < doc.leadTokens ? ZONE_LEAD : ZONE_BODY;
      if (!(wanted & zone) || zones & zone || !followsAt(doc, part, p, words)) continue;
      zones |= zone;
      if (zones === wanted) return zones;
    }
  }
  return zones;
}

function isPresent(doc: PreparedDocument, word: PhraseWord): boolean {
  if (word.keys.length === 0) return doc.words.has(word.folded);
  for (const key of word.keys) if (doc.keys.has(key)) return true;
  return false;
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const key of a) if (b.includes(key)) return true;
  return false;
}

/** True when the phrase's words stand at positions p, p+1, … of that part of the document. */
function followsAt(doc: PreparedDocument, part: "title" | "text", p: number, words: PhraseWord[]): boolean {
  const analysed = doc[part];
  for (let j = 0; j < words.length; j++) {
    const token = analysed.tokens[p + j];
    if (!token) return false;
    const word = words[j]!;
    if (word.keys.length === 0) {
      if (token.folded !== word.folded) return false;
    } else if (!sharesKey(analysed.keys[p + j]!, word.keys)) {
      return false;
    }
  }
  return true;
}
