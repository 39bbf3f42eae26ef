import { readFileSync, writeFileSync } from "node:fs";

/**
 * Child-process entry of the benchmark: `run-phase.ts <phase> <spec.json> <result.json>`. Each
 * measured phase runs in a fresh process so that its peak RSS (`maxRSS`) is its own and one
 * phase's heap cannot slow the next. The parent (run-bench.ts) reads the result file. Only the
 * phase's own modules are loaded: the floor must not pay for loading newsdesk.
 */
const PHASES = {
  floor: async () => (await import("./phase-floor.ts")).runFloorPhase,
  poll: async () => (await import("./phase-poll.ts")).runPollPhase,
  matching: async () => (await import("./phase-matching.ts")).runMatchingPhase,
  digest: async () => (await import("./phase-digest.ts")).runDigestPhase,
  answer: async () => (await import("./phase-answer.ts")).runAnswerPhase,
} as const;

const [name, specFile, resultFile] = process.argv.slice(2);
const phase = PHASES[name as keyof typeof PHASES];
if (!phase || !specFile || !resultFile) {
  process.stderr.write(`usage: run-phase.ts <${Object.keys(PHASES).join("|")}> <spec.json> <result.json>\n`);
  process.exit(2);
}
const spec = JSON.parse(readFileSync(specFile, "utf8"));
const run = (await phase()) as (spec: unknown) => Promise<unknown>;
const result = await run(spec);
writeFileSync(resultFile, JSON.stringify(result));
// Open handles (keep-alive sockets, the store) must not keep a finished phase alive.
process.exit(0);
