import type { Item, Lang, Story, Topic } from "../model.ts";
import { listStoryItems, pickLeadItem } from "../stories/lead-item.ts";
import { summariseStory } from "../summaries/summarise.ts";

/**
 * A story as one audience may see it. Scope: with no guild, only global sources; with a guild,
 * global sources plus that guild's. A story can mix a global source and one guild's private
 * source; other guilds then see it without the private source, titled and summarised from what
 * they may see.
 */
export interface StoryView {
  story: Story;
  /** Visible sources in the order they were seen. */
  members: Item[];
  title: string;
  summary: string;
  lang: Lang;
  /** The lead source's link, if it has one. */
  url: string | undefined;
}

export function isVisibleTo(owner: { guildId?: string | undefined }, guildId: string | undefined): boolean {
  return owner.guildId === undefined || owner.guildId === guildId;
}

/** Topics this audience has: the global ones plus its guild's. */
export function topicsInScope(topics: readonly Topic[], guildId: string | undefined): Topic[] {
  return topics.filter((topic) => isVisibleTo(topic, guildId));
}

/**
 * The story seen from a scope, or undefined when none of its sources is visible (or known: the
 * lookup must hold the story's items, since a story whose sources cannot be checked is not shown).
 */
export function viewStory(
  story: Story,
  items: ReadonlyMap<string, Item>,
  guildId: string | undefined,
): StoryView | undefined {
  const known = listStoryItems(story, items);
  const members = known.filter((item) => isVisibleTo(item, guildId));
  if (members.length === 0) return undefined;
  const lead = pickLeadItem(known);
  if (lead && members.includes(lead) && story.title.length > 0) {
    const summary = story.summary.length > 0 ? story.summary : summariseStory(story, items);
    return { story, members, title: story.title, summary, lang: story.lang, url: lead.link };
  }
  const visibleLead = pickLeadItem(members)!;
  const summary = summariseStory({ items: members.map((m) => m.key), summary: "" }, items);
  return { story, members, title: visibleLead.title, summary, lang: visibleLead.lang, url: visibleLead.link };
}
