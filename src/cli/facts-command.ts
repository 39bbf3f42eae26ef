import { addCuratedFact, listCuratedFacts, removeCuratedFact } from "../actions/facts.ts";
import { UserError } from "../i18n/messages.ts";
import { type CliCommand, printJson, stringList, stringOption } from "./command-types.ts";

export const factsCommand: CliCommand = {
  name: "facts",
  usage: "facts list|add TEXT --source URL --date ISO [--topic ID]…|remove ID",
  summary: "curated facts (cited as curated in answers)",
  options: {
    source: { type: "string" },
    date: { type: "string" },
    topic: { type: "string", multiple: true },
  },
  async run(app, context) {
    const [action = "list", arg] = context.positionals;
    if (action === "list") {
      const facts = await listCuratedFacts(app);
      if (context.json) printJson(context, { facts });
      else for (const f of facts) context.io.out(`${f.id}  ${f.date}  ${f.text}\n    ${f.source}`);
      return 0;
    }
    if (action === "add") {
      const source = stringOption(context, "source");
      const date = stringOption(context, "date");
      if (!arg || !source || !date) {
        throw new UserError("usage", {
          text: 'facts add needs TEXT --source URL --date ISO, e.g. facts add "Oracle won" --source https://… --date 2020-09-14',
        });
      }
      const topics = stringList(context, "topic");
      const fact = await addCuratedFact(app, undefined, { text: arg, source, date, topics });
      if (context.json) printJson(context, { fact });
      else context.io.out(`Added curated fact ${fact.id}.`);
      return 0;
    }
    if (action === "remove") {
      if (!arg) throw new UserError("usage", { text: "facts remove needs a fact id (see facts list)" });
      await removeCuratedFact(app, undefined, arg);
      if (context.json) printJson(context, { removed: arg });
      else context.io.out(`Removed curated fact ${arg}.`);
      return 0;
    }
    throw new UserError("usage", { text: `unknown action "${action}" (list, add, remove)` });
  },
};
