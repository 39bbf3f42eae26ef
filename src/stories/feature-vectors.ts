import type { Item, Lang, StorySignature } from "../model.ts";
import { backgroundNameRate, backgroundTermRate } from "./background-frequencies.ts";
import { extractStoryFeatures, featuresFromSignature, type StoryFeatures } from "./story-features.ts";

/**
 * A key set with weights, as grouping compares it: keys are small integers (see {@link idOf}),
 * sorted, so two vectors meet in one merge pass and window counts live in typed arrays.
 */
export interface SparseVector {
  ids: Int32Array;
  /** Single precision: a window holds millions of weights, and grouping needs no more. */
  values: Float32Array;
}

/** {@link StoryFeatures} in compact form: what the window keeps for each source of a story. */
export interface FeatureVector {
  lang: Lang;
  terms: SparseVector;
  entities: SparseVector;
}

// One number per distinct key (words, stems, concepts and entity keys share the numbering).
// It grows with the vocabulary of everything grouped; past the limit, every structure built on
// it is dropped and rebuilt (see `resetVocabularyIfFull`).
const VOCABULARY_LIMIT = 2_000_000;
let ids = new Map<string, number>();
let keys: string[] = [];
let nameRates: Float64Array = new Float64Array(1024).fill(Number.NaN);
let termRates: Float64Array = new Float64Array(1024).fill(Number.NaN);
let generation = 0;

/** The number of a key, given on first sight. */
export function idOf(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = keys.length;
    ids.set(key, id);
    keys.push(key);
  }
  return id;
}

export function keyOfId(id: number): string {
  return keys[id]!;
}

/** How many keys have a number: typed arrays indexed by key number need this length. */
export function vocabularySize(): number {
  return keys.length;
}

/** Changes whenever numbering restarts: structures holding key numbers check it. */
export function vocabularyGeneration(): number {
  return generation;
}

/** Restarts numbering when the vocabulary has grown past its limit (between grouping calls). */
export function resetVocabularyIfFull(): void {
  if (keys.length < VOCABULARY_LIMIT) return;
  ids = new Map();
  keys = [];
  nameRates = new Float64Array(1024).fill(Number.NaN);
  termRates = new Float64Array(1024).fill(Number.NaN);
  itemCache.clear();
  vectorCache = new WeakMap();
  generation++;
}

/** {@link backgroundNameRate} by key number (looked up once per key). */
export function nameRateOf(id: number): number {
  if (id >= nameRates.length) nameRates = grown(nameRates, id);
  let rate = nameRates[id]!;
  if (Number.isNaN(rate)) {
    rate = backgroundNameRate(keys[id]!);
    nameRates[id] = rate;
  }
  return rate;
}

/** {@link backgroundTermRate} by key number (looked up once per key). */
export function termRateOf(id: number): number {
  if (id >= termRates.length) termRates = grown(termRates, id);
  let rate = termRates[id]!;
  if (Number.isNaN(rate)) {
    rate = backgroundTermRate(keys[id]!);
    termRates[id] = rate;
  }
  return rate;
}

function grown(array: Float64Array, id: number): Float64Array {
  const next = new Float64Array(Math.max(id + 1, array.length * 2)).fill(Number.NaN);
  next.set(array);
  return next;
}

/** A key map's entries as key numbers and values, by key number. */
function sortedPairs(map: ReadonlyMap<string, number>): [number, number][] {
  const pairs: [number, number][] = [];
  for (const [key, value] of map) pairs.push([idOf(key), value]);
  return pairs.sort((a, b) => a[0] - b[0]);
}

let vectorCache = new WeakMap<StoryFeatures, FeatureVector>();

/**
 * The compact form of some features (memoised per object). Its four arrays are views of one
 * buffer: a window holds one vector per recent article, and four buffers each cost more in
 * bookkeeping than a typical item's keys do.
 */
export function vectorOf(features: StoryFeatures): FeatureVector {
  let vector = vectorCache.get(features);
  if (!vector) {
    const terms = sortedPairs(features.terms);
    const entities = sortedPairs(features.entities);
    const size = terms.length + entities.length;
    const buffer = new ArrayBuffer(8 * size);
    const values = new Float32Array(buffer, 0, size);
    const ids = new Int32Array(buffer, 4 * size, size);
    [...terms, ...entities].forEach(([id, value], i) => {
      ids[i] = id;
      values[i] = value;
    });
    const split = terms.length;
    vector = {
      lang: features.lang,
      terms: { ids: ids.subarray(0, split), values: values.subarray(0, split) },
      entities: { ids: ids.subarray(split), values: values.subarray(split) },
    };
    vectorCache.set(features, vector);
  }
  return vector;
}

/** A stored signature as a vector, for a story whose sources are not all at hand. */
export function signatureVector(signature: StorySignature, lang: Lang): FeatureVector {
  return vectorOf(featuresFromSignature(signature, lang));
}

