import Parser from "rss-parser";
import { FeedParseError } from "./errors.ts";
import { readFeedDate } from "./feed-date.ts";
import { isRecord, resolveLink } from "./feed-values.ts";
import { escapeInlineMarkup } from "./inline-markup.ts";
import { looksLikeJson, parseJsonFeed } from "./json-feed.ts";

/**
 * Feed text → the fields newsdesk uses, as plain strings. rss-parser does the format work (RSS
 * 0.9x/1/2, Atom) through `parseString` only; its `parseURL` is never used (no size cap, follows
 * redirects anywhere). JSON Feed is read by json-feed.ts. This module smooths over what rss-parser 3.13 hands back: values that are
 * sometimes objects (`guid`, `<title type="xhtml">`, categories with attributes), Atom entries
 * that make it throw, and version-less `<rss>` documents it would reject.
 */

/** One entry as the feed wrote it; HTML is still HTML here (see `normaliseItems`). */
export interface ParsedItem {
  /** RSS guid or Atom id. */
  guid?: string;
  link?: string;
  title?: string;
  /** The richest body the feed carries: content:encoded, else content/description, else summary. */
  content?: string;
  /** The date as written (for Atom, rss-parser's ISO form of it). */
  published?: string;
  author?: string;
  categories: string[];
  /** dc:language of the item, if any. */
  language?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  /** Declared language: RSS `<language>`, `dc:language` or Atom `xml:lang`. */
  lang?: string;
  items: ParsedItem[];
}

type Raw = Record<string, unknown>;

/**
 * Parses an RSS, Atom or JSON Feed document; `feedUrl` resolves relative item links. Throws
 * `FeedParseError` ("empty body", "not an RSS or Atom feed", "malformed XML: … at line L, column C").
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  if (xml.trim().length === 0) throw new FeedParseError("empty body");
  if (looksLikeJson(xml)) return parseJsonFeed(xml, feedUrl);
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(xml)) {
    throw new FeedParseError("not an RSS or Atom feed (the server sent an HTML page)");
  }
  const source = escapeInlineMarkup(xml);
  let raw: Raw;
  try {
    raw = await parseXml(source);
  } catch (error) {
    // `AT&T` unescaped is the commonest error of hand-made feeds: one bare `&` would lose them all.
    const escaped = source.replace(BARE_AMPERSAND, "&amp;");
    if (escaped === source) throw describeParserError(error);
    try {
      raw = await parseXml(escaped);
    } catch {
      throw describeParserError(error);
    }
  }
  const items = Array.isArray(raw.items) ? raw.items : [];
  const feed: ParsedFeed = {
    items: items.map((item) => toParsedItem(isRecord(item) ? item : {}, feedUrl)),
  };
  const title = readText(raw.title);
  if (title) feed.title = title;
  const link = readText(raw.link);
  if (link) feed.link = link;
  const lang = readText(raw.language) ?? readText(raw["dc:language"]) ?? readRootLanguage(xml);
  if (lang) feed.lang = lang;
  return feed;
}

const BARE_AMPERSAND = /&(?!#\d+;|#x[\da-f]+;|[a-z][\w.-]*;)/gi;

async function parseXml(xml: string): Promise<Raw> {
  return (await createParser().parseString(xml)) as unknown as Raw;
}

interface ParserInternals {
  buildAtomFeed(xmlObj: unknown): unknown;
  parseItemAtom(entry: unknown): Raw;
  parseItemRss(item: unknown, fields: unknown): Raw;
}

/**
 * A fresh parser per document: rss-parser reuses one xml2js parser whose state survives a
 * failed parse, and the next document then parses wrongly (measured: a malformed document read
 * as valid right after an HTML page failed).
 */
function createParser(): Parser {
  const parser = new Parser({
    // A version-less <rss> (seen in the wild, e.g. UOL) is RSS 2 in practice.
    defaultRSS: 2,
    customFields: {
      feed: ["dc:language"],
      // Atom categories are not read by rss-parser; the raw elements carry `term`/`label`.
      item: [["category", "categoryElements", { keepArray: true }]],
    },
  });
  // rss-parser throws on an Atom date it cannot read and on a <link> without attributes, which
  // would lose the whole feed for one odd entry: repair those, and drop an entry that still fails.
  const internals = parser as unknown as ParserInternals;
  const buildAtomFeed = internals.buildAtomFeed.bind(parser);
  const parseItemAtom = internals.parseItemAtom.bind(parser);
  const parseItemRss = internals.parseItemRss.bind(parser);
  internals.buildAtomFeed = (xmlObj) => {
    const feed = isRecord(xmlObj) && isRecord(xmlObj.feed) ? xmlObj.feed : undefined;
    if (feed && Array.isArray(feed.link)) feed.link = repairAtomLinks(feed.link);
    return buildAtomFeed(xmlObj);
  };
  internals.parseItemAtom = (entry) => {
    try {
      const item = parseItemAtom(repairAtomEntry(entry));
      // An entry's own xml:lang (a French entry in an English feed); rss-parser drops it.
      const attributes = isRecord(entry) && isRecord(entry.$) ? entry.$ : {};
      const lang = readText(attributes["xml:lang"]);
      return lang ? { ...item, language: lang } : item;
    } catch {
      return {};
    }
  };
  internals.parseItemRss = (item, fields) => {
    try {
      return parseItemRss(isRecord(item) ? item : {}, fields);
    } catch {
      return {};
    }
  };
  return parser;
}

