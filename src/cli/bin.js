#!/usr/bin/env node
// The `newsdesk` command. It runs the TypeScript sources with no build step to remember: the
// first run after a change bundles src/ with esbuild (a fraction of a second) into
// node_modules/.cache, later runs load that one file. Loading through tsx instead costs every
// start a second or more of per-file transforms, which matters for a CLI and for the bot's
// restarts. Any problem with the bundle falls back to tsx. The bundle is split at dynamic
// imports, so what only the bot needs (discord.js) is loaded only by the bot.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const entry = path.join(root, "src/cli/run-cli.ts");
const bundle = path.join(root, "node_modules/.cache/newsdesk/cli.mjs");

// `newsdesk items | head`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const runCli = (await loadBundled()) ?? (await loadWithTsx());
// Parsed configuration files are kept beside the bundle (see src/config/read-yaml-text.ts).
process.exitCode = await runCli(process.argv.slice(2), undefined, {
  cacheDir: path.join(path.dirname(bundle), "config"),
});

async function loadBundled() {
  if (process.env.NEWSDESK_NO_BUNDLE) return undefined;
  try {
    if (!isFresh()) await buildBundle();
    return (await import(pathToFileURL(bundle).href)).runCli;
  } catch {
    return undefined;
  }
}

async function loadWithTsx() {
  const { register } = await import("tsx/esm/api");
  register();
  return (await import(pathToFileURL(entry).href)).runCli;
}

function isFresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  return newestSource(path.join(root, "src")) < built && newestSource(path.join(root, "commands")) < built;
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function buildBundle() {
  const { build } = await import("esbuild");
  const outdir = path.dirname(bundle);
  mkdirSync(outdir, { recursive: true });
  // Every output file is named by its content, and the entry point is swapped in by a rename:
  // concurrent starts never load a half-written or mismatched set of files.
  const result = await build({
    entryPoints: [entry],
    outdir,
    entryNames: "cli-[hash]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    metafile: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    logLevel: "silent",
  });
  const built = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file].entryPoint);
  const temporary = `${bundle}.${process.pid}.tmp.mjs`;
  writeFileSync(temporary, `export * from "./${path.basename(built)}";\n`);
  renameSync(temporary, bundle);
}
