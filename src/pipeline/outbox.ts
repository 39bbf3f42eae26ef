import type { OutboxEntry } from "../model.ts";
import { hashId } from "../store/keys.ts";
import type { Store } from "../store/store.ts";

/**
 * Exactly-once delivery across crashes, in three steps:
 *   1. `queueMessages` writes one outbox entry per message (its stories, its payload, a nonce
 *      derived from channel + stories) and a marker per (channel, story), before anything is sent;
 *   2. `deliverPending` sends each pending entry with that nonce and `enforce_nonce`, so a resend
 *      after a crash between send and mark is deduplicated by Discord;
 *   3. the entry is marked sent with the message id.
 * A story already marked for a channel is never queued for it again, even if it gains sources.
 */

/** A message body as POST /channels/{id}/messages takes it (embeds, allowed_mentions…). */
export type MessagePayload = Record<string, unknown>;

export interface QueuedMessage {
  storyIds: string[];
  payload: MessagePayload;
}

export interface SendResult {
  /** Undefined when Discord says the message was posted earlier and has since been deleted. */
  messageId?: string;
}

/**
 * Whose fault a failed send is, which decides what happens to the entry:
 * - `passing`: a timeout, a 5xx after the REST client's retries — it stays pending, and its
 *   channel's later entries wait behind it;
 * - `channel`: missing access or permissions, unknown channel — the entry fails and the caller
 *   pauses the channel; nothing is retried for it in a loop;
 * - `message`: the body itself (invalid, too large) — dropped, never sent by retrying;
 * - `token`: Discord no longer accepts the bot's token — nothing more can be sent; every entry
 *   stays pending for the next start.
 */
export type DeliveryFault = "passing" | "channel" | "message" | "token";

/** Why a send failed, as the poster classifies Discord's answer. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly fault: DeliveryFault,
    readonly code?: number | string,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export interface Sender {
  send(channelId: string, payload: MessagePayload, nonce: string): Promise<SendResult>;
}

/** Stories of `storyIds` not yet queued for the channel (each story reaches a channel once). */
export async function filterUnqueued(store: Store, channelId: string, storyIds: string[]): Promise<string[]> {
  const markers = await store.meta.getMany(storyIds.map((id) => markerName(channelId, id)));
  return storyIds.filter((_, i) => markers[i] === undefined);
}

export async function queueMessages(
  store: Store,
  target: { guildId: string; channelId: string },
  messages: QueuedMessage[],
  now: Date,
): Promise<OutboxEntry[]> {
  const queued: OutboxEntry[] = [];
  for (const message of messages) {
    const key = `${target.channelId}:${hashId(target.channelId, ...message.storyIds)}`;
    const existing = await store.outbox.get(key);
    if (existing) {
      // A crash may have stopped an earlier queueing between the entry and its index or markers:
      // finish that work instead of skipping, or the entry would never be sent.
      if (existing.status !== "sent") await store.outbox.put(existing);
      await store.meta.setMany(
        existing.storyIds.map((id) => ({ name: markerName(target.channelId, id), value: key })),
      );
      continue;
    }
    const entry: OutboxEntry = {
      key,
      guildId: target.guildId,
      channelId: target.channelId,
      storyIds: message.storyIds,
      payload: message.payload,
      nonce: hashId("nonce", key),
      status: "pending",
      createdAt: now.toISOString(),
      attempts: 0,
    };
    await store.outbox.put(entry);
    await store.meta.setMany(
      message.storyIds.map((id) => ({ name: markerName(target.channelId, id), value: key })),
    );
    queued.push(entry);
  }
  return queued;
}

export interface DeliveryReport {
  sent: OutboxEntry[];
  /** Refused for their channel (the caller pauses it). */
  failed: OutboxEntry[];
  /** Refused for themselves (an invalid body): dropped, their channel goes on. */
  rejected: OutboxEntry[];
  pending: OutboxEntry[];
  /** Discord refused the token: delivery stopped there (see {@link DeliveryFault}). */
  tokenRefused?: string;
}

