/**
 * The data newsdesk keeps. Every stage reads and returns these plain shapes; the store persists
 * them as JSON. Times are ISO-8601 strings so they survive any store unchanged.
 */

/** A language newsdesk analyses. Anything else is kept as written but analysed as English. */
export type Lang = "en" | "fr";

/** `undefined` scope means global (config or CLI); otherwise the Discord guild that added it. */
export type Scope = string | undefined;

export interface Feed {
  url: string;
  /** Display name; the feed's own title once it has been fetched. */
  title?: string;
  /** Declared language, used when an item's own text is too short to tell. */
  lang?: Lang;
  guildId?: string;
  addedAt: string;
}

/** What the poller remembers about one feed between polls (health, caching, backoff). */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** sha256 of the last body processed: an unchanged body is not parsed again. */
  bodyHash?: string;
  title?: string;
  /** True once the feed has been read successfully at least once (first-run rule). */
  primed: boolean;
  lastStatus?: number;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** Do not poll before this time (backoff, Retry-After). */
  nextAttemptAt?: string;
  /** Set after too many consecutive failures; cleared by `feeds enable` / `/feed enable`. */
  disabled: boolean;
  disabledAt?: string;
  /** Guilds already told that this feed was disabled. */
  disabledAnnouncedTo?: string[];
}

export interface Item {
  /** The feed's guid, else its link, else a hash of title and date (see DESIGN.md). */
  id: string;
  /** Store key: unique across feeds (two feeds may share a guid). */
  key: string;
  feed: string;
  feedTitle?: string;
  title: string;
  link?: string;
  published?: string;
  author?: string;
  categories: string[];
  /** Plain text: the article's full text when it was extracted, else the feed's content. */
  text: string;
  /** True when `text` came from the article page rather than the feed. */
  fullText: boolean;
  lang: Lang;
  /** Stored on a feed's first read (or too old): feeds the fact base, never posted. */
  backlog: boolean;
  fetchedAt: string;
  /** Topic ids this item matched, with their scores. */
  topics: TopicMatch[];
  story?: string;
  /** The guild whose private feed this item came from; undefined for global feeds. */
  guildId?: string;
}

export interface TopicMatch {
  topic: string;
  score: number;
}

export interface Topic {
  id: string;
  name: string;
  query: string;
  description?: string;
  guildId?: string;
}

export interface Story {
  id: string;
  /** Item keys, in the order the sources were seen. */
  items: string[];
  firstSeen: string;
  /** Earliest published date among its items (falls back to firstSeen). */
  published: string;
  updatedAt: string;
  topics: TopicMatch[];
  /** Title of the lead item. */
  title: string;
  lang: Lang;
  summary: string;
  /** True when every item is backlog: such a story is never posted. */
  backlog: boolean;
  /** Guild of the private feed(s) it came from; undefined when any source is global. */
  guildId?: string;
  /** Grouping features: folded entity/number keys and weighted title+lead terms. */
  signature: StorySignature;
}

export interface StorySignature {
  /** Folded entity and number keys, most widely shared first. */
  entities: string[];
  /**
   * Term keys (stems and concepts), heaviest first, and `weights[i]` the weight of `terms[i]`.
   * Two arrays rather than one key→weight object: a window holds thousands of stories, and V8
   * gave each 60-key object its own hidden classes (about 4.5 KB a story, against 1 KB now).
   */
  terms: string[];
  weights: number[];
}

export type SubscriptionMode = "digest" | "instant";

export interface Subscription {
  guildId: string;
  channelId: string;
  topic: string;
  mode: SubscriptionMode;
  createdAt: string;
  /** Set when Discord refused permanently (missing access, unknown channel). */
  pausedReason?: string;
  pausedAt?: string;
}

export interface GuildSettings {
  guildId: string;
  digestCron: string;
  timezone: string;
  lastDigestAt?: string;
  locale?: string;
}

/**
 * pending: to send; sent; failed: refused for its channel (sent again when the channel is
 * resumed); dropped: never to be sent (Discord rejected the message itself, or its channel has
 * no subscription left).
 */
export type OutboxStatus = "pending" | "sent" | "failed" | "dropped";

export interface OutboxEntry {
  key: string;
  channelId: string;
  guildId: string;
  storyIds: string[];
  /** The message body, rendered once when queued, so a resend is the same message. */
  payload?: Record<string, unknown>;
  /** Discord nonce derived from the key: a resend after a crash is deduplicated by Discord. */
  nonce: string;
  status: OutboxStatus;
  createdAt: string;
  attempts: number;
  messageId?: string;
  sentAt?: string;
  lastError?: string;
}

export interface CuratedFact {
  id: string;
  text: string;
  source: string;
  date: string;
  lang: Lang;
  topics?: string[];
  guildId?: string;
  addedAt: string;
}
