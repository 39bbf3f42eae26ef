/**
 * Injected interactions: the INTERACTION_CREATE payload Discord would send for a slash command or
 * an autocomplete request, and the record tests read the client's answers from. Option types come
 * from the registered command, so a test that names an option the command lacks fails loudly.
 */
import { randomBytes } from "node:crypto";
import { channelJson, memberJson, rememberUser, rolesJson } from "./guilds.ts";
import {
  buildUser,
  type GuildState,
  type InteractionState,
  PLAIN_MEMBER_PERMISSIONS,
  parsePermissions,
  type StandInState,
} from "./state.ts";
import type { InjectInteractionOptions, InteractionRecord, Json, OptionValue } from "./types.ts";

const DEFAULT_USER_ID = "300000000000000001";
const DEFAULT_WAIT_MS = 5000;

export function buildInteraction(state: StandInState, options: InjectInteractionOptions): InteractionState {
  const type = options.focused !== undefined ? 4 : (options.type ?? 2);
  const guild = options.guildId === undefined ? undefined : state.guilds.get(options.guildId);
  if (options.guildId !== undefined && !guild) throw new Error(`stand-in: no guild ${options.guildId}`);
  const userId = options.userId ?? DEFAULT_USER_ID;
  const user = rememberUser(state, userId, options.username ?? `user-${userId.slice(-4)}`);
  const memberPermissions = parsePermissions(options.memberPermissions, PLAIN_MEMBER_PERMISSIONS);

  let channel: Json;
  let appPermissions: bigint;
  if (guild) {
    const found = options.channelId
      ? state.channels.get(options.channelId)
      : guild.channels.find((candidate) => candidate.type === 0);
    if (!found || found.guildId !== guild.id) {
      throw new Error(`stand-in: no text channel ${options.channelId ?? ""} in guild ${guild.id}`);
    }
    channel = { ...channelJson(guild, found, true), permissions: memberPermissions.toString() };
    appPermissions = state.botPermissionsIn(found);
  } else {
    const id = options.channelId ?? state.nextId();
    state.dmChannels.set(id, userId);
    channel = { id, type: 1, last_message_id: null, flags: 0, recipients: [user] };
    appPermissions = PLAIN_MEMBER_PERMISSIONS;
  }

  const command = [
    ...(guild ? (state.commands.get(guild.id) ?? []) : []),
    ...(state.commands.get("global") ?? []),
  ].find((candidate) => candidate.name === options.name && (candidate.type ?? 1) === 1);
  const built = buildOptions(state, command, options, guild, memberPermissions, type === 4);
  const id = state.nextId();
  const token = `stand-in.${randomBytes(24).toString("base64url")}`;
  const payload: Json = {
    id,
    application_id: state.config.applicationId,
    type,
    data: {
      id: command?.id ?? state.nextId(),
      name: options.name,
      type: 1,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      ...(built.options.length > 0 ? { options: built.options } : {}),
      ...(Object.keys(built.resolved).length > 0 ? { resolved: built.resolved } : {}),
    },
    ...(guild
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: guild.locale, features: [] },
          guild_locale: guild.locale,
          member: {
            ...memberJson(user, options.roles ?? [], guild.joinedAt),
            permissions: memberPermissions.toString(),
          },
        }
      : { user }),
    channel,
    channel_id: channel.id,
    token,
    version: 1,
    app_permissions: appPermissions.toString(),
    locale: options.locale ?? "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": guild?.id ?? "0" },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
  return {
    id,
    token,
    type,
    guildId: guild?.id,
    channelId: String(channel.id),
    payload,
    injectedAt: state.config.now(),
    callback: undefined,
    original: undefined,
    loading: false,
    followUps: [],
  };
}

