import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/corpus.ts";
import type { Item, Story } from "../../src/model.ts";
import { itemVector, keyOfId, vocabularySize } from "../../src/stories/feature-vectors.ts";
import {
  assembleStories,
  createStoryGrouper,
  type GroupResult,
  type KeptItem,
  keepForGrouping,
} from "../../src/stories/group-stories.ts";
import { createStoryWindow, type StoryWindow } from "../../src/stories/story-window.ts";

const HOUR = 3_600_000;

/** A small generated corpus as stored items, oldest first, a third of them French. */
function corpusItems(): Item[] {
  const corpus = generateCorpus({
    seed: 11,
    feeds: 6,
    itemsPerFeed: 24,
    topics: 1,
    matchTopics: 0,
    questions: 0,
  });
  const items = corpus.feeds.flatMap((feed) =>
    feed.items.map(
      (it): Item => ({
        id: it.guid,
        key: `${feed.path}#${it.guid}`,
        feed: feed.path,
        title: it.title,
        link: it.link,
        published: it.published,
        categories: [],
        text: it.text,
        fullText: false,
        lang: it.lang,
        backlog: false,
        fetchedAt: it.published,
        topics: [],
      }),
    ),
  );
  return items.sort((a, b) => a.published!.localeCompare(b.published!) || (a.key < b.key ? -1 : 1));
}

interface Poll {
  result: GroupResult;
  stories: Story[];
}

/**
 * Polls the items in batches, as the pipeline does: each poll sees the stories first seen in the
 * last `recentHours` and, for every third poll, only half of the stored items (the others are
 * missing from the lookup, so their stories are judged by their signatures).
 */
function pollAll(
  items: readonly Item[],
  groupWith: () => ReturnType<typeof createStoryGrouper>,
  /** Group against the stored items as a poll keeps them, then assemble from the full ones. */
  withoutText = false,
): Poll[] {
  const kept = new Map<string, KeptItem>();
  const stored = new Map<string, Item>();
  const stories = new Map<string, Story>();
  const polls: Poll[] = [];
  for (let at = 0, poll = 0; at < items.length; at += 20, poll++) {
    const batch = items.slice(at, at + 20);
    const now = batch[batch.length - 1]!.published!;
    const since = Date.parse(now) - 96 * HOUR;
    const recent = [...stories.values()].filter((story) => Date.parse(story.firstSeen) >= since);
    const lookup = poll % 3 === 2 ? new Map([...stored].filter((_, i) => i % 2 === 0)) : new Map(stored);
    const opts = { now, windowHours: 48 };
    const result = withoutText
      ? assembleStories(
          groupWith().planStories(
            batch,
            recent,
            new Map([...lookup.keys()].map((k) => [k, kept.get(k)!])),
            opts,
          ),
          lookup,
        )
      : groupWith().groupItems(batch, recent, lookup, opts);
    for (const item of batch) kept.set(item.key, keepForGrouping(item));
    for (const story of result.stories) stories.set(story.id, story);
    for (const item of batch) stored.set(item.key, item);
    polls.push({ result, stories: result.stories });
  }
  return polls;
}

describe("a grouper that keeps its window between polls", () => {
  it("forms the same stories as a fresh grouper at every poll", () => {
    const items = corpusItems();
    const kept = createStoryGrouper();
    const warm = pollAll(items, () => kept);
    const cold = pollAll(items, () => createStoryGrouper());
    expect(warm.length).toBeGreaterThan(5);
    expect(warm.some((poll) => poll.stories.some((story) => story.items.length > 2))).toBe(true);
    for (const [i, poll] of warm.entries()) {
      expect(poll.stories, `poll ${i}`).toEqual(cold[i]!.stories);
      expect([...poll.result.assignments].sort(), `poll ${i}`).toEqual(
        [...cold[i]!.result.assignments].sort(),
      );
    }
  });
});

