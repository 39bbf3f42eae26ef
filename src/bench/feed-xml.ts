/**
 * Writes a corpus feed as the XML a real outlet serves, in the three formats newsdesk reads:
 * RSS 2.0 (body in content:encoded), Atom 1.0 (body in <content type="html">) and RSS 1.0 / RDF
 * (body in <description>, dates in dc:date). Bodies are HTML paragraphs, as feeds carry them.
 */

export type FeedFormat = "rss2" | "atom" | "rss1";

/** What the XML is written from. */
export interface FeedXmlInput {
  format: FeedFormat;
  title: string;
  /** The outlet's home page. */
  site: string;
  /** Where the feed itself is served (its path on the corpus server). */
  selfPath: string;
  lang: "en" | "fr";
  updated: string;
  items: readonly FeedXmlItem[];
}

export interface FeedXmlItem {
  guid: string;
  link: string;
  title: string;
  paragraphs: readonly string[];
  published: string;
  author: string;
  category: string;
}

export function renderFeedXml(feed: FeedXmlInput): string {
  switch (feed.format) {
    case "rss2":
      return renderRss2(feed);
    case "atom":
      return renderAtom(feed);
    case "rss1":
      return renderRss1(feed);
  }
}

/** The content type the corpus server sends with each format. */
export function contentTypeOf(format: FeedFormat): string {
  const type = { rss2: "application/rss+xml", atom: "application/atom+xml", rss1: "application/rdf+xml" };
  return `${type[format]}; charset=utf-8`;
}

function renderRss2(feed: FeedXmlInput): string {
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>
      <pubDate>${new Date(item.published).toUTCString()}</pubDate>
      <dc:creator>${escapeXml(item.author)}</dc:creator>
      <category>${escapeXml(item.category)}</category>
      <description>${escapeXml(excerptOf(item))}</description>
      <content:encoded><![CDATA[${htmlOf(item)}]]></content:encoded>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.site)}</link>
    <description>${escapeXml(feed.title)}</description>
    <language>${feed.lang}</language>
    <lastBuildDate>${new Date(feed.updated).toUTCString()}</lastBuildDate>
${items.join("\n")}
  </channel>
</rss>
`;
}

function renderAtom(feed: FeedXmlInput): string {
  const entries = feed.items.map(
    (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>
    <id>${escapeXml(item.guid)}</id>
    <published>${item.published}</published>
    <updated>${item.published}</updated>
    <author><name>${escapeXml(item.author)}</name></author>
    <category term="${escapeXml(item.category)}"/>
    <summary type="text">${escapeXml(excerptOf(item))}</summary>
    <content type="html">${escapeXml(htmlOf(item))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">
  <title>${escapeXml(feed.title)}</title>
  <link rel="alternate" href="${escapeXml(feed.site)}"/>
  <link rel="self" href="${escapeXml(feed.selfPath)}"/>
  <id>${escapeXml(feed.site)}</id>
  <updated>${feed.updated}</updated>
${entries.join("\n")}
</feed>
`;
}

function renderRss1(feed: FeedXmlInput): string {
  const refs = feed.items.map((item) => `        <rdf:li rdf:resource="${escapeXml(item.link)}"/>`);
  const items = feed.items.map(
    (item) => `  <item rdf:about="${escapeXml(item.link)}">
    <title>${escapeXml(item.title)}</title>
    <link>${escapeXml(item.link)}</link>
    <dc:date>${item.published}</dc:date>
    <dc:creator>${escapeXml(item.author)}</dc:creator>
    <dc:subject>${escapeXml(item.category)}</dc:subject>
    <description>${escapeXml(htmlOf(item))}</description>
  </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${escapeXml(feed.site)}">
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.site)}</link>
    <description>${escapeXml(feed.title)}</description>
    <dc:language>${feed.lang}</dc:language>
    <items>
      <rdf:Seq>
${refs.join("\n")}
      </rdf:Seq>
    </items>
  </channel>
${items.join("\n")}
</rdf:RDF>
`;
}

function htmlOf(item: FeedXmlItem): string {
  return item.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("\n");
}

function excerptOf(item: FeedXmlItem): string {
  const first = item.paragraphs[0] ?? "";
  return first.length > 280 ? `${first.slice(0, first.lastIndexOf(" ", 280))}…` : first;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
