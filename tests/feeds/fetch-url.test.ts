import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { createGzip, gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  BlockedAddressError,
  BodyTooLargeError,
  FetchTimeoutError,
  HttpStatusError,
  NetworkError,
  TooManyRedirectsError,
} from "../../src/feeds/errors.ts";
import { createGuardedFetch, fetchGuarded, parseRetryAfter } from "../../src/feeds/fetch-url.ts";
import { createNetworkGuard, type NetworkGuard } from "../../src/feeds/network-guard.ts";
import { countClientSockets, rssFeed, startServer, type TestServer } from "./feed-server.ts";

const MB = 1024 * 1024;
const FEED = rssFeed("Local news", [{ guid: "a1", title: "First story" }]);

let guard: NetworkGuard;
let servers: TestServer[] = [];

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

/** Writes `totalBytes` from one reused chunk, respecting backpressure, until the client leaves. */
async function streamBytes(response: ServerResponse, chunk: Buffer, totalBytes: number): Promise<void> {
  for (let sent = 0; sent < totalBytes && !response.destroyed; sent += chunk.length) {
    if (!response.write(chunk)) {
      await Promise.race([once(response, "drain"), once(response, "close")]);
    }
  }
  response.end();
}

beforeAll(() => {
  guard = createNetworkGuard({ allowHosts: ["127.0.0.1"] });
});

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

afterAll(async () => {
  await guard.close();
});

