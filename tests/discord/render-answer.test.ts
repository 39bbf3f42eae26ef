import { describe, expect, it } from "vitest";
import { renderAnswerEmbed } from "../../src/discord/render-answer.ts";
import { safe } from "../../src/discord/reply-format.ts";
import type { AnswerResult } from "../../src/facts/answer.ts";
import { checkMessageBody } from "../discord-stand-in/message-limits.ts";

// Markdown characters everywhere: escaping doubles them, and the limits hold after escaping.
const marked = (length: number) => "*_`~|>#-[]".repeat(Math.ceil(length / 10)).slice(0, length);

const answer = (overrides: Partial<AnswerResult> = {}): AnswerResult => ({
  question: "Who founded Oracle?",
  answer: "Larry Ellison founded Oracle.",
  confidence: 0.92,
  citations: [
    {
      id: "a",
      title: "Oracle's founder",
      url: "https://news.example/a",
      quote: "Larry Ellison founded Oracle.",
      feed: "Tech Wire",
      published: "2024-01-01T00:00:00Z",
    },
  ],
  lang: "en",
  kind: "who",
  ...overrides,
});

describe("the /ask embed", () => {
  it("keeps the longest question the command takes within the title limit once escaped", () => {
    const embed = renderAnswerEmbed(answer({ question: marked(500) }), "en");
    expect(embed.title!.length).toBeLessThanOrEqual(256);
    expect(checkMessageBody({ embeds: [embed], allowed_mentions: { parse: [] } })).toBeUndefined();
  });

  it("leaves out a source's link rather than cut it when it would not fit its field", () => {
    const url = `https://news.example/${"a".repeat(1100)}`;
    const embed = renderAnswerEmbed(answer({ citations: [{ ...answer().citations[0]!, url }] }), "en");
    expect(embed.fields?.[0]?.value).toMatch(/^1\. Oracle's founder — Tech Wire/);
    expect(checkMessageBody({ embeds: [embed], allowed_mentions: { parse: [] } })).toBeUndefined();
  });
});

describe("safe", () => {
  it("fits its limit after escaping", () => {
    for (const max of [10, 100, 256]) expect(safe(marked(1000), max).length).toBeLessThanOrEqual(max);
    expect(safe("plain words", 256)).toBe("plain words");
  });
});
