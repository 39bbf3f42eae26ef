import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** An RSS item for fixture feeds. */
export interface FixtureItem {
  guid: string;
  title: string;
  text: string;
  published: string;
  link?: string;
}

export function rssFeed(title: string, items: FixtureItem[], lang = "en"): string {
  const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const entries = items
    .map(
      (
        i,
      ) => `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link ?? `https://news.example/${i.guid}`)}</link>
<guid>${escapeXml(i.guid)}</guid><pubDate>${new Date(i.published).toUTCString()}</pubDate>
<description>${escapeXml(i.text)}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title>
<link>https://news.example/</link><language>${lang}</language>${entries}</channel></rss>`;
}

/** Serves named bodies on 127.0.0.1; `set` changes what a path serves (a feed gaining items). */
export interface FeedServer {
  url(name: string): string;
  set(name: string, body: string | Buffer): void;
  requests: { path: string; headers: Record<string, string | string[] | undefined> }[];
  close(): Promise<void>;
}

export async function startFeedServer(bodies: Record<string, string | Buffer> = {}): Promise<FeedServer> {
  const files = new Map(Object.entries(bodies));
  const requests: FeedServer["requests"] = [];
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1);
    requests.push({ path: name, headers: req.headers });
    const body = files.get(name);
    if (body === undefined) {
      res.writeHead(404).end("not found");
      return;
    }
    const etag = `"${Buffer.from(body).length}-${hash(body.toString("latin1"))}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304).end();
      return;
    }
    const type = typeof body === "string" ? "application/rss+xml; charset=utf-8" : "application/xml";
    res.writeHead(200, { "content-type": type, etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    set: (name, body) => files.set(name, body),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** A configuration folder for tests: the shipped topics and settings, the given feeds. */
export function writeConfig(
  feeds: { url: string; title?: string; lang?: string }[],
  extra: Record<string, string> = {},
): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-config-"));
  const yamlFeeds = feeds
    .map(
      (f) =>
        `  - url: ${f.url}\n${f.title ? `    title: ${f.title}\n` : ""}${f.lang ? `    lang: ${f.lang}\n` : ""}`,
    )
    .join("");
  writeFileSync(path.join(dir, "feeds.yaml"), yamlFeeds ? `feeds:\n${yamlFeeds}` : "feeds: []\n");
  writeFileSync(
    path.join(dir, "settings.yaml"),
    extra["settings.yaml"] ??
      "limits:\n  fetchTimeoutMs: 5000\n  fullTextMinWords: 0\n  maxItemAgeDays: 36500\n",
  );
  for (const [name, text] of Object.entries(extra))
    if (name !== "settings.yaml") writeFileSync(path.join(dir, name), text);
  if (!extra["topics.yaml"]) {
    writeFileSync(path.join(dir, "topics.yaml"), readShipped("topics.yaml"));
  }
  return dir;
}

function readShipped(name: string): string {
  return readFileSync(path.resolve("config", name), "utf8");
}

export function tempStoreUrl(): string {
  return `sqlite://${path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-store-")), "newsdesk.sqlite")}`;
}
