import { describe, expect, it, vi } from "vitest";
import { type AnswerResult, answerQuestion, type Citation } from "../../src/facts/answer.ts";
import { extractFacts } from "../../src/facts/extract-facts.ts";
import type { Fact } from "../../src/facts/fact.ts";
import type { FactSearch } from "../../src/facts/fact-index.ts";
import {
  completeEvaluation,
  confidenceBound,
  coverFact,
  type Evaluation,
  evaluateFact,
} from "../../src/facts/match-fact.ts";
import { analyseQuestion } from "../../src/facts/question.ts";
import { quoteAnswer } from "../../src/facts/quote.ts";
import { readTypedQuestion } from "../../src/facts/typed-question.ts";
import { feedItems, indexOf, seedItem } from "./fixtures.ts";

// Counts the evaluations answering completes, to show the equivalence below is tested on
// questions where some candidates are judged on their coverage alone.
vi.mock("../../src/facts/match-fact.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/facts/match-fact.ts")>();
  return { ...original, completeEvaluation: vi.fn(original.completeEvaluation) };
});

// The seed article undated: with an invalid `now`, its facts rank and the others' ranks are NaN.
const { published: _, ...undated } = seedItem();
const items = [undated, ...feedItems()];
const index = indexOf(items);
const facts = items.flatMap(extractFacts);

// Questions of every kind about what the fixtures name, and the seed questions.
const questions = [
  ...new Set([
    ...facts.flatMap((f) =>
      f.entities.names
        .slice(0, 2)
        .flatMap((name) => [
          `Who is ${name}?`,
          `Who runs ${name}?`,
          `When did ${name} announce it?`,
          `How much did ${name} pay?`,
          `How many employees does ${name} have?`,
          `Why did ${name} refuse?`,
          `Where is ${name}?`,
          `Qui n'a pas été retenu par ${name} ?`,
          `Combien ${name} a-t-il levé ?`,
        ]),
    ),
    "Who was not chosen by ByteDance?",
    "Who becomes TikTok's trusted technology partner in the US?",
    "How many days did the presidential order give?",
    "Qu'est-ce que ByteDance ne cédera pas ?",
    "Quelles entreprises s'étaient montrées intéressées par TikTok ?",
    "Qui est le fondateur d'Oracle ?",
    "What is the weather on Mars?",
  ]),
];

describe("judging candidates on coverage first", () => {
  it("never gives a fact more confidence than its coverage bound allows", () => {
    expect(facts.length).toBeGreaterThan(20);
    for (const text of questions) {
      const question = analyseQuestion(text);
      for (const fact of facts) {
        const covered = coverFact(question, fact);
        const evaluation = completeEvaluation(question, covered);
        expect(evaluation).toEqual(evaluateFact(question, fact));
        expect(evaluation.confidence).toBeLessThanOrEqual(confidenceBound(question, covered));
      }
    }
  });

  it.each([["2024-06-01T00:00:00Z"], ["2020-09-20T00:00:00Z"], ["not a date"]])(
    "answers as judging every candidate in full does (now: %s)",
    async (now) => {
      const completed = vi.mocked(completeEvaluation);
      completed.mockClear();
      let candidates = 0;
      for (const question of questions) {
        const expected = await answerInFull(question, index, { now });
        candidates += expected.candidates;
        expect(await answerQuestion(question, index, { now })).toEqual(expected.result);
      }
      expect(questions.length).toBeGreaterThan(100);
      // Some candidates were judged on their coverage alone.
      expect(completed.mock.calls.length).toBeLessThan(candidates);
    },
  );
});

/**
 * The answer as answerQuestion gave it before candidates were judged on coverage first: every
 * candidate evaluated in full, ranked, the best answering with the sources that agree.
 */
async function answerInFull(
  question: string,
  search: FactSearch,
  options: { now: string },
): Promise<{ result: AnswerResult; candidates: number }> {
  // The question read as answering reads it (spelling, lower-case names), then judged in full.
  const read = search.termCounts
    ? await readTypedQuestion(question, search.termCounts.bind(search))
    : question;
  const analysed = analyseQuestion(read);
  const now = new Date(options.now).getTime();
  const found = await search.search(analysed.expandedTerms, { limit: 40 });
  const seen = new Set<string>();
  const hits = found.filter((h) => !seen.has(h.fact.text) && seen.add(h.fact.text)).slice(0, 20);
  const ranked = hits
    .map((hit) => evaluateFact(analysed, hit.fact))
    .map((evaluation) => ({ evaluation, rank: evaluation.confidence * recency(evaluation.fact, now) }))
    .sort((a, b) => b.rank - a.rank)
    .map((r) => r.evaluation);
  const top = ranked[0];
  const base = { question, lang: analysed.lang, kind: analysed.kind };
  if (!top || top.confidence < 0.4) {
    const counts = new Map<string, number>();
    for (const hit of hits) for (const t of hit.fact.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    const suggestions = [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([t]) => t)
      .slice(0, 5);
    const result = {
      ...base,
      answer: null,
      confidence: round(top?.confidence ?? 0),
      citations: [],
      ...(suggestions.length ? { suggestions } : {}),
    };
    return { result, candidates: hits.length };
  }
  const supporting = ranked.filter(
    (e) => e !== top && e.fact.itemKey !== top.fact.itemKey && e.confidence >= 0.3 && agrees(top, e),
  );
  const sources = distinctItems([top, ...supporting]);
  const confidence = Math.min(1, top.confidence + 0.05 * Math.min(2, distinctItems(supporting).length));
  const result = {
    ...base,
    answer: quoteAnswer(top.fact, top.anchors, top.spot),
    confidence: round(confidence),
    citations: sources.slice(0, 3).map(citationOf),
  };
  return { result, candidates: hits.length };
}

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

function recency(fact: Fact, now: number): number {
  const published = fact.published ? Date.parse(fact.published) : Number.NaN;
  if (Number.isNaN(published)) return 1;
  const days = Math.max(0, (now - published) / 86_400_000);
  return 1 + 0.1 * 0.5 ** (days / 30);
}

function citationOf({ fact }: Evaluation): Citation {
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

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
