import { type ParseArgsConfig, parseArgs } from "node:util";
import { ConfigError } from "../config/load-config.ts";
import { UserError } from "../i18n/messages.ts";
import { type App, createApp, limitHeapGrowth } from "../main.ts";
import type { CliCommand, CommandContext } from "./command-types.ts";
import { COMMANDS } from "./commands.ts";

/** Flags every command takes (DESIGN.md). */
const GLOBAL_OPTIONS = {
  config: { type: "string" },
  store: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsConfig["options"];

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

export interface RunCliOptions {
  /** A folder the CLI may keep caches in (parsed configuration); none: nothing is cached. */
  cacheDir?: string;
}

/**
 * Runs one `newsdesk` command and returns the exit code: 0 done, 1 the command failed (a clear
 * message on stderr, no stack trace), 2 bad usage or bad configuration.
 */
export async function runCli(
  argv: string[],
  io: CliIo = defaultIo,
  options: RunCliOptions = {},
): Promise<number> {
  limitHeapGrowth();
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  let parsed: { values: CommandContext["values"]; positionals: string[] };
  try {
    parsed = parseCommandArgs(command, rest);
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: newsdesk ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`newsdesk ${command.usage}\n  ${command.summary}`);
    return 0;
  }
  let app: App | undefined;
  try {
    app = await createApp({
      dotEnv: true,
      ...(typeof parsed.values.config === "string" ? { dir: parsed.values.config } : {}),
      ...(typeof parsed.values.store === "string" ? { storeUrl: parsed.values.store } : {}),
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    const context = { ...parsed, json: parsed.values.json === true, io };
    return (await command.run(app, context)) ?? 0;
  } catch (error) {
    return reportError(error, io, app);
  } finally {
    await app?.close().catch(() => {});
  }
}

function parseCommandArgs(command: CliCommand, args: string[]) {
  const options = { ...GLOBAL_OPTIONS, ...command.options };
  const { values, positionals } = parseArgs({
    args: joinDashValues(args, options),
    options,
    allowPositionals: true,
    strict: true,
  });
  return { values: values as CommandContext["values"], positionals };
}

/**
 * `--query '-"beauty filter" tiktok'`: a string option's value may start with `-` (a query that
 * excludes), which parseArgs would take for a flag; it is joined to its option as `--query=…`.
 */
function joinDashValues(args: string[], options: ParseArgsConfig["options"] & object): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : undefined;
    const next = args[i + 1];
    if (name && options[name]?.type === "string" && next?.startsWith("-") && next !== "--") {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function reportError(error: unknown, io: CliIo, app: App | undefined): number {
  if (error instanceof ConfigError) {
    io.err(error.message);
    return 2;
  }
  if (error instanceof UserError) {
    io.err(`Error: ${error.message}`);
    // A command missing what it needs is bad usage, as a bad flag is.
    return error.code === "usage" ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`Error: ${message}`);
  app?.logger.debug("command failed", { stack: error instanceof Error ? error.stack : undefined });
  return 1;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return [
    "newsdesk — reads tech-news feeds, groups and summarises the stories you track, answers questions.",
    "",
    "Usage: newsdesk <command> [options]   (every command takes --config DIR, --store URL, --json)",
    "",
    ...lines,
  ].join("\n");
}
