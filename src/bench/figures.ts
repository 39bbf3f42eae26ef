import type { DigestResult } from "./measure-digest.ts";
import type { MatchingResult } from "./measure-matching.ts";
import type { StartupResult } from "./measure-startup.ts";
import type { AnswerResult } from "./phase-answer.ts";
import type { FloorResult } from "./phase-floor.ts";
import type { PollResult } from "./phase-poll.ts";
import { type Figure, judge } from "./report.ts";

/** Every phase's output; a phase that failed is `undefined` and its figures read n/a. */
export interface PhaseResults {
  floor?: FloorResult;
  poll?: PollResult;
  matching?: MatchingResult;
  answer?: AnswerResult;
  startup?: StartupResult;
  digest?: DigestResult;
  /** Why phases failed, by phase name. */
  failures?: Record<string, string>;
  /** How far a child phase got before it died: its time and the peak RSS seen. */
  died?: Partial<Record<keyof PhaseResults, { ms: number; peakRssBytes: number | undefined }>>;
}

const PHASE_OF: Record<string, keyof PhaseResults> = {
  "cold-poll": "poll",
  "cold-poll-cpu": "poll",
  "cold-poll-stall": "poll",
  "warm-poll": "poll",
  "topic-matching": "matching",
  "topic-matching-prepared": "matching",
  "answers-p50": "answer",
  "answers-p95": "answer",
  "answers-right": "answer",
  facts: "answer",
  "start-up": "startup",
  digest: "digest",
  "memory-cold-poll": "poll",
  "memory-answers": "answer",
};

const MB = 1024 * 1024;
const MEMORY_LIMIT = 512 * MB;
/** The issue's fact-base size for the answer target; smaller corpora are only measured. */
const MIN_FACTS = 100_000;

