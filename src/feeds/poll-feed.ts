import { createHash } from "node:crypto";
import type { FeedState, Item } from "../model.ts";
import { decodeFeedBody } from "./charset.ts";
import { FeedError, HttpStatusError } from "./errors.ts";
import type { FetchFunction } from "./fetch-url.ts";
import { htmlToLine } from "./html-text.ts";
import { normaliseItems } from "./normalise-items.ts";
import { parseFeed } from "./parse-feed.ts";

/** The feed to poll: a configured or guild-added feed. */
export interface FeedSource {
  url: string;
  /** Operator-declared language hint (config `lang`). */
  lang?: string;
  /** Guild of a private feed, copied onto its items. */
  guildId?: string;
}

/** Limits from settings.limits; every field has a default. */
export interface PollLimits {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Failures in a row after which the feed is disabled. Default 10. */
  maxConsecutiveFailures?: number;
  /** First backoff delay; doubles with each failure. Default 1 minute. */
  backoffBaseMs?: number;
  /** Longest backoff delay (Retry-After may ask for more, up to a day). Default 6 hours. */
  backoffMaxMs?: number;
}

export interface PollDeps {
  /** A guarded fetch (`createGuardedFetch`). */
  fetch: FetchFunction;
  now: () => Date;
  limits?: PollLimits;
  /** settings.userAgent. */
  userAgent?: string;
  /** Jitter source in [0, 1); without it backoff is exact (and tests deterministic). */
  random?: () => number;
}

/** What happened to one feed in one poll, in words the CLI and `/status` can show. */
export interface PollOutcome {
  ok: boolean;
  status?: number;
  error?: string;
  errorKind?: FeedError["kind"] | "internal";
  /** The server answered 304: nothing new, nothing parsed. */
  notModified?: boolean;
  /** The body's hash equals the last one processed: nothing parsed. */
  unchanged?: boolean;
  /** Not polled (only from `pollFeeds`): disabled, or still backing off. */
  skipped?: "disabled" | "backoff";
}

export interface PollResult {
  feed: FeedSource;
  /** The state to store; the input state is never mutated. */
  state: FeedState;
  outcome: PollOutcome;
  /** Every item the feed carries now, normalised; not yet filtered against seen ids. */
  items: Item[];
  feedTitle?: string;
  /** True when the feed had never been read successfully before this poll (first-run rule). */
  firstRead: boolean;
}

const DEFAULT_LIMITS = {
  maxConsecutiveFailures: 10,
  backoffBaseMs: 60_000,
  backoffMaxMs: 6 * 60 * 60_000,
};
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

export function createFeedState(url: string): FeedState {
  return { url, primed: false, consecutiveFailures: 0, disabled: false };
}

/** Whether a feed may be polled now: not disabled, and past its backoff. */
export function isDue(state: FeedState | undefined, now: Date): boolean {
  if (!state) return true;
  if (state.disabled) return false;
  return !state.nextAttemptAt || Date.parse(state.nextAttemptAt) <= now.getTime();
}

/** `feeds enable` / `/feed enable`: clears the disabled flag, the failure count and the backoff. */
export function enableFeedState(state: FeedState): FeedState {
  const { disabledAt: _disabledAt, nextAttemptAt: _next, disabledAnnouncedTo: _told, ...rest } = state;
  return { ...rest, disabled: false, consecutiveFailures: 0 };
}

/**
 * Polls one feed: conditional GET from the stored validators, then (unless 304 or an unchanged
 * body) decode, parse and normalise. Never throws: a failure is recorded on the returned state
 * with exponential backoff, and the feed is disabled after `maxConsecutiveFailures`. Validators
 * and the body hash are stored only after a successful parse, so a broken body is fetched again.
 */
