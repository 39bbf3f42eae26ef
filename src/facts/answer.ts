import type { Lang } from "../model.ts";
import type { Fact } from "./fact.ts";
import type { FactSearch } from "./fact-index.ts";
import {
  type Coverage,
  completeEvaluation,
  confidenceBound,
  coverFact,
  type Evaluation,
} from "./match-fact.ts";
import { type AnalysedQuestion, analyseQuestion, type QuestionKind } from "./question.ts";
import { quoteAnswer } from "./quote.ts";
import { readTypedQuestion } from "./typed-question.ts";

/** Who asks, about what, in which language, and when "now" is (recency is measured from it). */
export interface AskOptions {
  /** The asking guild; without it (CLI, console) only global facts are used. */
  guildId?: string;
  topic?: string;
  /** Reply language; default: the question's. */
  lang?: Lang;
  now?: Date | string;
  /**
   * Topics to suggest when nothing answers (ids), when the facts found suggest none. As a
   * function, it is only called then: `ask` reads the scope's topics from the store, and most
   * questions do not need them.
   */
  topics?: readonly string[] | (() => Promise<readonly string[]>);
}

/** One source of an answer, as DESIGN.md's `ask` JSON shows it. */
export interface Citation {
  /** The item's id (feed guid or link), or the curated fact's id. */
  id: string;
  title: string;
  url: string;
  quote: string;
  published?: string;
  curated?: boolean;
  feed?: string;
}

/** DESIGN.md's `ask` JSON, plus the reply language, the question kind and suggestions. */
export interface AnswerResult {
  question: string;
  answer: string | null;
  confidence: number;
  citations: Citation[];
  lang: Lang;
  kind: QuestionKind;
  /** Topic ids to ask about instead, when there is no answer. */
  suggestions?: string[];
}

/** Below this the best fact is not an answer: better "I don't know" than a random sentence. */
export const ANSWER_THRESHOLD = 0.4;
/** Below this another source of the same answer is not cited. */
const SUPPORT_THRESHOLD = ANSWER_THRESHOLD * 0.75;
const MAX_CITATIONS = 3;
const CANDIDATES = 20;

/**
 * Answers a question from the fact base. Ranking, in order: each visible candidate fact is
 * scored by {@link evaluateFact}; recent facts get up to 10 % more; the best fact answers, and
 * other sources that give the same answer (same name, number or date) raise the confidence and
 * are cited after it, one citation per item.
 */
