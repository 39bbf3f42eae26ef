import { type CorpusOptions, generateCorpus } from "./corpus.ts";
import { type MatchingResult, measureMatching } from "./measure-matching.ts";

export interface MatchingSpec {
  corpus: CorpusOptions;
  baselineMatchItems: number;
}

/**
 * Topic matching in a process of its own, on the corpus generated again from the same options
 * (it is deterministic): in the parent, which holds the corpus and served the polls, its
 * collections made both sides slow by up to 2× from one run to the next.
 */
export function runMatchingPhase(spec: MatchingSpec): MatchingResult {
  const corpus = generateCorpus(spec.corpus);
  const items = corpus.feeds.flatMap((feed) => feed.items);
  return measureMatching(items, corpus.matchTopics, spec.baselineMatchItems);
}
