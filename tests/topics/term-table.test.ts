import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashTerm } from "../../src/text/word-forms.ts";
import { TermTable } from "../../src/topics/term-table.ts";

const put = (table: TermTable, term: string, bits: number) => table.or(term, hashTerm(term), bits);
const read = (table: TermTable, term: string) => table.get(term, hashTerm(term));

describe("TermTable", () => {
  it("ORs bits into a term's value and reads 0 for an absent term", () => {
    const table = new TermTable();
    put(table, "oracle", 1);
    put(table, "oracle", 4);
    put(table, "tiktok", 2);
    expect(read(table, "oracle")).toBe(5);
    expect(read(table, "tiktok")).toBe(2);
    expect(read(table, "bytedance")).toBe(0);
    expect(table.size).toBe(2);
  });

  it("keeps terms apart when their hashes collide", () => {
    const table = new TermTable();
    table.or("a", 7, 1);
    table.or("b", 7, 2);
    table.or("c", 7 + 1024, 4);
    expect([table.get("a", 7), table.get("b", 7), table.get("c", 7 + 1024), table.get("d", 7)]).toEqual([
      1, 2, 4, 0,
    ]);
  });

  it("grows past the size it was made for and keeps the order terms were added in", () => {
    const table = new TermTable(4);
    const terms = Array.from({ length: 5000 }, (_, i) => `w${i}`);
    terms.forEach((term, i) => {
      put(table, term, (i % 7) + 1);
    });
    expect(table.size).toBe(5000);
    expect([...table.toMap().keys()]).toEqual(terms);
    expect(terms.every((term, i) => read(table, term) === (i % 7) + 1)).toBe(true);
  });

  it("collects the values of the terms with a tag that a test accepts", () => {
    const table = new TermTable(8, true);
    table.or("tiktok", hashTerm("tiktok"), 1, 7);
    table.or("tik", hashTerm("tik"), 2, 7);
    table.or("oracle", hashTerm("oracle"), 4, 9);
    const startsTik = (term: string) => term.startsWith("tik");
    expect(table.collect(7, startsTik)).toBe(3);
    expect(table.collect(9, startsTik)).toBe(0);
    expect(table.collect(undefined, (term) => term.length > 3)).toBe(5);
  });

  it("visits the values it holds for the terms of another table", () => {
    const anchors = new TermTable();
    put(anchors, "oracle", 1);
    put(anchors, "deal", 2);
    const doc = new TermTable();
    for (const term of ["the", "deal", "oracle", "tiktok"]) put(doc, term, 4);
    const visited: number[] = [];
    anchors.visitShared(doc, (value) => visited.push(value));
    expect(visited).toEqual([2, 1]);
  });

  it("agrees with a Map for random terms and bits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer({ min: 1, max: 7 })), { maxLength: 300 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        (entries, probes) => {
          const table = new TermTable(8);
          const map = new Map<string, number>();
          for (const [term, bits] of entries) {
            put(table, term, bits);
            map.set(term, (map.get(term) ?? 0) | bits);
          }
          expect(table.toMap()).toEqual(map);
          expect([...table.toMap().keys()]).toEqual([...map.keys()]);
          for (const term of [...probes, ...map.keys()]) expect(read(table, term)).toBe(map.get(term) ?? 0);
          const visited: [string, number][] = [];
          table.forEach((term, value, hash) => {
            expect(hash).toBe(hashTerm(term));
            visited.push([term, value]);
          });
          expect(visited).toEqual([...map]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
