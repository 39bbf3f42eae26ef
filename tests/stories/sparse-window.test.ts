import { describe, expect, it } from "vitest";
import type { Item, Story } from "../../src/model.ts";
import { groupItems } from "../../src/stories/group-stories.ts";
import { loadStoryItems, loadStorySet, type StorySetName } from "./load-story-fixtures.ts";

// As on a fresh install: each test's window holds only the items it names, no other stories.
const NOW = "2030-01-01T00:00:00Z";

/** The groups formed, as sorted lists of item keys, in a stable order. */
function groupsOf(assignments: ReadonlyMap<string, string>): string[][] {
  const byStory = new Map<string, string[]>();
  for (const [key, id] of assignments) byStory.set(id, [...(byStory.get(id) ?? []), key]);
  return normalise([...byStory.values()]);
}

function normalise(groups: string[][]): string[][] {
  return groups.map((keys) => [...keys].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function expectedGroups(items: readonly Item[], eventOf: ReadonlyMap<string, string>): string[][] {
  const byEvent = new Map<string, string[]>();
  for (const item of items) {
    const event = eventOf.get(item.key)!;
    byEvent.set(event, [...(byEvent.get(event) ?? []), item.key]);
  }
  return normalise([...byEvent.values()]);
}

/** Groups the items arriving in the given polls, each poll seeing the stories of the ones before. */
function pollInBatches(batches: readonly Item[][]): Map<string, string> {
  const lookup = new Map(batches.flat().map((item) => [item.key, item]));
  let stories: Story[] = [];
  const assignments = new Map<string, string>();
  for (const batch of batches) {
    const result = groupItems(batch, stories, lookup, { now: NOW });
    stories = [...stories.filter((s) => !result.stories.some((r) => r.id === s.id)), ...result.stories];
    for (const [key, id] of result.assignments) assignments.set(key, id);
  }
  return assignments;
}

/** The arrival orders tested: one poll, one item per poll forward and backward, a shuffle. */
function arrivalOrders(items: readonly Item[]): [string, Item[][]][] {
  const sorted = [...items].sort((a, b) => a.published!.localeCompare(b.published!));
  const shuffled = sorted.map((item, i) => ({ item, rank: (i * 7 + 3) % sorted.length }));
  shuffled.sort((a, b) => a.rank - b.rank);
  return [
    ["all in one poll", [[...items].reverse()]],
    ["one per poll, oldest first", sorted.map((item) => [item])],
    ["one per poll, newest first", [...sorted].reverse().map((item) => [item])],
    ["two polls, shuffled", [shuffled.slice(0, 2).map((s) => s.item), shuffled.slice(2).map((s) => s.item)]],
  ];
}

/** The TikTok fixtures of late August moved to the eve of the Oracle news: the same day. */
function sameDayAsOracle(item: Item): Item {
  const published = new Date(Date.parse(item.published!) + 17 * 86_400_000).toISOString();
  return { ...item, published, fetchedAt: published };
}

describe("grouping with only a few stories in the window", () => {
  it("groups one event told by three outlets (two English, one French) into one story with three sources", () => {
    const items = loadStoryItems(["oracle-verge.en", "oracle-reuters.en", "oracle-lmi.fr"]);
    const { stories } = groupItems(items, [], new Map(), { now: NOW });
    expect(stories.map((story) => story.items)).toEqual([items.map((item) => item.key)]);
  });

  it("keeps 'Oracle chosen as TikTok's partner' apart from 'Walmart joins Microsoft's bid' on the same day", () => {
    const [oracle] = loadStoryItems(["oracle-reuters.en"]);
    const [walmart] = loadStoryItems(["walmart-cnbc.en"]).map(sameDayAsOracle);
    expect(walmart!.published!.slice(0, 10)).toBe("2020-09-13");
    const { stories } = groupItems([oracle!, walmart!], [], new Map(), { now: NOW });
    expect(stories).toHaveLength(2);
  });

  it("keeps both same-day TikTok-deal events apart, each with all its outlets, when only they are in the window", () => {
    const oracle = loadStoryItems(["oracle-verge.en", "oracle-reuters.en", "oracle-lmi.fr"]);
    const walmart = loadStoryItems(["walmart-cnbc.en", "walmart-01net.fr"]).map(sameDayAsOracle);
    const items = [...oracle, ...walmart];
    const expected = normalise([oracle.map((item) => item.key), walmart.map((item) => item.key)]);
    for (const batches of [[items], [...items].sort(byTime).map((item) => [item])])
      expect(groupsOf(pollInBatches(batches))).toEqual(expected);
  });

  it("keeps a CEO's resignation apart from a bid reported the same day about the same companies", () => {
    const items = loadStoryItems([
      "walmart-cnbc.en",
      "walmart-01net.fr",
      "mayer-guardian.en",
      "mayer-lesechos.fr",
    ]);
    const [walmartEn, walmartFr, mayerEn, mayerFr] = items.map((item) => item.key);
    const expected = normalise([
      [walmartEn!, walmartFr!],
      [mayerEn!, mayerFr!],
    ]);
    for (const [order, batches] of arrivalOrders(items))
      expect(groupsOf(pollInBatches(batches)), order).toEqual(expected);
  });

  it("adds an item arriving in a later poll to the story of the earlier ones", () => {
    const [verge, reuters, lmi] = loadStoryItems(["oracle-verge.en", "oracle-reuters.en", "oracle-lmi.fr"]);
    const first = groupItems([verge!, reuters!], [], new Map(), { now: "2020-09-14T03:00:00Z" });
    expect(first.stories).toHaveLength(1);
    const lookup = new Map([verge!, reuters!].map((item) => [item.key, item]));
    const later = groupItems([lmi!], first.stories, lookup, { now: "2020-09-14T08:00:00Z" });
    expect(later.assignments.get(lmi!.key)).toBe(first.stories[0]!.id);
    expect(later.stories[0]!.items).toEqual([verge!.key, reuters!.key, lmi!.key]);
  });
});

describe.each([
  ["nvidia-2025", "H20 export licence vs US AI factories"],
  ["ai-act-2025", "Meta refuses the AI code vs the Commission's AI Act guidelines"],
] as [StorySetName, string][])("the %s fixtures (%s)", (set) => {
  const { items, eventOf } = loadStorySet(set);

  it("form one story per event, in every arrival order", () => {
    const expected = expectedGroups(items, eventOf);
    expect(expected.length).toBe(2);
    for (const [order, batches] of arrivalOrders(items))
      expect(groupsOf(pollInBatches(batches)), order).toEqual(expected);
  });

  it("form one story per event with only one pair of outlets from each event in the window", () => {
    const events = [...new Set(eventOf.values())];
    const pairs = events.map((event) => items.filter((item) => eventOf.get(item.key) === event).slice(0, 2));
    const window = pairs.flat();
    expect(groupsOf(pollInBatches([window]))).toEqual(expectedGroups(window, eventOf));
  });
});

describe("the crowdstrike-2024 fixtures (a Windows outage vs an Azure outage the same night)", () => {
  const { items, eventOf } = loadStorySet("crowdstrike-2024");

  it("never put the Azure outage and the CrowdStrike outage in one story, whatever the order", () => {
    for (const [order, batches] of arrivalOrders(items)) {
      const assignments = pollInBatches(batches);
      for (const a of items)
        for (const b of items)
          if (eventOf.get(a.key) !== eventOf.get(b.key))
            expect(assignments.get(a.key), `${order}: ${a.key} / ${b.key}`).not.toBe(assignments.get(b.key));
    }
  });

  it("group the Azure outage told in English and in French, and the CrowdStrike outage told by The Verge and Le Monde Informatique", () => {
    const assignments = pollInBatches([items]);
    const story = (key: string) => assignments.get(items.find((item) => item.key.startsWith(key))!.key);
    expect(story("register#")).toBe(story("zdnet#"));
    expect(story("verge#")).toBe(story("lmi#"));
  });
});

function byTime(a: Item, b: Item): number {
  return a.published!.localeCompare(b.published!);
}
