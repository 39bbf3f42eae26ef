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
        throw classify(error);
      }
    },
  };
}

export function classify(error: unknown): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const permanent = PERMANENT_CODES.has(error.code) || error.status === 403 || error.status === 404;
    // Any other 4xx (an invalid body, a message too large) will be refused again: never retried.
    const rejected = !permanent && error.status >= 400 && error.status < 500 && error.status !== 429;
    return new DeliveryError(describe(error), permanent, error.code, rejected);
  }
  if (error instanceof HTTPError)
    return new DeliveryError(`Discord answered ${error.status}`, false, error.status);
  return new DeliveryError((error as Error).message ?? String(error), false);
}

function describe(error: DiscordAPIError): string {
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
