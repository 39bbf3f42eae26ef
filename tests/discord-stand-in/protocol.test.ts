/**
 * Protocol edges below what discord.js exercises by default: gateway close codes, compression,
 * heartbeats, invalid sessions; REST auth; interaction deadlines and webhook token lifetime.
 */
import { once } from "node:events";
import zlib from "node:zlib";
import { Events } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { connectClient, nextInteraction, until } from "./connect-client.ts";
import { type StandIn, type StandInOptions, startDiscordStandIn } from "./index.ts";

let discord: StandIn;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

async function start(options: StandInOptions = {}): Promise<StandIn> {
  discord = await startDiscordStandIn({ log: () => {}, ...options });
  cleanups.push(() => discord.close());
  return discord;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A raw gateway socket that queues what it receives. */
async function openGateway(query = "?v=10&encoding=json") {
  const socket = new WebSocket(`${discord.gatewayUrl}${query}`);
  cleanups.push(() => socket.terminate());
  const inbox: Array<Record<string, unknown>> = [];
  socket.on("message", (data: Buffer, binary) => {
    if (!binary) inbox.push(JSON.parse(data.toString()));
  });
  const closed = once(socket, "close").then(([code]) => code as number);
  await once(socket, "open");
  const next = async (op: number) => {
    await until(() => inbox.some((payload) => payload.op === op));
    return inbox.splice(
      inbox.findIndex((payload) => payload.op === op),
      1,
    )[0];
  };
  const send = (payload: object) => socket.send(JSON.stringify(payload));
  return { socket, inbox, next, send, closed };
}

const identify = (token: string, intents = 1) => ({
  op: 2,
  d: { token, intents, properties: { os: "linux", browser: "test", device: "test" } },
});

describe("gateway", () => {
  it("says HELLO, acknowledges heartbeats, and READYs with the session and resume URL", async () => {
    await start({ heartbeatIntervalMs: 1234 });
    discord.addGuild({ id: "200000000000000001" });
    const gateway = await openGateway();
    expect(await gateway.next(10)).toMatchObject({ d: { heartbeat_interval: 1234 } });
    gateway.send({ op: 1, d: null });
    expect(await gateway.next(11)).toMatchObject({ op: 11 });
    gateway.send(identify(discord.token));
    await until(() => gateway.inbox.filter((payload) => payload.op === 0).length >= 2);
    const [ready, guildCreate] = gateway.inbox;
    expect(ready).toMatchObject({
      t: "READY",
      s: 1,
      d: {
        guilds: [{ id: "200000000000000001", unavailable: true }],
        resume_gateway_url: discord.gatewayUrl,
      },
    });
    expect(guildCreate).toMatchObject({
      t: "GUILD_CREATE",
      s: 2,
      d: { id: "200000000000000001", unavailable: false },
    });
  });

  it.each([
    ["a wrong token", "?v=10&encoding=json", identify("wrong"), 4004],
    ["privileged intents", "?v=10&encoding=json", identify("TOKEN", 1 << 15), 4014],
    ["an unknown opcode", "?v=10&encoding=json", { op: 99, d: null }, 4001],
    ["presence before identify", "?v=10&encoding=json", { op: 3, d: {} }, 4003],
    ["API version 9", "?v=9&encoding=json", undefined, 4012],
  ])("closes the socket on %s", async (_case, query, payload, code) => {
    await start();
    const gateway = await openGateway(query);
    if (payload) {
      await gateway.next(10);
      gateway.send(JSON.parse(JSON.stringify(payload).replace("TOKEN", discord.token)));
    }
    expect(await gateway.closed).toBe(code);
  });

  it("answers RESUME of an unknown session with INVALID_SESSION", async () => {
    await start();
    const gateway = await openGateway();
    gateway.send({ op: 6, d: { token: discord.token, session_id: "nope", seq: 3 } });
    expect(await gateway.next(9)).toMatchObject({ op: 9, d: false });
  });

  it("speaks zlib-stream when asked", async () => {
    await start();
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    cleanups.push(() => socket.terminate());
    const inflate = zlib.createInflate();
    socket.on("message", (data: Buffer) => inflate.write(data));
    const [text] = await once(inflate, "data");
    expect(JSON.parse(String(text))).toMatchObject({ op: 10 });
  });

  it("keeps the real client's heartbeat acknowledged", async () => {
    await start({ heartbeatIntervalMs: 250 });
    const client = await connectClient(discord);
    cleanups.push(() => client.destroy());
    await until(() => discord.gatewayStats().heartbeats >= 2 && client.ws.ping >= 0);
    expect(client.ws.status).toBe(0);
  });

  it("makes the client identify again after a close with 1000", async () => {
    await start();
    discord.addGuild();
    const client = await connectClient(discord);
    cleanups.push(() => client.destroy());
    // Wait for the client's own readiness: discord.js destroyed while awaiting READY reconnects by itself.
    const readyAgain = once(client, Events.ShardReady);
    discord.dropGateway({ code: 1000 });
    await readyAgain;
    expect(discord.gatewayStats()).toMatchObject({ identifies: 2, resumes: 0 });
  });
});

describe("REST auth and interaction deadlines", () => {
  it("answers 401 without the bot token", async () => {
    await start();
    const response = await fetch(`${discord.apiUrl}/v10/users/@me`, {
      headers: { Authorization: "Bot nope" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("refuses a callback after the deadline (10062) and webhooks after the token expires (50027)", async () => {
    let skew = 0;
    await start({ now: () => Date.now() + skew });
    const guild = discord.addGuild();
    const client = await connectClient(discord);
    cleanups.push(() => client.destroy());

    let received = nextInteraction(client);
    await discord.injectInteraction({ guildId: guild.id, name: "late" });
    let interaction = await received;
    skew = 3001;
    if (!interaction.isChatInputCommand()) throw new Error("expected a command");
    await expect(interaction.reply("too late")).rejects.toMatchObject({ code: 10062, status: 404 });

    received = nextInteraction(client);
    const record = await discord.injectInteraction({ guildId: guild.id, name: "slow" });
    interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error("expected a command");
    await interaction.deferReply();
    skew += 15 * 60_000 + 1;
    await expect(interaction.editReply("hours later")).rejects.toMatchObject({ code: 50027, status: 401 });
    expect(record.callback?.type).toBe(5);
  });

  it("returns the callback resource when asked with_response", async () => {
    await start();
    const guild = discord.addGuild();
    const client = await connectClient(discord);
    cleanups.push(() => client.destroy());
    const received = nextInteraction(client);
    await discord.injectInteraction({ guildId: guild.id, name: "ask" });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error("expected a command");
    const response = await interaction.reply({ content: "answer", withResponse: true });
    expect(response.resource?.message?.content).toBe("answer");
    expect(response.interaction.responseMessageId).toBe(response.resource?.message?.id);
  });
});
