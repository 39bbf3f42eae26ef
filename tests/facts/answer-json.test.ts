import { beforeAll, describe, expect, it } from "vitest";
import { type AnswerResult, answerQuestion, renderAnswerText } from "../../src/facts/answer.ts";
import { indexOf, SEED_ID, seedItem } from "./fixtures.ts";

const index = indexOf([seedItem()]);
const now = "2020-09-20T00:00:00Z";

describe("the ask result", () => {
  it("follows DESIGN.md's ask JSON shape", async () => {
    const result = JSON.parse(JSON.stringify(await answerQuestion("Who founded Oracle?", index, { now })));
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["question", "answer", "confidence", "citations"]),
    );
    expect(result.question).toBe("Who founded Oracle?");
    expect(typeof result.answer).toBe("string");
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.citations.length).toBeGreaterThan(0);
    expect(result.citations.length).toBeLessThanOrEqual(3);
    for (const citation of result.citations) {
      expect(Object.keys(citation)).toEqual(
        expect.arrayContaining(["id", "title", "url", "quote", "published"]),
      );
    }
  });

  it("has a null answer and no citations when it does not know", async () => {
    const result = JSON.parse(
      JSON.stringify(await answerQuestion("When did Apple buy Shazam?", index, { now })),
    );
    expect(result).toMatchObject({ question: "When did Apple buy Shazam?", answer: null, citations: [] });
  });

  it("replies in the language asked for, whatever the question's", async () => {
    expect((await answerQuestion("Who founded Oracle?", index, { now, lang: "fr" })).lang).toBe("fr");
  });
});

describe("rendering the reply", () => {
  let answered: AnswerResult;
  beforeAll(async () => {
    answered = await answerQuestion("Who founded Oracle?", index, { now });
  });

  it("frames an answer in English with numbered sources", async () => {
    const text = renderAnswerText(answered, "en");
    expect(text).toMatch(/^Answer: “.*Larry Ellison.*”\nSources:\n1\. Le transfert .* \(2020-09-14\) /s);
    expect(text).toContain(SEED_ID);
  });

  it("frames the same answer in French; the quote stays as written", async () => {
    const text = renderAnswerText(answered, "fr");
    expect(text).toMatch(/^Réponse : « .*Larry Ellison.* »\nSources :\n1\. /s);
  });

  it("says plainly it does not know, and which topics it follows", async () => {
    const unknown: AnswerResult = { ...answered, answer: null, citations: [], suggestions: ["tiktok-deal"] };
    expect(renderAnswerText(unknown, "en")).toBe(
      "I don't know — nothing in what I've read answers that. Topics I follow: tiktok-deal.",
    );
    expect(renderAnswerText({ ...unknown, suggestions: [] }, "fr", ["tiktok-deal", "ai-act"])).toBe(
      "Je ne sais pas — rien de ce que j'ai lu ne répond à cette question. Sujets que je suis : tiktok-deal, ai-act.",
    );
  });
});
