import type { Item, Story } from "../model.ts";
import type { Summariser } from "../summaries/summarise.ts";
import { assembleStory, itemTime, storyIdFor } from "./build-story.ts";
import { findCandidatePairs } from "./candidate-pairs.ts";
import { mergeGroups } from "./merge-groups.ts";
import {
  compareFeatures,
  countDocumentFrequencies,
  type DocumentFrequencies,
  entityWeight,
} from "./similarity.ts";
import {
  buildSignature,
  extractStoryFeatures,
  featuresFromSignature,
  type StoryFeatures,
} from "./story-features.ts";

export interface GroupOptions {
  /** How far apart (hours) the first and last sources of a story may be (default 72). */
  windowHours?: number;
  /** The clock: first-seen and updated times of the stories this call creates or changes. */
  now: string | Date;
  /** Mean similarity to a story's sources needed to join it (default {@link JOIN_THRESHOLD}). */
  threshold?: number;
  /** Writes the summaries of new and changed stories (default: extractive). */
  summariser?: Summariser;
}

export interface GroupResult {
  /** Stories created or changed by this call, existing ones first (in input order), then new. */
  stories: Story[];
  /** Every new item's story id (items already in a story keep theirs). */
  assignments: Map<string, string>;
}

/**
 * Join threshold on the mean combined score (geometric mean of wording cosine and entity
 * overlap, see `compareFeatures`) between the sources of two groups. Calibrated on
 * tests/fixtures/stories (TikTok 2020, Nvidia 2025, AI Act 2025, CrowdStrike 2024), each set
 * alone, pairs alone and all together, in several arrival orders: same-event pairs of other
 * outlets or the other language mostly score 0.30–0.84, different events about the same
 * companies on the same day 0.05–0.27 (see tests/stories/calibration.test.ts).
 */
export const JOIN_THRESHOLD = 0.28;

/** A story or new item as grouping handles it. */
interface Unit {
  time: number;
  last: number;
  features: StoryFeatures[];
  item?: Item;
  story?: Story;
  known: Map<string, Item>;
  guilds: Set<string>;
}

/**
 * Story grouping. New items and the recent stories within reach form units; candidate pairs are
 * those sharing rare names or numbers within the window; then, best pair first, units whose mean
 * similarity reaches the threshold merge (average link, see `mergeGroups`), never two existing
 * stories, never two guilds' private items, never beyond the window. The result depends on the
 * items, not on the order they came in: one call or several give the same stories as long as a
 * story's core has arrived before its looser reports are judged.
 */
export function groupItems(
  newItems: readonly Item[],
  recentStories: readonly Story[],
  items: ReadonlyMap<string, Item>,
  opts: GroupOptions,
): GroupResult {
  const clock = new Date(opts.now);
  if (Number.isNaN(clock.getTime()))
    throw new RangeError(`groupItems: "now" is not a date: ${String(opts.now)}`);
  const now = clock.toISOString();
  const windowMs = (opts.windowHours ?? 72) * 3_600_000;
  const threshold = opts.threshold ?? JOIN_THRESHOLD;
  const storyOf = new Map<string, string>();
  for (const story of recentStories) for (const key of story.items) storyOf.set(key, story.id);

  const assignments = new Map<string, string>();
  const pending = new Map<string, Item>();
  for (const item of newItems) {
    const existing = storyOf.get(item.key);
    if (existing) assignments.set(item.key, existing);
    else pending.set(item.key, item);
  }
  const fresh = [...pending.values()].map((item) => newUnit(item, Date.parse(now)));
  // Only stories within reach of a new item are read (their sources' features computed).
  const times = fresh.map((unit) => unit.time).sort((a, b) => a - b);
  const reachable = recentStories.filter((story) => isWithinReach(storyStart(story), times, windowMs));
  const storyOrder = new Map(reachable.map((story, i) => [story.id, i]));
  const units = [...reachable.map((story) => storyUnit(story, items)), ...fresh].sort(byTimeThenKey);

  // A story told by ten outlets is one document, not ten: frequencies are counted per story, so
  // an event's own names are not taken for common because many outlets report it. The first
  // pass counts each new item alone; the second counts the groups the first one found.
  let groups = units.map((_, index) => [index]);
  for (let pass = 0; pass < 2; pass++) {
    const df = countDocumentFrequencies(groups.map((group) => mergeFeatures(group.map((i) => units[i]!))));
    groups = groupUnits(units, df, { threshold, windowMs });
  }

  const changed: Story[] = [];
  const created: Story[] = [];
  for (const group of groups) {
    const members = group.map((index) => units[index]!);
    const story = members.find((unit) => unit.story)?.story;
    const added = members.filter((unit) => unit.item).map((unit) => unit.item!);
    if (added.length === 0) continue;
    const id = story?.id ?? storyIdFor(added[0]!.key);
    for (const item of added) assignments.set(item.key, id);
    const known = new Map<string, Item>();
    for (const unit of members) for (const [key, item] of unit.known) known.set(key, item);
    const built = assembleStory(
      {
        id,
        keys: [...(story?.items ?? []), ...added.map((item) => item.key)],
        known,
        signature: buildSignature(members.flatMap((unit) => unit.features)),
        ...(story ? { previous: story } : {}),
      },
      now,
      opts.summariser,
    );
    (story ? changed : created).push(built);
  }
  changed.sort((a, b) => storyOrder.get(a.id)! - storyOrder.get(b.id)!);
  return { stories: [...changed, ...created], assignments };
}

