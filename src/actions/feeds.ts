import { isHttpUrl } from "../config/schema.ts";
import { BlockedAddressError } from "../feeds/errors.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { Feed, FeedState } from "../model.ts";

/** A feed as `feeds list` and `/feed list` show it: where it comes from and how it is doing. */
export interface FeedView extends Feed {
  source: "config" | "added";
  state?: FeedState;
}

/**
 * The feeds a scope reads: the configured ones, those added from the CLI (global), and, for a
 * guild, the ones that guild added. One guild never sees another's.
 */
export async function listFeeds(app: App, guildId?: string): Promise<Feed[]> {
  const now = new Date(0).toISOString();
  const configured: Feed[] = app.config.feeds.map((f) => ({
    url: f.url,
    title: f.title,
    lang: f.lang,
    addedAt: now,
  }));
  const stored = await app.store.feeds.list();
  const visible = stored.filter((f) => f.guildId === undefined || f.guildId === guildId);
  const feeds = [...configured];
  const seen = new Set(configured.map((f) => f.url));
  for (const feed of visible) {
    if (seen.has(feed.url)) continue;
    seen.add(feed.url);
    feeds.push(feed);
  }
  return feeds;
}

/** Every feed any scope reads, each once (what a poll fetches). */
export async function listAllFeeds(app: App): Promise<Feed[]> {
  const global = await listFeeds(app);
  const known = new Set(global.map((f) => f.url));
  const guildOnly = (await app.store.feeds.list()).filter((f) => !known.has(f.url));
  return [...global, ...guildOnly];
}

export async function listFeedViews(app: App, guildId?: string): Promise<FeedView[]> {
  const feeds = await listFeeds(app, guildId);
  const states = await app.store.feedStates.getMany(feeds.map((f) => f.url));
  const configured = new Set(app.config.feeds.map((f) => f.url));
  return feeds.map((feed, i) => ({
    ...feed,
    source: configured.has(feed.url) ? "config" : "added",
    state: states[i],
  }));
}

export async function addFeed(app: App, url: string, guildId?: string): Promise<Feed> {
  const normalised = checkFeedUrl(app, url);
  const visible = await listFeeds(app, guildId);
  if (visible.some((f) => f.url === normalised)) throw new UserError("feed.exists", { url: normalised });
  const feed: Feed = { url: normalised, addedAt: app.now().toISOString(), ...(guildId ? { guildId } : {}) };
  await app.store.feeds.upsert(feed, (a, b) => a.url === b.url && a.guildId === b.guildId);
  return feed;
}

export async function removeFeed(app: App, url: string, guildId?: string): Promise<void> {
  if (guildId === undefined && app.config.feeds.some((f) => f.url === url)) {
    throw new UserError("config.owned", { what: url, file: `${app.config.dir}/feeds.yaml` });
  }
  const removed = await app.store.feeds.remove((f) => f.url === url && f.guildId === guildId);
  if (removed === 0) throw new UserError("feed.unknown", { url });
}

/** Re-enables a feed disabled after repeated failures; it is polled at the next cycle. */
export async function enableFeed(app: App, url: string, guildId?: string): Promise<FeedState> {
  const visible = await listFeeds(app, guildId);
  if (!visible.some((f) => f.url === url)) throw new UserError("feed.unknown", { url });
  const state = await app.store.feedStates.get(url);
  if (!state?.disabled) throw new UserError("feed.not-disabled", { url });
  const enabled: FeedState = {
    ...state,
    disabled: false,
    disabledAt: undefined,
    disabledAnnouncedTo: undefined,
    consecutiveFailures: 0,
    nextAttemptAt: undefined,
  };
  await app.store.feedStates.put(enabled);
  return enabled;
}

function checkFeedUrl(app: App, url: string): string {
  if (!isHttpUrl(url)) throw new UserError("feed.invalid-url", { url });
  try {
    return app.guard.checkUrl(url).href;
  } catch (error) {
    if (error instanceof BlockedAddressError) throw new UserError("feed.blocked", { url });
    throw error;
  }
}
