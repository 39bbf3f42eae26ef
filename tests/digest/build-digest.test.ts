import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/build-digest.ts";
import type { Item, Story, Topic } from "../../src/model.ts";
import { groupItems } from "../../src/stories/group-stories.ts";
import { loadStoryItems, STORY_FIXTURES } from "../stories/load-story-fixtures.ts";
import { lookupOf, makeItem, makeStory } from "./make-stories.ts";

const TOPICS: Topic[] = [
  { id: "tiktok-deal", name: "TikTok deal", query: "tiktok (oracle OR microsoft OR walmart)" },
  { id: "chips", name: "Chips", query: "chip OR semiconductor" },
  { id: "cloud", name: "Cloud", query: "cloud" },
];
const NOW = "2020-09-15T00:00:00Z";

function polledFixtures(mark: (item: Item) => Item = (item) => item) {
  const items = loadStoryItems(STORY_FIXTURES).map(mark);
  const { stories } = groupItems(items, [], new Map(), { now: "2020-09-14T20:00:00Z" });
  return { stories, items: lookupOf(items) };
}

describe("buildDigest", () => {
  it("lists a story told by several outlets once, with all its sources, in DESIGN.md's JSON shape", () => {
    const { stories, items } = polledFixtures();
    const digest = buildDigest({ stories, items, topics: TOPICS, now: NOW });
    const ids = digest.stories.map((story) => story.id);
    expect(new Set(ids).size).toBe(ids.length);
    const oracle = digest.stories.find((story) => story.sources.length === 3)!;
    expect(oracle.sources.map((source) => source.feedTitle)).toEqual([
      "The Verge",
      "Reuters Technology",
      "Le Monde Informatique",
    ]);
    const json = JSON.parse(JSON.stringify(digest));
    for (const story of json.stories) {
      for (const field of ["id", "topics", "title", "summary", "lang", "published", "sources"]) {
        expect(story).toHaveProperty(field);
      }
      for (const source of story.sources) {
        for (const field of ["id", "title", "url", "feed", "published", "lang"])
          expect(source).toHaveProperty(field);
      }
    }
  });

  it("shows a story in two topics once, under its best-scoring topic, with both topics listed", () => {
    const { stories, items } = polledFixtures();
    const digest = buildDigest({ stories, items, topics: TOPICS, now: NOW });
    // Oracle's earnings match cloud (1.9) and, weakly, tiktok-deal (0.4).
    const earnings = digest.stories.filter((story) => story.title.startsWith("Oracle beats"));
    expect(earnings).toHaveLength(1);
    expect(earnings[0]!.topic).toBe("cloud");
    expect(earnings[0]!.topics).toEqual(["cloud", "tiktok-deal"]);
  });

  it("never includes a backlog story, even when a fresh source later joins another story", () => {
    const backlogFeeds = new Set(["https://www.cnbc.com/id/19854910/device/rss/rss.html"]);
    const { stories, items } = polledFixtures((item) => ({ ...item, backlog: backlogFeeds.has(item.feed) }));
    const digest = buildDigest({ stories, items, topics: TOPICS, now: NOW });
    const titles = digest.stories.map((story) => story.title);
    // CNBC's Oracle earnings story is all backlog; the Walmart story also has 01net's fresh item.
    expect(titles.some((title) => title.startsWith("Oracle beats"))).toBe(false);
    expect(titles.some((title) => title.startsWith("Walmart teams up"))).toBe(true);
    for (const story of digest.stories) expect(stories.find((s) => s.id === story.id)!.backlog).toBe(false);
  });

  it("keeps only stories first seen after `since`; a story that gained a source later is not listed again", () => {
    const a = makeItem("a-1");
    const b = makeItem("b-1");
    const late = makeItem("a-2", { published: "2020-09-14T15:00:00Z" });
    const old = makeStory("st-old", [a, late], {
      firstSeen: "2020-09-14T09:00:00Z",
      updatedAt: "2020-09-14T16:00:00Z",
    });
    const fresh = makeStory("st-new", [b], { firstSeen: "2020-09-14T13:00:00Z" });
    const digest = buildDigest({
      stories: [old, fresh],
      items: lookupOf([a, b, late]),
      topics: TOPICS,
      since: "2020-09-14T12:00:00Z",
      now: NOW,
    });
    expect(digest.stories.map((story) => story.id)).toEqual(["st-new"]);
    expect(digest.since).toBe("2020-09-14T12:00:00.000Z");
  });

  it("rejects a `since` that is not a date with a clear error", () => {
    expect(() =>
      buildDigest({ stories: [], items: new Map(), topics: TOPICS, since: "yesterday", now: NOW }),
    ).toThrow(/"since" is not a date: yesterday/);
  });

  it("orders each topic by score, then number of sources, then recency, then id; topics in the given order", () => {
    const item = (key: string, published = "2020-09-14T08:00:00Z") => makeItem(key, { published });
    const items = [
      item("p-1"),
      item("q-1"),
      item("q-2"),
      item("r-1", "2020-09-14T10:00:00Z"),
      item("s-1"),
      item("t-1"),
      item("u-1"),
    ];
    const deal = (score: number) => [{ topic: "tiktok-deal", score }];
    const stories: Story[] = [
      makeStory("st-e", [items[5]!], { topics: [{ topic: "chips", score: 9 }] }),
      makeStory("st-d", [items[4]!], { topics: deal(1) }),
      makeStory("st-c", [items[3]!], { topics: deal(1), published: "2020-09-14T10:00:00Z" }),
      makeStory("st-b", [items[1]!, items[2]!], { topics: deal(1) }),
      makeStory("st-a", [items[0]!], { topics: deal(2) }),
      makeStory("st-f", [items[6]!], { topics: deal(1) }),
    ];
    const digest = buildDigest({ stories, items: lookupOf(items), topics: TOPICS, now: NOW });
    // st-a scores highest; st-b has two sources; st-c is the most recent; st-d and st-f tie: by id.
    expect(digest.stories.map((story) => story.id)).toEqual(["st-a", "st-b", "st-c", "st-d", "st-f", "st-e"]);
    expect(digest.stories.map((story) => story.topic)).toEqual([...Array(5).fill("tiktok-deal"), "chips"]);
  });

  it("gives the same digest for the same inputs, whatever the order of the stories", () => {
    const { stories, items } = polledFixtures();
    const input = { stories, items, topics: TOPICS, since: "2020-09-01T00:00:00Z", now: NOW };
    const once = buildDigest(input);
    const twice = buildDigest({ ...input, stories: [...stories].reverse() });
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    expect(once.stories.length).toBeGreaterThan(0);
  });

  it("limits the digest to one topic on request, and leaves out stories matching no topic", () => {
    const { stories, items } = polledFixtures();
    const chips = buildDigest({ stories, items, topics: TOPICS, topicId: "chips", now: NOW });
    expect(chips.stories.map((story) => story.title)).toEqual([
      "Nvidia to buy chip designer Arm from SoftBank for $40 billion",
    ]);
    const all = buildDigest({ stories, items, topics: TOPICS, now: NOW });
    // The Teams update (workplace) and the TikTok feature (social-apps) match no topic here.
    expect(all.stories.some((story) => story.title.startsWith("Microsoft Teams"))).toBe(false);
    expect(all.stories.some((story) => story.title.startsWith("TikTok is testing"))).toBe(false);
  });

  it("shows a guild its own stories and global ones, never another guild's private sources", () => {
    const global = makeItem("g-1", { title: "Global outlet says Oracle wins" });
    const privateA = makeItem("a-1", { guildId: "guild-a", title: "Guild A's feed says Oracle wins" });
    const onlyA = makeItem("a-2", { guildId: "guild-a", title: "Guild A's private story" });
    const items = lookupOf([global, privateA, onlyA]);
    const mixed = makeStory("st-mixed", [privateA, global], { title: privateA.title });
    const privateStory = makeStory("st-private", [onlyA], { guildId: "guild-a" });
    const guildTopic: Topic = { id: "a-topic", name: "A's topic", query: "x", guildId: "guild-a" };
    const stories = [mixed, { ...privateStory, topics: [{ topic: "a-topic", score: 1 }] }];
    const topics = [...TOPICS, guildTopic];

    const forA = buildDigest({ stories, items, topics, guildId: "guild-a", now: NOW });
    expect(forA.stories.map((story) => story.id)).toEqual(["st-mixed", "st-private"]);
    expect(forA.stories[0]!.sources.map((source) => source.title)).toEqual([privateA.title, global.title]);

    const forB = buildDigest({ stories, items, topics, guildId: "guild-b", now: NOW });
    expect(forB.stories.map((story) => story.id)).toEqual(["st-mixed"]);
    expect(forB.stories[0]!.sources.map((source) => source.title)).toEqual([global.title]);
    expect(forB.stories[0]!.title).toBe(global.title);
    expect(JSON.stringify(forB)).not.toContain("Guild A");

    const forCli = buildDigest({ stories, items, topics, now: NOW });
    expect(JSON.stringify(forCli)).not.toContain("Guild A");
  });
});
