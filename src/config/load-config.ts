import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { readYamlText } from "./read-yaml-text.ts";
import {
  type Env,
  envSchema,
  type FactConfig,
  type FeedConfig,
  factsFileSchema,
  feedsFileSchema,
  type Settings,
  settingsSchema,
  type TopicConfig,
  topicsFileSchema,
} from "./schema.ts";

/** Everything the operator configured, validated once at start-up. */
export interface Config {
  dir: string;
  env: Env;
  settings: Settings;
  feeds: FeedConfig[];
  topics: TopicConfig[];
  facts: FactConfig[];
  /** Hosts and CIDRs exempt from the private-network guard (FETCH_ALLOW_HOSTS). */
  allowHosts: string[];
}

export interface ConfigIssue {
  file: string;
  field: string;
  message: string;
}

/** Every problem found in the configuration, each naming its file and field. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.file}: ${i.field || "(file)"}: ${i.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

export interface LoadConfigOptions {
  /** Overrides NEWSDESK_CONFIG. */
  dir?: string;
  /** Overrides STORE_URL. */
  storeUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra checks on the loaded config (topic queries), reported like schema errors. */
  validateTopicQuery?: (query: string) => string | undefined;
  /** A folder for parsed YAML, reused while a file is unchanged (see read-yaml-text.ts). */
  cacheDir?: string;
}

/** Reads `.env` into process.env when present (never overriding variables already set). */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** A variable left empty (`DISCORD_CLIENT_ID=` in a copied .env.example) is not set. */
function setVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const issues: ConfigIssue[] = [];
  const env =
    check(envSchema, setVariables(options.env ?? process.env), "environment (.env)", issues) ??
    envSchema.parse({});
  if (options.storeUrl) env.STORE_URL = options.storeUrl;
  const dir = options.dir ?? env.NEWSDESK_CONFIG;
  if (!existsSync(dir)) {
    throw new ConfigError([{ file: dir, field: "", message: "configuration folder not found" }]);
  }
  const read = { issues, cacheDir: options.cacheDir };
  const settings = readYaml(dir, "settings.yaml", settingsSchema, read, {}) ?? settingsSchema.parse({});
  const feeds = readYaml(dir, "feeds.yaml", feedsFileSchema, read, { feeds: [] })?.feeds ?? [];
  const topics = readYaml(dir, "topics.yaml", topicsFileSchema, read, { topics: [] })?.topics ?? [];
  const facts = readFactsDir(dir, read);

  checkUnique(
    feeds.map((f) => f.url),
    path.join(dir, "feeds.yaml"),
    "feeds",
    "url",
    issues,
  );
  checkUnique(
    topics.map((t) => t.id),
    path.join(dir, "topics.yaml"),
    "topics",
    "id",
    issues,
  );
  if (options.validateTopicQuery) {
    topics.forEach((topic, i) => {
      const problem = options.validateTopicQuery?.(topic.query);
      if (problem)
        issues.push({ file: path.join(dir, "topics.yaml"), field: `topics[${i}].query`, message: problem });
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const allowHosts = (env.FETCH_ALLOW_HOSTS ?? "").split(/[\s,]+/).filter((h) => h.length > 0);
  return { dir, env, settings, feeds, topics, facts, allowHosts };
}

/** Where problems go, and the parsed-YAML cache if any. */
interface ReadContext {
  issues: ConfigIssue[];
  cacheDir: string | undefined;
}

function readYaml<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  { issues, cacheDir }: ReadContext,
  whenMissing: unknown,
): T | undefined {
  const file = path.join(dir, name);
  if (!existsSync(file)) return check(schema, whenMissing, file, issues);
  let data: unknown;
  try {
    data = readYamlText(readFileSync(file, "utf8"), cacheDir) ?? whenMissing;
  } catch (error) {
    issues.push({ file, field: "", message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    return undefined;
  }
  return check(schema, data, file, issues);
}

function readFactsDir(dir: string, read: ReadContext): FactConfig[] {
  const factsDir = path.join(dir, "facts");
  if (!existsSync(factsDir)) return [];
  const files = readdirSync(factsDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  return files.flatMap((f) => readYaml(factsDir, f, factsFileSchema, read, { facts: [] })?.facts ?? []);
}

function check<T>(schema: z.ZodType<T>, data: unknown, file: string, issues: ConfigIssue[]): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = formatPath(issue.path);
    const received = readAt(data, issue.path);
    const shown = typeof received === "string" ? ` (got "${received}")` : "";
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`
        : `${issue.message}${shown}`;
    issues.push({ file, field, message });
  }
  return undefined;
}

function checkUnique(values: string[], file: string, list: string, key: string, issues: ConfigIssue[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value))
      issues.push({ file, field: `${list}[${i}].${key}`, message: `duplicate "${value}"` });
    seen.add(value);
  });
}

function formatPath(parts: PropertyKey[]): string {
  return parts.reduce<string>(
    (acc, part) =>
      typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    "",
  );
}

function readAt(data: unknown, parts: PropertyKey[]): unknown {
  let at = data;
  for (const part of parts) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}
