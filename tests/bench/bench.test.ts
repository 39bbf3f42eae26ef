import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, generateCorpus } from "../../src/bench/corpus.ts";
import { type CorpusServer, matchesEtag, startCorpusServer } from "../../src/bench/corpus-server.ts";
import { contentTypeOf } from "../../src/bench/feed-xml.ts";
import { buildFigures } from "../../src/bench/figures.ts";
import { isExpectedAnswer } from "../../src/bench/questions.ts";
import { compileRegexTopic, foldDocument } from "../../src/bench/regex-matcher.ts";
import { formatNotes, formatTable } from "../../src/bench/report.ts";
import { benchPreset, runBenchmark } from "../../src/bench/run-benchmark.ts";
import { PhaseError, spawnPhase } from "../../src/bench/spawn-phase.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";
import { createTopicMatcher } from "../../src/topics/topic-matcher.ts";

const TINY = { seed: 7, feeds: 3, itemsPerFeed: 5, topics: 5, matchTopics: 5, questions: 5 };

describe("the benchmark corpus", () => {
  it("is the same, byte for byte, for the same seed, and differs for another seed", () => {
    const a = generateCorpus(TINY);
    const b = generateCorpus(TINY);
    const c = generateCorpus({ ...TINY, seed: 8 });
    expect(a.feeds.map((f) => f.xml)).toEqual(b.feeds.map((f) => f.xml));
    expect(a.questions).toEqual(b.questions);
    expect(a.topics).toEqual(b.topics);
    expect(a.matchTopics).toEqual(b.matchTopics);
    expect(c.feeds.map((f) => f.xml)).not.toEqual(a.feeds.map((f) => f.xml));
  });

  it("has a third of its feeds in French and every format in both languages", () => {
    const corpus = generateCorpus({ ...TINY, feeds: 18 });
    expect(corpus.feeds.filter((f) => f.lang === "fr")).toHaveLength(6);
    for (const lang of ["en", "fr"]) {
      const formats = new Set(corpus.feeds.filter((f) => f.lang === lang).map((f) => f.format));
      expect([...formats].sort()).toEqual(["atom", "rss1", "rss2"]);
    }
  });

  it("writes bodies of 150 words or more with names, numbers with units and dates", () => {
    const items = generateCorpus({ ...TINY, feeds: 6, itemsPerFeed: 10 }).feeds.flatMap((f) => f.items);
    expect(items).toHaveLength(60);
    for (const item of items) {
      expect(item.words).toBeGreaterThanOrEqual(150);
      expect(item.words).toBeLessThan(1700);
      expect(item.text).toMatch(/\d/);
      expect(item.text).toMatch(/\b(?:19|20)\d\d\b/);
    }
    const all = items.map((i) => i.text).join("\n");
    expect(all).toMatch(/\d+(?:[.,]\d)? ?%/);
    expect(all).toMatch(/(?:\$|€)\d|millions? d|milliards? d/);
  });

  it("serves feeds that newsdesk's parser reads whole, in RSS 2.0, Atom and RSS 1.0", async () => {
    const corpus = generateCorpus({ ...TINY, feeds: 3 });
    for (const feed of corpus.feeds) {
      const parsed = await parseFeed(feed.xml, `http://127.0.0.1${feed.path}`);
      expect(parsed.title).toBe(feed.title);
      expect(parsed.items.map((i) => i.title)).toEqual(feed.items.map((i) => i.title));
      expect(parsed.items.every((i) => (i.content ?? "").includes("<p>"))).toBe(true);
      expect(parsed.items.every((i) => i.published !== undefined)).toBe(true);
    }
  });

  it("writes topics the query language accepts, and the TikTok deal among them", () => {
    const corpus = generateCorpus({ ...TINY, topics: 50, matchTopics: 200 });
    expect(corpus.topics).toHaveLength(50);
    expect(corpus.topics.map((t) => t.id)).toContain("tiktok-deal");
    expect(new Set(corpus.topics.map((t) => t.id)).size).toBe(50);
    expect(() => createTopicMatcher(corpus.topics)).not.toThrow();
    expect(() => createTopicMatcher(corpus.matchTopics)).not.toThrow();
  });

  it("asks questions in both languages whose expected answers the corpus states", () => {
    const corpus = generateCorpus({ ...TINY, feeds: 6, itemsPerFeed: 10, questions: 10 });
    expect(corpus.questions).toHaveLength(10);
    expect(new Set(corpus.questions.map((q) => q.lang))).toEqual(new Set(["en", "fr"]));
    // Stated in the asker's language: an article may leave out the sentence that says it.
    const textIn = (lang: string) =>
      corpus.feeds
        .filter((f) => f.lang === lang)
        .flatMap((f) => f.items.map((i) => `${i.title}\n${i.text}`))
        .join("\n");
    for (const q of corpus.questions) expect(isExpectedAnswer(textIn(q.lang), q.expect)).toBe(true);
  });

  it("names, for a question several events answer, the other events' answers", () => {
    const corpus = generateCorpus({ ...TINY, feeds: 40, itemsPerFeed: 20, questions: 200 });
    const shared = corpus.questions.filter((q) => q.others.length > 0);
    expect(shared.length).toBeGreaterThan(0);
    const answersOf = new Map<string, Set<string>>();
    for (const q of corpus.questions)
      answersOf.set(q.text, (answersOf.get(q.text) ?? new Set()).add(q.expect[0]!));
    for (const q of corpus.questions) {
      for (const form of q.others) expect(q.expect).not.toContain(form);
      // Asked twice about two events, the same words name each other's answers.
      for (const answer of answersOf.get(q.text)!)
        if (answer !== q.expect[0]) expect(q.others).toContain(answer);
    }
  });
});

