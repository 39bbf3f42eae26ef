import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import { extractFacts } from "../../src/facts/extract-facts.ts";
import { termsOfFact } from "../../src/facts/fact-index.ts";
import {
  type DecodedSegment,
  decodeSegment,
  encodeSegment,
  type LegacyFactSegment,
  mergeSegments,
  type StoredSegment,
  writeSegment,
} from "../../src/facts/fact-segment.ts";
import { createLogger, silentLogger } from "../../src/log/logger.ts";
import { type App, createApp } from "../../src/main.ts";
import { compactionGroups, openFactBase } from "../../src/pipeline/fact-base.ts";
import { keys } from "../../src/store/keys.ts";
import { byteValuesOf, openKeyv } from "../../src/store/open-keyv.ts";
import { feedItems, seedItem } from "../facts/fixtures.ts";
import { tempStoreUrl, writeConfig } from "../helpers/feed-fixtures.ts";

const now = "2024-06-01T00:00:00Z";
const ORACLE = "Who founded Oracle?";

/** Opens the same SQLite file again, as a restarted process would. */
function opener(storeUrl = tempStoreUrl(), dir = writeConfig([])) {
  return (logger = silentLogger): Promise<App> =>
    createApp({ dir, env: { STORE_URL: storeUrl }, logger, now: () => new Date(now) });
}

