import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { subscribe } from "../src/actions/subscriptions.ts";
import { requireTopic } from "../src/actions/topics.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import {
  channelOption,
  guildOf,
  scopeOf,
  suggestTopics,
  topicOption,
} from "../src/discord/command-options.ts";
import { say } from "../src/discord/replies.ts";
import { code, discordTime, safe } from "../src/discord/reply-format.ts";
import type { SubscriptionMode } from "../src/model.ts";
import { rememberGuildLocale } from "../src/pipeline/deliver.ts";

/** `/subscribe topic channel [mode]`: where a topic's stories go, as a digest or one by one. */

export const data = new SlashCommandBuilder()
  .setName("subscribe")
  .setNameLocalizations({ fr: "abonner" })
  .setDescription("Send a topic's stories to a channel")
  .setDescriptionLocalizations({ fr: "Envoyer les articles d'un sujet dans un salon" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) => topicOption(o, true))
  .addChannelOption((o) => channelOption(o, true))
  .addStringOption((o) =>
    o
      .setName("mode")
      .setDescription("digest: on the server's schedule (default); instant: as soon as found")
      .setDescriptionLocalizations({
        fr: "résumé : selon l'horaire du serveur (défaut) ; instantané : dès qu'il est trouvé",
      })
      .addChoices(
        { name: "digest", name_localizations: { fr: "résumé" }, value: "digest" },
        { name: "instant", name_localizations: { fr: "instantané" }, value: "instant" },
      ),
  );

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const guildId = guildOf(interaction);
  const topicId = interaction.options.getString("topic", true);
  const channel = interaction.options.getChannel("channel", true);
  const mode = (interaction.options.getString("mode") ?? "digest") as SubscriptionMode;
  const topic = await requireTopic(ctx.app, topicId, guildId);
  await subscribe(ctx.app, { guildId, channelId: channel.id, topic: topic.id, mode });
  await rememberGuildLocale(ctx.app, guildId, interaction.guildLocale);
  await ctx.scheduler?.reschedule(guildId);
  const params = { channel: `<#${channel.id}>`, topic: safe(topic.name, 100) };
  const missing = missingPermissions(interaction, channel.id);
  const warning = missing
    ? `\n${say(locale, "subscribe.cannot-post", { channel: params.channel, missing })}`
    : "";
  if (mode === "instant") return [{ content: say(locale, "subscribe.instant", params) + warning }];
  const settings = await ctx.app.store.guilds.get(guildId);
  const next = ctx.scheduler?.nextRuns().digests[guildId];
  const content = say(locale, "subscribe.digest", {
    ...params,
    cron: code(settings?.digestCron ?? ctx.app.config.settings.schedules.digest),
    timezone: safe(settings?.timezone ?? ctx.app.config.settings.schedules.timezone),
    next: discordTime(next, "R") ?? say(locale, "schedule.unknown-next"),
  });
  return [{ content: content + warning }];
}

/** What posting needs in a channel (README: the invite's permissions). */
const POSTING = {
  ViewChannel: PermissionFlagsBits.ViewChannel,
  SendMessages: PermissionFlagsBits.SendMessages,
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
} as const;

/**
 * The posting permissions the bot lacks in the channel, as far as the gateway's cache tells
 * (undefined when it does not know, or lacks nothing). A warning only: the subscription is kept,
 * and a real refusal pauses it later with Discord's own reason.
 */
function missingPermissions(interaction: ChatInputCommandInteraction, channelId: string): string | undefined {
  const me = interaction.guild?.members.me;
  const channel = interaction.guild?.channels.cache.get(channelId);
  if (!me || !channel) return undefined;
  const granted = channel.permissionsFor(me);
  const lacking = Object.entries(POSTING)
    .filter(([, flag]) => !granted.has(flag))
    .map(([name]) => name.replace(/(?<=[a-z])(?=[A-Z])/g, " "));
  return lacking.length > 0 ? lacking.join(", ") : undefined;
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return suggestTopics(interaction, ctx);
}
