/**
 * Channel routes: GET /channels/{id} and the message routes, with Discord's checks in its order:
 * unknown channel (10003), no View Channel (50001), no Send Messages (50013), then the body
 * (50035 / 50006), then `enforce_nonce` de-duplication.
 */
import { apiError, errors, type RouteResult } from "./errors.ts";
import { channelJson } from "./guilds.ts";
import { resolveMentions } from "./mentions.ts";
import { checkMessageBody } from "./message-limits.ts";
import type { Route, RouteContext, UploadedFile } from "./router.ts";
import { Permission, type StandInState } from "./state.ts";
import type { Json, PostedMessage, StandInChannel } from "./types.ts";

/** Channel types that carry messages (text, voice, announcement, threads, stage). */
const MESSAGE_CHANNEL_TYPES = new Set([0, 1, 2, 3, 5, 10, 11, 12, 13]);

export function asJson(body: unknown): Json {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Json) : {};
}

/** Builds the message object Discord returns for a created message. */
export function buildMessageJson(
  state: StandInState,
  init: { id: string; channelId: string; body: Json; files: UploadedFile[]; extra?: Json },
): Json {
  const { body } = init;
  return {
    id: init.id,
    type: 0,
    channel_id: init.channelId,
    author: state.config.botUser,
    content: typeof body.content === "string" ? body.content : "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    ...resolveMentions(body.content, body.allowed_mentions, state.users),
    attachments: init.files.map((file, index) => ({
      id: `${init.id}${index}`,
      filename: file.name,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.stand-in.invalid/attachments/${init.channelId}/${init.id}/${file.name}`,
      proxy_url: `https://media.stand-in.invalid/attachments/${init.channelId}/${init.id}/${file.name}`,
    })),
    embeds: normaliseEmbeds(body.embeds),
    pinned: false,
    flags: typeof body.flags === "number" ? body.flags : 0,
    components: Array.isArray(body.components) ? body.components : [],
    ...(body.nonce !== undefined && body.nonce !== null ? { nonce: body.nonce } : {}),
    ...init.extra,
  };
}

/** Applies a PATCH body to a stored message, as Discord does for channel and webhook edits. */
export function applyEdit(state: StandInState, posted: PostedMessage, body: Json): void {
  const message = posted.message;
  if ("content" in body) message.content = typeof body.content === "string" ? body.content : "";
  if ("embeds" in body) message.embeds = normaliseEmbeds(body.embeds);
  if ("components" in body) message.components = Array.isArray(body.components) ? body.components : [];
  if (typeof body.flags === "number") message.flags = body.flags;
  const allowed = "allowed_mentions" in body ? body.allowed_mentions : posted.payload.allowed_mentions;
  Object.assign(message, resolveMentions(message.content, allowed, state.users));
  message.edited_timestamp = new Date().toISOString();
  posted.edits.push(body);
  state.changed();
}

function normaliseEmbeds(embeds: unknown): Json[] {
  if (!Array.isArray(embeds)) return [];
  return embeds.map((embed) => ({ type: "rich", ...asJson(embed) }));
}

export function messageRoutes(state: StandInState): Route[] {
  /** Looks up a channel and checks the bot may use it; returns the error Discord gives otherwise. */
  const openChannel = (channelId: string, needSend: boolean): StandInChannel | RouteResult => {
    const channel = state.channels.get(channelId);
    if (!channel) return errors.unknownChannel();
    const permissions = state.botPermissionsIn(channel);
    if (!(permissions & Permission.ViewChannel)) return errors.missingAccess();
    if (needSend && !(permissions & Permission.SendMessages)) return errors.missingPermissions();
    return channel;
  };
  const findMessage = (context: RouteContext): PostedMessage | RouteResult => {
    const channel = openChannel(context.params.channelId ?? "", false);
    if ("status" in channel) return channel;
    const posted = state.messageById.get(context.params.messageId ?? "");
    return posted && posted.channelId === channel.id ? posted : errors.unknownMessage();
  };

  const create = (context: RouteContext): RouteResult => {
    const channel = openChannel(context.params.channelId ?? "", true);
    if ("status" in channel) return channel;
    if (!MESSAGE_CHANNEL_TYPES.has(channel.type)) {
      return apiError(400, 50008, "Cannot send messages in a non-text channel");
    }
    const body = asJson(context.body);
    const invalid = checkMessageBody(body, { files: context.files.length });
    if (invalid) return invalid;
    const nonceKey = `${channel.id}:${String(body.nonce)}`;
    const enforced = body.enforce_nonce === true && body.nonce !== undefined && body.nonce !== null;
    if (enforced) {
      const seen = state.nonces.get(nonceKey);
      if (seen && state.config.now() - seen.at <= state.config.nonceWindowMs) {
        return { status: 200, body: seen.message.message };
      }
    }
    const id = state.nextId();
    const posted = state.addMessage({
      id,
      channelId: channel.id,
      payload: body,
      message: buildMessageJson(state, { id, channelId: channel.id, body, files: context.files }),
      edits: [],
      files: context.files,
    });
    if (enforced) state.nonces.set(nonceKey, { message: posted, at: state.config.now() });
    return { status: 200, body: posted.message };
  };

  return [
    {
      method: "GET",
      pattern: "/channels/:channelId",
      auth: true,
      handle: (context) => {
        const channel = openChannel(context.params.channelId ?? "", false);
        if ("status" in channel) return channel;
        const guild = state.guilds.get(channel.guildId);
        return guild ? { status: 200, body: channelJson(guild, channel, true) } : errors.unknownChannel();
      },
    },
    { method: "POST", pattern: "/channels/:channelId/messages", auth: true, handle: create },
    {
      method: "GET",
      pattern: "/channels/:channelId/messages",
      auth: true,
      handle: (context) => {
        const channel = openChannel(context.params.channelId ?? "", false);
        if ("status" in channel) return channel;
        if (!(state.botPermissionsIn(channel) & Permission.ReadMessageHistory))
          return { status: 200, body: [] };
        const limit = Math.min(100, Number(context.query.get("limit") ?? 50));
        const newestFirst = state.messages.filter((posted) => posted.channelId === channel.id).reverse();
        return { status: 200, body: newestFirst.slice(0, limit).map((posted) => posted.message) };
      },
    },
    {
      method: "GET",
      pattern: "/channels/:channelId/messages/:messageId",
      auth: true,
      handle: (context) => {
        const posted = findMessage(context);
        return "status" in posted ? posted : { status: 200, body: posted.message };
      },
    },
    {
      method: "PATCH",
      pattern: "/channels/:channelId/messages/:messageId",
      auth: true,
      handle: (context) => {
        const posted = findMessage(context);
        if ("status" in posted) return posted;
        const body = asJson(context.body);
        const invalid = checkMessageBody(body, { partial: true });
        if (invalid) return invalid;
        applyEdit(state, posted, body);
        return { status: 200, body: posted.message };
      },
    },
    {
      method: "DELETE",
      pattern: "/channels/:channelId/messages/:messageId",
      auth: true,
      handle: (context) => {
        const posted = findMessage(context);
        if ("status" in posted) return posted;
        state.messages.splice(state.messages.indexOf(posted), 1);
        state.messageById.delete(posted.id);
        state.changed();
        return { status: 204 };
      },
    },
  ];
}
