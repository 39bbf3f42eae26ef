import { type DigestStoryInput, renderDigestMessages } from "../discord/render-embeds.ts";
import type { Corpus } from "./corpus.ts";
import { median } from "./stats.ts";

export interface DigestResult {
  stories: number;
  messages: number;
  embeds: number;
  /** Median over `rounds` renderings of every story, and the fastest. */
  medianMs: number;
  minMs: number;
  baselineMedianMs: number;
  rounds: number;
}

/**
 * Stories as the digest hands them to the renderer: one per covered event, the most covered
 * first, titled by its first article, summarised by that article's opening (about what the
 * extractive summariser keeps), every article a source. A small corpus's events are used again
 * until there are `count` stories, so every mode renders the same number.
 */
export function createDigestStories(corpus: Corpus, count: number): DigestStoryInput[] {
  const covered = corpus.events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.articles.length > 0)
    .sort((a, b) => b.event.articles.length - a.event.articles.length || a.index - b.index);
  if (covered.length === 0) return [];
  return Array.from({ length: count }, (_, i) => covered[i % covered.length]!).map(({ event }) => {
    const articles = event.articles.map((a) => ({
      feed: corpus.feeds[a.feed]!,
      item: corpus.feeds[a.feed]!.items[a.item]!,
    }));
    const lead = articles[0]!;
    return {
      topics: [event.kind.name],
      title: lead.item.title,
      summary: lead.item.paragraphs[0]!.slice(0, 600),
      published: lead.item.published,
      url: lead.item.link,
      sources: articles.map(({ feed, item }) => ({ url: item.link, feed: feed.title })),
    };
  });
}

/**
 * Renders the stories to Discord message bodies `rounds` times (the first round warms up and
 * is not counted). Baseline: the floor of building payloads — ten plain embeds a message with
 * fields sliced to Discord's limits, no escaping, no budget sharing, no checks.
 */
export function measureDigest(
  stories: readonly DigestStoryInput[],
  rounds: number,
  now: string,
): DigestResult {
  const options = { locale: "en" as const, now: new Date(now) };
  renderDigestMessages({ stories }, options);
  renderBaseline(stories);
  const times: number[] = [];
  const baselineTimes: number[] = [];
  let messages = renderDigestMessages({ stories }, options);
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    messages = renderDigestMessages({ stories }, options);
    times.push(performance.now() - start);
    start = performance.now();
    renderBaseline(stories);
    baselineTimes.push(performance.now() - start);
  }
  return {
    stories: stories.length,
    messages: messages.length,
    embeds: messages.reduce((n, m) => n + m.embeds.length, 0),
    medianMs: median(times),
    minMs: Math.min(...times),
    baselineMedianMs: median(baselineTimes),
    rounds,
  };
}

function renderBaseline(stories: readonly DigestStoryInput[]): unknown[] {
  const messages: unknown[] = [];
  for (let i = 0; i < stories.length; i += 10) {
    messages.push({
      embeds: stories.slice(i, i + 10).map((story) => ({
        title: story.title.slice(0, 256),
        url: story.url,
        description: story.summary.slice(0, 4096),
        fields: [
          {
            name: "Sources",
            value: story.sources
              .map((s) => s.feed)
              .join(", ")
              .slice(0, 1024),
          },
        ],
        footer: { text: story.topics.join(" · ") },
        timestamp: story.published,
      })),
      allowed_mentions: { parse: [] },
    });
  }
  return messages;
}
