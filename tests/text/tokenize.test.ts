import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText, scanWords } from "../../src/text/analyze.ts";
import { scanText, tokenize } from "../../src/text/tokenize.ts";
import { referenceAnalyze, referenceTokenize } from "./reference-analysis.ts";

/** Pieces that meet every rule of the token pattern: acronyms, decimals, elisions, merges, scripts. */
const PIECES = [
  ..."aBéÉœŒßʼ'’‘`´.,- 07²½Ⅻ٣İǅﬁＡǈᾈⒶªºⅰ\n\t\u00a0",
  "e\u0301",
  "𝟏",
  "𝐀",
  "𝑎",
  "😀",
  "\ud800",
  "\udc00",
  "U.S.",
  "US",
  "USA",
  "u.s.a.",
  "Etats",
  "États",
  "ETATS",
  "Unis",
  "unis",
  "l'",
  "qu'",
  "jusqu'",
  "'s",
  "IT",
  "it",
  "AI",
  "the",
  "Byte",
  "Dance",
  "Tik",
  "Tok",
  "5g",
  "h20",
  "12,5",
  "3.14",
  "1,2,3",
  "M.",
  "A.b",
  "X.Y.",
];

const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(""));

describe("the token scanner", () => {
  it("finds exactly the tokens of the regular expression it replaces", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          piecesText,
          fc.string({ unit: "grapheme", maxLength: 40 }),
          fc.string({ unit: "binary", maxLength: 60 }),
        ),
        (text) => {
          expect(tokenize(text)).toEqual(referenceTokenize(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("analyses as before: the same keys for each token and the same compounds", () => {
    fc.assert(
      fc.property(fc.oneof(piecesText, fc.string({ unit: "grapheme", maxLength: 40 })), (text) => {
        expect(analyzeText(text)).toEqual(referenceAnalyze(text));
      }),
      { numRuns: 2000 },
    );
    const article =
      "Le PDG d'Oracle a rencontré Byte Dance aux États-Unis. IT jobs, AI Act, U.S. deal 12,5 %.";
    expect(analyzeText(article)).toEqual(referenceAnalyze(article));
  });

  it("gives the same tokens once its table of word forms has grown and been emptied", () => {
    const text = "Oracle's U.S. deal: l'accord avec Byte Dance, aux États-Unis, vaut 12,5 milliards.";
    const before = analyzeText(text);
    // More distinct words than the table holds at its largest: it grows, then starts over.
    const many = Array.from({ length: 140_000 }, (_, i) => `w${i.toString(36)}`).join(" ");
    expect(tokenize(many)).toHaveLength(140_000);
    expect(analyzeText(text)).toEqual(before);
    expect(analyzeText(text)).toEqual(referenceAnalyze(text));
  });

  it("shares one surface string between tokens written alike", () => {
    const [first, , third] = tokenize("Oracle and Oracle");
    expect(third!.surface).toBe("Oracle");
    expect(Object.is(first!.surface, third!.surface)).toBe(true);
  });

  it("finds a word as the same form whatever follows it", () => {
    // What follows a word decides how far the scanner reads (an apostrophe, a dot, a non-ASCII
    // letter may extend it), and so which of its paths hashes the word.
    const { forms } = scanText("Oracle’ Oracle Oracle. Oracle' Oracle,5 Oracleé 12 12,5 12. U U. Ü Ü.");
    for (const surface of ["Oracle", "12", "U", "Ü"]) {
      const same = forms.filter((form) => form.surface === surface);
      expect(same.length).toBeGreaterThan(1);
      for (const form of same) expect(form).toBe(same[0]);
    }
  });

  it("lists compounds by the index of their first token, with their keys", () => {
    const scan = scanWords("Byte Dance and Tik-Tok, not Byte 5");
    expect(scan.compoundAt).toEqual([0, 3]);
    expect(scan.compounds.map((c) => c.folded)).toEqual(["bytedance", "tiktok"]);
    expect(scan.compounds[0]!.keys).toEqual(analyzeText("bytedance").keys[0]);
  });
});
