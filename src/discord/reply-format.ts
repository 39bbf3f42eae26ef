import type { APIEmbed } from "discord.js";
import type { ReplyMessage } from "./command-kit.ts";
import { cleanText, escapeFeedText } from "./escape.ts";
import { MESSAGE_LIMITS } from "./message-limits.ts";
import { truncateText } from "./truncate.ts";

/**
 * Building blocks of command replies. Text from feeds, members or the configuration goes
 * through `safe` (cleaned, markdown escaped, mentions defused) or `code` before it is shown.
 */

export const NEWSDESK_COLOR = 0x2f6fdf;
/** Replies never run to dozens of messages: a long list ends with "… and N more". */
const MAX_REPLY_MESSAGES = 3;
const DESCRIPTION_ROOM = MESSAGE_LIMITS.description - 96;

/** Untrusted text made inert for Discord markdown, on one line, at most `max` long once escaped. */
export function safe(text: string | undefined, max = 256): string {
  const clean = cleanText(text ?? "", { singleLine: true });
  // Escaping adds a backslash per markdown character: the text is cut shorter until it fits.
  for (let budget = max; ; ) {
    const escaped = escapeFeedText(truncateText(clean, budget));
    if (escaped.length <= max || budget <= 1) return escaped;
    budget = Math.max(1, budget - (escaped.length - max));
  }
}

/** Text shown in a code span (queries, cron expressions, URLs): no backquote can end it early. */
export function code(text: string, max = 512): string {
  const inner = truncateText(cleanText(text, { singleLine: true }), max).replace(/`/g, "ˋ");
  return `\`${inner || " "}\``;
}

/** A Discord timestamp (`<t:…:R>` "in 3 hours", `F` full date), shown in the reader's language. */
export function discordTime(
  iso: string | Date | undefined,
  style: "R" | "F" | "f" | "d" = "R",
): string | undefined {
  const time = iso === undefined ? Number.NaN : new Date(iso).getTime();
  return Number.isNaN(time) ? undefined : `<t:${Math.floor(time / 1000)}:${style}>`;
}

/**
 * Lines packed into embeds: each embed's description takes as many whole lines as fit; a line
 * too long alone is cut. Past MAX_REPLY_MESSAGES embeds the rest is counted in `more(n)`.
 */
export function linesToMessages(
  title: string,
  lines: string[],
  more: (count: number) => string,
  extra: Omit<APIEmbed, "title" | "description"> = {},
): ReplyMessage[] {
  const bodies: string[][] = [[]];
  let size = 0;
  for (const [index, raw] of lines.entries()) {
    const line = truncateText(raw, DESCRIPTION_ROOM);
    const current = bodies[bodies.length - 1]!;
    if (current.length === 0 || size + line.length + 1 <= DESCRIPTION_ROOM) {
      current.push(line);
      size += line.length + 1;
    } else if (bodies.length < MAX_REPLY_MESSAGES) {
      bodies.push([line]);
      size = line.length + 1;
    } else {
      current.push(more(lines.length - index));
      break;
    }
  }
  return bodies.map((body, index) => ({
    embeds: [
      {
        color: NEWSDESK_COLOR,
        ...(index === 0 ? { title: truncateText(title, MESSAGE_LIMITS.title), ...extra } : {}),
        ...(body.length > 0 ? { description: body.join("\n") } : {}),
      },
    ],
  }));
}
