/** Gateway discovery, the bot's own user and application, and read-only guild routes. */
import { errors } from "./errors.ts";
import { channelJson, guildJson, memberJson, rolesJson } from "./guilds.ts";
import type { Route } from "./router.ts";
import type { StandInState } from "./state.ts";
import type { Json } from "./types.ts";

/** What GET /gateway/bot needs from the gateway: its URL and how many IDENTIFYs it has seen. */
export interface GatewayInfo {
  url(): string;
  identifies(): number;
}

const DAILY_IDENTIFIES = 1000;
/** Privileged-intent application flags (presence, guild members, message content). */
const PRIVILEGED_FLAGS = (1 << 12) | (1 << 14) | (1 << 18);

export function applicationJson(state: StandInState): Json {
  const { config } = state;
  return {
    id: config.applicationId,
    name: config.botUser.username,
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: config.allowPrivilegedIntents ? PRIVILEGED_FLAGS : 0,
    team: null,
    owner: {
      id: "100000000000000001",
      username: "owner",
      discriminator: "0",
      global_name: "owner",
      avatar: null,
    },
    bot: config.botUser,
    approximate_guild_count: state.guilds.size,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { "0": {}, "1": {} },
  };
}

export function coreRoutes(state: StandInState, gateway: GatewayInfo): Route[] {
  const guildOf = (id: string | undefined) => state.guilds.get(id ?? "");
  const application = () => ({ status: 200, body: applicationJson(state) });
  return [
    {
      method: "GET",
      pattern: "/gateway",
      auth: false,
      handle: () => ({ status: 200, body: { url: gateway.url() } }),
    },
    {
      method: "GET",
      pattern: "/gateway/bot",
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: gateway.url(),
          shards: state.config.shards,
          session_start_limit: {
            total: DAILY_IDENTIFIES,
            remaining: Math.max(0, DAILY_IDENTIFIES - gateway.identifies()),
            reset_after: 86_400_000,
            max_concurrency: 1,
          },
        },
      }),
    },
    {
      method: "GET",
      pattern: "/users/@me",
      auth: true,
      handle: () => ({ status: 200, body: { ...state.config.botUser, verified: true, mfa_enabled: true } }),
    },
    { method: "GET", pattern: "/oauth2/applications/@me", auth: true, handle: application },
    { method: "GET", pattern: "/applications/@me", auth: true, handle: application },
    {
      method: "GET",
      pattern: "/guilds/:guildId",
      auth: true,
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        return guild ? { status: 200, body: guildJson(state, guild) } : errors.unknownGuild();
      },
    },
    {
      method: "GET",
      pattern: "/guilds/:guildId/channels",
      auth: true,
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        if (!guild) return errors.unknownGuild();
        return { status: 200, body: guild.channels.map((channel) => channelJson(guild, channel, true)) };
      },
    },
    {
      method: "GET",
      pattern: "/guilds/:guildId/roles",
      auth: true,
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        return guild ? { status: 200, body: rolesJson(state, guild) } : errors.unknownGuild();
      },
    },
    {
      method: "GET",
      pattern: "/guilds/:guildId/members/:userId",
      auth: true,
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        if (!guild) return errors.unknownGuild();
        if (params.userId === state.config.botUser.id) {
          return { status: 200, body: memberJson(state.config.botUser, [guild.botRoleId], guild.joinedAt) };
        }
        const user = state.users.get(params.userId ?? "");
        return user ? { status: 200, body: memberJson(user, [], guild.joinedAt) } : errors.unknownMember();
      },
    },
  ];
}
