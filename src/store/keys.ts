import { createHash } from "node:crypto";

/**
 * The store's key layout, in one place. Values are JSON, fact segments excepted (bytes). Lists
 * that must be read whole (indexes) are kept compact: ids only, never whole records.
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
 *   fact:<item key>#<n>        StoredFact        one sentence of an item, as answers quote it
 *   fact-source:<item key>     SourceInfo        what an item's facts cite (title, link, feed…)
 *   fact-segment:<id>          bytes             a batch of facts as the index loads them (a BLOB
 *                                                in SQLite, base64 text elsewhere; a version 4
 *                                                segment from an older store is a JSON object)
 *   fact-segments              string[]          every segment id, oldest first
 *   fact-dead:<id>             number[]          facts of a segment removed since it was written
 *   meta:<name>                any               last runs, fact-base layout version, …
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
  fact: (id: string) => `fact:${id}`,
  factSource: (itemKey: string) => `fact-source:${itemKey}`,
  factSegment: (id: string) => `fact-segment:${id}`,
  factSegments: "fact-segments",
  factDead: (id: string) => `fact-dead:${id}`,
  meta: (name: string) => `meta:${name}`,
} as const;

/** A short stable id from parts (item keys, story ids, nonces). */
export function hashId(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 16);
}
