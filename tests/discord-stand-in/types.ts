/**
 * Public shapes of the local Discord stand-in. Payloads are Discord API v10 JSON, kept as plain
 * objects so tests can assert on exactly what the real discord.js client sent.
 */

/** A JSON object as it travels over Discord's API. */
export type Json = Record<string, unknown>;

/** Options for {@link startDiscordStandIn}; every field has a Discord-like default. */
export interface StandInOptions {
  /** The bot token accepted on REST (`Authorization: Bot <token>`) and in IDENTIFY/RESUME. */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  /** Shard count GET /gateway/bot recommends. Default 1. */
  shards?: number;
  /** `heartbeat_interval` sent in HELLO. Default 41 250 ms, as Discord. */
  heartbeatIntervalMs?: number;
  /** How long after INTERACTION_CREATE the first callback is accepted (then 10062). Default 3 000 ms. */
  callbackDeadlineMs?: number;
  /** How long interaction webhooks (edits, follow-ups) stay usable. Default 15 minutes. */
  interactionTokenLifetimeMs?: number;
  /** Window in which an `enforce_nonce` send returns the original message. Default 5 minutes. */
  nonceWindowMs?: number;
  /** IDENTIFY with privileged intents (members, presences, message content) is refused with 4014 unless true. */
  allowPrivilegedIntents?: boolean;
  /** Clock for the deadlines above, so tests can move time without waiting. Default `Date.now`. */
  now?: () => number;
  /** Receives one line per unknown route or protocol error. Default `console.warn`. */
  log?: (line: string) => void;
}

/** A text (type 0) or other guild channel the stand-in knows. */
export interface StandInChannel {
  id: string;
  guildId: string;
  name: string;
  type: number;
  /** When set, the bot's effective permissions in this channel (written as a role overwrite). */
  botPermissions?: bigint;
}

/** A guild the bot is a member of. */
export interface StandInGuild {
  id: string;
  name: string;
  /** `preferred_locale`, e.g. "en-US" or "fr". */
  locale: string;
  ownerId: string;
  /** Guild-wide permissions of the bot's managed role. */
  botPermissions: bigint;
  channels: StandInChannel[];
}

export interface AddChannelOptions {
  id?: string;
  name?: string;
  /** Discord channel type; default 0 (text). */
  type?: number;
  botPermissions?: bigint | string;
}

export interface AddGuildOptions {
  id?: string;
  name?: string;
  /** `preferred_locale`; default "en-US". */
  locale?: string;
  /** Channels to create; default one text channel named "general". */
  channels?: AddChannelOptions[];
  /** Default View Channel, Send Messages, Embed Links, Read Message History. */
  botPermissions?: bigint | string;
  ownerId?: string;
}

/** A value for a slash-command option; channel, user and role options take the id as a string. */
export type OptionValue = string | number | boolean;

export interface InjectInteractionOptions {
  /** Omit for a direct-message interaction (`user` instead of `member`, context 1). */
  guildId?: string;
  /** Default: the guild's first text channel (or a DM channel). */
  channelId?: string;
  /** The command name, e.g. "feed". */
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /**
   * Leaf options by name. Types come from the registered command when there is one (so channel
   * options get `resolved.channels`), else are inferred: string 3, integer 4, number 10, boolean 5.
   */
  options?: Record<string, OptionValue>;
  /** 2 application command (default) or 4 autocomplete. `focused` implies 4. */
  type?: 2 | 4;
  /** For autocomplete: the option being typed; its value is the partial text. */
  focused?: string;
  /** The user's client locale; default "en-US". */
  locale?: string;
  /** The member's computed permissions; default a plain member's (no Manage Server). */
  memberPermissions?: bigint | string;
  userId?: string;
  username?: string;
  roles?: string[];
}

/** A message the stand-in created (channel message, interaction reply or follow-up). */
export interface PostedMessage {
  id: string;
  channelId: string;
  /** The request body exactly as the client sent it (nonce, enforce_nonce, allowed_mentions, embeds…). */
  payload: Json;
  /** The message object as it stands now (after edits), as the stand-in returns it. */
  message: Json;
  /** Bodies of later edits, in order. */
  edits: Json[];
  /** Attachments sent as multipart files. */
  files: Array<{ name: string; size: number; contentType: string }>;
}

