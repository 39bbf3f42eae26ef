/**
 * What Discord throws at a bot, injected by the stand-in: rate limits and lost responses (every
 * message still arrives once), permanent refusals (the subscription is paused and /status says
 * why), a dropped gateway (resumed), a slow store (/ask still deferred in time), a feed that
 * breaks (announced once, with how to re-enable it), login failures (backed off), and an
 * unexpected error (logged with its context, the member told briefly).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/bot.ts";
import type { Store } from "../../src/store/store.ts";
import { until } from "../discord-stand-in/connect-client.ts";
import { type Harness, postedTitles, startHarness } from "./helpers/harness.ts";
import { storyItem } from "./helpers/stories.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const POST_MESSAGE = "POST /channels/:id/messages";

/** A guild subscribed (instant) to topic `zorblax` in `channelId`, whose feed already had its first read. */
async function subscribedServer(harness: Harness, channelId = harness.newsId) {
  await harness.run("feed", { subcommand: "add", options: { url: harness.feeds.url("/z.xml") } });
  await harness.run("topic", { subcommand: "add", options: { name: "Zorblax", query: "zorblax" } });
  await harness.run("subscribe", { options: { topic: "zorblax", channel: channelId, mode: "instant" } });
  harness.feeds.setFeed("/z.xml", "Z Wire", [storyItem("zorblax", 0)]);
  await harness.bot.cycles.poll();
}

function publish(harness: Harness, numbers: number[]) {
  harness.feeds.setFeed("/z.xml", "Z Wire", [
    storyItem("zorblax", 0),
    ...numbers.map((n) => storyItem("zorblax", n)),
  ]);
  return numbers.map((n) => storyItem("zorblax", n).title).sort();
}

function posts(harness: Harness) {
  return harness.discord
    .requests()
    .filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));
}

