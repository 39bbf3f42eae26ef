import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGuardedFetch } from "../../src/feeds/fetch-url.ts";
import { createNetworkGuard, type NetworkGuard } from "../../src/feeds/network-guard.ts";
import {
  computeBackoffMs,
  enableFeedState,
  isDue,
  type PollDeps,
  type PollLimits,
  pollFeed,
} from "../../src/feeds/poll-feed.ts";
import type { FeedState } from "../../src/model.ts";
import { type Handler, rssFeed, startServer, type TestServer } from "./feed-server.ts";

const FEED = rssFeed("Tech Wire", [
  { guid: "s1", title: "Oracle picked as TikTok partner" },
  { guid: "s2", title: "Walmart joins the bid" },
]);
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));

let guard: NetworkGuard;
let servers: TestServer[] = [];
const START = "2024-01-01T00:00:00.000Z";
let clock = new Date(START);

function depsWith(limits: PollLimits = {}): PollDeps {
  return {
    fetch: createGuardedFetch(guard),
    now: () => clock,
    limits: { timeoutMs: 2000, ...limits },
    userAgent: "newsdesk-test/1 (+https://newsdesk.example)",
  };
}

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

beforeAll(() => {
  guard = createNetworkGuard({ allowHosts: ["127.0.0.1"] });
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  clock = new Date(START);
});

afterAll(async () => {
  await guard.close();
});

