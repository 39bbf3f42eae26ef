import type { Lang } from "../model.ts";
import { BACKGROUND_DOCUMENTS } from "./background-frequencies.ts";
import type { DocumentFrequencies } from "./document-counts.ts";
import { type FeatureVector, nameRateOf, termRateOf, vectorOf, vocabularySize } from "./feature-vectors.ts";
import type { StoryFeatures } from "./story-features.ts";

export interface Similarity {
  /** TF-IDF cosine of title+lead terms, 0..1. */
  terms: number;
  /** IDF-weighted share of salient entities the two have in common (Dice), 0..1. */
  entities: number;
  /** The combined score the grouping threshold applies to. */
  score: number;
}

/** The weight of each key in one window (rare keys weigh more), computed once per key. */
export interface KeyWeights {
  entity(id: number): number;
  /** The term weights of one language's words. */
  termsOf(lang: Lang): (id: number) => number;
  /** Term weights and norms of vectors compared in this window, computed once per vector. */
  prepared: Map<FeatureVector, PreparedVector>;
}

interface PreparedVector {
  terms: Float64Array;
  termNorm: number;
  entityTotal: number;
}

const CROSS_LANGUAGE_TERMS = 2;

const weightCaches = new WeakMap<DocumentFrequencies, KeyWeights>();

/**
 * The weight of every key in a window, read from the counts as they are when first asked (the
 * counts must not change afterwards). Keys that every document shares (`tiktok` in a week of
 * TikTok news, `said` or `États-Unis` in any news) weigh little.
 */
export function weightsOf(df: DocumentFrequencies): KeyWeights {
  let weights = weightCaches.get(df);
  if (weights) return weights;
  const size = vocabularySize();
  const entities = new Float64Array(size).fill(Number.NaN);
  const terms = new Map<Lang, (id: number) => number>();
  const termsOf = (lang: Lang): ((id: number) => number) => {
    let weigh = terms.get(lang);
    if (weigh) return weigh;
    const cache = new Float64Array(size).fill(Number.NaN);
    const documents = df.languageDocuments(lang);
    weigh = (id) => {
      let weight = cache[id];
      if (weight === undefined) return idf(df.termCount(lang, id), documents, termRateOf(id));
      if (Number.isNaN(weight)) {
        weight = idf(df.termCount(lang, id), documents, termRateOf(id));
        cache[id] = weight;
      }
      return weight;
    };
    terms.set(lang, weigh);
    return weigh;
  };
  weights = {
    entity(id) {
      let weight = entities[id];
      if (weight === undefined) return idf(df.entityCount(id), df.documents, nameRateOf(id));
      if (Number.isNaN(weight)) {
        weight = idf(df.entityCount(id), df.documents, nameRateOf(id));
        entities[id] = weight;
      }
      return weight;
    },
    termsOf,
    prepared: new Map(),
  };
  weightCaches.set(df, weights);
  return weights;
}

/**
 * How alike two articles are: what decides is the share of the distinctive keys in common.
 */
export function compareFeatures(a: StoryFeatures, b: StoryFeatures, df: DocumentFrequencies): Similarity {
  return compareVectors(vectorOf(a), vectorOf(b), weightsOf(df));
}

/** {@link compareFeatures} on compact vectors. */
export function compareVectors(a: FeatureVector, b: FeatureVector, weights: KeyWeights): Similarity {
  const pa = prepare(a, weights);
  const pb = prepare(b, weights);
  const terms = cosine(a.terms.ids, pa, b.terms.ids, pb);
  const entities = dice(a, pa, b, pb, weights);
  return { terms, entities, score: combine(terms, entities, a.lang === b.lang) };
}

function combine(terms: number, entities: number, sameLanguage: boolean): number {
  // Across languages only concepts, cognates and numbers meet in the wording (names are
  // entities): the same story scores about a third of the term cosine in French as in English,
  // a different one close to nothing. Counted twice, the wording of a report in the other
  // language weighs about as a report in the same one (calibrated on tests/fixtures/stories).
  const wording = sameLanguage ? terms : Math.min(1, terms * CROSS_LANGUAGE_TERMS);
  // Geometric mean: both signals must agree. Different events about the same companies share
  // entities but not wording; a syndicated boilerplate paragraph shares wording but few names.
  return Math.sqrt(wording * entities);
}

