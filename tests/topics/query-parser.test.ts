import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatQuery, pointAtQueryError } from "../../src/topics/format-query.ts";
import type { QueryNode } from "../../src/topics/query.ts";
import { checkQuery, parseQuery, QueryError } from "../../src/topics/query-parser.ts";

/** The tree without positions, in a compact notation that reads like the query. */
function shape(node: QueryNode): unknown {
  switch (node.kind) {
    case "term":
      return `${node.field ? `${node.field}:` : ""}${node.text}${node.prefix ? "*" : ""}`;
    case "phrase":
      return `${node.field ? `${node.field}:` : ""}"${node.text}"`;
    case "not":
      return { not: shape(node.child) };
    default:
      return { [node.kind]: node.children.map(shape) };
  }
}

function errorOf(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`expected a QueryError for ${query}`);
}

describe("parseQuery: every construct", () => {
  it.each<[string, string, unknown]>([
    ["a single term", "tiktok", "tiktok"],
    ["space is AND", "tiktok oracle", { and: ["tiktok", "oracle"] }],
    ["the AND keyword is optional", "tiktok AND oracle", { and: ["tiktok", "oracle"] }],
    ["OR", "tiktok OR bytedance", { or: ["tiktok", "bytedance"] }],
    [
      "OR binds tighter than AND",
      "tiktok oracle OR microsoft",
      { and: ["tiktok", { or: ["oracle", "microsoft"] }] },
    ],
    ["lowercase or is a term", "tiktok or oracle", { and: ["tiktok", "or", "oracle"] }],
    ["parentheses group", "(a b) OR c", { or: [{ and: ["a", "b"] }, "c"] }],
    ["nested groups of one kind flatten", "(a OR b) OR (c OR d)", { or: ["a", "b", "c", "d"] }],
    ["a group of one is the term", "((tiktok))", "tiktok"],
    ["phrase", '"executive order"', '"executive order"'],
    ["phrase whitespace is tidied", '"  executive   order "', '"executive order"'],
    ["curly quotes", "“executive order”", '"executive order"'],
    ["French quotes", "« décret présidentiel »", '"décret présidentiel"'],
    ["minus excludes", "tiktok -trend", { and: ["tiktok", { not: "trend" }] }],
    ["NOT excludes", "tiktok NOT trend", { and: ["tiktok", { not: "trend" }] }],
    ["minus phrase", 'tiktok -"dance trend"', { and: ["tiktok", { not: '"dance trend"' }] }],
    ["minus group", "tiktok -(dance OR trend)", { and: ["tiktok", { not: { or: ["dance", "trend"] } }] }],
    ["hyphen inside a word is part of it", "Tik-Tok e-commerce", { and: ["Tik-Tok", "e-commerce"] }],
    ["prefix", "divest*", "divest*"],
    ["title field", "title:tiktok", "title:tiktok"],
    ["title phrase", 'title:"executive order"', 'title:"executive order"'],
    ["field on a group reaches every term", "title:(a OR b)", { or: ["title:a", "title:b"] }],
    [
      "lead field",
      "lead:(tiktok OR bytedance) deal",
      { and: [{ or: ["lead:tiktok", "lead:bytedance"] }, "deal"] },
    ],
    ["inner field wins", "lead:(a title:b)", { and: ["lead:a", "title:b"] }],
    ["field names ignore case", "TITLE:tiktok", "title:tiktok"],
    ["excluded field term", "tiktok -title:trend", { and: ["tiktok", { not: "title:trend" }] }],
    ["unknown field is a word", "re:Invent", "re:Invent"],
    [
      "OR inside a group, AND outside",
      "(tiktok OR bytedance) (oracle OR deal)",
      {
        and: [{ or: ["tiktok", "bytedance"] }, { or: ["oracle", "deal"] }],
      },
    ],
    ["NOT binds to one term", "-a OR b c", { and: [{ or: [{ not: "a" }, "b"] }, "c"] }],
    [
      "a negated OR side is fine when AND has a positive",
      "x (a OR -b)",
      { and: ["x", { or: ["a", { not: "b" }] }] },
    ],
    ["newlines are spaces", "tiktok\n(oracle\tOR deal)", { and: ["tiktok", { or: ["oracle", "deal"] }] }],
  ])("%s: %s", (_name, query, expected) => {
    expect(shape(parseQuery(query))).toEqual(expected);
  });

  it("records where each term starts", () => {
    const node = parseQuery('tiktok -"dance trend"');
    expect(node).toMatchObject({
      kind: "and",
      children: [
        { kind: "term", position: 0 },
        { kind: "not", position: 7, child: { kind: "phrase", position: 8 } },
      ],
    });
  });

  it("parses the example query of DESIGN.md", () => {
    const node = parseQuery(
      '(tiktok OR bytedance) (oracle OR microsoft OR walmart OR deal OR rachat OR vente OR divest OR ban OR "executive order" OR décret)',
    );
    expect(node.kind).toBe("and");
    expect(formatQuery(node)).toContain('"executive order" OR décret');
  });
});

