import type { Topic } from "../model.ts";
import { type FeedFormat, renderFeedXml } from "./feed-xml.ts";
import { COMPANY_KINDS } from "./kinds-company.ts";
import { DEAL_KINDS } from "./kinds-deals.ts";
import { POLICY_KINDS } from "./kinds-policy.ts";
import { TIKTOK_KINDS } from "./kinds-tiktok.ts";
import { type CorpusQuestion, createQuestions } from "./questions.ts";
import { createRandom, type Random } from "./random.ts";
import { person, type Slots } from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";
import { createCorpusTopics, createMatchTopics } from "./topics.ts";
import { OUTLETS_EN, OUTLETS_FR } from "./vocabulary.ts";
import { writeArticle } from "./write-article.ts";

/** The size and seed of a corpus. Full run: 500 × 40, 50 topics, 1 000 matching topics and questions. */
export interface CorpusOptions {
  seed: number;
  feeds: number;
  itemsPerFeed: number;
  topics: number;
  matchTopics: number;
  questions: number;
  /** The corpus's "now": items are dated in the `days` before it. */
  now?: string;
  days?: number;
}

export interface CorpusItem {
  guid: string;
  link: string;
  title: string;
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  paragraphs: string[];
  lang: "en" | "fr";
  published: string;
  author: string;
  words: number;
  /** Index of the event the article covers in `Corpus.events`. */
  event: number;
}

export interface CorpusFeed {
  index: number;
  /** Path on the corpus server: `/feeds/feed-007.xml`. */
  path: string;
  title: string;
  lang: "en" | "fr";
  format: FeedFormat;
  items: CorpusItem[];
  xml: string;
}

/** A news event several outlets may cover: one kind of story with its drawn facts. */
export interface CorpusEvent {
  kind: StoryKind;
  ms: number;
  slots: Slots;
  /** Keys into `Corpus.feeds[feed].items[item]` of the articles about it. */
  articles: { feed: number; item: number }[];
}

export interface Corpus {
  options: Required<CorpusOptions>;
  feeds: CorpusFeed[];
  events: CorpusEvent[];
  /** Topics in the query language, for the configuration (the pipeline matches them). */
  topics: Topic[];
  /** Generated topics for the matching measurement. */
  matchTopics: Topic[];
  questions: CorpusQuestion[];
}

const DAY_MS = 86_400_000;
const KINDS: readonly StoryKind[] = [...DEAL_KINDS, ...COMPANY_KINDS, ...POLICY_KINDS, ...TIKTOK_KINDS];
const FORMATS: readonly FeedFormat[] = ["rss2", "atom", "rss1"];
// Events per item: most events are told by one or two outlets, a few by many (see pickEvent).
const EVENTS_PER_ITEM = 0.45;

/**
 * Generates the corpus. The same options always give the same corpus, byte for byte: every
 * draw comes from the seeded generator, forked per part so that, e.g., changing the number of
 * questions does not change a feed. A third of the feeds are French; formats rotate so that
 * each language has every format.
 */
export function generateCorpus(options: CorpusOptions): Corpus {
  const full: Required<CorpusOptions> = { now: "2025-09-30T12:00:00.000Z", days: 30, ...options };
  const root = createRandom(full.seed);
  const nowMs = Date.parse(full.now);
  const eventRandom = root.fork("events");
  const eventCount = Math.max(1, Math.round(full.feeds * full.itemsPerFeed * EVENTS_PER_ITEM));
  const events: CorpusEvent[] = Array.from({ length: eventCount }, () => {
    const kind = pickKind(eventRandom);
    const ms = nowMs - Math.floor(eventRandom.next() * full.days * DAY_MS);
    return { kind, ms, slots: kind.slots(eventRandom, ms), articles: [] };
  });
  const feeds = Array.from({ length: full.feeds }, (_, index) =>
    generateFeed(root.fork(`feed-${index}`), index, full, events, nowMs),
  );
  return {
    options: full,
    feeds,
    events,
    topics: createCorpusTopics(root.fork("topics"), full.topics),
    matchTopics: createMatchTopics(root.fork("match-topics"), full.matchTopics),
    questions: createQuestions(root.fork("questions"), feeds, events, full.questions),
  };
}

function generateFeed(
  random: Random,
  index: number,
  options: Required<CorpusOptions>,
  events: CorpusEvent[],
  nowMs: number,
): CorpusFeed {
  const lang = index % 3 === 1 ? "fr" : "en";
  const format = FORMATS[Math.floor(index / 3) % FORMATS.length]!;
  const outlets = lang === "fr" ? OUTLETS_FR : OUTLETS_EN;
  const title = `${outlets[index % outlets.length]} ${index + 1}`;
  const slug = `feed-${String(index).padStart(3, "0")}`;
  const site = `https://www.${slug}.example/`;
  const items: CorpusItem[] = [];
  for (let n = 0; n < options.itemsPerFeed; n++) {
    const eventIndex = pickEvent(random, events.length);
    const event = events[eventIndex]!;
    // Between 150 and 1 500 words, most articles short: the square skews towards the minimum.
    const targetWords = 150 + Math.floor(1350 * random.next() ** 2);
    const article = writeArticle(random, event.kind, event.slots, lang, targetWords, event.ms);
    const publishedMs = Math.min(nowMs, event.ms + Math.floor(random.next() * 36 * 3_600_000));
    const published = new Date(publishedMs).toISOString();
    const link = `${site}${published.slice(0, 4)}/${published.slice(5, 7)}/${slugOf(article.title)}-${n}`;
    items.push({
      guid: format === "atom" ? `tag:${slug}.example,2025:${n}` : format === "rss1" ? link : `${slug}-${n}`,
      link,
      title: article.title,
      text: article.paragraphs.join("\n\n"),
      paragraphs: article.paragraphs,
      lang,
      published,
      author: person(random).en,
      words: article.words,
      event: eventIndex,
    });
  }
  // Newest first, as feeds list them.
  items.sort((a, b) => b.published.localeCompare(a.published));
  items.forEach((item, n) => {
    events[item.event]!.articles.push({ feed: index, item: n });
  });
  const xml = renderFeedXml({
    format,
    title,
    site,
    selfPath: `/feeds/${slug}.xml`,
    lang,
    updated: items[0]?.published ?? new Date(nowMs).toISOString(),
    items: items.map((item) => ({ ...item, category: event(events, item).kind.category[lang] })),
  });
  return { index, path: `/feeds/${slug}.xml`, title, lang, format, items, xml };
}

function event(events: CorpusEvent[], item: CorpusItem): CorpusEvent {
  return events[item.event]!;
}

function pickKind(random: Random): StoryKind {
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  let at = random.next() * total;
  for (const kind of KINDS) {
    at -= kind.weight;
    if (at < 0) return kind;
  }
  return KINDS[KINDS.length - 1]!;
}

/** Skewed towards the first events: a few stories are covered everywhere, most by one outlet. */
function pickEvent(random: Random, count: number): number {
  return Math.min(count - 1, Math.floor(count * random.next() ** 1.5));
}

function slugOf(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
