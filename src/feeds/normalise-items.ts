import { createHash } from "node:crypto";
import type { Item } from "../model.ts";
import { detectLanguage } from "../text/language.ts";
import { readFeedDate } from "./feed-date.ts";
import { htmlToLine, htmlToPlainText, truncateAtWord } from "./html-text.ts";
import type { ParsedFeed, ParsedItem } from "./parse-feed.ts";

export interface NormaliseOptions {
  /** Language declared for the feed by the operator (config `lang`); beats the feed's own tag. */
  lang?: string;
  /** Guild of a private feed; copied onto every item. */
  guildId?: string;
  /** Display title to record instead of the feed's own. */
  feedTitle?: string;
}

/** Longest text kept per item: far above any article, but keeps one runaway entry bounded. */
export const MAX_TEXT_CHARS = 50_000;
const TITLE_FROM_TEXT_CHARS = 120;

/**
 * Parsed entries → `Item`s, in feed order. Rules, in the order they apply:
 * - title and text become plain text (HTML converted, entities decoded, whitespace tidied);
 *   the text is that of the first body with any (`content`, else each of `otherContent`);
 *   an entry without a title takes the start of its text, else its link; an entry with no
 *   title, text or link has nothing to show and is dropped;
 * - an entry identical to an earlier one (guid, link, title and text) is dropped;
 * - `id` is the guid (Atom id), else the link, else `hash:` + a hash of title and date. An id
 *   the feed gives several entries (a CMS that puts its home page in every guid) is told apart
 *   by each entry's link, else its title: `id#` + a short hash (`toldApart`), the same whatever
 *   the entry's place, so a new entry on top is not taken for an old one. Entries alike in that
 *   too become `#2`, `#3`… in document order. So an entry's id changes form when another entry
 *   with its guid comes or goes: `plainIdOf` gives the other form, for the seen check;
 * - `key` is a short hash of feed URL + id (two feeds may share guids);
 * - `published` is ISO-8601, or absent when the date cannot be read; a date after the fetch
 *   (a wrong zone, a typo in the year) is the fetch time: it would otherwise top every digest
 *   and outlive the retention;
 * - `lang` is detected from title + text, with the item's, the operator's or the feed's
 *   declared language as the hint, in that order.
 * `topics`, `backlog` and `fullText` start empty/false: later stages set them.
 */
export function normaliseItems(
  parsed: ParsedFeed,
  feedUrl: string,
  fetchedAt: Date | string,
  options: NormaliseOptions = {},
): Item[] {
  const fetched = typeof fetchedAt === "string" ? fetchedAt : fetchedAt.toISOString();
  const feedTitle = options.feedTitle ?? (parsed.title ? htmlToLine(parsed.title) : undefined);
  const entries = parsed.items.flatMap((entry) => {
    const text = truncateAtWord(readBody(entry), MAX_TEXT_CHARS);
    const link = httpLink(entry.link);
    const title = readTitle(entry, text, link);
    return title ? [{ entry, text, link, title, id: baseId(entry, title, link) }] : [];
  });
  // A feed that lists one entry twice must not make its id depend on the copy's presence.
  const identities = new Set<string>();
  const distinct = entries.filter(({ entry, link, title, text }) => {
    const identity = [entry.guid ?? "", link ?? "", title, text].join("\n");
    if (identities.has(identity)) return false;
    identities.add(identity);
    return true;
  });
  const repeated = repeatedIds(distinct.map((e) => e.id));
  const used = new Set<string>();
  const items: Item[] = [];
  for (const { entry, text, link, title, id: base } of distinct) {
    const date = readFeedDate(entry.published);
    const published = date && date > fetched ? fetched : date;
    const told = repeated.has(base) ? toldApart(base, link, title) : base;
    const id = uniqueId(told, used);
    const item: Item = {
      id,
      key: itemKeyOf(feedUrl, id),
      feed: feedUrl,
      title,
      categories: entry.categories.map(htmlToLine).filter((category) => category.length > 0),
      text,
      fullText: false,
      lang: detectLanguage(`${title}\n${text}`, entry.language ?? options.lang ?? parsed.lang),
      backlog: false,
      fetchedAt: fetched,
      topics: [],
    };
    if (feedTitle) item.feedTitle = feedTitle;
    if (link) item.link = link;
    if (published) item.published = published;
    const author = entry.author ? htmlToLine(entry.author) : "";
    if (author) item.author = author;
    if (options.guildId) item.guildId = options.guildId;
    items.push(item);
  }
  return items;
}

/** The text of the first body that has any: an empty-looking one must not hide the next. */
function readBody(entry: ParsedItem): string {
  for (const html of [entry.content, ...(entry.otherContent ?? [])]) {
    const text = html ? htmlToPlainText(html) : "";
    if (text) return text;
  }
  return "";
}

function readTitle(entry: ParsedItem, text: string, link: string | undefined): string | undefined {
  const title = entry.title ? htmlToLine(entry.title) : "";
  if (title) return title;
  const firstParagraph = text.split("\n")[0]?.trim();
  if (firstParagraph) return truncateAtWord(firstParagraph, TITLE_FROM_TEXT_CHARS);
  return link;
}

function baseId(entry: ParsedItem, title: string, link: string | undefined): string {
  const guid = entry.guid?.trim();
  if (guid) return guid;
  const rawLink = link ?? entry.link?.trim();
  if (rawLink) return rawLink;
  return `hash:${hashKey(`${title}\n${entry.published ?? ""}`)}`;
}

/** An item's store key: two feeds may share guids. */
export function itemKeyOf(feedUrl: string, id: string): string {
  return hashKey(`${feedUrl}\n${id}`);
}

/** The id an entry gets when other entries share its id: told apart by its link, else its title. */
export function toldApart(id: string, link: string | undefined, title: string): string {
  return `${id}#${hashKey(link && link !== id ? link : title).slice(0, 8)}`;
}

/**
 * The plain id of an item whose id was told apart (`toldApart`, maybe with `#2`…), or undefined
 * when its id is plain already.
 */
export function plainIdOf(item: Pick<Item, "id" | "link" | "title">): string | undefined {
  const told = /^([\s\S]+)#[\w-]{8}(?:#\d+)?$/.exec(item.id);
  const plain = told?.[1];
  if (plain === undefined) return undefined;
  return item.id.startsWith(toldApart(plain, item.link, item.title)) ? plain : undefined;
}

function repeatedIds(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return repeated;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}#${n}`;
  used.add(candidate);
  return candidate;
}

/** Only http(s) links are kept: anything else cannot be fetched, linked or embedded. */
function httpLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** 16 base64url characters (96 bits) of sha256: short enough for store keys, no collisions in practice. */
export function hashKey(value: string): string {
  return createHash("sha256").update(value).digest("base64url").slice(0, 16);
}
