import { topicIdPattern } from "../config/schema.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { Item, Lang, Topic } from "../model.ts";
import { explainItem, type QueryTestResult, type TopicExplanation, testQuery } from "../topics/explain.ts";
import { checkQuery } from "../topics/query-parser.ts";
import { createScope, visibleItems } from "./scope.ts";

/** The topics a scope sees: configured, added from the CLI, and (for a guild) its own. */
export async function listTopics(app: App, guildId?: string): Promise<Topic[]> {
  const configured: Topic[] = app.config.topics.map((t) => ({ ...t }));
  const ids = new Set(configured.map((t) => t.id));
  const stored = (await app.store.topics.list()).filter(
    (t) => (t.guildId === undefined || t.guildId === guildId) && !ids.has(t.id),
  );
  return [...configured, ...stored];
}

/** Every topic of every scope: what a poll matches items against. */
export async function listAllTopics(app: App): Promise<Topic[]> {
  const global = await listTopics(app);
  const ids = new Set(global.map((t) => t.id));
  return [
    ...global,
    ...(await app.store.topics.list()).filter((t) => t.guildId !== undefined && !ids.has(t.id)),
  ];
}

export async function requireTopic(app: App, id: string, guildId?: string): Promise<Topic> {
  const topics = await listTopics(app, guildId);
  const topic = topics.find((t) => t.id === id);
  if (!topic)
    throw new UserError("topic.unknown", { id, known: topics.map((t) => t.id).join(", ") || "none" });
  return topic;
}

export async function addTopic(
  app: App,
  input: { id: string; query: string; name?: string; description?: string; guildId?: string },
): Promise<Topic> {
  if (!topicIdPattern.test(input.id)) throw new UserError("topic.invalid-id", { id: input.id });
  const problem = checkQuery(input.query);
  if (problem) throw new UserError("topic.bad-query", { problem });
  const all = await listAllTopics(app);
  // Ids are unique across guilds too: a story's topic list names topics by id alone.
  if (all.some((t) => t.id === input.id)) throw new UserError("topic.exists", { id: input.id });
  const topic: Topic = {
    id: input.id,
    name: input.name ?? input.id,
    query: input.query,
    ...(input.description ? { description: input.description } : {}),
    ...(input.guildId ? { guildId: input.guildId } : {}),
  };
  await app.store.topics.upsert(topic, (a, b) => a.id === b.id);
  return topic;
}

export async function removeTopic(app: App, id: string, guildId?: string): Promise<void> {
  if (app.config.topics.some((t) => t.id === id)) throw new UserError("topic.global", { id });
  const removed = await app.store.topics.remove((t) => t.id === id && t.guildId === guildId);
  if (removed === 0) {
    const known = (await listTopics(app, guildId)).map((t) => t.id).join(", ") || "none";
    throw new UserError("topic.unknown", { id, known });
  }
}

/** `topics test --query Q` / `/topic test`: what the query would match among stored items. */
export async function testTopicQuery(app: App, query: string, guildId?: string): Promise<QueryTestResult> {
  const problem = checkQuery(query);
  if (problem) throw new UserError("topic.bad-query", { problem });
  return testQuery(query, await visibleItems(app, guildId));
}

/** `why ITEM_ID` / `/why`: for each topic, whether the item matched and why. */
export async function explainStoredItem(
  app: App,
  itemId: string,
  options: { guildId?: string; lang?: Lang } = {},
): Promise<{ item: Item; explanations: TopicExplanation[] }> {
  const item = await findItem(app, itemId, options.guildId);
  const topics = await listTopics(app, options.guildId);
  return { item, explanations: explainItem(topics, item, { lang: options.lang ?? "en" }) };
}

/** An item by its feed id (guid or link) or its store key, within the scope. */
export async function findItem(app: App, idOrKey: string, guildId?: string): Promise<Item> {
  const scope = await createScope(app, guildId);
  const direct = await app.store.items.get(idOrKey);
  const items = direct ? [direct] : await app.store.items.all();
  const item = items.find((i) => i.key === idOrKey || i.id === idOrKey || i.link === idOrKey);
  if (!item || !scope.sees(item)) throw new UserError("item.unknown", { id: idOrKey });
  return item;
}
