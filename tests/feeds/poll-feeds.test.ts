import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchTimeoutError } from "../../src/feeds/errors.ts";
import { createGuardedFetch, type FetchFunction, type FetchResult } from "../../src/feeds/fetch-url.ts";
import { createNetworkGuard, type NetworkGuard } from "../../src/feeds/network-guard.ts";
import type { PollResult } from "../../src/feeds/poll-feed.ts";
import { pollFeeds } from "../../src/feeds/poll-feeds.ts";
import type { FeedState } from "../../src/model.ts";
import { rssFeed, startServer } from "./feed-server.ts";

const NOW = new Date("2024-01-01T00:00:00.000Z");
const FEED = rssFeed("Wire", [{ guid: "a", title: "Oracle picked" }]);

/** A fetch that answers every URL with FEED once released, recording how many run at once. */
function createControlledFetch() {
  const pending: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const runningPerHost = new Map<string, number>();
  const maxPerHost = new Map<string, number>();
  const started: string[] = [];
  const fetch: FetchFunction = async (url) => {
    const host = new URL(url).hostname;
    started.push(url);
    running++;
    maxRunning = Math.max(maxRunning, running);
    runningPerHost.set(host, (runningPerHost.get(host) ?? 0) + 1);
    maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, runningPerHost.get(host)!));
    await new Promise<void>((resolve) => pending.push(resolve));
    running--;
    runningPerHost.set(host, runningPerHost.get(host)! - 1);
    const result: FetchResult = { status: 200, url, headers: {}, body: Buffer.from(FEED) };
    return result;
  };
  return {
    fetch,
    started,
    get maxRunning() {
      return maxRunning;
    },
    maxPerHost,
    /** Lets the oldest running fetch finish. */
    releaseOne: () => pending.shift()?.(),
    pendingCount: () => pending.length,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("pollFeeds", () => {
  let guard: NetworkGuard;

  beforeAll(() => {
    guard = createNetworkGuard({ allowHosts: ["127.0.0.1"] });
  });

  afterAll(async () => {
    await guard.close();
  });

  it("lets a healthy feed finish while a 1-byte-per-second feed is still running into its timeout", async () => {
    const slow = await startServer(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      for (let i = 0; i < 30 && !response.destroyed; i++) {
        response.write(" ");
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      response.end();
    });
    const healthy = await startServer((_request, response) => response.end(FEED));
    const finished: string[] = [];
    let slowStillPendingWhenHealthyDone = false;
    try {
      const results = await pollFeeds(
        [{ url: `${slow.origin}/feed` }, { url: `${healthy.origin}/feed` }],
        new Map(),
        {
          fetch: createGuardedFetch(guard),
          now: () => NOW,
          limits: { timeoutMs: 500 },
          onResult: (result) => {
            finished.push(result.feed.url);
            if (result.feed.url.startsWith(healthy.origin)) {
              slowStillPendingWhenHealthyDone = !finished.some((url) => url.startsWith(slow.origin));
            }
          },
        },
      );
      expect(finished).toEqual([`${healthy.origin}/feed`, `${slow.origin}/feed`]);
      expect(slowStillPendingWhenHealthyDone).toBe(true);
      expect(slow.requests).toHaveLength(1);
      expect(results.map((result) => result.outcome.ok)).toEqual([false, true]);
      expect(results[0]?.outcome).toMatchObject({ errorKind: "timeout", error: "timed out after 500 ms" });
      expect(results[1]?.items.map((item) => item.id)).toEqual(["a"]);
    } finally {
      await Promise.all([slow.close(), healthy.close()]);
    }
  });

  it("runs at most `concurrency` feeds at once and at most `perHostConcurrency` per host", async () => {
    const controlled = createControlledFetch();
    const feeds = [
      ...["1", "2", "3", "4"].map((n) => ({ url: `https://a.example/${n}` })),
      ...["1", "2", "3"].map((n) => ({ url: `https://b.example/${n}` })),
      ...["1", "2", "3"].map((n) => ({ url: `https://c.example/${n}` })),
    ];
    const run = pollFeeds(feeds, new Map(), {
      fetch: controlled.fetch,
      now: () => NOW,
      concurrency: 4,
      perHostConcurrency: 2,
    });
    await flush();
    // a.example's third feed waits for its host; b.example's first starts in its place.
    expect(controlled.started).toEqual([
      "https://a.example/1",
      "https://a.example/2",
      "https://b.example/1",
      "https://b.example/2",
    ]);
    while (controlled.started.length < feeds.length || controlled.pendingCount() > 0) {
      controlled.releaseOne();
      await flush();
    }
    const results = await run;
    expect(results.map((result) => result.feed.url)).toEqual(feeds.map((feed) => feed.url));
    expect(results.every((result) => result.outcome.ok)).toBe(true);
    expect(controlled.maxRunning).toBe(4);
    expect(Math.max(...controlled.maxPerHost.values())).toBe(2);
  });

  it("skips disabled feeds and feeds still backing off, unless forced past the backoff", async () => {
    const controlled = createControlledFetch();
    const state = (url: string, extra: Partial<FeedState>): FeedState => ({
      url,
      primed: true,
      consecutiveFailures: 3,
      disabled: false,
      lastError: "HTTP 500",
      ...extra,
    });
    const states = new Map<string, FeedState>([
      ["https://a.example/off", state("https://a.example/off", { disabled: true })],
      [
        "https://a.example/wait",
        state("https://a.example/wait", { nextAttemptAt: "2024-01-01T01:00:00.000Z" }),
      ],
      [
        "https://a.example/due",
        state("https://a.example/due", { nextAttemptAt: "2023-12-31T23:00:00.000Z" }),
      ],
    ]);
    const feeds = [...states.keys()].map((url) => ({ url }));
    const poll = (force: boolean): Promise<PollResult[]> => {
      const run = pollFeeds(feeds, states, { fetch: controlled.fetch, now: () => NOW, force });
      const release = setInterval(() => controlled.releaseOne(), 1);
      return run.finally(() => clearInterval(release));
    };

    const normal = await poll(false);
    expect(normal.map((result) => result.outcome.skipped)).toEqual(["disabled", "backoff", undefined]);
    expect(normal[0]?.outcome.error).toBe("disabled after 3 consecutive failures (last: HTTP 500)");
    expect(normal[1]?.outcome.error).toBe(
      "backing off until 2024-01-01T01:00:00.000Z after 3 failure(s) (last: HTTP 500)",
    );
    expect(normal[0]?.state).toBe(states.get("https://a.example/off"));
    expect(controlled.started).toEqual(["https://a.example/due"]);

    const forced = await poll(true);
    expect(forced.map((result) => result.outcome.skipped)).toEqual(["disabled", undefined, undefined]);
  });

  it("records a fetch that throws something unexpected on that feed only", async () => {
    const fetch: FetchFunction = async (url) => {
      if (url.includes("bad")) throw new TypeError("something broke");
      if (url.includes("slow")) throw new FetchTimeoutError(100);
      return { status: 200, url, headers: {}, body: Buffer.from(FEED) };
    };
    const results = await pollFeeds(
      [
        { url: "https://x.example/bad" },
        { url: "https://x.example/slow" },
        { url: "https://y.example/good" },
      ],
      new Map(),
      { fetch, now: () => NOW },
    );
    expect(results.map((result) => result.outcome)).toEqual([
      { ok: false, error: "internal error: TypeError: something broke", errorKind: "internal" },
      { ok: false, error: "timed out after 100 ms", errorKind: "timeout" },
      { ok: true, status: 200 },
    ]);
    expect(results[0]?.state).toMatchObject({
      consecutiveFailures: 1,
      lastError: "internal error: TypeError: something broke",
    });
  });
});
