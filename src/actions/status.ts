import type { App } from "../main.ts";
import type { Subscription } from "../model.ts";
import { type FeedView, listFeedViews } from "./feeds.ts";

const LAST_POLL = "last-poll";

/** What `/status` shows: feeds and their health, where stories go, last and next runs, errors. */
export interface StatusView {
  feeds: FeedView[];
  subscriptions: Subscription[];
  lastPollAt?: string;
  lastDigestAt?: string;
  digestCron?: string;
  timezone?: string;
}

export async function statusFor(app: App, guildId?: string): Promise<StatusView> {
  const feeds = await listFeedViews(app, guildId);
  const subscriptions = (await app.store.subscriptions.list()).filter((s) => s.guildId === guildId);
  const guild = guildId ? await app.store.guilds.get(guildId) : undefined;
  const lastPollAt = await app.store.meta.get<string>(LAST_POLL);
  return {
    feeds,
    subscriptions,
    ...(lastPollAt ? { lastPollAt } : {}),
    ...(guild?.lastDigestAt ? { lastDigestAt: guild.lastDigestAt } : {}),
    digestCron: guild?.digestCron ?? app.config.settings.schedules.digest,
    timezone: guild?.timezone ?? app.config.settings.schedules.timezone,
  };
}

export async function recordPoll(app: App, at: Date): Promise<void> {
  await app.store.meta.set(LAST_POLL, at.toISOString());
}
