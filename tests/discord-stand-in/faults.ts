/**
 * Injected REST faults and the rate-limit headers @discordjs/rest reads. A 429 carries
 * `Retry-After` (seconds; fractions are allowed here so tests stay quick), the `X-RateLimit-*`
 * bucket headers, `X-RateLimit-Scope`, `X-RateLimit-Global` when global, and Discord's JSON body.
 */
import { createHash } from "node:crypto";
import type { RouteResult } from "./errors.ts";
import { matchesRequest } from "./router.ts";
import type { Fault, RouteMatcher } from "./types.ts";

const DEFAULT_RETRY_AFTER_SECONDS = 0.1;

const KNOWN_MESSAGES: Record<number, string> = {
  0: "",
  10003: "Unknown Channel",
  10004: "Unknown Guild",
  10008: "Unknown Message",
  10062: "Unknown interaction",
  40060: "Interaction has already been acknowledged.",
  50001: "Missing Access",
  50013: "Missing Permissions",
  50035: "Invalid Form Body",
};

interface PendingFault {
  matcher: RouteMatcher;
  fault: Fault;
  remaining: number;
}

export function createFaults() {
  let pending: PendingFault[] = [];
  return {
    add(matcher: RouteMatcher, fault: Fault, times: number): void {
      if (!(times > 0)) throw new Error(`stand-in: failNext needs times > 0, got ${times}`);
      pending.push({ matcher, fault, remaining: times });
    },
    /** The first pending fault for this request, used up by one. */
    take(method: string, path: string): Fault | undefined {
      const hit = pending.find((entry) => matchesRequest(entry.matcher, method, path));
      if (!hit) return undefined;
      hit.remaining--;
      if (hit.remaining <= 0) pending = pending.filter((entry) => entry !== hit);
      return hit.fault;
    },
    clear(): void {
      pending = [];
    },
  };
}

/** An opaque, stable bucket id per route, like Discord's `X-RateLimit-Bucket`. */
export function bucketOf(routeKey: string): string {
  return createHash("sha1").update(routeKey).digest("hex").slice(0, 16);
}

/** Headers of an ordinary answer: a bucket with room left, so the client never waits. */
export function rateLimitHeaders(routeKey: string): Record<string, string> {
  return {
    "X-RateLimit-Bucket": bucketOf(routeKey),
    "X-RateLimit-Limit": "5",
    "X-RateLimit-Remaining": "4",
    "X-RateLimit-Reset": ((Date.now() + 1000) / 1000).toFixed(3),
    "X-RateLimit-Reset-After": "1.000",
  };
}

export function faultResponse(fault: Fault, routeKey: string): RouteResult {
  if (fault.status === 429) return rateLimited(fault as Extract<Fault, { status: 429 }>, routeKey);
  const code = "code" in fault && fault.code !== undefined ? fault.code : 0;
  const message =
    ("message" in fault ? fault.message : undefined) ??
    (KNOWN_MESSAGES[code] || `${fault.status}: ${fault.status >= 500 ? "Internal Server Error" : "Error"}`);
  return { status: fault.status, body: { message, code } };
}

function rateLimited(fault: Extract<Fault, { status: 429 }>, routeKey: string): RouteResult {
  const retryAfter = fault.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS;
  const global = fault.global === true;
  return {
    status: 429,
    headers: {
      "Retry-After": String(retryAfter),
      "X-RateLimit-Bucket": bucketOf(routeKey),
      "X-RateLimit-Limit": "5",
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
      "X-RateLimit-Reset-After": String(retryAfter),
      "X-RateLimit-Scope": fault.scope ?? (global ? "global" : "user"),
      ...(global ? { "X-RateLimit-Global": "true" } : {}),
    },
    body: { message: "You are being rate limited.", retry_after: retryAfter, global },
  };
}
