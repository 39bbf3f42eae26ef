/**
 * Which stories go to which channel (src/pipeline/deliver.ts), against an in-memory store and a
 * recording sender: each story reaches a channel once whatever brought it, nothing backlog or
 * out of scope is posted, digests pack 10 stories a message, and Discord's permanent refusals
 * pause the channel instead of being retried.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subscribe, unsubscribe } from "../../src/actions/subscriptions.ts";
import { validateMessagePayload } from "../../src/discord/message-limits.ts";
import { createLogger } from "../../src/log/logger.ts";
import { type App, createApp } from "../../src/main.ts";
import type { Item, Story, Subscription } from "../../src/model.ts";
import {
  deliverQueued,
  queueDigest,
  queueFeedNotices,
  queueInstantAlerts,
} from "../../src/pipeline/deliver.ts";
import { DeliveryError, type MessagePayload, type Sender } from "../../src/pipeline/outbox.ts";
import { makeItem, makeStory } from "../digest/make-stories.ts";
import { createWorkspace, type Workspace } from "../e2e/helpers/workspace.ts";

const GUILD = "1001";
const OTHER_GUILD = "2002";
const CHANNEL = "5001";
const OTHER_CHANNEL = "5002";
const T0 = Date.parse("2026-03-02T08:00:00Z");

let workspace: Workspace;
let app: App;
let clock: number;

beforeEach(async () => {
  workspace = createWorkspace({
    feeds: [{ url: "https://global.example.com/feed.xml", title: "Global Wire" }],
  });
  clock = T0;
  app = await createApp({
    env: { NEWSDESK_CONFIG: workspace.configDir, STORE_URL: "memory://" },
    logger: createLogger({ level: "silent" }),
    now: () => new Date(clock),
  });
  for (const id of ["alpha", "beta"]) {
    await app.store.topics.upsert(
      { id, name: id.toUpperCase(), query: id, guildId: GUILD },
      (a, b) => a.id === b.id,
    );
  }
});
afterEach(async () => {
  await app.close();
  workspace.remove();
});

const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

async function subscribeTo(topic: string, mode: Subscription["mode"], channelId = CHANNEL, guildId = GUILD) {
  await app.store.subscriptions.upsert(
    { guildId, channelId, topic, mode, createdAt: at(0) },
    (a, b) => a.channelId === b.channelId && a.topic === b.topic,
  );
  if (!(await app.store.guilds.get(guildId))) {
    await app.store.guilds.put({ guildId, digestCron: "0 8 * * *", timezone: "UTC", lastDigestAt: at(0) });
  }
}

/** Stores stories (one item each) first seen at `minute`, matching `topics`. */
async function addStories(
  count: number,
  options: {
    topics: string[];
    minute?: number;
    item?: Partial<Item>;
    story?: Partial<Story>;
    prefix?: string;
  },
) {
  const items: Item[] = [];
  const stories: Story[] = [];
  for (let n = 0; n < count; n++) {
    const key = `${options.prefix ?? "s"}${n}-${stories.length}-${Math.random().toString(36).slice(2, 7)}`;
    const item = makeItem(key, { published: at(options.minute ?? 10), ...options.item });
    items.push(item);
    stories.push(
      makeStory(`story-${key}`, [item], {
        firstSeen: at(options.minute ?? 10),
        topics: options.topics.map((topic, i) => ({ topic, score: 1 - i / 10 })),
        ...options.story,
      }),
    );
  }
  await app.store.items.putMany(items);
  await app.store.stories.putMany(stories);
  return stories;
}

function recordingSender(refuse?: (channelId: string) => DeliveryError | undefined) {
  const sent: { channelId: string; payload: MessagePayload; nonce: string }[] = [];
  const sender: Sender = {
    async send(channelId, payload, nonce) {
      const error = refuse?.(channelId);
      if (error) throw error;
      sent.push({ channelId, payload, nonce });
      return { messageId: String(sent.length) };
    },
  };
  return { sender, sent };
}

