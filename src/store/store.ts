import type Keyv from "keyv";
import type { StoredSegment } from "../facts/fact-segment.ts";
import type { SourceInfo, StoredFact } from "../facts/stored-fact.ts";
import type {
  CuratedFact,
  Feed,
  FeedState,
  GuildSettings,
  Item,
  OutboxEntry,
  Story,
  StorySignature,
  Subscription,
  Topic,
} from "../model.ts";
import { keys } from "./keys.ts";
import { byteValuesOf, openKeyv } from "./open-keyv.ts";

export interface StoryRef {
  id: string;
  firstSeen: string;
}

/**
 * The store's ports: small repositories over keyv, one per kind of record. Created once in the
 * composition root and passed to whatever needs them. Every read that fails throws: nothing
 * here ever mistakes a broken database for an empty one.
 */
export interface Store {
  feeds: ListRepo<Feed>;
  feedStates: {
    get(url: string): Promise<FeedState | undefined>;
    getMany(urls: string[]): Promise<(FeedState | undefined)[]>;
    put(state: FeedState): Promise<void>;
  };
  items: {
    /** Ids already stored for a feed: a re-poll adds nothing already seen. */
    seenIds(feedUrl: string): Promise<Set<string>>;
    /** Stores new or updated items and records their ids as seen, feed by feed. */
    putMany(items: Item[]): Promise<void>;
    get(key: string): Promise<Item | undefined>;
    getMany(keys: string[]): Promise<Item[]>;
    listKeys(): Promise<string[]>;
    all(): Promise<Item[]>;
    removeMany(keys: string[]): Promise<void>;
  };
  stories: {
    get(id: string): Promise<Story | undefined>;
    getMany(ids: string[]): Promise<Story[]>;
    putMany(stories: Story[]): Promise<void>;
    refs(): Promise<StoryRef[]>;
    /** Stories first seen at or after this time. */
    since(iso: string): Promise<Story[]>;
    all(): Promise<Story[]>;
    removeMany(ids: string[]): Promise<void>;
  };
  topics: ListRepo<Topic>;
  subscriptions: ListRepo<Subscription>;
  guilds: {
    get(id: string): Promise<GuildSettings | undefined>;
    put(settings: GuildSettings): Promise<void>;
    list(): Promise<GuildSettings[]>;
  };
  outbox: {
    get(key: string): Promise<OutboxEntry | undefined>;
    put(entry: OutboxEntry): Promise<void>;
    pending(): Promise<OutboxEntry[]>;
    /** Entries Discord refused permanently for that channel (resent when it is resumed). */
    failed(channelId: string): Promise<OutboxEntry[]>;
  };
  curatedFacts: ListRepo<CuratedFact>;
  /** The fact base: facts, their sources, and the index segments (see src/pipeline/fact-base.ts). */
  facts: {
    segmentIds(): Promise<string[]>;
    /** Segments as written: bytes, or a version 4 object from an older store. */
    getSegments(ids: string[]): Promise<(StoredSegment | undefined)[]>;
    /** Facts removed from each segment since it was written. */
    getDead(ids: string[]): Promise<number[][]>;
    /**
     * Stores a batch: facts and sources first, the segment last, so a listed segment's facts
     * are always there to read.
     */
    putSegment(id: string, segment: Uint8Array, facts: StoredFact[], sources: SourceInfo[]): Promise<void>;
    /** Records removed facts (the segments' dead lists first), then deletes them and their sources. */
    removeFacts(dead: Map<string, number[]>, factIds: string[], itemKeys: string[]): Promise<void>;
    /** Forgets whole segments (every fact in them already removed). */
    dropSegments(ids: string[]): Promise<void>;
    /**
     * Puts one segment in place of several holding the same live facts (merged): the segment is
     * written, the list swaps them in one write, then the old ones go. A crash at any point
     * leaves every fact listed once; at worst an unlisted segment's bytes stay behind.
     */
    replaceSegments(ids: string[], id: string, segment: Uint8Array): Promise<void>;
    getFacts(ids: string[]): Promise<(StoredFact | undefined)[]>;
    getSources(itemKeys: string[]): Promise<(SourceInfo | undefined)[]>;
  };
  meta: {
    get<T>(name: string): Promise<T | undefined>;
    getMany<T>(names: string[]): Promise<(T | undefined)[]>;
    set(name: string, value: unknown): Promise<void>;
    setMany(entries: { name: string; value: unknown }[]): Promise<void>;
  };
  close(): Promise<void>;
}

