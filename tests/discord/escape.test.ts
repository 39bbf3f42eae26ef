import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText, escapeFeedText } from "../../src/discord/escape.ts";

/** What Discord shows for escaped text: a backslash before punctuation shows only the punctuation. */
const visible = (text: string) => text.replace(/\\([^0-9A-Za-z\s])/g, "$1").replaceAll("\u200b", "");

/** True when `char` at `index` is preceded by an odd number of backslashes (i.e. escaped). */
const isEscaped = (text: string, index: number) => {
  let count = 0;
  for (let at = index - 1; at >= 0 && text[at] === "\\"; at--) count++;
  return count % 2 === 1;
};

/** Positions of markdown characters that are not escaped. */
const liveMarkdown = (text: string) =>
  [...text.matchAll(/[*_~|`[<>]/g)].filter((match) => !isEscaped(text, match.index)).map((match) => match[0]);

const LINE_MARKERS = /^\s*([#>+-]|\d+[.)](\s|$))/m;

describe("escapeFeedText", () => {
  it.each([
    ["@everyone and @here", /@(everyone|here)/i],
    ["<@123> <@!123> <@&123> <#123>", /(?<!\\)<[@#]/],
    ["[x](https://evil.test)", /(?<!\\)\[[^\]]*\]\(/],
    ["**bold** __underline__ *italic* _italic_", /(?<!\\)(\*|_)/],
    ["~~strike~~ ||spoiler||", /(?<!\\)(~|\|)/],
    ["`code` and ```block```", /(?<!\\)`/],
    ["<t:1700000000:R> <:emoji:123> </ask:1>", /(?<!\\)</],
  ])("neutralises %s", (input, live) => {
    const escaped = escapeFeedText(input);
    expect(escaped).not.toMatch(live);
    expect(visible(escaped)).toBe(input);
  });

  it.each([
    ["# Heading", "\\# Heading"],
    ["### Heading", "\\### Heading"],
    ["-# subtext", "\\-# subtext"],
    ["> quote", "\\> quote"],
    [">>> long quote", "\\>\\>\\> long quote"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["* item", "\\* item"],
    ["1. first", "1\\. first"],
    ["12) twelfth", "12\\) twelfth"],
    ["intro\n# Heading\n- item", "intro\n\\# Heading\n\\- item"],
  ])("escapes the line marker in %j", (input, expected) => {
    expect(escapeFeedText(input)).toBe(expected);
  });

  it("leaves markers that do not start a line, and plain prose, alone", () => {
    const prose = "C# 12 is out - and 3.5 times faster: see page 2. Right?";
    expect(escapeFeedText(prose)).toBe("C# 12 is out - and 3.5 times faster: see page 2. Right?");
  });

  it("keeps bare URLs intact so their links still work", () => {
    const text = "Read https://example.com/a_b*c~d?q=1 now";
    expect(escapeFeedText(text)).toBe(text);
  });

  it("escapes markdown that follows a URL", () => {
    expect(escapeFeedText("||https://example.com/x||")).toBe("\\|\\|https://example.com/x\\|\\|");
    expect(escapeFeedText("<https://example.com/x>")).toBe("\\<https://example.com/x\\>");
  });

  it("escapes a backslash that is already in the text", () => {
    expect(escapeFeedText("\\*not bold\\*")).toBe("\\\\\\*not bold\\\\\\*");
  });

  it("on any text, leaves no live markdown or mention and shows the same characters", () => {
    const alphabet = [..."ab @#*_~|`[]()<>-+1.:!&\\\n 👨‍👩‍👧🇫🇷", "everyone", "here", "<@&123>"];
    const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(texts, (text) => {
        const escaped = escapeFeedText(text);
        expect(liveMarkdown(escaped)).toEqual([]);
        expect(escaped).not.toMatch(/@(everyone|here)/i);
        expect(escaped).not.toMatch(LINE_MARKERS);
        expect(visible(escaped)).toBe(text);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe("cleanText", () => {
  it("drops control characters and bidi overrides, and repairs lone surrogates", () => {
    expect(cleanText("a\u0000b\u202ec\uD800d")).toBe("abc\uFFFDd");
  });

  it("keeps paragraphs but folds runs of spaces and blank lines", () => {
    expect(cleanText("  one   two \r\n\r\n\r\n\tthree  ")).toBe("one two\n\nthree");
  });

  it("folds everything onto one line when asked", () => {
    expect(cleanText(" a\n\n b\tc ", { singleLine: true })).toBe("a b c");
  });
});
