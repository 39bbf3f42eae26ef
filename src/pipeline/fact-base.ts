import { curatedToFacts, extractFacts } from "../facts/extract-facts.ts";
import type { Fact } from "../facts/fact.ts";
import {
  type FactHit,
  type FactSearch,
  type FactSearchOptions,
  isVisible,
  planQuery,
  termCountsIn,
  termsOfFact,
  type WeightedKey,
} from "../facts/fact-index.ts";
import {
  decodeSegment,
  encodeSegment,
  mergeSegments,
  type StoredSegment,
  writeSegment,
} from "../facts/fact-segment.ts";
import { packFact, type SourceInfo, sourceOf, unpackFact } from "../facts/stored-fact.ts";
import { TermIndex } from "../facts/term-index.ts";
import type { App } from "../main.ts";
import type { CuratedFact, Item } from "../model.ts";
import { hashId } from "../store/keys.ts";
import { detectLanguage } from "../text/language.ts";
import { FactDocs } from "./fact-docs.ts";
import { mapInTurns, yieldToEventLoop } from "./in-turns.ts";

/**
 * The fact base: every sentence newsdesk read, searchable. Facts are stored with the items they
 * come from, a batch at a time: each fact's record (`fact:<id>`, read only to answer), its
 * item's source, and a segment holding the keys the batch is indexed under. At start-up the
 * segments are read into an in-memory {@link TermIndex} (about a second for a million facts);
 * nothing is ever rewritten whole. Removed facts are listed per segment until the segment is
 * empty and dropped. Curated facts are re-read from config/facts and the store at each load.
 *
 * Items are stored after their facts (see process-items), so every stored item has its facts;
 * a store written before this layout existed is indexed from its items once, at the first load.
 */
export interface FactBase extends FactSearch {
  /** Resolves once the index is loaded (or built from the stored items). */
  ready(): Promise<void>;
  /** Facts indexed, curated ones included. */
  count(): Promise<number>;
  search(keys: readonly WeightedKey[], options?: FactSearchOptions): Promise<FactHit[]>;
  /** Indexes new (or changed) items; stores their facts before returning. */
  addItems(items: readonly Item[]): Promise<void>;
  removeItems(itemKeys: readonly string[]): Promise<void>;
  /** Re-reads curated facts (after `facts add|remove`). */
  refreshCurated(): Promise<void>;
  /** Merges small segments (see `compact`); the prune runs it once a day. */
  compact(): Promise<CompactReport>;
}

export interface CompactReport {
  /** Segments merged, and how many they became. */
  merged: number;
  into: number;
}

const LAYOUT = "fact-base";
const LAYOUT_VERSION = 3;
const DEFAULT_LIMIT = 25;
const REBUILD_CHUNK = 500;
// A segment's facts (each sentence with its entities, terms and stored form) all stay in memory
// until it is written: 100 items, about 4 000 facts, keeps that working set small.
const SEGMENT_ITEMS = 100;
// Items whose facts are extracted between two turns of the event loop (see in-turns.ts).
const EXTRACT_TURN = 25;
// Segments with fewer live facts (a few dozen items) are merged, up to this many facts each.
const SMALL_FACTS = 1_000;
const MERGED_FACTS = 5_000;

/**
 * An indexed item: scope and topics (to filter hits before reading them), and where its facts
 * are. An item's facts are written together, so they are consecutive documents of one segment.
 */
interface IndexedItem {
  key: string;
  guildId?: string;
  topics: string[];
  segment: string;
  first: number;
  count: number;
  /** Its number in {@link State.docs} (given with its first live document). */
  number: number;
}

/** Where each document came from: an item's sentence in a segment, or a curated fact. */
interface State {
  terms: TermIndex;
  items: Map<string, IndexedItem>;
  docs: FactDocs<IndexedItem>;
  segments: Map<string, { first: number; count: number; dead: Set<number> }>;
  curated: Map<number, Fact>;
}

