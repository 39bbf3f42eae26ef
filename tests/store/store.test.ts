import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import Keyv from "keyv";
import { describe, expect, it } from "vitest";
import type { Item, Story } from "../../src/model.ts";
import { openKeyv } from "../../src/store/open-keyv.ts";
import { openStore } from "../../src/store/store.ts";

function item(feed: string, id: string): Item {
  return {
    id,
    key: `${feed}#${id}`,
    feed,
    title: `Title ${id}`,
    categories: [],
    text: "text",
    fullText: false,
    lang: "en",
    backlog: false,
    fetchedAt: "2026-11-28T00:00:00.000Z",
    topics: [],
  };
}

describe("store", () => {
  it("keeps items and seen ids in a SQLite file across a reopen", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "data", "n.sqlite");
    const first = await openStore(`sqlite://${file}`);
    await first.items.putMany([item("https://a.test/feed", "1"), item("https://a.test/feed", "2")]);
    await first.items.putMany([item("https://a.test/feed", "2"), item("https://b.test/feed", "1")]);
    await first.close();

    const second = await openStore(`sqlite://${file}`);
    expect(await second.items.seenIds("https://a.test/feed")).toEqual(new Set(["1", "2"]));
    expect((await second.items.all()).map((i) => i.key)).toEqual([
      "https://a.test/feed#1",
      "https://a.test/feed#2",
      "https://b.test/feed#1",
    ]);
    await second.close();
  });

  it("stores plain JSON, and still reads values keyv's own serialiser wrote", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "j.sqlite");
    const legacy = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: "newsdesk" });
    const written = { ...item("https://a.test/feed", "1"), title: ":) colon first", text: "::two" };
    await legacy.set("item:https://a.test/feed#1", written);
    await legacy.disconnect();

    const keyv = await openKeyv(`sqlite://${file}`);
    expect(await keyv.get("item:https://a.test/feed#1")).toEqual(written);
    await keyv.set("plain", { title: ":) colon first", n: 1 });
    const adapter = keyv.store as { query: (sql: string) => Promise<{ value: string }[]> };
    const [row] = await adapter.query("SELECT value FROM keyv WHERE key = 'newsdesk:plain'");
    expect(JSON.parse(row!.value)).toEqual({ value: { title: ":) colon first", n: 1 } });
    expect(await keyv.get("plain")).toEqual({ title: ":) colon first", n: 1 });
    await keyv.disconnect();
  });

  it("reads a story written when a signature's terms were one object, and writes it back in two arrays", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "s.sqlite");
    const story: Story = {
      id: "st_1",
      items: ["https://a.test/feed#1"],
      firstSeen: "2026-11-28T00:00:00.000Z",
      published: "2026-11-28T00:00:00.000Z",
      updatedAt: "2026-11-28T00:00:00.000Z",
      topics: [],
      title: "Oracle to oversee TikTok",
      lang: "en",
      summary: "Oracle will oversee TikTok's US data.",
      backlog: false,
      signature: { entities: ["oracle", "tiktok"], terms: ["overse", "~deal"], weights: [1.5, 0.25] },
    };
    const keyv = await openKeyv(`sqlite://${file}`);
    await keyv.set("story:st_1", {
      ...story,
      signature: { entities: ["oracle", "tiktok"], terms: { overse: 1.5, "~deal": 0.25 } },
    });
    await keyv.set("stories", [{ id: "st_1", firstSeen: story.firstSeen }]);
    await keyv.disconnect();

    const store = await openStore(`sqlite://${file}`);
    expect(await store.stories.get("st_1")).toEqual(story);
    expect(await store.stories.getMany(["st_1"])).toEqual([story]);
    expect(await store.stories.since("2026-11-27T00:00:00.000Z")).toEqual([story]);
    await store.stories.putMany(await store.stories.all());
    await store.close();
    const raw = await openKeyv(`sqlite://${file}`);
    expect(await raw.get("story:st_1")).toEqual(story);
    await raw.disconnect();
  });

  it("runs SQLite in WAL mode", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "w.sqlite");
    const keyv = await openKeyv(`sqlite://${file}`);
    const adapter = keyv.store as { query: (sql: string) => Promise<Record<string, unknown>[]> };
    expect(await adapter.query("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    await keyv.disconnect();
  });

  it("throws when the database cannot be read instead of answering 'not seen'", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "x.sqlite");
    const store = await openStore(`sqlite://${file}`);
    await store.items.putMany([item("https://a.test/feed", "1")]);
    const keyv = await openKeyv(`sqlite://${file}`);
    const adapter = keyv.store as { query: (sql: string) => Promise<unknown> };
    await adapter.query("DROP TABLE keyv");
    await expect(store.items.seenIds("https://a.test/feed")).rejects.toThrow();
    await keyv.disconnect();
    await store.close();
  });

  it("keeps outbox entries pending until marked sent", async () => {
    const store = await openStore("memory://");
    const entry = {
      key: "c1:s1",
      channelId: "c1",
      guildId: "g1",
      storyIds: ["s1"],
      nonce: "n",
      status: "pending" as const,
      createdAt: "2026-11-28T00:00:00.000Z",
      attempts: 0,
    };
    await store.outbox.put(entry);
    expect(await store.outbox.pending()).toHaveLength(1);
    await store.outbox.put({ ...entry, status: "sent", messageId: "m1" });
    expect(await store.outbox.pending()).toHaveLength(0);
    expect((await store.outbox.get("c1:s1"))?.messageId).toBe("m1");
  });

  it.each([
    ["memory", () => "memory://"],
    [
      "SQLite",
      () => `sqlite://${path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "s.sqlite")}`,
    ],
  ])("gives fact segments back byte for byte, and forgets dropped ones (%s)", async (_, url) => {
    const store = await openStore(url());
    // Every byte value, at an offset that is not a multiple of 4 in its buffer.
    const bytes = new Uint8Array(1027).map((_, i) => (i * 7) % 256).subarray(3);
    await store.facts.putSegment("a", bytes, [], []);
    await store.facts.putSegment("b", new Uint8Array([1, 2, 3]), [], []);
    const [a, b, missing] = await store.facts.getSegments(["a", "b", "none"]);
    expect(a).toBeInstanceOf(Uint8Array);
    expect(new Uint8Array(a as Uint8Array)).toEqual(new Uint8Array(bytes));
    expect(new Uint8Array(b as Uint8Array)).toEqual(new Uint8Array([1, 2, 3]));
    expect(missing).toBeUndefined();
    expect(await store.facts.segmentIds()).toEqual(["a", "b"]);
    await store.facts.dropSegments(["a"]);
    expect(await store.facts.getSegments(["a", "b"])).toEqual([undefined, expect.any(Uint8Array)]);
    await store.close();
  });
});
