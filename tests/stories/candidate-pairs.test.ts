import { describe, expect, it } from "vitest";
import { createPostings, findCandidatePairs, type Postings } from "../../src/stories/candidate-pairs.ts";
import { vectorOf } from "../../src/stories/feature-vectors.ts";

const HOUR = 3_600_000;

interface TestUnit {
  index: number;
  time: number;
}

function entitiesOf(keys: readonly string[]) {
  return vectorOf({ lang: "en", terms: new Map(), entities: new Map(keys.map((key) => [key, 1])) }).entities;
}

/** Indexes the units (stories and new items alike) and returns the pairs found, by index. */
function pairsOf(units: { time: number; keys: string[]; isNew?: boolean }[], stories?: Postings<TestUnit>) {
  const postings = createPostings<TestUnit>();
  const seekers = units.map(({ time, keys, isNew }, index) => {
    const unit = { index, time };
    const entities = entitiesOf(keys);
    for (const id of entities.ids) postings.add(id, unit);
    return { unit, time, entities, isNew: isNew ?? true };
  });
  const pairs = findCandidatePairs(
    seekers.filter((s) => s.isNew),
    {
      windowMs: 72 * HOUR,
      entityWeight: () => 1,
      postings: stories ? [stories, postings] : [postings],
      order: (a, b) => a.time - b.time || a.index - b.index,
    },
  );
  return pairs.map(([a, b]) => [a.index, b.index]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
}

describe("findCandidatePairs", () => {
  it("pairs items sharing a name within the time window only", () => {
    const pairs = pairsOf([
      { time: 0, keys: ["crowdstrike", "windows"] },
      { time: HOUR, keys: ["crowdstrike"] },
      { time: 2 * HOUR, keys: ["azure"] },
      { time: 100 * HOUR, keys: ["crowdstrike"] },
    ]);
    expect(pairs).toEqual([[0, 1]]);
  });

  it("does not follow a name that too many units of the window carry", () => {
    const units = Array.from({ length: 400 }, (_, i) => ({
      time: i,
      keys: ["usa", ...(i < 2 ? ["h20"] : [])],
    }));
    expect(pairsOf(units)).toEqual([[0, 1]]);
  });

  it("counts the window's stories and the new items together against that limit", () => {
    const stories = createPostings<TestUnit>();
    const usa = entitiesOf(["usa"]).ids[0]!;
    for (let i = 0; i < 150; i++) stories.add(usa, { index: 1000 + i, time: i });
    const units = Array.from({ length: 100 }, (_, i) => ({
      time: i,
      keys: ["usa", ...(i < 2 ? ["h20"] : [])],
    }));
    expect(pairsOf(units, stories)).toEqual([[0, 1]]);
  });

  it("only compares new items with others: stories are found, never looking", () => {
    const pairs = pairsOf([
      { time: 0, keys: ["oracle"], isNew: false },
      { time: HOUR, keys: ["oracle"], isNew: false },
      { time: 2 * HOUR, keys: ["oracle"] },
    ]);
    expect(pairs).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });
});

describe("createPostings", () => {
  it("keeps each key's units in time order as they come and go", () => {
    const postings = createPostings<TestUnit>();
    const units = [5, 1, 3, 3, 9].map((time, index) => ({ index, time }));
    for (const unit of units) postings.add(7, unit);
    expect(postings.list(7)!.map((u) => u.time)).toEqual([1, 3, 3, 5, 9]);
    postings.remove(7, units[3]!);
    postings.remove(7, units[4]!);
    expect(postings.list(7)!.map((u) => u.index)).toEqual([1, 2, 0]);
    for (const unit of [units[0]!, units[1]!, units[2]!]) postings.remove(7, unit);
    expect(postings.list(7)).toBeUndefined();
  });
});
