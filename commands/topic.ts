import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from "discord.js";
import { addTopic, listTopics, removeTopic, testTopicQuery } from "../src/actions/topics.ts";
import { topicIdPattern } from "../src/config/schema.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { guildOf, scopeOf, suggestTopics, topicOption } from "../src/discord/command-options.ts";
import { say } from "../src/discord/replies.ts";
import { code, linesToMessages, safe } from "../src/discord/reply-format.ts";
import { type Locale, UserError } from "../src/i18n/messages.ts";
import type { Topic } from "../src/model.ts";
import { foldText } from "../src/text/fold.ts";

/** `/topic add|remove|list|test`: this server's topics, and trying a query before saving it. */

const queryOption = (option: SlashCommandStringOption) =>
  option
    .setName("query")
    .setNameLocalizations({ fr: "requête" })
    .setDescription('Search query: space = AND, OR, "phrase", -exclude, ( ) groups')
    .setDescriptionLocalizations({ fr: "Requête : espace = ET, OR, « phrase », -exclure, ( ) groupes" })
    .setRequired(true)
    .setMaxLength(1000);

export const data = new SlashCommandBuilder()
  .setName("topic")
  .setNameLocalizations({ fr: "sujet" })
  .setDescription("This server's topics")
  .setDescriptionLocalizations({ fr: "Les sujets de ce serveur" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName("add")
      .setNameLocalizations({ fr: "ajouter" })
      .setDescription("Track a new topic")
      .setDescriptionLocalizations({ fr: "Suivre un nouveau sujet" })
      .addStringOption((o) =>
        o
          .setName("name")
          .setNameLocalizations({ fr: "nom" })
          .setDescription("Its name, e.g. Chip exports (its id is made from it)")
          .setDescriptionLocalizations({ fr: "Son nom, ex. Export de puces (son identifiant en découle)" })
          .setRequired(true)
          .setMaxLength(80),
      )
      .addStringOption(queryOption),
  )
  .addSubcommand((sub) =>
    sub
      .setName("remove")
      .setNameLocalizations({ fr: "retirer" })
      .setDescription("Stop tracking a topic this server added")
      .setDescriptionLocalizations({ fr: "Ne plus suivre un sujet ajouté par ce serveur" })
      .addStringOption((o) => topicOption(o, true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("list")
      .setNameLocalizations({ fr: "liste" })
      .setDescription("The topics this server tracks")
      .setDescriptionLocalizations({ fr: "Les sujets suivis par ce serveur" }),
  )
  .addSubcommand((sub) =>
    sub
      .setName("test")
      .setNameLocalizations({ fr: "tester" })
      .setDescription("What a query would match in stored items")
      .setDescriptionLocalizations({ fr: "Ce qu'une requête trouverait dans les articles enregistrés" })
      .addStringOption(queryOption),
  );

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const guildId = guildOf(interaction);
  const more = (count: number) => say(locale, "more", { count });
  switch (interaction.options.getSubcommand()) {
    case "add": {
      const name = interaction.options.getString("name", true).trim();
      const query = interaction.options.getString("query", true);
      const topic = await addTopic(ctx.app, { id: topicIdFromName(name), name, query, guildId });
      const params = { name: safe(topic.name, 80), id: code(topic.id), query: code(topic.query, 1000) };
      return [{ content: say(locale, "topic.added", params) }];
    }
    case "remove": {
      const id = interaction.options.getString("topic", true);
      await removeTopic(ctx.app, id, guildId);
      return [{ content: say(locale, "topic.removed", { id: code(id) }) }];
    }
    case "test": {
      const result = await testTopicQuery(ctx.app, interaction.options.getString("query", true), guildId);
      const title = say(locale, "topic.test-title", {
        query: code(result.query, 180),
        count: result.matches.length,
        checked: result.checked,
      });
      if (result.matches.length === 0)
        return [{ embeds: [{ title, description: say(locale, "topic.test-none") }] }];
      const on = say(locale, "topic.test-terms");
      const lines = result.matches.map(
        (m) => `• ${safe(m.title, 200)} — ${on} ${safe(m.matchedTerms.join(", "), 200)} (${code(m.id, 120)})`,
      );
      return linesToMessages(title, lines, more);
    }
    default:
      return listReply(await listTopics(ctx.app, guildId), locale, more);
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  // Only a server's own topics can be removed from it.
  return suggestTopics(interaction, ctx, (t) => t.guildId !== undefined);
}

/**
 * "Chip exports" → `chip-exports`: a name that is already an id is kept; otherwise accents are
 * dropped and every run of other characters becomes a dash.
 */
export function topicIdFromName(name: string): string {
  if (topicIdPattern.test(name)) return name;
  const id = foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  if (!topicIdPattern.test(id)) throw new UserError("topic.bad-name", { name });
  return id;
}

function listReply(topics: Topic[], locale: Locale, more: (n: number) => string): ReplyMessage[] {
  if (topics.length === 0) return [{ content: say(locale, "topic.none") }];
  const lines = topics.map((t) => {
    const origin = say(locale, t.guildId ? "feed.own" : "feed.global");
    return `**${safe(t.name, 100)}** ${code(t.id)} (${origin})\n${code(t.query, 600)}`;
  });
  return linesToMessages(say(locale, "topic.list-title", { count: topics.length }), lines, more);
}
