import { beforeAll, describe, expect, it, vi } from "vitest";
import { type AnswerResult, answerQuestion } from "../../src/facts/answer.ts";
import type { FactIndex } from "../../src/facts/fact-index.ts";
import { indexOf, SEED_ID, seedItem } from "./fixtures.ts";

// The seed article alone (French, 2020): its facts must be answerable in English and French,
// with the article cited, and the answer must hold the expected words, not just exist.
let index: FactIndex;
beforeAll(() => {
  index = indexOf([seedItem()]);
});

const ask = (question: string): Promise<AnswerResult> =>
  answerQuestion(question, index, { now: "2020-09-20T00:00:00Z" });

describe("questions the seed article answers", () => {
  it.each([
    ["Who was not chosen by ByteDance?", /Microsoft/],
    ["Who becomes TikTok's trusted technology partner in the US?", /Oracle/],
    ["How many days did the presidential order give?", /90 jours/],
    ["What will ByteDance not hand over?", /algorithme|code source/],
    ["Which companies had shown interest in TikTok?", /Twitter.*Netflix.*Walmart/],
    ["Who is Patrick Moorhead?", /analyste.*Moor Insights & Strategy/],
    ["Who founded Oracle?", /Larry Ellison/],
    ["Qui n'a pas été retenu par ByteDance ?", /Microsoft/],
    ["Qui devient le partenaire technologique de confiance de TikTok aux États-Unis ?", /Oracle/],
    ["Combien de jours le décret présidentiel donnait-il ?", /90 jours/],
    ["Qu'est-ce que ByteDance ne cédera pas ?", /algorithme|code source/],
    ["Quelles entreprises s'étaient montrées intéressées par TikTok ?", /Twitter.*Netflix.*Walmart/],
    ["Qui est Patrick Moorhead ?", /analyste.*Moor Insights & Strategy/],
    ["Qui est le fondateur d'Oracle ?", /Larry Ellison/],
    ["À qui appartient TikTok ?", /maison-mère de TikTok, ByteDance/],
    ["Microsoft a-t-elle été retenue ?", /Microsoft a en effet annoncé ne pas avoir été retenu/],
  ])("%s → %s", async (question, expected) => {
    const result = await ask(question);
    expect(result.answer).toMatch(expected);
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.citations[0]).toMatchObject({
      id: SEED_ID,
      url: SEED_ID,
      published: "2020-09-14T09:00:00Z",
    });
    expect(result.citations[0]!.quote.length).toBeGreaterThan(
      result.answer!.replace(/ \[[^\]]+\]/g, "").length - 1,
    );
  });

  it("replies in the asker's language whatever the article's", async () => {
    expect((await ask("Who founded Oracle?")).lang).toBe("en");
    expect((await ask("Qui est le fondateur d'Oracle ?")).lang).toBe("fr");
  });

  it("shows what a reference stands for: `Ce dernier` is Oracle", async () => {
    const result = await ask(
      "Who will become the platform's privileged technical partner for its American business?",
    );
    expect(result.answer).toContain("[Oracle]");
  });

  it("trims the quote to the clause that answers", async () => {
    const result = await ask("Who was not chosen by ByteDance?");
    expect(result.answer).not.toContain("pour racheter");
    expect(result.citations[0]!.quote).toContain("pour racheter");
  });
});

describe("questions the seed article does not answer", () => {
  it.each([
    "Who is the CEO of Netflix?",
    "Quel est le prix de l'action Oracle ?",
    "When did Apple buy Shazam?",
    "Combien d'employés a Walmart ?",
    "Who is the CEO of TikTok?",
    "When was Oracle founded?",
    "How much did Oracle pay for TikTok?",
  ])("%s → no answer, no citation", async (question) => {
    const result = await ask(question);
    expect(result.answer).toBeNull();
    expect(result.citations).toEqual([]);
    expect(result.confidence).toBeLessThan(0.4);
  });

  it.each(["Which company did ByteDance choose?", "Qui ByteDance a-t-il choisi ?"])(
    "%s → not Microsoft, which the article says was not chosen",
    async (question) => {
      expect((await ask(question)).answer ?? "").not.toMatch(/Microsoft/);
    },
  );

  it("suggests the topics of what it found instead", async () => {
    expect((await ask("Who is the CEO of Netflix?")).suggestions).toEqual(["tiktok-deal"]);
  });

  it("reads the topics to fall back on only when what it found suggests none", async () => {
    const topics = vi.fn(async () => ["a", "b", "c", "d", "e", "f"]);
    const options = { now: "2020-09-20T00:00:00Z", topics };
    await answerQuestion("Who founded Oracle?", index, options);
    await answerQuestion("Who is the CEO of Netflix?", index, options);
    expect(topics).not.toHaveBeenCalled();
    const nothing = await answerQuestion("Who is the CEO of Netflix?", indexOf([]), options);
    expect(nothing.suggestions).toEqual(["a", "b", "c", "d", "e"]);
    expect(topics).toHaveBeenCalledTimes(1);
  });
});
