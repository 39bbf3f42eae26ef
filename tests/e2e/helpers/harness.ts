/**
 * One end-to-end setup: the local Discord stand-in with a guild, a newsdesk workspace, feeds on
 * 127.0.0.1, and the real bot (discord.js client, scheduler, poster) running in this process
 * with its commands deployed to the guild.
 */
import { PermissionFlagsBits } from "discord.js";
import { type Bot, type BotOptions, startBot } from "../../../src/discord/bot.ts";
import { deployCommands } from "../../../src/discord/deploy-commands.ts";
import { createLogger } from "../../../src/log/logger.ts";
import { type App, createApp } from "../../../src/main.ts";
import { type StandIn, type StandInGuild, startDiscordStandIn } from "../../discord-stand-in/index.ts";
import type {
  InjectInteractionOptions,
  InteractionRecord,
  PostedMessage,
} from "../../discord-stand-in/types.ts";
import { type FeedServer, startFeedServer } from "./feed-server.ts";
import { createWorkspace, type Workspace, type WorkspaceOptions } from "./workspace.ts";

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;

export interface Harness {
  discord: StandIn;
  guild: StandInGuild;
  /** The guild's first text channel ("general"); a second one is "news". */
  channelId: string;
  newsId: string;
  feeds: FeedServer;
  workspace: Workspace;
  app: App;
  bot: Bot;
  logs: string[];
  /** Injects a slash command (as a member with Manage Server unless told otherwise) and waits for its reply. */
  run(
    name: string,
    options?: Partial<InjectInteractionOptions>,
  ): Promise<{ record: InteractionRecord; reply: PostedMessage; text: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions extends WorkspaceOptions {
  guildLocale?: string;
  /** Run `deploy-commands --guild` before the bot starts (default true). */
  deploy?: boolean;
  /** Set DISCORD_GUILD_ID to the test guild. */
  withGuildId?: boolean;
  bot?: BotOptions;
  /** Wraps the app before the bot gets it (e.g. a slow store). */
  wrapApp?: (app: App) => App;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const discord = await startDiscordStandIn({ log: () => {} });
  const guild = discord.addGuild({
    locale: options.guildLocale ?? "en-US",
    channels: [{ name: "general" }, { name: "news" }],
  });
  const feeds = await startFeedServer();
  const workspace = createWorkspace(options);
  const logs: string[] = [];
  const created = await createApp({
    env: { ...workspace.env(discord), ...(options.withGuildId ? { DISCORD_GUILD_ID: guild.id } : {}) },
    logger: createLogger({ level: "debug", json: true, write: (line) => logs.push(line) }),
  });
  const app = options.wrapApp ? options.wrapApp(created) : created;
  if (options.deploy !== false) await deployCommands(app, { guildId: guild.id });
  const bot = await startBot(app, { pollAtStart: false, ...options.bot });
  if (!bot) throw new Error("bot did not start");
  await bot.started;
  return {
    discord,
    guild,
    channelId: guild.channels[0]!.id,
    newsId: guild.channels[1]!.id,
    feeds,
    workspace,
    app,
    bot,
    logs,
    async run(name, injected = {}) {
      const record = await discord.injectInteraction({
        guildId: guild.id,
        memberPermissions: MANAGE_GUILD,
        ...injected,
        name,
      });
      const reply = await record.reply(15_000);
      return { record, reply, text: textOf(reply) };
    },
    async close() {
      await bot.stop();
      await created.close();
      await feeds.close();
      await discord.close();
      workspace.remove();
    },
  };
}

/** Everything a message shows: content, embed titles, descriptions, fields and footers. */
export function textOf(message: PostedMessage): string {
  const json = message.message as { content?: string; embeds?: Record<string, unknown>[] };
  const parts = [json.content ?? ""];
  for (const embed of json.embeds ?? []) {
    const e = embed as {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
    };
    parts.push(
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? "",
    );
  }
  return parts.filter(Boolean).join("\n");
}

/** Embed titles of the messages posted in a channel, in order. */
export function postedTitles(discord: StandIn, channelId: string): string[] {
  return discord
    .messages(channelId)
    .flatMap((m) => ((m.message.embeds as { title?: string }[] | undefined) ?? []).map((e) => e.title ?? ""));
}
