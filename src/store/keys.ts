import { createHash } from "node:crypto";

/**
 * The store's key layout, in one place. Values are JSON. Lists that must be read whole
 * (indexes) are kept compact: ids only, never whole records.
 *
 *   feeds                      Feed[]            every feed, global and per guild
 *   feed-state:<url>           FeedState
 *   feed-seen:<url>            string[]          item ids already stored for that feed
 *   item:<key>                 Item
 *   items                      string[]          every item key, oldest first
 *   story:<id>                 Story
 *   stories                    StoryRef[]        every story id with its first-seen time
 *   topics                     Topic[]
 *   subscriptions              Subscription[]
 *   guild:<id>                 GuildSettings
 *   guilds                     string[]
 *   outbox:<key>               OutboxEntry
 *   outbox-open                string[]          outbox keys not yet sent (pending or failed)
 *   facts                      CuratedFact[]     curated facts added with `facts add`
 *   meta:<name>                any               last runs, fact-index snapshot, …
 */
export const keys = {
  feeds: "feeds",
  feedState: (url: string) => `feed-state:${url}`,
  feedSeen: (url: string) => `feed-seen:${url}`,
  item: (key: string) => `item:${key}`,
  items: "items",
  story: (id: string) => `story:${id}`,
  stories: "stories",
  topics: "topics",
  subscriptions: "subscriptions",
  guild: (id: string) => `guild:${id}`,
  guilds: "guilds",
  outbox: (key: string) => `outbox:${key}`,
  outboxOpen: "outbox-open",
  curatedFacts: "facts",
  meta: (name: string) => `meta:${name}`,
} as const;

/** A short stable id from parts (item keys, story ids, nonces). */
export function hashId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 16);
}