describe("the fact base on disk", () => {
  it("answers the same after a restart, without re-reading the items", async () => {
    const open = opener();
    let app = await open();
    const items = [seedItem(), ...feedItems()];
    const first = openFactBase(app);
    await first.addItems(items);
    const before = await answerQuestion(ORACLE, first, { now });
    const count = await first.count();
    expect(before.answer).toMatch(/Larry Ellison/);
    await app.close();

    app = await open();
    const again = openFactBase(app);
    expect(await again.count()).toBe(count);
    expect(await answerQuestion(ORACLE, again, { now })).toEqual(before);
    expect(await app.store.items.listKeys()).toEqual([]);
    await app.close();
  });

  it("forgets removed items, also after a restart, and drops their emptied segment", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    await facts.addItems([seedItem()]);
    await facts.addItems(feedItems());
    expect(await app.store.facts.segmentIds()).toHaveLength(2);
    await facts.removeItems([seedItem().key]);
    expect((await answerQuestion(ORACLE, facts, { now })).answer).toBeNull();
    expect(await app.store.facts.segmentIds()).toHaveLength(1);
    expect(await app.store.facts.getFacts([`${seedItem().key}#1`])).toEqual([undefined]);
    await app.close();

    app = await open();
    const reopened = openFactBase(app);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toBeNull();
    expect(
      (await answerQuestion("How much was TikTok fined by the Irish regulator?", reopened, { now })).answer,
    ).not.toBeNull();
    await app.close();
  });

  it("keeps removed facts of a shared segment out after a restart", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    await facts.addItems([seedItem(), ...feedItems()]);
    const count = await facts.count();
    await facts.removeItems([seedItem().key]);
    const left = await facts.count();
    expect(left).toBeLessThan(count);
    await app.close();

    app = await open();
    const reopened = openFactBase(app);
    expect(await reopened.count()).toBe(left);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toBeNull();
    await app.close();
  });

  it("replaces an item's facts when the item is indexed again", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    await facts.addItems([seedItem()]);
    const once = await facts.count();
    await facts.addItems([seedItem()]);
    expect(await facts.count()).toBe(once);
    await app.close();
    app = await open();
    expect(await openFactBase(app).count()).toBe(once);
    await app.close();
  });

  it("writes a large batch as several segments, every one loaded again after a restart", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    // 230 items: the seed article's copies, then the feed's items in the third segment.
    const copies = Array.from({ length: 230 - feedItems().length }, (_, n) => ({
      ...seedItem(),
      key: `lmi#copy-${n}`,
      id: `https://www.lemondeinformatique.fr/copy-${n}`,
    }));
    await facts.addItems([...copies, ...feedItems()]);
    expect(await app.store.facts.segmentIds()).toHaveLength(3);
    const count = await facts.count();
    const fined = "How much was TikTok fined by the Irish regulator?";
    const before = await answerQuestion(fined, facts, { now });
    expect(before.answer).not.toBeNull();
    await facts.removeItems(copies.slice(0, 100).map((item) => item.key));
    expect(await app.store.facts.segmentIds()).toHaveLength(2);
    const left = await facts.count();
    expect(left).toBeLessThan(count);
    await app.close();

    app = await open();
    const reopened = openFactBase(app);
    expect(await reopened.count()).toBe(left);
    expect(await answerQuestion(fined, reopened, { now })).toEqual(before);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toMatch(/Larry Ellison/);
    await app.close();
  });

  it("merges small segments into one that answers the same, also after a restart", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    // One segment per item, as polls that each bring one item write them.
    const items = [seedItem(), ...feedItems()];
    for (const item of items) await facts.addItems([item]);
    const gone = feedItems()[1]!.key;
    await facts.removeItems([gone]);
    const questions = [
      ORACLE,
      "How much was TikTok fined by the Irish regulator?",
      "Qui teste des vidéos plus longues ?",
    ];
    const ask = async (base: typeof facts) =>
      Promise.all(questions.map((q) => answerQuestion(q, base, { now })));
    const before = await ask(facts);
    const count = await facts.count();
    expect(before.every((result) => result.answer !== null)).toBe(true);

    expect(await facts.compact()).toEqual({ merged: items.length - 1, into: 1 });
    const [merged] = await app.store.facts.segmentIds();
    expect(await app.store.facts.segmentIds()).toEqual([merged]);
    expect(await facts.count()).toBe(count);
    expect(await ask(facts)).toEqual(before);
    // Nothing left to merge.
    expect(await facts.compact()).toEqual({ merged: 0, into: 0 });
    await app.close();

    app = await open();
    const reopened = openFactBase(app);
    expect(await reopened.count()).toBe(count);
    expect(await ask(reopened)).toEqual(before);
    // Removing from the merged segment works as from any other, and is kept after a restart.
    await reopened.removeItems([seedItem().key]);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toBeNull();
    await app.close();
    app = await open();
    expect((await answerQuestion(ORACLE, openFactBase(app), { now })).answer).toBeNull();
    expect(await app.store.facts.getDead([merged!])).toEqual([expect.arrayContaining([0])]);
    await app.close();
  });

  it("indexes the stored items of a store written before the fact base existed", async () => {
    const open = opener();
    let app = await open();
    await app.store.items.putMany([seedItem()]);
    await app.close();
    app = await open();
    const facts = openFactBase(app);
    expect((await answerQuestion(ORACLE, facts, { now })).answer).toMatch(/Larry Ellison/);
    await app.close();
    // Once: the next start loads what the first one wrote.
    app = await open();
    expect(await app.store.facts.segmentIds()).toHaveLength(1);
    expect((await answerQuestion(ORACLE, openFactBase(app), { now })).answer).toMatch(/Larry Ellison/);
    await app.close();
  });

  it.each([
    ["an unknown format", () => new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])],
    ["a truncated segment", (valid: Uint8Array) => valid.subarray(0, valid.length - 8)],
    ["a version 4 segment with a missing field", () => ({ version: 4, items: [], keys: [] })],
  ])("rebuilds from the items, with a warning, when a segment is unreadable (%s)", async (_, broken) => {
    const storeUrl = tempStoreUrl();
    const open = opener(storeUrl);
    let app = await open();
    const facts = openFactBase(app);
    await app.store.items.putMany([seedItem()]);
    await facts.addItems([seedItem()]);
    const [valid] = await app.store.facts.getSegments(await app.store.facts.segmentIds());
    const segment = broken(valid as Uint8Array);
    await app.store.facts.putSegment("broken", new Uint8Array(), [], []);
    await app.close();
    // Bytes as the current code writes them, an object as version 4 did (keyv's JSON).
    const keyv = await openKeyv(storeUrl);
    if (segment instanceof Uint8Array) await byteValuesOf(keyv)!.set(keys.factSegment("broken"), segment);
    else await keyv.set(keys.factSegment("broken"), segment);
    await keyv.disconnect();

    const lines: string[] = [];
    app = await open(createLogger({ level: "warn", json: true, write: (line) => lines.push(line) }));
    const reopened = openFactBase(app);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toMatch(/Larry Ellison/);
    expect(lines.join("\n")).toMatch(/fact base unreadable/);
    expect(await app.store.facts.segmentIds()).not.toContain("broken");
    await app.close();
  });

  it("loads again on the next question when the store failed during the first load", async () => {
    const open = opener();
    const app = await open();
    await openFactBase(app).addItems([seedItem()]);
    let failures = 1;
    const meta = app.store.meta;
    const flaky: App = {
      ...app,
      store: {
        ...app.store,
        meta: {
          ...meta,
          get: async <T>(name: string) => {
            if (failures-- > 0) throw new Error("SQLITE_BUSY: database is locked");
            return meta.get<T>(name);
          },
        },
      },
    };
    const facts = openFactBase(flaky);
    await expect(facts.ready()).rejects.toThrow(/SQLITE_BUSY/);
    expect((await answerQuestion(ORACLE, facts, { now })).answer).toMatch(/Larry Ellison/);
    await app.close();
  });
});

