import { addFeed, enableFeed, listFeedViews, removeFeed } from "../actions/feeds.ts";
import { UserError } from "../i18n/messages.ts";
import { type CliCommand, printJson } from "./command-types.ts";
import { formatWhen } from "./format.ts";

export const feedsCommand: CliCommand = {
  name: "feeds",
  usage: "feeds list|add URL|remove URL|enable URL",
  summary: "manage global feeds (list shows health)",
  async run(app, context) {
    const [action = "list", url] = context.positionals;
    if (action !== "list" && !url) throw new UserError("usage", { text: `feeds ${action} needs a URL` });
    if (action === "add") {
      const feed = await addFeed(app, url!);
      if (context.json) printJson(context, { feed });
      else context.io.out(`Added ${feed.url}. Its current items will be stored as backlog at the next poll.`);
      return 0;
    }
    if (action === "remove") {
      await removeFeed(app, url!);
      if (context.json) printJson(context, { removed: url });
      else context.io.out(`Removed ${url}.`);
      return 0;
    }
    if (action === "enable") {
      await enableFeed(app, url!);
      if (context.json) printJson(context, { enabled: url });
      else context.io.out(`Re-enabled ${url}; it will be polled at the next cycle.`);
      return 0;
    }
    if (action !== "list")
      throw new UserError("usage", { text: `unknown action "${action}" (list, add, remove, enable)` });
    const feeds = await listFeedViews(app);
    if (context.json) {
      printJson(context, { feeds });
      return 0;
    }
    const now = app.now();
    for (const feed of feeds) {
      const s = feed.state;
      const health = !s
        ? "never polled"
        : s.disabled
          ? `DISABLED after ${s.consecutiveFailures} failures (newsdesk feeds enable ${feed.url})`
          : s.consecutiveFailures > 0
            ? `failing ×${s.consecutiveFailures}, next attempt ${formatWhen(s.nextAttemptAt, now)}`
            : "ok";
      context.io.out(`${feed.title ?? s?.title ?? feed.url}  [${feed.source}]\n  ${feed.url}`);
      context.io.out(`  health: ${health}`);
      if (s?.lastSuccessAt) context.io.out(`  last success: ${formatWhen(s.lastSuccessAt, now)}`);
      if (s?.lastError) context.io.out(`  last error: ${s.lastError} (${formatWhen(s.lastErrorAt, now)})`);
    }
    if (feeds.length === 0) context.io.out("No feeds. Add one with: newsdesk feeds add URL");
    return 0;
  },
};
