import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import { feedItem, feedItems, indexOf, SEED_ID, seedItem } from "./fixtures.ts";

// Several feeds, English and French; each fact below is written in one language only.
const index = indexOf([seedItem(), ...feedItems()]);
const now = "2024-06-01T00:00:00Z";

describe("answers cross languages", () => {
  it("answers an English question from a French-only fact", async () => {
    const source = feedItem("actu-fr#irlande-amende-tiktok");
    const result = await answerQuestion("How much was TikTok fined by the Irish regulator?", index, { now });
    expect(result.answer).toMatch(/345 millions d'euros/);
    expect(result.lang).toBe("en");
    expect(result.citations.map((c) => c.id)).toEqual([source.id]);
  });

  it("answers a French question from an English-only fact", async () => {
    const source = feedItem("wire-en#tiktok-india-layoffs");
    const result = await answerQuestion("Pourquoi TikTok ferme-t-il son service en Inde ?", index, { now });
    expect(result.answer).toMatch(/because the government banned 59 Chinese apps/);
    expect(result.lang).toBe("fr");
    expect(result.citations[0]!.id).toBe(source.id);
  });

  it("reads a lexicon phrase whose first word is a stop word: `appeal` is `faire appel`", async () => {
    const result = await answerQuestion("Will TikTok appeal the decision?", index, { now });
    expect(result.answer).toMatch(/faire appel de cette décision/);
    expect(result.citations[0]!.id).toBe(feedItem("actu-fr#irlande-amende-tiktok").id);
  });

  it("finds a number in the asked unit across languages", async () => {
    const result = await answerQuestion("Combien d'employés indiens ByteDance va-t-il licencier ?", index, {
      now,
    });
    expect(result.answer).toMatch(/2,000 Indian employees/);
  });

  it("cites every outlet that gives the same answer, and is surer for it", async () => {
    const single = await answerQuestion(
      "How many days did the presidential order give?",
      indexOf([seedItem()]),
      {
        now,
      },
    );
    const result = await answerQuestion("How many days did the presidential order give ByteDance?", index, {
      now,
    });
    expect(result.answer).toMatch(/90 (?:days|jours)/);
    expect(result.citations.map((c) => c.id).sort()).toEqual(
      [SEED_ID, feedItem("wire-en#trump-order-90-days").id].sort(),
    );
    expect(result.confidence).toBeGreaterThan(single.confidence);
  });

  it("keeps the topic filter: a fact outside the topic is not used", async () => {
    const question = "How much was TikTok fined by the Irish regulator?";
    expect((await answerQuestion(question, index, { now, topic: "tiktok-privacy" })).answer).toMatch(/345/);
    expect((await answerQuestion(question, index, { now, topic: "tiktok-deal" })).answer).toBeNull();
  });
});
