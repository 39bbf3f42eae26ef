import { addTopic, explainStoredItem, listTopics, removeTopic, testTopicQuery } from "../actions/topics.ts";
import { UserError } from "../i18n/messages.ts";
import { pointAtQueryError } from "../topics/format-query.ts";
import { QueryError } from "../topics/query.ts";
import { parseQuery } from "../topics/query-parser.ts";
import { type CliCommand, printJson, stringOption } from "./command-types.ts";
import type { CliIo } from "./run-cli.ts";

export const topicsCommand: CliCommand = {
  name: "topics",
  usage: "topics list|add ID --query Q [--name N]|remove ID|test --query Q",
  summary: "manage global topics; test a query on stored items",
  options: { query: { type: "string" }, name: { type: "string" }, description: { type: "string" } },
  async run(app, context) {
    const [action = "list", id] = context.positionals;
    const query = stringOption(context, "query");
    if (action === "list") {
      const topics = await listTopics(app);
      if (context.json) printJson(context, { topics });
      else for (const t of topics) context.io.out(`${t.id}  ${t.name}\n  ${t.query}`);
      return 0;
    }
    if (action === "add") {
      if (!id || !query)
        throw new UserError("usage", {
          text: 'topics add needs an id and --query, e.g. topics add ai-act --query "\\"AI Act\\""',
        });
      if (refusedQuery(query, context.io)) return 1;
      const name = stringOption(context, "name");
      const description = stringOption(context, "description");
      const topic = await addTopic(app, {
        id,
        query,
        ...(name ? { name } : {}),
        ...(description ? { description } : {}),
      });
      if (context.json) printJson(context, { topic });
      else context.io.out(`Added topic ${topic.id}: ${topic.query}`);
      return 0;
    }
    if (action === "remove") {
      if (!id) throw new UserError("usage", { text: "topics remove needs a topic id" });
      await removeTopic(app, id);
      if (context.json) printJson(context, { removed: id });
      else context.io.out(`Removed topic ${id}.`);
      return 0;
    }
    if (action === "test") {
      if (!query) throw new UserError("usage", { text: "topics test needs --query Q" });
      if (refusedQuery(query, context.io)) return 1;
      const result = await testTopicQuery(app, query);
      if (context.json) {
        printJson(context, result);
        return 0;
      }
      context.io.out(`Query: ${result.query}`);
      for (const m of result.matches) {
        context.io.out(
          `✓ ${m.title}\n    id: ${m.id}\n    matched: ${m.matchedTerms.join(", ")} (score ${m.score.toFixed(2)})`,
        );
      }
      context.io.out(`${result.matches.length} of ${result.checked} stored items match.`);
      return 0;
    }
    throw new UserError("usage", { text: `unknown action "${action}" (list, add, remove, test)` });
  },
};

/** A query that does not parse, shown with a caret under the place it goes wrong. */
function refusedQuery(query: string, io: CliIo): boolean {
  try {
    parseQuery(query);
    return false;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    io.err(`Error: that query does not work:\n${pointAtQueryError(query, error)}`);
    return true;
  }
}

export const whyCommand: CliCommand = {
  name: "why",
  usage: "why ITEM_ID",
  summary: "for each topic, whether the item matched and why",
  async run(app, context) {
    const [itemId] = context.positionals;
    if (!itemId) throw new UserError("usage", { text: "why needs an item id (see newsdesk items)" });
    const { item, explanations } = await explainStoredItem(app, itemId);
    if (context.json) {
      printJson(context, { item: { id: item.id, title: item.title }, topics: explanations });
      return 0;
    }
    context.io.out(`${item.title}\n${item.link ?? item.id}\n`);
    for (const e of explanations) {
      context.io.out(`${e.matched ? "✓" : "✗"} ${e.sentence}`);
      if (!e.matched && e.matchedTerms.length > 0) context.io.out(`    found: ${e.matchedTerms.join(", ")}`);
    }
    return 0;
  },
};
