import { setFlagsFromString } from "node:v8";
import { type Config, type LoadConfigOptions, loadConfig, loadDotEnv } from "./config/load-config.ts";
import { createGuardedFetch, type FetchFunction } from "./feeds/fetch-url.ts";
import { createNetworkGuard, type NetworkGuard } from "./feeds/network-guard.ts";
import { createLogger, type Logger } from "./log/logger.ts";
import { openStore, type Store } from "./store/store.ts";
import { checkQuery } from "./topics/query-parser.ts";

/**
 * The composition root: the one place that builds the store, the guarded fetcher and the
 * logger from the validated configuration, and hands them to whatever runs (CLI, bot, bench).
 */
export interface App {
  config: Config;
  store: Store;
  logger: Logger;
  guard: NetworkGuard;
  fetch: FetchFunction;
  now: () => Date;
  close(): Promise<void>;
}

export interface CreateAppOptions extends LoadConfigOptions {
  logger?: Logger;
  now?: () => Date;
  /** Read `.env` first (the CLI does; tests pass `env` instead). */
  dotEnv?: boolean;
}

export async function createApp(options: CreateAppOptions = {}): Promise<App> {
  if (options.dotEnv) loadDotEnv();
  const config = loadConfig({ validateTopicQuery: checkQuery, ...options });
  const logger = options.logger ?? createLogger({ level: config.env.LOG_LEVEL });
  const store = await openStore(config.env.STORE_URL);
  const guard = createNetworkGuard({ allowHosts: config.allowHosts });
  const { limits, userAgent } = config.settings;
  const fetch = createGuardedFetch(guard, {
    timeoutMs: limits.fetchTimeoutMs,
    maxBytes: limits.maxBodyBytes,
    maxRedirects: limits.maxRedirects,
    userAgent,
  });
  return {
    config,
    store,
    logger,
    guard,
    fetch,
    now: options.now ?? (() => new Date()),
    close: async () => {
      await guard.close();
      await store.close();
    },
  };
}

/**
 * How far V8 lets the heap grow past what survived its last full collection before it collects
 * again. Left to itself V8 picks up to 4× for a program that allocates fast, as a poll does: the
 * bench's 20 000-item cold poll (src/bench) peaks at 717–729 MB of RSS without this limit, and at
 * 485–494 MB with it, for 10–25 % more CPU time (two runs each, on a shared machine).
 */
const HEAP_GROWING_PERCENT = 30;

/** Applies {@link HEAP_GROWING_PERCENT} to this process: the CLI and bot, the benchmark's phases. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