/**
 * Sends every pending entry, oldest first. Permanent failures mark the entry failed and are
 * returned so the caller pauses the subscription; a message Discord rejects for itself is
 * dropped and its channel goes on; transient failures leave the entry pending for the next cycle
 * (the REST client already retried 429s and 5xx a bounded number of times) and hold the rest of
 * its channel's entries with it, so that a digest's messages never arrive out of order. A refused
 * token stops the whole run: every entry not sent yet stays pending, unchanged.
 */
export async function deliverPending(
  store: Store,
  sender: Sender,
  now: () => Date,
  only?: (entry: OutboxEntry) => boolean,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: [], failed: [], rejected: [], pending: [] };
  const pending = (await store.outbox.pending())
    .filter((e) => !only || only(e))
    // Stable sort: entries queued together (a digest's messages) keep their queue order, which
    // is the order of the store's open list — a digest must not arrive as 2/3, 1/3, 3/3.
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // Channels paused, or waiting on a message that failed for now: their later entries wait.
  const heldChannels = new Set<string>();
  for (const [n, entry] of pending.entries()) {
    if (heldChannels.has(entry.channelId)) {
      report.pending.push(entry);
      continue;
    }
    const attempt = { ...entry, attempts: entry.attempts + 1 };
    try {
      const { messageId } = await sender.send(entry.channelId, entry.payload ?? {}, entry.nonce);
      const sent: OutboxEntry = {
        ...attempt,
        status: "sent",
        ...(messageId ? { messageId } : {}),
        sentAt: now().toISOString(),
      };
      await store.outbox.put(sent);
      report.sent.push(sent);
    } catch (error) {
      const fault = error instanceof DeliveryError ? error.fault : "passing";
      const reason = (error as Error).message;
      if (fault === "token") {
        // Not this entry's fault: it and everything after it wait for a working token.
        report.tokenRefused = reason;
        report.pending.push(...pending.slice(n));
        break;
      }
      const status = fault === "message" ? "dropped" : fault === "channel" ? "failed" : "pending";
      const failed: OutboxEntry = { ...attempt, status, lastError: reason };
      await store.outbox.put(failed);
      if (fault === "message") {
        report.rejected.push(failed);
        // One story's embed (a link Discord's rules refuse, a word AutoMod blocks) must not cost
        // the digest's other stories: they go again one per message, before the channel goes on.
        const parts = storyByStory(failed);
        for (const part of parts) await store.outbox.put(part);
        if (parts.length > 0) {
          heldChannels.add(entry.channelId);
          report.pending.push(...parts);
        }
        continue;
      }
      heldChannels.add(entry.channelId);
      if (fault === "channel") report.failed.push(failed);
      else report.pending.push(failed);
    }
  }
  return report;
}

/**
 * A refused message of several stories (one embed each, in order) as one entry per story. They
 * sort just before the refused one (1 ms earlier), so ahead of the rest of its channel's queue.
 */
function storyByStory(refused: OutboxEntry): OutboxEntry[] {
  const embeds = refused.payload?.embeds;
  if (!Array.isArray(embeds) || embeds.length < 2 || embeds.length !== refused.storyIds.length) return [];
  const createdAt = new Date(Date.parse(refused.createdAt) - 1).toISOString();
  const { lastError: _reason, messageId: _id, sentAt: _at, ...entry } = refused;
  return refused.storyIds.map((storyId, n) => {
    const key = `${refused.key}:${n + 1}`;
    return {
      ...entry,
      key,
      storyIds: [storyId],
      payload: { ...refused.payload, embeds: [embeds[n]] },
      nonce: hashId("nonce", key),
      status: "pending",
      createdAt,
      attempts: 0,
    };
  });
}

function markerName(channelId: string, storyId: string): string {
  return `posted:${channelId}:${storyId}`;
}