describe("parseQuery: malformed queries say what and where", () => {
  it.each<[string, string, number]>([
    ["", "Empty query", 0],
    ["   ", "Empty query", 0],
    ["tiktok (oracle OR microsoft", "Unclosed parenthesis", 7],
    ["(tiktok OR bytedance) (oracle OR microsoft OR walmart", "Unclosed parenthesis", 22],
    ["tiktok OR", "Missing term after OR", 7],
    ["tiktok OR OR oracle", "Missing term after OR", 7],
    ["OR tiktok", "Missing term before OR", 0],
    ["tiktok (OR oracle)", "Missing term before OR", 8],
    ["tiktok OR )", "Missing term after OR", 7],
    ["AND tiktok", "Missing term before AND", 0],
    ["tiktok AND", "Missing term after AND", 7],
    ['tiktok "executive order', "Unclosed quote", 7],
    ["tiktok NOT", "NOT needs a term", 7],
    ["tiktok NOT OR x", "NOT needs a term", 7],
    ["tiktok - oracle", '"-" needs a term right after it', 7],
    ["tiktok -", '"-" needs a term right after it', 7],
    ["tik)tok", 'Unexpected ")"', 3],
    ["tiktok ()", "Empty parentheses", 7],
    ['tiktok ""', "Empty phrase", 7],
    ['tiktok "!!"', "Empty phrase", 7],
    ["tiktok !!!", 'Nothing to search for in "!!!"', 7],
    ["tiktok *", '"*" needs a word before it', 7],
    ["tik*tok", '"*" goes at the end of a word', 3],
    ["tiktok a*", 'Prefix "a*" is too short (at least 2 letters)', 7],
    ['"executive order"* x', 'A prefix "*" works on single words, not phrases', 17],
    ['"tiktok oracle"~5', 'Proximity "~" is not supported', 15],
    ['"tiktok"oracle', "Expected a space after the closing quote", 8],
    ["title: tiktok", "title: needs a term right after it", 0],
    ["tiktok title:", "title: needs a term right after it", 7],
    ["-tiktok", "A query needs at least one positive term (it only excludes)", 0],
    ["-tiktok NOT trend", "A query needs at least one positive term (it only excludes)", 0],
    ["-trend OR tiktok", "Each side of OR needs a positive term", 0],
    ["tiktok OR (bytedance OR -trend)", "Each side of OR needs a positive term", 24],
    [`${"(".repeat(40)}x${")".repeat(40)}`, "Query nested too deeply (at most 32 levels)", 33],
  ])("%j → %s at %i", (query, reason, position) => {
    const error = errorOf(query);
    expect(error.reason).toBe(reason);
    expect(error.position).toBe(position);
    expect(error.message).toBe(`${reason} at ${position}`);
  });

  it("rejects very long queries", () => {
    expect(errorOf("a ".repeat(3000)).reason).toMatch(/^Query too long/);
  });

  it("points at the problem under the query", () => {
    const query = "tiktok (oracle OR microsoft";
    expect(pointAtQueryError(query, errorOf(query))).toBe(`${query}\n       ^ Unclosed parenthesis at 7`);
  });

  it("gives the config loader a message or nothing", () => {
    expect(checkQuery("tiktok oracle")).toBeUndefined();
    expect(checkQuery("tiktok (oracle")).toBe("Unclosed parenthesis at 7");
  });
});

const PIECES = [
  "tiktok",
  "oracle",
  "Byte",
  "Dance",
  "décret",
  "a",
  "é",
  "x1",
  "OR",
  "AND",
  "NOT",
  "or",
  "(",
  ")",
  '"',
  "“",
  "»",
  "-",
  "*",
  "~",
  ":",
  "title:",
  "lead:",
  "re:",
  " ",
  " ",
  "  ",
  "\n",
  "!",
  "'",
  "&",
  "\\",
  "",
];

describe("parseQuery: robustness", () => {
  it("throws nothing but a QueryError, with a position inside the query, for 10 000 random queries", () => {
    const query = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join("")),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(" ")),
      fc.string({ maxLength: 40, unit: "grapheme" }),
    );
    fc.assert(
      fc.property(query, (input) => {
        try {
          parseQuery(input);
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          expect(Number.isInteger(error.position)).toBe(true);
          expect(error.position).toBeGreaterThanOrEqual(0);
          expect(error.position).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 10_000, seed: 20_250_301 },
    );
  });

  it("reads back what formatQuery writes, for random well-formed queries", () => {
    const { query } = fc.letrec<{ query: string; unit: string }>((tie) => ({
      unit: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom(
          "tiktok",
          "Byte",
          "décret",
          "re:Invent",
          "divest*",
          "Tik-Tok",
          '"executive order"',
          "“a b”",
        ),
        tie("query").map((q) => `(${q})`),
      ),
      query: fc
        .array(
          fc.tuple(
            fc.constantFrom("", "-", "NOT ", "title:", "lead:", "-title:"),
            tie("unit"),
            fc.constantFrom(" ", " OR ", " AND "),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((parts) =>
          parts.map(([prefix, unit, joiner], i) => (i > 0 ? joiner : "") + prefix + unit).join(""),
        ),
    }));
    let parsed = 0;
    fc.assert(
      fc.property(query, (input) => {
        let node: QueryNode;
        try {
          node = parseQuery(input);
        } catch (error) {
          // Only the positive-term rule can reject these queries.
          expect((error as QueryError).reason).toMatch(/positive term/);
          return;
        }
        parsed++;
        expect(shape(parseQuery(formatQuery(node)))).toEqual(shape(node));
      }),
      { numRuns: 3_000, seed: 7 },
    );
    expect(parsed).toBeGreaterThan(1_000);
  });
});