function buildOptions(
  state: StandInState,
  command: Json | undefined,
  options: InjectInteractionOptions,
  guild: GuildState | undefined,
  memberPermissions: bigint,
  autocomplete: boolean,
): { options: Json[]; resolved: Record<string, Record<string, Json>> } {
  const where = `/${options.name}`;
  const schema = command?.options as Json[] | undefined;
  const pick = (list: Json[] | undefined, name: string, type: number, what: string): Json | undefined => {
    const found = list?.find((option) => option.name === name && option.type === type);
    if (list !== undefined && !found) throw new Error(`stand-in: ${where} has no ${what} "${name}"`);
    return found;
  };
  let leafSchema = schema;
  const wrap: Array<(leaves: Json[]) => Json[]> = [];
  if (options.subcommandGroup !== undefined) {
    if (options.subcommand === undefined)
      throw new Error(`stand-in: ${where}: a subcommand group needs a subcommand`);
    const group = pick(schema, options.subcommandGroup, 2, "subcommand group");
    leafSchema = group?.options as Json[] | undefined;
    const groupName = options.subcommandGroup;
    wrap.push((inner) => [{ type: 2, name: groupName, options: inner }]);
  }
  if (options.subcommand !== undefined) {
    const sub = pick(leafSchema, options.subcommand, 1, "subcommand");
    leafSchema = (sub?.options as Json[] | undefined) ?? (sub ? [] : undefined);
    const subName = options.subcommand;
    wrap.unshift((inner) => [{ type: 1, name: subName, options: inner }]);
  } else if (leafSchema?.some((option) => option.type === 1 || option.type === 2)) {
    throw new Error(`stand-in: ${where} needs a subcommand`);
  }

  const resolved: Record<string, Record<string, Json>> = {};
  const given: Record<string, OptionValue> = { ...options.options };
  if (options.focused !== undefined && !(options.focused in given)) given[options.focused] = "";
  const leaves = Object.entries(given).map(([name, value]) => {
    const definition = leafSchema?.find((option) => option.name === name);
    if (leafSchema !== undefined && !definition)
      throw new Error(`stand-in: ${where} has no option "${name}"`);
    const type = (definition?.type as number | undefined) ?? inferType(value);
    if (name === options.focused) return { type, name, value: String(value), focused: true };
    checkValue(where, name, type, value);
    resolveOption(state, resolved, type, String(value), guild, memberPermissions);
    return { type, name, value };
  });
  if (!autocomplete) {
    for (const option of leafSchema ?? []) {
      if (option.required === true && !(String(option.name) in given)) {
        throw new Error(`stand-in: ${where} requires option "${String(option.name)}"`);
      }
    }
  }
  return { options: wrap.reduce((inner, apply) => apply(inner), leaves as Json[]), resolved };
}

function inferType(value: OptionValue): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function checkValue(where: string, name: string, type: number, value: OptionValue): void {
  const ok =
    type === 5
      ? typeof value === "boolean"
      : type === 4
        ? Number.isInteger(value)
        : type === 10
          ? typeof value === "number"
          : typeof value === "string";
  if (!ok)
    throw new Error(
      `stand-in: ${where} option "${name}" (type ${type}) cannot take ${JSON.stringify(value)}`,
    );
}

/** Adds what Discord puts in `data.resolved` for user, channel, role and mentionable options. */
function resolveOption(
  state: StandInState,
  resolved: Record<string, Record<string, Json>>,
  type: number,
  id: string,
  guild: GuildState | undefined,
  memberPermissions: bigint,
): void {
  const add = (kind: string, value: Json) => {
    resolved[kind] = { ...resolved[kind], [id]: value };
  };
  const role = guild ? rolesJson(state, guild).find((candidate) => candidate.id === id) : undefined;
  if (type === 7) {
    const channel = state.channels.get(id);
    const channelGuild = channel ? state.guilds.get(channel.guildId) : undefined;
    if (!channel || !channelGuild) throw new Error(`stand-in: channel option names unknown channel ${id}`);
    add("channels", {
      ...channelJson(channelGuild, channel, true),
      permissions: memberPermissions.toString(),
    });
  } else if (type === 8 || (type === 9 && role)) {
    if (!role) throw new Error(`stand-in: role option names unknown role ${id}`);
    add("roles", role);
  } else if (type === 6 || type === 9) {
    const user = state.users.get(id) ?? buildUser(id, `user-${id.slice(-4)}`);
    add("users", user);
    if (guild) {
      const { user: _user, ...member } = memberJson(user, [], guild.joinedAt);
      add("members", { ...member, permissions: PLAIN_MEMBER_PERMISSIONS.toString() });
    }
  } else if (type === 11) {
    throw new Error("stand-in: attachment options are not supported");
  }
}

/** The public, read-only view of an interaction record. */
export function viewInteraction(state: StandInState, record: InteractionState): InteractionRecord {
  const name = `/${String((record.payload.data as Json).name)} (${record.id})`;
  return {
    id: record.id,
    token: record.token,
    payload: record.payload,
    get callback() {
      return record.callback;
    },
    get original() {
      return record.original;
    },
    get followUps() {
      return record.followUps;
    },
    response: (timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => record.callback, timeoutMs, `the callback to ${name}`),
    reply: (timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => (record.loading ? undefined : record.original), timeoutMs, `the reply to ${name}`),
    followUp: (index = 0, timeoutMs = DEFAULT_WAIT_MS) =>
      state.waitFor(() => record.followUps[index], timeoutMs, `follow-up ${index} to ${name}`),
  };
}
