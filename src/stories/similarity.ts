import type { Lang } from "../model.ts";
import { BACKGROUND_DOCUMENTS, backgroundNameRate, backgroundTermRate } from "./background-frequencies.ts";
import type { StoryFeatures } from "./story-features.ts";

/**
 * How many documents (stories and new items) of the current window carry each key, blended with
 * the background counts of general news (background-frequencies.ts). Words are counted per
 * language: in a window of mostly English news, the everyday French words of a TikTok story
 * (`rachat`, `activités américaines`) would otherwise look rare and distinctive.
 */
export interface DocumentFrequencies {
  documents: number;
  entities: Map<string, number>;
  byLang: Map<Lang, { documents: number; terms: Map<string, number> }>;
}

export interface Similarity {
  /** TF-IDF cosine of title+lead terms, 0..1. */
  terms: number;
  /** IDF-weighted share of salient entities the two have in common (Dice), 0..1. */
  entities: number;
  /** The combined score the grouping threshold applies to. */
  score: number;
}

const CROSS_LANGUAGE_TERMS = 2;

export function countDocumentFrequencies(documents: readonly StoryFeatures[]): DocumentFrequencies {
  const entities = new Map<string, number>();
  const byLang = new Map<Lang, { documents: number; terms: Map<string, number> }>();
  for (const doc of documents) {
    const lang = byLang.get(doc.lang) ?? { documents: 0, terms: new Map<string, number>() };
    byLang.set(doc.lang, lang);
    lang.documents++;
    for (const key of doc.terms.keys()) lang.terms.set(key, (lang.terms.get(key) ?? 0) + 1);
    for (const key of doc.entities.keys()) entities.set(key, (entities.get(key) ?? 0) + 1);
  }
  return { documents: documents.length, entities, byLang };
}

// IDF weights of one DocumentFrequencies, computed once per key (entities, then each language).
const weightCaches = new WeakMap<DocumentFrequencies, Map<string, Map<string, number>>>();

/**
 * How alike two articles are. Keys that every document shares (`tiktok` in a week of TikTok
 * news, `said` or `États-Unis` in any news) weigh little; what decides is the share of the
 * distinctive ones in common.
 */
export function compareFeatures(a: StoryFeatures, b: StoryFeatures, df: DocumentFrequencies): Similarity {
  const terms = cosine(a.terms, b.terms, termWeight(a.lang, df), termWeight(b.lang, df));
  const entities = dice(a.entities, b.entities, entityWeight(df));
  // Across languages only concepts, cognates and numbers meet in the wording (names are
  // entities): the same story scores about a third of the term cosine in French as in English,
  // a different one close to nothing. Counted twice, the wording of a report in the other
  // language weighs about as a report in the same one (calibrated on tests/fixtures/stories).
  const wording = a.lang === b.lang ? terms : Math.min(1, terms * CROSS_LANGUAGE_TERMS);
  // Geometric mean: both signals must agree. Different events about the same companies share
  // entities but not wording; a syndicated boilerplate paragraph shares wording but few names.
  return { terms, entities, score: Math.sqrt(wording * entities) };
}

/** Inverse document frequency of an entity key in the window blended with the background. */
export function entityWeight(df: DocumentFrequencies): (key: string) => number {
  const weights = cacheOf(df, "");
  return (key) => {
    let weight = weights.get(key);
    if (weight === undefined) {
      weight = idf(df.entities.get(key) ?? 0, df.documents, backgroundNameRate(key));
      weights.set(key, weight);
    }
    return weight;
  };
}

function termWeight(lang: Lang, df: DocumentFrequencies): (key: string) => number {
  const counts = df.byLang.get(lang);
  const weights = cacheOf(df, lang);
  return (key) => {
    let weight = weights.get(key);
    if (weight === undefined) {
      weight = idf(counts?.terms.get(key) ?? 0, counts?.documents ?? 0, backgroundTermRate(key));
      weights.set(key, weight);
    }
    return weight;
  };
}

function cacheOf(df: DocumentFrequencies, space: string): Map<string, number> {
  let caches = weightCaches.get(df);
  if (!caches) {
    caches = new Map();
    weightCaches.set(df, caches);
  }
  let weights = caches.get(space);
  if (!weights) {
    weights = new Map();
    caches.set(space, weights);
  }
  return weights;
}

/**
 * A key's weight: how rare it is in the window (smoothed by a few documents that do not carry
 * it, so that two or three stories sharing a name do not make it look common), times how rare
 * it is in news at large. The window sees what this week's stories share (`tiktok` in a week of
 * TikTok news); the background sees what every story shares (`said`, `company`, `États-Unis`)
 * even when the window holds only two.
 */
function idf(count: number, documents: number, backgroundRate: number): number {
  const window = Math.log((documents + WINDOW_SMOOTHING + 1) / (count + 1)) + 1;
  return window * specificity(backgroundRate);
}

const WINDOW_SMOOTHING = 10;
const RARE = Math.log(BACKGROUND_DOCUMENTS + 1) + 1;

function specificity(rate: number): number {
  if (rate === 0) return 1;
  return (Math.log((BACKGROUND_DOCUMENTS + 1) / (BACKGROUND_DOCUMENTS * rate + 1)) + 1) / RARE;
}

/** Cosine of two weighted term vectors, each side weighted by its own language's IDF. */
function cosine(
  a: Map<string, number>,
  b: Map<string, number>,
  weightA: (key: string) => number,
  weightB: (key: string) => number,
): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, value] of a) {
    const w = value * weightA(key);
    normA += w * w;
    const other = b.get(key);
    if (other !== undefined) dot += w * other * weightB(key);
  }
  for (const [key, value] of b) normB += (value * weightB(key)) ** 2;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function dice(a: Map<string, number>, b: Map<string, number>, weight: (key: string) => number): number {
  let shared = 0;
  let total = 0;
  for (const [key, value] of a) {
    total += value * weight(key);
    const other = b.get(key);
    if (other !== undefined) shared += 2 * Math.min(value, other) * weight(key);
  }
  for (const [key, value] of b) total += value * weight(key);
  return total === 0 ? 0 : shared / total;
}
