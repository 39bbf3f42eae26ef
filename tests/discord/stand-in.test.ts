/**
 * The local Discord stand-in, driven by the real discord.js client: login, guilds, posting with
 * Discord's limits and faults, interactions (reply, defer + edit, follow-ups, autocomplete),
 * gateway resume, and a clean shutdown.
 */
import { once } from "node:events";
import {
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  RESTEvents,
  Routes,
  type TextChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient, nextInteraction, until } from "../discord-stand-in/connect-client.ts";
import { type StandIn, type StandInGuild, startDiscordStandIn } from "../discord-stand-in/index.ts";

let discord: StandIn;
let guild: StandInGuild;
let client: Client;
let channelId: string;

async function nextCommand(): Promise<ChatInputCommandInteraction> {
  const interaction = await nextInteraction(client);
  if (!interaction.isChatInputCommand())
    throw new Error(`expected a slash command, got type ${interaction.type}`);
  return interaction;
}

const commandDefinitions = [
  {
    name: "ping",
    description: "Replies",
    options: [{ type: 3, name: "text", description: "What to echo", required: true }],
  },
  {
    name: "subscribe",
    description: "Where stories go",
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    options: [
      { type: 3, name: "topic", description: "Topic", required: true, autocomplete: true },
      { type: 7, name: "channel", description: "Channel", required: true },
    ],
  },
  {
    name: "feed",
    description: "Feeds",
    options: [
      {
        type: 1,
        name: "add",
        description: "Add a feed",
        options: [{ type: 3, name: "url", description: "Feed URL", required: true }],
      },
    ],
  },
];

beforeEach(async () => {
  discord = await startDiscordStandIn();
  guild = discord.addGuild({
    name: "Newsroom",
    locale: "fr",
    channels: [{ name: "general" }, { name: "news" }],
  });
  channelId = guild.channels[0]?.id ?? "";
  client = await connectClient(discord);
});

afterEach(async () => {
  await client.destroy();
  await discord.close();
});

describe("login and guilds", () => {
  it("logs the real client in and fills its cache from READY and GUILD_CREATE", async () => {
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe("Newsroom");
    expect(cached?.preferredLocale).toBe("fr");
    const fetched = await client.channels.fetch(channelId, { force: true });
    expect(fetched?.type).toBe(ChannelType.GuildText);
    expect(cached?.channels.cache.map((channel) => channel.name)).toEqual(["general", "news"]);
    expect(cached?.members.me?.permissions.has(PermissionFlagsBits.EmbedLinks)).toBe(true);
    expect(discord.gatewayStats()).toMatchObject({ identifies: 1, open: 1 });
  });

  it("announces a guild added while connected with guildCreate", async () => {
    const created = once(client, Events.GuildCreate);
    const later = discord.addGuild({ name: "Later" });
    const [cachedGuild] = await created;
    expect(cachedGuild.id).toBe(later.id);
  });

  it("refuses a wrong token on REST (the client reports TokenInvalid)", async () => {
    const intruder = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    await expect(intruder.login("wrong-token")).rejects.toMatchObject({ code: "TokenInvalid" });
    await intruder.destroy();
  });
});

