import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DocumentTerms, type PackedTerms, packTerms } from "../../src/facts/packed-terms.ts";
import { TermIndex } from "../../src/facts/term-index.ts";

const WORDS = ["oracle", "tiktok", "bytedance", "walmart", "deal", "law", "partner", "cloud", "order", "ban"];
const docArb = fc.record({
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
  context: fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }),
});
const queryArb = fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 });
const all = () => true;
// BM25+ as the index documents it.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const FIELD_BOOST = [1, 0.35];

function search(index: TermIndex, words: readonly string[], limit = 1000) {
  return index.search(new Map(words.map((w) => [w, 1])), all, limit);
}

/** `count` documents without keys: they only move the next documents' numbers on. */
function blankPack(count: number): PackedTerms {
  return { count, keys: [], postings: new Uint32Array(0), lengths: new Uint16Array(2 * count) };
}

/**
 * What the index should hold and answer, written plainly: every document's keys, which are
 * removed, and which removed ones compaction has dropped (until then they still count in `df`).
 * BM25+ as the index documents it, summed in the same order, so scores must match exactly.
 */
class ReferenceIndex {
  // Documents with keys, by number (in order); documents without keys only count.
  readonly docs = new Map<number, DocumentTerms>();
  readonly removed = new Set<number>();
  readonly dropped = new Set<number>();
  count = 0;

  add(docs: readonly DocumentTerms[]): void {
    for (const doc of docs) this.docs.set(this.count++, doc);
  }

  addBlank(count: number): void {
    this.count += count;
  }

  remove(doc: number): boolean {
    if (doc >= this.count || this.removed.has(doc)) return false;
    this.removed.add(doc);
    return true;
  }

  compact(): void {
    for (const doc of this.removed) this.dropped.add(doc);
  }

  get size(): number {
    return this.count - this.removed.size;
  }

  df(key: string): number {
    return this.#holders(key, 0).length + this.#holders(key, 1).length;
  }

  search(weights: ReadonlyMap<string, number>, accept: (doc: number) => boolean, limit: number) {
    const live = this.size;
    if (live === 0 || limit <= 0) return [];
    const scores = new Map<number, { score: number; matched: number }>();
    for (const [key, weight] of weights) {
      const matched = new Set<number>();
      for (const field of [0, 1]) {
        const holders = this.#holders(key, field);
        if (holders.length === 0) continue;
        const df = holders.length;
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        let total = 0;
        for (const doc of this.docs.keys()) if (!this.removed.has(doc)) total += this.#length(doc, field);
        const average = total / live || 1;
        for (const doc of holders) {
          if (this.removed.has(doc)) continue;
          const tf = Math.min(15, this.#keys(doc, field).filter((k) => k === key).length);
          const norm = tf + K * (1 - B + (B * this.#length(doc, field)) / average);
          const score = weight * FIELD_BOOST[field]! * idf * (D + (tf * (K + 1)) / norm);
          const entry = scores.get(doc) ?? { score: 0, matched: 0 };
          entry.score += score;
          scores.set(doc, entry);
          matched.add(doc);
        }
      }
      for (const doc of matched) scores.get(doc)!.matched++;
    }
    return [...scores]
      .map(([doc, { score, matched }]) => ({ doc, score: score * matched }))
      .filter((hit) => accept(hit.doc))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, limit);
  }

  #keys(doc: number, field: number): readonly string[] {
    const terms = this.docs.get(doc)!;
    return field === 0 ? terms.text : terms.context;
  }

  #length(doc: number, field: number): number {
    return new Set(this.#keys(doc, field)).size;
  }

  // The documents whose postings for the key are still in the index, in order.
  #holders(key: string, field: number): number[] {
    const holders: number[] = [];
    for (const doc of this.docs.keys()) {
      if (!this.dropped.has(doc) && this.#keys(doc, field).includes(key)) holders.push(doc);
    }
    return holders;
  }
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

// Common words make long lists (past 64 postings they are stored as bytes), rare ones short.
const RARE = Array.from({ length: 30 }, (_, n) => `rare${n}`);
const wordArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...RARE));
const mixedDocArb = fc.record({
  text: fc.array(wordArb, { minLength: 1, maxLength: 20 }),
  context: fc.array(wordArb, { maxLength: 4 }),
});
// Blank documents space the others out: gaps of 1, 8+, 1 024+ and 131 072+ documents take
// one to four bytes each in a long list.
const blankArb = fc.constantFrom(1, 9, 1100, 140_000);
const packArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(mixedDocArb, { minLength: 1, maxLength: 120 }) },
  blankArb,
);
const opArb = fc.oneof(
  { weight: 3, arbitrary: packArb.map((pack) => ({ kind: "pack" as const, packs: [pack] })) },
  fc.array(packArb, { minLength: 2, maxLength: 3 }).map((packs) => ({ kind: "pack" as const, packs })),
  { weight: 3, arbitrary: fc.nat().map((n) => ({ kind: "remove" as const, n })) },
  fc.constant({ kind: "compact" as const }),
  mixedDocArb.map((doc) => ({ kind: "add" as const, doc })),
);
const weightedQueryArb = fc.record({
  weights: fc.uniqueArray(fc.tuple(wordArb, fc.constantFrom(1, 0.5, 2.5)), {
    minLength: 1,
    maxLength: 4,
    selector: ([word]) => word,
  }),
  limit: fc.constantFrom(1, 5, 1000),
  every: fc.constantFrom(1, 3),
});

