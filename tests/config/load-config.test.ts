import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load-config.ts";

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-config-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function issuesOf(files: Record<string, string>) {
  try {
    loadConfig({ dir: configDir(files), env: {} });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("configuration", () => {
  it("loads the shipped configuration with at least 4 English and 4 French feeds", () => {
    const config = loadConfig({ dir: path.resolve("config"), env: {} });
    expect(config.feeds.filter((f) => f.lang === "en").length).toBeGreaterThanOrEqual(4);
    expect(config.feeds.filter((f) => f.lang === "fr").length).toBeGreaterThanOrEqual(4);
    expect(config.topics.map((t) => t.id)).toContain("tiktok-deal");
    expect(config.settings.limits.fetchTimeoutMs).toBe(15_000);
    expect(config.env.STORE_URL).toBe("sqlite://data/newsdesk.sqlite");
  });

  it("names the file and field of a bad cron", () => {
    const issues = issuesOf({ "settings.yaml": "schedules:\n  poll: every minute\n" });
    expect(issues).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/settings\.yaml$/), field: "schedules.poll" }),
    ]);
    expect(issues[0]?.message).toMatch(/cron/);
  });

  it("names an unknown field", () => {
    const issues = issuesOf({ "settings.yaml": "limits:\n  fetchTimeoutMS: 100\n" });
    expect(issues[0]).toMatchObject({ field: "limits", message: 'unknown field "fetchTimeoutMS"' });
  });

  it("names a malformed feed URL with its position in the list", () => {
    const issues = issuesOf({
      "feeds.yaml": "feeds:\n  - url: https://ok.example/feed\n  - url: not a url\n",
    });
    expect(issues[0]).toMatchObject({ field: "feeds[1].url" });
    expect(issues[0]?.message).toMatch(/not an http\(s\) URL/);
    expect(issues[0]?.file).toMatch(/feeds\.yaml$/);
  });

  it("takes the variables .env.example leaves empty as not set", () => {
    const example = readFileSync(".env.example", "utf8");
    const env = Object.fromEntries(
      example
        .split("\n")
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(env.DISCORD_CLIENT_ID).toBe("");
    const config = loadConfig({ dir: path.resolve("config"), env });
    expect(config.env.DISCORD_TOKEN).toBeUndefined();
    expect(config.env.DISCORD_CLIENT_ID).toBeUndefined();
    expect(config.env.STORE_URL).toBe("sqlite://data/newsdesk.sqlite");
  });

  it.each(["http://127.0.0.1:5000/api", "http://127.0.0.1:5000/api/", "http://127.0.0.1:5000/api/v10"])(
    "reads DISCORD_API_URL %s as the base discord.js versions itself",
    (url) => {
      const config = loadConfig({ dir: path.resolve("config"), env: { DISCORD_API_URL: url } });
      expect(config.env.DISCORD_API_URL).toBe("http://127.0.0.1:5000/api");
    },
  );

  it("reports every problem at once, and bad environment values too", () => {
    try {
      loadConfig({
        dir: configDir({
          "settings.yaml": "schedules:\n  timezone: Mars/Olympus\n",
          "feeds.yaml": "feeds: 3\n",
        }),
        env: { LOG_LEVEL: "loud" },
      });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/environment \(\.env\): LOG_LEVEL/);
      expect(message).toMatch(/settings\.yaml: schedules\.timezone: is not an IANA time zone/);
      expect(message).toMatch(/feeds\.yaml: feeds:/);
    }
  });

  it("rejects YAML that does not parse", () => {
    const issues = issuesOf({ "topics.yaml": "topics: [\n" });
    expect(issues[0]?.message).toMatch(/not valid YAML/);
  });

  describe("with a cache of parsed YAML", () => {
    const FEEDS = "feeds:\n  - url: https://a.example/feed\n    title: A # a comment\n    lang: en\n";

    it("loads the same configuration with or without the cache, and from the cache the next time", () => {
      const dir = path.resolve("config");
      const cacheDir = mkdtempSync(path.join(tmpdir(), "newsdesk-config-cache-"));
      const plain = loadConfig({ dir, env: {} });
      expect(loadConfig({ dir, env: {}, cacheDir })).toEqual(plain);
      const entries = readdirSync(cacheDir);
      expect(entries.length).toBeGreaterThan(0);
      // What the next start reads instead of the YAML: tampering with it shows it is used.
      for (const entry of entries) {
        const file = path.join(cacheDir, entry);
        const data = JSON.parse(readFileSync(file, "utf8"));
        if (data?.feeds) writeFileSync(file, JSON.stringify({ feeds: data.feeds.slice(0, 1) }));
      }
      expect(loadConfig({ dir, env: {}, cacheDir }).feeds).toEqual(plain.feeds.slice(0, 1));
    });

    it("parses an edited file afresh", () => {
      const dir = configDir({ "feeds.yaml": FEEDS });
      const cacheDir = mkdtempSync(path.join(tmpdir(), "newsdesk-config-cache-"));
      expect(loadConfig({ dir, env: {}, cacheDir }).feeds.map((f) => f.title)).toEqual(["A"]);
      writeFileSync(path.join(dir, "feeds.yaml"), FEEDS.replace("title: A", "title: B"));
      expect(loadConfig({ dir, env: {}, cacheDir }).feeds.map((f) => f.title)).toEqual(["B"]);
    });

    it("keeps what JSON cannot carry out of the cache, and still reports bad YAML", () => {
      const dir = configDir({ "settings.yaml": "schedules:\n  catchUpHours: .inf\n" });
      const cacheDir = mkdtempSync(path.join(tmpdir(), "newsdesk-config-cache-"));
      // `.inf` is Infinity, which JSON would turn to null: the same complaint at every start.
      const without = issuesOf({ "settings.yaml": "schedules:\n  catchUpHours: .inf\n" });
      expect(without[0]?.message).toMatch(/Infinity/);
      for (let run = 0; run < 2; run++) {
        expect(() => loadConfig({ dir, env: {}, cacheDir })).toThrow(without[0]!.message);
      }
      expect(readdirSync(cacheDir)).toEqual([]);
      const bad = configDir({ "topics.yaml": "topics: [\n" });
      for (let run = 0; run < 2; run++) {
        expect(() => loadConfig({ dir: bad, env: {}, cacheDir })).toThrow(/not valid YAML/);
      }
    });

    it("ignores a cache folder it cannot write", () => {
      const dir = configDir({ "feeds.yaml": FEEDS });
      const notAFolder = path.join(configDir({ file: "x" }), "file");
      expect(loadConfig({ dir, env: {}, cacheDir: notAFolder }).feeds).toEqual(
        loadConfig({ dir, env: {} }).feeds,
      );
    });
  });
});
