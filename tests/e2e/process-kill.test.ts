/**
 * `node src/cli/bin.js start`, SIGKILLed without warning at random points of its posting cycle,
 * ten times over and restarted each time: in the end every story is in its channel exactly once
 * (the outbox resends what was pending; the nonce makes Discord drop a resend it already has).
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { until } from "../discord-stand-in/connect-client.ts";
import { createProcessWorld, type ProcessWorld, sleep } from "./helpers/process-world.ts";
import { storyItem } from "./helpers/stories.ts";

let world: ProcessWorld;
beforeEach(async () => {
  world = await createProcessWorld();
});
afterEach(() => world.close());

it("delivers every story exactly once although the bot is SIGKILLed at random points of posting, 10 times", async () => {
  // Each send takes a while, so some kills land after Discord stored a message but before the
  // bot recorded it as sent: the restart must resend it and Discord must recognise the nonce.
  world.discord.setLatency(40);
  let story = 1;
  for (let round = 0; round < 10; round++) {
    world.publish(
      storyItem("zorblax", story++),
      storyItem("zorblax", story++),
      storyItem("zorblax", story++),
    );
    const hits = world.feedHits();
    const posts = world.postRequests();
    const bot = world.start();
    await bot.waitForLog(/connected to Discord/, 60_000);
    if (round % 2 === 0) {
      // While polling and queueing: soon after the bot read the feed.
      await until(() => world.feedHits() > hits, 20_000);
      await sleep(Math.random() * 300);
    } else {
      // While sending: after one to three messages went out.
      const target = posts + 1 + Math.floor(Math.random() * 3);
      await until(() => world.postRequests() >= target || world.feedHits() > hits + 2, 20_000);
      await sleep(Math.random() * 60);
    }
    bot.child.kill("SIGKILL");
    expect((await bot.exited).signal).toBe("SIGKILL");
  }
  // A last, undisturbed run (the feed changes once more, as feeds do) finishes the work.
  world.publish(storyItem("zorblax", story++));
  const last = world.start();
  await last.waitForLog(/connected to Discord/, 60_000);
  await world.expectEveryStoryOnce(30_000);
  last.child.kill("SIGTERM");
  expect((await last.exited).code).toBe(0);
}, 300_000);
