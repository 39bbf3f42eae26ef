import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from "discord.js";
import { askQuestion } from "../src/actions/ask.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { scopeOf, suggestTopics, topicOption } from "../src/discord/command-options.ts";
import { renderAnswerEmbed } from "../src/discord/render-answer.ts";

/** `/ask question [topic]`: an answer from the fact base with its sources, or a plain "I don't know". */

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setNameLocalizations({ fr: "demander" })
  .setDescription("Ask a question; the answer cites the articles it comes from")
  .setDescriptionLocalizations({ fr: "Poser une question ; la réponse cite les articles dont elle vient" })
  .addStringOption((o) =>
    o
      .setName("question")
      .setDescription("e.g. Who became TikTok's US technology partner?")
      .setDescriptionLocalizations({
        fr: "ex. Qui est devenu le partenaire technologique de TikTok aux États-Unis ?",
      })
      .setRequired(true)
      .setMaxLength(500),
  )
  .addStringOption((o) => topicOption(o, false));

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale, guildId } = scopeOf(interaction);
  const topic = interaction.options.getString("topic") ?? undefined;
  const result = await askQuestion(ctx.app, ctx.facts, interaction.options.getString("question", true), {
    ...(guildId ? { guildId } : {}),
    ...(topic ? { topic } : {}),
    lang: locale,
  });
  return [{ embeds: [renderAnswerEmbed(result, locale)] }];
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return suggestTopics(interaction, ctx);
}
