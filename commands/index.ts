import type { SlashCommandModule } from "../src/discord/command-kit.ts";
import * as ask from "./ask.ts";
import * as digest from "./digest.ts";
import * as feed from "./feed.ts";
import * as schedule from "./schedule.ts";
import * as status from "./status.ts";
import * as subscribe from "./subscribe.ts";
import * as timeline from "./timeline.ts";
import * as topic from "./topic.ts";
import * as unsubscribe from "./unsubscribe.ts";
import * as why from "./why.ts";

/**
 * Every slash command, one module per file (`commands/<name>.ts` ↔ `/name`). The router and
 * `deploy-commands` read this list; a test checks that every file here is listed once.
 */
export const COMMANDS: readonly SlashCommandModule[] = [
  ask,
  digest,
  timeline,
  topic,
  feed,
  subscribe,
  unsubscribe,
  schedule,
  status,
  why,
];
