import type { Item, Story, StorySignature } from "../model.ts";
import type { Summariser } from "../summaries/summarise.ts";
import { assembleStory, itemTime, storyIdFor } from "./build-story.ts";
import { createPostings, findCandidatePairs, type Postings } from "./candidate-pairs.ts";
import { createSparseCounts, type KeyCounts } from "./document-counts.ts";
import { buildSignatureOf, type GroupingItem, itemVector, resetVocabularyIfFull } from "./feature-vectors.ts";
import { type MergeUnit, mergeGroups } from "./merge-groups.ts";
import { compareVectors, type KeyWeights, sumOfScores, weightsOf } from "./similarity.ts";
import { createStoryWindow, documentOf, type StoryWindow, storyStart, type Unit } from "./story-window.ts";

export { type KeptItem, keepForGrouping } from "./feature-vectors.ts";

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

/** What grouping decided, before the stories are written: see {@link StoryGrouper.planStories}. */
export interface GroupPlan {
  /** Stories to write: changed ones first (in input order), then new ones. */
  plans: StoryPlan[];
  /** Every new item's story id (items already in a story keep theirs). */
  assignments: Map<string, string>;
  /** The clock, as the stories' first-seen and updated times. */
  now: string;
}

/** One story to write: its sources and the signature grouping worked out for it. */
export interface StoryPlan {
  id: string;
  /** Member keys in the order they were seen: the story's own, then the new ones. */
  keys: string[];
  /** The new items joining it. */
  added: Item[];
  /** The story as it was, when it existed. */
  previous?: Story;
  signature: StorySignature;
}

