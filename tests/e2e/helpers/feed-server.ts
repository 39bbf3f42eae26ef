/** RSS feeds served from 127.0.0.1 (node:http), changeable between polls, for end-to-end tests. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FeedItem {
  guid: string;
  title: string;
  text: string;
  /** ISO date; default: now. */
  published?: string;
}

export interface FeedServer {
  origin: string;
  /** The URL a path is served at. */
  url(path: string): string;
  /** Serves an RSS 2.0 feed at `path` (replacing what was there). */
  setFeed(path: string, title: string, items: FeedItem[]): void;
  /** Answers `path` with this HTTP status from now on (a broken feed). */
  failWith(path: string, status: number): void;
  /** How many times each path was requested. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const bodies = new Map<string, { status: number; body: string }>();
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const found = bodies.get(path);
    if (!found) {
      response.writeHead(404).end("not found");
      return;
    }
    response
      .writeHead(found.status, { "content-type": "application/rss+xml; charset=utf-8" })
      .end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    setFeed(path, title, items) {
      bodies.set(path, { status: 200, body: renderRss(title, `${origin}${path}`, items) });
    },
    failWith(path, status) {
      bodies.set(path, { status, body: "broken" });
    },
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function renderRss(title: string, self: string, items: FeedItem[]): string {
  const now = new Date().toUTCString();
  const entries = items.map(
    (item) => `<item>
  <title>${xml(item.title)}</title>
  <link>${xml(`${self}/${encodeURIComponent(item.guid)}`)}</link>
  <guid isPermaLink="false">${xml(item.guid)}</guid>
  <pubDate>${item.published ? new Date(item.published).toUTCString() : now}</pubDate>
  <description>${xml(item.text)}</description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${xml(title)}</title><link>${xml(self)}</link><description>test feed</description><language>en</language>
${entries.join("\n")}
</channel></rss>`;
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
