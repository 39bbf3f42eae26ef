import { digestFor, timelineFor } from "../actions/digest.ts";
import { requireTopic } from "../actions/topics.ts";
import { renderDigestText, renderTimelineText } from "../digest/render-text.ts";
import { UserError } from "../i18n/messages.ts";
import { type CliCommand, printJson, stringOption } from "./command-types.ts";

export const digestCommand: CliCommand = {
  name: "digest",
  usage: "digest [--topic ID] [--since ISO]",
  summary: "the digest that would be posted now",
  options: { topic: { type: "string" }, since: { type: "string" } },
  async run(app, context) {
    const topicId = stringOption(context, "topic");
    const since = stringOption(context, "since");
    const digest = await digestFor(app, { ...(topicId ? { topicId } : {}), ...(since ? { since } : {}) });
    if (context.json) printJson(context, digest);
    else
      context.io.out(
        renderDigestText(digest, {
          color: process.stdout.isTTY === true,
          timeZone: app.config.settings.schedules.timezone,
        }),
      );
    return 0;
  },
};

export const timelineCommand: CliCommand = {
  name: "timeline",
  usage: "timeline TOPIC",
  summary: "the topic's stories in date order",
  async run(app, context) {
    const [topicId] = context.positionals;
    if (!topicId)
      throw new UserError("usage", { text: "timeline needs a topic id, e.g. newsdesk timeline tiktok-deal" });
    const entries = await timelineFor(app, topicId);
    if (context.json) printJson(context, { topic: topicId, stories: entries });
    else {
      const topicName = (await requireTopic(app, topicId)).name;
      const timeZone = app.config.settings.schedules.timezone;
      context.io.out(
        renderTimelineText(entries, { topicName, timeZone, color: process.stdout.isTTY === true }),
      );
    }
    return 0;
  },
};
