import type { Lang } from "../model.ts";
import type { Fact } from "./fact.ts";
import type { FactSearch } from "./fact-index.ts";
import { type Evaluation, evaluateFact } from "./match-fact.ts";
import { analyseQuestion, type QuestionKind } from "./question.ts";
import { quoteAnswer } from "./quote.ts";

/** Who asks, about what, in which language, and when "now" is (recency is measured from it). */
export interface AskOptions {
  /** The asking guild; without it (CLI, console) only global facts are used. */
  guildId?: string;
  topic?: string;
  /** Reply language; default: the question's. */
  lang?: Lang;
  now?: Date | string;
  /** Topics to suggest when nothing answers (ids), when the facts found suggest none. */
  topics?: readonly string[];
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
  const analysed = analyseQuestion(question, options.lang);
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
  const ranked = hits
    .map((hit) => evaluateFact(analysed, hit.fact))
    .map((evaluation) => ({ evaluation, rank: evaluation.confidence * recency(evaluation.fact, now) }))
    .sort((a, b) => b.rank - a.rank)
    .map((r) => r.evaluation);
  const top = ranked[0];
  const base = { question, lang, kind: analysed.kind };
  if (!top || top.confidence < ANSWER_THRESHOLD) {
    const suggestions = suggestTopics(
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
  const supporting = ranked.filter(
    (e) =>
      e !== top &&
      e.fact.itemKey !== top.fact.itemKey &&
      e.confidence >= ANSWER_THRESHOLD * 0.75 &&
      agrees(top, e),
  );
  const sources = distinctItems([top, ...supporting]);
  const confidence = Math.min(1, top.confidence + 0.05 * Math.min(2, distinctItems(supporting).length));
  return {
    ...base,
    answer: quoteAnswer(top.fact, top.anchors, top.spot),
    confidence: round(confidence),
    citations: sources.slice(0, MAX_CITATIONS).map(citationOf),
  };
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

/** Another source agrees when it holds the same answer (name, number or date) as the best one. */
function agrees(top: Evaluation, other: Evaluation): boolean {
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

function suggestTopics(facts: readonly Fact[], fallback: readonly string[] = []): string[] {
  const counts = new Map<string, number>();
  for (const fact of facts) for (const topic of fact.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  const found = [...counts].sort((a, b) => b[1] - a[1]).map(([topic]) => topic);
  return (found.length > 0 ? found : [...fallback]).slice(0, 5);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
