import { analyzeText } from "../text/analyze.ts";
import { stemKeys } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";
import { hashTerm, openingOf, signatureOf } from "../text/word-forms.ts";
import {
  type PreparedDocument,
  type TokenSequence,
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
  /** What `find` reads for a single word, so a matcher can hold it as data; none otherwise. */
  probe: LeafProbe | undefined;
}

/** A word leaf as data: `find` is the OR of the zones of `terms` in one table, within `mask`. */
export interface LeafProbe {
  /** The document's words table (a stop word, by its folded form), else its keys table. */
  inWords: boolean;
  terms: readonly string[];
  hashes: readonly number[];
  mask: number;
}

interface PhraseWord {
  folded: string;
  /** Comparison keys; empty for a stop word, which then must match by its folded form. */
  keys: readonly string[];
  /** `hashTerm` of `folded` and of each key (documents' tables are probed with them). */
  foldedHash: number;
  keyHashes: readonly number[];
  /** Bits a token's signature shares with this word's if it can match it (see `followsAt`). */
  signature: number;
}

const FIELD_MASK: Record<QueryField, number> = { title: ZONE_TITLE, lead: ZONE_TITLE | ZONE_LEAD };

export function compileLeaf(node: TermNode | PhraseNode): CompiledLeaf {
  const label = formatQuery(node);
  const mask = node.field ? FIELD_MASK[node.field] : ZONE_ANY;
  if (node.kind === "term" && node.prefix) return compilePrefix(label, node.text, mask);
  const analysed = analyzeText(node.text);
  const words = analysed.tokens.map((t, i) => phraseWord(t.folded, analysed.keys[i]!));
  if (words.length === 1) return compileWord(label, words[0]!, mask);
  return compilePhrase(label, words, mask);
}

function phraseWord(folded: string, keys: readonly string[]): PhraseWord {
  const foldedHash = hashTerm(folded);
  const keyHashes = keys.map(hashTerm);
  // A token matches by sharing a key, or a stop word by its folded form: the bits of those.
  const signature = keys.length > 0 ? signatureOf(keyHashes[0]!, keyHashes) : signatureOf(foldedHash, []);
  return { folded, keys, foldedHash, keyHashes, signature };
}

function compileWord(label: string, word: PhraseWord, mask: number): CompiledLeaf {
  if (word.keys.length === 0) {
    const { folded, foldedHash } = word;
    return {
      label,
      find: (doc) => doc.wordTable.get(folded, foldedHash) & mask,
      statKeys: [`=${folded}`],
      statMode: "max",
      anchors: [`=${folded}`],
      probe: { inWords: true, terms: [folded], hashes: [foldedHash], mask },
    };
  }
  const { keys, keyHashes } = word;
  const [first, second] = keys;
  const [firstHash, secondHash] = keyHashes;
  // Most words have one or two keys: closures without a loop keep the hot path short.
  const find =
    keys.length === 1
      ? (doc: PreparedDocument) => doc.keyTable.get(first!, firstHash!) & mask
      : keys.length === 2
        ? (doc: PreparedDocument) =>
            (doc.keyTable.get(first!, firstHash!) | doc.keyTable.get(second!, secondHash!)) & mask
        : (doc: PreparedDocument) => findKeys(doc, keys, keyHashes) & mask;
  return {
    label,
    find,
    statKeys: keys,
    statMode: "max",
    anchors: keys,
    probe: { inWords: false, terms: keys, hashes: keyHashes, mask },
  };
}

function findKeys(doc: PreparedDocument, keys: readonly string[], hashes: readonly number[]): number {
  let zones = 0;
  for (let k = 0; k < keys.length; k++) zones |= doc.keyTable.get(keys[k]!, hashes[k]!);
  return zones;
}

function compilePrefix(label: string, text: string, mask: number): CompiledLeaf {
  // Hyphens and apostrophes vanish: `semi-conduct*` finds the compound `semiconducteurs`.
  const prefix = tokenize(text)
    .map((t) => t.folded)
    .join("");
  // Documents' words are tagged with their opening: comparing it first rejects almost every
  // word without reading it (a prefix shorter than an opening reads them all).
  const opening = prefix.length >= 2 ? openingOf(prefix) : undefined;
  const starts = (word: string) => word.startsWith(prefix);
  return {
    label,
    find: (doc) => doc.wordTable.collect(opening, starts) & mask,
    statKeys: [...stemKeys(prefix), `=${prefix}`],
    statMode: "max",
    anchors: undefined,
    probe: undefined,
  };
}

