import Parser from "rss-parser";
import { collectGarbage, cpuMsSince, mapLimited, peakRssBytes, since } from "./stats.ts";

export interface FloorSpec {
  urls: string[];
  concurrency: number;
  /** Times the whole read is run; the fastest counts (default 3). */
  rounds?: number;
}

export interface FloorResult {
  /** The fastest round. */
  ms: number;
  /** CPU time (user + system) of the round with the least: less sensitive to a busy machine. */
  cpuMs: number;
  /** Every round's time. */
  roundsMs: number[];
  feeds: number;
  items: number;
  bytes: number;
  peakRssBytes: number;
}

/**
 * The cold poll's floor for this stack: the same feeds fetched from the same server with the
 * same concurrency (Node's fetch, i.e. undici, as newsdesk uses) and parsed with rss-parser's
 * `parseString` alone — no guard, no normalising, no analysis, no store. It takes seconds where
 * the cold poll takes minutes, so one round swung by a third from run to run (JIT warm-up, a
 * busy moment): the fastest of a few rounds is the floor, the harder figure to compare with.
 */
export async function runFloorPhase(spec: FloorSpec): Promise<FloorResult> {
  const parser = new Parser();
  const rounds: { ms: number; cpuMs: number; items: number; bytes: number }[] = [];
  for (let round = 0; round < (spec.rounds ?? 3); round++) {
    collectGarbage();
    let items = 0;
    let bytes = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    await mapLimited(spec.urls, spec.concurrency, async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`floor: ${url} answered ${response.status}`);
      const text = await response.text();
      bytes += text.length;
      const feed = await parser.parseString(text);
      items += feed.items.length;
    });
    rounds.push({ ms: since(start), cpuMs: cpuMsSince(cpu), items, bytes });
  }
  const { items, bytes } = rounds[0]!;
  return {
    ms: Math.min(...rounds.map((r) => r.ms)),
    cpuMs: Math.min(...rounds.map((r) => r.cpuMs)),
    roundsMs: rounds.map((r) => r.ms),
    feeds: spec.urls.length,
    items,
    bytes,
    peakRssBytes: peakRssBytes(),
  };
}
