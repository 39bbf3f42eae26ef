import type { Item, Lang, Story } from "../model.ts";
import { listStoryItems, pickLeadItem } from "../stories/lead-item.ts";
import { analyzeText } from "../text/analyze.ts";
import { splitSentences } from "../text/sentences.ts";
import { isBoilerplate, removeBoilerplate } from "./boilerplate.ts";
import { cutAtWord } from "./cut-at-word.ts";

/** What a summariser reads: one article, in its own language. */
export interface SummaryInput {
  title: string;
  text: string;
  lang: Lang;
}

/**
 * Turns an article into a few sentences. The extractive one is the default; a model-backed one
 * can implement the same interface later without touching its callers.
 */
export interface Summariser {
  summarise(input: SummaryInput): string;
}

export interface ExtractiveOptions {
  /** Longest summary, in characters (default 500). */
  maxChars?: number;
  /** Most sentences (default 3). */
  maxSentences?: number;
}

interface Candidate {
  index: number;
  text: string;
  keys: Set<string>;
  score: number;
}

// Weights of the three signals. News puts the facts first (Lead-3 beats centrality-only methods
// on news, LIBRARIES.md), so position leads; centrality and title overlap pick among the lead.
const PRIOR_WEIGHT = 0.5;
const CENTRALITY_WEIGHT = 0.25;
const TITLE_WEIGHT = 0.25;
// Maximal marginal relevance: how much relevance counts against repeating a chosen sentence.
const MMR_LAMBDA = 0.75;
const MIN_WORDS = 5;
const MIN_CHARS = 25;

/**
 * Deterministic, offline summaries taken from the article's own sentences: boilerplate removed,
 * headings and captions (no final punctuation) skipped, sentences scored by lead position,
 * centrality and overlap with the title, chosen by maximal marginal relevance within the length
 * limit, and given back in the article's order.
 */
export function createExtractiveSummariser(options: ExtractiveOptions = {}): Summariser {
  const maxChars = options.maxChars ?? 500;
  const maxSentences = options.maxSentences ?? 3;
  return {
    summarise(input) {
      const sentences = splitSentences(removeBoilerplate(input.text), input.lang)
        .map((s) => tidyQuotes(s.text))
        .filter((s) => !isBoilerplate(s));
      const candidates = sentences.filter(isSummarySentence);
      if (candidates.length === 0) return sentences.length > 0 ? cutAtWord(sentences[0]!, maxChars) : "";
      if (candidates.length === 1) return cutAtWord(candidates[0]!, maxChars);
      const scored = scoreSentences(candidates, input.title);
      const chosen = selectSentences(scored, maxChars, maxSentences);
      if (chosen.length === 0) return cutAtWord(candidates[0]!, maxChars);
      return chosen
        .sort((a, b) => a.index - b.index)
        .map((c) => c.text)
        .join(" ");
    },
  };
}

const defaultSummariser = createExtractiveSummariser();

/**
 * A story's summary: the lead item's (first substantial source, else the longest text). Falls
 * back to the other sources when the lead yields nothing, then to the stored summary.
 */
export function summariseStory(
  story: Pick<Story, "items" | "summary">,
  items: ReadonlyMap<string, Item>,
  summariser: Summariser = defaultSummariser,
): string {
  const members = listStoryItems(story, items);
  const lead = pickLeadItem(members);
  const ordered = lead ? [lead, ...members.filter((item) => item !== lead)] : members;
  for (const item of ordered) {
    const summary = summariser.summarise({ title: item.title, text: item.text, lang: item.lang });
    if (summary.length > 0) return summary;
  }
  return story.summary;
}

/** A sentence worth quoting: a full sentence (headings and captions have no final punctuation). */
function isSummarySentence(sentence: string): boolean {
  if (sentence.length < MIN_CHARS) return false;
  if (sentence.split(/\s+/).length < MIN_WORDS) return false;
  return /[.!?…»"”)]$/u.test(sentence);
}

// Pages sometimes double an opening guillemet (`« «Nous…`): keep one.
function tidyQuotes(sentence: string): string {
  return sentence.replace(/«\s*«\s*/g, "« ").replace(/"\s*"/g, '"');
}

function scoreSentences(sentences: string[], title: string): Candidate[] {
  const keySets = sentences.map(keySetOf);
  const titleKeys = keySetOf(title);
  const centrality = keySets.map((keys, i) => {
    let sum = 0;
    keySets.forEach((other, j) => {
      if (i !== j) sum += cosine(keys, other);
    });
    return sum / Math.max(1, keySets.length - 1);
  });
  const titleOverlap = keySets.map((keys) =>
    titleKeys.size === 0 ? 0 : overlap(keys, titleKeys) / titleKeys.size,
  );
  const maxCentrality = Math.max(...centrality, Number.EPSILON);
  const maxTitle = Math.max(...titleOverlap, Number.EPSILON);
  return sentences.map((text, index) => ({
    index,
    text,
    keys: keySets[index]!,
    score:
      PRIOR_WEIGHT / Math.sqrt(1 + index) +
      (CENTRALITY_WEIGHT * centrality[index]!) / maxCentrality +
      (TITLE_WEIGHT * titleOverlap[index]!) / maxTitle,
  }));
}

/** Greedy MMR within the length budget; a sentence that does not fit is skipped, not cut. */
function selectSentences(candidates: Candidate[], maxChars: number, maxSentences: number): Candidate[] {
  const chosen: Candidate[] = [];
  const remaining = [...candidates];
  let length = 0;
  while (chosen.length < maxSentences && remaining.length > 0) {
    let best: Candidate | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const candidate of remaining) {
      const joined = length + (chosen.length > 0 ? 1 : 0) + candidate.text.length;
      if (joined > maxChars) continue;
      const redundancy = Math.max(0, ...chosen.map((c) => cosine(c.keys, candidate.keys)));
      const value = MMR_LAMBDA * candidate.score - (1 - MMR_LAMBDA) * redundancy;
      if (value > bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    if (!best) break;
    length += (chosen.length > 0 ? 1 : 0) + best.text.length;
    chosen.push(best);
    remaining.splice(remaining.indexOf(best), 1);
  }
  return chosen;
}

function keySetOf(text: string): Set<string> {
  const set = new Set<string>();
  for (const keys of analyzeText(text).keys) for (const key of keys) set.add(key);
  return set;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const key of a) if (b.has(key)) n++;
  return n;
}

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return overlap(a, b) / Math.sqrt(a.size * b.size);
}
