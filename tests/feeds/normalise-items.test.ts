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
    // Without links, the titles tell them apart; entries alike in everything are numbered.
    const bare = idsOf([
      { guid: "same", title: "One" },
      { guid: "same", title: "Two" },
      { guid: "same", title: "Two" },
    ]);
    expect(new Set(bare).size).toBe(3);
    expect(bare[2]).toBe(`${bare[1]}#2`);
  });

  it("reads a date without a time zone as UTC, and takes a date after the fetch as the fetch time", () => {
    // Whatever the machine's own zone.
    const zone = process.env.TZ;
    process.env.TZ = "Europe/Paris";
    const dates = normaliseItems(
      feedOf([
        { guid: "1", title: "Local ISO", published: "2024-02-28T10:00:00" },
        { guid: "2", title: "Local RFC 822", published: "Wed, 28 Feb 2024 10:00:00" },
        { guid: "3", title: "Zoned", published: "Wed, 28 Feb 2024 10:00:00 EST" },
        { guid: "4", title: "Future", published: "Sat, 28 Feb 2206 10:00:00 GMT" },
      ]),
      FEED_URL,
      FETCHED_AT,
    ).map((item) => item.published);
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    expect(dates).toEqual([
      "2024-02-28T10:00:00.000Z",
      "2024-02-28T10:00:00.000Z",
      "2024-02-28T15:00:00.000Z",
      FETCHED_AT,
    ]);
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