const embedsOf = (payload: MessagePayload) => (payload.embeds as { title?: string }[]).length;

describe("instant alerts", () => {
  it("queue a story matching two topics of one channel once, and never again", async () => {
    await subscribeTo("alpha", "instant");
    await subscribeTo("beta", "instant");
    await addStories(1, { topics: ["alpha", "beta"] });
    clock = T0 + 20 * 60_000;
    expect(await queueInstantAlerts(app, new Date(clock))).toBe(1);
    expect(await queueInstantAlerts(app, new Date(clock))).toBe(0);
    const { sender, sent } = recordingSender();
    await deliverQueued(app, sender);
    expect(sent).toHaveLength(1);
    expect(embedsOf(sent[0]!.payload)).toBe(1);
    expect(validateMessagePayload(sent[0]!.payload as never)).toEqual([]);
  });

  it("skip backlog stories, stories older than the subscription, and other guilds' private feeds", async () => {
    await subscribeTo("alpha", "instant");
    await app.store.feeds.upsert(
      { url: "https://private.example.com/feed.xml", guildId: OTHER_GUILD, addedAt: at(0) },
      () => false,
    );
    await addStories(1, { topics: ["alpha"], story: { backlog: true } });
    await addStories(1, { topics: ["alpha"], minute: -5 });
    await addStories(1, {
      topics: ["alpha"],
      item: { feed: "https://private.example.com/feed.xml", guildId: OTHER_GUILD },
    });
    const [visible] = await addStories(1, { topics: ["alpha"] });
    expect(await queueInstantAlerts(app, new Date(T0 + 20 * 60_000))).toBe(1);
    const [entry] = await app.store.outbox.pending();
    expect(entry?.storyIds).toEqual([visible!.id]);
  });

  it("cover the stories of a cycle cut short: the next cycle starts where the last completed one began", async () => {
    await subscribeTo("alpha", "instant");
    expect(await queueInstantAlerts(app, new Date(at(5)))).toBe(0);
    // A cycle that began at minute 10 found these stories and crashed before queueing them.
    await addStories(2, { topics: ["alpha"], minute: 11 });
    expect(await queueInstantAlerts(app, new Date(at(30)))).toBe(2);
  });
});

describe("digests", () => {
  it("pack 25 stories into messages of 10, 10 and 5, sent in that order, and start the next digest after them", async () => {
    await subscribeTo("alpha", "digest");
    await addStories(25, { topics: ["alpha"], item: { text: "word ".repeat(1000) } });
    clock = T0 + 60 * 60_000;
    expect(await queueDigest(app, GUILD)).toBe(25);
    const pending = (await app.store.outbox.pending()).sort((a, b) => a.key.localeCompare(b.key));
    expect(pending.map((e) => e.storyIds.length).sort()).toEqual([10, 10, 5]);
    for (const entry of pending) expect(validateMessagePayload(entry.payload as never)).toEqual([]);
    expect((await app.store.guilds.get(GUILD))?.lastDigestAt).toBe(new Date(clock).toISOString());
    expect(await queueDigest(app, GUILD)).toBe(0);
    const { sender, sent } = recordingSender();
    await deliverQueued(app, sender);
    expect(sent.map((s) => embedsOf(s.payload))).toEqual([10, 10, 5]);
  });

  it("leave out stories already alerted in the same channel", async () => {
    await subscribeTo("alpha", "instant");
    await subscribeTo("beta", "digest");
    await addStories(1, { topics: ["alpha", "beta"] });
    await addStories(1, { topics: ["beta"] });
    expect(await queueInstantAlerts(app, new Date(at(20)))).toBe(1);
    clock = T0 + 30 * 60_000;
    expect(await queueDigest(app, GUILD)).toBe(1);
  });
});

