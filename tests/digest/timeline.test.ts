import { describe, expect, it } from "vitest";
import { buildTimeline } from "../../src/digest/timeline.ts";
import type { Story } from "../../src/model.ts";
import { lookupOf, makeItem, makeStory } from "./make-stories.ts";

// Five steps of the TikTok deal, in the order they happened.
const STEPS = [
  ["2020-08-06T23:00:00Z", "Trump signs an order banning transactions with ByteDance within 45 days."],
  ["2020-08-14T22:00:00Z", "A second order gives ByteDance 90 days to sell TikTok's US business."],
  ["2020-08-27T17:40:00Z", "Walmart joins Microsoft's bid for TikTok's US operations."],
  ["2020-09-13T23:10:00Z", "ByteDance turns down Microsoft; Oracle becomes the technology partner."],
  ["2020-09-19T22:00:00Z", "Trump approves the Oracle and Walmart deal in principle."],
] as const;

function timelineStories(): { stories: Story[]; items: ReturnType<typeof lookupOf> } {
  const items = STEPS.map(([published], i) => makeItem(`step${i}-1`, { published }));
  const stories = STEPS.map(([published, what], i) =>
    makeStory(`st-${"edcba"[i]}`, [items[i]!], {
      published,
      summary: `${what} More details followed later.`,
    }),
  );
  return { stories, items: lookupOf(items) };
}

describe("buildTimeline", () => {
  it("lists five dated stories in date order, each with the sentence that says what happened", () => {
    const { stories, items } = timelineStories();
    const shuffled = [stories[3]!, stories[0]!, stories[4]!, stories[2]!, stories[1]!];
    const timeline = buildTimeline("tiktok-deal", shuffled, items);
    expect(timeline.map((entry) => entry.date)).toEqual(STEPS.map(([date]) => date));
    expect(timeline.map((entry) => entry.sentence)).toEqual(STEPS.map(([, what]) => what));
    expect(timeline[0]!.sources).toEqual(["Feed step0"]);
  });

  it("keeps only the topic's stories, and breaks a tie of dates by id", () => {
    const { stories, items } = timelineStories();
    const other = makeStory("st-z", [items.get("step0-1")!], { topics: [{ topic: "chips", score: 3 }] });
    const twin = makeStory("st-0", [items.get("step0-1")!], { published: STEPS[0][0] });
    const timeline = buildTimeline("tiktok-deal", [other, ...stories, twin], items);
    expect(timeline.map((entry) => entry.id)).toEqual(["st-0", "st-e", "st-d", "st-c", "st-b", "st-a"]);
  });

  it("includes backlog stories (history asked for) unless told not to", () => {
    const { stories, items } = timelineStories();
    const withBacklog = stories.map((story, i) => (i === 0 ? { ...story, backlog: true } : story));
    expect(buildTimeline("tiktok-deal", withBacklog, items)).toHaveLength(5);
    expect(buildTimeline("tiktok-deal", withBacklog, items, { includeBacklog: false })).toHaveLength(4);
  });

  it("falls back to the title when a story has no summary yet", () => {
    const item = makeItem("solo-1", { text: "" });
    const story = makeStory("st-solo", [item], { summary: "" });
    expect(buildTimeline("tiktok-deal", [story], lookupOf([item]))[0]!.sentence).toBe(item.title);
  });

  it("hides another guild's private stories", () => {
    const item = makeItem("priv-1", { guildId: "guild-a" });
    const story = makeStory("st-priv", [item], { guildId: "guild-a" });
    expect(buildTimeline("tiktok-deal", [story], lookupOf([item]), { guildId: "guild-b" })).toEqual([]);
    expect(buildTimeline("tiktok-deal", [story], lookupOf([item]), { guildId: "guild-a" })).toHaveLength(1);
  });
});
