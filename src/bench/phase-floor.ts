import Parser from "rss-parser";
import { collectGarbage, cpuMsSince, mapLimited, peakRssBytes, since } from "./stats.ts";

export interface FloorSpec {
  urls: string[];
  concurrency: number;
}

export interface FloorResult {
  ms: number;
  /** CPU time (user + system) the process spent in the phase: less sensitive to a busy machine. */
  cpuMs: number;
  feeds: number;
  items: number;
  bytes: number;
  peakRssBytes: number;
}

/**
 * The cold poll's floor for this stack: the same feeds fetched from the same server with the
 * same concurrency (Node's fetch, i.e. undici, as newsdesk uses) and parsed with rss-parser's
 * `parseString` alone — no guard, no normalising, no analysis, no store.
 */
export async function runFloorPhase(spec: FloorSpec): Promise<FloorResult> {
  const parser = new Parser();
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
  return {
    ms: since(start),
    cpuMs: cpuMsSince(cpu),
    feeds: spec.urls.length,
    items,
    bytes,
    peakRssBytes: peakRssBytes(),
  };
}
