import type { Item, Lang, Story } from "../model.ts";
import { splitSentences } from "../text/sentences.ts";
import { viewStory } from "./story-view.ts";

/** One step of a topic's history: when, what happened, who told it. */
export interface TimelineEntry {
  /** Story id. */
  id: string;
  /** When it happened: the story's earliest published date. */
  date: string;
  title: string;
  /** The sentence that says what happened: the first sentence of the story's summary. */
  sentence: string;
  lang: Lang;
  /** Feed display names of its sources, in the order they were seen. */
  sources: string[];
  url: string | null;
}

export interface TimelineOptions {
  /** Audience: global stories and sources plus this guild's. Without it, global only. */
  guildId?: string;
  /**
   * Include stories read on a feed's first run (default true). A timeline is history asked for
   * on demand, like an answer: the backlog is exactly what tells how the story began. It is
   * never posted by itself, which is what the first-run rule protects against.
   */
  includeBacklog?: boolean;
}

/** The topic's stories in date order (oldest first; ties by id), each with what happened. */
export function buildTimeline(
  topicId: string,
  stories: readonly Story[],
  items: ReadonlyMap<string, Item>,
  opts: TimelineOptions = {},
): TimelineEntry[] {
  const includeBacklog = opts.includeBacklog ?? true;
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const story of stories) {
    if (seen.has(story.id)) continue;
    if (!includeBacklog && story.backlog) continue;
    if (!story.topics.some((match) => match.topic === topicId)) continue;
    const view = viewStory(story, items, opts.guildId);
    if (!view) continue;
    seen.add(story.id);
    entries.push({
      id: story.id,
      date: story.published,
      title: view.title,
      sentence: firstSentence(view.summary, view.lang) ?? view.title,
      lang: view.lang,
      sources: [...new Set(view.members.map((m) => m.feedTitle ?? m.feed))],
      url: view.url ?? null,
    });
  }
  return entries.sort(
    (a, b) => Date.parse(a.date) - Date.parse(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function firstSentence(summary: string, lang: Lang): string | undefined {
  return splitSentences(summary, lang)[0]?.text;
}
