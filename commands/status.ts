import { type APIEmbedField, type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import { type StatusView, statusFor } from "../src/actions/status.ts";
import { listTopics } from "../src/actions/topics.ts";
import type { BotContext, ReplyMessage } from "../src/discord/command-kit.ts";
import { scopeOf } from "../src/discord/command-options.ts";
import { MESSAGE_LIMITS } from "../src/discord/message-limits.ts";
import { say } from "../src/discord/replies.ts";
import { code, discordTime, NEWSDESK_COLOR, safe } from "../src/discord/reply-format.ts";
import { truncateText } from "../src/discord/truncate.ts";
import type { Locale } from "../src/i18n/messages.ts";

/** `/status`: feeds, last and next runs, where stories go, and what Discord refused. */

export const data = new SlashCommandBuilder()
  .setName("status")
  .setNameLocalizations({ fr: "état" })
  .setDescription("Feeds, last and next runs, subscriptions and errors")
  .setDescriptionLocalizations({ fr: "Flux, derniers et prochains passages, abonnements et erreurs" });

export const ephemeral = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
): Promise<ReplyMessage[]> {
  const { locale, guildId } = scopeOf(interaction);
  const status = await statusFor(ctx.app, guildId);
  const topics = new Map((await listTopics(ctx.app, guildId)).map((t) => [t.id, t.name]));
  const next = ctx.scheduler?.nextRuns();
  const never = say(locale, "status.never");
  const unknown = say(locale, "status.unknown");
  const fields: APIEmbedField[] = [
    {
      name: say(locale, "status.polls"),
      value: say(locale, "status.polls-value", {
        last: discordTime(status.lastPollAt) ?? never,
        next: discordTime(next?.poll) ?? unknown,
      }),
    },
  ];
  if (guildId) {
    fields.push({
      name: say(locale, "status.digest"),
      value: say(locale, "status.digest-value", {
        cron: code(status.digestCron ?? "?"),
        timezone: safe(status.timezone),
        last: discordTime(status.lastDigestAt) ?? never,
        next: discordTime(next?.digests[guildId]) ?? unknown,
      }),
    });
  }
  fields.push({ name: say(locale, "status.feeds"), value: summariseFeeds(status, locale) });
  const failing = status.feeds.filter((f) => f.state && f.state.consecutiveFailures > 0);
  if (failing.length > 0) {
    const lines = failing.map((f) => `${code(f.url, 120)}: ${safe(f.state?.lastError, 160)}`);
    fields.push({ name: say(locale, "status.problems"), value: fitLines(lines) });
  }
  if (guildId)
    fields.push({
      name: say(locale, "status.subscriptions"),
      value: describeSubscriptions(status, topics, locale),
    });
  return [{ embeds: [{ title: say(locale, "status.title"), color: NEWSDESK_COLOR, fields }] }];
}

function summariseFeeds(status: StatusView, locale: Locale): string {
  const count = { ok: 0, failing: 0, disabled: 0, never: 0 };
  for (const feed of status.feeds) {
    if (!feed.state) count.never++;
    else if (feed.state.disabled) count.disabled++;
    else if (feed.state.consecutiveFailures > 0) count.failing++;
    else count.ok++;
  }
  return say(locale, "status.feeds-value", count);
}

/** One line per subscription; a paused one says since when and why (Discord's refusal). */
function describeSubscriptions(status: StatusView, topics: Map<string, string>, locale: Locale): string {
  if (status.subscriptions.length === 0) return say(locale, "status.none");
  const pausedFirst = [...status.subscriptions].sort(
    (a, b) => Number(!!b.pausedReason) - Number(!!a.pausedReason),
  );
  const lines = pausedFirst.map((s) => {
    const head = `<#${s.channelId}> — **${safe(topics.get(s.topic) ?? s.topic, 80)}** (${say(locale, s.mode === "instant" ? "mode.instant" : "mode.digest")})`;
    if (!s.pausedReason) return head;
    const paused = say(locale, "status.paused", {
      when: discordTime(s.pausedAt) ?? "?",
      reason: safe(s.pausedReason, 300),
    });
    return `${head}: ${paused}`;
  });
  return fitLines(lines);
}

/** Whole lines within a field's 1 024 characters. */
function fitLines(lines: string[]): string {
  let value = "";
  for (const line of lines) {
    const next = value ? `${value}\n${line}` : line;
    if (next.length > MESSAGE_LIMITS.fieldValue)
      return value || truncateText(line, MESSAGE_LIMITS.fieldValue);
    value = next;
  }
  return value;
}
