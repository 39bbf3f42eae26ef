import type { ParseArgsConfig } from "node:util";
import type { App } from "../main.ts";
import type { CliIo } from "./run-cli.ts";

export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  json: boolean;
  io: CliIo;
}

/** One `newsdesk <name>` command. `run` returns the exit code (default 0). */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig["options"];
  run(app: App, context: CommandContext): Promise<number | undefined>;
}

export function printJson(context: CommandContext, value: unknown): void {
  context.io.out(JSON.stringify(value, null, 2));
}

export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === "string" ? value : undefined;
}

export function stringList(context: CommandContext, name: string): string[] {
  const value = context.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}
