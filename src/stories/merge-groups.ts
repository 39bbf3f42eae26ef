/** A story or a new item before merging, as the merge sees it. */
export interface MergeUnit {
  /** Number of member features: the average link divides by it. */
  size: number;
  /** Earliest and latest time (ms) of its members. */
  first: number;
  last: number;
  /** An existing story: it may absorb new items, never another story. */
  existing: boolean;
  /** Guilds whose private items it holds (global items hold none). */
  guilds: ReadonlySet<string>;
}

export interface MergeOptions {
  threshold: number;
  windowMs: number;
}

interface Group extends MergeUnit {
  guilds: Set<string>;
  members: number[];
  /** Sum of the similarities between this group's members and each neighbour's. */
  links: Map<number, number>;
  alive: boolean;
}

/**
 * Average-link clustering, best pair first. `links` gives, for candidate pairs of units, the sum
 * of similarities between their members. The two groups with the highest mean similarity merge
 * first, while it reaches the threshold, the merged group stays within the time window and no
 * two stories or two guilds' private items meet. Because the strongest links are settled
 * first, the result does not depend on the order items arrived in: a borderline report is
 * judged against the whole story it might join, not against whichever source came first.
 *
 * Returns the groups formed, as sorted lists of unit indices.
 */
export function mergeGroups(
  units: readonly MergeUnit[],
  links: readonly [number, number, number][],
  opts: MergeOptions,
): number[][] {
  const groups: Group[] = units.map((unit, index) => ({
    ...unit,
    guilds: new Set(unit.guilds),
    members: [index],
    links: new Map(),
    alive: true,
  }));
  for (const [a, b, sum] of links) {
    groups[a]!.links.set(b, sum);
    groups[b]!.links.set(a, sum);
  }
  const heap = createHeap();
  const offer = (a: number, b: number) => {
    const [i, j] = a < b ? [a, b] : [b, a];
    const mean = groups[i]!.links.get(j)! / (groups[i]!.size * groups[j]!.size);
    if (mean >= opts.threshold) heap.push({ mean, i, j, sizes: groups[i]!.size * groups[j]!.size });
  };
  for (const [a, b] of links) offer(a, b);

  for (let top = heap.pop(); top; top = heap.pop()) {
    const a = groups[top.i]!;
    const b = groups[top.j]!;
    // Stale: one side has merged since (its sizes changed) or is gone.
    if (!a.alive || !b.alive || a.size * b.size !== top.sizes) continue;
    if (!canMerge(a, b, opts.windowMs)) continue;
    const [keep, gone, keepIndex, goneIndex] = b.existing ? [b, a, top.j, top.i] : [a, b, top.i, top.j];
    absorb(groups, keep, keepIndex, gone, goneIndex);
    for (const neighbour of keep.links.keys()) offer(keepIndex, neighbour);
  }
  return groups
    .filter((group) => group.alive)
    .map((group) => group.members.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

function canMerge(a: Group, b: Group, windowMs: number): boolean {
  if (a.existing && b.existing) return false;
  if (Math.max(a.last, b.last) - Math.min(a.first, b.first) > windowMs) return false;
  const guilds = new Set([...a.guilds, ...b.guilds]);
  return guilds.size <= 1;
}

function absorb(groups: Group[], keep: Group, keepIndex: number, gone: Group, goneIndex: number): void {
  keep.links.delete(goneIndex);
  for (const [neighbour, sum] of gone.links) {
    if (neighbour === keepIndex) continue;
    keep.links.set(neighbour, (keep.links.get(neighbour) ?? 0) + sum);
    const other = groups[neighbour]!.links;
    other.set(keepIndex, (other.get(keepIndex) ?? 0) + sum);
    other.delete(goneIndex);
  }
  keep.members.push(...gone.members);
  keep.size += gone.size;
  keep.first = Math.min(keep.first, gone.first);
  keep.last = Math.max(keep.last, gone.last);
  keep.existing ||= gone.existing;
  for (const guild of gone.guilds) keep.guilds.add(guild);
  gone.alive = false;
  gone.links.clear();
}

interface Entry {
  mean: number;
  i: number;
  j: number;
  sizes: number;
}

/** Highest mean first; ties by unit indices, so equal links merge in a fixed order. */
function before(x: Entry, y: Entry): boolean {
  return x.mean > y.mean || (x.mean === y.mean && (x.i < y.i || (x.i === y.i && x.j < y.j)));
}

function createHeap() {
  const items: Entry[] = [];
  return {
    push(entry: Entry): void {
      items.push(entry);
      let at = items.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!before(items[at]!, items[parent]!)) break;
        [items[at], items[parent]] = [items[parent]!, items[at]!];
        at = parent;
      }
    },
    pop(): Entry | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last) {
        items[0] = last;
        let at = 0;
        for (;;) {
          const left = 2 * at + 1;
          const right = left + 1;
          let best = at;
          if (left < items.length && before(items[left]!, items[best]!)) best = left;
          if (right < items.length && before(items[right]!, items[best]!)) best = right;
          if (best === at) break;
          [items[at], items[best]] = [items[best]!, items[at]!];
          at = best;
        }
      }
      return top;
    },
  };
}
