import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from "discord.js";
import { timelineFor } from "../src/actions/digest.ts";
import { requireTopic } from "../src/actions/topics.ts";
import { describeSources } from "../src/digest/labels.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { scopeOf, suggestTopics, topicOption } from "../src/discord/command-options.ts";
import { isHttpUrl } from "../src/discord/message-limits.ts";
import { say } from "../src/discord/replies.ts";
import { discordTime, linesToMessages, safe } from "../src/discord/reply-format.ts";

/** `/timeline topic`: the topic's stories in date order, each with what happened and who told it. */

export const data = new SlashCommandBuilder()
  .setName("timeline")
  .setNameLocalizations({ fr: "chronologie" })
  .setDescription("A topic's stories in date order")
  .setDescriptionLocalizations({ fr: "Les articles d'un sujet par ordre chronologique" })
  .addStringOption((o) => topicOption(o, true));

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale, guildId } = scopeOf(interaction);
  const topic = await requireTopic(ctx.app, interaction.options.getString("topic", true), guildId);
  const entries = await timelineFor(ctx.app, topic.id, guildId);
  const name = safe(topic.name, 100);
  if (entries.length === 0) return [{ content: say(locale, "timeline.empty", { topic: `**${name}**` }) }];
  const lines = entries.map((entry) => {
    const title = safe(entry.title, 200);
    const linked =
      entry.url && isHttpUrl(entry.url) && !/[()\s]/.test(entry.url) ? `[${title}](${entry.url})` : title;
    const sentence = entry.sentence && entry.sentence !== entry.title ? `\n${safe(entry.sentence, 400)}` : "";
    const sources = entry.sources.length > 0 ? ` — ${safe(describeSources(entry.sources), 150)}` : "";
    return `${discordTime(entry.date, "d") ?? ""} **${linked}**${sources}${sentence}`;
  });
  return linesToMessages(say(locale, "timeline.title", { topic: name }), lines, (count) =>
    say(locale, "more", { count }),
  );
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return suggestTopics(interaction, ctx);
}
