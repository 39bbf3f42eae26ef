/**
 * A local Discord for end-to-end tests: REST (`/api/v10`) and the gateway on one 127.0.0.1 port,
 * spoken well enough that the real discord.js client logs in, receives guilds and interactions,
 * posts messages and answers interactions — and is refused exactly where Discord would refuse it.
 *
 * @example
 * const discord = await startDiscordStandIn();
 * const guild = discord.addGuild({ locale: "fr" });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 * await client.login(discord.token);
 * const record = await discord.injectInteraction({ guildId: guild.id, name: "status" });
 * expect((await record.reply()).message.content).toContain("…");
 */
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createGateway, GUILDS_INTENT_BIT } from "./gateway.ts";
import { addChannel, addGuild, channelJson, guildCreateJson, guildJson } from "./guilds.ts";
import { buildInteraction, viewInteraction } from "./interactions.ts";
import { createRestServer } from "./rest-server.ts";
import { commandRoutes } from "./routes-commands.ts";
import { coreRoutes } from "./routes-core.ts";
import { interactionRoutes } from "./routes-interactions.ts";
import { messageRoutes } from "./routes-messages.ts";
import { buildUser, createStandInState } from "./state.ts";
import type { StandIn, StandInOptions } from "./types.ts";

export type * from "./types.ts";

/** Starts a stand-in on 127.0.0.1 (a free port). Close it with {@link StandIn.close}. */
export async function startDiscordStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const applicationId = options.applicationId ?? "100000000000000100";
  const state = createStandInState({
    token: options.token ?? "stand-in-bot-token",
    applicationId,
    // A bot user's id is its application's id, as on Discord.
    botUser: buildUser(applicationId, options.botUsername ?? "newsdesk", true),
    shards: options.shards ?? 1,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    callbackDeadlineMs: options.callbackDeadlineMs ?? 3000,
    interactionTokenLifetimeMs: options.interactionTokenLifetimeMs ?? 15 * 60_000,
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    allowPrivilegedIntents: options.allowPrivilegedIntents ?? false,
    now: options.now ?? Date.now,
    log: options.log ?? ((line) => console.warn(line)),
  });

  let origin = "";
  const gateway = createGateway(state, () => `ws://${origin}/gateway`);
  const rest = createRestServer(state, [
    ...coreRoutes(state, { url: () => `ws://${origin}/gateway`, identifies: gateway.identifies }),
    ...commandRoutes(state),
    ...messageRoutes(state),
    ...interactionRoutes(state),
  ]);
  const server = createServer(rest.handle);
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("upgrade", gateway.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;

  return {
    apiUrl: `http://${origin}/api`,
    gatewayUrl: `ws://${origin}/gateway`,
    token: state.config.token,
    applicationId,
    botUser: state.config.botUser,
    addGuild(guildOptions) {
      const guild = addGuild(state, guildOptions);
      // Joining a guild while connected is announced with GUILD_CREATE, as when a bot is invited.
      gateway.dispatch("GUILD_CREATE", guildCreateJson(state, guild), guild.id, GUILDS_INTENT_BIT);
      return guild;
    },
    addChannel(guildId, channelOptions) {
      const channel = addChannel(state, guildId, channelOptions);
      const guild = state.guilds.get(guildId)!;
      gateway.dispatch("CHANNEL_CREATE", channelJson(guild, channel, true), guildId, GUILDS_INTENT_BIT);
      return channel;
    },
    setGuildLocale(guildId, locale) {
      const guild = state.guilds.get(guildId);
      if (!guild) throw new Error(`stand-in: no guild ${guildId}`);
      guild.locale = locale;
      gateway.dispatch("GUILD_UPDATE", guildJson(state, guild), guild.id, GUILDS_INTENT_BIT);
    },
    deleteChannel(channelId) {
      const channel = state.channels.get(channelId);
      const guild = channel && state.guilds.get(channel.guildId);
      if (!channel || !guild) throw new Error(`stand-in: no channel ${channelId}`);
      state.channels.delete(channelId);
      guild.channels = guild.channels.filter((c) => c.id !== channelId);
      gateway.dispatch("CHANNEL_DELETE", channelJson(guild, channel, true), guild.id, GUILDS_INTENT_BIT);
    },
    removeBotFromGuild(guildId) {
      const guild = state.guilds.get(guildId);
      if (!guild) throw new Error(`stand-in: no guild ${guildId}`);
      state.guilds.delete(guildId);
      for (const channel of guild.channels) state.channels.delete(channel.id);
      // Without `unavailable`: the bot was removed (kicked, or the guild deleted), not an outage.
      gateway.dispatch("GUILD_DELETE", { id: guildId }, guildId, GUILDS_INTENT_BIT);
    },
    guild: (guildId) => state.guilds.get(guildId),
    async injectInteraction(interactionOptions) {
      const record = buildInteraction(state, interactionOptions);
      // Registered before dispatch: a fast client may call back before this function returns.
      state.interactions.set(record.id, record);
      state.interactionsByToken.set(record.token, record);
      if (gateway.dispatch("INTERACTION_CREATE", record.payload, record.guildId) === 0) {
        state.interactions.delete(record.id);
        state.interactionsByToken.delete(record.token);
        throw new Error("stand-in: no gateway session to receive the interaction; log a client in first");
      }
      return viewInteraction(state, record);
    },
    messages: (channelId) =>
      channelId === undefined
        ? [...state.messages]
        : state.messages.filter((posted) => posted.channelId === channelId),
    waitForMessages: (channelId, count, timeoutMs = 5000) =>
      state.waitFor(
        () => {
          const found = state.messages.filter((posted) => posted.channelId === channelId);
          return found.length >= count ? found : undefined;
        },
        timeoutMs,
        `${count} message(s) in channel ${channelId}`,
      ),
    commands: (guildId) => [...(state.commands.get(guildId ?? "global") ?? [])],
    requests: () => [...rest.requests],
    unhandledRoutes: () => [...rest.unhandled],
    failNext: (matcher, fault, times = 1) => rest.faults.add(matcher, fault, times),
    clearFaults: () => rest.faults.clear(),
    dropGateway: (dropOptions = {}) => gateway.drop(dropOptions.code),
    gatewayStats: () => gateway.stats(),
    setLatency: (ms) => rest.setLatency(ms),
    close() {
      closing ??= (async () => {
        state.close();
        rest.close();
        await gateway.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}
