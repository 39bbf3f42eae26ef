import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Item, Story } from "../../src/model.ts";
import { storyIdFor } from "../../src/stories/build-story.ts";
import { groupItems } from "../../src/stories/group-stories.ts";
import { loadStoryItem, loadStoryItems, type StoryFixtureName } from "./load-story-fixtures.ts";

const ORACLE_OUTLETS = ["oracle-verge.en", "oracle-reuters.en", "oracle-lmi.fr"] as const;
// Same week as the Oracle story: a chip deal, Oracle's earnings, a Teams update, a TikTok feature.
const DISTRACTORS = ["nvidia-arm.en", "oracle-earnings.en", "teams-lmi.fr", "tiktok-feature.en"] as const;
const NOW = "2020-09-14T20:00:00Z";

function keysOf(names: readonly StoryFixtureName[]): string[] {
  return names.map((name) => loadStoryItem(name).key);
}

/** The groups formed, as sorted lists of item keys, in a stable order. */
function groupsOf(assignments: Map<string, string>): string[][] {
  const byStory = new Map<string, string[]>();
  for (const [key, id] of assignments) byStory.set(id, [...(byStory.get(id) ?? []), key]);
  return normalise([...byStory.values()]);
}

function normalise(groups: string[][]): string[][] {
  return groups.map((keys) => [...keys].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function lookupOf(...lists: Item[][]): Map<string, Item> {
  return new Map(lists.flat().map((item) => [item.key, item]));
}

describe("groupItems", () => {
  it("groups one event told by three outlets (two English, one French) into one story with three sources", () => {
    const items = loadStoryItems([...ORACLE_OUTLETS, ...DISTRACTORS]);
    const { stories } = groupItems(items, [], new Map(), { now: NOW });
    const oracle = stories.filter((story) => story.items.length > 1);
    expect(oracle).toHaveLength(1);
    // Sources in the order they were published: The Verge, Reuters, Le Monde Informatique.
    expect(oracle[0]!.items).toEqual(keysOf(ORACLE_OUTLETS));
    expect(stories).toHaveLength(1 + DISTRACTORS.length);
  });

  it("keeps unrelated stories alone, even those naming the same companies in the same week", () => {
    const items = loadStoryItems([...ORACLE_OUTLETS, ...DISTRACTORS]);
    const { assignments } = groupItems(items, [], new Map(), { now: NOW });
    for (const key of keysOf(DISTRACTORS)) {
      const sharing = [...assignments].filter(([, id]) => id === assignments.get(key));
      expect(sharing.map(([k]) => k)).toEqual([key]);
    }
  });

  it("keeps two different TikTok-deal events of the same day apart, each with its English and French sources", () => {
    const names = ["walmart-cnbc.en", "walmart-01net.fr", "mayer-guardian.en", "mayer-lesechos.fr"] as const;
    const items = loadStoryItems(names);
    const days = new Set(items.map((item) => item.published!.slice(0, 10)));
    expect([...days]).toEqual(["2020-08-27"]);
    const { assignments } = groupItems(items, [], new Map(), { now: "2020-08-28T00:00:00Z" });
    const [walmartEn, walmartFr, mayerEn, mayerFr] = items.map((item) => item.key);
    expect(groupsOf(assignments)).toEqual(
      normalise([
        [walmartEn!, walmartFr!],
        [mayerEn!, mayerFr!],
      ]),
    );
  });

  it("adds items arriving in later polls to the existing story, keeping its id and first-seen time", () => {
    const first = loadStoryItems(["oracle-verge.en", ...DISTRACTORS]);
    const poll1 = groupItems(first, [], new Map(), { now: "2020-09-14T00:00:00Z" });
    const verge = first[0]!;
    const storyId = poll1.assignments.get(verge.key)!;

    const second = loadStoryItems(["oracle-reuters.en"]);
    const poll2 = groupItems(second, poll1.stories, lookupOf(first), { now: "2020-09-14T04:00:00Z" });
    expect(poll2.assignments.get(second[0]!.key)).toBe(storyId);
    expect(poll2.stories.map((story) => story.id)).toEqual([storyId]);

    const recent = [...poll1.stories.filter((story) => story.id !== storyId), ...poll2.stories];
    const third = loadStoryItems(["oracle-lmi.fr"]);
    const poll3 = groupItems(third, recent, lookupOf(first, second), { now: "2020-09-14T09:00:00Z" });
    expect(poll3.assignments.get(third[0]!.key)).toBe(storyId);
    const grown = poll3.stories[0]!;
    expect(grown.id).toBe(storyId);
    expect(grown.items).toEqual(keysOf(ORACLE_OUTLETS));
    expect(grown.firstSeen).toBe("2020-09-14T00:00:00.000Z");
    expect(grown.updatedAt).toBe("2020-09-14T09:00:00.000Z");
  });

  it("keeps 'Oracle chosen as TikTok's partner' apart from 'Walmart joins Microsoft's bid' in a busy window", () => {
    // The late-August reports (Walmart's bid, the CEO's resignation) moved to the eve of the Oracle
    // news, as if all had happened the same weekend. What is distinctive is measured against the
    // window: its other TikTok stories show which names and words every TikTok story shares.
    const moveToSeptember = (item: Item): Item => ({
      ...item,
      published: new Date(Date.parse(item.published!) + 17 * 86_400_000).toISOString(),
    });
    const walmart = loadStoryItems(["walmart-cnbc.en", "walmart-01net.fr"]).map(moveToSeptember);
    const mayer = loadStoryItems(["mayer-guardian.en", "mayer-lesechos.fr"]).map(moveToSeptember);
    const oracle = loadStoryItems(ORACLE_OUTLETS);
    const others = loadStoryItems(DISTRACTORS);
    const window = [...walmart, ...mayer, ...oracle, ...others];
    const expected = normalise([
      walmart.map((item) => item.key),
      mayer.map((item) => item.key),
      oracle.map((item) => item.key),
      ...others.map((item) => [item.key]),
    ]);
    // All in one poll, then one item per poll in time order.
    for (const batches of [[window], window.map((item) => [item])]) {
      let stories: Story[] = [];
      const assignments = new Map<string, string>();
      for (const batch of batches) {
        const result = groupItems(batch, stories, lookupOf(window), { now: NOW });
        stories = [...stories.filter((s) => !result.stories.some((r) => r.id === s.id)), ...result.stories];
        for (const [key, id] of result.assignments) assignments.set(key, id);
      }
      expect(groupsOf(assignments)).toEqual(expected);
    }
  });

  it("still recognises a story from its stored signature when its items are not at hand", () => {
    const first = loadStoryItems([
      "oracle-verge.en",
      "oracle-reuters.en",
      "nvidia-arm.en",
      "tiktok-feature.en",
    ]);
    const poll1 = groupItems(first, [], new Map(), { now: "2020-09-14T04:00:00Z" });
    const oracle = poll1.stories.find((story) => story.items.length === 2)!;
    const late = loadStoryItems(["oracle-lmi.fr", "teams-lmi.fr"]);
    const poll2 = groupItems(late, poll1.stories, new Map(), { now: "2020-09-14T12:00:00Z" });
    expect(poll2.assignments.get(late[0]!.key)).toBe(oracle.id);
    expect(poll2.assignments.get(late[1]!.key)).not.toBe(oracle.id);
    const grown = poll2.stories.find((story) => story.id === oracle.id)!;
    // Without its first sources, the story keeps the title and summary it had.
    expect(grown.title).toBe(oracle.title);
    expect(grown.summary).toBe(oracle.summary);
  });

  it("starts a new story when the same event is reported outside the time window", () => {
    const [verge, reuters] = loadStoryItems(["oracle-verge.en", "oracle-reuters.en"]);
    const weekLater = { ...reuters!, published: "2020-09-18T02:45:00Z", fetchedAt: "2020-09-18T02:45:00Z" };
    const { stories } = groupItems([verge!, weekLater], [], new Map(), { now: NOW, windowHours: 72 });
    expect(stories).toHaveLength(2);
    const wide = groupItems([verge!, weekLater], [], new Map(), { now: NOW, windowHours: 24 * 7 });
    expect(wide.stories).toHaveLength(1);
  });

  it("groups the seed article (French) with the other outlets' reports of the same event", () => {
    const seedText = readFileSync(
      new URL("../fixtures/seed/oracle-tiktok-article.fr.txt", import.meta.url),
      "utf8",
    );
    const seed: Item = {
      ...loadStoryItem("oracle-lmi.fr"),
      id: "seed",
      key: "seed#oracle-tiktok",
      feedTitle: "Seed",
      title: "Oracle, partenaire technique de TikTok aux États-Unis",
      text: seedText,
      published: "2020-09-14T12:00:00Z",
      fetchedAt: "2020-09-14T12:00:00Z",
    };
    const items = [...loadStoryItems([...ORACLE_OUTLETS, ...DISTRACTORS]), seed];
    const { assignments } = groupItems(items, [], new Map(), { now: NOW });
    expect(assignments.get(seed.key)).toBe(assignments.get(loadStoryItem("oracle-verge.en").key));
  });

  it("still groups correctly when English outlets write their headlines in Title Case", () => {
    const titleCase = (title: string) =>
      title.replace(/(^|\s)(\p{Ll})/gu, (_, space, c: string) => space + c.toUpperCase());
    const names = [...ORACLE_OUTLETS, ...DISTRACTORS, "walmart-cnbc.en", "mayer-guardian.en"] as const;
    const items = loadStoryItems(names).map((item) =>
      item.lang === "en" ? { ...item, title: titleCase(item.title) } : item,
    );
    expect(items[0]!.title).toBe("Microsoft Says ByteDance Will Not Sell TikTok's US Operations To It");
    const { stories } = groupItems(items, [], new Map(), { now: NOW });
    expect(stories.map((story) => story.items.length).sort()).toEqual([1, 1, 1, 1, 1, 1, 3]);
  });

  it("gives the same stories whatever the order of the input", () => {
    const items = loadStoryItems([...ORACLE_OUTLETS, ...DISTRACTORS, "walmart-cnbc.en", "mayer-guardian.en"]);
    const forward = groupItems(items, [], new Map(), { now: NOW });
    const backward = groupItems([...items].reverse(), [], new Map(), { now: NOW });
    expect(backward.stories).toEqual(forward.stories);
    expect([...backward.assignments].sort()).toEqual([...forward.assignments].sort());
  });

  it("leaves an item that already belongs to a story where it is", () => {
    const items = loadStoryItems(ORACLE_OUTLETS);
    const poll1 = groupItems(items, [], new Map(), { now: NOW });
    const again = groupItems(items, poll1.stories, lookupOf(items), { now: "2020-09-15T00:00:00Z" });
    expect(again.stories).toEqual([]);
    expect(new Set(again.assignments.values())).toEqual(new Set([poll1.stories[0]!.id]));
  });
});

describe("the stories groupItems builds", () => {
  const items = loadStoryItems(ORACLE_OUTLETS);
  const [verge, reuters, lmi] = items as [Item, Item, Item];

  it("derive their id from the first item, and keep first-seen, earliest published, title and language", () => {
    const { stories } = groupItems([lmi, reuters, verge], [], new Map(), { now: NOW });
    const story = stories[0]!;
    expect(story.id).toBe(storyIdFor(verge.key));
    expect(story.firstSeen).toBe("2020-09-14T20:00:00.000Z");
    expect(story.published).toBe(verge.published);
    expect(story.title).toBe(verge.title);
    expect(story.lang).toBe("en");
    expect(story.summary.length).toBeGreaterThan(0);
    expect(story.summary.length).toBeLessThanOrEqual(500);
  });

  it("carry the union of their items' topics with the best score of each", () => {
    const tagged = [
      { ...verge, topics: [{ topic: "tiktok-deal", score: 2 }] },
      {
        ...reuters,
        topics: [
          { topic: "tiktok-deal", score: 3.5 },
          { topic: "cloud", score: 1 },
        ],
      },
      { ...lmi, topics: [] },
    ];
    const story = groupItems(tagged, [], new Map(), { now: NOW }).stories[0]!;
    expect(story.topics).toEqual([
      { topic: "tiktok-deal", score: 3.5 },
      { topic: "cloud", score: 1 },
    ]);
  });

  it("are backlog only when every item is backlog", () => {
    const allBacklog = items.map((item) => ({ ...item, backlog: true }));
    expect(groupItems(allBacklog, [], new Map(), { now: NOW }).stories[0]!.backlog).toBe(true);
    const oneFresh = [{ ...verge, backlog: true }, { ...reuters, backlog: true }, lmi];
    expect(groupItems(oneFresh, [], new Map(), { now: NOW }).stories[0]!.backlog).toBe(false);
  });

  it("belong to a guild only when every source is that guild's, and never mix two guilds' private items", () => {
    const privateOnly = items.map((item) => ({ ...item, guildId: "g1" }));
    expect(groupItems(privateOnly, [], new Map(), { now: NOW }).stories[0]!.guildId).toBe("g1");

    const mixed = [{ ...verge, guildId: "g1" }, reuters, { ...lmi, guildId: "g1" }];
    const mixedStory = groupItems(mixed, [], new Map(), { now: NOW }).stories[0]!;
    expect(mixedStory.items).toHaveLength(3);
    expect(mixedStory.guildId).toBeUndefined();

    const twoGuilds = [
      { ...verge, guildId: "g1" },
      { ...reuters, guildId: "g2" },
    ];
    expect(groupItems(twoGuilds, [], new Map(), { now: NOW }).stories).toHaveLength(2);
  });

  it("record a signature of folded entities and weighted terms", () => {
    const story = groupItems(items, [], new Map(), { now: NOW }).stories[0]! satisfies Story;
    expect(story.signature.entities).toEqual(
      expect.arrayContaining(["oracle", "bytedance", "tiktok", "microsoft"]),
    );
    expect(story.signature.terms.length).toBeGreaterThan(10);
    expect(story.signature.weights).toHaveLength(story.signature.terms.length);
    for (const weight of story.signature.weights) expect(weight).toBeGreaterThan(0);
  });
});
