/**
 * The slash command registry (commands/index.ts): every command file listed once under its own
 * name, definitions Discord accepts, French everywhere, admin commands locked to Manage Server in
 * guilds, topic options autocompleted.
 */
import { readdirSync } from "node:fs";
import { PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { topicIdFromName } from "../../commands/topic.ts";
import { checkCommandList } from "../discord-stand-in/command-validation.ts";

type Option = {
  type: number;
  name: string;
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
  autocomplete?: boolean;
  options?: Option[];
};
const definitions = COMMANDS.map((c) => c.data.toJSON());

/** Every option, subcommand and group of a command, depth first. */
function allOptions(options: Option[] = []): Option[] {
  return options.flatMap((o) => [o, ...allOptions(o.options)]);
}

describe("the command registry", () => {
  it("lists every file of commands/ once, each named after its file", () => {
    const files = readdirSync("commands")
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(COMMANDS.map((c) => c.data.name).sort()).toEqual(files);
    expect(new Set(COMMANDS.map((c) => c.data.name)).size).toBe(COMMANDS.length);
  });

  it("has every command DESIGN.md names", () => {
    expect(COMMANDS.map((c) => c.data.name).sort()).toEqual(
      [
        "ask",
        "digest",
        "feed",
        "schedule",
        "status",
        "subscribe",
        "timeline",
        "topic",
        "unsubscribe",
        "why",
      ].sort(),
    );
  });

  it("registers definitions Discord would accept", () => {
    const errors = checkCommandList(definitions);
    expect(errors.empty, JSON.stringify(errors)).toBe(true);
  });

  it("localizes every command, subcommand and option name and description in French", () => {
    for (const command of definitions) {
      expect(command.name_localizations?.fr, command.name).toBeTruthy();
      expect(command.description_localizations?.fr, command.name).toBeTruthy();
      for (const option of allOptions(command.options as Option[])) {
        expect(option.description_localizations?.fr, `${command.name} ${option.name}`).toBeTruthy();
      }
    }
  });

  it("locks admin commands to Manage Server in guilds, and only them", () => {
    for (const command of COMMANDS) {
      const json = command.data.toJSON();
      const admin = ["topic", "feed", "subscribe", "unsubscribe", "schedule", "why"].includes(json.name);
      expect(command.admin === true, json.name).toBe(admin);
      expect(json.default_member_permissions ?? null, json.name).toBe(
        admin ? PermissionFlagsBits.ManageGuild.toString() : null,
      );
      if (admin) expect(json.contexts, json.name).toEqual([0]);
    }
  });

  it("autocompletes every topic option", () => {
    const topicOptions = definitions.flatMap((c) =>
      allOptions(c.options as Option[])
        .filter((o) => o.name === "topic")
        .map((o) => ({ command: c.name, autocomplete: o.autocomplete })),
    );
    expect(topicOptions.length).toBeGreaterThanOrEqual(6);
    for (const option of topicOptions) expect(option.autocomplete, option.command).toBe(true);
    for (const command of COMMANDS) {
      if (topicOptions.some((o) => o.command === command.data.name))
        expect(command.autocomplete).toBeTypeOf("function");
    }
  });
});

describe("topic ids made from /topic add names", () => {
  it.each([
    ["chip-exports", "chip-exports"],
    ["Chip exports", "chip-exports"],
    ["Décret TikTok", "decret-tiktok"],
    ["  AI / Regulation!  ", "ai-regulation"],
    ["Œuvres d'art", "oeuvres-d-art"],
    ["a".repeat(60), "a".repeat(48)],
  ])("%s → %s", (name, id) => {
    expect(topicIdFromName(name)).toBe(id);
  });

  it("refuses a name with no letter or digit", () => {
    expect(() => topicIdFromName("!!!")).toThrow(/cannot be a topic name/);
  });
});
