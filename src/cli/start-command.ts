import { createInterface } from "node:readline/promises";
import { askQuestion } from "../actions/ask.ts";
import { digestFor, markConsoleDigest } from "../actions/digest.ts";
import { renderDigestText } from "../digest/render-text.ts";
import { renderAnswerText } from "../facts/answer.ts";
import type { App } from "../main.ts";
import { type FactBase, openFactBase } from "../pipeline/fact-base.ts";
import type { CliCommand } from "./command-types.ts";
import { printPollReport } from "./fetch-command.ts";
import type { CliIo } from "./run-cli.ts";

export const startCommand: CliCommand = {
  name: "start",
  usage: "start",
  summary: "the bot when DISCORD_TOKEN is set, else console mode (poll, digest, ask> prompt)",
  async run(app, context) {
    if (app.config.env.DISCORD_TOKEN) {
      const { runBot } = await import("../discord/bot.ts");
      return runBot(app);
    }
    await runConsole(app, context.io);
    return 0;
  },
};

/**
 * Console mode: one poll over the configured feeds, the digest of what is new, then questions
 * at an `ask>` prompt when a person is at the terminal.
 */
export async function runConsole(
  app: App,
  io: CliIo,
  interactive = process.stdin.isTTY === true,
): Promise<void> {
  io.out("newsdesk console mode (no DISCORD_TOKEN): one poll, the digest, then questions.\n");
  const facts = openFactBase(app);
  // Imported on use, as in `fetch`: the poll's modules are loaded by the commands that poll.
  const { runPoll } = await import("../pipeline/poll.ts");
  const report = await runPoll(app, { facts });
  printPollReport(report, io);
  io.out("");
  const startedAt = app.now();
  const digest = await digestFor(app);
  io.out(
    renderDigestText(digest, {
      color: process.stdout.isTTY === true,
      timeZone: app.config.settings.schedules.timezone,
    }),
  );
  await markConsoleDigest(app, startedAt);
  if (interactive) await askLoop(app, facts, io);
}

async function askLoop(app: App, facts: FactBase, io: CliIo): Promise<void> {
  io.out('Ask a question about what was read (English or French), or "exit".');
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const question = (await prompt.question("ask> ").catch(() => "exit")).trim();
      if (question === "exit" || question === "quit") break;
      if (!question) continue;
      io.out(renderAnswerText(await askQuestion(app, facts, question)));
    }
  } finally {
    prompt.close();
  }
}
