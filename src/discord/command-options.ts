import {
  type AutocompleteInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from "discord.js";
import { listTopics } from "../actions/topics.ts";
import { localeOf } from "../i18n/messages.ts";
import type { Topic } from "../model.ts";
import { foldText } from "../text/fold.ts";
import type { BotContext, CommandScope } from "./command-kit.ts";
import { truncateText } from "./truncate.ts";

/** Options several commands share, built the same way everywhere (names, French, autocomplete). */

/** `topic`: a topic id, autocompleted from the topics this server sees. */
export function topicOption(option: SlashCommandStringOption, required: boolean): SlashCommandStringOption {
  return option
    .setName("topic")
    .setNameLocalizations({ fr: "sujet" })
    .setDescription("A topic id (start typing to pick one)")
    .setDescriptionLocalizations({ fr: "Un identifiant de sujet (tapez pour choisir)" })
    .setRequired(required)
    .setAutocomplete(true)
    .setMaxLength(48);
}

/** `channel`: a text or announcement channel of this server. */
export function channelOption(
  option: SlashCommandChannelOption,
  required: boolean,
): SlashCommandChannelOption {
  return option
    .setName("channel")
    .setNameLocalizations({ fr: "salon" })
    .setDescription("The channel stories go to")
    .setDescriptionLocalizations({ fr: "Le salon où vont les articles" })
    .setRequired(required)
    .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
}

/** Autocomplete choices: topics whose id or name contains what was typed (accents ignored). */
export async function suggestTopics(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  filter: (topic: Topic) => boolean = () => true,
): Promise<{ name: string; value: string }[]> {
  const typed = foldText(String(interaction.options.getFocused()).trim());
  const topics = await listTopics(ctx.app, interaction.guildId ?? undefined);
  return topics
    .filter(filter)
    .filter((t) => foldText(t.id).includes(typed) || foldText(t.name).includes(typed))
    .slice(0, 25)
    .map((t) => ({ name: truncateText(`${t.name} (${t.id})`, 100), value: t.id }));
}

/** The locale and place a command runs in. */
export function scopeOf(interaction: ChatInputCommandInteraction): CommandScope {
  return {
    locale: localeOf(interaction.locale),
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    channelId: interaction.channelId,
  };
}

/** The guild an admin command runs in (the router has already refused DMs for those). */
export function guildOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.guildId) throw new Error("admin command outside a guild");
  return interaction.guildId;
}
