import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from "discord.js";
import { addFeed, enableFeed, type FeedView, listFeedViews, removeFeed } from "../src/actions/feeds.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { guildOf, scopeOf } from "../src/discord/command-options.ts";
import { say } from "../src/discord/replies.ts";
import { code, discordTime, linesToMessages, safe } from "../src/discord/reply-format.ts";
import type { Locale } from "../src/i18n/messages.ts";
import { foldText } from "../src/text/fold.ts";

/** `/feed add|remove|list|enable`: this server's feeds, with their health. */

const urlOption = (option: SlashCommandStringOption, description: string, fr: string) =>
  option
    .setName("url")
    .setDescription(description)
    .setDescriptionLocalizations({ fr })
    .setRequired(true)
    .setMaxLength(2000);

export const data = new SlashCommandBuilder()
  .setName("feed")
  .setNameLocalizations({ fr: "flux" })
  .setDescription("This server's RSS/Atom feeds")
  .setDescriptionLocalizations({ fr: "Les flux RSS/Atom de ce serveur" })
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((sub) =>
    sub
      .setName("add")
      .setNameLocalizations({ fr: "ajouter" })
      .setDescription("Follow a feed (its current items are not posted)")
      .setDescriptionLocalizations({ fr: "Suivre un flux (ses articles actuels ne sont pas publiés)" })
      .addStringOption((o) =>
        urlOption(
          o,
          "The feed's address, e.g. https://example.com/feed.xml",
          "L'adresse du flux, ex. https://example.com/feed.xml",
        ),
      ),
  )
  .addSubcommand((sub) =>
    sub
      .setName("remove")
      .setNameLocalizations({ fr: "retirer" })
      .setDescription("Stop following a feed this server added")
      .setDescriptionLocalizations({ fr: "Ne plus suivre un flux ajouté par ce serveur" })
      .addStringOption((o) => urlOption(o, "The feed's address", "L'adresse du flux").setAutocomplete(true)),
  )
  .addSubcommand((sub) =>
    sub
      .setName("list")
      .setNameLocalizations({ fr: "liste" })
      .setDescription("The feeds this server reads, with their health")
      .setDescriptionLocalizations({ fr: "Les flux lus par ce serveur, avec leur état" }),
  )
  .addSubcommand((sub) =>
    sub
      .setName("enable")
      .setNameLocalizations({ fr: "réactiver" })
      .setDescription("Re-enable a feed disabled after repeated failures")
      .setDescriptionLocalizations({ fr: "Réactiver un flux désactivé après des échecs répétés" })
      .addStringOption((o) => urlOption(o, "The feed's address", "L'adresse du flux").setAutocomplete(true)),
  );

export const admin = true;
export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale } = scopeOf(interaction);
  const guildId = guildOf(interaction);
  const subcommand = interaction.options.getSubcommand();
  if (subcommand === "list") return listReply(await listFeedViews(ctx.app, guildId), locale, ctx.app.now());
  const url = interaction.options.getString("url", true).trim();
  if (subcommand === "add") {
    const feed = await addFeed(ctx.app, url, guildId);
    return [{ content: say(locale, "feed.added", { url: code(feed.url) }) }];
  }
  if (subcommand === "remove") {
    await removeFeed(ctx.app, url, guildId);
    return [{ content: say(locale, "feed.removed", { url: code(url) }) }];
  }
  await enableFeed(ctx.app, url, guildId);
  return [{ content: say(locale, "feed.enabled", { url: code(url) }) }];
}

/** Suggests this server's feeds (remove) or the disabled ones it reads (enable). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  const typed = foldText(String(interaction.options.getFocused()));
  const guildId = interaction.guildId ?? undefined;
  const feeds = await listFeedViews(ctx.app, guildId);
  const wanted =
    interaction.options.getSubcommand() === "enable"
      ? feeds.filter((f) => f.state?.disabled)
      : feeds.filter((f) => f.guildId !== undefined && f.guildId === guildId);
  return wanted
    .filter((f) => f.url.length <= 100 && foldText(`${f.url} ${f.title ?? ""}`).includes(typed))
    .slice(0, 25)
    .map((f) => ({ name: f.url, value: f.url }));
}

function listReply(feeds: FeedView[], locale: Locale, now: Date): ReplyMessage[] {
  if (feeds.length === 0) return [{ content: say(locale, "feed.none") }];
  const lines = feeds.map((feed) => {
    const name = safe(feed.title ?? feed.state?.title ?? feed.url, 120);
    const origin = say(locale, feed.guildId ? "feed.own" : "feed.global");
    return `**${name}** (${origin}) — ${health(feed, locale, now)}\n${code(feed.url, 300)}`;
  });
  return linesToMessages(say(locale, "feed.list-title", { count: feeds.length }), lines, (count) =>
    say(locale, "more", { count }),
  );
}

function health(feed: FeedView, locale: Locale, now: Date): string {
  const state = feed.state;
  if (!state) return say(locale, "feed.never");
  const error = safe(state.lastError, 200);
  if (state.disabled) return say(locale, "feed.disabled", { count: state.consecutiveFailures, error });
  if (state.consecutiveFailures > 0) {
    const when = discordTime(state.nextAttemptAt ?? now) ?? "?";
    return say(locale, "feed.failing", { count: state.consecutiveFailures, when, error });
  }
  const last = discordTime(state.lastSuccessAt);
  return last ? `${say(locale, "feed.ok")} (${last})` : say(locale, "feed.ok");
}
