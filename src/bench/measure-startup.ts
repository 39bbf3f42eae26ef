import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.ts";

const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

export interface StartupRun {
  /** From spawn to the last byte of the answer on stdout. */
  answerMs: number;
  /** From spawn to the process's exit. */
  exitMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface StartupResult {
  runs: number;
  /** Median time to the answer printed, over `runs` processes. */
  answerMs: number;
  exitMs: number;
  /** Whether the `ask --json` answer printed had an answer (not "I don't know"). */
  answered: boolean;
  /** Baseline: the same CLI started with `--help` (Node, tsx, every module; no store, no index). */
  baselineMs: number;
}

/**
 * Start-up as a user meets it: a fresh `newsdesk ask "…" --json` process against the store on
 * disk, timed from spawn until its answer is on stdout. Each of `runs` processes is a cold
 * start (only the OS file cache and the CLI's bundle are warm, as on any second run). Throws
 * when a process fails or prints no answer.
 */
export async function measureStartup(
  options: { configDir: string; storeUrl: string; cwd: string; env: Record<string, string> },
  question: string,
  runs: number,
): Promise<StartupResult> {
  const ask = ["ask", question, "--store", options.storeUrl, "--config", options.configDir, "--json"];
  // Untimed first start: the CLI bundles src/ on its first run after a change (src/cli/bin.js),
  // a one-off that would otherwise land on whichever run came first.
  await runCli(["--help"], options);
  const answers: StartupRun[] = [];
  const helps: StartupRun[] = [];
  for (let i = 0; i < runs; i++) {
    helps.push(await runCli(["--help"], options));
    answers.push(await runCli(ask, options));
  }
  // A process that failed or printed no answer has no start-up time: the figure must say so.
  for (const run of [...answers, ...helps]) {
    if (run.exitCode !== 0 || run.stdout.length === 0) {
      throw new Error(
        `CLI exited with ${run.exitCode}: ${run.stderr.trim().split("\n").slice(0, 3).join(" / ")}`,
      );
    }
  }
  const parsed = readAnswer(answers[0]?.stdout ?? "");
  if (!parsed) throw new Error(`ask --json printed no answer JSON: ${answers[0]?.stdout.slice(0, 200)}`);
  return {
    runs,
    answerMs: median(answers.map((r) => r.answerMs)),
    exitMs: median(answers.map((r) => r.exitMs)),
    answered: parsed.answer !== null,
    baselineMs: median(helps.map((r) => r.answerMs)),
  };
}

function runCli(args: string[], options: { cwd: string; env: Record<string, string> }): Promise<StartupRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let lastOutput = start;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
      out.push(chunk);
      lastOutput = performance.now();
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({
        answerMs: lastOutput - start,
        exitMs: performance.now() - start,
        exitCode: code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

function readAnswer(output: string): { answer: string | null } | undefined {
  const start = output.indexOf("{");
  if (start < 0) return undefined;
  try {
    const json = JSON.parse(output.slice(start)) as { answer?: unknown };
    return "answer" in json ? { answer: json.answer as string | null } : undefined;
  } catch {
    return undefined;
  }
}