/** A segment as the code before version 5 wrote it: JSON, the typed arrays as base64. */
function toLegacy(segment: StoredSegment): LegacyFactSegment {
  const { terms, docs, items } = decodeSegment(segment);
  const base64 = (array: Uint32Array | Uint16Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
  return {
    version: 4,
    items,
    count: terms.count,
    keys: terms.keys,
    postings: base64(terms.postings),
    docs: base64(docs),
    lengths: base64(terms.lengths),
  };
}

describe("the fact base's segment formats", () => {
  it("writes segments as bytes, a BLOB in SQLite, that read back as written", async () => {
    const storeUrl = tempStoreUrl();
    const app = await opener(storeUrl)();
    await openFactBase(app).addItems([seedItem(), ...feedItems()]);
    const ids = await app.store.facts.segmentIds();
    const [segment] = await app.store.facts.getSegments(ids);
    expect(segment).toBeInstanceOf(Uint8Array);
    const decoded = decodeSegment(segment!);
    expect(writeSegment(decoded)).toEqual(new Uint8Array(segment as Uint8Array));
    expect(decoded.items.map(([key]) => key)).toContain(seedItem().key);
    await app.close();
    const keyv = await openKeyv(storeUrl);
    const adapter = keyv.store as { query: (sql: string) => Promise<{ type: string }[]> };
    expect(
      await adapter.query("SELECT typeof(value) AS type FROM keyv WHERE key LIKE 'newsdesk:fact-segment:%'"),
    ).toEqual([{ type: "blob" }]);
    await keyv.disconnect();
  });

  it("loads a store whose segments are version 4 JSON, with the same facts ranked the same", async () => {
    const storeUrl = tempStoreUrl();
    const open = opener(storeUrl);
    let app = await open();
    const facts = openFactBase(app);
    await facts.addItems([seedItem()]);
    await facts.addItems(feedItems());
    await facts.removeItems([feedItems()[0]!.key]);
    const questions = [
      ORACLE,
      "How much was TikTok fined by the Irish regulator?",
      "Who is TikTok's US partner?",
    ];
    const before = await Promise.all(questions.map((q) => answerQuestion(q, facts, { now })));
    const hits = await facts.search([{ key: "tiktok", weight: 1 }], { limit: 50 });
    const count = await facts.count();
    const ids = await app.store.facts.segmentIds();
    const segments = await app.store.facts.getSegments(ids);
    await app.close();

    // Rewritten as the previous version of newsdesk wrote them: keyv's plain JSON.
    const keyv = await openKeyv(storeUrl);
    for (const [n, id] of ids.entries()) await keyv.set(keys.factSegment(id), toLegacy(segments[n]!));
    const adapter = keyv.store as { query: (sql: string) => Promise<{ type: string }[]> };
    expect(
      await adapter.query(
        "SELECT DISTINCT typeof(value) AS type FROM keyv WHERE key LIKE 'newsdesk:fact-segment:%'",
      ),
    ).toEqual([{ type: "text" }]);
    await keyv.disconnect();

    app = await open();
    const reopened = openFactBase(app);
    expect(await reopened.count()).toBe(count);
    expect(await Promise.all(questions.map((q) => answerQuestion(q, reopened, { now })))).toEqual(before);
    expect(await reopened.search([{ key: "tiktok", weight: 1 }], { limit: 50 })).toEqual(hits);
    expect(await app.store.facts.segmentIds()).toEqual(ids);
    await app.close();
  });

  it("reads both versions side by side in one store", async () => {
    const storeUrl = tempStoreUrl();
    const open = opener(storeUrl);
    let app = await open();
    let facts = openFactBase(app);
    await facts.addItems([seedItem()]);
    const [old] = await app.store.facts.segmentIds();
    const [oldSegment] = await app.store.facts.getSegments([old!]);
    await app.close();
    const keyv = await openKeyv(storeUrl);
    await keyv.set(keys.factSegment(old!), toLegacy(oldSegment!));
    await keyv.disconnect();

    app = await open();
    facts = openFactBase(app);
    await facts.addItems(feedItems());
    const count = await facts.count();
    await app.close();
    app = await open();
    const reopened = openFactBase(app);
    expect(await reopened.count()).toBe(count);
    expect((await answerQuestion(ORACLE, reopened, { now })).answer).toMatch(/Larry Ellison/);
    expect(
      (await answerQuestion("How much was TikTok fined by the Irish regulator?", reopened, { now })).answer,
    ).not.toBeNull();
    await app.close();
  });
});

describe("which fact segments are merged", () => {
  const segment = (count: number, dead = 0) => ({
    count,
    dead: new Set(Array.from({ length: dead }, (_, n) => n)),
  });

  it("merges the small ones in order, up to 5 000 live facts each, and leaves large ones alone", () => {
    const segments = new Map([
      ["a", segment(400)],
      ["large", segment(4_400, 100)],
      ["b", segment(900)],
      // Most of its facts removed: 500 live.
      ["c", segment(3_000, 2_500)],
      ["d", segment(800)],
      ["e", segment(999)],
      ["f", segment(999)],
    ]);
    expect(compactionGroups(segments)).toEqual([["a", "b", "c", "d", "e", "f"]]);
    // 4 598 live facts so far: the next 999 start a group of their own.
    segments.set("g", segment(999));
    segments.set("h", segment(999));
    expect(compactionGroups(segments)).toEqual([
      ["a", "b", "c", "d", "e", "f"],
      ["g", "h"],
    ]);
  });

  it("rewrites a lone segment only to drop its removed facts", () => {
    expect(compactionGroups(new Map([["small", segment(200)]]))).toEqual([]);
    expect(compactionGroups(new Map([["healthy", segment(4_000, 1_000)]]))).toEqual([]);
    expect(compactionGroups(new Map([["hollow", segment(4_000, 3_000)]]))).toEqual([["hollow"]]);
  });
});

describe("merging fact segments", () => {
  const encoded = (facts: ReturnType<typeof extractFacts>) =>
    decodeSegment(encodeSegment(facts.map((fact) => ({ fact, terms: termsOfFact(fact) }))));
  /** A segment's postings by key, and its facts as [item key, sentence, text length, context length]. */
  const contents = ({ terms, docs, items }: DecodedSegment) => {
    const postings = new Map<string, number[]>();
    let at = 0;
    for (const key of terms.keys) {
      const size = 2 + terms.postings[at]! + terms.postings[at + 1]!;
      postings.set(key, [...terms.postings.subarray(at, at + size)]);
      at += size;
    }
    const facts = Array.from({ length: terms.count }, (_, doc) => [
      items[docs[2 * doc]!]![0],
      docs[2 * doc + 1],
      terms.lengths[2 * doc],
      terms.lengths[2 * doc + 1],
    ]);
    return { postings, facts };
  };

  it("holds what a segment of the live facts alone holds", () => {
    const first = [seedItem(), feedItems()[0]!].flatMap(extractFacts);
    const second = feedItems().slice(1).flatMap(extractFacts);
    const dead = new Set([0, 3, first.length - 1]);
    const merged = mergeSegments([
      { segment: encoded(first), dead },
      { segment: encoded(second), dead: new Set() },
    ]);
    const live = [...first.filter((_, n) => !dead.has(n)), ...second];
    expect(contents(decodeSegment(writeSegment(merged)))).toEqual(contents(encoded(live)));
  });
});