describe("posting", () => {
  it("records a sent embed with its full payload, and never pings", async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const sent = await channel.send({
      content: "@everyone <@&123456789012345678> new story",
      embeds: [new EmbedBuilder().setTitle("Story").setDescription("Body").setURL("https://example.test/a")],
      nonce: "story-1",
      enforceNonce: true,
    });
    const [posted] = discord.messages(channelId);
    expect(posted?.id).toBe(sent.id);
    expect(posted?.payload).toMatchObject({
      nonce: "story-1",
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
      embeds: [{ title: "Story", description: "Body", url: "https://example.test/a" }],
    });
    expect(posted?.message).toMatchObject({ mention_everyone: false, mention_roles: [] });
    expect(sent.embeds[0]?.title).toBe("Story");
    await sent.edit({ content: "corrected" });
    expect(posted?.message.content).toBe("corrected");
    expect(posted?.edits).toEqual([expect.objectContaining({ content: "corrected" })]);
  });

  it("returns the original message for a repeated enforced nonce", async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const first = await channel.send({ content: "once", nonce: "n-1", enforceNonce: true });
    const again = await channel.send({ content: "once", nonce: "n-1", enforceNonce: true });
    await channel.send({ content: "twice", nonce: "n-2" });
    await channel.send({ content: "twice", nonce: "n-2" });
    expect(again.id).toBe(first.id);
    void channel.send({ content: "background" });
    const all = await discord.waitForMessages(channelId, 4);
    expect(all.map((posted) => posted.message.content)).toEqual(["once", "twice", "twice", "background"]);
  });

  it("rejects an over-limit embed with DiscordAPIError 50035 and stores nothing", async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const error = await channel
      .send({ embeds: [{ title: "t", description: "x".repeat(4097) }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { embeds: { 0: { description: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } },
    });
    const twoBig = [{ description: "a".repeat(3500) }, { description: "b".repeat(3500) }];
    await expect(channel.send({ embeds: twoBig })).rejects.toMatchObject({ code: 50035 });
    expect(discord.messages(channelId)).toEqual([]);
  });

  it("delivers a message once after an injected 429, with the client's default retry", async () => {
    discord.failNext("POST /channels/:id/messages", { status: 429, retryAfter: 0.2 });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const waits: unknown[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => waits.push(info));
    await channel.send("after the rate limit");
    expect(waits).toMatchObject([{ global: false, route: "/channels/:id/messages" }]);
    expect(discord.messages(channelId)).toHaveLength(1);
    const attempts = discord
      .requests()
      .filter((request) => request.path === `/channels/${channelId}/messages`);
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
  });
});

