import { digestFor } from "../actions/digest.ts";
import { listAllFeeds } from "../actions/feeds.ts";
import { createScope } from "../actions/scope.ts";
import { ensureGuild, pauseChannel } from "../actions/subscriptions.ts";
import { listTopics } from "../actions/topics.ts";
import type { DigestStory } from "../digest/build-digest.ts";
import {
  type DigestStoryInput,
  type DiscordMessagePayload,
  renderDigestMessages,
  renderStoryMessage,
} from "../discord/render-embeds.ts";
import { renderFeedDisabledNotice } from "../discord/render-notices.ts";
import { type Locale, localeOf } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { FeedState, Subscription } from "../model.ts";
import { hashId } from "../store/keys.ts";
import { type DeliveryReport, deliverPending, filterUnqueued, queueMessages, type Sender } from "./outbox.ts";

/**
 * Which stories go to which channel, and when. Nothing here sends by itself: stories are
 * rendered once and queued in the outbox (exactly once per channel and story), then
 * `deliverQueued` sends whatever is pending. Rules, in order:
 *
 * 1. Paused subscriptions (Discord refused their channel for good) get nothing queued, and
 *    messages already pending for their channel wait until the channel is resumed.
 * 2. Instant subscriptions get every story first seen since the previous cycle began (and after
 *    they were created) that is visible to their guild, not backlog, and in their topic.
 * 3. Digest subscriptions get, on their guild's schedule, the stories first seen since the
 *    guild's last digest in the channel's topics, up to 10 a message.
 * 4. A story already queued for a channel is never queued for it again, whichever subscription
 *    or mode brought it (a story that gains sources later is not re-posted).
 */

/** Where instant alerts resume: the start of the last cycle that queued them. */
const INSTANT_CURSOR = "instant-cursor";

/**
 * Queues instant alerts for stories first seen since the last completed cycle. `cycleStartedAt`
 * (taken before the poll) becomes the next cursor, so a cycle cut short by a crash is covered
 * again by the next one; the outbox markers keep that from doubling anything.
 */
export async function queueInstantAlerts(app: App, cycleStartedAt: Date): Promise<number> {
  const subscriptions = (await app.store.subscriptions.list()).filter(
    (s) => s.mode === "instant" && !s.pausedReason,
  );
  let queued = 0;
  if (subscriptions.length > 0) {
    const cursor = await app.store.meta.get<string>(INSTANT_CURSOR);
    const since = cursor ?? earliest(subscriptions.map((s) => s.createdAt));
    for (const subscription of subscriptions) {
      const digest = await digestFor(app, {
        guildId: subscription.guildId,
        topicIds: [subscription.topic],
        since,
      });
      // A story older than the subscription is not news to it.
      const fresh = digest.stories
        .filter((story) => story.firstSeen >= subscription.createdAt)
        .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
      queued += await queueStories(app, subscription, fresh, (stories, options) =>
        stories.map((story) => renderStoryMessage(toRenderInput(story), options)),
      );
    }
  }
  await app.store.meta.set(INSTANT_CURSOR, cycleStartedAt.toISOString());
  return queued;
}

/**
 * Queues a guild's digest in each of its digest channels and records the digest time. The time
 * is taken before reading, so stories found while the digest is built go in the next one.
 */
export async function queueDigest(app: App, guildId: string): Promise<number> {
  const startedAt = app.now();
  const settings = await ensureGuild(app, guildId);
  const subscriptions = (await app.store.subscriptions.list()).filter(
    (s) => s.guildId === guildId && s.mode === "digest" && !s.pausedReason,
  );
  let queued = 0;
  for (const [channelId, topicIds] of topicsByChannel(subscriptions)) {
    const digest = await digestFor(app, {
      guildId,
      topicIds,
      ...(settings.lastDigestAt ? { since: settings.lastDigestAt } : {}),
    });
    const subscription = { guildId, channelId };
    queued += await queueStories(app, subscription, digest.stories, (stories, options) =>
      renderDigestMessages({ stories: stories.map(toRenderInput) }, options),
    );
  }
  const latest = (await app.store.guilds.get(guildId)) ?? settings;
  await app.store.guilds.put({ ...latest, lastDigestAt: startedAt.toISOString() });
  return queued;
}

/**
 * Sends every pending message except those of paused channels. A permanent refusal (missing
 * access or permissions, unknown channel) pauses every subscription of that channel with
 * Discord's reason, which `/status` shows; nothing is retried for it until it is resumed.
 */
export async function deliverQueued(app: App, sender: Sender): Promise<DeliveryReport> {
  const paused = new Set(
    (await app.store.subscriptions.list()).filter((s) => s.pausedReason).map((s) => s.channelId),
  );
  const report = await deliverPending(app.store, sender, app.now, (entry) => !paused.has(entry.channelId));
  for (const entry of report.failed) {
    const reason = entry.lastError ?? "Discord refused the message";
    app.logger.warn("pausing a channel Discord refused", {
      guildId: entry.guildId,
      channelId: entry.channelId,
      reason,
    });
    await pauseChannel(app, entry.channelId, reason);
  }
  for (const entry of report.rejected) {
    const alone = entry.storyIds.length === 1;
    app.logger.error(
      alone
        ? "Discord rejected a message; it will not be sent"
        : "Discord rejected a message; its stories go again one per message",
      {
        guildId: entry.guildId,
        channelId: entry.channelId,
        stories: entry.storyIds,
        reason: entry.lastError,
      },
    );
  }
  return report;
}

