import type { Lang } from "../model.ts";
import { type AnalyzedText, analyzeText } from "../text/analyze.ts";
import { splitSentences } from "../text/sentences.ts";
import { stemKeys } from "../text/stem.ts";

/** Where a word was found, as bits: a term found in several zones has several bits set. */
export const ZONE_TITLE = 1;
export const ZONE_LEAD = 2;
export const ZONE_BODY = 4;
export const ZONE_ANY = ZONE_TITLE | ZONE_LEAD | ZONE_BODY;

/** The opening of a text that counts as its lead: two sentences, at most this many characters. */
export const LEAD_MAX_CHARS = 400;
const LEAD_SENTENCES = 2;

/**
 * One item analysed once for matching against any number of queries: which comparison keys
 * (stems, compounds) and which folded words occur, and in which zones. Positions (for phrases)
 * and the sorted word list (for prefixes) are built the first time a query needs them.
 */
export interface PreparedDocument {
  title: AnalyzedText;
  text: AnalyzedText;
  /** Number of `text` tokens that belong to the lead (they come first). */
  leadTokens: number;
  /** Comparison key → zones it occurs in (stems of every non-stop word and of every compound). */
  keys: Map<string, number>;
  /** Folded word (stop words and compounds included) → zones it occurs in. */
  words: Map<string, number>;
  /** Cached on first use by phrase and prefix matching. */
  cache: {
    titlePositions?: Map<string, number[]>;
    textPositions?: Map<string, number[]>;
    sortedWords?: string[];
  };
}

/** What an item contributes to matching; `lang` only guides sentence splitting for the lead. */
export interface DocumentInput {
  title: string;
  text: string;
  lang?: Lang;
  /** `analyzeText` of title and text when the caller already has them (analysis is the costly part). */
  analysed?: { title: AnalyzedText; text: AnalyzedText };
}

/** Analyses an item for matching. Call once per item and reuse it for every topic. */
export function prepareDocument(input: DocumentInput): PreparedDocument {
  const title = input.analysed?.title ?? analyzeText(input.title);
  const text = input.analysed?.text ?? analyzeText(input.text);
  const leadEnd = findLeadEnd(input.text, input.lang);
  let leadTokens = 0;
  while (leadTokens < text.tokens.length && text.tokens[leadTokens]!.start < leadEnd) leadTokens++;
  const keys = new Map<string, number>();
  const words = new Map<string, number>();
  addAnalysis(title, () => ZONE_TITLE, keys, words);
  addAnalysis(text, (i) => (i < leadTokens ? ZONE_LEAD : ZONE_BODY), keys, words);
  return { title, text, leadTokens, keys, words, cache: {} };
}

/** Index just past the lead: the end of the second sentence, capped at `LEAD_MAX_CHARS`. */
function findLeadEnd(text: string, lang: Lang | undefined): number {
  // Only the opening matters, so only the opening is split (the segmenter is the slow part).
  const opening = text.slice(0, LEAD_MAX_CHARS + 1);
  const sentences = splitSentences(opening, lang ?? "en");
  const last = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1];
  if (!last) return 0;
  return Math.min(LEAD_MAX_CHARS, last.start + last.text.length);
}

function addAnalysis(
  analysed: AnalyzedText,
  zoneOf: (tokenIndex: number) => number,
  keys: Map<string, number>,
  words: Map<string, number>,
): void {
  const { tokens } = analysed;
  for (let i = 0; i < tokens.length; i++) {
    const zone = zoneOf(i);
    const folded = tokens[i]!.folded;
    words.set(folded, (words.get(folded) ?? 0) | zone);
    for (const key of analysed.keys[i]!) keys.set(key, (keys.get(key) ?? 0) | zone);
  }
  for (const [i, compound] of analysed.compounds) {
    const zone = zoneOf(i);
    words.set(compound, (words.get(compound) ?? 0) | zone);
    for (const key of stemKeys(compound)) keys.set(key, (keys.get(key) ?? 0) | zone);
  }
}

/** Positions of each key (and of each folded word, under `=word`) in one analysed text. */
export function positionsOf(doc: PreparedDocument, part: "title" | "text"): Map<string, number[]> {
  const cached = part === "title" ? doc.cache.titlePositions : doc.cache.textPositions;
  if (cached) return cached;
  const analysed = doc[part];
  const positions = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  };
  for (let i = 0; i < analysed.tokens.length; i++) {
    add(`=${analysed.tokens[i]!.folded}`, i);
    for (const key of analysed.keys[i]!) add(key, i);
  }
  if (part === "title") doc.cache.titlePositions = positions;
  else doc.cache.textPositions = positions;
  return positions;
}

/** The document's folded words in sorted order, for prefix look-ups by binary search. */
export function sortedWordsOf(doc: PreparedDocument): string[] {
  doc.cache.sortedWords ??= [...doc.words.keys()].sort();
  return doc.cache.sortedWords;
}

/**
 * How many documents contain each key (rarer terms weigh more in scores). Keys are comparison
 * keys; folded words are counted under `=word` so stop-word terms and prefixes can be weighed too.
 */
export interface DocumentStats {
  documents: number;
  frequencies: ReadonlyMap<string, number>;
}

/** Counts document frequencies over a collection (each key at most once per document). */
export function collectDocumentStats(docs: Iterable<PreparedDocument>): DocumentStats {
  const frequencies = new Map<string, number>();
  let documents = 0;
  for (const doc of docs) {
    documents++;
    for (const key of doc.keys.keys()) frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
    for (const word of doc.words.keys()) frequencies.set(`=${word}`, (frequencies.get(`=${word}`) ?? 0) + 1);
  }
  return { documents, frequencies };
}
