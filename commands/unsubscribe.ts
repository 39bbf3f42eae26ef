import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { unsubscribe } from "../src/actions/subscriptions.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import {
  channelOption,
  guildOf,
  scopeOf,
  suggestTopics,
  topicOption,
} from "../src/discord/command-options.ts";
import { say } from "../src/discord/replies.ts";
import { code } from "../src/discord/reply-format.ts";
import { UserError } from "../src/i18n/messages.ts";

/** `/unsubscribe channel [topic]`: stop sending a topic (or every topic) to a channel. */

export const data = new SlashCommandBuilder()
  .setName("unsubscribe")
  .setNameLocalizations({ fr: "désabonner" })
  .setDescription("Stop sending a topic (or all topics) to a channel")
  .setDescriptionLocalizations({ fr: "Ne plus envoyer un sujet (ou tous) dans un salon" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addChannelOption((o) => channelOption(o, true))
  .addStringOption((o) => topicOption(o, false));

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const guildId = guildOf(interaction);
  const channel = interaction.options.getChannel("channel", true);
  const topic = interaction.options.getString("topic") ?? undefined;
  const removed = await unsubscribe(ctx.app, { guildId, channelId: channel.id, ...(topic ? { topic } : {}) });
  const where = `<#${channel.id}>`;
  if (removed === 0) {
    throw new UserError("subscription.unknown", { topic: topic ? code(topic) : "*", channel: where });
  }
  const what = topic ? code(topic) : say(locale, "unsubscribe.all");
  return [{ content: say(locale, "unsubscribe.done", { channel: where, what }) }];
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return suggestTopics(interaction, ctx);
}
