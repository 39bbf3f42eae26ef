import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from "discord.js";
import { digestFor } from "../src/actions/digest.ts";
import { listTopics } from "../src/actions/topics.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { scopeOf, suggestTopics, topicOption } from "../src/discord/command-options.ts";
import { renderDigestMessages } from "../src/discord/render-embeds.ts";
import { say } from "../src/discord/replies.ts";
import { discordTime } from "../src/discord/reply-format.ts";
import type { Locale } from "../src/i18n/messages.ts";
import { toRenderInput } from "../src/pipeline/deliver.ts";

/** `/digest [topic]`: the stories since this server's last digest, now, as the digest would show them. */

/** Stories shown by one /digest reply (3 messages of 10). */
const MAX_STORIES = 30;

export const data = new SlashCommandBuilder()
  .setName("digest")
  .setNameLocalizations({ fr: "résumé" })
  .setDescription("The latest stories for this server, now")
  .setDescriptionLocalizations({ fr: "Les derniers articles pour ce serveur, maintenant" })
  .addStringOption((o) => topicOption(o, false));

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale, guildId } = scopeOf(interaction);
  const topicId = interaction.options.getString("topic") ?? undefined;
  const digest = await digestFor(ctx.app, {
    ...(guildId ? { guildId } : {}),
    ...(topicId ? { topicId } : {}),
  });
  if (digest.stories.length === 0) {
    const since = discordTime(digest.since);
    return [{ content: since ? say(locale, "digest.empty", { since }) : say(locale, "digest.empty-ever") }];
  }
  const topics = await listTopics(ctx.app, guildId);
  // A reply stays short: the first stories in the digest's order (best first), the rest counted.
  const shown = digest.stories.slice(0, MAX_STORIES);
  const messages = renderDigestMessages(
    { stories: shown.map(toRenderInput) },
    { locale, topicNames: Object.fromEntries(topics.map((t) => [t.id, t.name])), now: ctx.app.now() },
  );
  return messages.map((message, index) => ({
    ...(index === 0 ? { content: header(locale, shown.length, digest.stories.length) } : {}),
    embeds: message.embeds,
  }));
}

function header(locale: Locale, shown: number, count: number): string {
  if (shown < count) return say(locale, "digest.header-some", { shown, count });
  return count === 1 ? say(locale, "digest.header-one") : say(locale, "digest.header", { count });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return suggestTopics(interaction, ctx);
}
