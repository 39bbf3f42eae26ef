import { Client, Events, GatewayCloseCodes, GatewayIntentBits } from "discord.js";
import { COMMANDS } from "../../commands/index.ts";
import { pauseGuild, unsubscribe } from "../actions/subscriptions.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import { rememberGuildLocale } from "../pipeline/deliver.ts";
import { openFactBase } from "../pipeline/fact-base.ts";
import { createScheduler, type Scheduler } from "../scheduler/scheduler.ts";
import { createPostingCycles, type PostingCycles } from "./bot-cycles.ts";
import type { BotContext } from "./command-kit.ts";
import { syncCommands } from "./deploy-commands.ts";
import { type LoginBackoff, loginWithBackoff } from "./login.ts";
import { createDiscordSender } from "./poster.ts";
import { createInteractionRouter } from "./router.ts";

/**
 * Bot mode: one process runs the gateway client (slash commands), the scheduler (polls and
 * each guild's digest) and the poster. Start-up, in order: log in (with backoff) → keep the slash
 * commands registered (syncCommands) → resend what the outbox still holds → schedule polls and
 * digests (a digest missed while down is posted
 * now) → poll once. Shutdown, in order: stop the schedules → let the send in flight finish
 * (later sends stay pending for the next start) → wait for the work in flight, at most
 * `shutdownGraceMs` → disconnect. The caller closes the store.
 */

