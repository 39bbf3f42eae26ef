/**
 * Discord's limits for a message body, and a check that lists every one a payload breaks.
 *
 * Lengths are counted in UTF-16 code units (`String#length`). Discord counts code points, which
 * is never more, so a payload that passes here also passes Discord; text outside the Basic
 * Multilingual Plane (emoji) is merely cut a little earlier than strictly needed.
 */

export const MESSAGE_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
} as const;

/** One embed field; Discord requires both texts to be non-empty. */
export interface DiscordEmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The subset of Discord's embed object newsdesk sends (JSON names, as the REST API takes them). */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  /** Where the title links to: an absolute http(s) URL. */
  url?: string;
  /** ISO-8601; Discord shows it beside the footer in the reader's time zone. */
  timestamp?: string;
  color?: number;
  fields?: DiscordEmbedField[];
  footer?: { text: string; icon_url?: string };
  author?: { name: string; url?: string; icon_url?: string };
}

/**
 * The JSON body of POST /channels/{id}/messages. A type alias (not an interface) so it can be
 * stored where a `Record<string, unknown>` is expected (the outbox).
 */
export type DiscordMessagePayload = {
  content?: string;
  embeds: DiscordEmbed[];
  /** Always empty: nothing newsdesk posts may ping anyone. */
  allowed_mentions: { parse: [] };
};

/** Text length as the limits are checked here (see the note at the top of this file). */
export function measureText(text: string): number {
  return text.length;
}

/** The text an embed adds to the message's 6 000 total. */
export function measureEmbed(embed: DiscordEmbed): number {
  let total = 0;
  for (const text of [embed.title, embed.description, embed.footer?.text, embed.author?.name]) {
    total += measureText(text ?? "");
  }
  for (const field of embed.fields ?? []) total += measureText(field.name) + measureText(field.value);
  return total;
}

/**
 * Lists every Discord limit (and newsdesk posting rule) the payload breaks, e.g.
 * `embeds[2].title is 257 long (max 256)`; empty when the payload may be sent.
 */
export function validateMessagePayload(payload: DiscordMessagePayload): string[] {
  const problems: string[] = [];
  const checkLength = (path: string, text: string | undefined, max: number, required = false) => {
    if (text === undefined) {
      if (required) problems.push(`${path} is missing`);
      return;
    }
    if (typeof text !== "string") problems.push(`${path} is not a string`);
    else if (required && text === "") problems.push(`${path} is empty`);
    else if (measureText(text) > max) problems.push(`${path} is ${measureText(text)} long (max ${max})`);
  };

  checkLength("content", payload.content, MESSAGE_LIMITS.content);
  const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
  if (!Array.isArray(payload.embeds)) problems.push("embeds is not an array");
  if (embeds.length > MESSAGE_LIMITS.embeds) {
    problems.push(`embeds has ${embeds.length} entries (max ${MESSAGE_LIMITS.embeds})`);
  }
  if ((payload.content ?? "").trim() === "" && embeds.length === 0) problems.push("message is empty");
  const parse: unknown = payload.allowed_mentions?.parse;
  if (!Array.isArray(parse) || parse.length > 0) problems.push("allowed_mentions.parse must be []");

  let total = 0;
  embeds.forEach((embed, index) => {
    const at = `embeds[${index}]`;
    checkLength(`${at}.title`, embed.title, MESSAGE_LIMITS.title);
    checkLength(`${at}.description`, embed.description, MESSAGE_LIMITS.description);
    if (embed.footer) checkLength(`${at}.footer.text`, embed.footer.text, MESSAGE_LIMITS.footer, true);
    if (embed.author) checkLength(`${at}.author.name`, embed.author.name, MESSAGE_LIMITS.authorName, true);
    const fields = embed.fields ?? [];
    if (fields.length > MESSAGE_LIMITS.fields) {
      problems.push(`${at}.fields has ${fields.length} entries (max ${MESSAGE_LIMITS.fields})`);
    }
    fields.forEach((field, fieldIndex) => {
      checkLength(`${at}.fields[${fieldIndex}].name`, field.name, MESSAGE_LIMITS.fieldName, true);
      checkLength(`${at}.fields[${fieldIndex}].value`, field.value, MESSAGE_LIMITS.fieldValue, true);
    });
    if (embed.url !== undefined && !isHttpUrl(embed.url)) problems.push(`${at}.url is not an http(s) URL`);
    if (embed.timestamp !== undefined && Number.isNaN(Date.parse(embed.timestamp))) {
      problems.push(`${at}.timestamp is not a date`);
    }
    total += measureEmbed(embed);
  });
  if (total > MESSAGE_LIMITS.embedTotal) {
    problems.push(`embeds total ${total} characters (max ${MESSAGE_LIMITS.embedTotal})`);
  }
  return problems;
}

/** An embed's title link: an http(s) URL, normalised, at most 2 048 characters; else undefined. */
export function embedUrl(link: string | undefined): string | undefined {
  const href = httpHref(link);
  return href !== undefined && href.length <= EMBED_URL_MAX ? href : undefined;
}

const EMBED_URL_MAX = 2048;

export function isHttpUrl(text: string): boolean {
  return httpHref(text) !== undefined;
}

/** The normalised href of an http(s) URL, parsed once; undefined for anything else. */
export function httpHref(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
