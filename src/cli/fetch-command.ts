import { openFactBase } from "../pipeline/fact-base.ts";
import type { PollReport } from "../pipeline/poll.ts";
import { type CliCommand, printJson, stringList } from "./command-types.ts";
import type { CliIo } from "./run-cli.ts";

export const fetchCommand: CliCommand = {
  name: "fetch",
  usage: "fetch [--feed URL]… [--backfill]",
  summary: "one poll cycle over the configured feeds (or only those given)",
  options: { feed: { type: "string", multiple: true }, backfill: { type: "boolean", default: false } },
  async run(app, context) {
    const feedUrls = stringList(context, "feed");
    const facts = openFactBase(app);
    // Loaded here, not at the top: the poll pulls in the feed parsers and HTML tools, which
    // every other command (`ask` first) would otherwise load at each start for nothing.
    const { runPoll } = await import("../pipeline/poll.ts");
    const report = await runPoll(app, {
      ...(feedUrls.length > 0 ? { feedUrls } : {}),
      backfill: context.values.backfill === true,
      facts,
    });
    if (context.json) printJson(context, toJson(report));
    else printPollReport(report, context.io);
    // Feeds named on the command line are the point of the command: when none could be read it
    // failed (a poll of every configured feed succeeds with some of them down).
    if (feedUrls.length > 0 && report.feeds.every((feed) => !feed.ok)) {
      context.io.err(
        `no feed could be read: ${report.feeds.map((f) => `${f.url} (${f.error ?? f.skipped})`).join(", ")}`,
      );
      return 1;
    }
    return 0;
  },
};

/** DESIGN.md's fetch JSON. */
export function toJson(report: PollReport) {
  return {
    feeds: report.feeds.map((f) => ({
      url: f.url,
      ok: f.ok,
      status: f.status ?? null,
      items: f.items,
      new: f.new,
      ...(f.error ? { error: f.error } : {}),
      ...(f.skipped ? { skipped: f.skipped } : {}),
    })),
    items: report.items,
    matched: report.matched,
  };
}

/** One line per feed — what it gave, or why it failed — then a summary. */
export function printPollReport(report: PollReport, io: CliIo): void {
  for (const feed of report.feeds) {
    const name = feed.title ? `${feed.title} (${feed.url})` : feed.url;
    if (feed.skipped) {
      io.out(
        `- ${name}: skipped (${feed.skipped === "disabled" ? "disabled after repeated failures" : "backing off after a failure"})`,
      );
    } else if (feed.ok) {
      const unchanged = feed.status === 304 ? "not modified" : `${feed.items} items, ${feed.new} new`;
      io.out(`✓ ${name}: ${unchanged}`);
    } else {
      io.out(
        `✗ ${name}: ${feed.error ?? "failed"}${feed.disabled ? " — now disabled (newsdesk feeds enable URL)" : ""}`,
      );
    }
  }
  const failed = report.feeds.filter((f) => !f.ok && !f.skipped).length;
  const matched = Object.entries(report.matched)
    .map(([topic, n]) => `${topic}: ${n}`)
    .join(", ");
  io.out(
    `${report.feeds.length} feeds: ${report.feeds.length - failed} ok, ${failed} failed · ${report.items} new items${matched ? ` · matched ${matched}` : ""}`,
  );
}
