import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/facts/question.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createApp } from "../../src/main.ts";
import { openFactBase } from "../../src/pipeline/fact-base.ts";
import { runPoll } from "../../src/pipeline/poll.ts";
import { pruneExpired } from "../../src/pipeline/prune.ts";
import {
  type FeedServer,
  rssFeed,
  startFeedServer,
  tempStoreUrl,
  writeConfig,
} from "../helpers/feed-fixtures.ts";

const REAL_FEEDS = path.resolve("tests/fixtures/real-feeds");

async function appFor(feeds: { url: string }[], now?: () => Date) {
  return createApp({
    dir: writeConfig(feeds),
    env: { STORE_URL: tempStoreUrl(), FETCH_ALLOW_HOSTS: "127.0.0.1" },
    logger: silentLogger,
    ...(now ? { now } : {}),
  });
}

describe("the poll pipeline", () => {
  let server: FeedServer;
  beforeAll(async () => {
    const bodies: Record<string, Buffer> = {};
    for (const name of readdirSync(REAL_FEEDS).filter((f) => !f.endsWith(".md"))) {
      bodies[name] = readFileSync(path.join(REAL_FEEDS, name));
    }
    server = await startFeedServer(bodies);
  });
  afterAll(() => server.close());

  it("takes every real-world feed through the whole pipeline without a crash", async () => {
    const names = readdirSync(REAL_FEEDS).filter((f) => !f.endsWith(".md"));
    expect(names.length).toBe(31);
    const app = await appFor(names.map((n) => ({ url: server.url(n) })));
    const facts = openFactBase(app);
    const report = await runPoll(app, { facts, backfill: true });
    expect(report.feeds).toHaveLength(31);
    const failed = report.feeds.filter((f) => !f.ok);
    // Only the document that is not a feed at all is refused, with a reason.
    expect(failed.map((f) => [path.basename(f.url), f.error])).toEqual([
      ["unrecognized.rss", expect.stringMatching(/not an RSS or Atom feed/)],
    ]);
    expect(report.items).toBeGreaterThan(300);
    const stored = await app.store.items.all();
    expect(stored).toHaveLength(report.items);
    expect(stored.every((i) => i.id && i.title && i.story)).toBe(true);
    expect(await facts.count()).toBeGreaterThan(report.items);
    await app.close();
  });

  it("forgets items past the retention, with their facts and stories", async () => {
    let now = new Date("2026-11-28T12:00:00Z");
    server.set(
      "old.xml",
      rssFeed("Old", [
        {
          guid: "a",
          title: "Oracle wins the TikTok deal",
          text: "Oracle wins the TikTok deal in the US.",
          published: "2026-11-27T08:00:00Z",
        },
      ]),
    );
    const app = await appFor([{ url: server.url("old.xml") }], () => now);
    const facts = openFactBase(app);
    await runPoll(app, { facts });
    expect(await app.store.items.all()).toHaveLength(1);
    now = new Date("2027-06-01T12:00:00Z");
    const pruned = await pruneExpired(app, facts, true);
    expect(pruned).toEqual({ items: 1, stories: 1 });
    expect(await app.store.items.all()).toHaveLength(0);
    expect(await app.store.stories.all()).toHaveLength(0);
    expect(await app.store.facts.segmentIds()).toEqual([]);
    const hits = await facts.search(analyseQuestion("Who wins the TikTok deal?").expandedTerms);
    expect(hits.filter((h) => !h.fact.curated)).toEqual([]);
    await app.close();
  });

  it("merges the small fact segments of a day's polls at the next day's prune", async () => {
    let now = new Date("2026-11-28T08:00:00Z");
    const companies = ["Oracle", "Microsoft", "Walmart", "Netflix", "Twitter"];
    const publish = (count: number) =>
      server.set(
        "daily.xml",
        rssFeed(
          "Daily",
          companies.slice(0, count).map((company, n) => ({
            guid: `daily-${n}`,
            title: `${company} reports its cloud results`,
            text: `${company} said on Monday that its cloud revenue grew by ${n + 11} percent in the quarter.`,
            published: new Date(now.getTime() - 60_000).toISOString(),
          })),
        ),
      );
    const app = await appFor([{ url: server.url("daily.xml") }], () => now);
    const facts = openFactBase(app);
    for (let polls = 1; polls <= 4; polls++) {
      publish(polls);
      await runPoll(app, { facts });
      now = new Date(now.getTime() + 3_600_000);
    }
    expect(await app.store.facts.segmentIds()).toHaveLength(4);
    const counted = await facts.count();

    now = new Date(now.getTime() + 86_400_000);
    publish(5);
    await runPoll(app, { facts });
    expect(await app.store.facts.segmentIds()).toHaveLength(1);
    expect(await facts.count()).toBeGreaterThan(counted);
    const hits = await facts.search(
      analyseQuestion("By how much did Walmart's cloud revenue grow?").expandedTerms,
    );
    expect(hits[0]?.fact.text).toMatch(/Walmart said .* 13 percent/);
    await app.close();
  });
});
