import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedAddressError, HttpStatusError } from "../../src/feeds/errors.ts";
import { createGuardedFetch } from "../../src/feeds/fetch-url.ts";
import { enrichWithFullText, extractArticleText, needsFullText } from "../../src/feeds/full-text.ts";
import { createNetworkGuard, type NetworkGuard } from "../../src/feeds/network-guard.ts";
import type { Item } from "../../src/model.ts";
import { startServer, type TestServer } from "./feed-server.ts";

const ARTICLE_PAGE = readFileSync(new URL("../fixtures/feeds/article-page.html", import.meta.url), "utf8");
const ARTICLE_URL = "https://daily.example/business/oracle-tiktok";

const PARAGRAPHS = [
  "ByteDance, the Beijing company that owns TikTok, has rejected Microsoft's offer",
  "Microsoft confirmed on Sunday evening that its bid had been turned down.",
  "The arrangement with Oracle is not a full sale.",
  "That order gave ByteDance until mid-November to divest TikTok's US business or face a ban.",
  "Any agreement still needs the approval of the Committee on Foreign Investment in the United States",
  "or stay with engineers in Beijing.",
];
const CHROME = [
  "cookies",
  "Accept all",
  "Manage preferences",
  "Subscribe for $1",
  "Policy",
  "Search the Daily Byte",
  "Home ›",
  "Related stories",
  "Walmart joins Microsoft in bid",
  "What is CFIUS",
  "Get the Morning Byte",
  "Advertisement",
  "Share on Twitter",
  "Email this story",
  "Privacy policy",
  "All rights reserved",
  "dataLayer",
];

describe("extractArticleText", () => {
  it("keeps the article's paragraphs and none of the page chrome", () => {
    const text = extractArticleText(ARTICLE_PAGE, ARTICLE_URL);
    expect(text).toBeDefined();
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    for (const chrome of CHROME) expect(text, chrome).not.toContain(chrome);
    // Paragraphs stay paragraphs.
    expect(text?.split("\n\n").length).toBeGreaterThanOrEqual(PARAGRAPHS.length);
  });

  it("removes consent notices, newsletter boxes and related links placed inside the story column", () => {
    const page = readFileSync(
      new URL("../fixtures/feeds/article-page-inline-chrome.html", import.meta.url),
      "utf8",
    );
    const text = extractArticleText(page, "https://quotidien.example/tiktok-oracle");
    expect(text).toContain("a choisi Oracle comme partenaire technologique aux États-Unis");
    expect(text).toContain("afin de répondre au décret signé en août.");
    expect(text).toContain("algorithmes de recommandation.");
    for (const chrome of [
      "cookies",
      "lettre d'information",
      "À lire aussi",
      "Se connecter",
      "Mentions légales",
    ]) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it("gives up on a page that is not an article", () => {
    const index = `<html><body><nav><a href="/">Home</a></nav><h1>Latest</h1><ul>${Array.from(
      { length: 20 },
      (_, i) => `<li><a href="/s/${i}">Story ${i}</a></li>`,
    ).join("")}</ul><footer>© 2020</footer></body></html>`;
    expect(extractArticleText(index, "https://daily.example/")).toBeUndefined();
    expect(extractArticleText("", "https://daily.example/")).toBeUndefined();
  });
});

describe("needsFullText", () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

  it.each([
    ["a short excerpt with a link", { text: words(30), link: ARTICLE_URL, fullText: false }, true],
    ["a long feed text", { text: words(200), link: ARTICLE_URL, fullText: false }, false],
    ["an excerpt without a link", { text: words(30), fullText: false }, false],
    [
      "an excerpt with a non-http link",
      { text: words(30), link: "mailto:x@example.org", fullText: false },
      false,
    ],
    ["text already extracted", { text: words(30), link: ARTICLE_URL, fullText: true }, false],
  ])("%s → %s", (_name, item, expected) => {
    expect(needsFullText(item)).toBe(expected);
  });

  it("counts against the configured minimum", () => {
    expect(needsFullText({ text: words(50), link: ARTICLE_URL, fullText: false }, 40)).toBe(false);
  });
});

describe("enrichWithFullText", () => {
  let server: TestServer;
  let guard: NetworkGuard;

  beforeAll(async () => {
    server = await startServer((request, response) => {
      if (request.url === "/article") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE_PAGE);
      } else if (request.url === "/podcast.mp3") {
        response.writeHead(200, { "content-type": "audio/mpeg" }).end(Buffer.alloc(1000));
      } else {
        response.writeHead(404).end("not here");
      }
    });
    guard = createNetworkGuard({ allowHosts: ["127.0.0.1"] });
  });

  afterAll(async () => {
    await guard.close();
    await server.close();
  });

  const itemFor = (id: string, link: string | undefined, text: string): Item => ({
    id,
    key: id,
    feed: "https://feeds.example/rss",
    title: `Story ${id}`,
    ...(link && { link }),
    categories: [],
    text,
    fullText: false,
    lang: "en",
    backlog: false,
    fetchedAt: "2024-01-01T00:00:00.000Z",
    topics: [],
  });

  it("replaces excerpts with the article text and keeps the excerpt whenever the page fails", async () => {
    const longText = Array.from({ length: 150 }, () => "word").join(" ");
    const items = [
      itemFor("article", `${server.origin}/article`, "Oracle picked as partner."),
      itemFor("missing", `${server.origin}/gone`, "Excerpt of a deleted page."),
      itemFor("audio", `${server.origin}/podcast.mp3`, "Episode notes."),
      itemFor("private", "http://10.0.0.1/internal", "Excerpt pointing inward."),
      itemFor("long", `${server.origin}/article`, longText),
    ];
    const errors: [string, unknown][] = [];
    const enriched = await enrichWithFullText(items, {
      fetch: createGuardedFetch(guard),
      onError: (item, error) => errors.push([item.id, error]),
    });

    expect(enriched.map((item) => item.id)).toEqual(["article", "missing", "audio", "private", "long"]);
    expect(enriched[0]?.fullText).toBe(true);
    for (const paragraph of PARAGRAPHS) expect(enriched[0]?.text).toContain(paragraph);
    expect(enriched.slice(1)).toEqual(items.slice(1));
    expect(errors.map(([id]) => id).sort()).toEqual(["missing", "private"]);
    expect(errors.find(([id]) => id === "missing")?.[1]).toBeInstanceOf(HttpStatusError);
    expect(errors.find(([id]) => id === "private")?.[1]).toBeInstanceOf(BlockedAddressError);
    // The long item was never fetched; the article page was fetched once, as HTML.
    expect(server.requests.filter((request) => request.url === "/article")).toHaveLength(1);
    expect(server.requests[0]?.headers.accept).toMatch(/^text\/html/);
  });
});
