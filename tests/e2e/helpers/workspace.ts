/** A throw-away newsdesk installation: config folder, sqlite store, and the environment to run it. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";

export interface WorkspaceOptions {
  /** settings.yaml `schedules` (merged over a poll that never fires during a test, UTC). */
  schedules?: Record<string, unknown>;
  /** settings.yaml `limits` (merged over: no article-page fetching, a feed disabled at its first failure). */
  limits?: Record<string, unknown>;
  /** Global feeds (feeds.yaml); default none: guilds add theirs. */
  feeds?: { url: string; title?: string }[];
}

export interface Workspace {
  dir: string;
  configDir: string;
  storeUrl: string;
  /** NEWSDESK_CONFIG, STORE_URL, FETCH_ALLOW_HOSTS, LOG_LEVEL, plus the Discord variables given. */
  env(discord: { token: string; apiUrl: string }): Record<string, string>;
  remove(): void;
}

export function createWorkspace(options: WorkspaceOptions = {}): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-e2e-"));
  const configDir = path.join(dir, "config");
  mkdirSync(configDir);
  copyFileSync(path.resolve("config/topics.yaml"), path.join(configDir, "topics.yaml"));
  writeFileSync(path.join(configDir, "feeds.yaml"), stringify({ feeds: options.feeds ?? [] }));
  writeFileSync(
    path.join(configDir, "settings.yaml"),
    stringify({
      schedules: { poll: "0 0 1 1 *", digest: "0 8 * * *", timezone: "UTC", ...options.schedules },
      limits: { fullTextMinWords: 0, maxConsecutiveFailures: 1, fetchTimeoutMs: 5000, ...options.limits },
    }),
  );
  const storeUrl = `sqlite://${path.join(dir, "store.sqlite")}`;
  return {
    dir,
    configDir,
    storeUrl,
    env: (discord) => ({
      NEWSDESK_CONFIG: configDir,
      STORE_URL: storeUrl,
      FETCH_ALLOW_HOSTS: "127.0.0.1",
      LOG_LEVEL: "info",
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
