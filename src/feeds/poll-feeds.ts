import type { FeedState } from "../model.ts";
import {
  createFeedState,
  describeSkip,
  type FeedSource,
  isDue,
  type PollDeps,
  type PollResult,
  pollFeed,
} from "./poll-feed.ts";
import { runLimited } from "./run-limited.ts";

export interface PollFeedsDeps extends PollDeps {
  /** Feeds polled at once; default 8 (settings.limits.concurrency). */
  concurrency?: number;
  /** Feeds of one host polled at once; default 2 (settings.limits.perHostConcurrency). */
  perHostConcurrency?: number;
  /** Poll feeds still backing off too (disabled feeds are always skipped). */
  force?: boolean;
  /** Called as each feed finishes, before the slowest one is done. */
  onResult?: (result: PollResult) => void;
}

/**
 * Polls many feeds with bounded concurrency, overall and per host. Each feed has its own
 * timeout and its own errors: one slow or broken feed never delays or fails another, and this
 * never rejects. Disabled feeds, and feeds whose backoff has not expired (unless `force`), are
 * returned as skipped with their state untouched. Results are in input order.
 */
export async function pollFeeds(
  feeds: readonly FeedSource[],
  states: ReadonlyMap<string, FeedState>,
  deps: PollFeedsDeps,
): Promise<PollResult[]> {
  return runLimited(
    feeds,
    {
      concurrency: deps.concurrency ?? 8,
      perKey: deps.perHostConcurrency ?? 2,
      keyOf: (feed) => hostOf(feed.url),
    },
    async (feed) => {
      const state = states.get(feed.url);
      const result = await pollOrSkip(feed, state, deps);
      try {
        deps.onResult?.(result);
      } catch {
        // A progress callback's own failure must not cost the cycle its other feeds.
      }
      return result;
    },
  );
}

async function pollOrSkip(
  feed: FeedSource,
  state: FeedState | undefined,
  deps: PollFeedsDeps,
): Promise<PollResult> {
  const firstRead = !state?.primed;
  if (state && (state.disabled || (!deps.force && !isDue(state, deps.now())))) {
    const outcome = {
      ok: false,
      skipped: state.disabled ? "disabled" : "backoff",
      error: describeSkip(state),
    } as const;
    return { feed, state, outcome, items: [], firstRead };
  }
  try {
    return await pollFeed(feed, state, deps);
  } catch (error) {
    // pollFeed records its own failures; this only guards against a bug taking the cycle down.
    const previous = state ?? createFeedState(feed.url);
    const outcome = { ok: false, error: `internal error: ${String(error)}`, errorKind: "internal" } as const;
    return { feed, state: previous, outcome, items: [], firstRead };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
