import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.ts";
import { createApp } from "../../src/main.ts";
import { openFactBase } from "../../src/pipeline/fact-base.ts";
import { runPoll } from "../../src/pipeline/poll.ts";
import { type Handler, startServer, type TestServer } from "../feeds/feed-server.ts";
import { rssFeed, tempStoreUrl, writeConfig } from "../helpers/feed-fixtures.ts";

const NOW = new Date("2026-11-28T12:00:00Z");
let servers: TestServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** An app reading one feed served on 127.0.0.1 by `handler`. */
async function appServing(handler: Handler) {
  const server = await startServer(handler);
  servers.push(server);
  const url = `${server.origin}/feed.xml`;
  const app = await createApp({
    dir: writeConfig([{ url }]),
    env: { STORE_URL: tempStoreUrl(), FETCH_ALLOW_HOSTS: "127.0.0.1" },
    logger: silentLogger,
    now: () => NOW,
  });
  return { app, url, facts: openFactBase(app) };
}

const story = (guid: string, title: string) => ({
  guid,
  title,
  text: `${title}, the agencies reported on Friday.`,
  published: "2026-11-28T08:00:00Z",
});

describe("runPoll: the first-run rule", () => {
  it("takes a 304 to a request without validators as an error, so the first real read is backlog", async () => {
    let calls = 0;
    const { app, url, facts } = await appServing((_request, response) => {
      calls++;
      if (calls === 1) return void response.writeHead(304).end();
      response
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(rssFeed("Wire", [story("a", "Oracle wins the TikTok deal")]));
    });
    const first = await runPoll(app, { facts, feedUrls: [url] });
    expect(first.feeds[0]).toMatchObject({
      ok: false,
      status: 304,
      error: "HTTP 304 without a conditional request",
    });
    const state = await app.store.feedStates.get(url);
    expect(state).toMatchObject({ primed: false, consecutiveFailures: 1 });
    expect(state?.nextAttemptAt).toBeDefined();

    await runPoll(app, { facts, feedUrls: [url] });
    const stored = await app.store.items.all();
    expect(stored.map((item) => [item.id, item.backlog])).toEqual([["a", true]]);
    await app.close();
  });
});

/** An RSS document of raw `<item>` bodies. */
const rssOf = (...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Order</title><link>https://ord.example/</link>${items
    .map((item) => `<item>${item}</item>`)
    .join("")}</channel></rss>`;

describe("runPoll: items already seen", () => {
  /** Serves `bodies[n]` to the n-th request; polls once per body; returns the stored ids. */
  async function pollInTurn(...bodies: string[]) {
    let calls = 0;
    const { app, url, facts } = await appServing((_request, response) => {
      const body = bodies[Math.min(calls++, bodies.length - 1)];
      response.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
    });
    const stored: string[][] = [];
    for (const _body of bodies) {
      await runPoll(app, { facts, feedUrls: [url] });
      stored.push((await app.store.items.all()).map((item) => item.id).sort());
    }
    await app.close();
    return stored;
  }

  it("stores an entry the feed lists twice once, under its guid, and not again when the copy goes", async () => {
    const dup =
      "<title>Exact duplicate entry</title><link>https://m.example/dup</link><guid>https://m.example/dup</guid>" +
      "<description>Same text.</description>";
    const other =
      "<title>Other</title><link>https://m.example/o</link><guid>m1</guid><description>o</description>";
    const stored = await pollInTurn(rssOf(other, dup, dup), rssOf(other, dup));
    expect(stored).toEqual([
      ["https://m.example/dup", "m1"],
      ["https://m.example/dup", "m1"],
    ]);
  });

  it("does not store an entry again when another with its guid comes or goes", async () => {
    const gamma = (n: number) =>
      `<title>Gamma ${n}</title><link>https://ord.example/g${n}</link><guid>https://ord.example/</guid><description>G${n}.</description>`;
    // Two entries share the CMS's guid, then one leaves: the other was seen.
    const [both, left] = await pollInTurn(rssOf(gamma(1), gamma(2)), rssOf(gamma(2)));
    expect(both).toHaveLength(2);
    expect(left).toEqual(both);
    // One entry alone, then a second with its guid: only the second is new.
    const [alone, joined] = await pollInTurn(rssOf(gamma(1)), rssOf(gamma(2), gamma(1)));
    expect(alone).toEqual(["https://ord.example/"]);
    expect(joined).toHaveLength(2);
    expect(joined).toContain("https://ord.example/");
  });
});
