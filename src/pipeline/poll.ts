import { listAllFeeds } from "../actions/feeds.ts";
import { recordPoll } from "../actions/status.ts";
import { enrichWithFullText } from "../feeds/full-text.ts";
import { itemKeyOf, plainIdOf, toldApart } from "../feeds/normalise-items.ts";
import type { FeedSource, PollResult } from "../feeds/poll-feed.ts";
import { pollFeeds } from "../feeds/poll-feeds.ts";
import type { App } from "../main.ts";
import type { Feed, FeedState, Item } from "../model.ts";
import { type FactBase, openFactBase } from "./fact-base.ts";
import { createPollMemory, processNewItems } from "./process-items.ts";
import { pruneExpired } from "./prune.ts";

const BATCH_SIZE = 500;
// Each slice's items wait, text and all, while the slice's batches are processed: at 25 feeds
// a 500-feed first poll peaked 30 MB lower than at 50, as fast (fetches run 8 at a time).
const FEED_SLICE = 25;

/** One feed's line in `fetch --json` (DESIGN.md). */
export interface FeedReport {
  url: string;
  title?: string;
  ok: boolean;
  status?: number;
  items: number;
  new: number;
  error?: string;
  skipped?: string;
  disabled?: boolean;
}

export interface PollReport {
  feeds: FeedReport[];
  /** New items stored by this poll. */
  items: number;
  /** New items per topic. */
  matched: Record<string, number>;
  /** How many stories this poll created or joined. */
  stories: number;
  /** Feeds disabled by this poll (to announce). */
  disabledFeeds: string[];
}

export interface PollOptions {
  /** Only these feed URLs (polled now, even while backing off). */
  feedUrls?: string[];
  /** Treat a new feed's existing items as news instead of backlog. */
  backfill?: boolean;
  /** The fact base to update (bot and console mode keep one open); else one is opened. */
  facts?: FactBase;
}

/**
 * One poll cycle, in order: choose the due feeds → then, 25 feeds at a time: fetch and parse
 * each (guarded, conditional, with backoff) → keep items not seen before → mark first-run and
 * too-old items as backlog → full text for excerpts → topics, stories, summaries, facts
 * (process-items) → store → the feeds' states (last, so a crash mid-cycle means the next poll
 * reads those feeds again).
 */
export async function runPoll(app: App, options: PollOptions = {}): Promise<PollReport> {
  const facts = options.facts ?? openFactBase(app);
  const feeds = await chooseFeeds(app, options.feedUrls);
  const stateList = await app.store.feedStates.getMany(feeds.map((f) => f.url));
  const states = new Map<string, FeedState>();
  for (const state of stateList) if (state) states.set(state.url, state);
  const { limits, userAgent } = app.config.settings;

  const reports: FeedReport[] = [];
  const disabledFeeds: string[] = [];
  const matched: Record<string, number> = {};
  const stories = new Set<string>();
  const memory = createPollMemory();
  let stored = 0;
  // Feeds are read a slice at a time, and each slice's new items go through the later stages
  // in batches: a first poll of hundreds of feeds keeps a bounded working set.
  for (let start = 0; start < feeds.length; start += FEED_SLICE) {
    const results = await pollFeeds(feeds.slice(start, start + FEED_SLICE).map(toSource), states, {
      fetch: app.fetch,
      now: app.now,
      userAgent,
      limits: {
        timeoutMs: limits.fetchTimeoutMs,
        maxBytes: limits.maxBodyBytes,
        maxRedirects: limits.maxRedirects,
        maxConsecutiveFailures: limits.maxConsecutiveFailures,
      },
      concurrency: limits.concurrency,
      perHostConcurrency: limits.perHostConcurrency,
      force: options.feedUrls !== undefined,
    });
    const fresh: Item[] = [];
    for (const result of results) {
      const newItems = result.outcome.skipped ? [] : await keepUnseen(app, result, options.backfill === true);
      if (result.state.disabled && !states.get(result.feed.url)?.disabled)
        disabledFeeds.push(result.feed.url);
      fresh.push(...newItems);
      reports.push(reportOf(result, newItems.length));
    }
    for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
      const enriched = await enrichWithFullText(fresh.slice(i, i + BATCH_SIZE), {
        fetch: app.fetch,
        minWords: limits.fullTextMinWords,
        concurrency: limits.concurrency,
        fetchOptions: { timeoutMs: limits.fetchTimeoutMs, maxBytes: limits.maxBodyBytes, userAgent },
        onError: (item, error) => app.logger.debug("full text unavailable", { link: item.link, error }),
      });
      const batch = await processNewItems(app, enriched, facts, memory);
      stored += batch.items.length;
      for (const item of batch.items) {
        for (const match of item.topics) matched[match.topic] = (matched[match.topic] ?? 0) + 1;
      }
      for (const story of batch.stories) stories.add(story.id);
    }
    // Feed states (validators, body hash) only once their items are stored: after a crash
    // before this point the next poll reads the whole body again instead of taking it as
    // unchanged.
    for (const result of results) if (!result.outcome.skipped) await app.store.feedStates.put(result.state);
  }
  await pruneExpired(app, facts);
  await recordPoll(app, app.now());
  return {
    feeds: reports,
    items: stored,
    matched,
    stories: stories.size,
    disabledFeeds,
  };
}

