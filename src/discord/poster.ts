import { DiscordAPIError, HTTPError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import { DeliveryError, type MessagePayload, type Sender } from "../pipeline/outbox.ts";

/** Discord answers that will not change by retrying: pause the subscription and say why. */
const PERMANENT_CODES = new Set<number | string>([
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel,
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
]);

/**
 * Sends outbox messages through discord.js's REST client. 429s are waited out and retried by
 * the REST client itself; 5xx and timeouts are retried there a bounded number of times, which
 * is safe because every send carries its outbox nonce with `enforce_nonce`.
 */
export function createDiscordSender(rest: REST): Sender {
  return {
    async send(channelId: string, payload: MessagePayload, nonce: string) {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: { ...payload, allowed_mentions: { parse: [] }, nonce, enforce_nonce: true },
        })) as { id: string };
        return { messageId: message.id };
      } catch (error) {
        // A resend whose nonce matches a message posted earlier and deleted since (by a
        // moderator): it was delivered, and posting it again would undo the deletion.
        if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage) return {};
        throw classify(error);
      }
    },
  };
}

export function classify(error: unknown): DeliveryError {
  if (error instanceof DiscordAPIError) {
    // discord.js forgets a token Discord answered 401 to: nothing can be sent until a restart.
    if (error.status === 401) return new DeliveryError(describe(error), "token", error.code);
    if (PERMANENT_CODES.has(error.code) || error.status === 403 || error.status === 404)
      return new DeliveryError(describe(error), "channel", error.code);
    // Any other 4xx (an invalid body, a message too large) will be refused again: never retried.
    const passing = error.status === 429 || error.status >= 500;
    return new DeliveryError(describe(error), passing ? "passing" : "message", error.code);
  }
  if (error instanceof HTTPError)
    return new DeliveryError(`Discord answered ${error.status}`, "passing", error.status);
  return new DeliveryError((error as Error).message ?? String(error), "passing");
}

function describe(error: DiscordAPIError): string {
  if (error.status === 401)
    return "Unauthorized: Discord no longer accepts the bot's token (check DISCORD_TOKEN; was it reset?)";
  switch (error.code) {
    case RESTJSONErrorCodes.MissingPermissions:
      return "Missing Permissions: the bot may not send messages or embeds in this channel (needs View Channel, Send Messages, Embed Links)";
    case RESTJSONErrorCodes.MissingAccess:
      return "Missing Access: the bot cannot see this channel";
    case RESTJSONErrorCodes.UnknownChannel:
      return "Unknown Channel: the channel was deleted";
    default:
      return `Discord refused the message (${error.code}): ${error.message}`;
  }
}