describe("pollFeed", () => {
  it("reads a new feed, then sends its validators and a 304 adds nothing", async () => {
    const server = await serve((request, response) => {
      if (request.headers["if-none-match"] === '"v1"') return void response.writeHead(304).end();
      response.writeHead(200, { etag: '"v1"', "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT" }).end(FEED);
    });
    const url = `${server.origin}/feed`;
    const first = await pollFeed({ url }, undefined, depsWith());
    expect(first.outcome).toEqual({ ok: true, status: 200 });
    expect(first.firstRead).toBe(true);
    expect(first.feedTitle).toBe("Tech Wire");
    expect(first.items.map((item) => item.id)).toEqual(["s1", "s2"]);
    expect(first.state).toMatchObject({
      url,
      primed: true,
      etag: '"v1"',
      lastModified: "Mon, 01 Jan 2024 00:00:00 GMT",
      bodyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      lastSuccessAt: clock.toISOString(),
      consecutiveFailures: 0,
      title: "Tech Wire",
    });

    clock = new Date("2024-01-01T00:15:00.000Z");
    const second = await pollFeed({ url }, first.state, depsWith());
    expect(server.requests[1]?.headers["if-none-match"]).toBe('"v1"');
    expect(server.requests[1]?.headers["if-modified-since"]).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
    expect(server.requests[1]?.headers["user-agent"]).toBe("newsdesk-test/1 (+https://newsdesk.example)");
    expect(second.outcome).toEqual({ ok: true, status: 304, notModified: true });
    expect(second.items).toEqual([]);
    expect(second.firstRead).toBe(false);
    expect(second.state).toMatchObject({
      bodyHash: first.state.bodyHash,
      lastSuccessAt: clock.toISOString(),
    });
  });

  it("does not parse a body it has already processed", async () => {
    let body = FEED;
    const server = await serve((_request, response) => response.end(body));
    const first = await pollFeed({ url: server.origin }, undefined, depsWith());
    const same = await pollFeed({ url: server.origin }, first.state, depsWith());
    expect(same.outcome).toEqual({ ok: true, status: 200, unchanged: true });
    expect(same.items).toEqual([]);

    body = rssFeed("Tech Wire", [{ guid: "s3", title: "ByteDance answers" }]);
    const changed = await pollFeed({ url: server.origin }, same.state, depsWith());
    expect(changed.items.map((item) => item.id)).toEqual(["s3"]);
    expect(changed.state.bodyHash).not.toBe(first.state.bodyHash);
  });

  it("backs off between failures (500 three times) and then yields the feed's items", async () => {
    let calls = 0;
    const server = await serve((_request, response) => {
      calls++;
      if (calls <= 3) response.writeHead(500).end("oops");
      else response.end(FEED);
    });
    let state: FeedState | undefined;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await pollFeed({ url: server.origin }, state, depsWith());
      state = result.state;
      expect(result.outcome).toMatchObject({
        ok: false,
        status: 500,
        error: "HTTP 500 Internal Server Error",
      });
      expect(state).toMatchObject({
        consecutiveFailures: attempt,
        lastStatus: 500,
        lastErrorAt: clock.toISOString(),
      });
      const next = Date.parse(state.nextAttemptAt!);
      delays.push(next - clock.getTime());
      expect(isDue(state, clock)).toBe(false);
      clock = new Date(next);
      expect(isDue(state, clock)).toBe(true);
    }
    expect(delays).toEqual([60_000, 120_000, 240_000]);

    const recovered = await pollFeed({ url: server.origin }, state, depsWith());
    expect(recovered.outcome.ok).toBe(true);
    expect(recovered.items.map((item) => item.id)).toEqual(["s1", "s2"]);
    expect(recovered.firstRead).toBe(true);
    expect(recovered.state.consecutiveFailures).toBe(0);
    expect(recovered.state.nextAttemptAt).toBeUndefined();
    expect(recovered.state.lastError).toBe("HTTP 500 Internal Server Error");
  });

  it("waits at least as long as the server's Retry-After", async () => {
    const server = await serve((_request, response) =>
      response.writeHead(429, { "retry-after": "3600" }).end(),
    );
    const result = await pollFeed({ url: server.origin }, undefined, depsWith());
    expect(Date.parse(result.state.nextAttemptAt!) - clock.getTime()).toBe(3_600_000);
  });

  it("disables a feed after maxConsecutiveFailures, until it is enabled again", async () => {
    const server = await serve((_request, response) => response.writeHead(404).end());
    let state: FeedState | undefined;
    for (let i = 0; i < 3; i++) {
      state = (await pollFeed({ url: server.origin }, state, depsWith({ maxConsecutiveFailures: 3 }))).state;
      expect(state.disabled).toBe(i === 2);
    }
    expect(state).toMatchObject({
      disabled: true,
      disabledAt: clock.toISOString(),
      lastError: "HTTP 404 Not Found",
    });
    expect(isDue(state, new Date("2030-01-01T00:00:00Z"))).toBe(false);
    const enabled = enableFeedState(state!);
    expect(enabled).toMatchObject({ disabled: false, consecutiveFailures: 0 });
    expect(isDue(enabled, clock)).toBe(true);
  });

  it.each([
    [
      "malformed XML",
      "application/rss+xml",
      '<rss version="2.0"><channel><item></channel></rss>',
      /^malformed XML: /,
    ],
    [
      "an HTML page",
      "text/html",
      "<!doctype html><html><body>Login</body></html>",
      /^not an RSS or Atom feed/,
    ],
    ["an empty 200", "application/rss+xml", "", /^empty body$/],
  ])("records %s as an error and keeps what the last good poll stored", async (_name, type, bad, message) => {
    let broken = false;
    const server = await serve((_request, response) => {
      response
        .writeHead(200, { "content-type": type, etag: broken ? '"bad"' : '"good"' })
        .end(broken ? bad : FEED);
    });
    const good = await pollFeed({ url: server.origin }, undefined, depsWith());
    broken = true;
    clock = new Date("2024-01-01T01:00:00.000Z");
    const failed = await pollFeed({ url: server.origin }, good.state, depsWith());
    expect(failed.outcome).toMatchObject({ ok: false, status: 200, errorKind: "parse" });
    expect(failed.outcome.error).toMatch(message);
    expect(failed.items).toEqual([]);
    expect(failed.state).toMatchObject({
      lastError: failed.outcome.error,
      lastErrorAt: clock.toISOString(),
      consecutiveFailures: 1,
      // The broken body's validators are not kept: the next poll fetches it in full again.
      etag: '"good"',
      bodyHash: good.state.bodyHash,
      lastSuccessAt: good.state.lastSuccessAt,
      title: "Tech Wire",
      primed: true,
    });
  });

  it.each([
    [
      "labelled ISO-8859-1 by the server",
      "windows-1252-no-prolog.rss",
      "application/rss+xml; charset=ISO-8859-1",
    ],
    ["declaring its charset only in the prolog", "windows-1252-prolog-only.rss", "application/rss+xml"],
  ])("decodes a windows-1252 feed %s", async (_name, file, contentType) => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": contentType }).end(fixture(file));
    });
    const { items, feedTitle } = await pollFeed({ url: server.origin }, undefined, depsWith());
    expect(feedTitle).toBe("Le Journal du Numérique");
    expect(items[0]?.title).toBe("TikTok : le décret qui change tout pour l’été");
    expect(items[0]?.text).toContain("une œuvre de longue haleine, selon le décret. L’été aura été chargé.");
    expect(items[0]?.lang).toBe("fr");
  });

  it("reads relative links against the feed's address after redirects", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/old.xml")
        return void response.writeHead(301, { location: "/news/v2/feed.xml" }).end();
      response.end(
        `<rss version="2.0"><channel><title>t</title><item><title>One</title><link>story-1.html</link></item></channel></rss>`,
      );
    });
    const { items } = await pollFeed({ url: `${server.origin}/old.xml` }, undefined, depsWith());
    expect(items[0]?.link).toBe(`${server.origin}/news/v2/story-1.html`);
  });

  it("reads a JSON Feed into items", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/feed+json" }).end(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "Cloud Wire",
          items: [
            {
              id: "j1",
              url: "https://cloud.example/j1",
              title: "Oracle wins the TikTok deal",
              content_text: "Oracle will become TikTok's trusted technology partner in the US.",
              date_published: "2020-09-14T09:00:00Z",
            },
          ],
        }),
      );
    });
    const { items, outcome } = await pollFeed({ url: server.origin }, undefined, depsWith());
    expect(outcome.ok).toBe(true);
    expect(items).toMatchObject([
      {
        id: "j1",
        title: "Oracle wins the TikTok deal",
        text: "Oracle will become TikTok's trusted technology partner in the US.",
        link: "https://cloud.example/j1",
        published: "2020-09-14T09:00:00.000Z",
        feedTitle: "Cloud Wire",
        lang: "en",
      },
    ]);
  });

  it("records a redirect to a private address as refused", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    });
    const result = await pollFeed({ url: server.origin }, undefined, depsWith());
    expect(result.outcome).toMatchObject({ ok: false, errorKind: "blocked" });
    expect(result.outcome.error).toContain("refused http://169.254.169.254/latest/meta-data/");
    expect(result.state.lastStatus).toBeUndefined();
  });

  it("records a timeout with its duration", async () => {
    const server = await serve(() => {
      // Never answers.
    });
    const result = await pollFeed({ url: server.origin }, undefined, depsWith({ timeoutMs: 300 }));
    expect(result.outcome).toMatchObject({
      ok: false,
      errorKind: "timeout",
      error: "timed out after 300 ms",
    });
  });

  it("passes the guild and the operator's language onto the items", async () => {
    const server = await serve((_request, response) =>
      response.end(rssFeed("Tech", [{ guid: "x", title: "TikTok" }])),
    );
    const { items } = await pollFeed(
      { url: server.origin, guildId: "42", lang: "fr" },
      undefined,
      depsWith(),
    );
    expect(items[0]).toMatchObject({ guildId: "42", lang: "fr", feed: server.origin });
  });
});

describe("computeBackoffMs", () => {
  it("doubles from one minute up to six hours", () => {
    expect([1, 2, 3, 9, 10, 30].map((n) => computeBackoffMs(n))).toEqual([
      60_000, 120_000, 240_000, 15_360_000, 21_600_000, 21_600_000,
    ]);
  });

  it("applies jitter only from an injected random source, and never goes under Retry-After", () => {
    expect(computeBackoffMs(1, { random: () => 0 })).toBe(45_000);
    expect(computeBackoffMs(1, { random: () => 0.999999 })).toBe(75_000);
    expect(computeBackoffMs(1, { random: () => 0, retryAfterMs: 50_000 })).toBe(50_000);
    expect(computeBackoffMs(1, { retryAfterMs: 10 * 24 * 3_600_000 })).toBe(24 * 3_600_000);
  });
});
