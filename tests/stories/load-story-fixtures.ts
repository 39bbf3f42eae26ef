import { readdirSync, readFileSync } from "node:fs";
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
  return { ...readStoryFile(`${FIXTURES}${name}.txt`).item, ...overrides };
}

/** The fixture sets written to calibrate grouping: one folder each, one file per article. */
export const STORY_SETS = ["nvidia-2025", "ai-act-2025", "crowdstrike-2024"] as const;

export type StorySetName = (typeof STORY_SETS)[number];

export interface StorySet {
  /** The set's articles in time order. */
  items: Item[];
  /** Each item's event (its `event:` header): items of one event should form one story. */
  eventOf: Map<string, string>;
}

export function loadStorySet(name: StorySetName): StorySet {
  const dir = `${FIXTURES}${name}/`;
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .map((file) => readStoryFile(dir + file));
  files.sort((a, b) => a.item.published!.localeCompare(b.item.published!));
  return {
    items: files.map((file) => file.item),
    eventOf: new Map(files.map((file) => [file.item.key, file.event])),
  };
}

function readStoryFile(path: string): { item: Item; event: string } {
  const raw = readFileSync(path, "utf8");
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
  return { item, event: header.get("event") ?? header.get("key")! };
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
