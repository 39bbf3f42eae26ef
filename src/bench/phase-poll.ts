import { monitorEventLoopDelay } from "node:perf_hooks";
import { createLogger } from "../log/logger.ts";
import { createApp, limitHeapGrowth } from "../main.ts";
import { openFactBase } from "../pipeline/fact-base.ts";
import { type PollReport, runPoll } from "../pipeline/poll.ts";
import { collectGarbage, cpuMsSince, peakRssBytes, since } from "./stats.ts";

export interface PollSpec {
  configDir: string;
  storeUrl: string;
  /** The corpus's "now", so item ages are what the corpus meant. */
  now: string;
  env: Record<string, string>;
}

export interface PollRun {
  ms: number;
  /** CPU time (user + system) of the poll: less sensitive to a busy machine than `ms`. */
  cpuMs: number;
  feeds: number;
  feedsOk: number;
  notModified: number;
  /** Feeds whose body was fetched again but found unchanged (no 304 from the server). */
  unchanged: number;
  errors: string[];
  itemsSeen: number;
  newItems: number;
  stories: number;
  topicMatches: number;
}

export interface PollResult {
  cold: PollRun;
  warm: PollRun;
  /**
   * The longest the cold poll held the event loop at a time: in the bot, a Discord interaction
   * arriving then waits that long before it can be acknowledged (Discord allows 3 s).
   */
  coldLongestStallMs: number;
  /** Peak RSS at the end of the cold poll (it includes start-up: the process did nothing else). */
  coldPeakRssBytes: number;
  /** Peak RSS after the warm poll too. */
  peakRssBytes: number;
}

/**
 * Cold poll (empty store: every feed fetched, parsed, and every item through topics, stories,
 * summaries, facts, index and store), then warm poll (same feeds, nothing new: the server
 * answers 304 to the validators the cold poll stored). Run in its own process so that its peak
 * RSS is the pipeline's alone.
 */
export async function runPollPhase(spec: PollSpec): Promise<PollResult> {
  limitHeapGrowth(); // as the CLI and the bot run
  const app = await createApp({
    dir: spec.configDir,
    storeUrl: spec.storeUrl,
    env: spec.env,
    logger: createLogger({ level: "warn" }),
    now: () => new Date(spec.now),
  });
  try {
    // As `newsdesk fetch` and the bot do: the fact base is opened (empty store: nothing to
    // load) and updated by the poll, batch by batch, all inside the timed poll.
    const facts = openFactBase(app);
    collectGarbage();
    let start = performance.now();
    let cpu = process.cpuUsage();
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const cold = summarise(await runPoll(app, { facts }), since(start), cpuMsSince(cpu));
    stalls.disable();
    const coldPeakRssBytes = peakRssBytes();
    collectGarbage();
    start = performance.now();
    cpu = process.cpuUsage();
    const warm = summarise(await runPoll(app, { facts }), since(start), cpuMsSince(cpu));
    return {
      cold,
      warm,
      coldLongestStallMs: stalls.max / 1e6,
      coldPeakRssBytes,
      peakRssBytes: peakRssBytes(),
    };
  } finally {
    await app.close();
  }
}

function summarise(report: PollReport, ms: number, cpuMs: number): PollRun {
  const errors = report.feeds.filter((f) => f.error).map((f) => `${f.url}: ${f.error}`);
  return {
    ms,
    cpuMs,
    feeds: report.feeds.length,
    feedsOk: report.feeds.filter((f) => f.ok).length,
    notModified: report.feeds.filter((f) => f.status === 304).length,
    unchanged: report.feeds.filter((f) => f.ok && f.status === 200 && f.items === 0).length,
    errors: errors.slice(0, 10),
    itemsSeen: report.feeds.reduce((n, f) => n + f.items, 0),
    newItems: report.items,
    stories: report.stories,
    topicMatches: Object.values(report.matched).reduce((n, v) => n + v, 0),
  };
}
