import { readFileSync } from "node:fs";
import { askQuestion } from "../actions/ask.ts";
import type { AnswerResult as Answer } from "../facts/answer.ts";
import { analyseQuestion } from "../facts/question.ts";
import { createLogger } from "../log/logger.ts";
import { createApp, limitHeapGrowth } from "../main.ts";
import { openFactBase } from "../pipeline/fact-base.ts";
import { type CorpusQuestion, isExpectedAnswer } from "./questions.ts";
import { collectGarbage, peakRssBytes, quantile, since } from "./stats.ts";

export interface AnswerSpec {
  configDir: string;
  storeUrl: string;
  env: Record<string, string>;
  now: string;
  questionsFile: string;
}

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface AnswerResult {
  /** Opening the store and loading (or rebuilding) the fact base, in this process. */
  loadMs: number;
  facts: number;
  questions: number;
  /** Questions with an answer, and with the answer the corpus expects. */
  answered: number;
  correct: number;
  /** Questions only one event of the corpus answers, and how many of those were right. */
  single: number;
  singleCorrect: number;
  /** Answers naming another event's answer to the same words (see `CorpusQuestion.others`). */
  otherEvent: number;
  latency: Latencies;
  byLang: Record<"en" | "fr", Latencies & { questions: number; correct: number }>;
  /** Baseline: the index's BM25 search alone, with the question's keys computed beforehand. */
  retrieval: Latencies;
  loadPeakRssBytes: number;
  peakRssBytes: number;
}

const WARM_UP_QUESTIONS = 20;

/**
 * Answers the corpus's questions over the fact base the cold poll built, as `ask` does
 * (`askQuestion`): the app and fact base are opened from the store on disk, then each question
 * is answered in turn and timed on its own. The first questions are asked once untimed (JIT
 * warm-up).
 */
export async function runAnswerPhase(spec: AnswerSpec): Promise<AnswerResult> {
  limitHeapGrowth(); // as the CLI and the bot run
  const questions = JSON.parse(readFileSync(spec.questionsFile, "utf8")) as CorpusQuestion[];
  collectGarbage();
  const start = performance.now();
  const app = await createApp({
    dir: spec.configDir,
    storeUrl: spec.storeUrl,
    env: spec.env,
    logger: createLogger({ level: "warn" }),
    now: () => new Date(spec.now),
  });
  try {
    const facts = openFactBase(app);
    await facts.ready();
    const loadMs = since(start);
    const loadPeakRssBytes = peakRssBytes();
    // What `ask` and `/ask` run (the scope's topics are read only when no fact answers).
    const ask = (q: CorpusQuestion): Promise<Answer> => askQuestion(app, facts, q.text);
    for (const q of questions.slice(0, WARM_UP_QUESTIONS)) await ask(q);

    const times: number[] = [];
    const byLang = { en: [] as number[], fr: [] as number[] };
    const correctByLang = { en: 0, fr: 0 };
    let answered = 0;
    let single = 0;
    let singleCorrect = 0;
    let otherEvent = 0;
    for (const q of questions) {
      const t0 = performance.now();
      const result = await ask(q);
      const ms = since(t0);
      times.push(ms);
      byLang[q.lang].push(ms);
      if (result.answer !== null) answered++;
      const right = isExpectedAnswer(result.answer, q.expect);
      if (right) correctByLang[q.lang]++;
      else if (isExpectedAnswer(result.answer, q.others)) otherEvent++;
      if (q.others.length === 0) {
        single++;
        if (right) singleCorrect++;
      }
    }
    const keys = questions.map((q) => analyseQuestion(q.text).expandedTerms);
    const retrieval: number[] = [];
    for (const k of keys) {
      const t0 = performance.now();
      await facts.search(k, { limit: 40 });
      retrieval.push(since(t0));
    }
    return {
      loadMs,
      facts: await facts.count(),
      questions: questions.length,
      answered,
      correct: correctByLang.en + correctByLang.fr,
      single,
      singleCorrect,
      otherEvent,
      latency: summarise(times),
      byLang: {
        en: { ...summarise(byLang.en), questions: byLang.en.length, correct: correctByLang.en },
        fr: { ...summarise(byLang.fr), questions: byLang.fr.length, correct: correctByLang.fr },
      },
      retrieval: summarise(retrieval),
      loadPeakRssBytes,
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    await app.close();
  }
}

function summarise(samples: number[]): Latencies {
  return {
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    max: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
  };
}
