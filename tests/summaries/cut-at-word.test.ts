import { describe, expect, it } from "vitest";
import { cutAtWord } from "../../src/summaries/cut-at-word.ts";

describe("cutAtWord", () => {
  it.each([
    ["Oracle wins", 20, "Oracle wins"],
    ["Oracle wins the TikTok bid", 15, "Oracle wins…"],
    ["Oracle, Walmart, Microsoft", 17, "Oracle, Walmart…"],
    ["https://example.com/a-very-long-path", 12, "https://exa…"],
  ])("cuts %j to %i characters as %j", (text, max, expected) => {
    const cut = cutAtWord(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it("rejects a limit below one character", () => {
    expect(() => cutAtWord("text", 0)).toThrow(RangeError);
  });
});
