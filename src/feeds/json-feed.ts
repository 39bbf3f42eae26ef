import { FeedParseError } from "./errors.ts";
import { escapeHtml, isRecord, resolveLink } from "./feed-values.ts";
import type { ParsedFeed, ParsedItem } from "./parse-feed.ts";

/**
 * JSON Feed (https://jsonfeed.org, versions 1 and 1.1) → the fields newsdesk uses, as `parseFeed`
 * gives them for RSS and Atom: HTML stays HTML (`content_html`, else `content_text`, else
 * `summary`), dates stay as written, relative URLs are read against the feed's address.
 */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`malformed JSON Feed: ${(error as Error).message}`);
  }
  if (!isRecord(document) || !/^https?:\/\/jsonfeed\.org\/version\//.test(String(document.version))) {
    throw new FeedParseError("not an RSS, Atom or JSON feed (a JSON document without a JSON Feed version)");
  }
  const items = Array.isArray(document.items) ? document.items : [];
  const feed: ParsedFeed = { items: items.filter(isRecord).map((item) => toParsedItem(item, feedUrl)) };
  const title = readString(document.title);
  if (title) feed.title = title;
  const link = readString(document.home_page_url);
  if (link) feed.link = link;
  const lang = readString(document.language);
  if (lang) feed.lang = lang;
  return feed;
}

/** Whether a body is JSON rather than XML: its first character, after any space or BOM. */
export function looksLikeJson(text: string): boolean {
  return /^[\s\uFEFF]*\{/.test(text);
}

function toParsedItem(raw: Record<string, unknown>, feedUrl: string): ParsedItem {
  const item: ParsedItem = {
    categories: Array.isArray(raw.tags) ? raw.tags.flatMap((tag) => readString(tag) ?? []) : [],
  };
  const assign = (
    key: Exclude<keyof ParsedItem, "categories" | "otherContent">,
    value: string | undefined,
  ) => {
    if (value) item[key] = value;
  };
  // A JSON Feed id is a string, but version 1 feeds often wrote numbers.
  assign("guid", readString(raw.id) ?? (typeof raw.id === "number" ? String(raw.id) : undefined));
  assign("link", resolveLink(readString(raw.url) ?? readString(raw.external_url), feedUrl));
  assign("title", readString(raw.title));
  assign(
    "content",
    readString(raw.content_html) ?? escapeText(readString(raw.content_text)) ?? readString(raw.summary),
  );
  assign("published", readString(raw.date_published) ?? readString(raw.date_modified));
  const authors = Array.isArray(raw.authors) ? raw.authors : [raw.author];
  assign("author", authors.map((a) => (isRecord(a) ? readString(a.name) : undefined)).find(Boolean));
  assign("language", readString(raw.language));
  return item;
}

/** `content_text` is plain text: escaped, so the HTML conversion keeps it as written. */
function escapeText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeHtml(text);
}

function readString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : undefined;
}
