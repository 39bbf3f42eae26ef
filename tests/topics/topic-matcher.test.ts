import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectDocumentStats } from "../../src/topics/document-stats.ts";
import { compileQuery, matchDocument, prepareDocument } from "../../src/topics/match.ts";
import { QueryError } from "../../src/topics/query.ts";
import { createTopicMatcher, matchTopics } from "../../src/topics/topic-matcher.ts";
import { loadDefaultTopics, loadLabelledItems, loadSeedArticle } from "./fixture-items.ts";

const docs = [
  ...loadLabelledItems().map((item) => prepareDocument(item)),
  prepareDocument({ title: "", text: loadSeedArticle(), lang: "fr" }),
  prepareDocument({ title: "Ce que j'ai vu", text: "The executive order and the AI Act, Byte Dance." }),
];

/** What matching each topic one by one says: the reference the index must agree with. */
function bruteForce(topics: { id: string; query: string }[], doc: (typeof docs)[number]): string[] {
  return topics.filter((t) => matchDocument(compileQuery(t.query), doc).matched).map((t) => t.id);
}

describe("createTopicMatcher / matchTopics", () => {
  it("finds the same topics as matching every topic one by one, for the default topics", () => {
    const topics = loadDefaultTopics();
    const matcher = createTopicMatcher(topics);
    for (const doc of docs) {
      expect(
        matchTopics(matcher, doc)
          .map((h) => h.topic)
          .sort(),
      ).toEqual(bruteForce(topics, doc).sort());
    }
  });

  it("evaluates topics that have no indexable term (prefix only) on every document", () => {
    const matcher = createTopicMatcher([
      { id: "prefix", query: "divest*" },
      { id: "stop-word", query: "the -tiktok" },
      { id: "negated-or", query: "x1 OR (oracle -(tiktok OR bytedance))" },
    ]);
    expect(matcher.always).toEqual([0]);
    const doc = prepareDocument({ title: "Oracle", text: "The divestiture of a database unit." });
    expect(matchTopics(matcher, doc).map((h) => h.topic)).toEqual(
      expect.arrayContaining(["prefix", "stop-word", "negated-or"]),
    );
  });

  it("agrees with one-by-one matching for random topics", () => {
    const words = [
      "tiktok",
      "oracle",
      "deal",
      "décret",
      "the",
      "AI",
      "bytedance",
      "vente",
      "trend",
      "walmart",
    ];
    const leaf = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom("divest*", "acqui*", '"executive order"', '"byte dance"', '"maison blanche"'),
      fc.tuple(fc.constantFrom("title:", "lead:"), fc.constantFrom(...words)).map(([f, w]) => f + w),
    );
    const group = fc
      .array(fc.tuple(fc.constantFrom("", "", "-"), leaf), { minLength: 1, maxLength: 3 })
      .map((parts) => `(${parts.map(([neg, l]) => neg + l).join(" OR ")})`);
    const query = fc
      .array(
        fc.oneof(
          leaf,
          group,
          leaf.map((l) => `-${l}`),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => parts.join(" "));
    const topicSet = fc.array(query, { minLength: 1, maxLength: 8 }).map((queries) =>
      queries.filter((q) => {
        try {
          compileQuery(q);
          return true;
        } catch {
          return false;
        }
      }),
    );
    let compared = 0;
    fc.assert(
      fc.property(topicSet, (queries) => {
        const topics = queries.map((q, i) => ({ id: `t${i}`, query: q }));
        const matcher = createTopicMatcher(topics);
        for (const doc of docs) {
          const got = matchTopics(matcher, doc).map((h) => h.topic);
          expect(got.sort()).toEqual(bruteForce(topics, doc).sort());
          compared += got.length;
        }
      }),
      { numRuns: 150, seed: 42 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("scores every hit as matching its topic alone does, also when topics share words", () => {
    const topics = [
      ...loadDefaultTopics(),
      ...[
        "oracle deal",
        "title:oracle deal",
        "lead:oracle -walmart",
        "Oracle OR bytedance",
        '"executive order" oracle',
        '"the" deal',
        "the -(walmart OR vente)",
        "divest* oracle",
        "(oracle OR tiktok) (deal OR vente OR accord)",
        "AI act",
        "it",
        // A label written twice in one topic is listed once; phrases and prefixes written alike
        // in several topics are read once per document.
        "oracle (oracle OR deal)",
        '"executive order" OR title:"executive order" OR "executive order"',
        "divest* (tiktok OR divest*)",
        "title:divest* OR lead:divest*",
        '"the deal" -"executive order"',
      ].map((query, i) => ({ id: `shared-${i}`, query })),
    ];
    const matcher = createTopicMatcher(topics);
    const stats = collectDocumentStats(docs);
    for (const doc of docs) {
      for (const withStats of [undefined, stats]) {
        const expected = topics
          .map((t) => ({ topic: t.id, result: matchDocument(compileQuery(t.query), doc, withStats) }))
          .filter(({ result }) => result.matched)
          .map(({ topic, result }) => ({ topic, score: result.score, matchedTerms: result.matchedTerms }))
          .sort((a, b) => b.score - a.score);
        expect(matchTopics(matcher, doc, withStats)).toEqual(expected);
      }
    }
  });

  it("forgets what it found for one document when its document counter wraps around", () => {
    // A prefix-only topic is evaluated on every document, so a stale leaf would show.
    const matcher = createTopicMatcher([{ id: "oracle", query: "orac*" }]);
    const withOracle = prepareDocument({ title: "Oracle", text: "" });
    const without = prepareDocument({ title: "Walmart", text: "" });
    expect(matchTopics(matcher, withOracle)).toHaveLength(1);
    expect(matcher.scratch.generation).toBe(1);
    matcher.scratch.generation = 0xffffffff;
    expect(matchTopics(matcher, without)).toHaveLength(0);
    expect(matcher.scratch.generation).toBe(1);
    expect(matchTopics(matcher, withOracle)).toHaveLength(1);
  });

  it("returns the best score first, with the terms that matched", () => {
    const matcher = createTopicMatcher([
      { id: "body-only", query: "database" },
      { id: "title", query: "oracle" },
      { id: "none", query: "walmart" },
    ]);
    const doc = prepareDocument({
      title: "Oracle news",
      text: "Markets. Calm. A database was released later.",
    });
    expect(matchTopics(matcher, doc)).toEqual([
      { topic: "title", score: 3, matchedTerms: ["oracle"] },
      { topic: "body-only", score: 1, matchedTerms: ["database"] },
    ]);
  });

  it("weighs rarer terms when given document frequencies", () => {
    const matcher = createTopicMatcher([
      { id: "common", query: "deal" },
      { id: "rare", query: "oracle" },
    ]);
    const corpus = ["A deal", "Another deal", "Deal season", "Oracle deal"].map((title) =>
      prepareDocument({ title, text: "" }),
    );
    const stats = collectDocumentStats(corpus);
    expect(matchTopics(matcher, corpus[3]!, stats).map((h) => h.topic)).toEqual(["rare", "common"]);
  });

  it("names the topic whose query is bad, keeping the position in its query", () => {
    try {
      createTopicMatcher([
        { id: "ok", query: "tiktok" },
        { id: "broken", query: "tiktok (oracle" },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QueryError);
      expect((error as QueryError).message).toBe('Topic "broken": Unclosed parenthesis at 7');
      expect((error as QueryError).position).toBe(7);
    }
  });
});