export async function answerQuestion(
  question: string,
  index: FactSearch,
  options: AskOptions = {},
): Promise<AnswerResult> {
  const counts = index.termCounts?.bind(index);
  const analysed = analyseQuestion(
    counts ? await readTypedQuestion(question, counts) : question,
    options.lang,
  );
  const lang = options.lang ?? analysed.lang;
  const now = options.now ? new Date(options.now).getTime() : Date.now();
  const found = await index.search(analysed.expandedTerms, {
    ...(options.guildId ? { guildId: options.guildId } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    limit: CANDIDATES * 2,
  });
  // The same sentence syndicated by several feeds is judged once (its best-scored copy).
  const seen = new Set<string>();
  const hits = found.filter((h) => !seen.has(h.fact.text) && seen.add(h.fact.text)).slice(0, CANDIDATES);
  const { top, supporting } = judgeFacts(
    analysed,
    hits.map((hit) => coverFact(analysed, hit.fact)),
    now,
  );
  const base = { question, lang, kind: analysed.kind };
  if (!top || top.confidence < ANSWER_THRESHOLD) {
    const suggestions = await suggestTopics(
      hits.map((h) => h.fact),
      options.topics,
    );
    return {
      ...base,
      answer: null,
      confidence: round(top?.confidence ?? 0),
      citations: [],
      ...(suggestions.length ? { suggestions } : {}),
    };
  }
  const sources = distinctItems([top, ...supporting]);
  const confidence = Math.min(1, top.confidence + 0.05 * Math.min(2, distinctItems(supporting).length));
  return {
    ...base,
    answer: quoteAnswer(top.fact, top.anchors, top.spot),
    confidence: round(confidence),
    citations: sources.slice(0, MAX_CITATIONS).map(citationOf),
  };
}

/** A candidate fact, covered, with the most its evaluation can give (see confidenceBound). */
interface Candidate {
  covered: Coverage;
  /** Its place in the search results: ties in rank keep this order. */
  order: number;
  boost: number;
  bound: number;
  /** The highest rank it can reach: bound × recency boost. */
  best: number;
}

interface Ranked {
  evaluation: Evaluation;
  rank: number;
  order: number;
}

/**
 * The best fact (highest confidence × recency boost, the first in search order on a tie) and,
 * when it answers, the other sources that give the same answer (confident enough, another item,
 * agreeing; best first). Only the evaluations that can change these are completed: candidates
 * are completed most promising first until none left can reach the best rank so far; after
 * that only those that could be cited beside the answer. The rest are judged on coverage alone.
 */
function judgeFacts(
  question: AnalysedQuestion,
  covered: readonly Coverage[],
  now: number,
): { top?: Evaluation; supporting: Evaluation[] } {
  const candidates: Candidate[] = covered.map((c, order) => {
    const bound = confidenceBound(question, c);
    const boost = recency(c.fact, now);
    return { covered: c, order, boost, bound, best: bound * boost };
  });
  candidates.sort((a, b) => b.best - a.best);
  const ranked: Ranked[] = [];
  const complete = (c: Candidate) => {
    const evaluation = completeEvaluation(question, c.covered);
    ranked.push({ evaluation, rank: evaluation.confidence * c.boost, order: c.order });
  };
  // A NaN rank (an invalid `now`) orders nothing: then every candidate is completed, as before.
  const prunable = candidates.every((c) => !Number.isNaN(c.best));
  let reached = Number.NEGATIVE_INFINITY;
  let next = 0;
  for (; next < candidates.length && !(prunable && candidates[next]!.best < reached); next++) {
    complete(candidates[next]!);
    reached = Math.max(reached, ranked.at(-1)!.rank);
  }
  const top = byRank(ranked)[0]?.evaluation;
  if (!top || top.confidence < ANSWER_THRESHOLD) return { ...(top ? { top } : {}), supporting: [] };
  for (const c of candidates.slice(next)) {
    if (c.bound >= SUPPORT_THRESHOLD && c.covered.fact.itemKey !== top.fact.itemKey && agrees(top, c.covered))
      complete(c);
  }
  const supporting = byRank(ranked)
    .map((r) => r.evaluation)
    .filter(
      (e) =>
        e !== top &&
        e.fact.itemKey !== top.fact.itemKey &&
        e.confidence >= SUPPORT_THRESHOLD &&
        agrees(top, e),
    );
  return { top, supporting };
}

/** Best first; search order first, then a stable sort: the order ranking every candidate gives. */
function byRank(ranked: Ranked[]): Ranked[] {
  return ranked.sort((a, b) => a.order - b.order).sort((a, b) => b.rank - a.rank);
}

const FRAMES = {
  en: {
    answer: "Answer:",
    sources: "Sources:",
    unknown: "I don't know — nothing in what I've read answers that.",
    topics: "Topics I follow:",
    curated: "Curated fact",
    open: "“",
    close: "”",
  },
  fr: {
    answer: "Réponse :",
    sources: "Sources :",
    unknown: "Je ne sais pas — rien de ce que j'ai lu ne répond à cette question.",
    topics: "Sujets que je suis :",
    curated: "Fait vérifié",
    open: "« ",
    close: " »",
  },
} as const;

/**
 * The reply as text, its frame in the asker's language (the quote stays as the source wrote
 * it): "Answer: “…” — Sources: 1. title (date) url", or "I don't know …" with the topics to ask
 * about (the result's suggestions, else `topics`).
 */
export function renderAnswerText(
  result: AnswerResult,
  lang: Lang = result.lang,
  topics: readonly string[] = [],
): string {
  const frame = FRAMES[lang];
  if (result.answer === null) {
    const suggested = result.suggestions?.length ? result.suggestions : topics;
    return suggested.length > 0 ? `${frame.unknown} ${frame.topics} ${suggested.join(", ")}.` : frame.unknown;
  }
  const lines = result.citations.map((c, i) => {
    const title = c.curated ? frame.curated : c.title;
    const date = c.published ? ` (${c.published.slice(0, 10)})` : "";
    return `${i + 1}. ${title}${date}${c.url ? ` ${c.url}` : ""}`;
  });
  return [`${frame.answer} ${frame.open}${result.answer}${frame.close}`, frame.sources, ...lines].join("\n");
}

function citationOf(e: Evaluation): Citation {
  const { fact } = e;
  return {
    id: fact.itemId,
    title: fact.title,
    url: fact.link ?? (/^https?:\/\//.test(fact.itemId) ? fact.itemId : ""),
    quote: fact.text,
    ...(fact.published ? { published: fact.published } : {}),
    ...(fact.curated ? { curated: true } : {}),
    feed: fact.feedTitle ?? fact.feed,
  };
}

/**
 * Another source agrees when it holds the same answer (name, number or date) as the best one.
 * Only its fact and coverage are read: a candidate can be told apart before it is evaluated.
 */
function agrees(top: Evaluation, other: Pick<Evaluation, "fact" | "coverage">): boolean {
  const key = top.spot?.key;
  if (!key) return other.coverage >= top.coverage;
  const f = other.fact;
  const keys = [
    ...f.entities.names,
    ...f.entities.numbers,
    ...f.entities.dates,
    ...f.referents.map((r) => r.key),
  ];
  return keys.includes(key) || f.roles.some((r) => r.holderKey === key);
}

function distinctItems(evaluations: readonly Evaluation[]): Evaluation[] {
  const seen = new Set<string>();
  return evaluations.filter((e) => !seen.has(e.fact.itemKey) && seen.add(e.fact.itemKey));
}

// Up to +10 % for a fact published today, halving every 30 days.
function recency(fact: Fact, now: number): number {
  const published = fact.published ? Date.parse(fact.published) : Number.NaN;
  if (Number.isNaN(published)) return 1;
  const days = Math.max(0, (now - published) / 86_400_000);
  return 1 + 0.1 * 0.5 ** (days / 30);
}

async function suggestTopics(facts: readonly Fact[], fallback: AskOptions["topics"] = []): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const fact of facts) for (const topic of fact.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const found = [...counts].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  if (found.length > 0) return found.slice(0, 5);
  return [...(typeof fallback === "function" ? await fallback() : fallback)].slice(0, 5);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