describe("the corpus server", () => {
  let corpus: Corpus;
  let server: CorpusServer;
  beforeAll(async () => {
    corpus = generateCorpus(TINY);
    const feeds = corpus.feeds.map((f) => ({
      path: f.path,
      body: f.xml,
      contentType: contentTypeOf(f.format),
    }));
    server = await startCorpusServer(feeds, corpus.options.now);
  });
  afterAll(() => server.close());

  it("answers 200 with an ETag, then 304 to If-None-Match, and 404 to unknown paths", async () => {
    const url = server.urlOf(corpus.feeds[0]!.path);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe(corpus.feeds[0]!.xml);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const second = await fetch(url, { headers: { "if-none-match": etag! } });
    expect(second.status).toBe(304);
    const other = await fetch(url, { headers: { "if-none-match": '"something-else"' } });
    expect(other.status).toBe(200);
    expect((await fetch(server.urlOf("/nope.xml"))).status).toBe(404);
    expect(server.counts).toMatchObject({ ok: 2, notModified: 1, notFound: 1 });
  });

  it("compares entity tags weakly, in lists and with *", () => {
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abcd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});

describe("the regex baseline of topic matching", () => {
  const doc = foldDocument(
    "Oracle chosen as TikTok's partner",
    "ByteDance picked Oracle. Later: the executive order gave ByteDance 90 days to divest. ".repeat(8) +
      "Trends in the décret.",
  );
  it.each([
    ["tiktok oracle", true],
    ["tiktok walmart", false],
    ["walmart OR oracle", true],
    ["oracle -decret", false],
    ['"executive order"', true],
    ['"order executive"', false],
    ["title:bytedance", false],
    ["lead:bytedance", true],
    ["lead:trends", false],
    ["divest*", true],
    ["(walmart OR microsoft) oracle", false],
  ])("%s → %s", (query, expected) => {
    expect(compileRegexTopic(query)(doc)).toBe(expected);
  });
});

describe("the benchmark harness", () => {
  it("reports a phase that dies with the reason its process gave", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-test-"));
    try {
      const error = await spawnPhase("no-such-phase", {}, dir, 60_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PhaseError);
      expect((error as PhaseError).message).toMatch(/no-such-phase.*exit 2.*usage: run-phase/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the peak memory a dead poll reached, as a lower bound, and says why the rest is missing", () => {
    const figures = buildFigures(
      {
        failures: { poll: "JavaScript heap out of memory" },
        died: { poll: { ms: 700_000, peakRssBytes: 4e9 } },
      },
      true,
    );
    const memory = figures.find((f) => f.id === "memory-cold-poll")!;
    expect(memory).toMatchObject({ value: 4e9, atLeast: true, met: false });
    const cold = figures.find((f) => f.id === "cold-poll")!;
    expect(cold.value).toBeNaN();
    expect(cold.met).toBe(false);
    expect(cold.note).toMatch(/after 700 s: JavaScript heap out of memory/);
    expect(formatTable(figures)).toContain("≥ 3 815 MB");
    expect(formatNotes(figures)).toContain("Cold poll, whole pipeline: not measured");
  });

  it(
    "runs every phase at a tiny size and reports every figure with a finite value",
    async () => {
      const results = await runBenchmark({ ...benchPreset("tiny"), corpus: TINY });
      expect(results.details.failures).toEqual({});
      expect(results.figures.map((f) => f.id)).toEqual([
        "cold-poll",
        "cold-poll-cpu",
        "cold-poll-stall",
        "warm-poll",
        "topic-matching",
        "topic-matching-prepared",
        "answers-p50",
        "answers-p95",
        "answers-right",
        "answers-right-single",
        "facts",
        "start-up",
        "digest",
        "memory-cold-poll",
        "memory-answers",
      ]);
      for (const figure of results.figures) {
        expect(Number.isFinite(figure.value), figure.id).toBe(true);
        if (figure.baseline !== undefined) expect(Number.isFinite(figure.baseline), figure.id).toBe(true);
        if (figure.target) expect(typeof figure.met, figure.id).toBe("boolean");
      }
      expect(results.machine.cores).toBeGreaterThan(0);
      expect(results.machine.node).toBe(process.version);
      expect(results.mode).toBe("tiny");
      expect(results.corpus.items).toBe(15);
      const poll = results.details.poll as {
        cold: { newItems: number };
        warm: { newItems: number; notModified: number };
      };
      expect(poll.cold.newItems).toBe(15);
      expect(poll.warm).toMatchObject({ newItems: 0, notModified: 3 });
      expect(formatTable(results.figures).split("\n")).toHaveLength(2 + results.figures.length);
    },
    5 * 60_000,
  );
});
