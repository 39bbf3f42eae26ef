/**
 * Route table matching. Patterns are written as in Discord's docs with `:name` segments, relative
 * to `/api/v10`; the same syntax selects requests for fault injection.
 */
import type { RouteResult } from "./errors.ts";
import type { RouteMatcher } from "./types.ts";

/** A file part of a multipart request, as recorded (contents are not kept). */
export interface UploadedFile {
  name: string;
  size: number;
  contentType: string;
}

/** What a route handler receives about one request. */
export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (or `payload_json` of a multipart body); undefined when there was none. */
  body: unknown;
  files: UploadedFile[];
}

/** One REST route: method, `:param` pattern below `/api/v10`, and its handler. */
export interface Route {
  method: string;
  pattern: string;
  /** Whether `Authorization: Bot <token>` is required (interaction and webhook routes use their token instead). */
  auth: boolean;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
}

/** Returns the `:name` parameters when `path` fits `pattern`, else undefined. `*` matches any one segment. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const have = path.split("/");
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index++) {
    const expected = want[index] ?? "";
    const actual = decodeURIComponent(have[index] ?? "");
    if (expected.startsWith(":")) params[expected.slice(1)] = actual;
    else if (expected !== "*" && expected !== actual) return undefined;
  }
  return params;
}

export type RouteLookup =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method" }
  | { kind: "none" };

export function findRoute(routes: Route[], method: string, path: string): RouteLookup {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { kind: "found", route, params };
    pathKnown = true;
  }
  return pathKnown ? { kind: "wrong-method" } : { kind: "none" };
}

/** Whether a request fits a fault matcher: `"POST /channels/:id/messages"`, `"/gateway/bot"`, a RegExp or a predicate. */
export function matchesRequest(matcher: RouteMatcher, method: string, path: string): boolean {
  if (typeof matcher === "function") return matcher({ method, path });
  if (matcher instanceof RegExp) return matcher.test(`${method} ${path}`);
  const [first, second] = matcher.trim().split(/\s+/, 2);
  const pattern = second ?? first ?? "";
  const wantedMethod = second === undefined ? "*" : (first ?? "*").toUpperCase();
  if (wantedMethod !== "*" && wantedMethod !== method) return false;
  return matchPattern(pattern, path) !== undefined;
}