function groupUnits(
  units: readonly Unit[],
  df: DocumentFrequencies,
  opts: { threshold: number; windowMs: number },
) {
  const pairs = findCandidatePairs(
    units.map((unit) => ({ time: unit.time, features: unit.features, isNew: !!unit.item })),
    { windowMs: opts.windowMs, entityWeight: entityWeight(df) },
  );
  const links = pairs.map(([i, j]): [number, number, number] => [i, j, linkOf(units[i]!, units[j]!, df)]);
  return mergeGroups(
    units.map((unit) => ({
      size: unit.features.length,
      first: unit.time,
      last: unit.last,
      existing: !!unit.story,
      guilds: unit.guilds,
    })),
    links,
    opts,
  );
}

/** Sum of the similarities between the members of two units (the average link's numerator). */
function linkOf(a: Unit, b: Unit, df: DocumentFrequencies): number {
  let sum = 0;
  for (const x of a.features) for (const y of b.features) sum += compareFeatures(x, y, df).score;
  return sum;
}

function newUnit(item: Item, now: number): Unit {
  const time = itemTime(item);
  const at = Number.isNaN(time) ? now : time;
  return {
    time: at,
    last: at,
    features: [extractStoryFeatures(item)],
    item,
    known: new Map([[item.key, item]]),
    guilds: new Set(item.guildId === undefined ? [] : [item.guildId]),
  };
}

function storyUnit(story: Story, items: ReadonlyMap<string, Item>): Unit {
  const known = new Map<string, Item>();
  for (const key of story.items) {
    const item = items.get(key);
    if (item) known.set(key, item);
  }
  const features = [...known.values()].map(extractStoryFeatures);
  // Sources missing from the lookup are represented by the stored signature (their centroid).
  if (known.size < story.items.length) features.push(featuresFromSignature(story.signature, story.lang));
  const guilds = new Set<string>();
  for (const item of known.values()) if (item.guildId !== undefined) guilds.add(item.guildId);
  if (story.guildId !== undefined) guilds.add(story.guildId);
  const start = storyStart(story);
  let last = start;
  for (const item of known.values()) {
    const time = itemTime(item);
    if (!Number.isNaN(time)) last = Math.max(last, time);
  }
  return { time: start, last, features, story, known, guilds };
}

function storyStart(story: Story): number {
  const start = Date.parse(story.published);
  return Number.isNaN(start) ? Date.parse(story.firstSeen) : start;
}

/** Whether some new item's time (sorted) lies within the window of `time`. */
function isWithinReach(time: number, sorted: readonly number[], windowMs: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < time - windowMs) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= time + windowMs;
}

/** One document per story for document frequencies: a story told five times counts once. */
function mergeFeatures(members: readonly Unit[]): StoryFeatures {
  const all = members.flatMap((unit) => unit.features);
  if (all.length === 1) return all[0]!;
  const merged: StoryFeatures = { lang: all[0]?.lang ?? "en", terms: new Map(), entities: new Map() };
  for (const f of all) {
    for (const [key, weight] of f.terms) merged.terms.set(key, Math.max(merged.terms.get(key) ?? 0, weight));
    for (const [key, weight] of f.entities)
      merged.entities.set(key, Math.max(merged.entities.get(key) ?? 0, weight));
  }
  return merged;
}

/** Time order, stories before items at the same time, then by key: independent of input order. */
function byTimeThenKey(a: Unit, b: Unit): number {
  return a.time - b.time || Number(!!a.item) - Number(!!b.item) || compareText(keyOf(a), keyOf(b));
}

function keyOf(unit: Unit): string {
  return unit.item?.key ?? unit.story?.id ?? "";
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
