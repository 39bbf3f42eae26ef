import { keyOfId, type SparseVector } from "./feature-vectors.ts";

/** Units carrying each entity key (by key number), in time order. */
export interface Postings<T extends { time: number }> {
  add(id: number, unit: T): void;
  remove(id: number, unit: T): void;
  list(id: number): readonly T[] | undefined;
}

/** A new item looking for its story. */
export interface CandidateSeeker<T> {
  unit: T;
  time: number;
  /** Its entities, with their salience in the article. */
  entities: SparseVector;
}

export interface CandidateOptions<T extends { time: number }> {
  windowMs: number;
  /** The weight of an entity key in this window (rare keys weigh more). */
  entityWeight: (id: number) => number;
  /** Where units are found by key: the window's stories, the new items. */
  postings: readonly Postings<T>[];
  /** The units' fixed order (time, then key): ties between equally good candidates follow it. */
  order: (a: T, b: T) => number;
}

// An item's most distinctive names and numbers are enough to find its story: the same event
// told elsewhere shares several of them.
const KEYS_PER_ITEM = 16;
// A key carried by more units than this within the time window is too common to point at one
// story (and its weight is low anyway): it is not followed.
const MAX_POSTINGS = 200;
// How many of the best-sharing units are compared in full with each item.
const CANDIDATES_PER_ITEM = 12;

/** Posting lists kept in time order as units come and go. */
export function createPostings<T extends { time: number }>(): Postings<T> {
  const lists = new Map<number, T[]>();
  return {
    add(id, unit) {
      const list = lists.get(id);
      if (!list) lists.set(id, [unit]);
      else if (list.length === 0 || list[list.length - 1]!.time <= unit.time) list.push(unit);
      else list.splice(lowerBound(list, unit.time + 1), 0, unit);
    },
    remove(id, unit) {
      const list = lists.get(id);
      if (!list) return;
      for (let at = lowerBound(list, unit.time); at < list.length && list[at]!.time === unit.time; at++) {
        if (list[at] !== unit) continue;
        list.splice(at, 1);
        if (list.length === 0) lists.delete(id);
        return;
      }
    },
    list: (id) => lists.get(id),
  };
}

/**
 * Pairs (new item, story or other new item) worth comparing in full: those sharing the item's
 * rarest entity keys within the time window, the best few by weighted shared keys. A story that
 * shares no entity with an item scores 0 against it (entity overlap is a factor of the score),
 * so nothing is missed by not comparing it. The work depends on the new items and the few
 * units their keys lead to, not on how many stories the window holds: common keys are skipped
 * after counting their postings in the window by binary search.
 *
 * Pairs are `[a, b]` with `a` before `b` in `order`, each once.
 */
export function findCandidatePairs<T extends { time: number }>(
  seekers: readonly CandidateSeeker<T>[],
  opts: CandidateOptions<T>,
): [T, T][] {
  const seen = new Map<T, Set<T>>();
  const out: [T, T][] = [];
  const shared = new Map<T, number>();
  for (const seeker of seekers) {
    shared.clear();
    for (const [id, weight] of distinctiveKeys(seeker.entities, opts.entityWeight)) {
      const ranges: [readonly T[], number, number][] = [];
      let count = 0;
      for (const postings of opts.postings) {
        const list = postings.list(id);
        if (!list) continue;
        const lo = lowerBound(list, seeker.time - opts.windowMs);
        const hi = lowerBound(list, seeker.time + opts.windowMs + 1);
        count += hi - lo;
        ranges.push([list, lo, hi]);
      }
      if (count > MAX_POSTINGS) continue;
      for (const [list, lo, hi] of ranges)
        for (let at = lo; at < hi; at++) {
          const other = list[at]!;
          if (other !== seeker.unit) shared.set(other, (shared.get(other) ?? 0) + weight);
        }
    }
    for (const other of bestOf(shared, opts.order)) {
      const [a, b] = opts.order(seeker.unit, other) < 0 ? [seeker.unit, other] : [other, seeker.unit];
      const partners = seen.get(a) ?? new Set<T>();
      seen.set(a, partners);
      if (partners.has(b)) continue;
      partners.add(b);
      out.push([a, b]);
    }
  }
  return out;
}

/** The units sharing the most weight, best first (ties in unit order), at most a few. */
function bestOf<T>(shared: ReadonlyMap<T, number>, order: (a: T, b: T) => number): T[] {
  const units: T[] = [];
  const weights: number[] = [];
  for (const [unit, weight] of shared) {
    // Insertion into a short sorted list: most units share one key and never get in.
    let at = units.length;
    while (
      at > 0 &&
      (weights[at - 1]! < weight || (weights[at - 1] === weight && order(unit, units[at - 1]!) < 0))
    )
      at--;
    if (at >= CANDIDATES_PER_ITEM) continue;
    units.splice(at, 0, unit);
    weights.splice(at, 0, weight);
    if (units.length > CANDIDATES_PER_ITEM) {
      units.pop();
      weights.pop();
    }
  }
  return units;
}

function distinctiveKeys(entities: SparseVector, weightOf: (id: number) => number): [number, number][] {
  const scored: [number, number][] = [];
  for (let i = 0; i < entities.ids.length; i++) {
    const id = entities.ids[i]!;
    scored.push([id, entities.values[i]! * weightOf(id)]);
  }
  return scored.sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0])).slice(0, KEYS_PER_ITEM);
}

function compareKeys(a: number, b: number): number {
  const x = keyOfId(a);
  const y = keyOfId(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** First position in `list` (sorted by time) whose unit's time is ≥ `time`. */
function lowerBound(list: readonly { time: number }[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
