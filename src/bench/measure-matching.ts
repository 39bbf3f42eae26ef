import type { Lang, Topic } from "../model.ts";
import { prepareDocument } from "../topics/document.ts";
import { createTopicMatcher, matchTopics } from "../topics/topic-matcher.ts";
import { compileRegexTopic, foldDocument } from "./regex-matcher.ts";
import { collectGarbage, since } from "./stats.ts";

export interface MatchItem {
  title: string;
  text: string;
  lang: Lang;
}

export interface MatchingResult {
  items: number;
  topics: number;
  compileMs: number;
  productMs: number;
  productUsPerItem: number;
  /** Items the baseline ran on: every n-th item when it would take too long on all of them. */
  baselineItems: number;
  baselineCompileMs: number;
  baselineMs: number;
  baselineUsPerItem: number;
  /** Baseline time per item ÷ product time per item. */
  speedup: number;
  /** The same split in its two steps: preparing (analysing / folding) and matching. */
  productPrepareMs: number;
  productMatchMs: number;
  baselineFoldMs: number;
  baselineRegexMs: number;
  /** Baseline regex time per item ÷ product match time per item: matching a prepared item. */
  matchOnlySpeedup: number;
  /** (item, topic) matches on the baseline's items, by each, and by both. */
  productHits: number;
  baselineHits: number;
  bothHits: number;
  /** Share of items the product matched to at least one topic. */
  matchedItemShare: number;
}

const WARM_UP_ITEMS = 50;

/**
 * Topic matching, product against baseline, on the same items and topics. The product prepares
 * each item once (`prepareDocument`) and asks the indexed matcher (`matchTopics`); the baseline
 * folds each item once and runs every topic's regexes. Both get the same warm-up first so that
 * neither is timed while the JIT is still compiling it.
 */
export function measureMatching(
  items: readonly MatchItem[],
  topics: readonly Topic[],
  maxBaselineItems: number,
): MatchingResult {
  let start = performance.now();
  const matcher = createTopicMatcher(topics);
  const compileMs = since(start);
  start = performance.now();
  const regexTopics = topics.map((topic) => compileRegexTopic(topic.query));
  const baselineCompileMs = since(start);

  // Each step is timed on its own too (a clock reading costs well under a microsecond).
  const split = { prepare: 0, match: 0, fold: 0, regex: 0 };
  const runProduct = (item: MatchItem) => {
    const t0 = performance.now();
    const doc = prepareDocument({ title: item.title, text: item.text, lang: item.lang });
    const t1 = performance.now();
    const hits = matchTopics(matcher, doc);
    split.prepare += t1 - t0;
    split.match += performance.now() - t1;
    return hits;
  };
  const runBaseline = (item: MatchItem) => {
    const t0 = performance.now();
    const doc = foldDocument(item.title, item.text);
    const t1 = performance.now();
    const hits: number[] = [];
    for (let t = 0; t < regexTopics.length; t++) if (regexTopics[t]!(doc)) hits.push(t);
    split.fold += t1 - t0;
    split.regex += performance.now() - t1;
    return hits;
  };
  for (const item of items.slice(0, WARM_UP_ITEMS)) {
    runProduct(item);
    runBaseline(item);
  }

  Object.assign(split, { prepare: 0, match: 0, fold: 0, regex: 0 });
  collectGarbage();
  const productHitsByItem: string[][] = [];
  start = performance.now();
  for (const item of items) productHitsByItem.push(runProduct(item).map((hit) => hit.topic));
  const productMs = since(start);

  const stride = Math.max(1, Math.ceil(items.length / maxBaselineItems));
  const sample = items.map((item, index) => ({ item, index })).filter(({ index }) => index % stride === 0);
  collectGarbage();
  const baselineHitsByItem: number[][] = [];
  start = performance.now();
  for (const { item } of sample) baselineHitsByItem.push(runBaseline(item));
  const baselineMs = since(start);

  let productHits = 0;
  let baselineHits = 0;
  let bothHits = 0;
  sample.forEach(({ index }, n) => {
    const product = new Set(productHitsByItem[index]);
    const baseline = baselineHitsByItem[n]!.map((t) => topics[t]!.id);
    productHits += product.size;
    baselineHits += baseline.length;
    bothHits += baseline.filter((id) => product.has(id)).length;
  });
  const productUsPerItem = (productMs * 1000) / Math.max(1, items.length);
  const baselineUsPerItem = (baselineMs * 1000) / Math.max(1, sample.length);
  return {
    items: items.length,
    topics: topics.length,
    compileMs,
    productMs,
    productUsPerItem,
    baselineItems: sample.length,
    baselineCompileMs,
    baselineMs,
    baselineUsPerItem,
    speedup: baselineUsPerItem / productUsPerItem,
    productPrepareMs: split.prepare,
    productMatchMs: split.match,
    baselineFoldMs: split.fold,
    baselineRegexMs: split.regex,
    matchOnlySpeedup: split.regex / Math.max(1, sample.length) / (split.match / Math.max(1, items.length)),
    productHits,
    baselineHits,
    bothHits,
    matchedItemShare: productHitsByItem.filter((hits) => hits.length > 0).length / Math.max(1, items.length),
  };
}
