#!/usr/bin/env node
// The `newsdesk` command: runs the TypeScript sources directly (tsx), no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("./run-cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
