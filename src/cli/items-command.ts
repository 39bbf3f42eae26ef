import { createScope } from "../actions/scope.ts";
import { requireTopic } from "../actions/topics.ts";
import { type CliCommand, printJson, stringOption } from "./command-types.ts";

export const itemsCommand: CliCommand = {
  name: "items",
  usage: "items [--feed URL] [--topic ID]",
  summary: "stored items with their topics and story",
  options: { feed: { type: "string" }, topic: { type: "string" } },
  async run(app, context) {
    const feed = stringOption(context, "feed");
    const topic = stringOption(context, "topic");
    if (topic) await requireTopic(app, topic);
    const scope = await createScope(app);
    const items = (await app.store.items.all()).filter(
      (i) =>
        scope.sees(i) && (!feed || i.feed === feed) && (!topic || i.topics.some((t) => t.topic === topic)),
    );
    if (context.json) {
      printJson(context, {
        items: items.map((i) => ({
          id: i.id,
          feed: i.feed,
          title: i.title,
          link: i.link ?? null,
          published: i.published ?? null,
          lang: i.lang,
          text: i.text,
          topics: i.topics.map((t) => t.topic),
          story: i.story ?? null,
          backlog: i.backlog,
        })),
      });
      return 0;
    }
    for (const item of items) {
      const topics = item.topics.map((t) => t.topic).join(", ");
      context.io.out(
        `${item.published?.slice(0, 10) ?? "          "}  [${item.lang}] ${item.title}${item.backlog ? "  (backlog)" : ""}`,
      );
      context.io.out(`            ${item.link ?? item.id}${topics ? `  · topics: ${topics}` : ""}`);
    }
    context.io.out(`${items.length} items`);
    return 0;
  },
};
