import { validate as isValidCron } from "node-cron";
import { isValidTimezone } from "../config/schema.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { GuildSettings, Subscription, SubscriptionMode } from "../model.ts";
import { requireTopic } from "./topics.ts";

/** Where a guild's stories go: one subscription per (channel, topic), in digest or instant mode. */
export async function subscribe(
  app: App,
  input: { guildId: string; channelId: string; topic: string; mode: SubscriptionMode },
): Promise<Subscription> {
  await requireTopic(app, input.topic, input.guildId);
  const subscription: Subscription = { ...input, createdAt: app.now().toISOString() };
  await app.store.subscriptions.upsert(subscription, sameSubscription);
  // Subscribing again resumes a paused subscription: messages held back become pending again.
  await resumeChannel(app, input.channelId);
  await ensureGuild(app, input.guildId);
  return subscription;
}

export async function unsubscribe(
  app: App,
  input: { guildId: string; channelId: string; topic?: string },
): Promise<number> {
  const removed = await app.store.subscriptions.remove(
    (s) =>
      s.guildId === input.guildId &&
      s.channelId === input.channelId &&
      (input.topic === undefined || s.topic === input.topic),
  );
  // A channel unsubscribed from everything gets nothing more, not even what was queued for it.
  const left = await app.store.subscriptions.list();
  if (removed > 0 && !left.some((s) => s.channelId === input.channelId)) {
    for (const entry of await app.store.outbox.pending()) {
      if (entry.channelId !== input.channelId) continue;
      await app.store.outbox.put({
        ...entry,
        status: "dropped",
        lastError: "the channel is no longer subscribed",
      });
    }
  }
  return removed;
}

export async function listSubscriptions(app: App, guildId: string): Promise<Subscription[]> {
  return (await app.store.subscriptions.list()).filter((s) => s.guildId === guildId);
}

/** Records a permanent Discord refusal on every subscription of that channel. */
export async function pauseChannel(app: App, channelId: string, reason: string): Promise<void> {
  await pauseWhere(app, (s) => s.channelId === channelId, reason);
}

/**
 * The bot was removed from a guild: its subscriptions are paused (nothing is built or queued for
 * them) and kept, so that after inviting the bot back `/subscribe` resumes them.
 */
export async function pauseGuild(app: App, guildId: string): Promise<void> {
  await pauseWhere(
    app,
    (s) => s.guildId === guildId && !s.pausedReason,
    "newsdesk was removed from this server",
  );
}

async function pauseWhere(app: App, which: (s: Subscription) => boolean, reason: string): Promise<void> {
  const subscriptions = await app.store.subscriptions.list();
  if (!subscriptions.some(which)) return;
  const at = app.now().toISOString();
  await app.store.subscriptions.replaceAll(
    subscriptions.map((s) => (which(s) ? { ...s, pausedReason: reason, pausedAt: at } : s)),
  );
}

async function resumeChannel(app: App, channelId: string): Promise<void> {
  const subscriptions = await app.store.subscriptions.list();
  if (subscriptions.some((s) => s.channelId === channelId && s.pausedReason)) {
    await app.store.subscriptions.replaceAll(
      subscriptions.map((s) => {
        if (s.channelId !== channelId) return s;
        const { pausedReason: _reason, pausedAt: _at, ...active } = s;
        return active;
      }),
    );
  }
  for (const entry of await app.store.outbox.failed(channelId)) {
    await app.store.outbox.put({ ...entry, status: "pending" });
  }
}

/** A guild's settings, created with the configured defaults on first use. */
export async function ensureGuild(app: App, guildId: string): Promise<GuildSettings> {
  const existing = await app.store.guilds.get(guildId);
  if (existing) return existing;
  const settings: GuildSettings = {
    guildId,
    digestCron: app.config.settings.schedules.digest,
    timezone: app.config.settings.schedules.timezone,
    lastDigestAt: app.now().toISOString(),
  };
  await app.store.guilds.put(settings);
  return settings;
}

export async function setSchedule(
  app: App,
  input: { guildId: string; cron: string; timezone?: string },
): Promise<GuildSettings> {
  if (!isValidCron(input.cron)) throw new UserError("schedule.bad-cron", { cron: input.cron });
  if (input.timezone && !isValidTimezone(input.timezone)) {
    throw new UserError("schedule.bad-timezone", { timezone: input.timezone });
  }
  const current = await ensureGuild(app, input.guildId);
  const next: GuildSettings = {
    ...current,
    digestCron: input.cron,
    timezone: input.timezone ?? current.timezone,
  };
  await app.store.guilds.put(next);
  return next;
}

function sameSubscription(a: Subscription, b: Subscription): boolean {
  return a.guildId === b.guildId && a.channelId === b.channelId && a.topic === b.topic;
}