/** A small list kept whole under one key (feeds, topics, subscriptions, curated facts). */
export interface ListRepo<T> {
  list(): Promise<T[]>;
  /** Replaces the entries equal to `same` (or adds) and returns the new list. */
  upsert(entry: T, same: (a: T, b: T) => boolean): Promise<T[]>;
  /** Removes the entries matching; returns how many went. */
  remove(match: (entry: T) => boolean): Promise<number>;
  replaceAll(entries: T[]): Promise<void>;
}

export async function openStore(url: string): Promise<Store> {
  return createStore(await openKeyv(url));
}

export function createStore(keyv: Keyv): Store {
  const lock = createLock();
  const get = async <T>(key: string): Promise<T | undefined> => (await keyv.get<T>(key)) ?? undefined;
  const getMany = async <T>(list: string[]): Promise<(T | undefined)[]> => {
    const out: (T | undefined)[] = [];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = (await keyv.getMany<T>(list.slice(i, i + 500))) as (T | undefined | null)[];
      for (const value of chunk) out.push(value ?? undefined);
    }
    return out;
  };
  const setMany = async (entries: { key: string; value: unknown }[]) => {
    if (entries.length > 0) await keyv.setMany(entries);
  };
  const deleteMany = async (list: string[]) => {
    for (let i = 0; i < list.length; i += 500) await keyv.deleteMany(list.slice(i, i + 500));
  };
  /** Read-modify-write of one key, serialised in this process. */
  const update = <T>(key: string, fallback: T, change: (value: T) => T) =>
    lock(key, async () => {
      const next = change((await get<T>(key)) ?? fallback);
      await keyv.set(key, next);
      return next;
    });

  const listRepo = <T>(key: string): ListRepo<T> => ({
    list: async () => (await get<T[]>(key)) ?? [],
    upsert: (entry, same) => update<T[]>(key, [], (list) => [...list.filter((e) => !same(e, entry)), entry]),
    remove: async (match) => {
      let removed = 0;
      await update<T[]>(key, [], (list) => {
        const kept = list.filter((e) => !match(e));
        removed = list.length - kept.length;
        return kept;
      });
      return removed;
    },
    replaceAll: async (entries) => {
      await lock(key, () => keyv.set(key, entries));
    },
  });

  const readStories = async (ids: string[]): Promise<Story[]> =>
    defined((await getMany<StoredStory>(ids.map(keys.story))).map(storyAsRead));

  const segments = segmentStore(keyv);
  const openEntries = async () =>
    defined(await getMany<OutboxEntry>(((await get<string[]>(keys.outboxOpen)) ?? []).map(keys.outbox)));

  return {
    feeds: listRepo<Feed>(keys.feeds),
    feedStates: {
      get: (url) => get<FeedState>(keys.feedState(url)),
      getMany: (urls) => getMany<FeedState>(urls.map(keys.feedState)),
      put: async (state) => {
        await keyv.set(keys.feedState(state.url), state);
      },
    },
    items: {
      seenIds: async (url) => new Set((await get<string[]>(keys.feedSeen(url))) ?? []),
      putMany: async (items) => {
        if (items.length === 0) return;
        // Items first, then the indexes that point at them: a crash in between leaves an item
        // stored but not marked seen, so the next poll stores it again (same key) — never the reverse.
        await setMany(items.map((item) => ({ key: keys.item(item.key), value: item })));
        for (const [feed, feedItems] of groupByFeed(items)) {
          await update<string[]>(keys.feedSeen(feed), [], (seen) =>
            appendNew(
              seen,
              feedItems.map((i) => i.id),
            ),
          );
        }
        await update<string[]>(keys.items, [], (all) =>
          appendNew(
            all,
            items.map((i) => i.key),
          ),
        );
      },
      get: (key) => get<Item>(keys.item(key)),
      getMany: async (list) => defined(await getMany<Item>(list.map(keys.item))),
      listKeys: async () => (await get<string[]>(keys.items)) ?? [],
      all: async () => defined(await getMany<Item>(((await get<string[]>(keys.items)) ?? []).map(keys.item))),
      removeMany: async (list) => {
        if (list.length === 0) return;
        const gone = new Set(list);
        const items = defined(await getMany<Item>(list.map(keys.item)));
        for (const [feed, feedItems] of groupByFeed(items)) {
          const ids = new Set(feedItems.map((i) => i.id));
          await update<string[]>(keys.feedSeen(feed), [], (seen) => seen.filter((id) => !ids.has(id)));
        }
        await update<string[]>(keys.items, [], (all) => all.filter((k) => !gone.has(k)));
        await deleteMany(list.map(keys.item));
      },
    },
    stories: {
      get: async (id) => storyAsRead(await get<StoredStory>(keys.story(id))),
      getMany: (ids) => readStories(ids),
      putMany: async (stories) => {
        if (stories.length === 0) return;
        await setMany(stories.map((story) => ({ key: keys.story(story.id), value: story })));
        await update<StoryRef[]>(keys.stories, [], (refs) => {
          const firstSeen = new Map(stories.map((s) => [s.id, s.firstSeen]));
          const known = new Set(refs.map((r) => r.id));
          const updated = refs.map((r) => {
            const seen = firstSeen.get(r.id);
            return seen && seen !== r.firstSeen ? { id: r.id, firstSeen: seen } : r;
          });
          const added = stories
            .filter((s) => !known.has(s.id))
            .map((s) => ({ id: s.id, firstSeen: s.firstSeen }));
          return [...updated, ...added];
        });
      },
      refs: async () => (await get<StoryRef[]>(keys.stories)) ?? [],
      since: async (iso) => {
        const refs = (await get<StoryRef[]>(keys.stories)) ?? [];
        return readStories(refs.filter((r) => r.firstSeen >= iso).map((r) => r.id));
      },
      all: async () => readStories(((await get<StoryRef[]>(keys.stories)) ?? []).map((r) => r.id)),
      removeMany: async (ids) => {
        if (ids.length === 0) return;
        const gone = new Set(ids);
        await update<StoryRef[]>(keys.stories, [], (refs) => refs.filter((r) => !gone.has(r.id)));
        await deleteMany(ids.map(keys.story));
      },
    },
    topics: listRepo<Topic>(keys.topics),
    subscriptions: listRepo<Subscription>(keys.subscriptions),
    guilds: {
      get: (id) => get<GuildSettings>(keys.guild(id)),
      put: async (settings) => {
        await keyv.set(keys.guild(settings.guildId), settings);
        await update<string[]>(keys.guilds, [], (ids) => appendNew(ids, [settings.guildId]));
      },
      list: async () =>
        defined(await getMany<GuildSettings>(((await get<string[]>(keys.guilds)) ?? []).map(keys.guild))),
    },
    outbox: {
      get: (key) => get<OutboxEntry>(keys.outbox(key)),
      put: async (entry) => {
        // The entry is written before the open list changes, so a crash never loses a pending send.
        await keyv.set(keys.outbox(entry.key), entry);
        const closed = entry.status === "sent" || entry.status === "dropped";
        await update<string[]>(keys.outboxOpen, [], (open) =>
          closed ? open.filter((k) => k !== entry.key) : appendNew(open, [entry.key]),
        );
      },
      pending: async () => (await openEntries()).filter((e) => e.status === "pending"),
      failed: async (channelId) =>
        (await openEntries()).filter((e) => e.status === "failed" && e.channelId === channelId),
    },
    curatedFacts: listRepo<CuratedFact>(keys.curatedFacts),
    facts: {
      segmentIds: async () => (await get<string[]>(keys.factSegments)) ?? [],
      getSegments: (ids) => segments.getMany(ids.map(keys.factSegment)),
      getDead: async (ids) => (await getMany<number[]>(ids.map(keys.factDead))).map((list) => list ?? []),
      putSegment: async (id, segment, facts, sources) => {
        await setMany(facts.map((fact) => ({ key: keys.fact(fact.id), value: fact })));
        await setMany(sources.map((source) => ({ key: keys.factSource(source.itemKey), value: source })));
        await segments.set(keys.factSegment(id), segment);
        await update<string[]>(keys.factSegments, [], (ids) => appendNew(ids, [id]));
      },
      removeFacts: async (dead, factIds, itemKeys) => {
        await setMany([...dead].map(([id, list]) => ({ key: keys.factDead(id), value: list })));
        await deleteMany(factIds.map(keys.fact));
        await deleteMany(itemKeys.map(keys.factSource));
      },
      dropSegments: async (ids) => {
        if (ids.length === 0) return;
        const gone = new Set(ids);
        await update<string[]>(keys.factSegments, [], (list) => list.filter((id) => !gone.has(id)));
        await deleteMany([...ids.map(keys.factSegment), ...ids.map(keys.factDead)]);
      },
      replaceSegments: async (ids, id, segment) => {
        const gone = new Set(ids);
        await segments.set(keys.factSegment(id), segment);
        await update<string[]>(keys.factSegments, [], (list) => [
          ...list.filter((old) => !gone.has(old)),
          id,
        ]);
        await deleteMany([...ids.map(keys.factSegment), ...ids.map(keys.factDead)]);
      },
      getFacts: (ids) => getMany<StoredFact>(ids.map(keys.fact)),
      getSources: (itemKeys) => getMany<SourceInfo>(itemKeys.map(keys.factSource)),
    },
    meta: {
      get: (name) => get(keys.meta(name)),
      getMany: (names) => getMany(names.map(keys.meta)),
      set: async (name, value) => {
        await keyv.set(keys.meta(name), value);
      },
      setMany: (entries) => setMany(entries.map((e) => ({ key: keys.meta(e.name), value: e.value }))),
    },
    close: async () => {
      await keyv.disconnect();
    },
  };
}

