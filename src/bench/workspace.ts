import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import type { Corpus } from "./corpus.ts";
import type { CorpusServer } from "./corpus-server.ts";

/** A temporary folder with the corpus's configuration, store and question list. */
export interface Workspace {
  dir: string;
  configDir: string;
  storeFile: string;
  storeUrl: string;
  questionsFile: string;
  /** Environment the product runs with: the guard lets the corpus server (127.0.0.1) through. */
  env: Record<string, string>;
  remove(): void;
}

/** Feeds fetched at once, as in the default settings. */
export const CONCURRENCY = 8;

/**
 * Writes the configuration folder newsdesk reads (settings.yaml, feeds.yaml, topics.yaml) for
 * the corpus as served by `server`. The corpus serves every feed from one host, where a real
 * deployment's feeds sit on hundreds: perHostConcurrency is raised to the overall concurrency
 * so the one host does not serialise the poll (the baseline fetches with the same concurrency).
 */
export function createWorkspace(corpus: Corpus, server: CorpusServer, parent = tmpdir()): Workspace {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, "newsdesk-bench-"));
  const configDir = path.join(dir, "config");
  mkdirSync(configDir);
  const settings = { limits: { concurrency: CONCURRENCY, perHostConcurrency: CONCURRENCY } };
  writeFileSync(path.join(configDir, "settings.yaml"), stringify(settings));
  const feeds = corpus.feeds.map((feed) => ({
    url: server.urlOf(feed.path),
    title: feed.title,
    lang: feed.lang,
  }));
  writeFileSync(path.join(configDir, "feeds.yaml"), stringify({ feeds }));
  writeFileSync(path.join(configDir, "topics.yaml"), stringify({ topics: corpus.topics }, { lineWidth: 0 }));
  const questionsFile = path.join(dir, "questions.json");
  writeFileSync(questionsFile, JSON.stringify(corpus.questions));
  const storeFile = path.join(dir, "store", "newsdesk.sqlite");
  const storeUrl = `sqlite://${storeFile}`;
  return {
    dir,
    configDir,
    storeFile,
    storeUrl,
    questionsFile,
    env: {
      FETCH_ALLOW_HOSTS: "127.0.0.1",
      LOG_LEVEL: "warn",
      STORE_URL: storeUrl,
      NEWSDESK_CONFIG: configDir,
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
