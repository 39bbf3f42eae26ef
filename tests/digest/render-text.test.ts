import { describe, expect, it } from "vitest";
import { buildDigest, type Digest } from "../../src/digest/build-digest.ts";
import { describeAge, describeSources } from "../../src/digest/labels.ts";
import { renderDigestText, renderTimelineText } from "../../src/digest/render-text.ts";
import { buildTimeline } from "../../src/digest/timeline.ts";
import type { Topic } from "../../src/model.ts";
import { groupItems } from "../../src/stories/group-stories.ts";
import { loadStoryItems, STORY_FIXTURES } from "../stories/load-story-fixtures.ts";
import { lookupOf, makeItem, makeStory } from "./make-stories.ts";

const TOPICS: Topic[] = [
  { id: "tiktok-deal", name: "TikTok deal", query: "tiktok" },
  { id: "chips", name: "Chips", query: "chip" },
];
const NOW = "2020-09-14T20:00:00Z";

function fixtureDigest(): Digest {
  const items = loadStoryItems(STORY_FIXTURES);
  const { stories } = groupItems(items, [], new Map(), { now: NOW });
  return buildDigest({
    stories,
    items: lookupOf(items),
    topics: TOPICS,
    since: "2020-09-14T08:00:00Z",
    now: NOW,
  });
}

describe("renderDigestText", () => {
  const digest = fixtureDigest();
  const text = renderDigestText(digest);
  const lines = text.split("\n");

  it("opens with the number of stories and since when", () => {
    expect(lines[0]).toBe(`Newsdesk digest: ${digest.stories.length} stories since Sep 14, 2020, 08:00 UTC`);
  });

  it("heads each topic once and numbers the stories", () => {
    expect(lines.filter((line) => line === "TikTok deal")).toHaveLength(1);
    expect(lines.filter((line) => line === "Chips")).toHaveLength(1);
    expect(text).toContain(" 1. Microsoft says ByteDance will not sell TikTok's US operations to it");
    expect(text).toMatch(/^ +\d\. Nvidia to buy chip designer Arm from SoftBank for \$40 billion$/m);
  });

  it("names the sources as 'A, B +N' with how long ago the story was published, then its link", () => {
    expect(lines).toContain("    The Verge, Reuters Technology +1 · 20 hours ago");
    expect(lines).toContain("    https://www.theverge.com/2020/9/13/microsoft-tiktok-bytedance-rejected");
  });

  it("wraps summaries at 80 columns and uses no colour unless asked", () => {
    for (const line of lines.filter((l) => !l.includes("https://")))
      expect(line.length).toBeLessThanOrEqual(80);
    expect(text).not.toContain("\u001b[");
    expect(renderDigestText(digest, { color: true })).toContain("\u001b[1m");
  });

  it("says so in one friendly line when there is nothing new", () => {
    const empty: Digest = { generatedAt: NOW, since: "2020-09-14T08:00:00.000Z", stories: [] };
    expect(renderDigestText(empty)).toBe("No new stories since Sep 14, 2020, 08:00 UTC.\n");
    expect(renderDigestText({ generatedAt: NOW, stories: [] })).toBe("No new stories yet.\n");
    expect(renderDigestText({ ...empty, topic: "tiktok-deal" }, { lang: "fr" })).toBe(
      "Aucun nouveau sujet sur tiktok-deal depuis le 14 sept. 2020, 08:00 UTC.\n",
    );
  });

  it("keeps terminal escape sequences from feed text out of the output", () => {
    const item = makeItem("x-1", { title: "Evil \u001b[2Jtitle" });
    const story = makeStory("st-x", [item], {
      title: item.title,
      summary: "Clears \u001b[2J the screen. Twice.",
    });
    const out = renderDigestText(
      buildDigest({ stories: [story], items: lookupOf([item]), topics: TOPICS, now: NOW }),
    );
    expect(out).not.toContain("\u001b");
    expect(out).toContain("Evil [2Jtitle");
  });
});

describe("labels", () => {
  it.each([
    [["Le Monde Informatique", "The Verge", "Reuters", "01net"], "Le Monde Informatique, The Verge +2"],
    [["The Verge", "The Verge", "Reuters"], "The Verge, Reuters"],
    [["The Verge"], "The Verge"],
    [[], ""],
  ])("describes sources %j as %j", (names, expected) => {
    expect(describeSources(names)).toBe(expected);
  });

  it.each([
    ["2020-09-14T19:59:40Z", "en", "just now"],
    ["2020-09-14T17:00:00Z", "en", "3 hours ago"],
    ["2020-09-13T18:00:00Z", "en", "yesterday"],
    ["2020-09-11T18:00:00Z", "fr", "il y a 3 jours"],
  ] as const)("describes %s as %j before now", (time, lang, expected) => {
    expect(describeAge(time, NOW, lang)).toBe(expected);
  });
});

describe("renderTimelineText", () => {
  it("prints one dated entry per story with what happened and its sources", () => {
    const items = loadStoryItems(STORY_FIXTURES);
    const { stories } = groupItems(items, [], new Map(), { now: NOW });
    const text = renderTimelineText(buildTimeline("tiktok-deal", stories, lookupOf(items)), {
      topicName: "TikTok deal",
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Timeline: TikTok deal");
    expect(lines).toContain("Aug 27, 2020  TikTok CEO Kevin Mayer resigns after less than three months");
    expect(lines).toContain("    The Guardian Technology, Les Echos Tech-Médias");
    expect(renderTimelineText([])).toBe("No stories on this topic yet.\n");
  });
});
