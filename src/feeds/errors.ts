/**
 * The ways reading a feed can fail. Each message is written for the person reading `/status` or
 * `feeds list`; `kind` is for code that decides what to do (back off, disable, show).
 */

export type FeedErrorKind =
  | "blocked"
  | "timeout"
  | "too-large"
  | "http-status"
  | "too-many-redirects"
  | "network"
  | "parse";

/** Base class of every error the feeds module throws or records. */
export class FeedError extends Error {
  readonly kind: FeedErrorKind;

  constructor(kind: FeedErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.kind = kind;
  }
}

/** The URL is not http(s), or its address is loopback, private, link-local or otherwise reserved. */
export class BlockedAddressError extends FeedError {
  /** The URL (or, when refused at connect time, the hostname) that was refused. */
  readonly target: string;
  readonly reason: string;

  constructor(target: string, reason: string) {
    super("blocked", `refused ${target}: ${reason}`);
    this.target = target;
    this.reason = reason;
  }
}

/** The whole request (connection, redirects and body) took longer than allowed. */
export class FetchTimeoutError extends FeedError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super("timeout", `timed out after ${formatDuration(timeoutMs)}`);
    this.timeoutMs = timeoutMs;
  }
}

/** The body, counted after gzip/br decoding, passed the size cap. */
export class BodyTooLargeError extends FeedError {
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super("too-large", `body larger than ${formatBytes(maxBytes)}`);
    this.maxBytes = maxBytes;
  }
}

/** The server answered with an error status (4xx/5xx, or a 3xx without a usable Location). */
export class HttpStatusError extends FeedError {
  readonly status: number;
  /** From `Retry-After`, when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, statusText: string, retryAfterMs?: number) {
    // The reason phrase comes from the server: keep it short, it is shown to users.
    const reason = statusText.replace(/\s+/g, " ").trim().slice(0, 80);
    super("http-status", reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export class TooManyRedirectsError extends FeedError {
  constructor(maxRedirects: number) {
    super("too-many-redirects", `more than ${maxRedirects} redirects`);
  }
}

/** DNS failure, refused or reset connection, TLS problem. */
export class NetworkError extends FeedError {
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, cause: unknown) {
    super("network", message, { cause });
    this.code = code;
  }
}

/** The body is not an RSS or Atom feed, or is not well-formed XML. */
export class FeedParseError extends FeedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("parse", message, options);
  }
}

/** "500 ms", "15 s", "1.5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** "5 MB", "512 KB", "100 bytes" (binary units, as the limits are configured). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  return `${bytes} bytes`;
}
