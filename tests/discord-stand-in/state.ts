/**
 * The stand-in's memory: guilds, channels, messages, commands and interactions, plus a change
 * signal so tests can wait for "the client has answered" without sleeping.
 */
import type { InteractionCallback, Json, PostedMessage, StandInChannel, StandInGuild } from "./types.ts";

/** Permission bits the stand-in reasons about (Discord's values). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const ALL_PERMISSIONS = (1n << 51n) - 1n;
/** What @everyone may do in a stand-in guild; bot and member permissions add to it. */
export const EVERYONE_PERMISSIONS =
  Permission.ViewChannel |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseApplicationCommands;
export const DEFAULT_BOT_PERMISSIONS =
  Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks | Permission.ReadMessageHistory;
export const PLAIN_MEMBER_PERMISSIONS =
  EVERYONE_PERMISSIONS |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.CreateInstantInvite |
  Permission.ChangeNickname |
  Permission.UseExternalEmojis |
  Permission.SendMessagesInThreads;

const DISCORD_EPOCH = 1_420_070_400_000n;

/** Internal guild record: the public view plus the ids of its two roles. */
export interface GuildState extends StandInGuild {
  botRoleId: string;
  joinedAt: string;
}

/** Internal interaction record; `viewInteraction` (interactions.ts) exposes it as an `InteractionRecord`. */
export interface InteractionState {
  id: string;
  token: string;
  type: number;
  guildId: string | undefined;
  channelId: string;
  payload: Json;
  injectedAt: number;
  callback: InteractionCallback | undefined;
  original: PostedMessage | undefined;
  /** True between a type 5 callback and the first edit or follow-up. */
  loading: boolean;
  followUps: PostedMessage[];
}

/** The options of `startDiscordStandIn` with every default filled in. */
export interface ResolvedConfig {
  token: string;
  applicationId: string;
  botUser: Json;
  shards: number;
  heartbeatIntervalMs: number;
  callbackDeadlineMs: number;
  interactionTokenLifetimeMs: number;
  nonceWindowMs: number;
  allowPrivilegedIntents: boolean;
  now: () => number;
  log: (line: string) => void;
}

interface Waiter {
  check: () => boolean;
  reject: (error: Error) => void;
}

export type StandInState = ReturnType<typeof createStandInState>;

export function createStandInState(config: ResolvedConfig) {
  let sequence = 0;
  const waiters = new Set<Waiter>();
  let closed = false;

  const state = {
    config,
    guilds: new Map<string, GuildState>(),
    channels: new Map<string, StandInChannel>(),
    /** DM channel id → recipient user id. */
    dmChannels: new Map<string, string>(),
    messages: [] as PostedMessage[],
    messageById: new Map<string, PostedMessage>(),
    /** "channelId:nonce" → the message an enforced nonce created, and when. */
    nonces: new Map<string, { message: PostedMessage; at: number }>(),
    /** Key "global" or a guild id → commands in registration order. */
    commands: new Map<string, Json[]>(),
    interactions: new Map<string, InteractionState>(),
    interactionsByToken: new Map<string, InteractionState>(),
    /** Users seen in injected interactions, for member look-ups. */
    users: new Map<string, Json>(),

    /** A real snowflake: timestamp since Discord's epoch in the high bits, a counter below. */
    nextId(): string {
      sequence = (sequence + 1) % 4_194_304;
      return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | BigInt(sequence)).toString();
    },

    addMessage(message: PostedMessage): PostedMessage {
      state.messages.push(message);
      state.messageById.set(message.id, message);
      state.changed();
      return message;
    },

    /** Re-checks every pending wait; call after any change a test might wait for. */
    changed(): void {
      for (const waiter of waiters) waiter.check();
    },

    /** Resolves with `probe()` once it returns something other than undefined. */
    waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (closed) {
          reject(new Error(`stand-in closed while waiting for ${what}`));
          return;
        }
        const waiter: Waiter = {
          check: () => {
            const value = probe();
            if (value === undefined) return false;
            finish();
            resolve(value);
            return true;
          },
          reject: (error) => {
            finish();
            reject(error);
          },
        };
        const timer = setTimeout(
          () => waiter.reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`)),
          timeoutMs,
        );
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        waiters.add(waiter);
        waiter.check();
      });
    },

    close(): void {
      closed = true;
      for (const waiter of [...waiters]) waiter.reject(new Error("stand-in closed"));
    },

    /** The bot's permissions in a channel: @everyone + its role, then the channel's role overwrite. */
    botPermissionsIn(channel: StandInChannel): bigint {
      const guild = state.guilds.get(channel.guildId);
      if (!guild) return 0n;
      const base = EVERYONE_PERMISSIONS | guild.botPermissions;
      if (base & Permission.Administrator) return ALL_PERMISSIONS;
      return channel.botPermissions ?? base;
    },
  };
  return state;
}

/** Accepts permissions as Discord writes them (decimal string) or as discord.js does (bigint). */
export function parsePermissions(value: bigint | string | number | undefined, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  if (typeof value === "bigint") return value;
  if (typeof value === "number" || /^\d+$/.test(value)) return BigInt(value);
  throw new Error(`stand-in: permissions must be a bigint or a decimal string, got "${value}"`);
}

/** A user object as Discord sends it. */
export function buildUser(id: string, username: string, bot = false): Json {
  return {
    id,
    username,
    discriminator: "0",
    global_name: bot ? null : username,
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}
