import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { factsFileSchema } from "../../src/config/schema.ts";
import { answerQuestion, renderAnswerText } from "../../src/facts/answer.ts";
import { curatedToFacts } from "../../src/facts/extract-facts.ts";
import type { CuratedFact } from "../../src/model.ts";
import { detectLanguage } from "../../src/text/language.ts";
import { indexOf, seedItem } from "./fixtures.ts";

const stake: CuratedFact = {
  id: "oracle-stake",
  text: "Oracle's stake in TikTok Global was set at 12.5%, with Walmart taking 7.5%.",
  source: "https://en.wikipedia.org/wiki/Restrictions_on_TikTok_in_the_United_States",
  date: "2020-09-19",
  lang: "en",
  topics: ["tiktok-deal"],
  addedAt: "2024-06-01T00:00:00Z",
};
const now = "2024-06-01T00:00:00Z";
const question = "What percentage of TikTok Global does Oracle hold?";

describe("curated facts", () => {
  it("an added curated fact is found and cited as curated, with its source", async () => {
    const index = indexOf([seedItem()]);
    expect((await answerQuestion(question, index, { now })).answer).toBeNull();
    index.add(curatedToFacts([stake]));
    const result = await answerQuestion(question, index, { now });
    expect(result.answer).toContain("12.5%");
    expect(result.citations).toEqual([
      {
        id: "oracle-stake",
        title: "Curated fact",
        url: stake.source,
        quote: stake.text,
        published: "2020-09-19",
        curated: true,
        feed: "curated",
      },
    ]);
    expect(renderAnswerText(result, "fr")).toContain(
      "1. Fait vérifié (2020-09-19) https://en.wikipedia.org/",
    );
  });

  it("a removed curated fact is gone from answers", async () => {
    const index = indexOf([seedItem()]);
    const facts = curatedToFacts([stake]);
    index.add(facts);
    expect(index.remove({ ids: facts.map((f) => f.id) })).toBe(1);
    const result = await answerQuestion(question, index, { now });
    expect(result.answer).toBeNull();
    expect(JSON.stringify(result)).not.toContain("oracle-stake");
  });

  it("a guild's curated fact stays with that guild", async () => {
    const index = indexOf([]);
    index.add(curatedToFacts([{ ...stake, guildId: "111" }]));
    expect((await answerQuestion(question, index, { now, guildId: "111" })).answer).toContain("12.5%");
    expect((await answerQuestion(question, index, { now, guildId: "222" })).answer).toBeNull();
    expect((await answerQuestion(question, index, { now })).answer).toBeNull();
  });

  it("the shipped config/facts files are valid and answerable", async () => {
    const path = fileURLToPath(new URL("../../config/facts/tiktok-deal.yaml", import.meta.url));
    const { facts } = factsFileSchema.parse(parse(readFileSync(path, "utf8")));
    const curated: CuratedFact[] = facts.map((f, i) => ({
      id: `tiktok-deal-${i}`,
      text: f.text,
      source: f.source,
      date: f.date,
      lang: f.lang ?? detectLanguage(f.text),
      topics: f.topics ?? [],
      addedAt: now,
    }));
    const index = indexOf([]);
    index.add(curatedToFacts(curated));
    expect(
      (
        await answerQuestion("How many days did the 2024 law give ByteDance to divest TikTok?", index, {
          now,
        })
      ).answer,
    ).toMatch(/270 days/);
    expect(
      (
        await answerQuestion("Quelle participation Walmart devait-il prendre dans TikTok Global ?", index, {
          now,
        })
      ).answer,
    ).toMatch(/7\.5%/);
    expect(
      (await answerQuestion("When did the Supreme Court uphold the law?", index, { now })).answer,
    ).toMatch(/17 janvier 2025/);
  });
});
