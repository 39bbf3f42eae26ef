import type { App } from "../main.ts";
import type { Story } from "../model.ts";
import type { FactBase } from "./fact-base.ts";

const LAST_PRUNE = "last-prune";
const DAY_MS = 86_400_000;

export interface PruneReport {
  items: number;
  stories: number;
}

/**
 * Forgets items older than the retention (`limits.retentionDays`, by published time, else
 * fetch time), their facts, and stories left without items, then merges the fact base's small
 * segments (a day of polls writes dozens). Runs at most once a day: it reads
 * every stored item. Seen ids go with the items, so an expired item still in its feed would be
 * read again as new — as old news: too old to post (`maxItemAgeDays` < retention).
 */
export async function pruneExpired(app: App, facts: FactBase, force = false): Promise<PruneReport> {
  const now = app.now();
  const last = await app.store.meta.get<string>(LAST_PRUNE);
  // The first poll only starts the clock: nothing stored can have expired yet.
  if (!force && (!last || now.getTime() - Date.parse(last) < DAY_MS)) {
    if (!last) await app.store.meta.set(LAST_PRUNE, now.toISOString());
    return { items: 0, stories: 0 };
  }
  const cutoff = now.getTime() - app.config.settings.limits.retentionDays * DAY_MS;
  const expired = (await app.store.items.all()).filter(
    (item) => Date.parse(item.published ?? item.fetchedAt) < cutoff,
  );
  const gone = new Set(expired.map((i) => i.key));
  const storyIds = [...new Set(expired.flatMap((i) => (i.story ? [i.story] : [])))];
  const stories = await app.store.stories.getMany(storyIds);
  const emptied = stories.filter((s) => s.items.every((k) => gone.has(k))).map((s) => s.id);
  const trimmed: Story[] = stories
    .filter((s) => !s.items.every((k) => gone.has(k)))
    .map((s) => ({ ...s, items: s.items.filter((k) => !gone.has(k)) }));

  await facts.removeItems([...gone]);
  await app.store.stories.putMany(trimmed);
  await app.store.stories.removeMany(emptied);
  await app.store.items.removeMany([...gone]);
  const segments = await facts.compact();
  await app.store.meta.set(LAST_PRUNE, now.toISOString());
  if (gone.size > 0) app.logger.info("pruned expired items", { items: gone.size, stories: emptied.length });
  if (segments.merged > 0) app.logger.info("merged fact segments", { ...segments });
  return { items: gone.size, stories: emptied.length };
}
