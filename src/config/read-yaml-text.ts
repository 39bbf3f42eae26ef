import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";

type YamlModule = typeof import("yaml");

/** Entries kept in the cache folder; the oldest go first (a file changes, its old text stays). */
const KEEP = 32;
/** Part of every key: a change in how entries are written makes the old ones unreachable. */
const FORMAT = "yaml-json-1";

/**
 * Parses a configuration file's YAML, through a cache of earlier parses when `cacheDir` is
 * given. The yaml parser takes about half a second (loading it included) for the feeds file
 * of a 500-feed deployment, at every start of every command; JSON.parse of the same data takes
 * a millisecond. Entries are named by a hash of the text, so an edited file is parsed afresh.
 * Only data that JSON carries exactly is cached (no `.inf`, no `.nan`), and only files that
 * parse without warnings: what the yaml parser says about a file is said at every start.
 * A cache that cannot be read or written is ignored.
 */
export function readYamlText(text: string, cacheDir?: string): unknown {
  if (!cacheDir) return loadYaml().parse(text);
  const entry = path.join(cacheDir, `${createHash("sha256").update(FORMAT).update(text).digest("hex")}.json`);
  const cached = readEntry(entry);
  if (cached.found) return cached.value;
  const yaml = loadYaml();
  const document = yaml.parseDocument(text);
  // Errors and warnings: the parser's own path reports them exactly as without a cache.
  if (document.errors.length > 0 || document.warnings.length > 0) return yaml.parse(text);
  const data: unknown = document.toJS();
  const json = JSON.stringify(data);
  if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) writeEntry(cacheDir, entry, json);
  return data;
}

// Required on first use rather than imported: a start that finds its files in the cache never
// loads the parser at all.
let yamlModule: YamlModule | undefined;
function loadYaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

function readEntry(file: string): { found: true; value: unknown } | { found: false } {
  try {
    return { found: true, value: JSON.parse(readFileSync(file, "utf8")) };
  } catch {
    return { found: false };
  }
}

/** Written whole then renamed: a concurrent start reads the old state or the new, never half. */
function writeEntry(dir: string, file: string, json: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, json);
    renameSync(temporary, file);
    pruneEntries(dir);
  } catch {
    // A read-only or full disk: the next start parses the YAML again, nothing worse.
  }
}

function pruneEntries(dir: string): void {
  const entries = readdirSync(dir).filter((name) => name.endsWith(".json"));
  if (entries.length <= KEEP) return;
  const byAge = entries
    .map((name) => ({ file: path.join(dir, name), time: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time);
  for (const { file } of byAge.slice(0, entries.length - KEEP)) unlinkSync(file);
}
