import { askCommand } from "./ask-command.ts";
import type { CliCommand } from "./command-types.ts";
import { deployCommandsCommand } from "./deploy-command.ts";
import { digestCommand, timelineCommand } from "./digest-command.ts";
import { factsCommand } from "./facts-command.ts";
import { feedsCommand } from "./feeds-command.ts";
import { fetchCommand } from "./fetch-command.ts";
import { itemsCommand } from "./items-command.ts";
import { startCommand } from "./start-command.ts";
import { topicsCommand, whyCommand } from "./topics-command.ts";

/** Every `newsdesk` command, in the order `newsdesk help` lists them (DESIGN.md's table). */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  fetchCommand,
  itemsCommand,
  digestCommand,
  askCommand,
  timelineCommand,
  feedsCommand,
  topicsCommand,
  whyCommand,
  factsCommand,
  deployCommandsCommand,
];
