import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DocumentTerms, packTerms, TermIndex } from "../../src/facts/term-index.ts";

const WORDS = ["oracle", "tiktok", "bytedance", "walmart", "deal", "law", "partner", "cloud", "order", "ban"];
const docArb = fc.record({
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
  context: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
});
const queryArb = fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 });
const all = () => true;

function search(index: TermIndex, words: readonly string[], limit = 1000) {
  return index.search(new Map(words.map((w) => [w, 1])), all, limit);
}

describe("term index", () => {
  it("ranks the same whether documents come one by one or as packed batches", () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 60 }), queryArb, (docs, words) => {
        const single = new TermIndex();
        for (const doc of docs) single.add(doc);
        const batched = new TermIndex();
        const half = Math.ceil(docs.length / 2);
        batched.addPackedBatch([packTerms(docs.slice(0, half)), packTerms(docs.slice(half))]);
        expect(batched.size).toBe(docs.length);
        expect(search(batched, words)).toEqual(search(single, words));
      }),
      { numRuns: 200 },
    );
  });

  it("ranks the same as documents added one by one after removals, compaction and later additions", () => {
    fc.assert(
      fc.property(
        // Up to 150 documents each time, so that lists pass TYPED_FROM (64) and outgrow their room.
        fc.array(docArb, { minLength: 1, maxLength: 150, size: "max" }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.array(docArb, { maxLength: 150, size: "max" }),
        queryArb,
        (docs, removals, later, words) => {
          const single = new TermIndex();
          for (const doc of docs) single.add(doc);
          // Loaded as two packs: their long lists share one buffer, then grow out of it below.
          const batched = new TermIndex();
          const half = Math.ceil(docs.length / 2);
          batched.addPackedBatch([packTerms(docs.slice(0, half)), packTerms(docs.slice(half))]);
          for (const n of removals) {
            expect(batched.remove(n % docs.length)).toBe(single.remove(n % docs.length));
          }
          expect(search(batched, words)).toEqual(search(single, words));
          batched.compact();
          single.compact();
          expect(search(batched, words)).toEqual(search(single, words));
          for (const doc of later) single.add(doc);
          batched.addPacked(packTerms(later));
          expect(batched.size).toBe(single.size);
          for (const word of words) expect(batched.df(word)).toBe(single.df(word));
          expect(search(batched, words)).toEqual(search(single, words));
          // And independently of how the index is built: every live document with a word asked.
          const removed = new Set(removals.map((n) => n % docs.length));
          const expected = [...docs, ...later].flatMap((doc, n) =>
            !removed.has(n) && words.some((w) => doc.text.includes(w) || doc.context.includes(w)) ? [n] : [],
          );
          expect(
            search(batched, words)
              .map((hit) => hit.doc)
              .sort((a, b) => a - b),
          ).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never returns a removed document, before or after compaction", () => {
    const index = new TermIndex();
    const docs: DocumentTerms[] = Array.from({ length: 3000 }, (_, i) => ({
      text: [i % 2 === 0 ? "even" : "odd", "common"],
      context: [],
    }));
    index.addPacked(packTerms(docs));
    for (let doc = 0; doc < 3000; doc += 2) index.remove(doc);
    // A third of the postings dead compacted them once on the way; the last removals are
    // only marked until the next compaction.
    expect(index.df("even")).toBeLessThan(1500);
    expect(search(index, ["even"])).toEqual([]);
    index.compact();
    expect(index.df("even")).toBe(0);
    const odd = search(index, ["odd", "common"], 5000);
    expect(odd).toHaveLength(1500);
    expect(odd.every((hit) => hit.doc % 2 === 1)).toBe(true);
  });

  it("keeps the best documents the filter accepts, best first, ties to the earlier", () => {
    const index = new TermIndex();
    index.addPacked(
      packTerms([
        { text: ["deal"], context: [] },
        { text: ["deal", "deal", "oracle"], context: [] },
        { text: ["deal"], context: [] },
        { text: ["oracle"], context: ["deal"] },
      ]),
    );
    const hits = index.search(new Map([["deal", 1]]), (doc) => doc !== 1, 2);
    expect(hits.map((h) => h.doc)).toEqual([0, 2]);
    expect(hits[0]!.score).toBe(hits[1]!.score);
  });
});
