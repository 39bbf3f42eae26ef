import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FeedServer,
  rssFeed,
  startFeedServer,
  tempStoreUrl,
  writeConfig,
} from "../helpers/feed-fixtures.ts";
import { runNewsdesk } from "../helpers/run-newsdesk.ts";

const DEAL_TEXT =
  "Oracle has been chosen by ByteDance as the trusted technology partner for TikTok's US operations, " +
  "after Microsoft said its bid had been rejected. The deal still needs approval from the Treasury. " +
  "Walmart had joined Microsoft's offer for TikTok. The executive order gave ByteDance 90 days to sell.";

// Each case spawns the real command (a few seconds each on a busy 2-core machine).
describe("newsdesk CLI", { timeout: 180_000 }, () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      "tech.xml": rssFeed("Tech Wire", [
        {
          guid: "old-1",
          title: "TikTok and Oracle talks begin",
          text: DEAL_TEXT,
          published: "2026-11-20T08:00:00Z",
        },
        {
          guid: "old-2",
          title: "A new phone is out",
          text: "A phone maker released a phone with a bigger screen and a faster chip.",
          published: "2026-11-20T09:00:00Z",
        },
      ]),
    });
  });
  afterAll(() => server.close());

  it("exits non-zero naming the file and field of each configuration error", async () => {
    const cases = [
      [
        "settings.yaml",
        "schedules:\n  poll: every five minutes\n",
        /settings\.yaml: schedules\.poll: is not a valid cron/,
      ],
      ["settings.yaml", "limits:\n  timeout: 5\n", /settings\.yaml: limits: unknown field "timeout"/],
      [
        "feeds.yaml",
        "feeds:\n  - url: htp:/broken\n",
        /feeds\.yaml: feeds\[0\]\.url: is not an http\(s\) URL/,
      ],
    ] as const;
    for (const [file, text, message] of cases) {
      const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-bad-config-"));
      writeFileSync(path.join(dir, file), text);
      const result = await runNewsdesk(["feeds", "list", "--config", dir], { STORE_URL: tempStoreUrl() });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("stores a new feed's items as backlog, posts nothing old, and a second process adds nothing", async () => {
    const config = writeConfig([{ url: server.url("tech.xml"), title: "Tech Wire", lang: "en" }]);
    const env = { NEWSDESK_CONFIG: config, STORE_URL: tempStoreUrl(), FETCH_ALLOW_HOSTS: "127.0.0.1" };

    const first = JSON.parse((await runNewsdesk(["fetch", "--json"], env)).stdout);
    expect(first.feeds).toEqual([
      expect.objectContaining({ url: server.url("tech.xml"), ok: true, items: 2, new: 2 }),
    ]);
    expect(first.matched).toEqual({ "tiktok-deal": 1 });

    const items = JSON.parse((await runNewsdesk(["items", "--json"], env)).stdout).items;
    expect(items).toHaveLength(2);
    expect(items.every((i: { backlog: boolean }) => i.backlog)).toBe(true);

    const again = JSON.parse((await runNewsdesk(["fetch", "--json"], env)).stdout);
    expect(again.items).toBe(0);
    expect(again.feeds[0].new).toBe(0);
    const conditional = server.requests.filter((r) => r.path === "tech.xml").at(-1);
    expect(conditional?.headers["if-none-match"]).toBeDefined();

    server.set(
      "tech.xml",
      rssFeed("Tech Wire", [
        {
          guid: "new-1",
          title: "Oracle wins TikTok deal as Microsoft is turned down",
          text: DEAL_TEXT,
          published: "2026-11-21T08:00:00Z",
        },
        {
          guid: "old-1",
          title: "TikTok and Oracle talks begin",
          text: DEAL_TEXT,
          published: "2026-11-20T08:00:00Z",
        },
      ]),
    );
    const third = JSON.parse((await runNewsdesk(["fetch", "--json"], env)).stdout);
    expect(third.items).toBe(1);

    const digest = JSON.parse((await runNewsdesk(["digest", "--json", "--since", "2026-01-01"], env)).stdout);
    const sources = digest.stories.flatMap((s: { sources: { id: string }[] }) => s.sources.map((x) => x.id));
    expect(sources).toContain("new-1");
    expect(sources).not.toContain("old-1");
    const twice = JSON.parse((await runNewsdesk(["digest", "--json", "--since", "2026-01-01"], env)).stdout);
    expect(twice.stories).toEqual(digest.stories);
  });

  it("explains matches: topics test and why name the matched terms, or what was missing", async () => {
    const config = writeConfig([{ url: server.url("tech.xml"), title: "Tech Wire" }]);
    const env = { NEWSDESK_CONFIG: config, STORE_URL: tempStoreUrl(), FETCH_ALLOW_HOSTS: "127.0.0.1" };
    server.set(
      "tech.xml",
      rssFeed("Tech Wire", [
        {
          guid: "deal",
          title: "Oracle wins TikTok deal as Microsoft is turned down",
          text: DEAL_TEXT,
          published: "2026-11-21T08:00:00Z",
        },
        {
          guid: "phone",
          title: "A new phone is out",
          text: "A phone maker released a phone with a bigger screen.",
          published: "2026-11-21T09:00:00Z",
        },
      ]),
    );
    await runNewsdesk(["fetch", "--backfill"], env);

    const tested = await runNewsdesk(["topics", "test", "--query", "tiktok (oracle OR walmart)"], env);
    expect(tested.stdout).toMatch(/✓ Oracle wins TikTok deal[\s\S]*matched: .*tiktok.*oracle/);
    expect(tested.stdout).toMatch(/1 of 2 stored items match/);

    const matched = await runNewsdesk(["why", "deal"], env);
    expect(matched.stdout).toMatch(/✓ .*tiktok-deal/);
    const missed = await runNewsdesk(["why", "phone"], env);
    expect(missed.stdout).toMatch(/✗ .*tiktok-deal.*(needs|missing)/i);

    const timeline = await runNewsdesk(["timeline", "tiktok-deal"], env);
    expect(timeline.stdout).toMatch(/Oracle wins TikTok deal as Microsoft is turned down/);
    expect(timeline.stdout).not.toMatch(/A new phone is out/);

    const bad = await runNewsdesk(["topics", "test", "--query", "(tiktok oracle"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unclosed parenthesis at 0/);
    expect(bad.stderr).toContain("(tiktok oracle\n^ Unclosed parenthesis");

    // DESIGN.md's exclusion syntax may open a query given as its own argument.
    const excluding = await runNewsdesk(["topics", "test", "--query", '-"new phone" tiktok'], env);
    expect(excluding.code).toBe(0);
    expect(excluding.stdout).toMatch(/1 of 2 stored items match/);
    // A command missing what it needs is bad usage: exit 2, as for a bad flag.
    const missing = await runNewsdesk(["topics", "test"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/topics test needs --query/);
  });

  it("console mode prints item counts for feeds served locally", async () => {
    const config = writeConfig([{ url: server.url("tech.xml"), title: "Tech Wire" }]);
    const result = await runNewsdesk(["start"], {
      NEWSDESK_CONFIG: config,
      STORE_URL: tempStoreUrl(),
      FETCH_ALLOW_HOSTS: "127.0.0.1",
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ Tech Wire .*: 2 items, 2 new/);
    expect(result.stdout).toMatch(/1 feeds: 1 ok, 0 failed · 2 new items/);
    // The digest follows the poll: first-run items are backlog, so there is nothing to post yet.
    expect(result.stdout).toMatch(/No new stories/);
  });

  it("console mode without a network prints one failure line per shipped feed and a summary, no stack trace", async () => {
    const result = await runNewsdesk(["start"], { STORE_URL: tempStoreUrl() }, 90_000);
    expect(result.code).toBe(0);
    const failures = result.stdout.split("\n").filter((line) => line.startsWith("✗ "));
    expect(failures.length).toBeGreaterThanOrEqual(8);
    expect(result.stdout).toMatch(/feeds: 0 ok, \d+ failed · 0 new items/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("fails a fetch of named feeds when none could be read, and succeeds when one could", async () => {
    const env = {
      NEWSDESK_CONFIG: writeConfig([]),
      STORE_URL: tempStoreUrl(),
      FETCH_ALLOW_HOSTS: "127.0.0.1",
    };
    const missing = server.url("missing.xml");
    const failed = await runNewsdesk(["fetch", "--feed", missing, "--json"], env);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout).feeds).toEqual([
      expect.objectContaining({ url: missing, ok: false, status: 404 }),
    ]);
    expect(failed.stderr).toMatch(/no feed could be read: .*missing\.xml \(HTTP 404/);
    const partly = await runNewsdesk(["fetch", "--feed", missing, "--feed", server.url("tech.xml")], env);
    expect(partly.code).toBe(0);
  });

  it("refuses a malformed command with a usage line", async () => {
    const result = await runNewsdesk(["feeds", "add", "--nope"], { STORE_URL: tempStoreUrl() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: newsdesk feeds/);
  });
});
