import type { App } from "../main.ts";
import { deliverQueued, queueDigest, queueFeedNotices, queueInstantAlerts } from "../pipeline/deliver.ts";
import type { FactBase } from "../pipeline/fact-base.ts";
import { DeliveryError, type DeliveryReport, type Sender } from "../pipeline/outbox.ts";
import { type PollReport, runPoll } from "../pipeline/poll.ts";

/** What one poll cycle did. */
export interface CycleReport {
  poll: Pick<PollReport, "items" | "matched" | "disabledFeeds"> & { feeds: number };
  /** Stories (and notices) queued for channels by this cycle. */
  queued: number;
  delivery: DeliveryReport;
}

/**
 * The bot's jobs, what runs in each, in order:
 * - poll: fetch, store and index facts (runPoll) → instant alerts → disabled-feed notices → send;
 * - digest: one guild's digest → send;
 * - deliver: send what is pending (at start-up, what a crash left behind).
 * Polls never overlap (a second call joins the one running). Queueing and sending run one job at
 * a time, so a story cannot be queued twice for a channel by a digest and an alert racing.
 */
export interface PostingCycles {
  poll(): Promise<CycleReport>;
  digest(guildId: string): Promise<DeliveryReport>;
  deliver(): Promise<DeliveryReport>;
  /** From now on sends fail as transient (entries stay pending); the send in flight finishes. */
  stopSending(): void;
}

/**
 * After a send fails for now, delivery is tried again after these delays before the next cycle:
 * a resend within Discord's few-minute nonce window cannot post a message twice, even when the
 * failed attempt had in fact been stored.
 */
export const RETRY_DELAYS_MS = [20_000, 60_000, 120_000];

export interface CycleOptions {
  /** Called when Discord refuses the token while sending (nothing more can be sent). */
  onTokenRefused?: (reason: string) => void;
  retryDelaysMs?: readonly number[];
}

export function createPostingCycles(
  app: App,
  facts: FactBase,
  sender: Sender,
  options: CycleOptions = {},
): PostingCycles {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let stopping = false;
  let polling: Promise<CycleReport> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };
  const guarded: Sender = {
    send(channelId, payload, nonce) {
      if (stopping) return Promise.reject(new DeliveryError("newsdesk is shutting down", "passing"));
      return sender.send(channelId, payload, nonce);
    },
  };
  let retry: NodeJS.Timeout | undefined;
  const deliver = async (round = 0): Promise<DeliveryReport> => {
    clearTimeout(retry);
    retry = undefined;
    const report = await deliverQueued(app, guarded);
    if (report.tokenRefused) options.onTokenRefused?.(report.tokenRefused);
    else if (report.pending.length > 0 && !stopping && round < retryDelays.length) {
      retry = setTimeout(
        () => void exclusive(() => deliver(round + 1)).catch(() => {}),
        retryDelays[round],
      ).unref();
    }
    return report;
  };

  const pollOnce = async (): Promise<CycleReport> => {
    const startedAt = app.now();
    const report = await runPoll(app, { facts });
    return exclusive(async () => {
      const queued = (await queueInstantAlerts(app, startedAt)) + (await queueFeedNotices(app));
      const delivery = await deliver();
      const summary = {
        feeds: report.feeds.length,
        items: report.items,
        matched: report.matched,
        disabledFeeds: report.disabledFeeds,
      };
      app.logger.info("poll cycle done", {
        ...summary,
        queued,
        sent: delivery.sent.length,
        pending: delivery.pending.length,
        failed: delivery.failed.length,
      });
      return { poll: summary, queued, delivery };
    });
  };

  return {
    poll() {
      polling ??= pollOnce().finally(() => {
        polling = undefined;
      });
      return polling;
    },
    digest: (guildId) =>
      exclusive(async () => {
        const queued = await queueDigest(app, guildId);
        const delivery = await deliver();
        app.logger.info("digest done", { guildId, queued, sent: delivery.sent.length });
        return delivery;
      }),
    deliver: () => exclusive(() => deliver()),
    stopSending() {
      stopping = true;
      clearTimeout(retry);
    },
  };
}