async function chooseFeeds(app: App, urls: string[] | undefined): Promise<Feed[]> {
  const all = await listAllFeeds(app);
  if (!urls || urls.length === 0) return all;
  // A URL given on the command line is polled even when it is not configured (ad hoc read).
  return urls.map((url) => all.find((f) => f.url === url) ?? { url, addedAt: app.now().toISOString() });
}

function toSource(feed: Feed): FeedSource {
  return {
    url: feed.url,
    ...(feed.lang ? { lang: feed.lang } : {}),
    ...(feed.guildId ? { guildId: feed.guildId } : {}),
  };
}

/**
 * Items the feed had not given before. On a feed's first successful read they are backlog (the
 * first-run rule: a new feed never floods a channel) unless `backfill`; items older than the
 * age limit are backlog too.
 */
async function keepUnseen(app: App, result: PollResult, backfill: boolean): Promise<Item[]> {
  if (result.items.length === 0) return [];
  const seen = await app.store.items.seenIds(result.feed.url);
  const maxAgeMs = app.config.settings.limits.maxItemAgeDays * 86_400_000;
  const now = app.now().getTime();
  const fresh: Item[] = [];
  for (const item of result.items) {
    if (await wasSeen(app, item, seen)) continue;
    const tooOld = item.published !== undefined && now - Date.parse(item.published) > maxAgeMs;
    const backlog = (result.firstRead && !backfill) || tooOld;
    fresh.push({ ...item, backlog, ...(result.feedTitle ? { feedTitle: result.feedTitle } : {}) });
  }
  return fresh;
}

/**
 * Whether an item was stored before under either form of its id. An entry sharing its guid
 * with another is told apart (`guid#…`) and has its plain guid once alone (normalise-items):
 * when the other entry comes or goes, the same article must not be stored again.
 */
async function wasSeen(app: App, item: Item, seen: Set<string>): Promise<boolean> {
  if (seen.has(item.id)) return true;
  const plain = plainIdOf(item);
  if (plain === undefined) return seen.has(toldApart(item.id, item.link, item.title));
  if (!seen.has(plain)) return false;
  // The plain id was given to whichever entry was alone then: it must have been this one.
  const stored = await app.store.items.get(itemKeyOf(item.feed, plain));
  return (
    stored !== undefined &&
    toldApart(plain, stored.link, stored.title) === toldApart(plain, item.link, item.title)
  );
}

function reportOf(result: PollResult, fresh: number): FeedReport {
  const { outcome } = result;
  return {
    url: result.feed.url,
    ...(result.feedTitle ? { title: result.feedTitle } : {}),
    ok: outcome.ok,
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    items: result.items.length,
    new: fresh,
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.skipped ? { skipped: outcome.skipped } : {}),
    ...(result.state.disabled ? { disabled: true } : {}),
  };
}
