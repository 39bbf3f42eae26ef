import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/text/analyze.ts";
import { hashTerm, openingOf, signatureOf } from "../../src/text/word-forms.ts";
import { type PreparedDocument, prepareDocument } from "../../src/topics/document.ts";
import { collectDocumentStats } from "../../src/topics/document-stats.ts";
import { compileQuery, matchDocument } from "../../src/topics/match.ts";
import { loadLabelledItems, loadSeedArticle } from "./fixture-items.ts";

const items = [
  ...loadLabelledItems(),
  { title: "Oracle et TikTok", text: loadSeedArticle(), lang: "fr" as const },
  {
    title: "IT jobs: the U.S. deal",
    text: "Byte Dance and Tik-Tok agreed. Les États-Unis aussi. it is 12,5 %.",
  },
];

/** Words and marks that meet every rule of preparation: zones, leads, compounds, merges, stop words. */
const PIECES = [
  " ",
  " ",
  " ",
  ". ",
  ", ",
  "-",
  "\n\n",
  "« ",
  " »",
  "M. ",
  "Oracle",
  "oracle",
  "ORACLE",
  "Byte",
  "Dance",
  "Tik-Tok",
  "États-Unis",
  "Etats Unis",
  "U.S.",
  "US",
  "us",
  "the",
  "The",
  "IT",
  "it",
  "AI",
  "Act",
  "12,5",
  "5g",
  "l'accord",
  "L’accord",
  "deal",
  "deals",
  "Executive",
  "order",
  "sécurité",
  "Sécurité",
  "Œuvre",
  "divestiture",
  "TikTok's",
];

const piecesText = (maxLength: number) =>
  fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(""));

/** What matching can read of a prepared document, in the order it was filed. */
function contentsOf(doc: PreparedDocument) {
  const openings = [...new Set([...doc.words.keys()].map(openingOf))];
  return {
    keys: [...doc.keys],
    words: [...doc.words],
    byOpening: openings.map((opening) => doc.wordTable.collect(opening, () => true)),
    leadTokens: doc.leadTokens,
    sequences: [doc.titleSequence, doc.textSequence].map((sequence) => ({
      words: sequence.words.map((w) => [w.folded, w.keys]),
      signatures: sequence.signatures,
    })),
    frequencies: [...collectDocumentStats([doc]).frequencies],
  };
}

describe("prepareDocument", () => {
  it("files the same words, keys, zones and sequences as from the texts' analyses", () => {
    fc.assert(
      fc.property(piecesText(12), piecesText(160), fc.constantFrom("en", "fr"), (title, text, lang) => {
        const input = { title, text, lang: lang as "en" | "fr" };
        const analysed = { title: analyzeText(title), text: analyzeText(text) };
        expect(contentsOf(prepareDocument(input))).toEqual(
          contentsOf(prepareDocument({ ...input, analysed })),
        );
      }),
      { numRuns: 400 },
    );
    // Compounds across the end of the lead (at 400 characters) take their first word's zone.
    const across = [
      { title: "", text: `${"x ".repeat(199)}Byte Dance` },
      { title: "", text: `${"word ".repeat(79)}xyz Tik-Tok deal` },
    ];
    for (const item of [...items, ...across]) {
      const analysed = { title: analyzeText(item.title), text: analyzeText(item.text) };
      expect(contentsOf(prepareDocument(item))).toEqual(contentsOf(prepareDocument({ ...item, analysed })));
    }
  });

  it("gives the title and text analyses on demand, as analyzeText makes them", () => {
    for (const item of items) {
      const doc = prepareDocument(item);
      expect(doc.title).toEqual(analyzeText(item.title));
      expect(doc.text).toEqual(analyzeText(item.text));
      expect(doc.text).toBe(doc.text);
    }
  });

  it("keeps each token's folded form and keys in order, for phrases", () => {
    for (const item of items) {
      const doc = prepareDocument(item);
      for (const part of ["title", "text"] as const) {
        const { words, signatures } = part === "title" ? doc.titleSequence : doc.textSequence;
        const analysed = analyzeText(item[part]);
        expect(words.map((w) => w.folded)).toEqual(analysed.tokens.map((t) => t.folded));
        expect(words.map((w) => w.keys)).toEqual(analysed.keys);
        const expected = words.map((w) => signatureOf(hashTerm(w.folded), w.keys!.map(hashTerm)));
        expect(signatures).toEqual(expected);
      }
    }
  });

  it("files every key and word in its tables as in its maps", () => {
    const doc = prepareDocument(items.at(-1)!);
    expect(doc.keys.size).toBe(doc.keyTable.size);
    for (const [key, zones] of doc.keys) expect(doc.keyTable.get(key, hashTerm(key))).toBe(zones);
    for (const [word, zones] of doc.words) expect(doc.wordTable.get(word, hashTerm(word))).toBe(zones);
    expect(doc.words.get("bytedance")).toBeGreaterThan(0);
    expect(doc.words.get("usa")).toBeGreaterThan(0);
    expect(doc.keys.get("it")).toBeGreaterThan(0);
    // Words are tagged with their opening, for prefixes.
    for (const prefix of ["by", "ti", "us", "é"]) {
      const expected = [...doc.words].filter(([w]) => w.startsWith(prefix)).reduce((z, [, v]) => z | v, 0);
      const opening = prefix.length >= 2 ? openingOf(prefix) : undefined;
      expect(doc.wordTable.collect(opening, (w) => w.startsWith(prefix))).toBe(expected);
    }
  });

  it("counts document frequencies from the tables", () => {
    const docs = items.map((item) => prepareDocument(item));
    const stats = collectDocumentStats(docs);
    expect(stats.documents).toBe(docs.length);
    expect(stats.frequencies.get("=oracle")).toBe(docs.filter((d) => d.words.has("oracle")).length);
    expect(stats.frequencies.get("oracl")).toBe(docs.filter((d) => d.keys.has("oracl")).length);
  });

  it("answers a phrase the same on a document shared by many queries as on a fresh one", () => {
    const queries = [
      '"executive order"',
      'lead:"executive order"',
      'title:"executive order"',
      '"byte dance" oracle',
      '"etats unis"',
      '"the deal"',
      '"of the" -tiktok',
    ];
    for (const item of items) {
      const shared = prepareDocument(item);
      for (let round = 0; round < 2; round++) {
        for (const query of queries) {
          const compiled = compileQuery(query);
          expect(matchDocument(compiled, shared)).toEqual(matchDocument(compiled, prepareDocument(item)));
        }
      }
    }
  });
});
