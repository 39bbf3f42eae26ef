import type { fetch as undiciFetch } from "undici";
import {
  BlockedAddressError,
  BodyTooLargeError,
  FeedError,
  FetchTimeoutError,
  HttpStatusError,
  NetworkError,
  TooManyRedirectsError,
} from "./errors.ts";
import type { NetworkGuard } from "./network-guard.ts";
import { undici } from "./undici.ts";

/** Limits and conditional-GET validators for one request. */
export interface FetchOptions {
  /** Whole request: connection, every redirect hop and the body. Default 15 000. */
  timeoutMs?: number;
  /** Cap on the body after gzip/br decoding. Default 5 MB. */
  maxBytes?: number;
  /** Default 5; each hop is checked by the network guard again. */
  maxRedirects?: number;
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  userAgent?: string;
  accept?: string;
}

/** A 2xx or 304 answer. Anything else is thrown as a `FeedError`. */
export interface FetchResult {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The decoded (gzip/br) bytes; undefined on 304 Not Modified. */
  body: Buffer | undefined;
  etag?: string;
  lastModified?: string;
  retryAfterMs?: number;
}

/** What `pollFeed` and full-text enrichment call; `createGuardedFetch` builds one. */
export type FetchFunction = (url: string, options?: FetchOptions) => Promise<FetchResult>;

export const DEFAULT_FETCH_OPTIONS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: "newsdesk/0.1",
  accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
} as const;

/** Binds a guard and default limits (from settings) into a `FetchFunction`. */
export function createGuardedFetch(guard: NetworkGuard, defaults: FetchOptions = {}): FetchFunction {
  return (url, options) => fetchGuarded(url, { ...defaults, ...options, guard });
}

/**
 * GETs a URL through the network guard. Redirects are followed by hand so that each hop is
 * checked; the body is counted while it streams and the request is aborted at the cap, which
 * also stops gzip bombs. Throws `BlockedAddressError`, `FetchTimeoutError`, `BodyTooLargeError`,
 * `HttpStatusError`, `TooManyRedirectsError` or `NetworkError`.
 */
export async function fetchGuarded(
  url: string,
  options: FetchOptions & { guard: NetworkGuard },
): Promise<FetchResult> {
  const { guard } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_OPTIONS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_OPTIONS.maxRedirects;
  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? DEFAULT_FETCH_OPTIONS.userAgent,
    accept: options.accept ?? DEFAULT_FETCH_OPTIONS.accept,
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  let current = guard.checkUrl(url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new FetchTimeoutError(timeoutMs));
  }, timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await undici().fetch(current, {
        dispatcher: guard.dispatcher,
        redirect: "manual",
        signal: controller.signal,
        headers,
      });
      const responseHeaders = Object.fromEntries(response.headers);
      const retryAfterMs = parseRetryAfter(responseHeaders["retry-after"], responseHeaders.date);
      const status = response.status;

      if (status >= 300 && status < 400 && status !== 304) {
        await response.body?.cancel();
        const location = responseHeaders.location;
        if (!location) throw new HttpStatusError(status, "redirect without a Location header");
        if (hop >= maxRedirects) throw new TooManyRedirectsError(maxRedirects);
        // Assigned before the check so that a refusal names the hop that was refused.
        current = resolveLocation(location, current, status);
        guard.checkUrl(current);
        continue;
      }
      const result: FetchResult = { status, url: current.href, headers: responseHeaders, body: undefined };
      if (responseHeaders.etag) result.etag = responseHeaders.etag;
      if (responseHeaders["last-modified"]) result.lastModified = responseHeaders["last-modified"];
      if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
      if (status === 304) {
        await response.body?.cancel();
        return result;
      }
      if (status < 200 || status >= 300) {
        await response.body?.cancel();
        throw new HttpStatusError(status, response.statusText, retryAfterMs);
      }
      result.body = await readCapped(response, maxBytes, controller);
      return result;
    }
  } catch (error) {
    if (timedOut) throw new FetchTimeoutError(timeoutMs);
    throw translateError(error, current);
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Awaited<ReturnType<typeof undiciFetch>>,
  maxBytes: number,
  controller: AbortController,
): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const declared = Number(response.headers.get("content-length"));
  if (!response.headers.get("content-encoding") && declared > maxBytes) {
    controller.abort();
    throw new BodyTooLargeError(maxBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Aborting closes the socket and stops the decompressor: nothing more is read or inflated.
      controller.abort();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function resolveLocation(location: string, base: URL, status: number): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new HttpStatusError(status, `redirect to an invalid URL (${location})`);
  }
}

/** Retry-After as milliseconds: delta-seconds, or an HTTP date read against the server's Date. */
export function parseRetryAfter(value: string | undefined, serverDate?: string): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(reference) ? Date.now() : reference));
}

const NETWORK_MESSAGES: Record<string, string> = {
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found (DNS lookup failed)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_CONNECT_TIMEOUT: "could not connect (connect timeout)",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  Z_DATA_ERROR: "the compressed body is corrupt",
  Z_BUF_ERROR: "the compressed body is truncated",
};

/** Turns undici's `TypeError: fetch failed` (the real reason is in `cause`) into a `FeedError`. */
function translateError(error: unknown, url: URL): FeedError {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  const blocked = chain.find((e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blocked)
    return blocked.target === url.href ? blocked : new BlockedAddressError(url.href, blocked.reason);
  const known = chain.find((e): e is FeedError => e instanceof FeedError);
  if (known) return known;
  for (const e of chain) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    const message = NETWORK_MESSAGES[code];
    if (message) return new NetworkError(`${message} (${url.host})`, code, error);
    if (code.startsWith("ERR_TLS") || code.includes("CERT")) {
      return new NetworkError(`TLS certificate problem (${code})`, code, error);
    }
  }
  const deepest = chain[chain.length - 1];
  const detail = deepest instanceof Error ? deepest.message : String(deepest);
  return new NetworkError(`network error: ${detail}`, undefined, error);
}
