import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import type { FactSegment } from "../../src/facts/fact-segment.ts";
import { createLogger, silentLogger } from "../../src/log/logger.ts";
import { type App, createApp } from "../../src/main.ts";
import { openFactBase } from "../../src/pipeline/fact-base.ts";
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

  it("rebuilds from the items, with a warning, when a segment is unreadable", async () => {
    const open = opener();
    let app = await open();
    const facts = openFactBase(app);
    await app.store.items.putMany([seedItem()]);
    await facts.addItems([seedItem()]);
    const broken = { version: 9 } as unknown as FactSegment;
    await app.store.facts.putSegment("broken", broken, [], []);
    await app.close();

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