/** The table's figures in the issue's order, each with its baseline, ratio and target judged. */
export function buildFigures(r: PhaseResults, full: boolean): Figure[] {
  const { floor, poll, matching, answer, startup, digest } = r;
  const itemRate = (items: number | undefined, ms: number | undefined) =>
    items !== undefined && ms ? (items * 1000) / ms : Number.NaN;
  const figures: Figure[] = [
    {
      id: "cold-poll",
      label: "Cold poll, whole pipeline",
      value: itemRate(poll?.cold.newItems, poll?.cold.ms),
      unit: "items/s",
      baseline: itemRate(floor?.items, floor?.ms),
      baselineLabel: "fetch + rss-parser",
      ratio: ratio(poll?.cold.ms, floor?.ms),
      ratioLabel: "the floor's time",
      target: { on: "ratio", op: "<=", limit: 2 },
    },
    {
      id: "cold-poll-cpu",
      label: "  same, per CPU-second",
      value: itemRate(poll?.cold.newItems, poll?.cold.cpuMs),
      unit: "items/s",
      baseline: itemRate(floor?.items, floor?.cpuMs),
      baselineLabel: "fetch + rss-parser",
      ratio: ratio(poll?.cold.cpuMs, floor?.cpuMs),
      ratioLabel: "the floor's CPU time",
      note: "CPU time (user + system) of the process: what a busy machine inflates least",
    },
    {
      id: "cold-poll-stall",
      label: "  longest event-loop stall",
      value: poll?.coldLongestStallMs ?? Number.NaN,
      unit: "ms",
      note: "in the bot, how long a Discord interaction can wait to be acknowledged during such a poll (Discord allows 3 s)",
    },
    {
      id: "warm-poll",
      label: "Warm poll (nothing new)",
      value: poll?.warm.ms ?? Number.NaN,
      unit: "ms",
      baseline: poll?.cold.ms ?? Number.NaN,
      baselineLabel: "cold poll",
      ratio: ratio(poll?.warm.ms, poll?.cold.ms),
      ratioFormat: "percent",
      ratioLabel: "of cold",
      target: { on: "ratio", op: "<=", limit: 0.05 },
    },
    {
      id: "topic-matching",
      label: `Topic matching${matching ? `, ${matching.topics} topics` : ""}`,
      value: matching?.productUsPerItem ?? Number.NaN,
      unit: "µs/item",
      baseline: matching?.baselineUsPerItem ?? Number.NaN,
      baselineLabel: "regex per term",
      ratio: matching?.speedup ?? Number.NaN,
      ratioLabel: "faster",
      target: { on: "ratio", op: ">=", limit: 10 },
      note: "prepare + match per item vs fold + regexes per item",
    },
    {
      id: "topic-matching-prepared",
      label: "  of which matching a prepared item",
      value: matching ? (matching.productMatchMs * 1000) / Math.max(1, matching.items) : Number.NaN,
      unit: "µs/item",
      baseline: matching
        ? (matching.baselineRegexMs * 1000) / Math.max(1, matching.baselineItems)
        : Number.NaN,
      baselineLabel: "regexes only",
      ratio: matching?.matchOnlySpeedup ?? Number.NaN,
      ratioLabel: "faster",
    },
    {
      id: "answers-p50",
      label: `Answers p50${answer ? `, ${answer.facts} facts` : ""}`,
      value: answer?.latency.p50 ?? Number.NaN,
      unit: "ms",
      baseline: answer?.retrieval.p50 ?? Number.NaN,
      baselineLabel: "index search alone",
      ratio: ratio(answer?.latency.p50, answer?.retrieval.p50),
    },
    {
      id: "answers-p95",
      label: "Answers p95",
      value: answer?.latency.p95 ?? Number.NaN,
      unit: "ms",
      baseline: answer?.retrieval.p95 ?? Number.NaN,
      baselineLabel: "index search alone",
      ratio: ratio(answer?.latency.p95, answer?.retrieval.p95),
      target: { on: "value", op: "<=", limit: 10 },
    },
    {
      id: "answers-right",
      label: "Answers with the expected fact",
      value: answer ? answer.correct / Math.max(1, answer.questions) : Number.NaN,
      unit: "fraction",
      note: answer
        ? `${answer.answered} of ${answer.questions} answered; right = the name, number or date the corpus states; ${answer.otherEvent} more name the answer of another event the same words ask about`
        : undefined,
    },
    {
      id: "answers-right-single",
      label: "  of questions one event answers",
      value: answer ? answer.singleCorrect / Math.max(1, answer.single) : Number.NaN,
      unit: "fraction",
      note: answer
        ? `${answer.single} of ${answer.questions} questions: the others ask what several events of the corpus answer (\`How much did X raise?\` when X raised twice)`
        : undefined,
    },
    {
      id: "facts",
      label: "Fact base size",
      value: answer?.facts ?? Number.NaN,
      unit: "facts",
      ...(full ? { target: { on: "value", op: ">=", limit: MIN_FACTS } as const } : {}),
    },
    {
      id: "start-up",
      label: "Start-up to answer (CLI ask)",
      value: startup?.answerMs ?? Number.NaN,
      unit: "ms",
      baseline: startup?.baselineMs ?? Number.NaN,
      baselineLabel: "CLI --help",
      ratio: ratio(startup?.answerMs, startup?.baselineMs),
      target: { on: "value", op: "<=", limit: 3000 },
    },
    {
      id: "digest",
      label: `Digest rendering${digest ? `, ${digest.stories} stories` : ""}`,
      value: digest?.medianMs ?? Number.NaN,
      unit: "ms",
      baseline: digest?.baselineMedianMs ?? Number.NaN,
      baselineLabel: "plain embeds",
      ratio: ratio(digest?.medianMs, digest?.baselineMedianMs),
      target: { on: "value", op: "<=", limit: 100 },
    },
    {
      id: "memory-cold-poll",
      label: "Peak RSS, cold poll",
      value: poll?.coldPeakRssBytes ?? Number.NaN,
      unit: "bytes",
      baseline: floor?.peakRssBytes ?? Number.NaN,
      baselineLabel: "fetch + rss-parser",
      ratio: ratio(poll?.coldPeakRssBytes, floor?.peakRssBytes),
      target: { on: "value", op: "<=", limit: MEMORY_LIMIT },
    },
    {
      id: "memory-answers",
      label: "Peak RSS, answering",
      value: answer?.peakRssBytes ?? Number.NaN,
      unit: "bytes",
      target: { on: "value", op: "<=", limit: MEMORY_LIMIT },
    },
  ];
  return figures.map((figure) => judge(explainFailure(figure, r)));
}

/**
 * A figure whose phase failed says why in its note. A memory figure whose process died keeps
 * the peak RSS it had reached (a lower bound: the process needed more).
 */
function explainFailure(figure: Figure, r: PhaseResults): Figure {
  const phase = PHASE_OF[figure.id];
  const failure = phase ? r.failures?.[phase] : undefined;
  if (!phase || !failure || Number.isFinite(figure.value)) return figure;
  const died = r.died?.[phase];
  const after = died ? ` after ${Math.round(died.ms / 1000)} s` : "";
  if (figure.unit === "bytes" && died?.peakRssBytes !== undefined) {
    return {
      ...figure,
      value: died.peakRssBytes,
      atLeast: true,
      note: `the process died${after}: ${failure}`,
    };
  }
  return { ...figure, note: `not measured${after}: ${failure}` };
}

function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
}