export async function pollFeed(
  feed: FeedSource,
  state: FeedState | undefined,
  deps: PollDeps,
): Promise<PollResult> {
  const previous = state ?? createFeedState(feed.url);
  const now = deps.now();
  const attemptAt = now.toISOString();
  const limits = deps.limits ?? {};
  const firstRead = !previous.primed;
  let status: number | undefined;
  try {
    const response = await deps.fetch(feed.url, {
      ...(limits.timeoutMs !== undefined && { timeoutMs: limits.timeoutMs }),
      ...(limits.maxBytes !== undefined && { maxBytes: limits.maxBytes }),
      ...(limits.maxRedirects !== undefined && { maxRedirects: limits.maxRedirects }),
      ...(deps.userAgent && { userAgent: deps.userAgent }),
      ...(previous.etag && { etag: previous.etag }),
      ...(previous.lastModified && { lastModified: previous.lastModified }),
    });
    status = response.status;
    // A 304 answers a conditional request only. Sent to a request without validators (a broken
    // server or cache), taking it as "not modified" would prime the feed unread, and its first
    // real read would then post every item instead of storing them as backlog.
    if (status === 304 && !previous.etag && !previous.lastModified) {
      throw new HttpStatusError(304, "without a conditional request");
    }
    const succeeded: FeedState = {
      ...previous,
      primed: true,
      lastStatus: status,
      lastAttemptAt: attemptAt,
      lastSuccessAt: attemptAt,
      consecutiveFailures: 0,
    };
    delete succeeded.nextAttemptAt;
    if (response.etag) succeeded.etag = response.etag;
    if (response.lastModified) succeeded.lastModified = response.lastModified;

    if (status === 304 || !response.body) {
      return {
        feed,
        state: succeeded,
        outcome: { ok: true, status, notModified: true },
        items: [],
        firstRead,
      };
    }
    const bodyHash = createHash("sha256").update(response.body).digest("hex");
    if (bodyHash === previous.bodyHash) {
      return { feed, state: succeeded, outcome: { ok: true, status, unchanged: true }, items: [], firstRead };
    }
    const xml = decodeFeedBody(response.body, response.headers["content-type"]);
    // Relative links are relative to where the feed was found, after redirects.
    const parsed = await parseFeed(xml, response.url);
    const items = normaliseItems(parsed, feed.url, attemptAt, {
      ...(feed.lang && { lang: feed.lang }),
      ...(feed.guildId && { guildId: feed.guildId }),
    });
    succeeded.bodyHash = bodyHash;
    // A response without validators must not leave stale ones behind.
    if (!response.etag) delete succeeded.etag;
    if (!response.lastModified) delete succeeded.lastModified;
    const result: PollResult = { feed, state: succeeded, outcome: { ok: true, status }, items, firstRead };
    const feedTitle = parsed.title ? htmlToLine(parsed.title) : "";
    if (feedTitle) {
      succeeded.title = feedTitle;
      result.feedTitle = feedTitle;
    }
    return result;
  } catch (error) {
    if (error instanceof HttpStatusError) status = error.status;
    return { feed, ...recordFailure(previous, error, status, now, deps), items: [], firstRead };
  }
}

function recordFailure(
  previous: FeedState,
  error: unknown,
  status: number | undefined,
  now: Date,
  deps: PollDeps,
): { state: FeedState; outcome: PollOutcome } {
  const message = error instanceof FeedError ? error.message : `internal error: ${String(error)}`;
  const failures = previous.consecutiveFailures + 1;
  const retryAfterMs = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
  const delay = computeBackoffMs(failures, { ...deps.limits, retryAfterMs, random: deps.random });
  const at = now.toISOString();
  const state: FeedState = {
    ...previous,
    lastAttemptAt: at,
    lastErrorAt: at,
    lastError: message,
    consecutiveFailures: failures,
    nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
  };
  if (status !== undefined) state.lastStatus = status;
  else delete state.lastStatus;
  const maxFailures = deps.limits?.maxConsecutiveFailures ?? DEFAULT_LIMITS.maxConsecutiveFailures;
  if (failures >= maxFailures && !previous.disabled) {
    state.disabled = true;
    state.disabledAt = at;
  }
  const outcome: PollOutcome = {
    ok: false,
    error: message,
    errorKind: error instanceof FeedError ? error.kind : "internal",
  };
  if (status !== undefined) outcome.status = status;
  return { state, outcome };
}

/**
 * Delay before the next attempt after `failures` failures in a row: base × 2^(failures−1),
 * capped; with ±25 % jitter only when a random source is given (so feeds failing together do
 * not retry together); then at least the server's Retry-After, itself capped at a day.
 */
export function computeBackoffMs(
  failures: number,
  options: PollLimits & { retryAfterMs?: number | undefined; random?: (() => number) | undefined } = {},
): number {
  const base = options.backoffBaseMs ?? DEFAULT_LIMITS.backoffBaseMs;
  const max = options.backoffMaxMs ?? DEFAULT_LIMITS.backoffMaxMs;
  let delay = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  if (options.random) delay = Math.round(delay * (0.75 + 0.5 * options.random()));
  if (options.retryAfterMs !== undefined) {
    delay = Math.max(delay, Math.min(options.retryAfterMs, MAX_RETRY_AFTER_MS));
  }
  return delay;
}

/** Why a feed was not polled: "disabled after 10 consecutive failures (last: HTTP 500)". */
export function describeSkip(state: FeedState): string {
  const last = `last: ${state.lastError ?? "unknown error"}`;
  if (state.disabled) return `disabled after ${state.consecutiveFailures} consecutive failures (${last})`;
  const until = state.nextAttemptAt ? ` until ${state.nextAttemptAt}` : "";
  return `backing off${until} after ${state.consecutiveFailures} failure(s) (${last})`;
}