describe("commands and interactions", () => {
  beforeEach(async () => {
    await client.application?.commands.set(commandDefinitions, guild.id);
  });

  it("registers commands idempotently and rejects a locale Discord does not know", async () => {
    const first = discord.commands(guild.id);
    await client.application?.commands.set(commandDefinitions, guild.id);
    expect(discord.commands(guild.id)).toEqual(first);
    expect(first.map((command) => command.name)).toEqual(["ping", "subscribe", "feed"]);
    const badLocale = [{ name: "ping", description: "Replies", name_localizations: { "fr-FR": "ping" } }];
    await expect(client.application?.commands.set(badLocale)).rejects.toMatchObject({ code: 50035 });
  });

  it("delivers a slash command and records the reply", async () => {
    const received = nextCommand();
    const record = await discord.injectInteraction({
      guildId: guild.id,
      name: "ping",
      options: { text: "hi" },
    });
    const interaction = await received;
    expect(interaction.locale).toBe("en-US");
    expect(interaction.guildLocale).toBe("fr");
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(false);
    await interaction.reply({ content: `pong ${interaction.options.getString("text", true)}` });
    expect(await record.response()).toMatchObject({ type: 4, data: { content: "pong hi" } });
    expect((await record.reply()).message.content).toBe("pong hi");
  });

  it("resolves channel options and subcommands from the registered definitions", async () => {
    const news = guild.channels[1]?.id ?? "";
    let received = nextCommand();
    await discord.injectInteraction({
      guildId: guild.id,
      name: "subscribe",
      options: { topic: "ai", channel: news },
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    const subscribe = await received;
    expect(subscribe.options.getChannel("channel", true, [ChannelType.GuildText]).id).toBe(news);
    expect(subscribe.memberPermissions?.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    received = nextCommand();
    await discord.injectInteraction({
      guildId: guild.id,
      name: "feed",
      subcommand: "add",
      options: { url: "https://f.test/rss" },
    });
    const feed = await received;
    expect([feed.options.getSubcommand(), feed.options.getString("url")]).toEqual([
      "add",
      "https://f.test/rss",
    ]);
    await expect(
      discord.injectInteraction({ guildId: guild.id, name: "ping", options: { txt: "typo" } }),
    ).rejects.toThrow(/no option "txt"/);
  });

  it("fills a deferred reply with editReply, and a follow-up after a deferral becomes @original", async () => {
    let received = nextCommand();
    let record = await discord.injectInteraction({ guildId: guild.id, name: "ping", options: { text: "a" } });
    let interaction = await received;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    expect(await record.response()).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    await interaction.editReply("done");
    const reply = await record.reply();
    expect(reply.message).toMatchObject({ content: "done", flags: MessageFlags.Ephemeral });
    expect((await interaction.fetchReply()).content).toBe("done");

    received = nextCommand();
    record = await discord.injectInteraction({ guildId: guild.id, name: "ping", options: { text: "b" } });
    interaction = await received;
    await interaction.deferReply();
    await interaction.followUp("first");
    void interaction.followUp({ content: "second", flags: MessageFlags.Ephemeral });
    expect((await record.followUp(1)).message.content).toBe("second");
    expect(record.followUps.map((posted) => posted.message.content)).toEqual(["first", "second"]);
    expect(record.followUps[0]?.id).toBe(record.original?.id);
    expect(record.followUps[1]?.message.flags).toBe(MessageFlags.Ephemeral);
  });

  it("refuses a second callback with 40060 and reports interactions in DMs", async () => {
    const received = nextCommand();
    const record = await discord.injectInteraction({ name: "ping", options: { text: "dm" } });
    const interaction = await received;
    expect(interaction.inGuild()).toBe(false);
    await interaction.reply("first");
    const again = client.rest.post(Routes.interactionCallback(record.id, record.token), {
      body: { type: 4, data: { content: "second" } },
      auth: false,
    });
    await expect(again).rejects.toMatchObject({ code: 40060, status: 400 });
  });

  it("serves autocomplete with the focused option and records the choices", async () => {
    const received = nextInteraction(client);
    const record = await discord.injectInteraction({
      guildId: guild.id,
      name: "subscribe",
      options: { topic: "a" },
      focused: "topic",
    });
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
    expect(interaction.options.getFocused()).toBe("a");
    await interaction.respond([{ name: "AI", value: "ai" }]);
    expect(await record.response()).toEqual({ type: 8, data: { choices: [{ name: "AI", value: "ai" }] } });
  });
});

describe("gateway", () => {
  it("resumes after a dropped connection and still delivers interactions, including one sent meanwhile", async () => {
    const resumed = once(client, Events.ShardResume);
    discord.dropGateway();
    const received = nextCommand();
    const record = await discord.injectInteraction({
      guildId: guild.id,
      name: "ping",
      options: { text: "x" },
    });
    await resumed;
    expect(discord.gatewayStats().replayed).toBeGreaterThanOrEqual(1);
    const interaction = await received;
    await interaction.reply("still here");
    expect((await record.reply()).message.content).toBe("still here");
    expect(discord.gatewayStats()).toMatchObject({ identifies: 1, resumes: 1 });

    const later = nextCommand();
    const second = await discord.injectInteraction({
      guildId: guild.id,
      name: "ping",
      options: { text: "y" },
    });
    await (await later).reply("after resume");
    expect((await second.response()).data?.content).toBe("after resume");
  });
});

describe("shutdown", () => {
  it("closes the client session and leaves no sockets open", async () => {
    const tcp = () => process.getActiveResourcesInfo().filter((name) => name.startsWith("TCP")).length;
    await client.destroy();
    await until(() => discord.gatewayStats().open === 0);
    await discord.close();
    await until(() => tcp() === 0);
    expect(tcp()).toBe(0);
    // afterEach closes again: both calls must be safe to repeat.
  });
});