/**
 * The sum of the scores of one vector against each of several, in their order: the average
 * link between a new item and a story's sources. The one vector's weights are spread into
 * arrays by key number once, so each source costs one pass over its own keys (same result as
 * adding up {@link compareVectors}, to the bit: the same products are added in the same order).
 */
export function sumOfScores(
  one: FeatureVector,
  others: readonly FeatureVector[],
  weights: KeyWeights,
): number {
  if (others.length === 1) return compareVectors(one, others[0]!, weights).score;
  const p = prepare(one, weights);
  const size = vocabularySize();
  if (termSpread.length < size) {
    termSpread = new Float64Array(size * 2);
    entitySpread = new Float64Array(size * 2);
  }
  const { ids: termIds } = one.terms;
  const { ids: entityIds, values: entityValues } = one.entities;
  for (let i = 0; i < termIds.length; i++) termSpread[termIds[i]!] = p.terms[i]!;
  for (let i = 0; i < entityIds.length; i++) entitySpread[entityIds[i]!] = entityValues[i]!;
  let sum = 0;
  for (const other of others) {
    const q = prepare(other, weights);
    let terms = 0;
    if (p.termNorm !== 0 && q.termNorm !== 0) {
      // Keys the one vector lacks add exactly +0.
      let dot = 0;
      const ids = other.terms.ids;
      for (let j = 0; j < ids.length; j++) dot += termSpread[ids[j]!]! * q.terms[j]!;
      terms = dot / Math.sqrt(p.termNorm * q.termNorm);
    }
    let entities = 0;
    const total = p.entityTotal + q.entityTotal;
    if (total !== 0) {
      let shared = 0;
      const { ids, values } = other.entities;
      for (let j = 0; j < ids.length; j++) {
        const value = entitySpread[ids[j]!]!;
        if (value !== 0) shared += 2 * Math.min(value, values[j]!) * weights.entity(ids[j]!);
      }
      entities = shared / total;
    }
    sum += combine(terms, entities, one.lang === other.lang);
  }
  for (const id of termIds) termSpread[id] = 0;
  for (const id of entityIds) entitySpread[id] = 0;
  return sum;
}

let termSpread = new Float64Array(0);
let entitySpread = new Float64Array(0);

function prepare(vector: FeatureVector, weights: KeyWeights): PreparedVector {
  let prepared = weights.prepared.get(vector);
  if (prepared) return prepared;
  const { ids, values } = vector.terms;
  const terms = new Float64Array(ids.length);
  const termWeight = weights.termsOf(vector.lang);
  let termNorm = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = values[i]! * termWeight(ids[i]!);
    terms[i] = w;
    termNorm += w * w;
  }
  let entityTotal = 0;
  const e = vector.entities;
  for (let i = 0; i < e.ids.length; i++) entityTotal += e.values[i]! * weights.entity(e.ids[i]!);
  prepared = { terms, termNorm, entityTotal };
  weights.prepared.set(vector, prepared);
  return prepared;
}

/** Cosine of two weighted term vectors, each side weighted by its own language's IDF. */
function cosine(a: Int32Array, pa: PreparedVector, b: Int32Array, pb: PreparedVector): number {
  if (pa.termNorm === 0 || pb.termNorm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) dot += pa.terms[i++]! * pb.terms[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / Math.sqrt(pa.termNorm * pb.termNorm);
}

function dice(
  a: FeatureVector,
  pa: PreparedVector,
  b: FeatureVector,
  pb: PreparedVector,
  weights: KeyWeights,
): number {
  const total = pa.entityTotal + pb.entityTotal;
  if (total === 0) return 0;
  const { ids: ai, values: av } = a.entities;
  const { ids: bi, values: bv } = b.entities;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) shared += 2 * Math.min(av[i++]!, bv[j++]!) * weights.entity(x);
    else if (x < y) i++;
    else j++;
  }
  return shared / total;
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
