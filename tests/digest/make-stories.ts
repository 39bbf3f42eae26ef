import type { Item, Story, TopicMatch } from "../../src/model.ts";

/** A small item for digest tests: a few sentences, one feed, no surprises. */
export function makeItem(key: string, overrides: Partial<Item> = {}): Item {
  return {
    id: `guid-${key}`,
    key,
    feed: `https://feeds.example.com/${key.split("-")[0]}.xml`,
    feedTitle: `Feed ${key.split("-")[0]}`,
    title: `Title of ${key}`,
    link: `https://news.example.com/${key}`,
    published: "2020-09-14T08:00:00Z",
    categories: [],
    text:
      `Something happened in story ${key} on Monday, according to people familiar with the matter. ` +
      `The company confirmed the news in a statement released later in the day to reporters. ` +
      `Analysts said the decision would change the market for years to come in many countries.`,
    fullText: true,
    lang: "en",
    backlog: false,
    fetchedAt: "2020-09-14T08:00:00Z",
    topics: [],
    ...overrides,
  };
}

/** A story over the given items, with the fields a digest reads. */
export function makeStory(
  id: string,
  items: Item[],
  overrides: Partial<Story> & { topics?: TopicMatch[] } = {},
): Story {
  const lead = items[0]!;
  return {
    id,
    items: items.map((item) => item.key),
    firstSeen: "2020-09-14T09:00:00Z",
    published: lead.published ?? lead.fetchedAt,
    updatedAt: "2020-09-14T09:00:00Z",
    topics: [{ topic: "tiktok-deal", score: 1 }],
    title: lead.title,
    lang: lead.lang,
    summary: `Summary of ${id}. It has a second sentence.`,
    backlog: false,
    signature: { entities: [], terms: [], weights: [] },
    ...overrides,
  };
}

export function lookupOf(items: Item[]): Map<string, Item> {
  return new Map(items.map((item) => [item.key, item]));
}
