import { once } from "node:events";
import { type Client, DiscordjsErrorCodes, Events } from "discord.js";
import type { Logger } from "../log/logger.ts";

/** Delays between login attempts: doubled after each failure, capped. */
export interface LoginBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_LOGIN_BACKOFF: LoginBackoff = { initialMs: 5_000, maxMs: 10 * 60_000 };

/**
 * Logs a client in and waits until it is ready, retrying failures with exponential backoff:
 * Discord resets a bot's token after 1 000 identifies in a day, so a crash loop or an outage
 * must never turn into an identify storm. Each attempt gets a new client from `createClient`,
 * because discord.js destroys a client whose login failed and a destroyed client never
 * reconnects. Resolves with the ready client, or undefined when `signal` aborts first.
 */
export async function loginWithBackoff(
  createClient: () => Client,
  token: string,
  options: { backoff?: LoginBackoff; logger: Logger; signal: AbortSignal },
): Promise<Client | undefined> {
  const backoff = options.backoff ?? DEFAULT_LOGIN_BACKOFF;
  let delay = backoff.initialMs;
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    const client = createClient();
    const attemptDone = new AbortController();
    const stop = () => attemptDone.abort();
    options.signal.addEventListener("abort", stop, { once: true });
    try {
      const ready = once(client, Events.ClientReady, { signal: attemptDone.signal });
      ready.catch(() => {});
      await client.login(token);
      await ready;
      if (attempt > 1) options.logger.info("logged in to Discord", { attempt });
      return client;
    } catch (error) {
      await client.destroy().catch(() => {});
      if (options.signal.aborted) return undefined;
      options.logger.error("Discord login failed; retrying later", {
        attempt,
        retryInMs: delay,
        error,
        ...(isInvalidToken(error)
          ? { hint: "check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)" }
          : {}),
      });
      await sleep(delay, options.signal);
      delay = Math.min(backoff.maxMs, delay * 2);
    } finally {
      attemptDone.abort();
      options.signal.removeEventListener("abort", stop);
    }
  }
  return undefined;
}

function isInvalidToken(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    code === DiscordjsErrorCodes.TokenInvalid ||
    code === 4004 ||
    (error as { status?: number })?.status === 401
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
