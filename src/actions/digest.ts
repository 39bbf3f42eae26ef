import { buildDigest, type Digest } from "../digest/build-digest.ts";
import { buildTimeline, type TimelineEntry } from "../digest/timeline.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { Item, Story } from "../model.ts";
import { createScope } from "./scope.ts";
import { listTopics, requireTopic } from "./topics.ts";

/** The time of the last digest shown or posted for a scope (guilds keep theirs in GuildSettings). */
const CONSOLE_LAST_DIGEST = "last-digest:console";

export interface DigestRequest {
  guildId?: string;
  topicId?: string;
  /** ISO time; default: the scope's last digest (all stories when there was none). */
  since?: string;
  /** Only these topics (a channel's subscriptions). */
  topicIds?: string[];
}

/** The digest that would be posted now for a scope (DESIGN.md digest JSON). */
export async function digestFor(app: App, request: DigestRequest = {}): Promise<Digest> {
  if (request.topicId) await requireTopic(app, request.topicId, request.guildId);
  const since =
    request.since !== undefined ? parseSince(request.since) : await lastDigestAt(app, request.guildId);
  const stories = since ? await app.store.stories.since(since) : await app.store.stories.all();
  // Backlog items are never posted, not even as one source among others.
  const items = new Map(
    [...(await scopedItemsOf(app, stories, request.guildId))].filter(([, i]) => !i.backlog),
  );
  const topics = (await listTopics(app, request.guildId)).filter(
    (t) => !request.topicIds || request.topicIds.includes(t.id),
  );
  return buildDigest({
    stories,
    items,
    topics,
    ...(since ? { since } : {}),
    ...(request.topicId ? { topicId: request.topicId } : {}),
    ...(request.guildId ? { guildId: request.guildId } : {}),
    now: app.now(),
  });
}

/** Console mode remembers when it last printed a digest, so the next one shows what is new. */
export async function markConsoleDigest(app: App, at: Date): Promise<void> {
  await app.store.meta.set(CONSOLE_LAST_DIGEST, at.toISOString());
}

/** `timeline TOPIC`: the topic's stories in date order with what happened. */
export async function timelineFor(app: App, topicId: string, guildId?: string): Promise<TimelineEntry[]> {
  await requireTopic(app, topicId, guildId);
  const stories = (await app.store.stories.all()).filter((s) => s.topics.some((t) => t.topic === topicId));
  const items = await scopedItemsOf(app, stories, guildId);
  return buildTimeline(topicId, stories, items, guildId ? { guildId } : {});
}

async function lastDigestAt(app: App, guildId: string | undefined): Promise<string | undefined> {
  if (guildId) return (await app.store.guilds.get(guildId))?.lastDigestAt;
  return app.store.meta.get<string>(CONSOLE_LAST_DIGEST);
}

async function scopedItemsOf(app: App, stories: Story[], guildId?: string): Promise<Map<string, Item>> {
  const scope = await createScope(app, guildId);
  const items = await app.store.items.getMany(stories.flatMap((s) => s.items));
  return new Map(items.filter(scope.sees).map((i) => [i.key, i]));
}

export function parseSince(value: string): string {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new UserError("date.invalid", { value });
  return new Date(time).toISOString();
}
