import type { Item, Lang, Story, Topic } from "../model.ts";
import { topicsInScope, viewStory } from "./story-view.ts";

/** One source of a digest story (DESIGN.md digest JSON, plus the feed's display name). */
export interface DigestSource {
  /** The item's id: its feed guid, else its link. */
  id: string;
  title: string;
  url: string | null;
  /** Feed URL. */
  feed: string;
  /** Feed display name: its title, else its host. */
  feedTitle: string;
  published: string;
  lang: Lang;
}

/** One story of a digest: DESIGN.md's digest JSON fields, then fields for rendering. */
export interface DigestStory {
  id: string;
  /** Every topic in scope the story matched, best first. */
  topics: string[];
  title: string;
  summary: string;
  lang: Lang;
  published: string;
  sources: DigestSource[];
  /** The topic it is listed under: its best-scoring one (a story appears once per digest). */
  topic: string;
  topicName: string;
  /** Its score for that topic. */
  score: number;
  firstSeen: string;
  /** The lead source's link. */
  url: string | null;
}

export interface Digest {
  generatedAt: string;
  since?: string;
  topic?: string;
  /** Grouped by topic (in the order topics were given), best first within each topic. */
  stories: DigestStory[];
}

export interface DigestInput {
  stories: readonly Story[];
  /** Lookup of the stories' items by key. */
  items: ReadonlyMap<string, Item>;
  /** Topics in display order (configuration order); their ids name the digest's sections. */
  topics: readonly Topic[];
  /** Only stories first seen after this time. */
  since?: string | Date;
  /** Only this topic. */
  topicId?: string;
  /** Audience: global stories and sources plus this guild's. Without it, global only. */
  guildId?: string;
  now: string | Date;
}

/**
 * The digest that would be posted now. Rules, in order:
 * 1. Backlog stories (every source read on a feed's first run) are never included.
 * 2. `since` keeps stories first seen after it. A story that gains a source later keeps its
 *    first-seen time, so it is not posted again (DESIGN.md posting rules).
 * 3. Scope: only sources the audience may see; a story with none is left out.
 * 4. A story needs a topic in scope (and `topicId`, when given). A story in two topics appears
 *    once, under its best-scoring topic; a tie goes to the topic listed first.
 * 5. Within a topic: higher score first, then more sources, then more recent, then by id.
 * The same inputs always give the same digest.
 */
export function buildDigest(input: DigestInput): Digest {
  const since = input.since === undefined ? undefined : toIso(input.since, "since");
  const generatedAt = toIso(input.now, "now");
  const scoped = topicsInScope(input.topics, input.guildId).filter(
    (topic) => input.topicId === undefined || topic.id === input.topicId,
  );
  const order = new Map(scoped.map((topic, i) => [topic.id, i]));
  const entries: DigestStory[] = [];
  for (const story of input.stories) {
    if (story.backlog) continue;
    if (since !== undefined && !(Date.parse(story.firstSeen) > Date.parse(since))) continue;
    const matches = story.topics
      .filter((match) => order.has(match.topic))
      .sort((a, b) => b.score - a.score || order.get(a.topic)! - order.get(b.topic)!);
    const best = matches[0];
    if (!best) continue;
    const view = viewStory(story, input.items, input.guildId);
    if (!view) continue;
    entries.push({
      id: story.id,
      topics: matches.map((match) => match.topic),
      title: view.title,
      summary: view.summary,
      lang: view.lang,
      published: story.published,
      sources: view.members.map(toSource),
      topic: best.topic,
      topicName: scoped[order.get(best.topic)!]!.name,
      score: best.score,
      firstSeen: story.firstSeen,
      url: view.url ?? null,
    });
  }
  entries.sort(
    (a, b) =>
      order.get(a.topic)! - order.get(b.topic)! ||
      b.score - a.score ||
      b.sources.length - a.sources.length ||
      Date.parse(b.published) - Date.parse(a.published) ||
      compareIds(a.id, b.id),
  );
  return {
    generatedAt,
    ...(since !== undefined ? { since } : {}),
    ...(input.topicId !== undefined ? { topic: input.topicId } : {}),
    stories: dedupeById(entries),
  };
}

function toIso(value: string | Date, name: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`buildDigest: "${name}" is not a date: ${String(value)}`);
  return date.toISOString();
}

function toSource(item: Item): DigestSource {
  return {
    id: item.id,
    title: item.title,
    url: item.link ?? null,
    feed: item.feed,
    feedTitle: item.feedTitle ?? hostOf(item.feed),
    published: item.published ?? item.fetchedAt,
    lang: item.lang,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

// Two stored stories with the same id (a caller passing duplicates) still appear once.
function dedupeById(entries: DigestStory[]): DigestStory[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    if (seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
