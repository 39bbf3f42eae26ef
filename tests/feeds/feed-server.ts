import dc from "node:diagnostics_channel";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP server on 127.0.0.1 (port 0) for feed tests, with what it saw. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  /** Requests received so far, in order. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** May return anything (e.g. `response.end()`); a rejected promise destroys the response. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export async function startServer(handler: Handler): Promise<TestServer> {
  const server = createServer((request, response) => {
    state.requests.push({ url: request.url ?? "", headers: request.headers });
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  const state: TestServer = {
    origin: "",
    port: 0,
    connections: 0,
    requests: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on("connection", () => {
    state.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://127.0.0.1:${state.port}`;
  return state;
}

/** Counts client sockets this process creates (net.connect/tls.connect) while it is active. */
export function countClientSockets(): { readonly count: number; stop(): void } {
  let count = 0;
  const listener = (): void => {
    count++;
  };
  dc.subscribe("net.client.socket", listener);
  return {
    get count() {
      return count;
    },
    stop: () => dc.unsubscribe("net.client.socket", listener),
  };
}

/** A minimal RSS 2 document with the given items. */
export function rssFeed(title: string, items: { guid: string; title: string; text?: string }[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://news.example/${item.guid}</link>` +
        `<description>${item.text ?? item.title}</description></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}
