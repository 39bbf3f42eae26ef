import { REST, Routes } from "discord.js";
import { COMMANDS } from "../../commands/index.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";

/** What `newsdesk deploy-commands` registered, and where. */
export interface DeployResult {
  applicationId: string;
  /** The guild the commands were registered to; undefined for global commands. */
  guildId?: string;
  commands: string[];
}

/**
 * Registers every slash command with one bulk overwrite (PUT), so deploying twice changes
 * nothing and a command removed from the registry disappears. To one guild (instant, for
 * testing) when `guildId` or DISCORD_GUILD_ID is given, else globally. The application id is
 * DISCORD_CLIENT_ID, else read from the API.
 */
export async function deployCommands(app: App, options: { guildId?: string } = {}): Promise<DeployResult> {
  const { DISCORD_TOKEN: token, DISCORD_API_URL: api, DISCORD_CLIENT_ID, DISCORD_GUILD_ID } = app.config.env;
  if (!token) throw new UserError("discord.no-token");
  const rest = new REST(api ? { api } : {}).setToken(token);
  const applicationId =
    DISCORD_CLIENT_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const guildId = options.guildId ?? DISCORD_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: COMMANDS.map((c) => c.data.toJSON()) })) as {
    name: string;
  }[];
  app.logger.info("slash commands registered", { applicationId, guildId, count: registered.length });
  return { applicationId, ...(guildId ? { guildId } : {}), commands: registered.map((c) => c.name) };
}