export function openFactBase(app: App): FactBase {
  // Loading starts now; a load that fails (the store was unreachable) is tried again by the
  // next caller instead of leaving the fact base broken for the life of the process.
  let loading: Promise<State> | undefined;
  const loaded = (): Promise<State> => {
    loading ??= load(app).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  loaded().catch(() => {});
  // Writes one after another: two polls never interleave their segments and removals.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: (state: State) => Promise<T>): Promise<T> => {
    const next = queue.then(loaded).then(work);
    queue = next.catch(() => {});
    return next;
  };

  return {
    ready: async () => {
      await loaded();
    },
    count: async () => (await loaded()).terms.size,
    search: async (keys, options = {}) => search(app, await loaded(), keys, options),
    termCounts: async (keys) => termCountsIn((await loaded()).terms, keys),
    addItems: (items) => serial((state) => addItems(app, state, items)),
    removeItems: (itemKeys) => serial((state) => removeItems(app, state, itemKeys)),
    refreshCurated: () => serial((state) => addCurated(app, state)),
    compact: () => serial((state) => compact(app, state)),
  };
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

async function load(app: App): Promise<State> {
  let state = emptyState();
  if ((await app.store.meta.get<number>(LAYOUT)) !== LAYOUT_VERSION) {
    await rebuild(app, state);
  } else {
    try {
      await loadSegments(app, state);
    } catch (error) {
      // The items are the source of truth: an unreadable segment costs a rebuild, not facts.
      app.logger.warn("fact base unreadable; indexing the stored items again", { error });
      state = emptyState();
      await rebuild(app, state);
    }
  }
  await addCurated(app, state);
  return state;
}

function emptyState(): State {
  return {
    terms: new TermIndex(),
    items: new Map(),
    docs: new FactDocs(),
    segments: new Map(),
    curated: new Map(),
  };
}

async function loadSegments(app: App, state: State): Promise<void> {
  const ids = await app.store.facts.segmentIds();
  const loaded: LoadedSegment[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    const chunk = ids.slice(i, i + 8);
    const [segments, dead] = await Promise.all([
      app.store.facts.getSegments(chunk),
      app.store.facts.getDead(chunk),
    ]);
    chunk.forEach((id, n) => {
      const segment = segments[n];
      if (!segment) throw new Error(`fact segment ${id} is listed but missing`);
      loaded.push({ id, segment, dead: new Set(dead[n]) });
    });
  }
  // All at once: the index sizes each postings list once for the whole fact base.
  indexSegments(state, loaded);
}

/**
 * Indexes a store's items from scratch (a store from before segments, or one whose fact base was
 * lost), a batch at a time, then marks the layout current so it happens once.
 */
async function rebuild(app: App, state: State): Promise<void> {
  const [keys, segments] = await Promise.all([app.store.items.listKeys(), app.store.facts.segmentIds()]);
  if (keys.length > 0 || segments.length > 0) {
    await app.store.meta.set(LAYOUT, 0);
    await app.store.facts.dropSegments(segments);
    // The whole-index snapshot of earlier versions.
    await app.store.meta.set("fact-index", null);
  }
  for (let i = 0; i < keys.length; i += REBUILD_CHUNK) {
    await addItems(app, state, await app.store.items.getMany(keys.slice(i, i + REBUILD_CHUNK)));
    await yieldToEventLoop();
  }
  await app.store.meta.set(LAYOUT, LAYOUT_VERSION);
}

interface LoadedSegment {
  id: string;
  segment: StoredSegment;
  /** Facts of the segment removed since it was written. */
  dead: Set<number>;
}

/** Adds segments' facts to the index, less those removed since each was written. */
function indexSegments(state: State, loaded: readonly LoadedSegment[]): void {
  const decoded = loaded.map(({ segment }) => decodeSegment(segment));
  const firsts = state.terms.addPackedBatch(decoded.map((d) => d.terms));
  // Sized at once: a million documents appended one by one would grow (and copy) the arrays a
  // dozen times.
  state.docs.reserve(firsts.length > 0 ? firsts.at(-1)! + decoded.at(-1)!.terms.count : 0);
  loaded.forEach(({ id, dead }, n) => {
    const { terms, docs, items } = decoded[n]!;
    const first = firsts[n]!;
    const indexed: IndexedItem[] = items.map(([key, guildId, topics]) => ({
      key,
      ...(guildId ? { guildId } : {}),
      topics,
      segment: id,
      first: -1,
      count: 0,
      number: -1,
    }));
    for (let local = 0; local < terms.count; local++) {
      const doc = first + local;
      if (dead.has(local)) {
        state.terms.remove(doc);
        continue;
      }
      const item = indexed[docs[2 * local]!]!;
      if (item.count++ === 0) {
        item.first = doc;
        item.number = state.docs.number(item);
      }
      state.docs.set(doc, item.number, docs[2 * local + 1]!);
    }
    for (const item of indexed) if (item.count > 0) state.items.set(item.key, item);
    state.segments.set(id, { first, count: terms.count, dead });
  });
}

async function addItems(app: App, state: State, items: readonly Item[]): Promise<void> {
  if (items.length === 0) return;
  await removeItems(
    app,
    state,
    items.filter((i) => state.items.has(i.key)).map((i) => i.key),
  );
  for (let i = 0; i < items.length; i += SEGMENT_ITEMS)
    await addSegment(app, state, items.slice(i, i + SEGMENT_ITEMS));
}

/** Writes one segment of items' facts (none when they have no sentence), then indexes it. */
async function addSegment(app: App, state: State, items: readonly Item[]): Promise<void> {
  const facts = (await mapInTurns(items, EXTRACT_TURN, extractFacts)).flat();
  if (facts.length === 0) return;
  const segment = encodeSegment(facts.map((fact) => ({ fact, terms: termsOfFact(fact) })));
  const id = newSegmentId(app);
  await app.store.facts.putSegment(id, segment, facts.map(packFact), sourcesOf(facts));
  indexSegments(state, [{ id, segment, dead: new Set() }]);
}

async function removeItems(app: App, state: State, itemKeys: readonly string[]): Promise<void> {
  const touched = new Set<string>();
  const factIds: string[] = [];
  const removedKeys: string[] = [];
  for (const key of itemKeys) {
    const item = state.items.get(key);
    if (!item) continue;
    removedKeys.push(key);
    const segment = state.segments.get(item.segment)!;
    touched.add(item.segment);
    for (let doc = item.first; doc < item.first + item.count; doc++) {
      segment.dead.add(doc - segment.first);
      factIds.push(`${key}#${state.docs.indexOf(doc)}`);
    }
    unindexItem(state, item);
  }
  if (removedKeys.length === 0) return;
  const dead = new Map<string, number[]>();
  const emptied: string[] = [];
  for (const id of touched) {
    const segment = state.segments.get(id)!;
    if (segment.dead.size < segment.count) dead.set(id, [...segment.dead]);
    else {
      emptied.push(id);
      state.segments.delete(id);
    }
  }
  await app.store.facts.removeFacts(dead, factIds, removedKeys);
  await app.store.facts.dropSegments(emptied);
}

function newSegmentId(app: App): string {
  return hashId("fact-segment", app.now().toISOString(), String(Math.random()));
}

/** Takes an item's facts out of the index, in memory only. */
function unindexItem(state: State, item: IndexedItem): void {
  state.items.delete(item.key);
  for (let doc = item.first; doc < item.first + item.count; doc++) {
    state.terms.remove(doc);
    state.docs.clear(doc);
  }
  state.docs.release(item.number);
}

/**
 * Merges small segments, and segments most of whose facts were removed, into segments of up to
 * {@link MERGED_FACTS} live facts. A bot writes a segment for every poll that brings new items,
 * and a start-up reads every segment: without this, hundreds a week would slow it down.
 */
async function compact(app: App, state: State): Promise<CompactReport> {
  const groups = compactionGroups(state.segments);
  for (const ids of groups) {
    const stored = await app.store.facts.getSegments(ids);
    const parts = ids.map((id, n) => {
      const segment = stored[n];
      if (!segment) throw new Error(`fact segment ${id} is listed but missing`);
      return { segment: decodeSegment(segment), dead: state.segments.get(id)!.dead };
    });
    const merged = writeSegment(mergeSegments(parts));
    const id = newSegmentId(app);
    await app.store.facts.replaceSegments(ids, id, merged);
    // The index follows the store: the segments' facts are taken out, the merged ones put in.
    for (const old of ids) {
      const { first, count } = state.segments.get(old)!;
      state.segments.delete(old);
      for (let doc = first; doc < first + count; doc++) {
        const item = state.docs.itemOf(doc);
        if (item) unindexItem(state, item);
      }
    }
    indexSegments(state, [{ id, segment: merged, dead: new Set() }]);
  }
  return { merged: groups.reduce((sum, ids) => sum + ids.length, 0), into: groups.length };
}

/**
 * Which segments to merge, in the store's order: those with fewer than {@link SMALL_FACTS} live
 * facts or more removed facts than live ones, grouped up to {@link MERGED_FACTS} live facts. A
 * group of one is rewritten only to drop its removed facts.
 */
export function compactionGroups(
  segments: ReadonlyMap<string, { count: number; dead: ReadonlySet<number> }>,
): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let size = 0;
  const close = () => {
    const only = group.length === 1 ? segments.get(group[0]!)! : undefined;
    if (group.length > 1 || (only && only.dead.size > 0)) groups.push(group);
    group = [];
    size = 0;
  };
  for (const [id, { count, dead }] of segments) {
    const live = count - dead.size;
    if (live >= SMALL_FACTS && dead.size <= live) continue;
    if (size + live > MERGED_FACTS) close();
    group.push(id);
    size += live;
  }
  close();
  return groups;
}

