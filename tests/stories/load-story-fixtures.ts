import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Item, Lang, TopicMatch } from "../../src/model.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/stories/", import.meta.url));

/** The story fixtures by short name: `<file name without .en/.fr.txt>`. */
export const STORY_FIXTURES = [
  "oracle-verge.en",
  "oracle-reuters.en",
  "oracle-lmi.fr",
  "oracle-techcrunch.en",
  "walmart-cnbc.en",
  "walmart-01net.fr",
  "mayer-guardian.en",
  "mayer-lesechos.fr",
  "nvidia-arm.en",
  "oracle-earnings.en",
  "teams-lmi.fr",
  "tiktok-feature.en",
] as const;

export type StoryFixtureName = (typeof STORY_FIXTURES)[number];

/**
 * Reads one fixture article: `key: value` header lines, `---`, the title on the first line, then
 * the article's text. `topics: a=1.5, b=0.4` gives the item's topic matches.
 */
export function loadStoryItem(name: StoryFixtureName, overrides: Partial<Item> = {}): Item {
  const raw = readFileSync(`${FIXTURES}${name}.txt`, "utf8");
  const [head = "", body = ""] = raw.split(/^---$/m);
  const header = new Map<string, string>();
  for (const line of head.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) header.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const lines = body.trim().split("\n");
  const title = lines[0]!.trim();
  const text = lines.slice(1).join("\n").trim();
  const published = header.get("published")!;
  const item: Item = {
    id: header.get("link")!,
    key: header.get("key")!,
    feed: header.get("feed")!,
    feedTitle: header.get("feedTitle"),
    title,
    link: header.get("link"),
    published,
    categories: [],
    text,
    fullText: true,
    lang: header.get("lang") as Lang,
    backlog: false,
    fetchedAt: published,
    topics: parseTopics(header.get("topics") ?? ""),
  };
  return { ...item, ...overrides };
}

export function loadStoryItems(names: readonly StoryFixtureName[]): Item[] {
  return names.map((name) => loadStoryItem(name));
}

function parseTopics(value: string): TopicMatch[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [topic = "", score = "0"] = part.split("=");
      return { topic: topic.trim(), score: Number(score) };
    });
}
