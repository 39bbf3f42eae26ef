import { createScope } from "../actions/scope.ts";
import { listAllTopics } from "../actions/topics.ts";
import type { App } from "../main.ts";
import type { Item, Story, Topic, TopicMatch } from "../model.ts";
import { itemVector } from "../stories/feature-vectors.ts";
import { assembleStories, type KeptItem, keepForGrouping, planStories } from "../stories/group-stories.ts";
import { detectLanguage } from "../text/language.ts";
import { prepareDocument } from "../topics/document.ts";
import { createTopicMatcher, matchTopics } from "../topics/topic-matcher.ts";
import type { FactBase } from "./fact-base.ts";
import { mapInTurns } from "./in-turns.ts";

/** Items (or stories) handled between two turns of the event loop (see in-turns.ts). */
const TURN = 50;

export interface ProcessResult {
  items: Item[];
  /** Stories created or joined. */
  stories: Story[];
}

/**
 * What happens to new items after they are read, in order: language (again, when the article's
 * full text replaced the excerpt) → topics (every topic's query, scored; a guild's topic only
 * for items that guild may see) → stories (grouped with recent ones, summaries written) → store
 * (stories, facts, then items).
 */
export async function processNewItems(
  app: App,
  fresh: Item[],
  facts: FactBase,
  /** What this poll's earlier batches read and wrote (a poll's batches share one). */
  memory: PollMemory = createPollMemory(),
): Promise<ProcessResult> {
  if (fresh.length === 0) return { items: [], stories: [] };
  const topics = await listAllTopics(app);
  const matched = await matchItems(app, fresh.map(redetectLanguage), topics);

  const now = app.now();
  const windowHours = app.config.settings.limits.storyWindowHours;
  const recent = await recentStories(
    app,
    memory,
    new Date(now.getTime() - 2 * windowHours * 3_600_000).toISOString(),
  );
  // Grouping compares new items with the recent stories' members: the poll's own are kept in
  // memory (their features), the others are read.
  const members = new Map<string, Item | KeptItem>();
  const read = new Map<string, Item>();
  const missing: string[] = [];
  for (const key of recent.flatMap((s) => s.items)) {
    const item = memory.items.get(key);
    if (item) members.set(key, item);
    else missing.push(key);
  }
  await readItems(app, missing, read);
  for (const [key, item] of read) members.set(key, item);
  // Each new item's features are worked out (and kept) a few at a time before the grouping,
  // which then finds them ready.
  await mapInTurns(matched, TURN, itemVector);
  const planned = planStories(matched, recent, members, { windowHours, now });
  // Titles and summaries need the full text of the stories that change: only their earlier
  // members are read back, not the whole window's.
  const earlier = planned.plans.flatMap((plan) => plan.previous?.items ?? []);
  await readItems(
    app,
    earlier.filter((key) => !read.has(key)),
    read,
  );
  const assembled = await mapInTurns(chunks(planned.plans, TURN), 1, (plans) =>
    assembleStories({ ...planned, plans }, read),
  );
  const grouped = { stories: assembled.flatMap((part) => part.stories), assignments: planned.assignments };
  const items = matched.map((item) => {
    const story = grouped.assignments.get(item.key);
    return story ? { ...item, story } : item;
  });
  const before = new Map(recent.map((story) => [story.id, story]));
  const stories = grouped.stories.map((story) => becomeNews(story, before.get(story.id), now));

  // Stories and facts before items: storing an item marks it seen, so a crash in between must
  // leave a story or facts waiting for their item (the next poll reads the item again, it
  // rejoins the story and its facts replace the first ones), never a seen item without them.
  await app.store.stories.putMany(stories);
  await facts.addItems(items);
  await app.store.items.putMany(items);
  for (const item of items) memory.items.set(item.key, keepForGrouping(item));
  for (const story of stories) memory.stories?.set(story.id, story);
  return { items, stories };
}

/**
 * What a poll keeps between its batches so that later batches do not read it back from the
 * store: a first poll's stories all count as recent, and reading them (and their items) again
 * for every batch grew with the store. Polls never overlap (see bot-cycles.ts), so nothing else
 * writes stories meanwhile.
 */
export interface PollMemory {
  /** Items stored by this poll's earlier batches, as grouping needs them (see `keepForGrouping`). */
  items: Map<string, KeptItem>;
  /** Recent stories by id, as stored after the last batch; read from the store by the first. */
  stories: Map<string, Story> | undefined;
}

export function createPollMemory(): PollMemory {
  return { items: new Map(), stories: undefined };
}

/** Stories first seen since `iso`, in the store's order (as `stories.since` gives them). */
async function recentStories(app: App, memory: PollMemory, iso: string): Promise<Story[]> {
  if (!memory.stories) {
    const stored = await app.store.stories.since(iso);
    memory.stories = new Map(stored.map((story) => [story.id, story]));
    return stored;
  }
  return [...memory.stories.values()].filter((story) => story.firstSeen >= iso);
}

/** Reads the stored items of `keys` into `into` (keys not stored are left out). */
async function readItems(app: App, keys: string[], into: Map<string, Item>): Promise<void> {
  if (keys.length === 0) return;
  for (const item of await app.store.items.getMany(keys)) into.set(item.key, item);
}

/**
 * A story read only as backlog was never news. When a new report joins it, it becomes news at
 * that moment: its first-seen time moves to now, so digests "since the last one" include it.
 */
function becomeNews(story: Story, before: Story | undefined, now: Date): Story {
  if (!before?.backlog || story.backlog) return story;
  return { ...story, firstSeen: now.toISOString() };
}

function redetectLanguage(item: Item): Item {
  if (!item.fullText) return item;
  const lang = detectLanguage(`${item.title}\n${item.text}`, item.lang);
  return lang === item.lang ? item : { ...item, lang };
}

/** Scores every item against every topic; a guild's topic applies only to items it may see. */
async function matchItems(app: App, items: Item[], topics: Topic[]): Promise<Item[]> {
  if (topics.length === 0) return items;
  const matcher = createTopicMatcher(topics);
  const guildOf = new Map(topics.map((t) => [t.id, t.guildId]));
  const scopes = new Map<string, Awaited<ReturnType<typeof createScope>>>();
  for (const guildId of new Set(topics.map((t) => t.guildId))) {
    if (guildId) scopes.set(guildId, await createScope(app, guildId));
  }
  return mapInTurns(items, TURN, (item) => {
    const hits = matchTopics(matcher, prepareDocument(item));
    const visible: TopicMatch[] = hits
      .filter((hit) => {
        const guildId = guildOf.get(hit.topic);
        return guildId === undefined || scopes.get(guildId)?.sees(item) === true;
      })
      .map((hit) => ({ topic: hit.topic, score: round(hit.score) }));
    return { ...item, topics: visible };
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
