import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatNotes, formatTable } from "./report.ts";
import { type BenchMode, benchPreset, runBenchmark } from "./run-benchmark.ts";

/**
 * `npm run bench` (full: 500 feeds × 40 items, several minutes) and `npm run bench -- --quick`
 * (a reduced corpus, about a minute). Prints the table and writes the results: the full run to
 * bench/results.json, a quick run to the OS temp folder (it is not the figure of record).
 *
 * Options: --quick | --tiny, --seed N, --out FILE, --keep (keep the workspace: store and
 * config), --profile DIR (a CPU profile of each child phase, for `node --cpu-prof` analysis),
 * --feeds N (another corpus size with the mode's other settings, e.g. to find where it breaks).
 */
const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    tiny: { type: "boolean", default: false },
    seed: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
    profile: { type: "string" },
    feeds: { type: "string" },
  },
});
const mode: BenchMode = values.tiny ? "tiny" : values.quick ? "quick" : "full";
const preset = benchPreset(mode, values.seed ? Number(values.seed) : undefined);
const feeds = values.feeds ? Number(values.feeds) : preset.corpus.feeds;
if (!Number.isInteger(feeds) || feeds < 1)
  throw new Error(`--feeds must be a positive integer, not "${values.feeds}"`);
const options = { ...preset, corpus: { ...preset.corpus, feeds } };
const out =
  values.out ??
  (mode === "full"
    ? path.join("bench", "results.json")
    : path.join(tmpdir(), "newsdesk-bench", `results.${mode}.json`));

const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
log(`mode ${mode}: ${options.corpus.feeds} feeds × ${options.corpus.itemsPerFeed} items`);
const results = await runBenchmark({
  ...options,
  keep: values.keep,
  ...(values.profile ? { profileDir: path.resolve(values.profile) } : {}),
  log,
});
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

const { machine } = results;
process.stdout.write(
  [
    `newsdesk benchmark (${mode}), ${results.date.slice(0, 10)}: ${results.corpus.items} items in ${results.corpus.feeds} feeds`,
    `machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ${machine.platform}/${machine.arch}, load ${machine.loadAverage}`,
    "",
    formatTable(results.figures),
    "",
    formatNotes(results.figures),
    "",
    `written to ${out} (${Math.round(results.durationMs / 1000)} s)`,
    "",
  ].join("\n"),
);
const failures = Object.keys((results.details.failures as Record<string, string>) ?? {});
process.exitCode = failures.length > 0 ? 1 : 0;
