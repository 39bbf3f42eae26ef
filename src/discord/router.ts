import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { localeOf, translate, UserError } from "../i18n/messages.ts";
import type { Logger } from "../log/logger.ts";
import type { BotContext, ReplyMessage, SlashCommandModule } from "./command-kit.ts";

/**
 * The one interaction handler. For a slash command, in order: refuse admin commands in DMs;
 * re-check Manage Server at run time (server admins can override the default permission);
 * defer at once (Discord's 3-second rule — the store may be slow); run; send the reply and any
 * follow-ups. A `UserError` becomes a message in the member's language (see `replyWithError`);
 * any other error is logged with its context and the member gets a short apology. A command
 * this version does not have gets an ephemeral answer saying so.
 */
export function createInteractionRouter(
  commands: readonly SlashCommandModule[],
  ctx: BotContext,
  logger: Logger,
): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(byName, interaction, ctx, logger);
    if (!interaction.isChatInputCommand()) return;
    const command = byName.get(interaction.commandName);
    if (command) return runCommand(command, interaction, ctx, logger);
    // A command registered by an older version (global registrations linger for up to an hour).
    const content = translate("command.unknown", {}, localeOf(interaction.locale));
    await interaction
      .reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
      .catch((error: unknown) => logger.warn("could not answer an unknown command", { error }));
  };
}

async function runCommand(
  command: SlashCommandModule,
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  logger: Logger,
): Promise<void> {
  const locale = localeOf(interaction.locale);
  const log = logger.child({
    command: interaction.commandName,
    guildId: interaction.guildId ?? undefined,
    channelId: interaction.channelId,
  });
  try {
    if (command.admin) {
      if (!interaction.inGuild()) throw new UserError("command.guild-only");
      if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
        throw new UserError("command.admin-only");
      }
    }
    await interaction.deferReply(command.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const [first, ...rest] = await command.execute(interaction, ctx);
    await interaction.editReply({
      content: first?.content ?? "",
      embeds: first?.embeds ?? [],
      allowedMentions: { parse: [] },
    });
    for (const message of rest) {
      await interaction.followUp({
        ...message,
        allowedMentions: { parse: [] },
        ...(command.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
    }
  } catch (error) {
    const text =
      error instanceof UserError ? error.messageIn(locale) : translate("command.failed", {}, locale);
    if (!(error instanceof UserError)) log.error("command failed", { error });
    await replyWithError(interaction, text).catch((replyError: unknown) =>
      log.warn("could not tell the member about an error", { error: replyError }),
    );
  }
}

/**
 * Errors are ephemeral when the reply is: before any deferral, or after an ephemeral one. After a
 * public deferral the "thinking…" message is edited into the error. Discord turns the first
 * follow-up after a deferral into that same edit whatever its flags, so a private error is not
 * possible there, and deleting the reply first would leave the member with nothing if the
 * follow-up failed.
 */
async function replyWithError(interaction: ChatInputCommandInteraction, text: string): Promise<void> {
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  await interaction.editReply({ content: text, embeds: [], allowedMentions: { parse: [] } });
}

async function autocomplete(
  byName: Map<string, SlashCommandModule>,
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  logger: Logger,
): Promise<void> {
  const command = byName.get(interaction.commandName);
  try {
    const choices = (await command?.autocomplete?.(interaction, ctx)) ?? [];
    await interaction.respond(choices.slice(0, 25));
  } catch (error) {
    logger.warn("autocomplete failed", { command: interaction.commandName, error });
    await interaction.respond([]).catch(() => {});
  }
}

export type { ReplyMessage };
