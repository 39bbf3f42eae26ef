import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { setSchedule } from "../src/actions/subscriptions.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { guildOf, scopeOf } from "../src/discord/command-options.ts";
import { say } from "../src/discord/replies.ts";
import { code, discordTime, safe } from "../src/discord/reply-format.ts";

/** `/schedule cron [timezone]`: when this server's digest goes out. */

export const data = new SlashCommandBuilder()
  .setName("schedule")
  .setNameLocalizations({ fr: "horaire" })
  .setDescription("When this server's digest goes out")
  .setDescriptionLocalizations({ fr: "Quand part le résumé de ce serveur" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addStringOption((o) =>
    o
      .setName("cron")
      .setDescription('Cron expression, e.g. "0 8 * * *" (every day at 08:00)')
      .setDescriptionLocalizations({ fr: "Expression cron, ex. « 0 8 * * * » (tous les jours à 8 h)" })
      .setRequired(true)
      .setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName("timezone")
      .setNameLocalizations({ fr: "fuseau" })
      .setDescription("IANA time zone, e.g. Europe/Paris (default: unchanged)")
      .setDescriptionLocalizations({ fr: "Fuseau horaire IANA, ex. Europe/Paris (défaut : inchangé)" })
      .setMaxLength(64),
  );

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const guildId = guildOf(interaction);
  const timezone = interaction.options.getString("timezone")?.trim();
  const settings = await setSchedule(ctx.app, {
    guildId,
    cron: interaction.options.getString("cron", true).trim(),
    ...(timezone ? { timezone } : {}),
  });
  await ctx.scheduler?.reschedule(guildId);
  const next = ctx.scheduler?.nextRuns().digests[guildId];
  return [
    {
      content: say(locale, "schedule.done", {
        cron: code(settings.digestCron),
        timezone: safe(settings.timezone),
        next: discordTime(next, "F") ?? say(locale, "schedule.unknown-next"),
      }),
    },
  ];
}