describe("items kept for grouping", () => {
  it("are grouped by the features of their full text: the same stories as with the full items", () => {
    const items = corpusItems();
    const kept = keepForGrouping(items[0]!);
    expect(kept).not.toHaveProperty("text");
    expect(kept).not.toHaveProperty("title");
    expect(itemVector(kept)).toBe(itemVector(items[0]!));
    const shared = createStoryGrouper();
    const light = pollAll(items, () => shared, true);
    const full = pollAll(items, () => createStoryGrouper());
    expect(light.some((poll) => poll.stories.some((story) => story.items.length > 2))).toBe(true);
    for (const [i, poll] of light.entries()) {
      expect(poll.stories, `poll ${i}`).toEqual(full[i]!.stories);
      expect([...poll.result.assignments].sort(), `poll ${i}`).toEqual(
        [...full[i]!.result.assignments].sort(),
      );
    }
  });
});

/** What a window holds, in plain terms: each entity's count and the stories filed under it. */
function contentsOf(window: StoryWindow): Map<string, { count: number; stories: string[] }> {
  const out = new Map<string, { count: number; stories: string[] }>();
  for (let id = 0; id < vocabularySize(); id++) {
    const count = window.counts.entityCount(id);
    const stories = (window.postings.list(id) ?? []).map((unit) => unit.key).sort();
    if (count !== 0 || stories.length > 0) out.set(keyOfId(id), { count, stories });
  }
  return out;
}

describe("the story window", () => {
  const items = corpusItems().slice(0, 60);
  const lookup = new Map(items.map((item) => [item.key, item]));
  const storyOf = (id: string, members: readonly Item[]): Story => ({
    id,
    items: members.map((item) => item.key),
    firstSeen: members[0]!.published!,
    published: members[0]!.published!,
    updatedAt: members[0]!.published!,
    topics: [],
    title: members[0]!.title,
    lang: members[0]!.lang,
    summary: "",
    backlog: false,
    signature: { entities: ["oracle"], terms: ["acquir"], weights: [1] },
  });

  it("holds exactly the stories of its last update, however it got there", () => {
    const a = storyOf("a", items.slice(0, 3));
    const b = storyOf("b", items.slice(3, 5));
    const c = storyOf("c", items.slice(5, 6));
    const grown = storyOf("b", items.slice(3, 8));
    const window = createStoryWindow();
    window.update([a, b, c], lookup);
    window.update([grown, c], lookup);
    window.update([grown, c, storyOf("d", items.slice(10, 12))], new Map([...lookup].slice(0, 11)));
    const fresh = createStoryWindow();
    fresh.update([grown, c, storyOf("d", items.slice(10, 12))], new Map([...lookup].slice(0, 11)));
    expect(contentsOf(window)).toEqual(contentsOf(fresh));
    expect(window.counts.documents).toBe(3);
    expect(contentsOf(window).get("oracle")?.stories ?? []).toContain("d");
  });

  it("keeps a story's unit while its sources are the same, and updates it in place when one changed", () => {
    const window = createStoryWindow();
    const story = storyOf("a", items.slice(0, 2));
    const [first] = window.update([story], lookup);
    const vectors = first!.vectors;
    const [again] = window.update([{ ...story }], new Map(lookup));
    expect(again).toBe(first);
    expect(again!.vectors).toBe(vectors);
    const later = { ...items[1]!, published: "2031-01-01T00:00:00.000Z" };
    const [moved] = window.update([story], new Map(lookup).set(later.key, later));
    // The window keeps what merging needs of a source, not the item (nor its text).
    expect(moved!.sources[1]).toEqual({ fetchedAt: later.fetchedAt, published: later.published });
    const edited = { ...items[1]!, text: `${items[1]!.text}\n\nA late correction names Larry Ellison.` };
    const [rebuilt] = window.update([story], new Map(lookup).set(edited.key, edited));
    expect(rebuilt!.vectors).not.toBe(vectors);
    expect(contentsOf(window).get("larryellison")?.stories).toEqual(["a"]);
    const fresh = createStoryWindow();
    fresh.update([story], new Map(lookup).set(edited.key, edited));
    expect(contentsOf(window)).toEqual(contentsOf(fresh));
  });
});
