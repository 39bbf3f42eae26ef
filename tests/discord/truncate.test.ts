import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ELLIPSIS, truncateText } from "../../src/discord/truncate.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const graphemes = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((part) => part.segment);

describe("truncateText", () => {
  it.each([
    ["text that fits is returned unchanged", "hello world", 11, "hello world"],
    ["a cut lands at the end of a word", "the quick brown fox jumps", 12, "the quick…"],
    ["a cut exactly before a space keeps the whole word", "hello wonderful world", 16, "hello wonderful…"],
    ["trailing commas are dropped before the ellipsis", "alpha, beta, gamma", 13, "alpha, beta…"],
    ["one long word is cut inside rather than lost", "antidisestablishmentarianism", 10, "antidises…"],
    ["a dangling escape backslash is dropped", "abc\\*def", 5, "abc…"],
    ["an escaped backslash is kept whole", "ab\\\\cdef", 5, "ab\\\\…"],
    ["nothing fits in a limit of one", "hello", 1, ""],
  ])("%s", (_, text, max, expected) => {
    const cut = truncateText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it("never splits a family emoji, a flag or a surrogate pair, whatever the limit", () => {
    const text = "Lead " + "👨‍👩‍👧🇫🇷é".repeat(40);
    const whole = graphemes(text);
    for (let max = 2; max <= 120; max++) {
      const cut = truncateText(text, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(LONE_SURROGATE.test(cut), `max ${max}`).toBe(false);
      const kept = graphemes(cut.endsWith(ELLIPSIS) ? cut.slice(0, -1) : cut);
      expect(kept, `max ${max}`).toEqual(whole.slice(0, kept.length));
    }
  });

  it("uses the whole limit when the text runs up to it", () => {
    const text = "word ".repeat(100).trim();
    const cut = truncateText(text, 256);
    expect(cut.length).toBeGreaterThanOrEqual(250);
    expect(cut.endsWith("word…")).toBe(true);
  });

  it("cuts where a full grapheme segmentation would, on random mixed text", () => {
    const alphabet = [
      "a",
      "é",
      " ",
      ",",
      "\\",
      "e\u0301",
      "👨‍👩‍👧",
      "🇫🇷",
      "\r\n",
      "ß",
      "ÿ",
      "Ā",
      "\u00ad",
      "漢",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }),
        fc.integer({ min: 1, max: 120 }),
        (parts, max) => {
          const text = parts.join("");
          expect(truncateText(text, max)).toBe(reference(text, max));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** truncateText as specified, segmenting the whole text (no shortcut, no window). */
function reference(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return "";
  let end = 0;
  for (const { segment, index } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  let head = text.slice(0, end);
  if (!/\s/.test(text.charAt(end))) {
    const lastSpace = head.search(/\s\S*$/);
    if (lastSpace >= room / 2) head = head.slice(0, lastSpace);
  }
  head = head.replace(/[\s,;:]+$/, "");
  if (/(^|[^\\])(\\\\)*\\$/.test(head)) head = head.slice(0, -1).replace(/\s+$/, "");
  return head === "" ? "" : head + ELLIPSIS;
}