/**
 * Tells each guild that reads a feed disabled after repeated failures, once, in each of its
 * subscribed channels, how to re-enable it. Queued through the outbox (one marker per channel
 * and disabling), so a crash neither loses nor doubles the notice.
 */
export async function queueFeedNotices(app: App): Promise<number> {
  const feeds = await listAllFeeds(app);
  const states = await app.store.feedStates.getMany(feeds.map((f) => f.url));
  const disabled = states.filter((state): state is FeedState => state?.disabled === true);
  if (disabled.length === 0) return 0;
  const subscriptions = (await app.store.subscriptions.list()).filter((s) => !s.pausedReason);
  let queued = 0;
  for (const state of disabled) {
    const told = new Set(state.disabledAnnouncedTo ?? []);
    const readers = await readersOf(app, state.url, subscriptions);
    const untold = [...readers.keys()].filter((guildId) => !told.has(guildId));
    if (untold.length === 0) continue;
    for (const guildId of untold) {
      const locale = await guildLocale(app, guildId);
      const notice = {
        storyIds: [`feed-disabled:${hashId(state.url, state.disabledAt ?? "")}`],
        payload: renderFeedDisabledNotice(state, locale),
      };
      for (const channelId of readers.get(guildId) ?? []) {
        queued += (await queueMessages(app.store, { guildId, channelId }, [notice], app.now())).length;
      }
    }
    const latest = (await app.store.feedStates.get(state.url)) ?? state;
    await app.store.feedStates.put({ ...latest, disabledAnnouncedTo: [...told, ...untold] });
  }
  return queued;
}

/** The locale a guild's posts are written in: its preferred locale, English by default. */
export async function guildLocale(app: App, guildId: string): Promise<Locale> {
  return localeOf((await app.store.guilds.get(guildId))?.locale);
}

/** Keeps a guild's preferred locale (posts are written in it) once the guild has settings. */
export async function rememberGuildLocale(app: App, guildId: string, locale: string | null): Promise<void> {
  const settings = await app.store.guilds.get(guildId);
  if (settings && locale && settings.locale !== locale) await app.store.guilds.put({ ...settings, locale });
}

/** A digest story as the embed renderer reads it; feeds are named by their title. */
export function toRenderInput(story: DigestStory): DigestStoryInput {
  return {
    topics: story.topics,
    title: story.title,
    summary: story.summary,
    published: story.published,
    ...(story.url ? { url: story.url } : {}),
    sources: story.sources.map((source) => ({ url: source.url ?? "", feed: source.feedTitle })),
  };
}

type Render = (
  stories: DigestStory[],
  options: { locale: Locale; topicNames: Record<string, string>; now: Date },
) => DiscordMessagePayload[];

/**
 * Keeps the stories not yet queued for the channel, renders them, and queues each message with
 * the stories it carries (renderers put stories in order, at most 10 a message).
 */
async function queueStories(
  app: App,
  target: Pick<Subscription, "guildId" | "channelId">,
  stories: DigestStory[],
  render: Render,
): Promise<number> {
  if (stories.length === 0) return 0;
  const unqueued = new Set(
    await filterUnqueued(
      app.store,
      target.channelId,
      stories.map((s) => s.id),
    ),
  );
  const fresh = stories.filter((s) => unqueued.has(s.id));
  if (fresh.length === 0) return 0;
  const topics = await listTopics(app, target.guildId);
  const options = {
    locale: await guildLocale(app, target.guildId),
    topicNames: Object.fromEntries(topics.map((t) => [t.id, t.name])),
    now: app.now(),
  };
  // One embed per story, in order: a message carries the stories of its embeds.
  let next = 0;
  const messages = render(fresh, options).map((payload) => {
    const count = payload.embeds?.length ?? 0;
    const storyIds = fresh.slice(next, next + count).map((s) => s.id);
    next += count;
    return { storyIds, payload };
  });
  const entries = await queueMessages(app.store, target, messages, app.now());
  return entries.reduce((sum, entry) => sum + entry.storyIds.length, 0);
}

/** The guilds whose scope includes the feed, each with its subscribed channels. */
async function readersOf(
  app: App,
  url: string,
  subscriptions: Subscription[],
): Promise<Map<string, string[]>> {
  const readers = new Map<string, string[]>();
  for (const guildId of new Set(subscriptions.map((s) => s.guildId))) {
    if (!(await createScope(app, guildId)).seesFeed(url)) continue;
    const channels = subscriptions.filter((s) => s.guildId === guildId).map((s) => s.channelId);
    readers.set(guildId, [...new Set(channels)]);
  }
  return readers;
}

function topicsByChannel(subscriptions: Subscription[]): Map<string, string[]> {
  const channels = new Map<string, string[]>();
  for (const s of subscriptions) channels.set(s.channelId, [...(channels.get(s.channelId) ?? []), s.topic]);
  return channels;
}

function earliest(times: string[]): string {
  return [...times].sort()[0] ?? new Date(0).toISOString();
}
