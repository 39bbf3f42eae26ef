/**
 * Guilds and channels: creating them in the stand-in's memory and writing them as Discord does
 * (READY's unavailable stubs, GUILD_CREATE's full object, REST channel objects).
 */
import {
  ALL_PERMISSIONS,
  buildUser,
  DEFAULT_BOT_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  type GuildState,
  parsePermissions,
  type StandInState,
} from "./state.ts";
import type { AddChannelOptions, AddGuildOptions, Json, StandInChannel } from "./types.ts";

export function addGuild(state: StandInState, options: AddGuildOptions = {}): GuildState {
  const id = options.id ?? state.nextId();
  if (state.guilds.has(id)) throw new Error(`stand-in: guild ${id} already exists`);
  const guild: GuildState = {
    id,
    name: options.name ?? `Guild ${id}`,
    locale: options.locale ?? "en-US",
    ownerId: options.ownerId ?? state.nextId(),
    botPermissions: parsePermissions(options.botPermissions, DEFAULT_BOT_PERMISSIONS),
    channels: [],
    botRoleId: state.nextId(),
    joinedAt: new Date().toISOString(),
  };
  state.guilds.set(id, guild);
  for (const channel of options.channels ?? [{ name: "general" }]) addChannel(state, id, channel);
  return guild;
}

export function addChannel(
  state: StandInState,
  guildId: string,
  options: AddChannelOptions = {},
): StandInChannel {
  const guild = state.guilds.get(guildId);
  if (!guild) throw new Error(`stand-in: no guild ${guildId}; add it first`);
  const id = options.id ?? state.nextId();
  if (state.channels.has(id)) throw new Error(`stand-in: channel ${id} already exists`);
  const channel: StandInChannel = {
    id,
    guildId,
    name: options.name ?? `channel-${guild.channels.length + 1}`,
    type: options.type ?? 0,
  };
  if (options.botPermissions !== undefined)
    channel.botPermissions = parsePermissions(options.botPermissions, 0n);
  guild.channels.push(channel);
  state.channels.set(id, channel);
  return channel;
}

/** A guild channel object; GUILD_CREATE leaves `guild_id` out, REST includes it. */
export function channelJson(guild: GuildState, channel: StandInChannel, withGuildId: boolean): Json {
  const overwrites =
    channel.botPermissions === undefined
      ? []
      : [
          {
            id: guild.botRoleId,
            type: 0,
            allow: channel.botPermissions.toString(),
            deny: (ALL_PERMISSIONS & ~channel.botPermissions).toString(),
          },
        ];
  return {
    id: channel.id,
    type: channel.type,
    ...(withGuildId ? { guild_id: guild.id } : {}),
    name: channel.name,
    position: guild.channels.indexOf(channel),
    permission_overwrites: overwrites,
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function rolesJson(state: StandInState, guild: GuildState): Json[] {
  const role = (id: string, name: string, permissions: bigint, position: number, managed: boolean): Json => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0,
    ...(managed ? { tags: { bot_id: state.config.botUser.id } } : {}),
  });
  return [
    role(guild.id, "@everyone", EVERYONE_PERMISSIONS, 0, false),
    role(guild.botRoleId, String(state.config.botUser.username), guild.botPermissions, 1, true),
  ];
}

export function memberJson(user: Json, roles: string[], joinedAt: string): Json {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The guild object of REST GET /guilds/{id}. */
export function guildJson(state: StandInState, guild: GuildState): Json {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: rolesJson(state, guild),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.locale,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    incidents_data: null,
  };
}

/** The GUILD_CREATE payload: the guild plus the bot's member, its channels and empty collections. */
export function guildCreateJson(state: StandInState, guild: GuildState): Json {
  return {
    ...guildJson(state, guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [memberJson(state.config.botUser, [guild.botRoleId], guild.joinedAt)],
    channels: guild.channels.map((channel) => channelJson(guild, channel, false)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A user that is not the bot, for members of injected interactions. */
export function rememberUser(state: StandInState, id: string, username: string): Json {
  const user = state.users.get(id) ?? buildUser(id, username);
  state.users.set(id, user);
  return user;
}
