import { type CorpusOptions, generateCorpus } from "./corpus.ts";
import { createDigestStories, type DigestResult, measureDigest } from "./measure-digest.ts";

export interface DigestSpec {
  corpus: CorpusOptions;
  stories: number;
  rounds: number;
}

/** Digest rendering in a process of its own (see phase-matching.ts for why). */
export function runDigestPhase(spec: DigestSpec): DigestResult {
  const corpus = generateCorpus(spec.corpus);
  return measureDigest(createDigestStories(corpus, spec.stories), spec.rounds, corpus.options.now);
}
