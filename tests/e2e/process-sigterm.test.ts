/**
 * `node src/cli/bin.js start` asked to stop (SIGTERM) in the middle of posting: it exits 0 within
 * 10 seconds, and what it had not sent goes out at the next start, nothing lost or doubled.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { until } from "../discord-stand-in/connect-client.ts";
import { postedTitles } from "./helpers/harness.ts";
import { createProcessWorld, type ProcessWorld, sleep } from "./helpers/process-world.ts";
import { storyItem } from "./helpers/stories.ts";

let world: ProcessWorld;
beforeEach(async () => {
  world = await createProcessWorld();
});
afterEach(() => world.close());

it("exits 0 within 10 s of SIGTERM while posting, and the rest goes out at the next start", async () => {
  world.discord.setLatency(400);
  world.publish(...[1, 2, 3, 4, 5, 6].map((n) => storyItem("zorblax", n)));
  const bot = world.start();
  await bot.waitForLog(/connected to Discord/, 60_000);
  await until(() => world.postRequests() >= 1, 20_000);
  bot.child.kill("SIGTERM");
  const exit = await Promise.race([bot.exited, sleep(10_000).then(() => "still running after 10 s")]);
  expect(exit).toEqual({ code: 0, signal: null });
  expect(bot.logs.some((line) => line.includes("bot stopped"))).toBe(true);
  expect(new Set(postedTitles(world.discord, world.channelId)).size).toBeLessThan(6);

  world.discord.setLatency(0);
  const again = world.start();
  await again.waitForLog(/connected to Discord/, 60_000);
  await world.expectEveryStoryOnce(20_000);
  again.child.kill("SIGTERM");
  expect((await again.exited).code).toBe(0);
}, 120_000);
