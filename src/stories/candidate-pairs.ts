import type { StoryFeatures } from "./story-features.ts";

/** What candidate selection needs to know of a story or a new item. */
export interface CandidateUnit {
  /** When it happened (ms): a story's first publication, an item's date. */
  time: number;
  /** Its features; a story has one per source at hand. */
  features: readonly StoryFeatures[];
  /** True for a new item: only new items look for candidates. */
  isNew: boolean;
}

export interface CandidateOptions {
  windowMs: number;
  /** The weight of an entity key in this window (rare keys weigh more). */
  entityWeight: (key: string) => number;
}

// An item's most distinctive names and numbers are enough to find its story: the same event
// told elsewhere shares several of them.
const KEYS_PER_ITEM = 16;
// A key carried by more units than this within the time window is too common to point at one
// story (and its weight is low anyway): it is not followed.
const MAX_POSTINGS = 200;
// How many of the best-sharing units are compared in full with each item.
const CANDIDATES_PER_ITEM = 12;

/**
 * Pairs (new item, story or other new item) worth comparing in full: those sharing the item's
 * rarest entity keys within the time window, the best few by weighted shared keys. A story that
 * shares no entity with an item scores 0 against it (entity overlap is a factor of the score),
 * so nothing is missed by not comparing it; capping by rarity and count keeps a cold poll of
 * 20 000 items near linear instead of comparing every item with every story.
 *
 * Units must come sorted by time. Pairs are `[i, j]` with `i < j`, each once, sorted.
 */
export function findCandidatePairs(
  units: readonly CandidateUnit[],
  opts: CandidateOptions,
): [number, number][] {
  const postings = new Map<string, number[]>();
  units.forEach((unit, index) => {
    const keys = new Set<string>();
    for (const features of unit.features) for (const key of features.entities.keys()) keys.add(key);
    for (const key of keys) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  });
  const times = units.map((unit) => unit.time);
  const pairs = new Set<number>();
  const out: [number, number][] = [];
  units.forEach((unit, index) => {
    if (!unit.isNew) return;
    const features = unit.features[0]!;
    const shared = new Map<number, number>();
    for (const [key, weight] of distinctiveKeys(features, opts.entityWeight)) {
      const list = postings.get(key)!;
      const lo = lowerBound(list, times, unit.time - opts.windowMs);
      const hi = lowerBound(list, times, unit.time + opts.windowMs + 1);
      if (hi - lo > MAX_POSTINGS) continue;
      for (let at = lo; at < hi; at++) {
        const other = list[at]!;
        if (other !== index) shared.set(other, (shared.get(other) ?? 0) + weight);
      }
    }
    const best = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES_PER_ITEM);
    for (const [other] of best) {
      const [i, j] = index < other ? [index, other] : [other, index];
      const id = i * units.length + j;
      if (pairs.has(id)) continue;
      pairs.add(id);
      out.push([i, j]);
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function distinctiveKeys(features: StoryFeatures, weightOf: (key: string) => number): [string, number][] {
  return [...features.entities]
    .map(([key, salience]): [string, number] => [key, salience * weightOf(key)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, KEYS_PER_ITEM);
}

/** First position in `list` (unit indices sorted by time) whose unit's time is ≥ `time`. */
function lowerBound(list: readonly number[], times: readonly number[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[list[mid]!]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
