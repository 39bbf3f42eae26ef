import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeFeedBody } from "../../src/feeds/charset.ts";
import { FeedParseError } from "../../src/feeds/errors.ts";
import { normaliseItems } from "../../src/feeds/normalise-items.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";

const REAL_FEEDS = new URL("../fixtures/real-feeds/", import.meta.url);
const FEED_URL = "https://feeds.example/feed.xml";
const files = readdirSync(REAL_FEEDS).filter((name) => name !== "SOURCE.md");

/** The real feeds that are not feeds, or whose only entry has nothing to show. */
const NOT_A_FEED: Record<string, string> = { "unrecognized.rss": "not an RSS or Atom feed" };
const NOTHING_TO_SHOW = new Set(["incomplete-fields.atom", "missing-fields.atom"]);

async function readRealFeed(name: string) {
  const xml = decodeFeedBody(readFileSync(new URL(name, REAL_FEEDS)));
  const parsed = await parseFeed(xml, FEED_URL);
  return { parsed, items: normaliseItems(parsed, FEED_URL, "2024-01-01T00:00:00.000Z") };
}

describe("the 31 real feeds", () => {
  it("are all here", () => {
    expect(files).toHaveLength(31);
  });

  it.each(files)("%s parses and normalises without a crash", async (name) => {
    const expectedError = NOT_A_FEED[name];
    if (expectedError) {
      const error = await readRealFeed(name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FeedParseError);
      expect((error as Error).message).toBe(expectedError);
      return;
    }
    const { parsed, items } = await readRealFeed(name);
    if (NOTHING_TO_SHOW.has(name)) {
      expect(parsed.items).toHaveLength(1);
      expect(items).toEqual([]);
      return;
    }
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.id.length).toBeGreaterThan(0);
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.title).not.toMatch(/<\/?[a-z]+[^>]*>|&(amp|lt|gt|quot|#\d+);/i);
      expect(item.key).toMatch(/^[\w-]{16}$/);
      if (item.published) expect(item.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      if (item.link) expect(item.link).toMatch(/^https?:\/\//);
      expect(["en", "fr"]).toContain(item.lang);
    }
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });

  it("read the way their publishers wrote them", async () => {
    const guardian = await readRealFeed("guardian.rss");
    expect(guardian.items).toHaveLength(55);
    expect(guardian.parsed.lang).toBe("en-gb");
    expect(guardian.items[0]).toMatchObject({
      id: "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord",
      author: "David Smith in Washington",
      published: "2018-01-31T07:26:05.000Z",
    });
    // Guardian categories carry a domain attribute: rss-parser hands back objects.
    expect(guardian.items[0]?.categories).toContain("Donald Trump");

    const uol = await readRealFeed("uolNoticias.rss");
    expect(uol.items).toHaveLength(15);
    expect(uol.items[0]?.title).toBe(
      "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
    );
    // "Seg, 24 Set 2018" is Portuguese: its day and month names are read too.
    expect(uol.items[0]?.published).toBe("2018-09-24T22:42:40.000Z");

    const atom = await readRealFeed("feedburner.atom");
    expect(atom.items[0]?.categories.length).toBeGreaterThan(0);
    expect(atom.items[0]?.id).toMatch(/^tag:blogger.com/);

    const podcast = await readRealFeed("giantbomb-podcast.rss");
    expect(podcast.items).toHaveLength(730);
  });
});

describe("parseFeed on documents that are not feeds", () => {
  it.each([
    ["an empty body", "", "empty body"],
    ["a blank body", "  \n\t ", "empty body"],
    [
      "an HTML page",
      "<!DOCTYPE html><html><head><title>Oops</title></head><body><p>Moved</p></body></html>",
      "not an RSS or Atom feed (the server sent an HTML page)",
    ],
    ["XML that is no feed", '<?xml version="1.0"?><note><to>Tove</to></note>', "not an RSS or Atom feed"],
    ["an RSS element without a channel", '<rss version="2.0"></rss>', "not an RSS or Atom feed"],
    [
      "plain text",
      "Service temporarily unavailable",
      "malformed XML: Non-whitespace before first tag. at line 1, column 1",
    ],
  ])("%s is a FeedParseError", async (_name, body, message) => {
    const error = await parseFeed(body, FEED_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toBe(message);
  });

  it("reports malformed XML with its position", async () => {
    const xml = '<rss version="2.0"><channel><title>x</title><item><title>a</title></channel></rss>';
    await expect(parseFeed(xml, FEED_URL)).rejects.toThrow(
      "malformed XML: Unexpected close tag at line 1, column 76",
    );
  });

  it("reads a feed whose only fault is a bare ampersand, and still reports other faults", async () => {
    const xml = `<rss version="2.0"><channel><title>AT&T news</title><item><guid>1</guid>
      <title>AT&T &amp; Verizon</title><link>https://news.example/?a=1&b=2</link><description>R&D &#233;t&#xE9;</description>
    </item></channel></rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.title).toBe("AT&T news");
    expect(feed.items[0]).toMatchObject({
      title: "AT&T & Verizon",
      link: "https://news.example/?a=1&b=2",
      content: "R&D été",
    });
    const unclosed = xml.replace("</item>", "");
    await expect(parseFeed(unclosed, FEED_URL)).rejects.toThrow(
      /malformed XML: Invalid character in entity name/,
    );
  });

  it("does not let one failed document spoil the next", async () => {
    await expect(parseFeed("<html><body><p>x<br></body></html>", FEED_URL)).rejects.toBeInstanceOf(
      FeedParseError,
    );
    const malformed = '<rss version="2.0"><channel><title>x</title><item><title>a</title></channel></rss>';
    await expect(parseFeed(malformed, FEED_URL)).rejects.toBeInstanceOf(FeedParseError);
  });

  it("rejects entity-expansion and external-entity documents", async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<rss version="2.0"><channel><title>&lol2;</title></channel></rss>';
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      '<rss version="2.0"><channel><title>&x;</title></channel></rss>';
    await expect(parseFeed(laughs, FEED_URL)).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed(xxe, FEED_URL)).rejects.toBeInstanceOf(FeedParseError);
  });
});

describe("parseFeed on JSON Feed", () => {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: "Le Journal du Cloud",
    home_page_url: "https://cloud.example.fr/",
    language: "fr-FR",
    items: [
      {
        id: "https://cloud.example.fr/p/1",
        url: "/p/1",
        title: "Oracle et TikTok",
        content_html: "<p>Oracle devient <b>partenaire</b>.</p>",
        date_published: "2020-09-14T09:00:00+02:00",
        authors: [{ name: "Jeanne Martin" }],
        tags: ["cloud", "tiktok"],
      },
      { id: 2, content_text: "No title, plain text: a < b & c.", date_modified: "2020-09-15T10:00:00Z" },
      "not an item",
    ],
  };

  it("reads its items as the RSS and Atom ones are read", async () => {
    const feed = await parseFeed(JSON.stringify(document), "https://cloud.example.fr/feed.json");
    expect(feed).toMatchObject({
      title: "Le Journal du Cloud",
      link: "https://cloud.example.fr/",
      lang: "fr-FR",
    });
    expect(feed.items).toEqual([
      {
        guid: "https://cloud.example.fr/p/1",
        link: "https://cloud.example.fr/p/1",
        title: "Oracle et TikTok",
        content: "<p>Oracle devient <b>partenaire</b>.</p>",
        published: "2020-09-14T09:00:00+02:00",
        author: "Jeanne Martin",
        categories: ["cloud", "tiktok"],
      },
      {
        guid: "2",
        content: "No title, plain text: a &lt; b &amp; c.",
        published: "2020-09-15T10:00:00Z",
        categories: [],
      },
    ]);
  });

  it("says what is wrong with a JSON document that is not a feed", async () => {
    await expect(parseFeed('{"items": []}', "https://x.example/feed.json")).rejects.toThrow(
      /not an RSS, Atom or JSON feed/,
    );
    await expect(parseFeed('{"version": ', "https://x.example/feed.json")).rejects.toThrow(
      /malformed JSON Feed/,
    );
  });
});

describe("parseFeed smooths over rss-parser's quirks", () => {
  it("reads a version-less <rss> as RSS 2", async () => {
    const feed = await parseFeed(
      "<rss><channel><title>Old</title><item><title>A</title></item></channel></rss>",
      FEED_URL,
    );
    expect(feed.items[0]?.title).toBe("A");
  });

  it("keeps an Atom feed whose entries have an unreadable date or a text <link>", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr-FR"><title>Atom</title><link>https://atom.example/</link>
      <entry><id>urn:1</id><title>Date illisible</title><published>hier soir</published><link>/articles/1</link></entry>
      <entry><id>urn:2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Titre <b>riche</b></div></title>
        <updated>2020-09-14T08:00:00Z</updated><category term="tech" label="Technologie"/><category term="deals"/></entry>
    </feed>`;
    const feed = await parseFeed(xml, "https://atom.example/feed");
    expect(feed.lang).toBe("fr-FR");
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: "urn:1",
      title: "Date illisible",
      link: "https://atom.example/articles/1",
    });
    expect(feed.items[0]?.published).toBeUndefined();
    // An xhtml title is handed on as the HTML it is (normaliseItems makes it text).
    expect(feed.items[1]).toMatchObject({
      title: '<div xmlns="http://www.w3.org/1999/xhtml">Titre <b>riche</b></div>',
      categories: ["Technologie", "deals"],
    });
    // The date as written: normaliseItems reads it (a date without a zone is UTC).
    expect(feed.items[1]?.published).toBe("2020-09-14T08:00:00Z");
  });

  it("reads an Atom entry's own xml:lang", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Mixed</title><id>urn:f</id>
      <entry xml:lang="fr"><id>urn:1</id><title>Nvidia H20 : Washington durcit le ton</title></entry>
      <entry><id>urn:2</id><title>Nvidia H20 export ban</title></entry>
    </feed>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.lang).toBe("en");
    expect(feed.items.map((item) => item.language)).toEqual(["fr", undefined]);
  });

  it("takes a guid that is a web address as the link of an item without one", async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>A</title><guid>https://news.example/a</guid></item>
      <item><title>B</title><guid>urn:b</guid></item>
      <item><title>C</title><guid>https://news.example/c-guid</guid><link>https://news.example/c</link></item>
    </channel></rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => item.link)).toEqual([
      "https://news.example/a",
      undefined,
      "https://news.example/c",
    ]);
  });

  it("prefers FeedBurner's original link to the feedproxy one, in RSS and Atom", async () => {
    const rss = `<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel><title>t</title>
      <item><title>A</title><link>http://feedproxy.google.com/~r/Blog/~3/AbC/a.html</link>
        <feedburner:origLink>https://blog.example/2025/11/a.html</feedburner:origLink></item>
    </channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><title>t</title><id>urn:f</id>
      <entry><id>urn:1</id><title>B</title><link rel="alternate" href="http://feedproxy.google.com/~r/Blog/~3/XyZ/b.html"/>
        <feedburner:origLink>https://blog.example/2025/11/b.html</feedburner:origLink></entry>
    </feed>`;
    expect((await parseFeed(rss, FEED_URL)).items[0]?.link).toBe("https://blog.example/2025/11/a.html");
    expect((await parseFeed(atom, FEED_URL)).items[0]?.link).toBe("https://blog.example/2025/11/b.html");
  });

  it("repairs links escaped twice or without a scheme, and never links to a guid that is no permalink", async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
      <item><title>A</title><guid>m1</guid><link>https://m.example/a?x=1&amp;amp;y=2</link></item>
      <item><title>B</title><guid>m2</guid><link>www.m.example/article-2</link></item>
      <item><title>C</title><guid isPermaLink="false">http://g.example/internal/cms/node/123</guid></item>
    </channel></rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items.map((item) => item.link)).toEqual([
      "https://m.example/a?x=1&y=2",
      "https://www.m.example/article-2",
      undefined,
    ]);
  });

  it("turns guid objects, attribute-laden categories and Atom authors into strings", async () => {
    const xml = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
      <item><title>A</title><guid isPermaLink="false">  g-1  </guid><category domain="x">Cloud</category><category>Cloud</category>
        <description>Short excerpt</description><content:encoded><![CDATA[<p>The <b>full</b> story</p>]]></content:encoded></item>
    </channel></rss>`;
    const feed = await parseFeed(xml, FEED_URL);
    expect(feed.items[0]).toMatchObject({
      guid: "g-1",
      categories: ["Cloud"],
      content: "<p>The <b>full</b> story</p>",
    });
  });
});
