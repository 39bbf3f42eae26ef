import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeFeedBody } from "../../src/feeds/charset.ts";
import { parseFeed } from "../../src/feeds/parse-feed.ts";

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const FRENCH = ["l’été", "œuvre", "décret", "États-Unis"];

describe("decodeFeedBody", () => {
  it("reads a windows-1252 feed labelled ISO-8859-1 by its Content-Type as windows-1252", () => {
    const text = decodeFeedBody(
      fixture("feeds/windows-1252-no-prolog.rss"),
      "application/rss+xml; charset=ISO-8859-1",
    );
    for (const word of FRENCH) expect(text).toContain(word);
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });

  it("reads the charset from the XML prolog when the server does not say", () => {
    const text = decodeFeedBody(fixture("feeds/windows-1252-prolog-only.rss"), "application/rss+xml");
    for (const word of FRENCH) expect(text).toContain(word);
  });

  it("falls back to windows-1252 for unlabelled bytes that are not UTF-8", () => {
    const text = decodeFeedBody(fixture("feeds/windows-1252-no-prolog.rss"));
    for (const word of FRENCH) expect(text).toContain(word);
  });

  it("keeps valid UTF-8 even when a label says otherwise", () => {
    const bytes = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>l’été, œuvre, décret</title></rss>',
    );
    expect(decodeFeedBody(bytes, "text/xml; charset=iso-8859-1")).toContain("l’été, œuvre, décret");
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<rss/>")]);
    expect(decodeFeedBody(bytes)).toBe("<rss/>");
  });

  it("follows a UTF-16 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("<rss>œuvre</rss>", "utf-16le")]);
    expect(decodeFeedBody(bytes, "text/xml; charset=iso-8859-1")).toBe("<rss>œuvre</rss>");
  });

  it("reads UTF-16 without a byte-order mark from its first character", () => {
    expect(decodeFeedBody(iconv.encode('<?xml version="1.0"?><rss>été</rss>', "utf-16be"))).toBe(
      '<?xml version="1.0"?><rss>été</rss>',
    );
    expect(decodeFeedBody(iconv.encode("<rss>œuvre</rss>", "utf-16le"))).toBe("<rss>œuvre</rss>");
  });

  it("skips a UTF-8 label the bytes contradict and uses the prolog instead", () => {
    const bytes = iconv.encode(
      '<?xml version="1.0" encoding="windows-1252"?><rss>l’été</rss>',
      "windows-1252",
    );
    expect(decodeFeedBody(bytes, "text/xml; charset=utf-8")).toContain("l’été");
  });

  it("reads other declared charsets, and an HTML page's meta charset", () => {
    const koi8 = iconv.encode("<rss>Привет</rss>", "koi8-r");
    expect(decodeFeedBody(koi8, 'text/xml; charset="KOI8-R"')).toBe("<rss>Привет</rss>");
    const page = iconv.encode(
      '<html><head><meta charset="iso-8859-15"></head><body>€uro œuvre</body></html>',
      "iso-8859-15",
    );
    expect(decodeFeedBody(page, "text/html")).toContain("€uro œuvre");
  });

  it("decodes the real ISO-8859-1 feed with a prolog and the UOL feed without one", () => {
    expect(decodeFeedBody(fixture("real-feeds/encoding.rss"))).toContain(
      "Jornal de Notícias - Últimas Notícias",
    );
    expect(decodeFeedBody(fixture("real-feeds/uolNoticias.rss"))).toContain("Últimas Notícias");
  });

  it("leaves a prolog whose encoding no longer matches harmless to rss-parser", async () => {
    const text = decodeFeedBody(fixture("feeds/windows-1252-prolog-only.rss"));
    expect(text).toContain('encoding="ISO-8859-1"');
    const feed = await parseFeed(text, "https://journal.example/feed");
    expect(feed.items[0]?.title).toBe("TikTok : le décret qui change tout pour l’été");
    expect(feed.title).toBe("Le Journal du Numérique");
  });
});

describe("charsetFromContentType", () => {
  it("reads quoted and unquoted charset parameters", () => {
    expect(charsetFromContentType("text/xml; charset=ISO-8859-1")).toBe("ISO-8859-1");
    expect(charsetFromContentType('application/rss+xml;charset="windows-1252"')).toBe("windows-1252");
    expect(charsetFromContentType("text/xml")).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
  });
});