describe("term index against a plain BM25+ reference", () => {
  it("scores exactly as the reference through additions, removals, compaction and later packs", () => {
    fc.assert(
      fc.property(
        // At most 25 operations: never 1 000 dead postings, so compaction runs only when asked.
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.array(weightedQueryArb, { minLength: 1, maxLength: 3 }),
        (ops, queries) => {
          const index = new TermIndex();
          const reference = new ReferenceIndex();
          for (const op of ops) {
            if (op.kind === "pack") {
              const firsts = index.addPackedBatch(
                op.packs.map((pack) => (typeof pack === "number" ? blankPack(pack) : packTerms(pack))),
              );
              const expected = op.packs.map((pack) => {
                const first = reference.count;
                if (typeof pack === "number") reference.addBlank(pack);
                else reference.add(pack);
                return first;
              });
              expect(firsts).toEqual(expected);
            } else if (op.kind === "add") {
              expect(index.add(op.doc)).toBe(reference.count);
              reference.add([op.doc]);
            } else if (op.kind === "remove") {
              // Mostly documents with keys: removing a blank one changes little.
              const withKeys = [...reference.docs.keys()];
              const doc =
                op.n % 5 > 0 && withKeys.length > 0
                  ? withKeys[op.n % withKeys.length]!
                  : op.n % (reference.count + 1);
              expect(index.remove(doc)).toBe(reference.remove(doc));
            } else {
              index.compact();
              reference.compact();
            }
            expect(index.size).toBe(reference.size);
            for (const word of [...WORDS, ...RARE]) expect(index.df(word)).toBe(reference.df(word));
            for (const { weights, limit, every } of queries) {
              const accept = (doc: number) => doc % every === 0;
              expect(index.search(new Map(weights), accept, limit)).toEqual(
                reference.search(new Map(weights), accept, limit),
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  // One pack at a time, the list grows with room to spare; in one batch it is sized exactly.
  it.each(["one pack at a time", "in one batch"])(
    "reads a long list whose gaps take one to four bytes, loaded %s, before and after compaction",
    (how) => {
      const index = new TermIndex();
      const reference = new ReferenceIndex();
      const packs: PackedTerms[] = [];
      const append = (docs: DocumentTerms[] | number) => {
        packs.push(typeof docs === "number" ? blankPack(docs) : packTerms(docs));
        if (typeof docs === "number") reference.addBlank(docs);
        else reference.add(docs);
        if (how === "one pack at a time") index.addPackedBatch(packs.splice(0));
      };
      const doc = (n: number): DocumentTerms => ({
        text: ["long", n % 2 ? "odd" : "even"],
        context: ["ctx"],
      });
      append(Array.from({ length: 70 }, (_, n) => doc(n)));
      for (const gap of [8, 1024, 131_072, 1023, 7, 131_071, 1, 1_000_000]) {
        append(gap - 1);
        append([doc(gap)]);
      }
      index.addPackedBatch(packs.splice(0));
      const queries = [["long"], ["odd", "ctx"], ["even", "long", "ctx"]];
      const check = () => {
        for (const words of queries) {
          const weights = new Map(words.map((w) => [w, 1]));
          expect(index.search(weights, all, 100)).toEqual(reference.search(weights, all, 100));
        }
        expect(index.df("long")).toBe(reference.df("long"));
      };
      check();
      expect(search(index, ["long"], 100)).toHaveLength(78);
      // Dropping postings merges gaps: the one before the widest, and the last (where appends go on).
      for (const removed of [69, 70, 72, reference.count - 1]) {
        expect(index.remove(removed)).toBe(reference.remove(removed));
      }
      check();
      index.compact();
      reference.compact();
      check();
      append(5);
      append([doc(1), doc(2)]);
      index.addPackedBatch(packs.splice(0));
      check();
    },
  );

  it("refuses a pack whose postings are out of document order, and stays as it was", () => {
    const index = new TermIndex();
    index.addPacked(packTerms([{ text: ["deal"], context: [] }]));
    const before = search(index, ["deal"]);
    // "deal": one text posting for document 3, then one for document 1.
    const disordered: PackedTerms = {
      count: 4,
      keys: ["deal"],
      postings: Uint32Array.of(2, 0, 3 * 16 + 1, 1 * 16 + 1),
      lengths: new Uint16Array(8).fill(1),
    };
    expect(() => index.addPacked(disordered)).toThrow(RangeError);
    expect(index.size).toBe(1);
    expect(index.df("deal")).toBe(1);
    expect(search(index, ["deal"])).toEqual(before);
    expect(index.add({ text: ["deal"], context: [] })).toBe(1);
  });
});
