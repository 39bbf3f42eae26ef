import type { Item, Story } from "../model.ts";
import type { Summariser } from "../summaries/summarise.ts";
import { assembleStory, itemTime, storyIdFor } from "./build-story.ts";
import {
  buildSignature,
  compareFeatures,
  countDocumentFrequencies,
  extractStoryFeatures,
  featuresFromSignature,
  type StoryFeatures,
} from "./story-features.ts";

export interface GroupOptions {
  /** How far apart (hours) an item and a story's first publication may be (default 72). */
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
 * Join threshold on the combined score (geometric mean of term cosine and entity overlap, see
 * `compareFeatures`). Calibrated on tests/fixtures/stories in every order and batching of the
 * items: the same event told by other outlets, in English or French, scores above 0.36 against
 * its story; different events naming the same companies in the same window (a Walmart bid, a
 * CEO's resignation, Oracle's earnings, Oracle chosen as TikTok's partner), below 0.26.
 */
export const JOIN_THRESHOLD = 0.3;

interface Cluster {
  id: string;
  /** Position among the clusters: ties between equally similar stories go to the earlier one. */
  order: number;
  keys: string[];
  /** Features of the members at hand; the stored signature stands in when none is. */
  features: StoryFeatures[];
  known: Map<string, Item>;
  guilds: Set<string>;
  start: number;
  previous?: Story;
  changed: boolean;
}

/**
 * Online story clustering. New items are taken in time order (then by key, so the result does
 * not depend on input order); each joins the most similar story whose first publication lies
 * within the window of the item's time and whose scope allows it, when the mean similarity to
 * that story's sources reaches the threshold; otherwise it starts a story of its own. Stories
 * created earlier in the same call are candidates too, so one call and several give the same
 * grouping when items arrive in order.
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
  const ordered = [...pending.values()].sort(
    (a, b) => itemTime(a) - itemTime(b) || compareText(a.key, b.key),
  );
  // Only stories within reach of a new item are read (their sources' features computed).
  const times = ordered.map((item) => timeOrNow(item, now));
  const clusters = recentStories
    .filter((story) => times.some((time) => Math.abs(time - storyStart(story)) <= windowMs))
    .map((story, index) => clusterOf(story, items, index));
  const features = new Map(ordered.map((item) => [item.key, extractStoryFeatures(item)]));
  const df = countDocumentFrequencies([...clusters.map(mergeFeatures), ...features.values()]);
  const index = createEntityIndex(clusters);

  ordered.forEach((item, i) => {
    const itemFeatures = features.get(item.key)!;
    const time = times[i]!;
    let best: Cluster | undefined;
    let bestScore = threshold;
    for (const cluster of index.candidates(itemFeatures)) {
      if (Math.abs(time - cluster.start) > windowMs || !allowsScope(cluster, item)) continue;
      const score = meanSimilarity(itemFeatures, cluster.features, df);
      if (score > bestScore || (score === bestScore && !best)) {
        best = cluster;
        bestScore = score;
      }
    }
    const cluster = best ?? newCluster(item, time, clusters.length);
    if (best) addMember(best, item, itemFeatures, time);
    else {
      cluster.features.push(itemFeatures);
      clusters.push(cluster);
    }
    index.add(cluster, itemFeatures);
    assignments.set(item.key, cluster.id);
  });

  const stories = clusters
    .filter((cluster) => cluster.changed)
    .map((cluster) =>
      assembleStory(
        {
          id: cluster.id,
          keys: cluster.keys,
          known: cluster.known,
          signature: buildSignature(cluster.features),
          ...(cluster.previous ? { previous: cluster.previous } : {}),
        },
        now,
        opts.summariser,
      ),
    );
  return { stories, assignments };
}

function storyStart(story: Story): number {
  const start = Date.parse(story.published);
  return Number.isNaN(start) ? Date.parse(story.firstSeen) : start;
}

function clusterOf(story: Story, items: ReadonlyMap<string, Item>, order: number): Cluster {
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
  return {
    id: story.id,
    order,
    keys: [...story.items],
    features,
    known,
    guilds,
    start: storyStart(story),
    previous: story,
    changed: false,
  };
}

function newCluster(item: Item, time: number, order: number): Cluster {
  return {
    id: storyIdFor(item.key),
    order,
    keys: [item.key],
    features: [],
    known: new Map([[item.key, item]]),
    guilds: new Set(item.guildId === undefined ? [] : [item.guildId]),
    start: time,
    changed: true,
  };
}

function addMember(cluster: Cluster, item: Item, features: StoryFeatures, time: number): void {
  cluster.keys.push(item.key);
  cluster.known.set(item.key, item);
  cluster.features.push(features);
  if (item.guildId !== undefined) cluster.guilds.add(item.guildId);
  cluster.start = Math.min(cluster.start, time);
  cluster.changed = true;
}

/** A guild's private item never joins another guild's story; global items join any story. */
function allowsScope(cluster: Cluster, item: Item): boolean {
  if (item.guildId === undefined) return true;
  for (const guild of cluster.guilds) if (guild !== item.guildId) return false;
  return true;
}

/**
 * Average link: the mean similarity to the story's sources. Unlike the best single source, it
 * does not let a story drift from event to event through one loosely related article.
 */
function meanSimilarity(
  item: StoryFeatures,
  members: readonly StoryFeatures[],
  df: ReturnType<typeof countDocumentFrequencies>,
): number {
  let sum = 0;
  for (const member of members) sum += compareFeatures(item, member, df).score;
  return members.length === 0 ? 0 : sum / members.length;
}

/**
 * Stories by entity key. A story that shares no entity with an item scores 0 against it (the
 * entity overlap is a factor of the score), so only stories sharing one need comparing.
 */
function createEntityIndex(clusters: readonly Cluster[]) {
  const byEntity = new Map<string, Set<Cluster>>();
  const add = (cluster: Cluster, features: StoryFeatures) => {
    for (const key of features.entities.keys()) {
      const set = byEntity.get(key) ?? new Set<Cluster>();
      set.add(cluster);
      byEntity.set(key, set);
    }
  };
  for (const cluster of clusters) for (const features of cluster.features) add(cluster, features);
  return {
    add,
    candidates(features: StoryFeatures): Cluster[] {
      const found = new Set<Cluster>();
      for (const key of features.entities.keys())
        for (const cluster of byEntity.get(key) ?? []) found.add(cluster);
      return [...found].sort((a, b) => a.order - b.order);
    },
  };
}

/** One document per story for document frequencies: a story told five times counts once. */
function mergeFeatures(cluster: Cluster): StoryFeatures {
  const merged: StoryFeatures = {
    lang: cluster.features[0]?.lang ?? "en",
    terms: new Map(),
    entities: new Map(),
  };
  for (const f of cluster.features) {
    for (const [key, weight] of f.terms) merged.terms.set(key, Math.max(merged.terms.get(key) ?? 0, weight));
    for (const [key, weight] of f.entities)
      merged.entities.set(key, Math.max(merged.entities.get(key) ?? 0, weight));
  }
  return merged;
}

function timeOrNow(item: Item, now: string): number {
  const time = itemTime(item);
  return Number.isNaN(time) ? Date.parse(now) : time;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
