import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Item } from "../../src/model.ts";
import { createExtractiveSummariser, summariseStory } from "../../src/summaries/summarise.ts";
import { detectLanguage } from "../../src/text/language.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { loadStoryItem, loadStoryItems, STORY_FIXTURES } from "../stories/load-story-fixtures.ts";

const SEED = readFileSync(new URL("../fixtures/seed/oracle-tiktok-article.fr.txt", import.meta.url), "utf8");
const SEED_TITLE = "Oracle futur partenaire technique de TikTok aux Etats-Unis";

const summariser = createExtractiveSummariser();

function sentenceCount(text: string, lang: "en" | "fr"): number {
  return splitSentences(text, lang).length;
}

describe("extractive summaries", () => {
  it("summarises the seed article in French, in 2–3 sentences and at most 500 characters, naming Oracle", () => {
    const summary = summariser.summarise({ title: SEED_TITLE, text: SEED, lang: "fr" });
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(sentenceCount(summary, "fr")).toBeGreaterThanOrEqual(2);
    expect(sentenceCount(summary, "fr")).toBeLessThanOrEqual(3);
    expect(detectLanguage(summary)).toBe("fr");
    expect(summary).toContain("Oracle");
    expect(summary.toLowerCase()).not.toContain("crédit");
    expect(summary).not.toContain("Pixabay");
    expect(summary).not.toContain("Suivez-nous");
  });

  it("quotes the article's own sentences, in the article's order", () => {
    const summary = summariser.summarise({ title: SEED_TITLE, text: SEED, lang: "fr" });
    const picked = splitSentences(summary, "fr").map((s) => s.text);
    const positions = picked.map((sentence) => SEED.indexOf(sentence));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("skips headings (no final punctuation) such as the seed's subheading", () => {
    const summary = createExtractiveSummariser({ maxSentences: 3, maxChars: 2000 }).summarise({
      title: "Après Zoom, l'infrastructure cloud d'Oracle derrière TikTok",
      text: SEED,
      lang: "fr",
    });
    expect(summary).not.toContain("Après Zoom, l'infrastructure cloud d'Oracle derrière TikTok");
  });

  it.each(STORY_FIXTURES)("summarises fixture %s within the limits, in its language", (name) => {
    const item = loadStoryItem(name);
    const summary = summariser.summarise(item);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(500);
    expect(sentenceCount(summary, item.lang)).toBeGreaterThanOrEqual(2);
    expect(sentenceCount(summary, item.lang)).toBeLessThanOrEqual(3);
    expect(detectLanguage(summary)).toBe(item.lang);
  });

  it("gives the same summary every time", () => {
    const input = { title: SEED_TITLE, text: SEED, lang: "fr" as const };
    expect(summariser.summarise(input)).toBe(createExtractiveSummariser().summarise(input));
  });

  it("returns a lone sentence as it is, cut at a word when longer than the limit", () => {
    const short = "Oracle becomes TikTok's technology partner in the United States.";
    expect(summariser.summarise({ title: "", text: short, lang: "en" })).toBe(short);
    const long = `Oracle ${"and its partners ".repeat(40)}won.`;
    const cut = summariser.summarise({ title: "", text: long, lang: "en" });
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("never quotes boilerplate even when it is the first line", () => {
    const text = [
      "By Jane Doe",
      "Sign up for our newsletter to get the best tech stories every morning.",
      "Walmart said on Thursday that it is partnering with Microsoft on a bid for TikTok's US operations.",
      "The retailer said the app's mix of shopping and advertising made it attractive to its business.",
      "Read more: the full TikTok timeline and what comes next for the app.",
      "We use cookies to give you the best experience on our website.",
    ].join("\n");
    const summary = summariser.summarise({
      title: "Walmart joins Microsoft bid for TikTok",
      text,
      lang: "en",
    });
    expect(summary).toBe(
      "Walmart said on Thursday that it is partnering with Microsoft on a bid for TikTok's US operations. " +
        "The retailer said the app's mix of shopping and advertising made it attractive to its business.",
    );
  });

  it("returns an empty summary for an empty text", () => {
    expect(summariser.summarise({ title: "Title only", text: "  ", lang: "en" })).toBe("");
  });

  it("respects a smaller length budget", () => {
    const summary = createExtractiveSummariser({ maxChars: 250 }).summarise(
      loadStoryItem("oracle-reuters.en"),
    );
    expect(summary.length).toBeLessThanOrEqual(250);
    expect(summary.length).toBeGreaterThan(0);
  });
});

describe("summariseStory", () => {
  const story = (keys: string[]) => ({ items: keys, summary: "stored summary" });

  it("summarises the first source that has a substantial text", () => {
    const snippet: Item = {
      ...loadStoryItem("oracle-verge.en"),
      key: "snippet",
      text: "Oracle wins.",
      fullText: false,
    };
    const [reuters, lmi] = loadStoryItems(["oracle-reuters.en", "oracle-lmi.fr"]);
    const items = new Map([snippet, reuters!, lmi!].map((item) => [item.key, item]));
    const summary = summariseStory(story(["snippet", reuters!.key, lmi!.key]), items);
    expect(summary).toBe(summariser.summarise(reuters!));
  });

  it("falls back to the longest text when every source is a snippet", () => {
    const base = loadStoryItem("oracle-verge.en");
    const a: Item = { ...base, key: "a", text: "Oracle wins the TikTok bid." };
    const longer = "Microsoft says its offer was turned down. Oracle wins the TikTok bid, two sources say.";
    const b: Item = { ...base, key: "b", text: longer };
    const summary = summariseStory(story(["a", "b"]), new Map([a, b].map((item) => [item.key, item])));
    expect(summary).toBe(longer);
  });

  it("keeps the stored summary when none of the story's items is at hand", () => {
    expect(summariseStory(story(["missing"]), new Map())).toBe("stored summary");
  });
});