/**
 * Where segments' bytes go: as bytes where the backend keeps them (SQLite), elsewhere as a
 * base64 string in keyv's JSON. Either way an object found there is a version 4 segment.
 */
function segmentStore(keyv: Keyv): {
  getMany(keys: string[]): Promise<(StoredSegment | undefined)[]>;
  set(key: string, bytes: Uint8Array): Promise<void>;
} {
  const native = byteValuesOf(keyv);
  const fromValue = (value: unknown): StoredSegment | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return Buffer.from(value, "base64");
    return value as StoredSegment;
  };
  return {
    getMany: async (list) => {
      const out: (StoredSegment | undefined)[] = [];
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        const values = native ? await native.getMany(chunk) : await keyv.getMany(chunk);
        for (const value of values) out.push(fromValue(value));
      }
      return out;
    },
    set: async (key, bytes) => {
      if (native) await native.set(key, bytes);
      else
        await keyv.set(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"));
    },
  };
}

/** A story as stored: one written before signatures held their terms in two arrays has an object. */
type StoredStory = Omit<Story, "signature"> & {
  signature: StorySignature | { entities: string[]; terms: Record<string, number> };
};

function storyAsRead(stored: StoredStory | undefined): Story | undefined {
  if (!stored) return undefined;
  const { signature } = stored;
  if (Array.isArray(signature.terms)) return stored as Story;
  const terms = Object.entries(signature.terms);
  return {
    ...stored,
    signature: {
      entities: signature.entities,
      terms: terms.map(([key]) => key),
      weights: terms.map(([, w]) => w),
    },
  };
}

function appendNew(list: string[], values: string[]): string[] {
  const known = new Set(list);
  const added: string[] = [];
  for (const value of values) {
    if (known.has(value)) continue;
    known.add(value);
    added.push(value);
  }
  return added.length > 0 ? [...list, ...added] : list;
}

function defined<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

/** Serialises async work per key within this process (read-modify-write of index lists). */
function createLock() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}

function groupByFeed(items: Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(item.feed);
    if (group) group.push(item);
    else groups.set(item.feed, [item]);
  }
  return groups;
}