function compilePhrase(label: string, words: PhraseWord[], mask: number): CompiledLeaf {
  // `"byte dance"` also finds `ByteDance`: the words written together as one.
  const joinedKeys = stemKeys(words.map((w) => w.folded).join(""));
  const joinedHashes = joinedKeys.map(hashTerm);
  const first = words[0]!.keys.length > 0 ? words[0]!.keys : [`=${words[0]!.folded}`];
  const textMask = mask & (ZONE_LEAD | ZONE_BODY);
  // Cheap test before reading the tokens: every word occurs somewhere.
  const allPresent = (doc: PreparedDocument) => {
    for (const word of words) if (!isPresent(doc, word)) return false;
    return true;
  };
  // Topics often share a phrase, and a matched topic's phrases are looked up again for its
  // score: the outcome of reading the tokens is kept on the document under this key.
  const memoKey = `${mask}|${words.map((w) => `${w.folded}=${w.keys.join(",")}`).join(" ")}`;
  const find = (doc: PreparedDocument): number => {
    const joined = findKeys(doc, joinedKeys, joinedHashes) & mask;
    if (joined === mask || !allPresent(doc)) return joined;
    doc.cache.phrases ??= new Map();
    const memo = doc.cache.phrases;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    let zones = joined;
    // The phrase can start only where its first word stands.
    const firstZones = zonesOf(doc, words[0]!);
    if (
      mask & firstZones & ZONE_TITLE &&
      !(zones & ZONE_TITLE) &&
      phraseZones(doc, "title", words, ZONE_TITLE)
    ) {
      zones |= ZONE_TITLE;
    }
    const wanted = textMask & firstZones & ~zones;
    if (wanted) zones |= phraseZones(doc, "text", words, wanted);
    memo.set(memoKey, zones);
    return zones;
  };
  const anchorWord = words.find((w) => w.keys.length > 0)?.keys ?? first;
  return {
    label,
    find,
    statKeys: words.map((w) => (w.keys.length > 0 ? w.keys[0]! : `=${w.folded}`)),
    statMode: "min",
    anchors: [...anchorWord, ...joinedKeys],
    probe: undefined,
  };
}

/**
 * Zones (among `wanted`) where the phrase stands in one part; stops once all are found. The
 * tokens are read in order (cheaper than indexing every position of a document for the few
 * phrases whose words are all present); the lead's tokens come first in the text.
 */
function phraseZones(
  doc: PreparedDocument,
  part: "title" | "text",
  words: PhraseWord[],
  wanted: number,
): number {
  const sequence = part === "title" ? doc.titleSequence : doc.textSequence;
  const last = sequence.words.length - words.length;
  if (part === "title") {
    for (let p = 0; p <= last; p++) if (followsAt(sequence, p, words)) return ZONE_TITLE;
    return 0;
  }
  let zones = 0;
  const from = wanted & ZONE_LEAD ? 0 : doc.leadTokens;
  const to = wanted & ZONE_BODY ? last : Math.min(last, doc.leadTokens - 1);
  for (let p = from; p <= to; p++) {
    const zone = p < doc.leadTokens ? ZONE_LEAD : ZONE_BODY;
    if (zones & zone || !followsAt(sequence, p, words)) continue;
    zones |= zone;
    if (zones === wanted) return zones;
    if (zone === ZONE_LEAD) p = doc.leadTokens - 1; // the rest of the lead adds nothing
  }
  return zones;
}

function isPresent(doc: PreparedDocument, word: PhraseWord): boolean {
  return zonesOf(doc, word) !== 0;
}

/** Zones of the document where a word (by its keys, or as written for a stop word) occurs. */
function zonesOf(doc: PreparedDocument, word: PhraseWord): number {
  if (word.keys.length === 0) return doc.wordTable.get(word.folded, word.foldedHash);
  return findKeys(doc, word.keys, word.keyHashes);
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const key of a) if (b.includes(key)) return true;
  return false;
}

/** True when the phrase's words stand at positions p, p+1, … of the sequence. */
function followsAt(sequence: TokenSequence, p: number, words: PhraseWord[]): boolean {
  const { signatures, breaks } = sequence;
  if (p + words.length > signatures.length) return false;
  // Signatures first: most positions fail on them, without a token being read.
  for (let j = 0; j < words.length; j++) if ((signatures[p + j]! & words[j]!.signature) === 0) return false;
  for (let j = 1; j < words.length; j++) if (breaks[p + j]) return false;
  for (let j = 0; j < words.length; j++) {
    const token = sequence.words[p + j]!;
    const word = words[j]!;
    if (word.keys.length === 0) {
      if (token.folded !== word.folded) return false;
    } else if (!sharesKey(token.keys!, word.keys)) {
      return false;
    }
  }
  return true;
}
