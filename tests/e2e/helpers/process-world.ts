/**
 * The setting of the bot-process tests: a stand-in guild with one channel subscribed (instant)
 * to a topic of a global feed served on 127.0.0.1, whose first read is already done, and a way
 * to run `node src/cli/bin.js start` against it.
 */
import { expect } from "vitest";
import { subscribe } from "../../../src/actions/subscriptions.ts";
import { addTopic } from "../../../src/actions/topics.ts";
import { createLogger } from "../../../src/log/logger.ts";
import { createApp } from "../../../src/main.ts";
import { runPoll } from "../../../src/pipeline/poll.ts";
import { until } from "../../discord-stand-in/connect-client.ts";
import { type StandIn, startDiscordStandIn } from "../../discord-stand-in/index.ts";
import { type BotProcess, spawnBot } from "./bot-process.ts";
import { type FeedItem, type FeedServer, startFeedServer } from "./feed-server.ts";
import { postedTitles } from "./harness.ts";
import { storyItem } from "./stories.ts";
import { createWorkspace, type Workspace } from "./workspace.ts";

export interface ProcessWorld {
  discord: StandIn;
  channelId: string;
  feeds: FeedServer;
  workspace: Workspace;
  /** Adds items to the feed (the first published item is the backlog one, never posted). */
  publish(...items: FeedItem[]): string[];
  /** Spawns the bot; the previous one must have exited. */
  start(): BotProcess;
  /** POST requests to the channel's messages so far (including those Discord de-duplicated by nonce). */
  postRequests(): number;
  feedHits(): number;
  /** Waits until every published story is in the channel, then checks each is there exactly once. */
  expectEveryStoryOnce(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

const FEED = "/wire.xml";

export async function createProcessWorld(): Promise<ProcessWorld> {
  const discord = await startDiscordStandIn({ log: () => {} });
  const guild = discord.addGuild({ channels: [{ name: "news" }] });
  const channelId = guild.channels[0]!.id;
  const feeds = await startFeedServer();
  const workspace = createWorkspace({
    feeds: [{ url: feeds.url(FEED), title: "Wire" }],
    schedules: { poll: "*/2 * * * * *" },
  });
  const published: FeedItem[] = [];
  const publish = (...items: FeedItem[]) => {
    published.push(...items);
    feeds.setFeed(FEED, "Wire", published);
    return items.map((item) => item.title);
  };
  publish(storyItem("zorblax", 0));
  const app = await createApp({ env: workspace.env(discord), logger: createLogger({ level: "silent" }) });
  try {
    await addTopic(app, { id: "zorblax", query: "zorblax", guildId: guild.id });
    await subscribe(app, { guildId: guild.id, channelId, topic: "zorblax", mode: "instant" });
    await runPoll(app);
  } finally {
    await app.close();
  }

  let running: BotProcess | undefined;
  return {
    discord,
    channelId,
    feeds,
    workspace,
    publish,
    start() {
      running = spawnBot(workspace.env(discord));
      return running;
    },
    postRequests: () =>
      discord.requests().filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`)
        .length,
    feedHits: () => feeds.hits(FEED),
    async expectEveryStoryOnce(timeoutMs) {
      const want = published
        .slice(1)
        .map((item) => item.title)
        .sort();
      await until(() => new Set(postedTitles(discord, channelId)).size >= want.length, timeoutMs).catch(
        () => {},
      );
      expect(postedTitles(discord, channelId).sort()).toEqual(want);
    },
    async close() {
      if (running && running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill("SIGKILL");
        await running.exited;
      }
      await feeds.close();
      await discord.close();
      workspace.remove();
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
