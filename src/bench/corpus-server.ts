import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One document the server serves at `path`. */
export interface ServedFeed {
  path: string;
  body: string;
  contentType: string;
}

/** What the server answered so far: the benchmark checks the warm poll really got 304s. */
export interface ServerCounts {
  requests: number;
  ok: number;
  notModified: number;
  notFound: number;
  bytes: number;
}

export interface CorpusServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  urlOf(path: string): string;
  counts: ServerCounts;
  resetCounts(): void;
  close(): Promise<void>;
}

interface Entry {
  body: Buffer;
  etag: string;
  contentType: string;
}

/**
 * Serves the corpus from 127.0.0.1 on a free port, as a well-behaved feed host does: a strong
 * ETag per body and `304 Not Modified` when If-None-Match names it (or `*`), Last-Modified
 * fixed at `lastModified`. Bodies are encoded once up front so that serving costs the same for
 * the baseline and for newsdesk.
 */
export async function startCorpusServer(
  feeds: readonly ServedFeed[],
  lastModified: string,
): Promise<CorpusServer> {
  const entries = new Map<string, Entry>();
  for (const feed of feeds) {
    const body = Buffer.from(feed.body, "utf8");
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;
    entries.set(feed.path, { body, etag, contentType: feed.contentType });
  }
  const modified = new Date(lastModified).toUTCString();
  const counts: ServerCounts = { requests: 0, ok: 0, notModified: 0, notFound: 0, bytes: 0 };
  const server = createServer((request, response) => {
    counts.requests++;
    answer(entries.get(request.url ?? ""), request, response, modified, counts);
  });
  // Pollers keep connections alive between feeds; the default 5 s is shorter than a cold poll.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (path) => `${origin}${path}`,
    counts,
    resetCounts: () => {
      Object.assign(counts, { requests: 0, ok: 0, notModified: 0, notFound: 0, bytes: 0 });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(
  entry: Entry | undefined,
  request: IncomingMessage,
  response: ServerResponse,
  modified: string,
  counts: ServerCounts,
): void {
  if (!entry || (request.method !== "GET" && request.method !== "HEAD")) {
    counts.notFound++;
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const headers = { etag: entry.etag, "last-modified": modified, "cache-control": "max-age=0" };
  if (matchesEtag(request.headers["if-none-match"], entry.etag)) {
    counts.notModified++;
    response.writeHead(304, headers).end();
    return;
  }
  counts.ok++;
  counts.bytes += entry.body.length;
  response.writeHead(200, {
    ...headers,
    "content-type": entry.contentType,
    "content-length": entry.body.length,
  });
  response.end(request.method === "HEAD" ? undefined : entry.body);
}

/** If-None-Match is a list of tags, weak (`W/"…"`) or strong, or `*` (RFC 9110 §13.1.2: weak comparison). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value.replace(/^W\//, "") === etag;
  });
}
