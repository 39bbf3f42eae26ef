/**
 * From slash commands to posted embeds: a server adds a feed and a topic, subscribes a channel,
 * and the bot posts what its polls find — only new matching stories, each once, escaped, never
 * pinging anyone; a digest of 25 long stories fits Discord's limits in 3 messages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startBot } from "../../src/discord/bot.ts";
import { type Harness, postedTitles, startHarness, textOf } from "./helpers/harness.ts";
import { storyItem } from "./helpers/stories.ts";

/** Resolves once `condition` holds (the bot handles gateway events asynchronously). */
async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setUpServer(harness: Harness, mode: "instant" | "digest") {
  const feed = harness.feeds.url("/zorblax.xml");
  const added = await harness.run("feed", { subcommand: "add", options: { url: feed } });
  expect(added.text).toContain("Added");
  const topic = await harness.run("topic", {
    subcommand: "add",
    options: { name: "Zorblax", query: "zorblax" },
  });
  expect(topic.text).toContain("`zorblax`");
  const sub = await harness.run("subscribe", {
    options: { topic: "zorblax", channel: harness.newsId, mode },
  });
  expect(sub.text).toContain(`<#${harness.newsId}>`);
  return feed;
}

describe("posting stories found by polls", () => {
  it("posts only the new matching stories of a feed added by /feed add, each once, as embeds", async () => {
    h = await startHarness();
    await setUpServer(h, "instant");
    const backlog = [1, 2, 3].map((n) => storyItem("zorblax", n));
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", backlog);
    await h.bot.cycles.poll();
    expect(h.discord.messages(h.newsId)).toHaveLength(0);

    const fresh = [4, 5, 6].map((n) => storyItem("zorblax", n));
    const unrelated = [7, 8].map((n) => storyItem("gardening", n));
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [...backlog, ...fresh, ...unrelated]);
    const report = await h.bot.cycles.poll();
    expect(report.queued).toBe(3);
    const titles = postedTitles(h.discord, h.newsId);
    expect(titles.sort()).toEqual(fresh.map((i) => i.title).sort());
    for (const message of h.discord.messages(h.newsId)) {
      expect(message.payload.allowed_mentions).toEqual({ parse: [] });
      expect(message.payload.enforce_nonce).toBe(true);
      expect((message.message.embeds as unknown[]).length).toBe(1);
    }

    // The same feed again, and a new source for an old story: nothing is posted twice.
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [
      ...backlog,
      ...fresh,
      ...unrelated,
      storyItem("zorblax", 4, { title: "Another outlet on the same thing" }),
    ]);
    await h.bot.cycles.poll();
    await h.bot.cycles.poll();
    expect(postedTitles(h.discord, h.newsId).sort()).toEqual(fresh.map((i) => i.title).sort());
    expect(h.discord.messages(h.channelId)).toHaveLength(0);
  });

  it("writes a server's posts in the language it changes to (GUILD_UPDATE)", async () => {
    h = await startHarness();
    await setUpServer(h, "instant");
    expect((await h.app.store.guilds.get(h.guild.id))?.locale).toBe("en-US");
    h.discord.setGuildLocale(h.guild.id, "fr");
    const deadline = Date.now() + 5000;
    while ((await h.app.store.guilds.get(h.guild.id))?.locale !== "fr" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await h.app.store.guilds.get(h.guild.id))?.locale).toBe("fr");
  });

  it("forgets a deleted channel's subscriptions and queued messages, and pauses a server that removed the bot", async () => {
    h = await startHarness();
    const harness = h;
    await setUpServer(h, "instant");
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 1)]);
    await h.bot.cycles.poll();
    const other = h.discord.addChannel(h.guild.id, { name: "other" });
    await h.run("subscribe", { options: { topic: "zorblax", channel: other.id, mode: "instant" } });

    h.discord.deleteChannel(h.newsId);
    const gone = async () =>
      (await harness.app.store.subscriptions.list()).every((s) => s.channelId !== harness.newsId);
    await until(gone);
    h.feeds.setFeed(
      "/zorblax.xml",
      "Zorblax Daily",
      [1, 2].map((n) => storyItem("zorblax", n)),
    );
    const report = await h.bot.cycles.poll();
    expect(report.delivery.failed).toEqual([]);
    expect(h.discord.requests().filter((r) => r.path === `/channels/${harness.newsId}/messages`)).toEqual([]);
    expect(postedTitles(h.discord, other.id)).toEqual([storyItem("zorblax", 2).title]);

    h.discord.removeBotFromGuild(h.guild.id);
    const paused = async () => (await harness.app.store.subscriptions.list()).every((s) => s.pausedReason);
    await until(paused);
    expect((await h.app.store.subscriptions.list())[0]?.pausedReason).toBe(
      "newsdesk was removed from this server",
    );
    h.feeds.setFeed(
      "/zorblax.xml",
      "Zorblax Daily",
      [1, 2, 3].map((n) => storyItem("zorblax", n)),
    );
    expect((await h.bot.cycles.poll()).queued).toBe(0);
  });

  it("refuses a member without Manage Server, in their language, and changes nothing", async () => {
    h = await startHarness();
    const url = h.feeds.url("/refused.xml");
    const before = await h.app.store.feeds.list();
    const refused = await h.run("feed", { subcommand: "add", options: { url }, memberPermissions: 0n });
    expect(refused.text).toContain("Manage Server");
    expect(Number(refused.reply.message.flags) & 64).toBe(64);
    const refusedFr = await h.run("subscribe", {
      options: { topic: "tiktok-deal", channel: h.newsId },
      memberPermissions: 0n,
      locale: "fr",
    });
    expect(refusedFr.text).toContain("Gérer le serveur");
    expect(await h.app.store.feeds.list()).toEqual(before);
    expect(await h.app.store.subscriptions.list()).toEqual([]);
  });

  it("escapes markdown and mentions in feed titles and sends allowed_mentions.parse = []", async () => {
    h = await startHarness();
    await setUpServer(h, "instant");
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 1)]);
    await h.bot.cycles.poll();
    const hostile = "Zorblax @everyone <@&123> [x](https://evil.test) **b** ||s||";
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [
      storyItem("zorblax", 1),
      storyItem("zorblax", 2, { title: hostile }),
    ]);
    await h.bot.cycles.poll();
    const [message] = h.discord.messages(h.newsId);
    expect(message).toBeDefined();
    expect(message!.payload.allowed_mentions).toEqual({ parse: [] });
    const title = (message!.message.embeds as { title: string }[])[0]!.title;
    expect(title).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(title).toContain("@\u200beveryone");
    expect(title).toContain("\\<@&123\\>");
    expect(title).toContain("\\[x](https://evil.test)");
    expect(title).not.toMatch(/(^|[^\\])\[x\]\(/);
    expect(title).toContain("\\*\\*b\\*\\*");
    expect(title).toContain("\\|\\|s\\|\\|");
  });

  it("posts a 25-story digest of 5 000-character texts on the /schedule'd time as 3 accepted messages", async () => {
    h = await startHarness();
    await setUpServer(h, "digest");
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 100)]);
    await h.bot.cycles.poll();
    const items = Array.from({ length: 25 }, (_, n) =>
      storyItem("zorblax", n + 1, { length: 5000, minutesAgo: n + 1 }),
    );
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 100), ...items]);
    const report = await h.bot.cycles.poll();
    expect(report.poll.matched.zorblax).toBe(25);
    expect(h.discord.messages(h.newsId)).toHaveLength(0);

    const scheduled = await h.run("schedule", {
      options: { cron: "*/1 * * * * *", timezone: "Europe/Paris" },
    });
    expect(scheduled.text).toContain("`*/1 * * * * *`");
    const messages = await h.discord.waitForMessages(h.newsId, 3, 10_000);
    const embeds = messages.map((m) => (m.message.embeds as unknown[]).length);
    expect(embeds).toEqual([10, 10, 5]);
    const titles = postedTitles(h.discord, h.newsId);
    expect(new Set(titles).size).toBe(25);
    expect(titles.sort()).toEqual(items.map((i) => i.title).sort());
    // The next runs of the schedule find nothing new.
    await h.run("schedule", { options: { cron: "0 8 * * *" } });
    expect(h.discord.messages(h.newsId)).toHaveLength(3);
    expect(textOf(messages[0]!)).toContain("Zorblax");
  });

  it("posts at start-up a digest missed while the bot was down", async () => {
    h = await startHarness();
    await setUpServer(h, "digest");
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 1)]);
    await h.bot.cycles.poll();
    h.feeds.setFeed("/zorblax.xml", "Zorblax Daily", [storyItem("zorblax", 1), storyItem("zorblax", 2)]);
    await h.bot.cycles.poll();
    await h.bot.stop();
    // Down since before the last scheduled digest (every hour, on the hour).
    const settings = (await h.app.store.guilds.get(h.guild.id))!;
    const lastDigestAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await h.app.store.guilds.put({ ...settings, digestCron: "0 * * * *", lastDigestAt });
    expect(h.discord.messages(h.newsId)).toHaveLength(0);

    const restarted = await startBot(h.app, { pollAtStart: false });
    try {
      await restarted?.started;
      expect(postedTitles(h.discord, h.newsId)).toEqual([storyItem("zorblax", 2).title]);
      expect(Date.parse((await h.app.store.guilds.get(h.guild.id))!.lastDigestAt!)).toBeGreaterThan(
        Date.parse(lastDigestAt),
      );
    } finally {
      await restarted?.stop();
    }
  });
});
