/**
 * The REST half: `/api/v10/...` over node:http. For each request, in order: find the route
 * (unknown → 404, logged), read the body (JSON or multipart with `payload_json`), check
 * `Authorization: Bot <token>` (401), apply an injected fault, run the route, wait the injected
 * latency, answer with Discord's rate-limit headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errors, type RouteResult } from "./errors.ts";
import { createFaults, faultResponse, rateLimitHeaders } from "./faults.ts";
import { findRoute, type Route, type UploadedFile } from "./router.ts";
import type { StandInState } from "./state.ts";
import type { RequestRecord } from "./types.ts";

const API_PREFIX = "/api/v10";

/** The REST request handler plus the records and fault queue the stand-in exposes. */
export interface RestServer {
  handle(request: IncomingMessage, response: ServerResponse): void;
  faults: ReturnType<typeof createFaults>;
  requests: RequestRecord[];
  unhandled: string[];
  setLatency(ms: number): void;
  /** Releases responses held back by latency. */
  close(): void;
}

export function createRestServer(state: StandInState, routes: Route[]): RestServer {
  const faults = createFaults();
  const requests: RequestRecord[] = [];
  const unhandled: string[] = [];
  const held = new Map<NodeJS.Timeout, () => void>();
  let latencyMs = 0;

  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        held.delete(timer);
        resolve();
      }, ms);
      held.set(timer, resolve);
    });

  const answer = async (
    request: IncomingMessage,
  ): Promise<{ result: RouteResult; record?: RequestRecord }> => {
    const method = (request.method ?? "GET").toUpperCase();
    const url = new URL(request.url ?? "/", "http://stand-in.invalid");
    const raw = await readBody(request);
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) return { result: notFound(method, url.pathname) };
    const path = url.pathname.slice(API_PREFIX.length);
    const lookup = findRoute(routes, method, path);
    if (lookup.kind === "none") return { result: notFound(method, path) };
    if (lookup.kind === "wrong-method") return { result: errors.methodNotAllowed() };
    const { route, params } = lookup;

    let parsed: { body: unknown; files: UploadedFile[] };
    try {
      parsed = await parseBody(raw, request.headers["content-type"]);
    } catch {
      return {
        result: { status: 400, body: { message: "The request body contains invalid JSON.", code: 50109 } },
      };
    }
    const record: RequestRecord = { method, path, query: url.search, body: parsed.body, status: 0 };
    const routeKey = `${method} ${route.pattern}`;
    if (route.auth && request.headers.authorization !== `Bot ${state.config.token}`) {
      return { result: errors.unauthorized(), record };
    }
    const fault = faults.take(method, path);
    if (fault && !("afterHandling" in fault && fault.afterHandling)) {
      return { result: faultResponse(fault, routeKey), record };
    }
    let result: RouteResult;
    try {
      result = await route.handle({ method, path, params, query: url.searchParams, ...parsed });
    } catch (error) {
      state.config.log(
        `stand-in: ${routeKey} threw: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return { result: errors.internal(), record };
    }
    if (fault) return { result: faultResponse(fault, routeKey), record };
    return { result: { ...result, headers: { ...rateLimitHeaders(routeKey), ...result.headers } }, record };
  };

  const notFound = (method: string, path: string): RouteResult => {
    unhandled.push(`${method} ${path}`);
    state.config.log(`stand-in: no route for ${method} ${path}`);
    return errors.notFound();
  };

  return {
    faults,
    requests,
    unhandled,
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    handle(request, response) {
      void answer(request)
        .then(async ({ result, record }) => {
          if (record) {
            record.status = result.status;
            requests.push(record);
          }
          if (latencyMs > 0) await hold(latencyMs);
          if (response.destroyed || response.writableEnded) return;
          const body = result.body === undefined ? undefined : JSON.stringify(result.body);
          response.writeHead(result.status, {
            ...result.headers,
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          });
          response.end(body);
        })
        .catch((error: unknown) => {
          state.config.log(
            `stand-in: request failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          response.destroy();
        });
    },
    close() {
      for (const [timer, release] of held) {
        clearTimeout(timer);
        release();
      }
      held.clear();
    },
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** JSON, or multipart/form-data as discord.js sends files: `payload_json` plus `files[n]` parts. */
async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType?.startsWith("multipart/form-data"))
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  const form = await new Response(raw, { headers: { "Content-Type": contentType } }).formData();
  let body: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string")
      files.push({ name: value.name, size: value.size, contentType: value.type });
    else if (key === "payload_json") body = { ...body, ...(JSON.parse(value) as Record<string, unknown>) };
    else body[key] = value;
  }
  return { body, files };
}
