import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RUN_PHASE = fileURLToPath(new URL("./run-phase.ts", import.meta.url));
const STDERR_TAIL = 16_384;

/** A phase that died: why, after how long, and how much memory it had reached by then. */
export class PhaseError extends Error {
  constructor(
    message: string,
    readonly ms: number,
    /** Highest RSS seen (Linux: VmHWM, sampled each second), when known. */
    readonly peakRssBytes: number | undefined,
  ) {
    super(message);
    this.name = "PhaseError";
  }
}

/**
 * Runs one phase in a child process (`node --expose-gc --import tsx run-phase.ts …`) and
 * returns what it wrote. Its stderr is passed through to ours; a phase that fails or outlives
 * `timeoutMs` rejects with a PhaseError that names the cause (the fatal line of its stderr, e.g.
 * "JavaScript heap out of memory") and the peak RSS it had reached.
 */
export async function spawnPhase<T>(
  name: string,
  spec: unknown,
  workDir: string,
  timeoutMs: number,
  nodeFlags: readonly string[] = [],
): Promise<T> {
  const specFile = path.join(workDir, `${name}.spec.json`);
  const resultFile = path.join(workDir, `${name}.result.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const args = ["--expose-gc", ...nodeFlags, "--import", "tsx", RUN_PHASE, name, specFile, resultFile];
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ["ignore", "inherit", "pipe"], cwd: process.cwd() });
  let tail = "";
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString("utf8")).slice(-STDERR_TAIL);
  });
  let peak: number | undefined;
  const sampler = setInterval(() => {
    peak = Math.max(peak ?? 0, readPeakRss(child.pid) ?? 0) || undefined;
  }, 1000);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal }));
    },
  ).finally(() => {
    clearTimeout(timer);
    clearInterval(sampler);
  });
  const ms = performance.now() - start;
  if (exit.code !== 0) {
    const status = exit.signal ? `signal ${exit.signal}` : `exit ${exit.code}`;
    const cause = ms >= timeoutMs ? `timed out after ${Math.round(ms / 1000)} s` : fatalLine(tail);
    throw new PhaseError(`bench phase "${name}" failed (${status})${cause ? `: ${cause}` : ""}`, ms, peak);
  }
  return JSON.parse(readFileSync(resultFile, "utf8")) as T;
}

/** The line of a dying process's stderr that says why, else its last line. */
function fatalLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^\d+: 0x/.test(l));
  return (lines.find((l) => /FATAL ERROR|RangeError|Error:/.test(l)) ?? lines.at(-1) ?? "").slice(0, 300);
}

/** Peak RSS of a live process from /proc (Linux); undefined elsewhere or once it has exited. */
function readPeakRss(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== "linux") return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
