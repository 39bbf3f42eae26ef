import { describe, expect, it } from "vitest";
import { type MergeUnit, mergeGroups } from "../../src/stories/merge-groups.ts";

const HOUR = 3_600_000;
const unit = (over: Partial<MergeUnit> = {}): MergeUnit => ({
  size: 1,
  first: 0,
  last: 0,
  existing: false,
  guilds: new Set(),
  ...over,
});

describe("mergeGroups", () => {
  it("merges the strongest pair first and judges a looser unit against the whole group", () => {
    // 0–1 are one event (0.6); 2 is close to 0 (0.3) but far from 1 (0.1): mean 0.2 < 0.28.
    const links: [number, number, number][] = [
      [0, 1, 0.6],
      [0, 2, 0.3],
      [1, 2, 0.1],
    ];
    const opts = { threshold: 0.28, windowMs: 72 * HOUR };
    expect(mergeGroups([unit(), unit(), unit()], links, opts)).toEqual([[0, 1], [2]]);
    expect(mergeGroups([unit(), unit(), unit()], [...links].reverse(), opts)).toEqual([[0, 1], [2]]);
  });

  it("never merges two existing stories, two guilds' private items, or beyond the window", () => {
    const opts = { threshold: 0.2, windowMs: 72 * HOUR };
    const stories = [unit({ existing: true }), unit({ existing: true })];
    expect(mergeGroups(stories, [[0, 1, 0.9]], opts)).toEqual([[0], [1]]);
    const guilds = [unit({ guilds: new Set(["g1"]) }), unit({ guilds: new Set(["g2"]) })];
    expect(mergeGroups(guilds, [[0, 1, 0.9]], opts)).toEqual([[0], [1]]);
    const apart = [unit(), unit({ first: 73 * HOUR, last: 73 * HOUR })];
    expect(mergeGroups(apart, [[0, 1, 0.9]], opts)).toEqual([[0], [1]]);
  });
});