describe("fetchGuarded", () => {
  it("returns the body, final URL, validators and sends the polite User-Agent", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, {
        "content-type": "application/rss+xml",
        etag: '"v1"',
        "last-modified": "Mon, 14 Sep 2020 08:00:00 GMT",
      });
      response.end(FEED);
    });
    const result = await fetchGuarded(`${server.origin}/feed`, {
      guard,
      userAgent: "newsdesk-test/1 (+https://example.org)",
    });
    expect(result).toMatchObject({
      status: 200,
      url: `${server.origin}/feed`,
      etag: '"v1"',
      lastModified: "Mon, 14 Sep 2020 08:00:00 GMT",
    });
    expect(result.body?.toString("utf8")).toBe(FEED);
    expect(result.headers["content-type"]).toBe("application/rss+xml");
    expect(server.requests[0]?.headers["user-agent"]).toBe("newsdesk-test/1 (+https://example.org)");
  });

  it("sends If-None-Match and If-Modified-Since, and a 304 has no body", async () => {
    const server = await serve((request, response) => {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
        return;
      }
      response.writeHead(200, { etag: '"v1"' });
      response.end(FEED);
    });
    const result = await fetchGuarded(server.origin, {
      guard,
      etag: '"v1"',
      lastModified: "Mon, 14 Sep 2020 08:00:00 GMT",
    });
    expect(result.status).toBe(304);
    expect(result.body).toBeUndefined();
    expect(server.requests[0]?.headers["if-modified-since"]).toBe("Mon, 14 Sep 2020 08:00:00 GMT");
  });

  it("decodes a gzip-encoded body", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-encoding": "gzip" });
      response.end(gzipSync(FEED));
    });
    const result = await fetchGuarded(server.origin, { guard });
    expect(result.body?.toString("utf8")).toBe(FEED);
  });

  it("follows redirects, each hop checked, and reports the final URL", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/old") response.writeHead(301, { location: "/moved" }).end();
      else if (request.url === "/moved") response.writeHead(302, { location: `${server.origin}/feed` }).end();
      else response.end(FEED);
    });
    const result = await fetchGuarded(`${server.origin}/old`, { guard });
    expect(result.url).toBe(`${server.origin}/feed`);
    expect(server.requests.map((request) => request.url)).toEqual(["/old", "/moved", "/feed"]);
  });

  it("refuses a redirect to a private or metadata address without connecting to it", async () => {
    for (const target of [
      "http://10.0.0.1/feed",
      "http://169.254.169.254/latest/meta-data/",
      "file:///etc/passwd",
    ]) {
      const server = await serve((_request, response) => {
        response.writeHead(302, { location: target }).end();
      });
      const sockets = countClientSockets();
      const error = await fetchGuarded(server.origin, { guard }).catch((e: unknown) => e);
      sockets.stop();
      expect(error, target).toBeInstanceOf(BlockedAddressError);
      expect((error as Error).message).toContain(`refused ${target}`);
      // The only socket opened was the one to the feed server itself.
      expect(sockets.count).toBe(server.connections);
    }
  });

  it("stops after maxRedirects hops", async () => {
    const server = await serve((request, response) => {
      const n = Number(request.url?.slice(1)) || 0;
      response.writeHead(307, { location: `/${n + 1}` }).end();
    });
    await expect(fetchGuarded(`${server.origin}/0`, { guard, maxRedirects: 3 })).rejects.toBeInstanceOf(
      TooManyRedirectsError,
    );
    expect(server.requests).toHaveLength(4);
  });

  it("throws an HTTP error with the status and the server's Retry-After", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(503, { "retry-after": "120" }).end("busy");
    });
    const error = await fetchGuarded(server.origin, { guard }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({
      status: 503,
      retryAfterMs: 120_000,
      message: "HTTP 503 Service Unavailable",
    });
  });

  it("reads Retry-After as seconds or as an HTTP date against the server's clock", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:30:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT")).toBe(120_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it("times out a server that sends one byte a second, with a readable message", async () => {
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      for (let i = 0; i < 60 && !response.destroyed; i++) {
        response.write("<");
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      response.end();
    });
    const error = await fetchGuarded(server.origin, { guard, timeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchTimeoutError);
    expect((error as Error).message).toBe("timed out after 500 ms");
  });

  it("times out a server that never answers", async () => {
    const server = await serve(() => {
      // Accept the request and say nothing.
    });
    await expect(fetchGuarded(server.origin, { guard, timeoutMs: 300 })).rejects.toThrow(
      "timed out after 300 ms",
    );
  });

  it("reports a refused connection as a network error", async () => {
    const server = await serve((_request, response) => response.end());
    const origin = server.origin;
    await server.close();
    servers = [];
    const error = await fetchGuarded(origin, { guard }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(`connection refused (127.0.0.1:${server.port})`);
  });

  it("aborts a 50 MB body at the 5 MB cap with bounded memory", async () => {
    const chunk = Buffer.alloc(MB, "a");
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      await streamBytes(response, chunk, 50 * MB);
    });
    const before = process.memoryUsage().rss;
    const error = await fetchGuarded(server.origin, { guard }).catch((e: unknown) => e);
    const growth = process.memoryUsage().rss - before;
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as Error).message).toBe("body larger than 5 MB");
    expect(growth).toBeLessThan(25 * MB);
  });

  it("refuses a declared Content-Length over the cap before reading the body", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-length": String(6 * MB) });
      response.end(Buffer.alloc(6 * MB));
    });
    await expect(fetchGuarded(server.origin, { guard })).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("aborts a gzip bomb at the cap counted after decoding, with bounded memory", async () => {
    // 200 MB of zeros compresses to about 200 KB.
    const gzip = createGzip();
    const compressed: Buffer[] = [];
    gzip.on("data", (part: Buffer) => compressed.push(part));
    const zeros = Buffer.alloc(MB);
    for (let i = 0; i < 200; i++) {
      if (!gzip.write(zeros)) await once(gzip, "drain");
    }
    gzip.end();
    await once(gzip, "end");
    const bomb = Buffer.concat(compressed);
    expect(bomb.length).toBeLessThan(MB);

    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-encoding": "gzip", "content-length": String(bomb.length) });
      response.end(bomb);
    });
    const fetchFeed = createGuardedFetch(guard, { maxBytes: 5 * MB });
    const before = process.memoryUsage().rss;
    const error = await fetchFeed(server.origin).catch((e: unknown) => e);
    const growth = process.memoryUsage().rss - before;
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(growth).toBeLessThan(30 * MB);
  });
});
