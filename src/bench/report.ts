import { cpus, loadavg, totalmem } from "node:os";

/** A target a figure is held to: `value <= limit` or `value >= limit`, on the value or the ratio. */
export interface Target {
  on: "value" | "ratio";
  op: "<=" | ">=";
  limit: number;
}

/** One line of the table: a measured value, the baseline measured beside it, and the target. */
export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** The baseline's own value, in the same unit, when the figure has one. */
  baseline?: number;
  baselineLabel?: string;
  /** value ÷ baseline, or baseline ÷ value for speed-ups (`ratioLabel` says which). */
  ratio?: number;
  ratioLabel?: string;
  /** Shown as `1.5×` (default) or as a percentage (`1.2 %`). */
  ratioFormat?: "times" | "percent";
  target?: Target;
  met?: boolean;
  /** The value is a lower bound (the process died before it finished). */
  atLeast?: boolean;
  note?: string;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  platform: string;
  arch: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
}

/** What `bench/results.json` holds. */
export interface BenchResults {
  version: 1;
  date: string;
  mode: "quick" | "full" | "tiny";
  machine: Machine;
  corpus: Record<string, number>;
  durationMs: number;
  figures: Figure[];
  /** Raw phase outputs, for whoever wants more than the table. */
  details: Record<string, unknown>;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** Sets `met` from the target. A figure whose value is not finite never meets its target. */
export function judge(figure: Figure): Figure {
  if (!figure.target) return figure;
  const { on, op, limit } = figure.target;
  const subject = on === "ratio" ? figure.ratio : figure.value;
  const met =
    subject !== undefined && Number.isFinite(subject) && (op === "<=" ? subject <= limit : subject >= limit);
  return { ...figure, met };
}

/** The table the benchmark prints (and README shows): figure, value, baseline, ratio, target, met. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${f.atLeast ? "≥ " : ""}${formatValue(f.value, f.unit)}`,
    f.baseline === undefined
      ? "—"
      : `${formatValue(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ""}`,
    formatRatioCell(f),
    f.target ? formatTarget(f.target, f.unit, f.ratioFormat) : "—",
    f.met === undefined ? "—" : f.met ? "yes" : "NO",
  ]);
  const header = ["figure", "value", "baseline", "ratio", "target", "met"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The notes of the figures that have one, as a list under the table. */
export function formatNotes(figures: readonly Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- ${f.label.trim()}: ${f.note}`)
    .join("\n");
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "bytes") return `${formatNumber(value / 1024 / 1024)} MB`;
  if (unit === "fraction") return `${formatNumber(value * 100)} %`;
  return `${formatNumber(value)} ${unit}`;
}

function formatRatioCell(f: Figure): string {
  if (f.ratio === undefined) return "—";
  if (!Number.isFinite(f.ratio)) return "n/a";
  return `${formatRatio(f.ratio, f.ratioFormat)}${f.ratioLabel ? ` ${f.ratioLabel}` : ""}`;
}

function formatRatio(ratio: number, format: Figure["ratioFormat"]): string {
  return format === "percent" ? `${formatNumber(ratio * 100)} %` : `${formatNumber(ratio)}×`;
}

function formatTarget(target: Target, unit: string, ratioFormat: Figure["ratioFormat"]): string {
  const op = target.op === "<=" ? "≤" : "≥";
  if (target.on === "ratio") return `${op} ${formatRatio(target.limit, ratioFormat)}`;
  return `${op} ${formatValue(target.limit, unit)}`;
}

/** Three significant digits, thousands grouped: `12 300`, `4.56`, `0.0123`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US").replace(/,/g, " ");
  if (abs >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
