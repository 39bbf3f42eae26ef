import type { App } from "../main.ts";
import type { Item } from "../model.ts";

/**
 * DESIGN.md's scope rule, in one place. A feed only guilds added is private to those guilds;
 * every other feed (configured, added from the CLI, or read ad hoc with `fetch --feed`) is
 * global. A guild sees global feeds and its own; the CLI (no guild) sees global feeds.
 * Items, stories and facts are attributed by their feed.
 */
export interface Scope {
  guildId?: string;
  seesFeed(url: string): boolean;
  sees(item: Pick<Item, "feed">): boolean;
}

export async function createScope(app: App, guildId?: string): Promise<Scope> {
  const stored = await app.store.feeds.list();
  const global = new Set([
    ...app.config.feeds.map((f) => f.url),
    ...stored.filter((f) => !f.guildId).map((f) => f.url),
  ]);
  const owners = new Map<string, Set<string>>();
  for (const feed of stored) {
    if (!feed.guildId || global.has(feed.url)) continue;
    const set = owners.get(feed.url) ?? new Set<string>();
    set.add(feed.guildId);
    owners.set(feed.url, set);
  }
  const seesFeed = (url: string) => {
    const guilds = owners.get(url);
    return !guilds || (guildId !== undefined && guilds.has(guildId));
  };
  return { ...(guildId ? { guildId } : {}), seesFeed, sees: (item) => seesFeed(item.feed) };
}

/** Items of the scope: all stored ones, or only `among`. */
export async function visibleItems(app: App, guildId?: string, among?: Item[]): Promise<Item[]> {
  const scope = await createScope(app, guildId);
  const items = among ?? (await app.store.items.all());
  return items.filter(scope.sees);
}
