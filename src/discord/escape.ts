/**
 * Makes untrusted feed text safe to show in Discord markdown (embed titles, descriptions, field
 * values). discord.js's `escapeMarkdown` leaves block quotes, `-#` subtext, `+` lists and
 * mentions alone, so newsdesk escapes itself, in this order:
 *
 * 1. Bare http(s) URLs are kept as written: Discord links them as one token, and a backslash
 *    inside one would change the link.
 * 2. Everywhere else a backslash goes before `\ * _ ~ | \` [ < >`: that stops bold, italic,
 *    underline, strike, spoilers, code, masked links `[x](url)` and every `<…>` form (user, role
 *    and channel mentions, custom emoji, timestamps, command mentions).
 * 3. `@everyone` / `@here` get a zero-width space after the `@` so they never read as mentions.
 * 4. A marker that only counts at the start of a line — heading `#`, subtext `-#`, quote `>`,
 *    list `-` `+`, numbered list `1.` — is escaped there.
 *
 * A backslash before punctuation shows only the punctuation, so the visible text is unchanged.
 */

const ZERO_WIDTH_SPACE = "\u200b";
/** `|`, backquote and `>` end a URL token so that they are escaped after it. */
const URL_TOKEN = /https?:\/\/[^\s<>`|]+/gi;
const INLINE_SPECIAL = /[\\*_~|`[<>]/g;
const MASS_MENTION = /@(everyone|here)/gi;
const LINE_START_MARKER = /^(\s*)([#>+-])/;
const LINE_START_NUMBER = /^(\s*\d+)([.)])(?=\s|$)/;

/** Escapes markdown and neutralises mentions in feed text; see the module comment for the rules. */
export function escapeFeedText(text: string): string {
  return text.split("\n").map(escapeLine).join("\n");
}

function escapeLine(line: string): string {
  let escaped = "";
  let from = 0;
  // Most lines hold no URL: the scan for one is skipped.
  if (HTTP.test(line)) {
    for (const match of line.matchAll(URL_TOKEN)) {
      escaped += escapeInline(line.slice(from, match.index)) + match[0];
      from = match.index + match[0].length;
    }
  }
  escaped += escapeInline(line.slice(from));
  return escaped.replace(LINE_START_MARKER, "$1\\$2").replace(LINE_START_NUMBER, "$1\\$2");
}

const HTTP = /https?:\/\//i;

function escapeInline(text: string): string {
  const special = text.replace(INLINE_SPECIAL, "\\$&");
  return special.includes("@") ? special.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`) : special;
}

// C0/C1 controls other than tab and newline, and bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNUSUAL = /[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\uD800-\uDFFF]/;

/**
 * Normalises feed text before escaping: drops control characters, replaces lone surrogates with
 * U+FFFD, trims lines, collapses runs of spaces and keeps at most one blank line between
 * paragraphs. `singleLine` folds all whitespace (titles, names).
 */
export function cleanText(text: string, options: { singleLine?: boolean } = {}): string {
  // Most text holds no carriage return, control character or surrogate: those passes are skipped.
  const cleaned = UNUSUAL.test(text)
    ? text.replace(/\r\n?/g, "\n").replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD")
    : text;
  if (options.singleLine) return cleaned.replace(/\s+/g, " ").trim();
  return cleaned
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
