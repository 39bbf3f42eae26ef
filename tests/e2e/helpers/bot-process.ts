/** `node src/cli/bin.js start` as a child process, the way an operator runs the bot. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface BotProcess {
  child: ChildProcess;
  /** stderr lines so far (JSON logs). */
  logs: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when a log line matches; rejects after `timeoutMs` or if the process exits first. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [path.resolve("src/cli/bin.js"), "start"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const logs: string[] = [];
  const watchers = new Set<() => void>();
  let buffered = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    logs.push(...lines.filter(Boolean));
    for (const watcher of watchers) watcher();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      for (const watcher of watchers) watcher();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    logs,
    exited,
    waitForLog(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find((line) => pattern.test(line));
          if (found) return finish(() => resolve(found));
          if (child.exitCode !== null || child.signalCode !== null) {
            finish(() =>
              reject(new Error(`bot exited before logging ${pattern}:\n${logs.slice(-20).join("\n")}`)),
            );
          }
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(new Error(`no log ${pattern} within ${timeoutMs} ms:\n${logs.slice(-20).join("\n")}`)),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          watchers.delete(check);
          settle();
        };
        watchers.add(check);
        check();
      });
    },
  };
}
