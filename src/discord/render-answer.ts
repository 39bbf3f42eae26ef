import type { APIEmbed } from "discord.js";
import type { AnswerResult } from "../facts/answer.ts";
import { renderAnswerText } from "../facts/answer.ts";
import type { Locale } from "../i18n/messages.ts";
import { isHttpUrl, MESSAGE_LIMITS } from "./message-limits.ts";
import { say } from "./replies.ts";
import { discordTime, NEWSDESK_COLOR, safe } from "./reply-format.ts";

/**
 * An `/ask` answer as one embed: the question as title, the answer (or a plain "I don't know"
 * with topics to ask about), then the cited sources, linked. Quotes and titles come from feeds,
 * so all of it is escaped; citations are numbered as in the CLI's answer.
 */
export function renderAnswerEmbed(result: AnswerResult, locale: Locale): APIEmbed {
  const embed: APIEmbed = { title: safe(result.question, MESSAGE_LIMITS.title), color: NEWSDESK_COLOR };
  if (result.answer === null) {
    embed.description = safe(renderAnswerText(result, locale), 1500);
    return embed;
  }
  embed.description = `> ${safe(result.answer, 1800)}`;
  const sources = result.citations.map((c, i) => {
    const title = c.curated ? say(locale, "ask.curated") : safe(c.title, 150);
    const when = c.published ? ` · ${discordTime(c.published, "d")}` : "";
    const outlet = c.feed && !c.curated ? ` — ${safe(c.feed, 60)}` : "";
    const line = (shown: string) => `${i + 1}. ${shown}${outlet}${when}`;
    const linked =
      c.url && isHttpUrl(c.url) && !/[()\s]/.test(c.url) ? line(`[${title}](${c.url})`) : line(title);
    // A link too long for the field is left out rather than cut.
    return linked.length <= MESSAGE_LIMITS.fieldValue ? linked : line(title);
  });
  if (sources.length > 0) {
    embed.fields = [
      { name: say(locale, "ask.sources"), value: fitLines(sources, MESSAGE_LIMITS.fieldValue) },
    ];
  }
  embed.footer = { text: say(locale, "ask.confidence", { value: result.confidence.toFixed(2) }) };
  return embed;
}

function fitLines(lines: string[], max: number): string {
  let value = "";
  for (const line of lines) {
    const next = value ? `${value}\n${line}` : line;
    if (next.length > max) break;
    value = next;
  }
  return value || (lines[0] ?? "").slice(0, max);
}
