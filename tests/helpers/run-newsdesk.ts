import { execFile } from "node:child_process";
import path from "node:path";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.resolve("src/cli/bin.js");

/** Runs the real `newsdesk` command in a child process, as a user would. */
export function runNewsdesk(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
        timeout: timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