describe("delivery", () => {
  it("pauses every subscription of a channel Discord refuses for good, and holds its other messages", async () => {
    await subscribeTo("alpha", "instant", CHANNEL);
    await subscribeTo("beta", "instant", CHANNEL);
    await subscribeTo("alpha", "instant", OTHER_CHANNEL);
    await addStories(2, { topics: ["alpha", "beta"] });
    await queueInstantAlerts(app, new Date(at(20)));
    let attempts = 0;
    const refusal = new DeliveryError("Missing Permissions: the bot may not send messages", "channel", 50013);
    const { sender, sent } = recordingSender((channelId) => {
      if (channelId !== CHANNEL) return undefined;
      attempts++;
      return refusal;
    });
    const report = await deliverQueued(app, sender);
    expect(report.failed).toHaveLength(1);
    expect(sent.map((s) => s.channelId)).toEqual([OTHER_CHANNEL, OTHER_CHANNEL]);
    const paused = (await app.store.subscriptions.list()).filter((s) => s.pausedReason);
    expect(paused.map((s) => `${s.channelId}:${s.topic}`).sort()).toEqual([
      `${CHANNEL}:alpha`,
      `${CHANNEL}:beta`,
    ]);
    expect(paused[0]?.pausedReason).toContain("Missing Permissions");
    await deliverQueued(app, sender);
    expect(attempts).toBe(1);
  });

  it("keeps a message pending after a transient failure and sends it next time with the same nonce", async () => {
    await subscribeTo("alpha", "instant");
    await addStories(1, { topics: ["alpha"] });
    await queueInstantAlerts(app, new Date(at(20)));
    let fail = true;
    const nonces: string[] = [];
    const sender: Sender = {
      async send(_channelId, _payload, nonce) {
        nonces.push(nonce);
        if (fail) throw new DeliveryError("Discord answered 503", "passing", 503);
        return { messageId: "1" };
      },
    };
    expect((await deliverQueued(app, sender)).pending).toHaveLength(1);
    fail = false;
    expect((await deliverQueued(app, sender)).sent).toHaveLength(1);
    expect(new Set(nonces).size).toBe(1);
    expect(await app.store.outbox.pending()).toEqual([]);
  });
});

