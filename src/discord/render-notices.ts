import type { Locale } from "../i18n/messages.ts";
import type { FeedState } from "../model.ts";
import { cleanText, escapeFeedText } from "./escape.ts";
import type { DiscordMessagePayload } from "./message-limits.ts";
import { truncateText } from "./truncate.ts";

/**
 * Notices newsdesk posts in a subscribed channel by itself (not stories). Feed-supplied text
 * (titles, error messages quoting a server) is escaped; URLs go in code spans, where markdown
 * and mentions do not apply.
 */

const NOTICE = {
  en: (name: string, url: string, failures: number, error: string) =>
    `⚠️ **Feed disabled:** ${name} failed ${failures} times in a row (last error: ${error}), so newsdesk stopped reading it.\n` +
    `Someone with the Manage Server permission can turn it back on with \`/feed enable url:${url}\`.`,
  fr: (name: string, url: string, failures: number, error: string) =>
    `⚠️ **Flux désactivé :** ${name} a échoué ${failures} fois de suite (dernière erreur : ${error}) ; newsdesk ne le lit plus.\n` +
    `Un membre avec la permission Gérer le serveur peut le réactiver avec \`/feed enable url:${url}\` (\`/flux réactiver\`).`,
} as const;

/** "Feed disabled … re-enable it with `/feed enable url:…`", in the guild's language. */
export function renderFeedDisabledNotice(state: FeedState, locale: Locale): DiscordMessagePayload {
  const url = codeSpanUrl(truncateText(state.url, 600));
  const name =
    escapeFeedText(truncateText(cleanText(state.title ?? "", { singleLine: true }), 100)) || `\`${url}\``;
  const error = escapeFeedText(truncateText(cleanText(state.lastError ?? "?", { singleLine: true }), 300));
  return {
    content: NOTICE[locale](name, url, state.consecutiveFailures, error),
    embeds: [],
    allowed_mentions: { parse: [] },
  };
}

/** A URL safe inside a single-backquote code span (a backquote is %60 in a URL anyway). */
export function codeSpanUrl(url: string): string {
  return url.replace(/`/g, "%60");
}
