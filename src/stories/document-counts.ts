import type { Lang } from "../model.ts";
import { vectorOf } from "./feature-vectors.ts";
import type { StoryFeatures } from "./story-features.ts";

/**
 * How many documents (stories and new items) of the current window carry each key, blended with
 * the background counts of general news (background-frequencies.ts). Words are counted per
 * language: in a window of mostly English news, the everyday French words of a TikTok story
 * (`rachat`, `activités américaines`) would otherwise look rare and distinctive. Keys are key
 * numbers (feature-vectors.ts).
 */
export interface DocumentFrequencies {
  documents: number;
  languageDocuments(lang: Lang): number;
  entityCount(id: number): number;
  termCount(lang: Lang, id: number): number;
}

/** The keys of one document (a story counts once however many sources it has). */
export interface DocumentKeys {
  lang: Lang;
  terms: Int32Array;
  entities: Int32Array;
}

/** Counts that documents are added to and taken from. */
export interface KeyCounts extends DocumentFrequencies {
  add(doc: DocumentKeys, sign: 1 | -1): void;
}

/** Counts for the window's long-lived part (its stories): dense arrays by key number. */
export function createDenseCounts(): KeyCounts {
  let entities: Int32Array = new Int32Array(1024);
  const terms = new Map<Lang, Int32Array>();
  const byLang = new Map<Lang, number>();
  const grow = (array: Int32Array, max: number): Int32Array => {
    if (max < array.length) return array;
    const next = new Int32Array(Math.max(max + 1, array.length * 2));
    next.set(array);
    return next;
  };
  const counts: KeyCounts = {
    documents: 0,
    languageDocuments: (lang) => byLang.get(lang) ?? 0,
    entityCount: (id) => entities[id] ?? 0,
    termCount: (lang, id) => terms.get(lang)?.[id] ?? 0,
    add(doc, sign) {
      counts.documents += sign;
      byLang.set(doc.lang, (byLang.get(doc.lang) ?? 0) + sign);
      entities = grow(entities, maxOf(doc.entities));
      for (const id of doc.entities) entities[id]! += sign;
      const lang = grow(terms.get(doc.lang) ?? new Int32Array(1024), maxOf(doc.terms));
      terms.set(doc.lang, lang);
      for (const id of doc.terms) lang[id]! += sign;
    },
  };
  return counts;
}

/** Counts for a few documents on top of `base` (a grouping pass's new items and groups). */
export function createSparseCounts(base?: DocumentFrequencies): KeyCounts {
  const entities = new Map<number, number>();
  const terms = new Map<Lang, Map<number, number>>();
  const byLang = new Map<Lang, number>();
  const counts: KeyCounts = {
    documents: base?.documents ?? 0,
    languageDocuments: (lang) => (base?.languageDocuments(lang) ?? 0) + (byLang.get(lang) ?? 0),
    entityCount: (id) => (base?.entityCount(id) ?? 0) + (entities.get(id) ?? 0),
    termCount: (lang, id) => (base?.termCount(lang, id) ?? 0) + (terms.get(lang)?.get(id) ?? 0),
    add(doc, sign) {
      counts.documents += sign;
      byLang.set(doc.lang, (byLang.get(doc.lang) ?? 0) + sign);
      for (const id of doc.entities) entities.set(id, (entities.get(id) ?? 0) + sign);
      const lang = terms.get(doc.lang) ?? new Map<number, number>();
      terms.set(doc.lang, lang);
      for (const id of doc.terms) lang.set(id, (lang.get(id) ?? 0) + sign);
    },
  };
  return counts;
}

function maxOf(ids: Int32Array): number {
  return ids.length === 0 ? -1 : ids[ids.length - 1]!;
}

/** Document frequencies of a few articles alone, as on a fresh install. */
export function countDocumentFrequencies(documents: readonly StoryFeatures[]): DocumentFrequencies {
  const counts = createSparseCounts();
  for (const doc of documents) {
    const vector = vectorOf(doc);
    counts.add({ lang: vector.lang, terms: vector.terms.ids, entities: vector.entities.ids }, 1);
  }
  return counts;
}