/** The body of an accepted interaction callback: `{ type, data? }`. */
export interface InteractionCallback {
  type: number;
  data?: Json;
}

/** An injected interaction and everything the client answered to it. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE `d` payload that was dispatched. */
  readonly payload: Json;
  /** The accepted callback, once there is one. */
  readonly callback: InteractionCallback | undefined;
  /** The `@original` response message as it stands now (absent before a type 4/5 callback). */
  readonly original: PostedMessage | undefined;
  /** Follow-up messages in order (a first follow-up after a deferral replaces `@original`, as on Discord). */
  readonly followUps: PostedMessage[];
  /** Resolves with the first accepted callback body; rejects after `timeoutMs` (default 5 000). */
  response(timeoutMs?: number): Promise<InteractionCallback>;
  /** Resolves with `@original` once it has content: the type 4 reply, or the first edit after a deferral. */
  reply(timeoutMs?: number): Promise<PostedMessage>;
  /** Resolves with follow-up number `index` (0-based) once it exists. */
  followUp(index?: number, timeoutMs?: number): Promise<PostedMessage>;
}

/** Selects requests by `"METHOD /path"` (`:x` or `*` match one segment; method optional), RegExp on that string, or a predicate. */
export type RouteMatcher = string | RegExp | ((request: { method: string; path: string }) => boolean);

/** A fault answered instead of the route's normal response. `retryAfter` is in seconds, as Discord. */
export type Fault =
  | { status: 429; retryAfter?: number; global?: boolean; scope?: "user" | "global" | "shared" }
  | {
      status: number;
      code?: number;
      message?: string;
      /** Run the route first (a message is stored) and then answer the fault: a lost response. */
      afterHandling?: boolean;
    };

/** One REST request as received (after auth, faults and routing). */
export interface RequestRecord {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: string;
  body: unknown;
  status: number;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  /** Events sent again on RESUME because the client had missed them. */
  replayed: number;
  heartbeats: number;
  /** Sockets open right now. */
  open: number;
}

/** A running stand-in. Everything is in memory and lost on {@link StandIn.close}. */
export interface StandIn {
  /** Pass as `new Client({ rest: { api } })`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: Json;
  addGuild(options?: AddGuildOptions): StandInGuild;
  /** Adds a channel to a guild and announces it with CHANNEL_CREATE. */
  addChannel(guildId: string, options?: AddChannelOptions): StandInChannel;
  /** Changes a guild's preferred locale and announces it with GUILD_UPDATE, as a server admin does. */
  setGuildLocale(guildId: string, locale: string): void;
  /** Deletes a channel (later posts to it get 10003) and announces it with CHANNEL_DELETE. */
  deleteChannel(channelId: string): void;
  /** The bot leaves a guild (kicked): GUILD_DELETE without `unavailable`; its channels are gone. */
  removeBotFromGuild(guildId: string): void;
  guild(guildId: string): StandInGuild | undefined;
  /** Dispatches INTERACTION_CREATE (buffered for replay if the gateway is between connections). */
  injectInteraction(options: InjectInteractionOptions): Promise<InteractionRecord>;
  /**
   * Messages created with POST /channels/{id}/messages in a channel (or everywhere), oldest first.
   * A send de-duplicated by `enforce_nonce` adds nothing. Interaction replies and follow-ups live
   * on their {@link InteractionRecord}.
   */
  messages(channelId?: string): PostedMessage[];
  /** Resolves once the channel holds at least `count` messages. */
  waitForMessages(channelId: string, count: number, timeoutMs?: number): Promise<PostedMessage[]>;
  /** Registered application commands: global ones, or a guild's. */
  commands(guildId?: string): Json[];
  /** Every REST request so far, in order of arrival. */
  requests(): RequestRecord[];
  /** `"METHOD /path"` of requests that matched no route. */
  unhandledRoutes(): string[];
  /** Answers the next `times` (default 1; `Infinity` allowed) matching requests with `fault`. */
  failNext(matcher: RouteMatcher, fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Cuts gateway sockets: abnormally (client resumes) or with `code` (e.g. 1000: client re-identifies). */
  dropGateway(options?: { code?: number }): void;
  gatewayStats(): GatewayStats;
  /** Delays every REST response by `ms` (the route has already run: a client timeout leaves its effect). */
  setLatency(ms: number): void;
  /** Closes the server and every socket; pending waits reject. */
  close(): Promise<void>;
}