describe("delivery order and refused messages", () => {
  it("holds a channel's later messages behind one that failed for now, then sends them in order", async () => {
    await subscribeTo("alpha", "instant");
    await addStories(3, { topics: ["alpha"] });
    await queueInstantAlerts(app, new Date(at(20)));
    const queued = (await app.store.outbox.pending()).map((e) => e.nonce);
    expect(queued).toHaveLength(3);
    let failFirst = true;
    const order: string[] = [];
    const sender: Sender = {
      async send(_channelId, _payload, nonce) {
        if (failFirst && nonce === queued[0]) throw new DeliveryError("Discord answered 503", "passing", 503);
        order.push(nonce);
        return { messageId: nonce };
      },
    };
    const first = await deliverQueued(app, sender);
    expect(first.sent).toEqual([]);
    expect(first.pending).toHaveLength(3);
    failFirst = false;
    await deliverQueued(app, sender);
    expect(order).toEqual(queued);
  });

  it("drops a message Discord rejects for itself, and goes on with its channel", async () => {
    await subscribeTo("alpha", "instant");
    await addStories(2, { topics: ["alpha"] });
    await queueInstantAlerts(app, new Date(at(20)));
    const [bad] = await app.store.outbox.pending();
    const sender: Sender = {
      async send(_channelId, _payload, nonce) {
        if (nonce === bad!.nonce) throw new DeliveryError("Invalid Form Body (50035)", "message", 50035);
        return { messageId: nonce };
      },
    };
    const report = await deliverQueued(app, sender);
    expect(report.rejected.map((e) => e.nonce)).toEqual([bad!.nonce]);
    expect(report.sent).toHaveLength(1);
    expect(report.failed).toEqual([]);
    expect((await app.store.subscriptions.list()).every((s) => !s.pausedReason)).toBe(true);
    // Not retried by later cycles, nor when the channel is subscribed again.
    expect((await deliverQueued(app, sender)).rejected).toEqual([]);
    await subscribe(app, { guildId: GUILD, channelId: CHANNEL, topic: "alpha", mode: "instant" });
    expect(await app.store.outbox.pending()).toEqual([]);
    expect((await app.store.outbox.get(bad!.key))?.status).toBe("dropped");
  });

  it("sends the stories of a refused digest message again one per message, before the channel's later messages", async () => {
    await subscribeTo("alpha", "digest");
    const stories = await addStories(3, { topics: ["alpha"] });
    clock = T0 + 60 * 60_000;
    await queueDigest(app, GUILD);
    await subscribeTo("beta", "instant");
    await addStories(1, { topics: ["beta"], minute: 70 });
    clock = T0 + 90 * 60_000;
    await queueInstantAlerts(app, new Date(clock));
    const titles = (payload: MessagePayload) => (payload.embeds as { title: string }[]).map((e) => e.title);
    const digest = titles((await app.store.outbox.pending()).find((e) => e.storyIds.length === 3)!.payload!);
    const bad = digest[1]!;
    const sent: string[][] = [];
    const sender: Sender = {
      async send(_channelId, payload) {
        if (titles(payload).includes(bad))
          throw new DeliveryError("Invalid Form Body (50035)", "message", 50035);
        sent.push(titles(payload));
        return { messageId: String(sent.length) };
      },
    };
    const first = await deliverQueued(app, sender);
    expect(first.rejected.map((e) => e.storyIds.length)).toEqual([3]);
    expect(sent).toEqual([]);
    const second = await deliverQueued(app, sender);
    expect(second.rejected.map((e) => e.storyIds)).toEqual([[stories[1]!.id]]);
    // The digest's other two stories, in their order, then the later alert.
    expect(sent.map((s) => s.length)).toEqual([1, 1, 1]);
    expect(sent.slice(0, 2).flat()).toEqual([digest[0], digest[2]]);
    expect(await app.store.outbox.pending()).toEqual([]);
  });

  it("sends nothing more to a channel unsubscribed from everything, not even what was queued", async () => {
    await subscribeTo("alpha", "instant");
    await addStories(2, { topics: ["alpha"] });
    await queueInstantAlerts(app, new Date(at(20)));
    expect(await app.store.outbox.pending()).toHaveLength(2);
    await unsubscribe(app, { guildId: GUILD, channelId: CHANNEL });
    const { sender, sent } = recordingSender();
    await deliverQueued(app, sender);
    expect(sent).toEqual([]);
    expect(await app.store.outbox.pending()).toEqual([]);
    // Subscribing again later does not bring the old messages back.
    await subscribe(app, { guildId: GUILD, channelId: CHANNEL, topic: "alpha", mode: "instant" });
    await deliverQueued(app, sender);
    expect(sent).toEqual([]);
  });
});

describe("disabled feed notices", () => {
  it("tell each guild that reads the feed once per subscribed channel, and no guild that cannot see it", async () => {
    await subscribeTo("alpha", "instant", CHANNEL, GUILD);
    await subscribeTo("beta", "digest", OTHER_CHANNEL, GUILD);
    await subscribeTo("alpha", "instant", "6001", OTHER_GUILD);
    await app.store.feeds.upsert(
      { url: "https://mine.example.com/feed.xml", guildId: GUILD, addedAt: at(0) },
      () => false,
    );
    for (const url of ["https://global.example.com/feed.xml", "https://mine.example.com/feed.xml"]) {
      await app.store.feedStates.put({
        url,
        primed: true,
        consecutiveFailures: 10,
        disabled: true,
        disabledAt: at(1),
        lastError: "HTTP 500",
      });
    }
    expect(await queueFeedNotices(app)).toBe(5);
    expect(await queueFeedNotices(app)).toBe(0);
    const pending = await app.store.outbox.pending();
    const byChannel = (id: string) => pending.filter((e) => e.channelId === id).length;
    expect([byChannel(CHANNEL), byChannel(OTHER_CHANNEL), byChannel("6001")]).toEqual([2, 2, 1]);
    const content = String(pending[0]?.payload?.content);
    expect(content).toContain("/feed enable url:");
    expect(content).toContain("HTTP 500");
  });
});
