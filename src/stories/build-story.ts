import { createHash } from "node:crypto";
import type { Item, Story, StorySignature, TopicMatch } from "../model.ts";
import { type Summariser, summariseStory } from "../summaries/summarise.ts";
import { pickLeadItem } from "./lead-item.ts";
import { memoiseSummariser } from "./memo-summariser.ts";

/** A story's id: derived from its first item's key, so regrouping the same items gives the same id. */
export function storyIdFor(firstItemKey: string): string {
  return `st_${createHash("sha256").update(firstItemKey).digest("hex").slice(0, 16)}`;
}

/** When an item happened: its published date, else when it was fetched. */
export function itemTime(item: Pick<Item, "published" | "fetchedAt">): number {
  const published = item.published ? Date.parse(item.published) : Number.NaN;
  return Number.isNaN(published) ? Date.parse(item.fetchedAt) : published;
}

export interface StoryDraft {
  id: string;
  /** Member keys in the order they were seen. */
  keys: string[];
  /** The members at hand (from this call or the lookup); may miss some of `keys`. */
  known: Map<string, Item>;
  previous?: Story;
  signature: StorySignature;
}

/**
 * Assembles a story from its members. When every member is at hand, everything is derived from
 * them; when some are missing from the lookup, the previous story's values stand for them
 * (title, language and summary are then kept as they were).
 */
export function assembleStory(draft: StoryDraft, now: string, summariser?: Summariser): Story {
  const members = draft.keys.map((key) => draft.known.get(key)).filter((item): item is Item => !!item);
  const complete = members.length === draft.keys.length;
  const previous = draft.previous;
  const firstSeen = previous?.firstSeen ?? now;
  const lead = complete ? pickLeadItem(members) : undefined;
  const published = earliestPublished(members, previous?.published) ?? firstSeen;
  const base = {
    id: draft.id,
    items: [...draft.keys],
    firstSeen,
    published,
    updatedAt: now,
    topics: mergeTopics([...(complete ? [] : (previous?.topics ?? [])), ...members.flatMap((m) => m.topics)]),
    backlog: members.every((m) => m.backlog) && (complete || (previous?.backlog ?? true)),
    guildId: scopeOf(members, complete ? undefined : previous),
    signature: draft.signature,
  };
  if (!lead) {
    return {
      ...base,
      title: previous?.title ?? members[0]?.title ?? "",
      lang: previous?.lang ?? members[0]?.lang ?? "en",
      summary: previous?.summary ?? "",
    };
  }
  const summary = summariseStory(
    { items: draft.keys, summary: previous?.summary ?? "" },
    draft.known,
    memoiseSummariser(summariser),
  );
  return { ...base, title: lead.title, lang: lead.lang, summary };
}

/** Union of topic matches, each topic once with its best score; best first, then by id. */
export function mergeTopics(matches: readonly TopicMatch[]): TopicMatch[] {
  const best = new Map<string, number>();
  for (const match of matches)
    best.set(match.topic, Math.max(best.get(match.topic) ?? match.score, match.score));
  return [...best]
    .map(([topic, score]) => ({ topic, score }))
    .sort((a, b) => b.score - a.score || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

function earliestPublished(members: readonly Item[], previous: string | undefined): string | undefined {
  let earliest = previous;
  for (const member of members) {
    if (!member.published || Number.isNaN(Date.parse(member.published))) continue;
    if (!earliest || Date.parse(member.published) < Date.parse(earliest)) earliest = member.published;
  }
  return earliest;
}

/**
 * Global as soon as one source is global (everyone may see the story); else the guild whose
 * private feeds told it. Grouping never puts two guilds' private items in one story.
 */
function scopeOf(members: readonly Item[], previous: Story | undefined): string | undefined {
  if (previous && previous.guildId === undefined) return undefined;
  if (members.some((m) => m.guildId === undefined)) return undefined;
  return members[0]?.guildId ?? previous?.guildId;
}
