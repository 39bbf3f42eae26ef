import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import { feedItem, feedItems, indexOf, seedItem } from "./fixtures.ts";

// The Acme item comes from a feed only guild A added (DESIGN.md, Scope). The CLI and console
// ask without a guild and so see global facts only.
const GUILD_A = "111111111111111111";
const GUILD_B = "222222222222222222";
const index = indexOf([seedItem(), ...feedItems()]);
const acme = feedItem("acme-blog#new-chief-executive");
const now = "2024-06-01T00:00:00Z";
const questions = [
  "Who is the chief executive of Acme Robotics?",
  "Qui dirige Acme Robotics ?",
  "Who did Acme Robotics appoint?",
];

describe("scope of guild-private facts", () => {
  it.each(questions)("guild A, who added the feed, gets the answer: %s", async (question) => {
    const result = await answerQuestion(question, index, { guildId: GUILD_A, now });
    expect(result.answer).toContain("Jane Doe");
    expect(result.citations[0]!.id).toBe(acme.id);
  });

  it.each(questions)("guild B never sees it: %s", async (question) => {
    const result = await answerQuestion(question, index, { guildId: GUILD_B, now });
    expect(result.answer).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/acme\.example|Jane Doe/);
  });

  it.each(questions)("a global ask (CLI) never sees it: %s", async (question) => {
    const result = await answerQuestion(question, index, { now });
    expect(result.answer).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/acme\.example|Jane Doe/);
  });

  it("guild A still sees global facts", async () => {
    const result = await answerQuestion("Who founded Oracle?", index, { guildId: GUILD_A, now });
    expect(result.answer).toContain("Larry Ellison");
  });

  it("the index search itself filters by scope", async () => {
    const keys = [
      { key: "acm", weight: 1 },
      { key: "acme", weight: 1 },
      { key: "robot", weight: 1 },
    ];
    expect(index.search(keys, { guildId: GUILD_B }).some((h) => h.fact.itemKey === acme.key)).toBe(false);
    expect(index.search(keys, {}).some((h) => h.fact.itemKey === acme.key)).toBe(false);
    expect(index.search(keys, { guildId: GUILD_A }).some((h) => h.fact.itemKey === acme.key)).toBe(true);
  });
});
