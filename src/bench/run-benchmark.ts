import path from "node:path";
import { type CorpusOptions, generateCorpus } from "./corpus.ts";
import { startCorpusServer } from "./corpus-server.ts";
import { contentTypeOf } from "./feed-xml.ts";
import { buildFigures, type PhaseResults } from "./figures.ts";
import type { DigestResult } from "./measure-digest.ts";
import type { MatchingResult } from "./measure-matching.ts";
import { measureStartup } from "./measure-startup.ts";
import type { AnswerResult, AnswerSpec } from "./phase-answer.ts";
import type { DigestSpec } from "./phase-digest.ts";
import type { FloorResult, FloorSpec } from "./phase-floor.ts";
import type { MatchingSpec } from "./phase-matching.ts";
import type { PollResult, PollSpec } from "./phase-poll.ts";
import { type BenchResults, describeMachine } from "./report.ts";
import { PhaseError, spawnPhase } from "./spawn-phase.ts";
import { since } from "./stats.ts";
import { CONCURRENCY, createWorkspace } from "./workspace.ts";

export type BenchMode = "full" | "quick" | "tiny";

/** Everything a run measures on; `benchPreset` gives the three standard sizes. */
export interface BenchOptions {
  mode: BenchMode;
  corpus: CorpusOptions;
  /** The regex baseline runs on every n-th item so that it takes at most this many items. */
  baselineMatchItems: number;
  digestStories: number;
  digestRounds: number;
  startupRuns: number;
  /** Where the temporary workspace goes (default: the OS temp folder). */
  workParent?: string;
  /** Keep the workspace (store, config) after the run, for profiling. */
  keep?: boolean;
  /** Longest a child phase may run. */
  phaseTimeoutMs: number;
  /** Write a CPU profile of each child phase (`--cpu-prof`) into this folder. */
  profileDir?: string;
  log?: (line: string) => void;
}

export function benchPreset(mode: BenchMode, seed = 20250930): BenchOptions {
  const base = { mode, corpus: { seed, itemsPerFeed: 40, topics: 50, matchTopics: 1000, questions: 1000 } };
  switch (mode) {
    case "full":
      return {
        ...base,
        corpus: { ...base.corpus, feeds: 500 },
        baselineMatchItems: 2000,
        digestStories: 1000,
        digestRounds: 10,
        startupRuns: 3,
        phaseTimeoutMs: 60 * 60_000,
      };
    case "quick":
      // Sized so that the whole run stays near a minute on 2 cores at the pipeline's current speed.
      return {
        ...base,
        corpus: { ...base.corpus, feeds: 10, questions: 300 },
        baselineMatchItems: 200,
        digestStories: 1000,
        digestRounds: 5,
        startupRuns: 1,
        phaseTimeoutMs: 5 * 60_000,
      };
    case "tiny":
      return {
        mode,
        corpus: { seed, feeds: 3, itemsPerFeed: 5, topics: 5, matchTopics: 5, questions: 5 },
        baselineMatchItems: 15,
        digestStories: 5,
        digestRounds: 2,
        startupRuns: 1,
        phaseTimeoutMs: 2 * 60_000,
      };
  }
}

