import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { explainStoredItem } from "../src/actions/topics.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { guildOf, scopeOf } from "../src/discord/command-options.ts";
import { embedUrl } from "../src/discord/message-limits.ts";
import { say } from "../src/discord/replies.ts";
import { linesToMessages, safe } from "../src/discord/reply-format.ts";

/** `/why item`: for each topic, whether a stored item matched it, and why. */

export const data = new SlashCommandBuilder()
  .setName("why")
  .setNameLocalizations({ fr: "pourquoi" })
  .setDescription("Why a stored item matched a topic, or did not")
  .setDescriptionLocalizations({ fr: "Pourquoi un article correspond ou non à un sujet" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName("item")
      .setNameLocalizations({ fr: "article" })
      .setDescription("The item's id or link (as in a digest's source)")
      .setDescriptionLocalizations({
        fr: "L'identifiant ou le lien de l'article (comme dans une source du résumé)",
      })
      .setRequired(true)
      .setMaxLength(2000),
  );

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const { item, explanations } = await explainStoredItem(
    ctx.app,
    interaction.options.getString("item", true).trim(),
    {
      guildId: guildOf(interaction),
      lang: locale,
    },
  );
  // Matches first; each line is the explanation's own sentence (topic names and terms are escaped).
  const ordered = [...explanations].sort(
    (a, b) => Number(b.matched) - Number(a.matched) || b.score - a.score,
  );
  const lines = ordered.map((e) => `${e.matched ? "✅" : "▫️"} ${safe(e.sentence, 900)}`);
  const link = embedUrl(item.link);
  return linesToMessages(
    say(locale, "why.title", { title: safe(item.title, 200) }),
    lines,
    (count) => say(locale, "more", { count }),
    link ? { url: link } : {},
  );
}
