import { describe, expect, it } from "vitest";
import { explainItem, explainMatch, testQuery } from "../../src/topics/explain.ts";
import { QueryError } from "../../src/topics/query.ts";
import { loadDefaultTopics, loadLabelledItems } from "./fixture-items.ts";

const topic = {
  id: "tiktok-oracle",
  name: "TikTok and Oracle",
  query: "(tiktok OR bytedance) (oracle OR deal) -trend",
};
const oracleItem = { id: "a", title: "Oracle wins TikTok deal", text: "Oracle will host TikTok's data." };
const featureItem = { id: "b", title: "TikTok launches a feature", text: "Users can follow creators." };
const trendItem = { id: "c", title: "TikTok trend", text: "A dance trend and a deal for creators." };

describe("explainMatch (why ITEM_ID)", () => {
  it("gives the matched terms, as data and as a sentence", () => {
    const explanation = explainMatch(topic, oracleItem);
    expect(explanation).toMatchObject({
      topic: "tiktok-oracle",
      matched: true,
      matchedTerms: ["tiktok", "oracle", "deal"],
      missing: [],
    });
    expect(explanation.sentence).toBe(
      'Matches "TikTok and Oracle" (tiktok-oracle) on: tiktok, oracle, deal.',
    );
  });

  it("says what was missing for a non-match", () => {
    const explanation = explainMatch(topic, featureItem);
    expect(explanation).toMatchObject({ matched: false, score: 0, missing: ["needs one of: oracle, deal"] });
    expect(explanation.sentence).toBe(
      'Does not match "TikTok and Oracle" (tiktok-oracle): needs one of: oracle, deal.',
    );
  });

  it("says which excluded term ruled an item out", () => {
    expect(explainMatch(topic, trendItem).missing).toEqual(["excluded by: trend"]);
  });

  it("writes the sentence in French when asked", () => {
    expect(explainMatch(topic, featureItem, { lang: "fr" }).sentence).toBe(
      "Ne correspond pas à « TikTok and Oracle » (tiktok-oracle) : il faut l'un de : oracle, deal.",
    );
    expect(explainMatch(topic, oracleItem, { lang: "fr" }).sentence).toBe(
      "Correspond à « TikTok and Oracle » (tiktok-oracle) grâce à : tiktok, oracle, deal.",
    );
  });

  it("explains every default topic for one item", () => {
    const item = loadLabelledItems().find((i) => i.id === "marketing-holiday-sales-en")!;
    const explanations = explainItem(loadDefaultTopics(), item);
    expect(explanations.map((e) => e.topic)).toEqual(["tiktok-deal", "ai-regulation", "chip-exports"]);
    const deal = explanations[0]!;
    expect(deal.matched).toBe(false);
    expect(deal.matchedTerms).toEqual(expect.arrayContaining(["lead:tiktok", "deal", "sale"]));
    expect(deal.missing[0]).toMatch(/^needs one of: divest\*, cession, "executive order", décret; or else /);
    expect(deal.missing[0]).toContain("needs one of: lead:oracle, lead:microsoft, lead:walmart");
  });
});

describe("testQuery (topics test --query Q)", () => {
  it("lists the matching items best first, with their matched terms", () => {
    const inBody = {
      id: "d",
      title: "Markets",
      text: "Calm day. Nothing new. Later: an Oracle and TikTok deal.",
    };
    const result = testQuery("tiktok (oracle OR deal)", [featureItem, inBody, oracleItem, trendItem]);
    expect(result.query).toBe("tiktok (oracle OR deal)");
    expect(result.checked).toBe(4);
    expect(result.matches.map((m) => m.id).sort()).toEqual(["a", "c", "d"]);
    const scores = result.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(result.matches[0]).toEqual({
      id: "a",
      title: "Oracle wins TikTok deal",
      score: expect.any(Number),
      matchedTerms: ["tiktok", "oracle", "deal"],
    });
    expect(scores[0]).toBeGreaterThan(scores[1]!);
  });

  it("shows how the query was read", () => {
    expect(testQuery("tiktok oracle OR microsoft", []).query).toBe("tiktok (oracle OR microsoft)");
  });

  it("finds exactly the deal stories of the fixture set with the default query", () => {
    const items = loadLabelledItems();
    const query = loadDefaultTopics()[0]!.query;
    const matched = testQuery(query, items).matches.map((m) => m.id);
    expect(matched.sort()).toEqual(
      items
        .filter((i) => i.expected === "match")
        .map((i) => i.id)
        .sort(),
    );
  });

  it("rejects a bad query with its position", () => {
    expect(() => testQuery('tiktok "oracle', [oracleItem])).toThrow(new QueryError("Unclosed quote", 7));
  });
});
