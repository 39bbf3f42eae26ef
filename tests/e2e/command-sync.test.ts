/**
 * Start-up keeps the slash commands registered: `npm start` alone registers them where
 * `deploy-commands` would (here DISCORD_GUILD_ID's guild), leaves a current registration alone,
 * and rewrites an outdated one.
 */
import { REST, Routes } from "discord.js";
import { afterEach, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.ts";
import { type Bot, startBot } from "../../src/discord/bot.ts";
import { type Harness, startHarness } from "./helpers/harness.ts";

let h: Harness | undefined;
let restarted: Bot | undefined;
afterEach(async () => {
  await restarted?.stop();
  await h?.close();
  h = restarted = undefined;
});

const commandPuts = (harness: Harness) =>
  harness.discord.requests().filter((r) => r.method === "PUT" && r.path.endsWith("/commands")).length;

async function restart(harness: Harness): Promise<Bot> {
  await harness.bot.stop();
  await restarted?.stop();
  restarted = await startBot(harness.app, { pollAtStart: false });
  await restarted!.started;
  return restarted!;
}

it("registers the commands at start-up, leaves a current registration alone, and rewrites an outdated one", async () => {
  h = await startHarness({ deploy: false, withGuildId: true });
  const names = COMMANDS.map((c) => c.data.name).sort();
  expect(
    h.discord
      .commands(h.guild.id)
      .map((c) => c.name)
      .sort(),
  ).toEqual(names);
  expect(commandPuts(h)).toBe(1);
  expect((await h.run("status")).text).toContain("Newsdesk status");

  await restart(h);
  expect(commandPuts(h)).toBe(1);

  // An older version registered only some commands, with another description.
  const rest = new REST({ api: h.discord.apiUrl }).setToken(h.discord.token);
  const old = { ...COMMANDS[0]!.data.toJSON(), description: "An older description" };
  await rest.put(Routes.applicationGuildCommands(h.discord.applicationId, h.guild.id), { body: [old] });
  await restart(h);
  expect(commandPuts(h)).toBe(3);
  const registered = h.discord.commands(h.guild.id);
  expect(registered.map((c) => c.name).sort()).toEqual(names);
  expect(registered.find((c) => c.name === old.name)?.description).toBe(COMMANDS[0]!.data.description);
  expect(h.discord.commands()).toEqual([]);
});