/**
 * One benchmark run: generate the corpus, serve it from 127.0.0.1, then measure, each beside
 * its baseline — the rss-parser floor, then the cold and warm polls (one child process), topic
 * matching and digest rendering (a child process each, on the corpus generated again), answers
 * (a child process over the store the poll left), and start-up (fresh CLI processes). Phases
 * run one after the other so none competes with another for the CPU.
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const machine = describeMachine();
  let step = performance.now();
  const corpus = generateCorpus(options.corpus);
  const items = corpus.feeds.flatMap((feed) => feed.items);
  log(
    `corpus: ${corpus.feeds.length} feeds, ${items.length} items, ${corpus.events.length} events (${Math.round(since(step))} ms)`,
  );
  const server = await startCorpusServer(
    corpus.feeds.map((feed) => ({
      path: feed.path,
      body: feed.xml,
      contentType: contentTypeOf(feed.format),
    })),
    corpus.options.now,
  );
  const workspace = createWorkspace(corpus, server, options.workParent);
  const results: PhaseResults = {};
  const failures: Record<string, string> = {};
  /** What a failed phase had reached when it died (time, peak RSS), for the table's notes. */
  const died: PhaseResults["died"] = {};
  const attempt = async <K extends keyof PhaseResults>(name: K, run: () => Promise<PhaseResults[K]>) => {
    step = performance.now();
    try {
      results[name] = await run();
      log(`${name}: done (${Math.round(since(step))} ms)`);
    } catch (error) {
      failures[name] = error instanceof Error ? error.message : String(error);
      if (error instanceof PhaseError) died[name] = { ms: error.ms, peakRssBytes: error.peakRssBytes };
      log(`${name}: FAILED — ${failures[name]}`);
    }
  };
  const serverCounts: Record<string, unknown> = {};
  const flags = (phase: string) =>
    options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(options.profileDir, phase)}`] : [];
  try {
    const urls = corpus.feeds.map((feed) => server.urlOf(feed.path));
    const common = {
      configDir: workspace.configDir,
      storeUrl: workspace.storeUrl,
      env: workspace.env,
      now: corpus.options.now,
    };
    await attempt("floor", () =>
      spawnPhase<FloorResult>(
        "floor",
        { urls, concurrency: CONCURRENCY } satisfies FloorSpec,
        workspace.dir,
        options.phaseTimeoutMs,
        flags("floor"),
      ),
    );
    serverCounts.floor = { ...server.counts };
    server.resetCounts();
    await attempt("poll", () =>
      spawnPhase<PollResult>(
        "poll",
        common satisfies PollSpec,
        workspace.dir,
        options.phaseTimeoutMs,
        flags("poll"),
      ),
    );
    serverCounts.poll = { ...server.counts };
    await attempt("matching", () =>
      spawnPhase<MatchingResult>(
        "matching",
        { corpus: options.corpus, baselineMatchItems: options.baselineMatchItems } satisfies MatchingSpec,
        workspace.dir,
        options.phaseTimeoutMs,
        flags("matching"),
      ),
    );
    await attempt("digest", () =>
      spawnPhase<DigestResult>(
        "digest",
        {
          corpus: options.corpus,
          stories: options.digestStories,
          rounds: options.digestRounds,
        } satisfies DigestSpec,
        workspace.dir,
        options.phaseTimeoutMs,
        flags("digest"),
      ),
    );
    // Answers and start-up read the store the cold poll left: without it they would measure
    // a rebuild from a partial store, so they are skipped rather than reported.
    const skipWithoutPoll = async <T>(run: () => Promise<T>): Promise<T> => {
      if (failures.poll) throw new Error("skipped: the cold poll failed, so its store is not the corpus's");
      return run();
    };
    await attempt("answer", () =>
      skipWithoutPoll(() =>
        spawnPhase<AnswerResult>(
          "answer",
          { ...common, questionsFile: workspace.questionsFile } satisfies AnswerSpec,
          workspace.dir,
          options.phaseTimeoutMs,
          flags("answer"),
        ),
      ),
    );
    const question = corpus.questions[0]?.text ?? "Who became TikTok's US technology partner?";
    await attempt("startup", () =>
      skipWithoutPoll(() =>
        measureStartup(
          {
            configDir: workspace.configDir,
            storeUrl: workspace.storeUrl,
            cwd: workspace.dir,
            env: workspace.env,
          },
          question,
          options.startupRuns,
        ),
      ),
    );
  } finally {
    await server.close();
    if (!options.keep) workspace.remove();
    else log(`workspace kept: ${workspace.dir}`);
  }
  return {
    version: 1,
    date: new Date().toISOString(),
    mode: options.mode,
    machine,
    corpus: {
      seed: corpus.options.seed,
      feeds: corpus.feeds.length,
      items: items.length,
      frenchItems: items.filter((item) => item.lang === "fr").length,
      averageWords: Math.round(items.reduce((n, item) => n + item.words, 0) / Math.max(1, items.length)),
      xmlBytes: corpus.feeds.reduce((n, feed) => n + Buffer.byteLength(feed.xml), 0),
      events: corpus.events.length,
      topics: corpus.topics.length,
      matchTopics: corpus.matchTopics.length,
      questions: corpus.questions.length,
    },
    durationMs: since(started),
    figures: buildFigures({ ...results, died, failures }, options.mode === "full"),
    details: { ...results, server: serverCounts, failures, died },
  };
}
