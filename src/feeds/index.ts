/**
 * Feed ingestion: guarded HTTP → charset → rss-parser → normalised items, plus article full
 * text and per-feed polling with backoff. Functions over plain data; the only I/O is the
 * guarded fetch, which callers build once and pass in.
 */
export { decodeFeedBody } from "./charset.ts";
export {
  BlockedAddressError,
  BodyTooLargeError,
  FeedError,
  type FeedErrorKind,
  FeedParseError,
  FetchTimeoutError,
  HttpStatusError,
  NetworkError,
  TooManyRedirectsError,
} from "./errors.ts";
export {
  createGuardedFetch,
  DEFAULT_FETCH_OPTIONS,
  type FetchFunction,
  type FetchOptions,
  type FetchResult,
  fetchGuarded,
} from "./fetch-url.ts";
export {
  DEFAULT_FULL_TEXT_MIN_WORDS,
  type EnrichDeps,
  enrichWithFullText,
  extractArticleText,
  needsFullText,
} from "./full-text.ts";
export {
  createNetworkGuard,
  type NetworkGuard,
  type NetworkGuardOptions,
  parseAllowHosts,
  type ResolveHost,
} from "./network-guard.ts";
export { type NormaliseOptions, normaliseItems } from "./normalise-items.ts";
export { type ParsedFeed, type ParsedItem, parseFeed } from "./parse-feed.ts";
export {
  computeBackoffMs,
  createFeedState,
  enableFeedState,
  type FeedSource,
  isDue,
  type PollDeps,
  type PollLimits,
  type PollOutcome,
  type PollResult,
  pollFeed,
} from "./poll-feed.ts";
export { type PollFeedsDeps, pollFeeds } from "./poll-feeds.ts";