describe("Discord faults while posting", () => {
  it("waits out 429s and survives lost responses: every message arrives once", async () => {
    h = await startHarness();
    await subscribedServer(h);
    const titles = publish(h, [1, 2, 3, 4, 5]);
    h.discord.failNext(POST_MESSAGE, { status: 429, retryAfter: 0.05 }, 3);
    // The message is stored, but the bot sees a 500: its retry carries the same nonce.
    h.discord.failNext(POST_MESSAGE, { status: 500, afterHandling: true }, 1);
    const report = await h.bot.cycles.poll();
    expect(report.delivery.sent).toHaveLength(5);
    expect(posts(h).filter((r) => r.status === 429)).toHaveLength(3);
    expect(posts(h).filter((r) => r.status === 500)).toHaveLength(1);
    expect(postedTitles(h.discord, h.newsId).sort()).toEqual(titles);
  });

  it("tries a message that failed for now again shortly, within Discord's nonce window, not at the next poll", async () => {
    h = await startHarness({ bot: { retryDelaysMs: [100] } });
    await subscribedServer(h);
    const titles = publish(h, [1]);
    // More 503s than the REST client's own retries.
    h.discord.failNext(POST_MESSAGE, { status: 503 }, 10);
    const report = await h.bot.cycles.poll();
    expect(report.delivery.pending).toHaveLength(1);
    h.discord.clearFaults();
    await h.discord.waitForMessages(h.newsId, 1, 5000);
    expect(postedTitles(h.discord, h.newsId)).toEqual(titles);
    // The bot marks the entry sent once Discord's answer reaches it, just after the message.
    for (let waited = 0; (await h.app.store.outbox.pending()).length > 0; waited += 20) {
      if (waited > 5000) throw new Error("the entry was never marked sent");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it("pauses a subscription Discord refuses with 50013, says why in /status, and does not retry", async () => {
    h = await startHarness();
    const locked = h.discord.addChannel(h.guild.id, { name: "locked", botPermissions: 1024n });
    await subscribedServer(h, locked.id);
    publish(h, [1, 2]);
    const report = await h.bot.cycles.poll();
    expect(report.delivery.failed).toHaveLength(1);
    expect(h.discord.messages(locked.id)).toHaveLength(0);
    const [subscription] = await h.app.store.subscriptions.list();
    expect(subscription?.pausedReason).toContain("Missing Permissions");

    const status = await h.run("status");
    expect(status.text).toContain(`<#${locked.id}>`);
    expect(status.text).toContain("**paused**");
    expect(status.text).toContain("Missing Permissions");
    const statusFr = await h.run("status", { locale: "fr" });
    expect(statusFr.text).toContain("**en pause**");

    const attempts = posts(h).length;
    publish(h, [1, 2, 3]);
    await h.bot.cycles.poll();
    expect(posts(h).length).toBe(attempts);
  });

  it("pauses on 10003 Unknown Channel, and /subscribe again resumes and sends what was held", async () => {
    h = await startHarness();
    await subscribedServer(h);
    const titles = publish(h, [1, 2]);
    h.discord.failNext(POST_MESSAGE, { status: 404, code: 10003 }, 1);
    await h.bot.cycles.poll();
    expect((await h.app.store.subscriptions.list())[0]?.pausedReason).toContain("Unknown Channel");
    expect((await h.run("status")).text).toContain("Unknown Channel");

    await h.run("subscribe", { options: { topic: "zorblax", channel: h.newsId, mode: "instant" } });
    expect((await h.app.store.subscriptions.list())[0]?.pausedReason).toBeUndefined();
    await h.bot.cycles.poll();
    expect(postedTitles(h.discord, h.newsId).sort()).toEqual(titles);
  });
  it("keeps every message pending and stops when Discord answers 401 (the token was reset)", async () => {
    const refusals: string[] = [];
    h = await startHarness({ bot: { onTokenRefused: (reason) => refusals.push(reason) } });
    await subscribedServer(h);
    publish(h, [1, 2]);
    h.discord.failNext(POST_MESSAGE, { status: 401 }, 1);
    const report = await h.bot.cycles.poll();
    expect(report.delivery.tokenRefused).toContain("DISCORD_TOKEN");
    expect(report.delivery.sent).toEqual([]);
    expect(posts(h)).toHaveLength(1);
    // Nothing was dropped or paused: both messages go out after a restart with a valid token.
    const pending = await h.app.store.outbox.pending();
    expect(pending.map((e) => [e.status, e.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    expect((await h.app.store.subscriptions.list())[0]?.pausedReason).toBeUndefined();
    expect(refusals).toHaveLength(1);
  });

  it("counts a resend answered 10008 (posted before, deleted since by a moderator) as sent", async () => {
    h = await startHarness();
    await subscribedServer(h);
    publish(h, [1]);
    h.discord.failNext(POST_MESSAGE, { status: 404, code: 10008 }, 1);
    const report = await h.bot.cycles.poll();
    expect(report.delivery.sent).toHaveLength(1);
    expect(report.delivery.failed).toEqual([]);
    expect((await h.app.store.subscriptions.list())[0]?.pausedReason).toBeUndefined();
    expect(await h.app.store.outbox.pending()).toEqual([]);
  });

  it("stops when the gateway closes with 4004 (the token was reset)", async () => {
    const refusals: string[] = [];
    h = await startHarness({ bot: { onTokenRefused: (reason) => refusals.push(reason) } });
    h.discord.dropGateway({ code: 4004 });
    await until(() => refusals.length > 0, 5000);
    expect(refusals).toEqual(["the gateway closed with 4004"]);
  });
});

describe("the bot's own resilience", () => {
  it("resumes a dropped gateway connection and answers later interactions", async () => {
    h = await startHarness();
    const harness = h;
    h.discord.dropGateway();
    await until(() => harness.discord.gatewayStats().resumes >= 1, 10_000);
    expect((await h.run("status")).text).toContain("Newsdesk status");
    expect(h.discord.gatewayStats().identifies).toBe(1);
  });

  it("defers /ask within Discord's 3 seconds when the store takes 5 s, then answers", async () => {
    const slow = { ms: 0 };
    h = await startHarness({ wrapApp: (app) => ({ ...app, store: slowStore(app.store, slow) }) });
    slow.ms = 5000;
    const record = await h.discord.injectInteraction({
      guildId: h.guild.id,
      name: "ask",
      options: { question: "Who bought the Zorblax factory?" },
    });
    expect((await record.response(3000)).type).toBe(5);
    const reply = await record.reply(15_000);
    expect(JSON.stringify(reply.message.embeds)).toContain("don't know");
    slow.ms = 0;
  }, 20_000);

  it("logs an unexpected error with its context and tells the member briefly, in their language", async () => {
    const store = { ms: 0, broken: false };
    h = await startHarness({ wrapApp: (app) => ({ ...app, store: slowStore(app.store, store) }) });
    store.broken = true;
    const reply = await h.run("status", { locale: "fr" });
    store.broken = false;
    expect(reply.text).toBe(
      "Un problème est survenu de mon côté ; il a été consigné. Réessayez dans un instant.",
    );
    expect(Number(reply.reply.message.flags) & 64).toBe(64);
    const logged = h.logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === "command failed");
    expect(logged).toMatchObject({
      command: "status",
      guildId: h.guild.id,
      error: "SQLITE_IOERR: disk I/O error",
    });
  });

  it("announces a feed disabled by failures once in the subscribed channel, in the server's language, with /feed enable", async () => {
    h = await startHarness({ guildLocale: "fr" });
    await subscribedServer(h);
    h.feeds.failWith("/z.xml", 500);
    const report = await h.bot.cycles.poll();
    expect(report.poll.disabledFeeds).toEqual([h.feeds.url("/z.xml")]);
    await h.bot.cycles.poll();
    const notices = h.discord.messages(h.newsId);
    expect(notices).toHaveLength(1);
    const content = String(notices[0]!.message.content);
    expect(content).toContain("Flux désactivé");
    expect(content).toContain("HTTP 500");
    expect(content).toContain(`/feed enable url:${h.feeds.url("/z.xml")}`);

    const enabled = await h.run("feed", { subcommand: "enable", options: { url: h.feeds.url("/z.xml") } });
    expect(enabled.text).toContain("Re-enabled");
    const titles = publish(h, [1]);
    await h.bot.cycles.poll();
    expect(postedTitles(h.discord, h.newsId)).toEqual(titles);
  });

  it("backs off and retries when logging in fails", async () => {
    h = await startHarness();
    const harness = h;
    h.discord.failNext("GET /gateway/bot", { status: 401, code: 0, message: "401: Unauthorized" }, 2);
    const second = await startBot(h.app, { pollAtStart: false, loginBackoff: { initialMs: 50, maxMs: 200 } });
    try {
      expect(second?.client.isReady()).toBe(true);
      const failures = harness.logs.filter((line) => line.includes("Discord login failed"));
      expect(failures).toHaveLength(2);
      expect(failures[0]).toContain("DISCORD_TOKEN");
      expect(failures.map((line) => JSON.parse(line).retryInMs)).toEqual([50, 100]);
    } finally {
      await second?.stop();
    }
  });
});

/** The store with every call delayed by `delay.ms` (a busy database), or failing when `broken`. */
function slowStore(store: Store, delay: { ms: number; broken?: boolean }): Store {
  const wrap = (repo: object) =>
    new Proxy(repo, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          if (delay.broken) throw new Error("SQLITE_IOERR: disk I/O error");
          if (delay.ms > 0) await new Promise((resolve) => setTimeout(resolve, delay.ms));
          return value.apply(target, args);
        };
      },
    });
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key);
      return value && typeof value === "object" ? wrap(value) : value;
    },
  }) as Store;
}
