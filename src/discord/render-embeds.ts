/**
 * Turns a digest into Discord message bodies: one embed per story, at most 10 embeds a message,
 * every Discord limit respected (see message-limits.ts). Pure: no client, no clock unless `now`
 * is left out.
 *
 * Packing rule. Stories keep their order and go 10 to a message (the last one takes the rest),
 * so a digest needs the fewest messages possible. Inside a message the 6 000-character budget is
 * shared by "water-filling": every embed is first rendered as it would be alone; if the sum
 * is over 6 000, the largest cap `c` with Σ min(size, c) ≤ 6 000 is found and each embed larger
 * than `c` is rendered again within `c` characters. Short stories keep all their text, long ones
 * share what is left; ten embeds always fit because each can be rendered within 600.
 *
 * Within one embed's budget B the parts are cut in this order: title ≤ min(256, 40 % of B), footer
 * (topic names) ≤ 20 % of B, the sources field ≤ half of what remains (and ≤ 1 024), the
 * description (relative time, then summary) gets the rest (≤ 4 096).
 */
import type { Locale } from "../i18n/messages.ts";
import { cleanText, escapeFeedText } from "./escape.ts";
import {
  type DiscordEmbed,
  type DiscordEmbedField,
  type DiscordMessagePayload,
  embedUrl,
  httpHref,
  isHttpUrl,
  MESSAGE_LIMITS,
  measureEmbed,
  validateMessagePayload,
} from "./message-limits.ts";
import { truncateText } from "./truncate.ts";

export type { DiscordEmbed, DiscordEmbedField, DiscordMessagePayload } from "./message-limits.ts";
export { validateMessagePayload } from "./message-limits.ts";

/** One source of a story, as in DESIGN.md's digest JSON (only what rendering needs). */
export interface DigestSourceInput {
  /** The article's URL. */
  url: string;
  /** The feed's title, or its URL when it has none. */
  feed: string;
}

/** One story of a digest, as in DESIGN.md's digest JSON (only what rendering needs). */
export interface DigestStoryInput {
  /** Topic ids, shown by name in the footer. */
  topics: readonly string[];
  title: string;
  summary: string;
  /** ISO-8601; an unreadable date is left out rather than shown wrong. */
  published: string;
  /** The lead article's URL; defaults to the first source's. */
  url?: string;
  /** Lead source first; several items from one outlet count as one source. */
  sources: readonly DigestSourceInput[];
}

/** A digest: the stories in the order they should be read. */
export interface DigestInput {
  stories: readonly DigestStoryInput[];
}

/** How to render. */
export interface RenderOptions {
  /** Language of the labels ("Sources", "+2 more"). */
  locale: Locale;
  /** Display names by topic id; an unknown id is shown as is. */
  topicNames?: Readonly<Record<string, string>>;
  /** Publication dates after `now` (clock skew) are shown as `now`. Defaults to the current time. */
  now?: Date;
}

const LABELS = {
  en: { sources: "Sources", source: "Source", more: (n: number) => `+${n} more`, untitled: "(untitled)" },
  fr: {
    sources: "Sources",
    source: "Source",
    more: (n: number) => (n === 1 ? "+1 autre" : `+${n} autres`),
    untitled: "(sans titre)",
  },
} as const;

/** Sources named in the field before the rest are counted ("A, B, C +2 more"). */
const NAMED_SOURCES = 3;
const SOURCE_NAME_MAX = 80;
/** Longer article URLs are shown as plain names: they would eat the budget of other stories. */
const LINK_URL_MAX = 512;

/** Renders a digest as message bodies, in reading order; an empty digest gives no message. */
export function renderDigestMessages(digest: DigestInput, options: RenderOptions): DiscordMessagePayload[] {
  const messages: DiscordMessagePayload[] = [];
  // One clock reading for the whole digest, so every embed clamps future dates the same way.
  const fixed = { ...options, now: options.now ?? new Date() };
  for (let start = 0; start < digest.stories.length; start += MESSAGE_LIMITS.embeds) {
    const stories = digest.stories.slice(start, start + MESSAGE_LIMITS.embeds);
    messages.push(checked({ embeds: shareBudget(stories, fixed), allowed_mentions: { parse: [] } }));
  }
  return messages;
}

/** One story alone, for instant alerts: the whole 6 000 budget is its own. */
export function renderStoryEmbed(story: DigestStoryInput, options: RenderOptions): DiscordEmbed {
  return buildEmbed(story, options, MESSAGE_LIMITS.embedTotal);
}

/** One story as a complete message body. */
export function renderStoryMessage(story: DigestStoryInput, options: RenderOptions): DiscordMessagePayload {
  return checked({ embeds: [renderStoryEmbed(story, options)], allowed_mentions: { parse: [] } });
}

function shareBudget(stories: readonly DigestStoryInput[], options: RenderOptions): DiscordEmbed[] {
  const alone = stories.map((story) => buildEmbed(story, options, MESSAGE_LIMITS.embedTotal));
  const sizes = alone.map(measureEmbed);
  const cap = findCap(sizes, MESSAGE_LIMITS.embedTotal);
  return alone.map((embed, index) =>
    (sizes[index] ?? 0) <= cap ? embed : buildEmbed(stories[index]!, options, cap),
  );
}