async function addCurated(app: App, state: State): Promise<void> {
  for (const doc of state.curated.keys()) state.terms.remove(doc);
  state.curated.clear();
  for (const fact of curatedToFacts(await listCuratedFacts(app))) {
    state.curated.set(state.terms.add(termsOfFact(fact)), fact);
  }
}

async function search(
  app: App,
  state: State,
  keys: readonly WeightedKey[],
  options: FactSearchOptions,
): Promise<FactHit[]> {
  const query = planQuery(keys, (key) => state.terms.df(key), state.terms.size);
  const visible = (doc: number) => {
    const source = state.curated.get(doc) ?? state.docs.itemOf(doc);
    return source !== undefined && isVisible(source, options);
  };
  const top = state.terms.search(query, visible, options.limit ?? DEFAULT_LIMIT);
  const stored = top.filter((hit) => !state.curated.has(hit.doc));
  const ids = stored.map((hit) => `${state.docs.itemOf(hit.doc)!.key}#${state.docs.indexOf(hit.doc)}`);
  const itemKeys = [...new Set(stored.map((hit) => state.docs.itemOf(hit.doc)!.key))];
  // Nothing ranked from the store (no hits, or only curated facts): no round trip.
  const [records, sources] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([app.store.facts.getFacts(ids), app.store.facts.getSources(itemKeys)]);
  const facts = new Map<number, Fact>();
  const sourceOfKey = new Map(itemKeys.map((key, n) => [key, sources[n]]));
  stored.forEach((hit, n) => {
    const record = records[n];
    const source = record && sourceOfKey.get(record.itemKey);
    // Removed while this search ran: not an answer any more.
    if (record && source) facts.set(hit.doc, unpackFact(record, source));
  });
  return top.flatMap(({ doc, score }) => {
    const fact = state.curated.get(doc) ?? facts.get(doc);
    return fact ? [{ fact, score }] : [];
  });
}

/** Each item's source once; the title fact carries no title names, so a sentence's are kept. */
function sourcesOf(facts: readonly Fact[]): SourceInfo[] {
  const sources = new Map<string, SourceInfo>();
  for (const fact of facts) {
    const known = sources.get(fact.itemKey);
    if (!known || (known.titleNames?.length ?? 0) === 0) sources.set(fact.itemKey, sourceOf(fact));
  }
  return [...sources.values()];
}