export interface BotOptions {
  /** Poll once right after start-up (default true). */
  pollAtStart?: boolean;
  loginBackoff?: LoginBackoff;
  /** How long shutdown waits for a poll, digest or command in flight (default 6 s). */
  shutdownGraceMs?: number;
  /** Aborting it stops a start-up still trying to log in. */
  signal?: AbortSignal;
  /**
   * Discord stopped accepting the token while running (a REST 401, or the gateway closing with
   * 4004): the bot can neither post nor answer. `runBot` stops and exits 1.
   */
  onTokenRefused?: (reason: string) => void;
  /** Delays of the quick redeliveries after a send fails for now (default RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
}

/** A running bot. */
export interface Bot {
  client: Client;
  context: BotContext & { scheduler: Scheduler };
  cycles: PostingCycles;
  /** Settles when the start-up work (resend, catch-up digests, first poll) is done. */
  started: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the bot; resolves once it is logged in, or undefined when `signal` aborted first. */
export async function startBot(app: App, options: BotOptions = {}): Promise<Bot | undefined> {
  const token = app.config.env.DISCORD_TOKEN;
  if (!token) throw new UserError("discord.no-token");
  const logger = app.logger.child({ component: "bot" });
  const facts = openFactBase(app);
  // The posting cycles need the logged-in client's REST; the scheduler only calls them later.
  let cycles: PostingCycles | undefined;
  const cyclesNow = () => {
    if (!cycles) throw new Error("the bot is not logged in yet");
    return cycles;
  };
  const { schedules } = app.config.settings;
  const scheduler = createScheduler({
    pollCron: schedules.poll,
    timezone: schedules.timezone,
    catchUpHours: schedules.catchUpHours,
    runPoll: () => cyclesNow().poll(),
    listDigestSchedules: async () =>
      (await app.store.guilds.list()).map((g) => ({
        guildId: g.guildId,
        cron: g.digestCron,
        timezone: g.timezone,
        ...(g.lastDigestAt ? { lastDigestAt: g.lastDigestAt } : {}),
      })),
    runDigest: (guildId) => cyclesNow().digest(guildId),
    logger,
  });
  const context = { app, facts, scheduler };

  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, what: string) => {
    const run = work.catch((error: unknown) => logger.error(`${what} failed`, { error }));
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };
  const route = createInteractionRouter(COMMANDS, context, logger);
  let refused = false;
  const tokenRefused = (reason: string) => {
    if (refused) return;
    refused = true;
    logger.error("Discord refused the bot's token; stopping", {
      reason,
      hint: "check DISCORD_TOKEN (Developer Portal → Bot → Reset Token)",
    });
    options.onTokenRefused?.(reason);
  };
  const api = app.config.env.DISCORD_API_URL;
  const createClient = () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: { parse: [] },
      ...(api ? { rest: { api } } : {}),
    });
    client.on(Events.InteractionCreate, (interaction) => track(route(interaction), "interaction"));
    client.on(Events.GuildCreate, (guild) =>
      track(rememberGuildLocale(app, guild.id, guild.preferredLocale), "guild locale"),
    );
    // A server that changes its language gets its next posts in the new one.
    client.on(Events.GuildUpdate, (_before, guild) =>
      track(rememberGuildLocale(app, guild.id, guild.preferredLocale), "guild locale"),
    );
    // A deleted channel loses its subscriptions and what was queued for it; a server that removed
    // the bot has its subscriptions paused.
    client.on(Events.ChannelDelete, (channel) => {
      if ("guildId" in channel)
        track(unsubscribe(app, { guildId: channel.guildId, channelId: channel.id }), "channel deleted");
    });
    client.on(Events.GuildDelete, (guild) => track(pauseGuild(app, guild.id), "removed from a server"));
    client.on(Events.Error, (error) => logger.error("Discord client error", { error }));
    client.on(Events.ShardDisconnect, (event) => {
      logger.warn("gateway disconnected", { code: event.code });
      if (event.code === GatewayCloseCodes.AuthenticationFailed) tokenRefused("the gateway closed with 4004");
    });
    client.on(Events.ShardResume, () => logger.info("gateway resumed"));
    return client;
  };

  const abort = new AbortController();
  options.signal?.addEventListener("abort", () => abort.abort(), { once: true });
  const client = await loginWithBackoff(createClient, token, {
    logger,
    signal: abort.signal,
    ...(options.loginBackoff ? { backoff: options.loginBackoff } : {}),
  });
  if (!client) return undefined;
  logger.info("connected to Discord", { user: client.user?.tag, guilds: client.guilds.cache.size });
  const ready = createPostingCycles(app, facts, createDiscordSender(client.rest), {
    onTokenRefused: tokenRefused,
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
  });
  cycles = ready;

  const started = (async () => {
    const applicationId = app.config.env.DISCORD_CLIENT_ID ?? client.application?.id;
    if (applicationId) {
      await syncCommands(client.rest, {
        applicationId,
        ...(app.config.env.DISCORD_GUILD_ID ? { guildId: app.config.env.DISCORD_GUILD_ID } : {}),
        guildIds: [...client.guilds.cache.keys()],
        logger,
      });
    }
    // Loading began with openFactBase, beside the login; /ask waits for it either way.
    await facts.ready();
    await ready.deliver();
    if (abort.signal.aborted) return;
    await scheduler.start();
    if (options.pollAtStart !== false && !abort.signal.aborted) await ready.poll();
  })();
  track(started, "start-up");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      abort.abort();
      ready.stopSending();
      // One grace period for everything in flight: a poll stuck on a slow feed must not keep
      // the process past the 10 s a supervisor gives it.
      const grace = options.shutdownGraceMs ?? 6000;
      await settleWithin([scheduler.stop(), ...inFlight], grace);
      await client.destroy();
      logger.info("bot stopped");
    })();
    return stopping;
  };
  return { client, context, cycles: ready, started: started.catch(() => {}), stop };
}

/**
 * `newsdesk start` with a token: runs the bot until SIGTERM or SIGINT, then shuts down and
 * returns the exit code: 0, or 1 when Discord stopped accepting the token meanwhile (a
 * supervisor's restart then logs in with backoff until the token is fixed). Should a shutdown
 * hang, the process exits after 9 s anyway: what was not sent stays pending in the outbox and
 * goes out at the next start.
 */
export async function runBot(
  app: App,
  options: Omit<BotOptions, "signal" | "onTokenRefused"> = {},
): Promise<number> {
  const abort = new AbortController();
  let exitCode = 0;
  const stopNow = () => {
    abort.abort();
    setTimeout(() => {
      app.logger.warn("shutdown took too long; exiting with work left pending");
      process.exit(exitCode);
    }, 9000).unref();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    app.logger.info("stopping", { signal });
    stopNow();
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  try {
    const bot = await startBot(app, {
      ...options,
      signal: abort.signal,
      onTokenRefused: () => {
        exitCode = 1;
        stopNow();
      },
    });
    if (!abort.signal.aborted)
      await new Promise((resolve) => abort.signal.addEventListener("abort", resolve));
    await bot?.stop();
    return exitCode;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}

async function settleWithin(work: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled(work), timeout]);
  clearTimeout(timer);
}