function repairAtomEntry(entry: unknown): Raw {
  if (!isRecord(entry)) return {};
  const repaired: Raw = { ...entry };
  if (Array.isArray(entry.link)) repaired.link = repairAtomLinks(entry.link);
  for (const field of ["published", "updated"]) {
    const value = entry[field];
    if (!Array.isArray(value)) continue;
    const text = value[0];
    if (typeof text === "string" && !readFeedDate(text)) delete repaired[field];
  }
  return repaired;
}

/** `<link>https://…</link>` (text instead of href) becomes a proper link; others are dropped. */
function repairAtomLinks(links: unknown[]): Raw[] {
  const repaired: Raw[] = [];
  for (const link of links) {
    if (isRecord(link) && isRecord(link.$)) repaired.push(link);
    else {
      const href = readText(link);
      if (href) repaired.push({ $: { href } });
    }
  }
  return repaired;
}

function toParsedItem(raw: Raw, feedUrl: string): ParsedItem {
  const itunes = isRecord(raw.itunes) ? raw.itunes : {};
  const item: ParsedItem = {
    categories: readCategories(raw.categories ?? raw.categoryElements),
  };
  const assign = (
    key: "guid" | "link" | "title" | "content" | "published" | "author" | "language",
    value?: string,
  ) => {
    if (value) item[key] = value;
  };
  const guid = readText(raw.guid) ?? readText(raw.id);
  assign("guid", guid);
  // Without a link, a guid that is a web address is the item's page (RSS 2.0's permalink).
  const permalink = guid && /^https?:\/\//i.test(guid) ? guid : undefined;
  assign("link", resolveLink(readText(raw.link) ?? readText(raw["rdf:about"]) ?? permalink, feedUrl));
  assign("title", readText(raw.title));
  assign(
    "content",
    readText(raw["content:encoded"]) ??
      readText(raw.content) ??
      readText(raw.summary) ??
      readText(raw.contentSnippet) ??
      readText(itunes.summary) ??
      readText(itunes.subtitle),
  );
  // The date as written: rss-parser's isoDate comes from the same lenient Date parsing.
  assign("published", readText(raw.pubDate) ?? readText(raw.date) ?? readText(raw.isoDate));
  assign("author", readAuthor(raw.creator) ?? readAuthor(raw.author) ?? readAuthor(itunes.author));
  assign("language", readText(raw.language));
  return item;
}

function readAuthor(value: unknown): string | undefined {
  if (Array.isArray(value)) return readAuthor(value[0]);
  if (isRecord(value) && value.name !== undefined) return readText(value.name);
  return readText(value);
}

function readCategories(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  for (const entry of value) {
    const attributes = isRecord(entry) && isRecord(entry.$) ? entry.$ : {};
    const name = readText(entry) ?? readText(attributes.label) ?? readText(attributes.term);
    if (name) seen.add(name.replace(/\s+/g, " "));
  }
  return [...seen];
}

/** Text of a value xml2js produced: a string, `{ _: text, $: attrs }`, an array or nested nodes. */
export function readText(value: unknown): string | undefined {
  if (typeof value === "string") return ownCopy(value.trim()) || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(readText).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(" ") : undefined;
  }
  if (!isRecord(value)) return undefined;
  const parts: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === "$") continue;
    const text = readText(child);
    if (text) parts.push(text);
  }
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/**
 * The same text in memory of its own. V8 keeps a substring as a view of the string it was cut
 * from, and the parser cuts values out of the whole document: an Atom entry's id, a few dozen
 * characters, held the whole feed body in memory for as long as the item was kept (measured:
 * 19 MB of feed bodies retained after a poll of 100 feeds). A string under 13 characters is
 * always copied by V8; a longer one is copied by flattening a concatenation.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

function readRootLanguage(xml: string): string | undefined {
  return xml.slice(0, 4096).match(/<(?:feed|rss|rdf:RDF)\b[^>]*?\bxml:lang\s*=\s*["']([^"']+)["']/)?.[1];
}

function describeParserError(error: unknown): FeedParseError {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS/i.test(message) || error instanceof TypeError) {
    return new FeedParseError("not an RSS or Atom feed", { cause: error });
  }
  if (/Unable to parse XML/i.test(message)) return new FeedParseError("empty body", { cause: error });
  // sax: "Unexpected close tag\nLine: 0\nColumn: 76\nChar: >" (line is zero-based).
  const [reason = message, ...rest] = message.split("\n");
  const line = rest
    .find((part) => part.startsWith("Line:"))
    ?.slice(5)
    .trim();
  const column = rest
    .find((part) => part.startsWith("Column:"))
    ?.slice(7)
    .trim();
  const where = line && column ? ` at line ${Number(line) + 1}, column ${column}` : "";
  return new FeedParseError(`malformed XML: ${reason.trim()}${where}`, { cause: error });
}
