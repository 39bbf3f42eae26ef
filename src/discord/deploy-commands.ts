import { REST, Routes } from "discord.js";
import { COMMANDS } from "../../commands/index.ts";
import { UserError } from "../i18n/messages.ts";
import type { Logger } from "../log/logger.ts";
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
  const registered = (await rest.put(commandsRoute(applicationId, guildId), { body: commandBodies() })) as {
    name: string;
  }[];
  app.logger.info("slash commands registered", { applicationId, guildId, count: registered.length });
  return { applicationId, ...(guildId ? { guildId } : {}), commands: registered.map((c) => c.name) };
}

type Json = Record<string, unknown>;

/** Where the commands go: one guild's list, or the global one. */
function commandsRoute(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
}

function commandBodies(): Json[] {
  return COMMANDS.map((c) => c.data.toJSON() as unknown as Json);
}

/**
 * At start-up, keeps the slash commands this version has registered where `deploy-commands`
 * would put them (DISCORD_GUILD_ID's guild, else globally): nothing is written when Discord
 * already has them, a bulk overwrite when they are missing or outdated (after an upgrade). With
 * no registration there, a guild the bot is in that already has them (a test server deployed to
 * with `--guild`) is left as it is rather than doubled by global ones. Failures are logged, never
 * fatal: commands registered earlier keep working.
 */
export async function syncCommands(
  rest: REST,
  options: { applicationId: string; guildId?: string; guildIds: readonly string[]; logger: Logger },
): Promise<void> {
  const { applicationId, guildId, logger } = options;
  const route = commandsRoute(applicationId, guildId);
  const wanted = commandBodies();
  try {
    const registered = (await rest.get(route)) as Json[];
    if (sameDefinitions(registered, wanted)) return;
    if (registered.length === 0 && !guildId) {
      for (const id of options.guildIds.slice(0, GUILDS_CHECKED)) {
        const there = (await rest.get(Routes.applicationGuildCommands(applicationId, id))) as Json[];
        if (there.length === 0) continue;
        logger.info(
          "slash commands are registered to one server only; set DISCORD_GUILD_ID to keep them current",
          {
            guildId: id,
          },
        );
        return;
      }
    }
    await rest.put(route, { body: wanted });
    logger.info("slash commands registered", { applicationId, guildId, count: wanted.length });
  } catch (error) {
    logger.warn("could not check the registered slash commands; run `npx newsdesk deploy-commands`", {
      error,
    });
  }
}

// A bot in more servers than this registers globally; it is not a test set-up.
const GUILDS_CHECKED = 5;

function sameDefinitions(registered: readonly Json[], wanted: readonly Json[]): boolean {
  const key = (list: readonly Json[]) =>
    JSON.stringify(list.map(definitionOf).sort((a, b) => String(a.name).localeCompare(String(b.name))));
  return registered.length === wanted.length && key(registered) === key(wanted);
}

/** The fields that define a command, as Discord echoes them, without its defaults and ids. */
function definitionOf(command: Json): Json {
  const picked: Json = {};
  for (const field of DEFINITION_FIELDS) picked[field] = command[field];
  if (picked.type === 1) delete picked.type;
  return canonical(picked) as Json;
}

const DEFINITION_FIELDS = [
  "type",
  "name",
  "name_localizations",
  "description",
  "description_localizations",
  "options",
  "default_member_permissions",
  "contexts",
];

/** Sorted keys; null, false, empty lists and empty objects dropped (Discord's defaults). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const key of Object.keys(value).sort()) {
    const inner = canonical((value as Json)[key]);
    const empty =
      inner === null ||
      inner === undefined ||
      inner === false ||
      (Array.isArray(inner) && inner.length === 0) ||
      (typeof inner === "object" && !Array.isArray(inner) && Object.keys(inner as Json).length === 0);
    if (!empty) out[key] = inner;
  }
  return out;
}