/** Groups new items with recent stories; see {@link groupItems}. */
export interface StoryGrouper {
  groupItems(
    newItems: readonly Item[],
    recentStories: readonly Story[],
    items: ReadonlyMap<string, Item>,
    opts: GroupOptions,
  ): GroupResult;
  /**
   * The grouping of {@link groupItems} without writing the stories, for a caller whose lookup
   * holds items kept for grouping only (`keepForGrouping`): it then reads the full items of the
   * planned stories and calls {@link assembleStories}.
   */
  planStories(
    newItems: readonly Item[],
    recentStories: readonly Story[],
    items: ReadonlyMap<string, GroupingItem>,
    opts: GroupOptions,
  ): GroupPlan;
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

/**
 * A grouper that keeps the window's stories (their vectors, counts and postings) from one call
 * to the next. Its results are those of a fresh grouper: the kept state only saves work.
 */
export function createStoryGrouper(): StoryGrouper {
  const window = createStoryWindow();
  const planStories: StoryGrouper["planStories"] = (newItems, recent, items, opts) =>
    plan(window, newItems, recent, items, opts);
  return {
    planStories,
    groupItems: (newItems, recent, items, opts) =>
      assembleStories(planStories(newItems, recent, items, opts), items, opts.summariser),
  };
}

const shared = createStoryGrouper();

/**
 * Story grouping. New items and the recent stories within reach form units; candidate pairs are
 * those sharing rare names or numbers within the window; then, best pair first, units whose mean
 * similarity reaches the threshold merge (average link, see `mergeGroups`), never two existing
 * stories, never two guilds' private items, never beyond the window. The result depends on the
 * items, not on the order they came in: one call or several give the same stories as long as a
 * story's core has arrived before its looser reports are judged.
 *
 * Calls share one {@link createStoryGrouper} grouper, which keeps the window's stories between
 * polls: a poll's work follows its new items and the stories they reach, not the whole window.
 */
export function groupItems(
  newItems: readonly Item[],
  recentStories: readonly Story[],
  items: ReadonlyMap<string, Item>,
  opts: GroupOptions,
): GroupResult {
  return shared.groupItems(newItems, recentStories, items, opts);
}

/** {@link StoryGrouper.planStories} with the shared grouper (see {@link groupItems}). */
export function planStories(
  newItems: readonly Item[],
  recentStories: readonly Story[],
  items: ReadonlyMap<string, GroupingItem>,
  opts: GroupOptions,
): GroupPlan {
  return shared.planStories(newItems, recentStories, items, opts);
}

/**
 * Writes the planned stories: titles, summaries, scopes from their members. `items` must hold
 * the full items of the planned stories' existing members (a member it lacks is missing: the
 * story keeps its previous values for what the member would change).
 */
export function assembleStories(
  planned: GroupPlan,
  items: ReadonlyMap<string, Item>,
  summariser?: Summariser,
): GroupResult {
  const stories = planned.plans.map((story) => {
    const known = new Map<string, Item>();
    for (const key of story.previous?.items ?? []) {
      const item = items.get(key);
      if (item) known.set(key, item);
    }
    for (const item of story.added) known.set(item.key, item);
    return assembleStory(
      {
        id: story.id,
        keys: story.keys,
        known,
        signature: story.signature,
        ...(story.previous ? { previous: story.previous } : {}),
      },
      planned.now,
      summariser,
    );
  });
  return { stories, assignments: planned.assignments };
}

function plan(
  window: StoryWindow,
  newItems: readonly Item[],
  recentStories: readonly Story[],
  items: ReadonlyMap<string, GroupingItem>,
  opts: GroupOptions,
): GroupPlan {
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
  if (pending.size === 0) return { plans: [], assignments, now };
  resetVocabularyIfFull();
  const fresh = [...pending.values()].map((item) => newUnit(item, clock.getTime())).sort(byTimeThenKey);
  // Only stories within reach of a new item take part (in counts, postings and comparisons).
  const times = fresh.map((unit) => unit.time);
  const reachable = recentStories.filter((story) => isWithinReach(storyStart(story), times, windowMs));
  const storyOrder = new Map(reachable.map((story, i) => [story.id, i]));
  window.update(reachable, items);
  const freshPostings = createPostings<Unit>();
  for (const unit of fresh) for (const id of unit.doc.entities) freshPostings.add(id, unit);
  const pass = { window, fresh, freshPostings, threshold, windowMs, merging: new Map<Unit, MergeUnit>() };

  // A story told by ten outlets is one document, not ten: frequencies are counted per story, so
  // an event's own names are not taken for common because many outlets report it. The first
  // pass counts each new item alone; the second counts the groups the first one found.
  const first = createSparseCounts(window.counts);
  for (const unit of fresh) first.add(unit.doc, 1);
  const second = createSparseCounts(window.counts);
  for (const members of groupUnits(pass, first)) {
    if (!members.some((unit) => unit.item)) continue;
    const story = members.find((unit) => unit.story);
    if (story) second.add(story.doc, -1);
    second.add(documentOf(members.flatMap((unit) => unit.vectors)), 1);
  }
  const groups = groupUnits(pass, second);

  const changed: StoryPlan[] = [];
  const created: StoryPlan[] = [];
  for (const members of groups) {
    const story = members.find((unit) => unit.story)?.story;
    const added = members.filter((unit) => unit.item).map((unit) => unit.item!);
    if (added.length === 0) continue;
    const id = story?.id ?? storyIdFor(added[0]!.key);
    for (const item of added) assignments.set(item.key, id);
    (story ? changed : created).push({
      id,
      keys: [...(story?.items ?? []), ...added.map((item) => item.key)],
      added,
      signature: buildSignatureOf(members.flatMap((unit) => unit.vectors)),
      ...(story ? { previous: story } : {}),
    });
  }
  changed.sort((a, b) => storyOrder.get(a.id)! - storyOrder.get(b.id)!);
  return { plans: [...changed, ...created], assignments, now };
}

interface Pass {
  window: StoryWindow;
  fresh: readonly Unit[];
  freshPostings: Postings<Unit>;
  threshold: number;
  windowMs: number;
  /** What the merge knows of each unit, worked out once per call. */
  merging: Map<Unit, MergeUnit>;
}

/**
 * One clustering pass with the given document counts: the groups that hold a new item or a
 * candidate story, each as its units in unit order. Stories no new item reaches stay as they are.
 */
function groupUnits(pass: Pass, counts: KeyCounts): Unit[][] {
  const weights = weightsOf(counts);
  const pairs = findCandidatePairs(
    pass.fresh.map((unit) => ({ unit, time: unit.time, entities: unit.vectors[0]!.entities })),
    {
      windowMs: pass.windowMs,
      entityWeight: (id) => weights.entity(id),
      postings: [pass.window.postings, pass.freshPostings],
      order: byTimeThenKey,
    },
  );
  const involved = new Set<Unit>(pass.fresh);
  for (const [a, b] of pairs) involved.add(a).add(b);
  const units = [...involved].sort(byTimeThenKey);
  const indexOf = new Map(units.map((unit, i) => [unit, i]));
  const links = pairs.map(([a, b]): [number, number, number] => [
    indexOf.get(a)!,
    indexOf.get(b)!,
    linkOf(a, b, weights),
  ]);
  const merging = units.map((unit) => {
    let known = pass.merging.get(unit);
    if (!known) {
      known = mergeUnitOf(unit);
      pass.merging.set(unit, known);
    }
    return known;
  });
  const groups = mergeGroups(merging, links, pass);
  return groups.map((group) => group.map((index) => units[index]!));
}

/** Sum of the similarities between the members of two units (the average link's numerator). */
function linkOf(a: Unit, b: Unit, weights: KeyWeights): number {
  // A pair always holds a new item (one source): it is compared with each of the other's.
  if (a.vectors.length === 1) return sumOfScores(a.vectors[0]!, b.vectors, weights);
  if (b.vectors.length === 1) return sumOfScores(b.vectors[0]!, a.vectors, weights);
  let sum = 0;
  for (const x of a.vectors) for (const y of b.vectors) sum += compareVectors(x, y, weights).score;
  return sum;
}

function newUnit(item: Item, now: number): Unit {
  const time = itemTime(item);
  const vector = itemVector(item);
  return {
    time: Number.isNaN(time) ? now : time,
    vectors: [vector],
    doc: { lang: vector.lang, terms: vector.terms.ids, entities: vector.entities.ids },
    sources: [item],
    key: item.key,
    item,
  };
}

/**
 * What the merge needs to know of a unit: its time span and the guilds whose private items it
 * holds. Worked out only for the units a new item reaches.
 */
function mergeUnitOf(unit: Unit): MergeUnit {
  const guilds = new Set<string>();
  let last = unit.time;
  for (const item of unit.sources) {
    if (item.guildId !== undefined) guilds.add(item.guildId);
    if (unit.item) continue;
    const time = itemTime(item);
    if (!Number.isNaN(time)) last = Math.max(last, time);
  }
  if (unit.story?.guildId !== undefined) guilds.add(unit.story.guildId);
  return { size: unit.vectors.length, first: unit.time, last, existing: !!unit.story, guilds };
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

/** Time order, stories before items at the same time, then by key: independent of input order. */
function byTimeThenKey(a: Unit, b: Unit): number {
  return a.time - b.time || Number(!!a.item) - Number(!!b.item) || compareText(a.key, b.key);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
