import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { answerQuestion } from "../../src/facts/answer.ts";
import { extractFacts } from "../../src/facts/extract-facts.ts";
import { createFactIndex, type FactIndex, type FactSearch } from "../../src/facts/fact-index.ts";
import type { Item, Lang } from "../../src/model.ts";

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

export const SEED_ID = "https://www.lemondeinformatique.fr/actualites/oracle-tiktok-seed";

/** The seed article as an item: its first line is the title, the rest the text. */
export function seedItem(): Item {
  const raw = readFileSync(fixture("seed/oracle-tiktok-article.fr.txt"), "utf8");
  const [title = "", ...rest] = raw.split("\n");
  return {
    id: SEED_ID,
    key: "lmi#oracle-tiktok-seed",
    feed: "https://www.lemondeinformatique.fr/flux-rss/thematique/toutes-les-actualites/rss.xml",
    feedTitle: "Le Monde Informatique",
    title,
    link: SEED_ID,
    published: "2020-09-14T09:00:00Z",
    categories: [],
    text: rest.join("\n"),
    fullText: true,
    lang: "fr",
    backlog: false,
    fetchedAt: "2020-09-14T09:05:00Z",
    topics: [{ topic: "tiktok-deal", score: 3 }],
  };
}

interface FixtureItem {
  key: string;
  id: string;
  link: string;
  feed: string;
  feedTitle: string;
  guildId?: string;
  lang: Lang;
  published: string;
  topics: string[];
  title: string;
  text: string;
}

/** The second fixture: several feeds, English and French, one of them guild-private. */
export function feedItems(): Item[] {
  const { items } = parse(readFileSync(fixture("facts/feeds.yaml"), "utf8")) as { items: FixtureItem[] };
  return items.map((item) => ({
    ...item,
    categories: [],
    fullText: true,
    backlog: false,
    fetchedAt: item.published,
    topics: item.topics.map((topic) => ({ topic, score: 1 })),
  }));
}

export function feedItem(key: string): Item {
  const item = feedItems().find((i) => i.key === key);
  if (!item) throw new Error(`no fixture item ${key}`);
  return item;
}

export function indexOf(items: readonly Item[]): FactIndex {
  const index = createFactIndex();
  for (const item of items) index.add(extractFacts(item));
  return index;
}

/** A news article of a test's own, told in one language. */
export function story(key: string, lang: Lang, title: string, text: string, published: string): Item {
  return {
    ...feedItems()[0]!,
    key,
    id: `https://news.example/${key}`,
    link: `https://news.example/${key}`,
    lang,
    title,
    text,
    published,
    topics: [],
  };
}

/** Asks questions of `index` as of `now`. */
export function asking(index: FactSearch, now = "2025-03-01T00:00:00Z") {
  return (question: string) => answerQuestion(question, index, { now });
}
