import { describe, expect, it } from "vitest";
import { memoiseSummariser } from "../../src/stories/memo-summariser.ts";
import type { Summariser, SummaryInput } from "../../src/summaries/summarise.ts";

function countingSummariser(): Summariser & { calls: SummaryInput[] } {
  const calls: SummaryInput[] = [];
  return {
    calls,
    summarise(input) {
      calls.push(input);
      return `${input.lang}: ${input.title} (${input.text.length})`;
    },
  };
}

describe("memoiseSummariser", () => {
  const article = {
    title: "Oracle wins TikTok",
    text: "Oracle was chosen. ".repeat(20),
    lang: "en" as const,
  };

  it("writes each article's summary once and gives it back unchanged", () => {
    const inner = countingSummariser();
    const memo = memoiseSummariser(inner);
    const first = memo.summarise(article);
    expect(memo.summarise({ ...article })).toBe(first);
    expect(first).toBe(inner.summarise(article));
    expect(inner.calls).toHaveLength(2);
    expect(memoiseSummariser(inner)).toBe(memo);
  });

  it("summarises again when the text, title or language differ, even at the same length", () => {
    const inner = countingSummariser();
    const memo = memoiseSummariser(inner);
    memo.summarise(article);
    memo.summarise({ ...article, text: article.text.replace("Oracle", "Oracla") });
    memo.summarise({ ...article, title: "Oracle wins TikTok!" });
    memo.summarise({ ...article, lang: "fr" });
    expect(inner.calls).toHaveLength(4);
  });

  it("keeps one memo per summariser", () => {
    const a = countingSummariser();
    const b = countingSummariser();
    memoiseSummariser(a).summarise(article);
    memoiseSummariser(b).summarise(article);
    expect([a.calls.length, b.calls.length]).toEqual([1, 1]);
  });
});
