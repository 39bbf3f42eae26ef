import { describe, expect, it } from "vitest";
import { normaliseItems } from "../../src/feeds/normalise-items.ts";
import { type ParsedFeed, type ParsedItem, parseFeed } from "../../src/feeds/parse-feed.ts";

const FEED_URL = "https://feeds.example/tech.xml";
const FETCHED_AT = "2024-03-01T10:00:00.000Z";

const feedOf = (items: Partial<ParsedItem>[], extra: Partial<ParsedFeed> = {}): ParsedFeed => ({
  title: "Tech Feed",
  ...extra,
  items: items.map((item) => ({ categories: [], ...item })),
});

describe("normaliseItems: ids and keys", () => {
  it("uses the guid, else the link, else a hash of title and date", () => {
    const items = normaliseItems(
      feedOf([
        { guid: "urn:story:1", link: "https://news.example/1", title: "With guid" },
        { link: "https://news.example/2", title: "With link" },
        { title: "Bare", published: "2020-09-14T08:00:00Z" },
      ]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(items.map((item) => item.id)).toEqual([
      "urn:story:1",
      "https://news.example/2",
      expect.stringMatching(/^hash:[\w-]{16}$/),
    ]);
    const again = normaliseItems(
      feedOf([{ title: "Bare", published: "2020-09-14T08:00:00Z" }]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(again[0]?.id).toBe(items[2]?.id);
    const otherDate = normaliseItems(
      feedOf([{ title: "Bare", published: "2020-09-15T08:00:00Z" }]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(otherDate[0]?.id).not.toBe(items[2]?.id);
  });

  it("tells entries sharing a guid apart by link, else title, whatever their place", () => {
    const one = { guid: "https://cms.example/", link: "https://cms.example/one", title: "One" };
    const two = { guid: "https://cms.example/", link: "https://cms.example/two", title: "Two" };
    const idsOf = (entries: Partial<ParsedItem>[]) =>
      normaliseItems(feedOf(entries), FEED_URL, FETCHED_AT).map((item) => item.id);
    const before = idsOf([one, two]);
    expect(before).toEqual([
      expect.stringMatching(/^https:\/\/cms\.example\/#[\w-]{8}$/),
      expect.stringMatching(/^https:\/\/cms\.example\/#[\w-]{8}$/),
    ]);
    // A new entry on top, with the same guid: the earlier two keep their ids, it gets its own.
    const after = idsOf([{ ...one, link: "https://cms.example/new", title: "New" }, one, two]);
    expect(after.slice(1)).toEqual(before);
    expect(before).not.toContain(after[0]);
    // Without links, the titles tell them apart; entries alike in that too are numbered, and
    // an entry identical to an earlier one (text included) is the same entry, listed twice.
    const bare = idsOf([
      { guid: "same", title: "One" },
      { guid: "same", title: "Two", content: "First text." },
      { guid: "same", title: "Two", content: "Second text." },
      { guid: "same", title: "Two", content: "Second text." },
    ]);
    expect(bare).toHaveLength(3);
    expect(new Set(bare).size).toBe(3);
    expect(bare[2]).toBe(`${bare[1]}#2`);
  });

  it("reads a date without a time zone as UTC, and takes a date after the fetch as the fetch time", async () => {
    // Whatever the machine's own zone.
    const dates = await inZone("Europe/Paris", async () =>
      normaliseItems(
        feedOf([
          { guid: "1", title: "Local ISO", published: "2024-02-28T10:00:00" },
          { guid: "2", title: "Local RFC 822", published: "Wed, 28 Feb 2024 10:00:00" },
          { guid: "3", title: "Zoned", published: "Wed, 28 Feb 2024 10:00:00 EST" },
          { guid: "4", title: "Future", published: "Sat, 28 Feb 2206 10:00:00 GMT" },
        ]),
        FEED_URL,
        FETCHED_AT,
      ).map((item) => item.published),
    );
    expect(dates).toEqual([
      "2024-02-28T10:00:00.000Z",
      "2024-02-28T10:00:00.000Z",
      "2024-02-28T15:00:00.000Z",
      FETCHED_AT,
    ]);
  });

  it("reads an Atom date without a zone as UTC, whatever the machine's zone", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
      <entry><id>urn:1</id><title>Local</title><published>2025-11-03T10:00:00</published></entry>
      <entry><id>urn:2</id><title>Updated only</title><updated>2025-11-03 11:30:00</updated></entry>
      <entry><id>urn:3</id><title>Zoned</title><published>2025-11-03T10:00:00+02:00</published></entry>
    </feed>`;
    const dates = await inZone("Asia/Tokyo", async () =>
      normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, "2026-01-01T00:00:00.000Z").map(
        (item) => item.published,
      ),
    );
    expect(dates).toEqual([
      "2025-11-03T10:00:00.000Z",
      "2025-11-03T11:30:00.000Z",
      "2025-11-03T08:00:00.000Z",
    ]);
  });

  it.each([
    ["jeu., 04 déc. 2025 10:00:00 +0100", "2025-12-04T09:00:00.000Z"],
    ["mer., 05 févr. 2025 10:00:00 +0100", "2025-02-05T09:00:00.000Z"],
    ["ven., 15 août 2025 10:00:00 +0200", "2025-08-15T08:00:00.000Z"],
    ["mar., 04 mars 2025 10:00:00 +0100", "2025-03-04T09:00:00.000Z"],
    ["mar., 15 juil. 2025 10:00:00 +0200", "2025-07-15T08:00:00.000Z"],
    ["Di, 04 Mär 2025 10:00:00 +0100", "2025-03-04T09:00:00.000Z"],
    ["Do, 01 Mai 2025 10:00:00 +0200", "2025-05-01T08:00:00.000Z"],
    ["mié, 05 ene 2025 10:00:00 +0100", "2025-01-05T09:00:00.000Z"],
    ["gio, 03 ott 2025 10:00:00 +0200", "2025-10-03T08:00:00.000Z"],
    ["Seg, 03 Fev 2025 10:00:00 -0300", "2025-02-03T13:00:00.000Z"],
    ["Mon, 03 Nov 2025 10:00:00 GMT+1", "2025-11-03T09:00:00.000Z"],
    ["Mon, 03 Nov 2025 10:00:00 GMT+01:00", "2025-11-03T09:00:00.000Z"],
    ["13/11/2025 10:00", "2025-11-13T10:00:00.000Z"],
    ["11/13/2025", "2025-11-13T00:00:00.000Z"],
    ["03/11/2025", undefined],
  ])("reads the date %j as %s", (published, expected) => {
    const [item] = normaliseItems(
      feedOf([{ guid: "1", title: "Dated", published }]),
      FEED_URL,
      FETCHED_AT.replace("2024", "2026"),
    );
    expect(item?.published).toBe(expected);
  });

  it("gives the same guid in two feeds two keys, and the same key on every poll", () => {
    const feed = feedOf([{ guid: "shared", title: "Same guid" }]);
    const first = normaliseItems(feed, FEED_URL, FETCHED_AT)[0];
    const other = normaliseItems(feed, "https://other.example/rss", FETCHED_AT)[0];
    const later = normaliseItems(feed, FEED_URL, "2024-03-02T10:00:00.000Z")[0];
    expect(first?.key).not.toBe(other?.key);
    expect(later?.key).toBe(first?.key);
  });
});

describe("normaliseItems: text", () => {
  it("reads Windows-1252 character references as browsers do: `&#146;` is `’`", async () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><guid>1</guid>
      <title>Oracle&#146;s bid &#150; a &#147;trusted&#148; partner&#129;</title>
      <description>It&#146;s done.</description></item></channel></rss>`;
    const [item] = normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, FETCHED_AT);
    expect(item?.title).toBe("Oracle’s bid – a “trusted” partner");
    expect(item?.text).toBe("It’s done.");
  });

  it("reads markup written as XML in a field: Atom xhtml, a bare <b> in an RSS title", async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
      <entry><id>urn:1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Oracle <i>wins</i> TikTok</div></title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b> then plain &amp; more.</p><p>Second.</p></div></content></entry>
    </feed>`;
    const rss = `<rss version="2.0"><channel><title>t</title><item><guid>1</guid>
      <title>Start <b>bold</b> end</title><description>Before <i>italic</i> after.</description></item>
      <item><guid>2</guid><title>Kept</title><description><![CDATA[<p>Already <b>HTML</b></p>]]></description></item>
    </channel></rss>`;
    const read = async (xml: string) =>
      normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, FETCHED_AT).map((item) => [
        item.title,
        item.text,
      ]);
    expect(await read(atom)).toEqual([["Oracle wins TikTok", "First bold then plain & more.\n\nSecond."]]);
    expect(await read(rss)).toEqual([
      ["Start bold end", "Before italic after."],
      ["Kept", "Already HTML"],
    ]);
  });

  it("keeps angle brackets of a title that are not markup", () => {
    const titles = normaliseItems(
      feedOf([
        { guid: "1", title: "Why the <video> element still matters" },
        { guid: "2", title: "Prove that if a<b and c>d then a-d<b-c" },
        { guid: "3", title: 'Oracle <b>wins</b> the <a href="/deal">TikTok deal</a>' },
      ]),
      FEED_URL,
      FETCHED_AT,
    ).map((item) => item.title);
    expect(titles).toEqual([
      "Why the <video> element still matters",
      "Prove that if a<b and c>d then a-d<b-c",
      "Oracle wins the TikTok deal",
    ]);
  });

  it("turns HTML into tidy plain text with entities decoded", () => {
    const [item] = normaliseItems(
      feedOf([
        {
          guid: "1",
          title: "  Oracle &amp; TikTok:\n the <em>deal</em>  ",
          content:
            "<p>First&nbsp;paragraph with <a href='https://x.example'>a link</a> &amp; l&#8217;&eacute;t&eacute;.</p>" +
            "<script>track()</script><img src='x.png'><p>Second   paragraph.</p>",
        },
      ]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(item?.title).toBe("Oracle & TikTok: the deal");
    expect(item?.text).toBe("First paragraph with a link & l’été.\n\nSecond paragraph.");
  });

  it("drops soft hyphens and other invisible characters inside words", async () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item><guid>1</guid>
      <title>Le rachat de Tik&amp;shy;Tok par Oracle</title>
      <description>&lt;p&gt;La plate&amp;shy;forme Tik&#xAD;Tok, By&#x34F;te&#x180E;Dance&#x2061;&#x2064; et Oracle.&lt;/p&gt;</description>
    </item></channel></rss>`;
    const [item] = normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, FETCHED_AT);
    expect(item?.title).toBe("Le rachat de TikTok par Oracle");
    expect(item?.text).toBe("La plateforme TikTok, ByteDance et Oracle.");
  });

  it("takes the first body with any text: an empty-looking content:encoded does not hide the description", async () => {
    const xml = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
      <item><guid>1</guid><title>Oracle</title><description>The real description about Oracle and TikTok.</description>
        <content:encoded><![CDATA[<p></p><div><img src="https://e.example/x.png"/></div>]]></content:encoded></item>
    </channel></rss>`;
    const [item] = normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, FETCHED_AT);
    expect(item?.text).toBe("The real description about Oracle and TikTok.");
  });

  it("reads the summary of an Atom entry whose content is out of line (`src`)", async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
      <entry><id>urn:3</id><title>Out of line content</title><summary>The summary text.</summary>
        <content src="https://tt.example/3.html" type="text/html"/></entry>
    </feed>`;
    const parsed = await parseFeed(xml, FEED_URL);
    expect(parsed.items[0]?.content).toBe("The summary text.");
    expect(parsed.items[0]?.otherContent).toBeUndefined();
    expect(normaliseItems(parsed, FEED_URL, FETCHED_AT)[0]?.text).toBe("The summary text.");
  });

  it('keeps Atom `type="text"` fields as written: angle brackets are words, line breaks stay', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>
      <entry><id>urn:1</id><title type="text">Why &lt;b&gt; and &lt;i&gt; tags are deprecated</title>
        <content type="text">Use &lt;strong&gt; instead of &lt;b&gt;.

Second paragraph.</content></entry>
    </feed>`;
    const [item] = normaliseItems(await parseFeed(xml, FEED_URL), FEED_URL, FETCHED_AT);
    expect(item?.title).toBe("Why <b> and <i> tags are deprecated");
    expect(item?.text).toBe("Use <strong> instead of <b>.\n\nSecond paragraph.");
  });

  it("never cuts an emoji in half when it shortens a title or a text", () => {
    const emoji = "🎉".repeat(30_000);
    const [item] = normaliseItems(feedOf([{ guid: "1", content: `<p>${emoji}</p>` }]), FEED_URL, FETCHED_AT);
    const halves = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(item?.title).toMatch(/^(?:🎉)+…$/);
    expect(item?.title).not.toMatch(halves);
    expect(item?.text).toMatch(/^(?:🎉)+…$/);
    expect(item?.text).not.toMatch(halves);
  });

  it("leaves out media and form widgets, keeps table headers as written, and separates rules and definitions", () => {
    const widgets =
      "<p>Intro.</p><template><p>Hidden</p></template><video src='v.mp4'>Your browser does not support video.</video>" +
      "<audio>No audio</audio><object>Plugin</object><canvas>Canvas</canvas><button>Subscribe</button>" +
      "<select><option>One</option></select><input value='x'><textarea>Type here</textarea>";
    const layout =
      "<table><tr><th>Company</th><th>Role</th></tr><tr><td>Oracle</td><td>Partner</td></tr></table>" +
      "<p>Before</p><hr><p>After</p><dl><dt>Oracle</dt><dd>Cloud partner</dd></dl>";
    const texts = normaliseItems(
      feedOf([
        { guid: "1", title: "Widgets", content: widgets },
        { guid: "2", title: "Layout", content: layout },
      ]),
      FEED_URL,
      FETCHED_AT,
    ).map((item) => item.text);
    expect(texts).toEqual([
      "Intro.",
      "Company Role\nOracle Partner\n\nBefore\n\nAfter\n\nOracle\nCloud partner",
    ]);
  });

  it("decodes entities a feed escaped twice in a title", () => {
    const [item] = normaliseItems(
      feedOf([{ guid: "1", title: "Microsoft &amp; Walmart&#8217;s bid" }]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(item?.title).toBe("Microsoft & Walmart’s bid");
  });

  it("titles an untitled entry from its text, else its link, and drops an entry with nothing to show", () => {
    const items = normaliseItems(
      feedOf([
        { guid: "1", content: "<p>A quick note without a headline, as microblogs write them.</p>" },
        { guid: "2", link: "https://news.example/untitled" },
        { guid: "3" },
      ]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(items.map((item) => item.title)).toEqual([
      "A quick note without a headline, as microblogs write them.",
      "https://news.example/untitled",
    ]);
  });
});

describe("normaliseItems: fields", () => {
  it("fills every Item field, with later-stage fields empty", () => {
    const [item] = normaliseItems(
      feedOf([
        {
          guid: "g",
          link: "https://news.example/a",
          title: "Oracle wins TikTok deal",
          content: "<p>Oracle was picked as TikTok's technology partner in the United States.</p>",
          published: "Mon, 14 Sep 2020 08:30:00 +0200",
          author: "Jane Example",
          categories: ["Deals", " ", "Cloud &amp; AI"],
        },
      ]),
      FEED_URL,
      new Date(FETCHED_AT),
      { guildId: "1234" },
    );
    expect(item).toEqual({
      id: "g",
      key: expect.stringMatching(/^[\w-]{16}$/),
      feed: FEED_URL,
      feedTitle: "Tech Feed",
      title: "Oracle wins TikTok deal",
      link: "https://news.example/a",
      published: "2020-09-14T06:30:00.000Z",
      author: "Jane Example",
      categories: ["Deals", "Cloud & AI"],
      text: "Oracle was picked as TikTok's technology partner in the United States.",
      fullText: false,
      lang: "en",
      backlog: false,
      fetchedAt: FETCHED_AT,
      topics: [],
      guildId: "1234",
    });
  });

  it("leaves out a date it cannot read and a link that is not http(s)", () => {
    const [item] = normaliseItems(
      feedOf([{ guid: "1", title: "Odd", published: "lun. 14 sept.", link: "javascript:alert(1)" }]),
      FEED_URL,
      FETCHED_AT,
    );
    expect(item?.published).toBeUndefined();
    expect(item?.link).toBeUndefined();
    expect(item?.id).toBe("1");
  });

  it("reads Media RSS: media:title as the title, media:description as the text, the file as the link", async () => {
    const xml = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Photos</title>
      <item><guid isPermaLink="false">photo-1</guid><media:content url="https://photos.example/1.jpg" medium="image">
        <media:title>Oracle campus at dusk</media:title><media:description>The Austin campus.</media:description></media:content></item>
      <item><guid>https://mastodon.example/@a/4</guid><link>https://mastodon.example/@a/4</link>
        <media:content url="https://files.example/4.png" medium="image"><media:description type="plain">Photo of the Oracle &lt;HQ&gt;</media:description></media:content></item>
    </channel></rss>`;
    const youtube = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Tech Explained</title><id>urn:yt</id>
      <entry><id>yt:video:1</id><title>Why Oracle wants TikTok</title><link rel="alternate" href="https://www.youtube.com/watch?v=1"/>
        <media:group><media:title>Why Oracle wants TikTok</media:title><media:content url="https://www.youtube.com/v/1"/>
          <media:description>In this video we look at the TikTok deal.
Oracle becomes the trusted technology partner.</media:description></media:group></entry>
    </feed>`;
    const read = async (text: string) =>
      normaliseItems(await parseFeed(text, FEED_URL), FEED_URL, FETCHED_AT).map((item) => ({
        title: item.title,
        link: item.link,
        text: item.text,
      }));
    expect(await read(xml)).toEqual([
      { title: "Oracle campus at dusk", link: "https://photos.example/1.jpg", text: "The Austin campus." },
      {
        title: "Photo of the Oracle <HQ>",
        link: "https://mastodon.example/@a/4",
        text: "Photo of the Oracle <HQ>",
      },
    ]);
    expect(await read(youtube)).toEqual([
      {
        title: "Why Oracle wants TikTok",
        link: "https://www.youtube.com/watch?v=1",
        text: "In this video we look at the TikTok deal.\nOracle becomes the trusted technology partner.",
      },
    ]);
  });

  it("detects the language from the text, using declared languages as hints", () => {
    const items = normaliseItems(
      feedOf(
        [
          { guid: "fr", title: "Oracle devient le partenaire technologique de TikTok aux États-Unis" },
          { guid: "en", title: "Oracle becomes TikTok's technology partner in the United States" },
          { guid: "short", title: "TikTok" },
          { guid: "item-lang", title: "TikTok", language: "en-US" },
        ],
        { lang: "fr-FR" },
      ),
      FEED_URL,
      FETCHED_AT,
    );
    expect(items.map((item) => item.lang)).toEqual(["fr", "en", "fr", "en"]);
    const operatorSays = normaliseItems(
      feedOf([{ guid: "x", title: "TikTok" }], { lang: "en" }),
      FEED_URL,
      FETCHED_AT,
      {
        lang: "fr",
      },
    );
    expect(operatorSays[0]?.lang).toBe("fr");
  });
});

/** Runs `work` with the process's time zone set to `zone`, then puts the machine's back. */
async function inZone<T>(zone: string, work: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
