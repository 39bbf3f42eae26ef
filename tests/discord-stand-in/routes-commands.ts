/**
 * Application command routes, global (`/applications/{app}/commands`) and per guild
 * (`/applications/{app}/guilds/{guild}/commands`). A bulk overwrite (PUT) keeps the id and version
 * of a command whose definition did not change, so deploying twice is a no-op, as on Discord.
 */
import { checkCommand, checkCommandList } from "./command-validation.ts";
import { errors, FormErrors, type RouteResult } from "./errors.ts";
import type { Route, RouteContext } from "./router.ts";
import type { StandInState } from "./state.ts";
import type { Json } from "./types.ts";

/** Fields that define a command; a change to any of them gives it a new version. */
const DEFINITION_KEYS = [
  "type",
  "name",
  "name_localizations",
  "description",
  "description_localizations",
  "options",
  "default_member_permissions",
  "dm_permission",
  "contexts",
  "integration_types",
  "nsfw",
];

export function commandRoutes(state: StandInState): Route[] {
  /** Resolves the command list a request addresses, or the error Discord would answer. */
  const scope = (context: RouteContext): { key: string; guildId?: string } | RouteResult => {
    if (context.params.appId !== state.config.applicationId) return errors.missingAccess();
    const guildId = context.params.guildId;
    if (guildId === undefined) return { key: "global" };
    if (!state.guilds.has(guildId)) return errors.missingAccess();
    return { key: guildId, guildId };
  };
  const listOf = (key: string): Json[] => state.commands.get(key) ?? [];

  const materialise = (body: Json, existing: Json | undefined, guildId: string | undefined): Json => {
    const definition: Json = {
      type: body.type ?? 1,
      name: body.name,
      name_localizations: body.name_localizations ?? null,
      description: body.description ?? "",
      description_localizations: body.description_localizations ?? null,
      ...(Array.isArray(body.options) ? { options: body.options } : {}),
      default_member_permissions: body.default_member_permissions ?? null,
      ...(guildId === undefined ? { dm_permission: body.dm_permission ?? true } : {}),
      contexts: body.contexts ?? null,
      integration_types: body.integration_types ?? [0],
      nsfw: body.nsfw ?? false,
    };
    const unchanged =
      existing !== undefined &&
      DEFINITION_KEYS.every((key) => JSON.stringify(existing[key]) === JSON.stringify(definition[key]));
    return {
      id: existing?.id ?? state.nextId(),
      application_id: state.config.applicationId,
      version: unchanged ? existing.version : state.nextId(),
      ...(guildId === undefined ? {} : { guild_id: guildId }),
      ...definition,
    };
  };
  const sameCommand = (a: Json, b: Json) => a.name === b.name && (a.type ?? 1) === (b.type ?? 1);

  const collection = (pattern: string): Route[] => [
    {
      method: "GET",
      pattern,
      auth: true,
      handle: (context) => {
        const where = scope(context);
        return "status" in where ? where : { status: 200, body: listOf(where.key) };
      },
    },
    {
      method: "PUT",
      pattern,
      auth: true,
      handle: (context) => {
        const where = scope(context);
        if ("status" in where) return where;
        if (!Array.isArray(context.body)) {
          return errors.invalidFormBody({
            _errors: [{ code: "BASE_TYPE_ARRAY", message: "Must be an array." }],
          });
        }
        const found = checkCommandList(context.body);
        if (!found.empty) return errors.invalidFormBody(found.toJson());
        const previous = listOf(where.key);
        const next = (context.body as Json[]).map((body) =>
          materialise(
            body,
            previous.find((command) => sameCommand(command, body)),
            where.guildId,
          ),
        );
        state.commands.set(where.key, next);
        state.changed();
        return { status: 200, body: next };
      },
    },
    {
      method: "POST",
      pattern,
      auth: true,
      handle: (context) => {
        const where = scope(context);
        if ("status" in where) return where;
        const body = (context.body ?? {}) as Json;
        const found = new FormErrors();
        checkCommand(found, body, []);
        if (!found.empty) return errors.invalidFormBody(found.toJson());
        const list = listOf(where.key);
        const index = list.findIndex((command) => sameCommand(command, body));
        const command = materialise(body, list[index], where.guildId);
        if (index === -1) list.push(command);
        else list[index] = command;
        state.commands.set(where.key, list);
        state.changed();
        return { status: index === -1 ? 201 : 200, body: command };
      },
    },
  ];

  const single = (pattern: string): Route[] => {
    const find = (context: RouteContext) => {
      const where = scope(context);
      if ("status" in where) return where;
      const list = listOf(where.key);
      const index = list.findIndex((command) => command.id === context.params.commandId);
      return index === -1 ? errors.unknownCommand() : { list, index, where };
    };
    return [
      {
        method: "GET",
        pattern,
        auth: true,
        handle: (context) => {
          const hit = find(context);
          return "status" in hit ? hit : { status: 200, body: hit.list[hit.index] };
        },
      },
      {
        method: "PATCH",
        pattern,
        auth: true,
        handle: (context) => {
          const hit = find(context);
          if ("status" in hit) return hit;
          const current = hit.list[hit.index] as Json;
          const merged = { ...current, ...((context.body ?? {}) as Json) };
          const found = new FormErrors();
          checkCommand(found, merged, []);
          if (!found.empty) return errors.invalidFormBody(found.toJson());
          hit.list[hit.index] = materialise(merged, current, hit.where.guildId);
          state.changed();
          return { status: 200, body: hit.list[hit.index] };
        },
      },
      {
        method: "DELETE",
        pattern,
        auth: true,
        handle: (context) => {
          const hit = find(context);
          if ("status" in hit) return hit;
          hit.list.splice(hit.index, 1);
          state.changed();
          return { status: 204 };
        },
      },
    ];
  };

  return [
    ...collection("/applications/:appId/commands"),
    ...single("/applications/:appId/commands/:commandId"),
    ...collection("/applications/:appId/guilds/:guildId/commands"),
    ...single("/applications/:appId/guilds/:guildId/commands/:commandId"),
  ];
}
