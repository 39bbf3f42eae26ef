import Parser from "rss-parser";
import { FeedParseError } from "./errors.ts";
import { readFeedDate } from "./feed-date.ts";
import { escapeHtml, isRecord, readText, resolveLink } from "./feed-values.ts";
import { escapeInlineMarkup } from "./inline-markup.ts";
import { looksLikeJson, parseJsonFeed } from "./json-feed.ts";
import { readMedia } from "./media-rss.ts";

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
  /**
   * The other bodies, in the same order, then media descriptions: read when `content` has no
   * text (an empty-looking `<content:encoded><p></p></content:encoded>`, a photo post).
   */
  otherContent?: string[];
  /** The date as written. */
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
      item: [
        ["category", "categoryElements", { keepArray: true }],
        // rss-parser keeps a guid's text only; `isPermaLink` is read from the element.
        ["guid", "guidElements", { keepArray: true }],
        "feedburner:origLink",
        ["media:group", "mediaGroups", { keepArray: true }],
        ["media:content", "mediaContents", { keepArray: true }],
        ["media:title", "mediaTitles", { keepArray: true }],
        ["media:description", "mediaDescriptions", { keepArray: true }],
      ],
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
      const repaired = repairAtomEntry(entry);
      const item = parseItemAtom(repaired);
      // The date as written: rss-parser converts it with `new Date`, which reads a date without
      // a zone in the host's zone. `readFeedDate` reads it the same everywhere.
      const published = readFirst(repaired.published) ?? readFirst(repaired.updated);
      if (published) item.pubDate = published;
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
  for (const field of ["title", "summary", "content"]) {
    const value = entry[field];
    if (Array.isArray(value)) repaired[field] = value.map(escapeTextConstruct);
  }
  // `<content src="…"/>` is out of line (the article is elsewhere): it must not hide the summary.
  if (Array.isArray(repaired.content)) {
    repaired.content = repaired.content.filter((c) => !(isRecord(c) && isRecord(c.$) && c.$.src));
    if ((repaired.content as unknown[]).length === 0) delete repaired.content;
  }
  return repaired;
}

/** An Atom `type="text"` title, summary or content is plain text: escaped, so `<b>` stays words. */
function escapeTextConstruct(value: unknown): unknown {
  if (!isRecord(value) || !isRecord(value.$) || value.$.type !== "text" || typeof value._ !== "string") {
    return value;
  }
  return { ...value, _: escapeHtml(value._) };
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
  const media = readMedia(raw);
  // Without a link, a guid that is a web address is the item's page (RSS 2.0's permalink),
  // unless the feed says it is not one (`isPermaLink="false"`). The link rules, in order: the
  // original link of a FeedBurner proxy, the link, rdf:about, the permalink, the media file.
  const permalink =
    guid && /^https?:\/\//i.test(guid) && !isNotPermalink(raw.guidElements) ? guid : undefined;
  assign(
    "link",
    resolveLink(
      readText(raw["feedburner:origLink"]) ??
        readText(raw.link) ??
        readText(raw["rdf:about"]) ??
        permalink ??
        media.url,
      feedUrl,
    ),
  );
  assign("title", readText(raw.title) ?? media.title);
  const bodies = [
    readText(raw["content:encoded"]),
    readText(raw.content),
    readText(raw.summary),
    readText(itunes.summary),
    readText(itunes.subtitle),
    ...media.descriptions,
  ].filter((body, n, all): body is string => body !== undefined && all.indexOf(body) === n);
  const [content, ...otherContent] = bodies;
  assign("content", content);
  if (otherContent.length > 0) item.otherContent = otherContent;
  // The date as written: rss-parser's isoDate comes from the same lenient Date parsing.
  assign("published", readText(raw.pubDate) ?? readText(raw.date) ?? readText(raw.isoDate));
  assign("author", readAuthor(raw.creator) ?? readAuthor(raw.author) ?? readAuthor(itunes.author));
  assign("language", readText(raw.language));
  return item;
}

function isNotPermalink(guidElements: unknown): boolean {
  const first: unknown = Array.isArray(guidElements) ? guidElements[0] : undefined;
  return isRecord(first) && isRecord(first.$) && String(first.$.isPermaLink).trim().toLowerCase() === "false";
}

function readFirst(value: unknown): string | undefined {
  return readText(Array.isArray(value) ? value[0] : value);
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
