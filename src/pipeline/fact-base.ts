import { curatedToFacts, extractFacts, extractFactsAsync } from "../facts/extract-facts.ts";
import { createFactIndex, FactIndex } from "../facts/fact-index.ts";
import type { App } from "../main.ts";
import type { CuratedFact, Item } from "../model.ts";
import { detectLanguage } from "../text/language.ts";

/**
 * The fact base's life: loaded from its snapshot at start-up (or rebuilt from the stored items
 * when the snapshot is missing or behind), in chunks so the event loop — and the Discord
 * heartbeat — keeps going; updated after each poll; pruned with the items.
 *
 * Staleness is told by a counter: every change to the stored items bumps `items-version`, and
 * the snapshot records the version it reflects. Curated facts are not in the snapshot: they are
 * re-read from config/facts and the store at each load.
 */
export interface FactBase {
  /** The index once loaded; waits for the load started by `openFactBase`. */
  index(): Promise<FactIndex>;
  addItems(items: readonly Item[]): Promise<void>;
  removeItems(itemKeys: readonly string[]): Promise<void>;
  /** Re-reads curated facts (after `facts add|remove`). */
  refreshCurated(): Promise<void>;
  /** Writes the snapshot if anything changed since the last one. */
  save(): Promise<void>;
}

const SNAPSHOT = "fact-index";
const ITEMS_VERSION = "items-version";

interface Snapshot {
  itemsVersion: number;
  json: string;
}

export function openFactBase(app: App): FactBase {
  let dirty = false;
  let curatedIds: string[] = [];
  const loading = load();

  async function load(): Promise<FactIndex> {
    const [snapshot, version] = await Promise.all([
      app.store.meta.get<Snapshot>(SNAPSHOT),
      app.store.meta.get<number>(ITEMS_VERSION),
    ]);
    let index: FactIndex | undefined;
    if (snapshot && snapshot.itemsVersion === (version ?? 0)) {
      index = await FactIndex.loadAsync(snapshot.json).catch((error: unknown) => {
        app.logger.warn("fact index snapshot unreadable; rebuilding", { error });
        return undefined;
      });
    }
    if (!index) {
      index = createFactIndex();
      const items = await app.store.items.all();
      // In chunks: a rebuild of 100 000 facts must not stop the Discord heartbeat.
      await index.addAsync(await extractFactsAsync(items));
      dirty = items.length > 0;
    }
    await addCurated(index);
    return index;
  }

  async function addCurated(index: FactIndex): Promise<void> {
    index.remove({ ids: curatedIds });
    const facts = curatedToFacts(await listCuratedFacts(app));
    index.add(facts);
    curatedIds = facts.map((f) => f.id);
  }

  return {
    index: () => loading,
    async addItems(items) {
      if (items.length === 0) return;
      const index = await loading;
      for (const item of items) index.remove({ itemKey: item.key });
      await index.addAsync(items.flatMap(extractFacts));
      dirty = true;
    },
    async removeItems(itemKeys) {
      const index = await loading;
      for (const key of itemKeys) index.remove({ itemKey: key });
      dirty = dirty || itemKeys.length > 0;
    },
    async refreshCurated() {
      await addCurated(await loading);
    },
    async save() {
      const index = await loading;
      if (!dirty) return;
      const version = (await app.store.meta.get<number>(ITEMS_VERSION)) ?? 0;
      const json = JSON.stringify(withoutCurated(index.toJSON(), new Set(curatedIds)));
      await app.store.meta.set(SNAPSHOT, { itemsVersion: version, json } satisfies Snapshot);
      dirty = false;
    },
  };
}

/** Call after every change to stored items, so older snapshots are known to be behind. */
export async function bumpItemsVersion(app: App): Promise<void> {
  const version = (await app.store.meta.get<number>(ITEMS_VERSION)) ?? 0;
  await app.store.meta.set(ITEMS_VERSION, version + 1);
}

/** Curated facts: the operator's config/facts files, then those added with `facts add`. */
export async function listCuratedFacts(app: App): Promise<CuratedFact[]> {
  const configured: CuratedFact[] = app.config.facts.map((f, i) => ({
    id: `config-${i + 1}`,
    text: f.text,
    source: f.source,
    date: f.date,
    lang: f.lang ?? detectLanguage(f.text),
    ...(f.topics ? { topics: f.topics } : {}),
    addedAt: f.date,
  }));
  return [...configured, ...(await app.store.curatedFacts.list())];
}

function withoutCurated<T extends { facts: { id: string }[] }>(json: T, curated: Set<string>): T {
  return curated.size === 0 ? json : { ...json, facts: json.facts.filter((f) => !curated.has(f.id)) };
}
