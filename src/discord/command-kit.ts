import type {
  APIEmbed,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SharedSlashCommand,
} from "discord.js";
import type { Locale } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { FactBase } from "../pipeline/fact-base.ts";
import type { Scheduler } from "../scheduler/scheduler.ts";

/** What every slash command receives besides the interaction: built once in bot mode. */
export interface BotContext {
  app: App;
  facts: FactBase;
  scheduler?: Scheduler;
}

/** One message of a reply; the router sends the first as the reply and the rest as follow-ups. */
export interface ReplyMessage {
  content?: string;
  embeds?: APIEmbed[];
}

/** The locale and scope a command runs in. */
export interface CommandScope {
  locale: Locale;
  guildId?: string;
  channelId: string;
}

/**
 * A slash command module (`commands/<name>.ts`). `execute` returns what to say; the router
 * defers, sends, and turns errors into ephemeral replies in the member's language.
 */
export interface SlashCommandModule {
  data: SharedSlashCommand;
  /** Manage Server commands: refused in DMs and re-checked against the member's permissions. */
  admin?: boolean;
  /** Replies only the member sees. */
  ephemeral?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<ReplyMessage[]>;
  autocomplete?(
    interaction: AutocompleteInteraction,
    ctx: BotContext,
  ): Promise<{ name: string; value: string }[]>;
}