/** The largest c with Σ min(size, c) ≤ total (binary search: the sum grows with c). */
function findCap(sizes: readonly number[], total: number): number {
  const sumAt = (cap: number) => sizes.reduce((sum, size) => sum + Math.min(size, cap), 0);
  let low = 0;
  let high = total;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (sumAt(middle) <= total) low = middle;
    else high = middle - 1;
  }
  return low;
}

function buildEmbed(story: DigestStoryInput, options: RenderOptions, budget: number): DiscordEmbed {
  const labels = LABELS[options.locale];
  const embed: DiscordEmbed = {};

  const rawTitle = cleanText(story.title ?? "", { singleLine: true }) || labels.untitled;
  const title = truncateText(
    escapeFeedText(rawTitle),
    Math.min(MESSAGE_LIMITS.title, Math.floor(budget * 0.4)),
  );
  if (title) embed.title = title;
  const link = story.url ?? story.sources[0]?.url;
  const url = embedUrl(link);
  if (url) embed.url = url;

  // Footer text is shown as written (no markdown there), so it is cleaned but not escaped.
  const topicNames = story.topics.map((id) =>
    cleanText(options.topicNames?.[id] ?? id, { singleLine: true }),
  );
  const footer = truncateText(
    topicNames.filter(Boolean).join(" · "),
    Math.min(MESSAGE_LIMITS.footer, Math.floor(budget * 0.2)),
  );

  let rest = budget - title.length - footer.length;
  const sources = buildSourcesField(story.sources, options.locale, Math.floor(rest / 2));
  if (sources) rest -= sources.name.length + sources.value.length;

  const published = readDate(story.published, options.now ?? new Date());
  const description = buildDescription(
    story.summary ?? "",
    published,
    Math.min(MESSAGE_LIMITS.description, rest),
  );
  if (description) embed.description = description;
  if (sources) embed.fields = [sources];
  if (footer) embed.footer = { text: footer };
  if (published) embed.timestamp = published.toISOString();
  return embed;
}

/** A relative Discord timestamp (`<t:…:R>`, shown in the reader's language) above the summary. */
function buildDescription(summary: string, published: Date | undefined, max: number): string {
  const when = published ? `<t:${Math.floor(published.getTime() / 1000)}:R>` : "";
  const text = escapeFeedText(cleanText(summary));
  if (!when) return truncateText(text, max);
  if (when.length > max) return truncateText(text, max);
  if (!text) return when;
  const body = truncateText(text, max - when.length - 1);
  return body ? `${when}\n${body}` : when;
}

/**
 * "[Le Monde Informatique](…), [The Verge](…) +2 more": outlets in order, named (linked when
 * the whole value still fits) up to NAMED_SOURCES, the others counted. Never cut inside a link.
 */
function buildSourcesField(
  sources: readonly DigestSourceInput[],
  locale: Locale,
  max: number,
): DiscordEmbedField | undefined {
  const labels = LABELS[locale];
  const outlets = distinctOutlets(sources);
  if (outlets.length === 0) return undefined;
  const name = outlets.length === 1 ? labels.source : labels.sources;
  const room = Math.min(MESSAGE_LIMITS.fieldValue, max - name.length);
  const compose = (parts: string[]) => {
    const others = outlets.length - parts.length;
    const suffix = others > 0 ? labels.more(others) : "";
    return [parts.join(", "), suffix].filter(Boolean).join(" ");
  };

  const parts: string[] = [];
  for (const outlet of outlets.slice(0, NAMED_SOURCES)) {
    const fitting = [outlet.link, outlet.plain].find(
      (part): part is string => part !== undefined && compose([...parts, part]).length <= room,
    );
    if (fitting === undefined) break;
    parts.push(fitting);
  }
  // Naming fewer outlets can lengthen the count ("+9" → "+10"): drop names until it fits.
  while (parts.length > 0 && compose(parts).length > room) parts.pop();
  const value = compose(parts);
  return value && value.length <= room ? { name, value } : undefined;
}

interface Outlet {
  plain: string;
  link?: string;
}

function distinctOutlets(sources: readonly DigestSourceInput[]): Outlet[] {
  const seen = new Set<string>();
  const outlets: Outlet[] = [];
  for (const source of sources) {
    const label = outletName(source.feed ?? "");
    const key = label.toLowerCase();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    const plain = truncateText(escapeFeedText(label), SOURCE_NAME_MAX);
    const target = linkTarget(source.url);
    outlets.push(target ? { plain, link: `[${plain}](${target})` } : { plain });
  }
  return outlets;
}

/** A feed given by URL is named by its host ("www.theverge.com/rss" → "theverge.com"). */
function outletName(feed: string): string {
  const name = cleanText(feed, { singleLine: true });
  if (!/^https?:\/\//i.test(name) || !isHttpUrl(name)) return name;
  return new URL(name).hostname.replace(/^www\./, "");
}

/** An http(s) URL safe inside `(…)` of a masked link, or undefined. */
function linkTarget(url: string | undefined): string | undefined {
  const href = httpHref(url)?.replace(/\(/g, "%28").replace(/\)/g, "%29");
  return href !== undefined && href.length <= LINK_URL_MAX ? href : undefined;
}

function readDate(iso: string | undefined, now: Date): Date | undefined {
  const time = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.min(time, now.getTime()));
}

/** The last safety net: a payload breaking a limit is a bug here, never something to send. */
function checked(payload: DiscordMessagePayload): DiscordMessagePayload {
  const problems = validateMessagePayload(payload);
  if (problems.length > 0) throw new Error(`Rendered Discord message breaks limits: ${problems.join("; ")}`);
  return payload;
}
