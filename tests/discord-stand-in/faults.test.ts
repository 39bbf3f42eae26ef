/**
 * Fault injection as the real discord.js REST client experiences it: lost responses, timeouts,
 * permission and unknown-channel errors, global rate limits, unknown routes, file uploads.
 */
import type { Client, TextChannel } from "discord.js";
import { PermissionFlagsBits, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient } from "./connect-client.ts";
import { type StandIn, type StandInGuild, startDiscordStandIn } from "./index.ts";

let discord: StandIn;
let guild: StandInGuild;
let client: Client | undefined;
let channelId: string;
let logged: string[];

beforeEach(async () => {
  logged = [];
  discord = await startDiscordStandIn({ log: (line) => logged.push(line) });
  guild = discord.addGuild();
  channelId = guild.channels[0]?.id ?? "";
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await discord.close();
});

const posts = () => discord.requests().filter((request) => request.method === "POST");

describe("lost responses and retries", () => {
  it("keeps a message single when the response is lost after a 500 and the client retries", async () => {
    client = await connectClient(discord);
    discord.failNext("POST /channels/:id/messages", { status: 500, afterHandling: true });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const sent = await channel.send({ content: "exactly once", nonce: "outbox-7", enforceNonce: true });
    expect(discord.messages(channelId).map((posted) => posted.id)).toEqual([sent.id]);
    expect(posts().map((request) => request.status)).toEqual([500, 200]);
  });

  it("shows why a nonce matters: timed-out attempts double a message without one, not with one", async () => {
    client = await connectClient(discord, { rest: { timeout: 250, retries: 1 } });
    discord.setLatency(1000);
    const send = (body: object) => client?.rest.post(Routes.channelMessages(channelId), { body });
    await expect(send({ content: "no nonce" })).rejects.toThrow();
    await expect(send({ content: "nonce", nonce: "k-1", enforce_nonce: true })).rejects.toThrow();
    const contents = discord.messages(channelId).map((posted) => posted.message.content);
    expect(contents).toEqual(["no nonce", "no nonce", "nonce"]);
  });

  it("gives up after the client's retries on repeated 5xx, storing nothing", async () => {
    client = await connectClient(discord, { rest: { retries: 2 } });
    discord.failNext(`POST /channels/${channelId}/messages`, { status: 502 }, Number.POSITIVE_INFINITY);
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await expect(channel.send("never")).rejects.toMatchObject({ status: 502 });
    expect(posts()).toHaveLength(3);
    expect(discord.messages(channelId)).toEqual([]);
  });

  it("makes the client wait out a global 429 and then delivers", async () => {
    client = await connectClient(discord);
    discord.failNext(/^POST \/channels\//, { status: 429, retryAfter: 0.1, global: true });
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await channel.send("after global limit");
    expect(posts().map((request) => request.status)).toEqual([429, 200]);
    expect(discord.messages(channelId)).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("answers permission and unknown-channel errors as Discord does, without retrying", async () => {
    client = await connectClient(discord);
    const muted = discord.addChannel(guild.id, {
      name: "muted",
      botPermissions: PermissionFlagsBits.ViewChannel,
    });
    const hidden = discord.addChannel(guild.id, { name: "hidden", botPermissions: 0n });
    const post = (id: string) => client?.rest.post(Routes.channelMessages(id), { body: { content: "hi" } });
    await expect(post(muted.id)).rejects.toMatchObject({ code: 50013, status: 403 });
    await expect(post(hidden.id)).rejects.toMatchObject({ code: 50001, status: 403 });
    await expect(post("999999999999999999")).rejects.toMatchObject({ code: 10003, status: 404 });
    discord.failNext(`POST /channels/${channelId}/messages`, { status: 403, code: 50013 }, 2);
    await expect(post(channelId)).rejects.toMatchObject({ code: 50013, message: "Missing Permissions" });
    await expect(post(channelId)).rejects.toMatchObject({ code: 50013 });
    await post(channelId);
    expect(posts().map((request) => request.status)).toEqual([403, 403, 404, 403, 403, 200]);
  });

  it("mirrors the bot's missing permission in the client's cache", async () => {
    const muted = discord.addChannel(guild.id, {
      name: "muted",
      botPermissions: PermissionFlagsBits.ViewChannel,
    });
    client = await connectClient(discord);
    const channel = client.channels.cache.get(muted.id) as TextChannel;
    const me = channel.guild.members.me;
    expect(me && channel.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(me && channel.permissionsFor(me).has(PermissionFlagsBits.ViewChannel)).toBe(true);
  });

  it("answers unknown routes with 404 and logs them", async () => {
    client = await connectClient(discord);
    await expect(client.rest.get("/not-a-route")).rejects.toMatchObject({ status: 404 });
    expect(discord.unhandledRoutes()).toEqual(["GET /not-a-route"]);
    expect(logged.join("\n")).toContain("GET /not-a-route");
  });
});

describe("uploads", () => {
  it("records files sent as multipart with payload_json", async () => {
    client = await connectClient(discord);
    const channel = client.channels.cache.get(channelId) as TextChannel;
    await channel.send({
      content: "see file",
      files: [{ attachment: Buffer.from("hello"), name: "note.txt" }],
    });
    const [posted] = discord.messages(channelId);
    expect(posted?.payload.content).toBe("see file");
    expect(posted?.files).toEqual([expect.objectContaining({ name: "note.txt", size: 5 })]);
    expect(posted?.message.attachments).toEqual([expect.objectContaining({ filename: "note.txt" })]);
  });
});