// Vectors of items already read, by item key: each poll compares new items with the sources of
// recent stories, which would otherwise be analysed again (and their text hashed) every time.
interface CachedVector {
  title: string;
  lang: Lang;
  length: number;
  sample: number;
  vector: FeatureVector;
}
const itemCache = new Map<string, CachedVector>();
const ITEM_CACHE_LIMIT = 40_000;

/**
 * An item a poll stored, as it keeps it to group its later batches against: what grouping reads
 * of a source besides its features, and the features of its full text (numbered in
 * `generation`). Holding the whole items there grew a first poll's memory with every article.
 */
export interface KeptItem {
  key: string;
  lang: Lang;
  fetchedAt: string;
  published?: string;
  guildId?: string;
  vector: FeatureVector;
  generation: number;
}

/** A source as grouping takes it: a full item, or one kept by {@link keepForGrouping}. */
export type GroupingItem = Item | KeptItem;

/** What a poll keeps of an item it stored (see {@link KeptItem}). */
export function keepForGrouping(item: Item): KeptItem {
  return {
    key: item.key,
    lang: item.lang,
    fetchedAt: item.fetchedAt,
    ...(item.published !== undefined ? { published: item.published } : {}),
    ...(item.guildId !== undefined ? { guildId: item.guildId } : {}),
    vector: itemVector(item),
    generation,
  };
}

function isKept(item: object): item is KeptItem {
  return "vector" in item;
}

/** False for a kept item whose features went with a numbering restart. */
export function hasFeatures(item: GroupingItem): boolean {
  return !isKept(item) || item.generation === generation;
}

/**
 * The features of an item: a kept item's own, else those of a stored item, memoised by its key.
 * Stored items are never edited, so the key is enough in the pipeline; title, language, length
 * and a sample of the text are checked anyway, so that another article given the same key is
 * analysed again. (Hashing every source's whole text on every poll would cost more than the
 * rest of grouping.)
 */
export function itemVector(item: Pick<Item, "key" | "title" | "text" | "lang"> | KeptItem): FeatureVector {
  if (isKept(item)) {
    if (item.generation !== generation) throw new Error(`grouping: the features of ${item.key} were dropped`);
    return item.vector;
  }
  const hit = itemCache.get(item.key);
  const sample = sampleOf(item.text);
  if (
    hit &&
    hit.title === item.title &&
    hit.lang === item.lang &&
    hit.length === item.text.length &&
    hit.sample === sample
  )
    return hit.vector;
  const vector = vectorOf(extractStoryFeatures(item));
  if (hit) itemCache.delete(item.key);
  else if (itemCache.size >= ITEM_CACHE_LIMIT) itemCache.delete(itemCache.keys().next().value!);
  itemCache.set(item.key, { title: item.title, lang: item.lang, length: item.text.length, sample, vector });
  return vector;
}

/** A 32-bit FNV-1a hash of every 8th character of the opening and every 64th after it. */
function sampleOf(text: string): number {
  let hash = 0x811c9dc5;
  const opening = Math.min(text.length, 4096);
  for (let i = 0; i < opening; i += 8) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  for (let i = opening; i < text.length; i += 64) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The keys of several sparse vectors, once each, sorted. */
export function unionOfIds(vectors: readonly Int32Array[]): Int32Array {
  if (vectors.length === 1) return vectors[0]!;
  const seen = new Set<number>();
  for (const list of vectors) for (const id of list) seen.add(id);
  return Int32Array.from(seen).sort();
}

/**
 * A story's signature from its members' vectors: the mean term weights (the centroid, top
 * terms only) and the entities, most widely shared first.
 */
export function buildSignatureOf(members: readonly FeatureVector[]): StorySignature {
  const terms = new Map<number, number>();
  const entities = new Map<number, number>();
  for (const member of members) {
    const t = member.terms;
    for (let i = 0; i < t.ids.length; i++)
      terms.set(t.ids[i]!, (terms.get(t.ids[i]!) ?? 0) + t.values[i]! / members.length);
    const e = member.entities;
    for (let i = 0; i < e.ids.length; i++)
      entities.set(e.ids[i]!, (entities.get(e.ids[i]!) ?? 0) + e.values[i]!);
  }
  const top = topOf(terms, SIGNATURE_TERMS);
  return {
    entities: topOf(entities, SIGNATURE_ENTITIES).map(([key]) => key),
    terms: top.map(([key]) => key),
    weights: top.map(([, weight]) => Math.round(weight * 1000) / 1000),
  };
}

/** The `count` heaviest keys, heaviest first, ties by key (a big story has thousands). */
function topOf(weights: ReadonlyMap<number, number>, count: number): [string, number][] {
  let floor = Number.NEGATIVE_INFINITY;
  if (weights.size > count) {
    const sorted = Float64Array.from(weights.values()).sort();
    floor = sorted[sorted.length - count]!;
  }
  const top: [string, number][] = [];
  for (const [id, weight] of weights) if (weight >= floor) top.push([keys[id]!, weight]);
  return top.sort(byWeightThenKey).slice(0, count);
}

const SIGNATURE_TERMS = 60;
const SIGNATURE_ENTITIES = 40;

function byWeightThenKey(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
