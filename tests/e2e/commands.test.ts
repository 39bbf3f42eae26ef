/**
 * Every slash command, answered by the real bot through the stand-in, in English and in French:
 * deployed once (idempotently), then each injected as a member would send it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { deployCommands } from "../../src/discord/deploy-commands.ts";
import { until } from "../discord-stand-in/connect-client.ts";
import { type Harness, startHarness } from "./helpers/harness.ts";
import { storyItem } from "./helpers/stories.ts";

let h: Harness;
const oracle = {
  guid: "oracle-partner",
  title: "Oracle becomes TikTok's US technology partner",
  text: "ByteDance chose Oracle as TikTok's technology partner in the United States, turning down Microsoft's offer to buy the app's US business. Oracle will host TikTok's American user data.",
};

beforeAll(async () => {
  h = await startHarness();
  const feed = h.feeds.url("/news.xml");
  await h.run("feed", { subcommand: "add", options: { url: feed } });
  await h.run("topic", { subcommand: "add", options: { name: "Zorblax", query: "zorblax" } });
  await h.run("subscribe", { options: { topic: "zorblax", channel: h.newsId, mode: "digest" } });
  h.feeds.setFeed("/news.xml", "Tech Wire", [storyItem("zorblax", 1)]);
  await h.bot.cycles.poll();
  h.feeds.setFeed("/news.xml", "Tech Wire", [storyItem("zorblax", 1), storyItem("zorblax", 2), oracle]);
  await h.bot.cycles.poll();
});
afterAll(() => h?.close());

describe("deploying the commands", () => {
  it("registers every command with French localizations, admin ones for Manage Server in guilds only", () => {
    const registered = h.discord.commands(h.guild.id);
    expect(registered.map((c) => c.name).sort()).toEqual(COMMANDS.map((c) => c.data.name).sort());
    for (const command of registered) {
      expect(command.name_localizations).toHaveProperty("fr");
      expect(command.description_localizations).toHaveProperty("fr");
      const module = COMMANDS.find((c) => c.data.name === command.name)!;
      expect(command.default_member_permissions).toBe(module.admin ? "32" : null);
      if (module.admin) expect(command.contexts).toEqual([0]);
    }
  });

  it("changes nothing when deployed again", async () => {
    const before = h.discord.commands(h.guild.id).map((c) => [c.id, c.version]);
    const result = await deployCommands(h.app, { guildId: h.guild.id });
    expect(result.commands).toHaveLength(COMMANDS.length);
    expect(h.discord.commands(h.guild.id).map((c) => [c.id, c.version])).toEqual(before);
    // Registered to this server only: the bot's start-up did not add global copies.
    expect(h.discord.commands()).toEqual([]);
  });
});

describe("each command answers in English and in French", () => {
  const both = async (name: string, options: Parameters<Harness["run"]>[1], en: string, fr: string) => {
    const english = await h.run(name, { ...options, locale: "en-US" });
    expect(english.text).toContain(en);
    const french = await h.run(name, { ...options, locale: "fr" });
    expect(french.text).toContain(fr);
    return { english, french };
  };

  it("/ask answers from the fact base with its source", async () => {
    const { english, french } = await both(
      "ask",
      { options: { question: "Who became TikTok's US technology partner?" } },
      "Confidence",
      "Confiance",
    );
    const answer = (reply: typeof english) =>
      (reply.reply.message.embeds as { description: string }[])[0]!.description;
    expect(answer(english)).toContain("Oracle");
    expect(answer(french)).toContain("Oracle");
    expect(english.text).toContain(`Sources\n1. [${oracle.title}]`);
  });

  it("/ask says plainly when it does not know", async () => {
    await both(
      "ask",
      { options: { question: "What colour is the Zorblax logo on Mars?" } },
      "don't know",
      "sais pas",
    );
  });

  it("/digest shows the latest stories", async () => {
    const { english } = await both("digest", {}, "**Digest**", "**Résumé**");
    expect(english.text).toContain(storyItem("zorblax", 2).title);
  });

  it("/timeline lists a topic's stories", async () => {
    const { english } = await both(
      "timeline",
      { options: { topic: "zorblax" } },
      "Timeline: Zorblax",
      "Chronologie : Zorblax",
    );
    expect(english.text).toContain(storyItem("zorblax", 1).title);
  });

  it("/topic list, test, add and remove", async () => {
    await both("topic", { subcommand: "list" }, "Topics (", "Sujets (");
    const tested = await both(
      "topic",
      { subcommand: "test", options: { query: "zorblax" } },
      "matches 2 of",
      "correspond à 2",
    );
    expect(tested.english.text).toContain(storyItem("zorblax", 2).title);
    const added = await h.run("topic", {
      subcommand: "add",
      options: { name: "Quantum chips", query: "quantum" },
    });
    expect(added.text).toContain("`quantum-chips`");
    const addedFr = await h.run("topic", {
      subcommand: "add",
      options: { name: "Puces", query: "puce" },
      locale: "fr",
    });
    expect(addedFr.text).toContain("Sujet **Puces**");
    await both(
      "topic",
      { subcommand: "remove", options: { topic: "quantum-chips" } },
      "Removed topic",
      "Aucun sujet",
    );
    const badQuery = await h.run("topic", {
      subcommand: "test",
      options: { query: "(zorblax" },
      locale: "fr",
    });
    expect(badQuery.text).toContain("Cette requête ne fonctionne pas");
  });

  it("/feed list, add, remove and enable", async () => {
    const list = await both("feed", { subcommand: "list" }, "Feeds (1)", "Flux (1)");
    expect(list.english.text).toContain("Tech Wire");
    const other = h.feeds.url("/other.xml");
    await h.run("feed", { subcommand: "add", options: { url: other } });
    await both("feed", { subcommand: "remove", options: { url: other } }, "Removed", "Aucun flux");
    await both(
      "feed",
      { subcommand: "enable", options: { url: h.feeds.url("/news.xml") } },
      "is not disabled",
      "n'est pas désactivé",
    );
    await both(
      "feed",
      { subcommand: "add", options: { url: "ftp://example.com/x" } },
      "not an http(s) URL",
      "n'est pas une adresse http(s)",
    );
  });

  it("/subscribe and /unsubscribe", async () => {
    await both(
      "subscribe",
      { options: { topic: "tiktok-deal", channel: h.channelId, mode: "instant" } },
      "as soon as it is found",
      "dès qu'il est trouvé",
    );
    await both(
      "unsubscribe",
      { options: { channel: h.channelId, topic: "tiktok-deal" } },
      "no longer gets",
      "Aucun abonnement",
    );
    const subscriptions = await h.app.store.subscriptions.list();
    expect(subscriptions.map((s) => `${s.channelId}:${s.topic}`)).toEqual([`${h.newsId}:zorblax`]);
  });

  it("/subscribe warns when the bot lacks a posting permission in the channel, and still subscribes", async () => {
    const readOnly = h.discord.addChannel(h.guild.id, { name: "read-only", botPermissions: 1024n });
    await until(() => h.bot.client.channels.cache.has(readOnly.id));
    const reply = await h.run("subscribe", { options: { topic: "zorblax", channel: readOnly.id } });
    expect(reply.text).toContain("I lack Send Messages, Embed Links there");
    const fine = await h.run("subscribe", { options: { topic: "zorblax", channel: h.newsId } });
    expect(fine.text).not.toContain("⚠️");
    await h.run("unsubscribe", { options: { channel: readOnly.id } });
  });

  it("/schedule validates the cron expression and the time zone", async () => {
    await both(
      "schedule",
      { options: { cron: "0 9 * * 1-5", timezone: "Europe/Paris" } },
      "Digests now go out at `0 9 * * 1-5` (Europe/Paris)",
      "Les résumés partent désormais",
    );
    await both(
      "schedule",
      { options: { cron: "every morning" } },
      "is not a cron expression",
      "n'est pas une expression cron",
    );
    await both(
      "schedule",
      { options: { cron: "0 9 * * *", timezone: "Mars/Olympus" } },
      "is not a time zone",
      "n'est pas un fuseau horaire",
    );
    expect((await h.app.store.guilds.get(h.guild.id))?.digestCron).toBe("0 9 * * 1-5");
  });

  it("/status shows feeds, runs and subscriptions", async () => {
    const { english } = await both("status", {}, "Subscriptions", "Abonnements");
    expect(english.text).toContain(`<#${h.newsId}>`);
    expect(english.text).toContain("1 ok");
  });

  it("/why explains an item's match", async () => {
    const { english } = await both("why", { options: { item: "zorblax-2" } }, "Matches", "Correspond");
    expect(english.text).toContain("Zorblax");
    await both("why", { options: { item: "no-such-item" } }, "No stored item", "Aucun article enregistré");
  });
});

describe("around the commands", () => {
  it("autocompletes topic options", async () => {
    const record = await h.discord.injectInteraction({
      guildId: h.guild.id,
      name: "timeline",
      focused: "topic",
      options: { topic: "zor" },
    });
    const response = await record.response();
    expect(response.type).toBe(8);
    expect(response.data?.choices).toEqual([{ name: "Zorblax (zorblax)", value: "zorblax" }]);
  });

  it("tells the member about a bad option of a public command in the reply, and answers a retired command", async () => {
    const timeline = await h.run("timeline", { options: { topic: "no-such-topic" } });
    expect(timeline.text).toContain("no-such-topic");
    expect(timeline.reply.message.embeds).toEqual([]);
    const retired = await h.discord.injectInteraction({ guildId: h.guild.id, name: "headlines" });
    const reply = await retired.reply();
    expect(reply.message.content).toContain("no longer part of newsdesk");
    expect(Number(reply.message.flags) & 64).toBe(64);
  });

  it("refuses admin commands in direct messages, in the member's language, and answers the others", async () => {
    const feedInDm = await h.discord.injectInteraction({
      name: "feed",
      subcommand: "list",
      locale: "fr",
      memberPermissions: 32n,
    });
    expect((await feedInDm.reply()).message.content).toBe(
      "Cette commande fonctionne dans un serveur, pas en message privé.",
    );
    const statusInDm = await h.discord.injectInteraction({ name: "status" });
    expect(JSON.stringify((await statusInDm.reply()).message.embeds)).toContain("Polls");
  });
});
