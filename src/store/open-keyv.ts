import { mkdirSync } from "node:fs";
import path from "node:path";
import { defaultDeserialize } from "@keyv/serialize";
import KeyvSqlite from "@keyv/sqlite";
import Keyv, { type KeyvStoreAdapter } from "keyv";

/**
 * Opens the keyv store named by STORE_URL. `throwOnErrors` is always on: keyv would otherwise
 * turn a failed read into `undefined`, which reads as "never seen" and makes a bot re-post
 * everything when the database is busy.
 */
export async function openKeyv(url: string): Promise<Keyv> {
  const adapter = await openAdapter(url);
  const keyv = new Keyv({
    store: adapter,
    namespace: NAMESPACE,
    throwOnErrors: true,
    serialize: JSON.stringify,
    deserialize: readJson,
  });
  // An 'error' event without a listener would crash the process; failures already throw.
  keyv.on("error", () => {});
  if (url.startsWith("sqlite:")) byteValues.set(keyv, sqliteByteValues(adapter as unknown as SqliteAdapter));
  return keyv;
}

const NAMESPACE = "newsdesk";

/**
 * Values kept as raw bytes, for a backend that stores them natively (SQLite's BLOBs): a fact
 * segment is megabytes of integers, and JSON would carry them as base64 — a third larger, and
 * parsed then decoded at every start. Keys are the store's own (keyv's namespace is added here).
 */
export interface ByteValues {
  /** Per key: its bytes, the value keyv wrote there (plain JSON, read back), or undefined. */
  getMany(keys: string[]): Promise<(Uint8Array | unknown)[]>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

const byteValues = new WeakMap<Keyv, ByteValues>();

/** The byte store beside this keyv, when its backend has one (see {@link ByteValues}). */
export function byteValuesOf(keyv: Keyv): ByteValues | undefined {
  return byteValues.get(keyv);
}

/**
 * Values are plain JSON. keyv's own serialiser walks every value in JavaScript and its parser
 * runs a reviver on every string: 5 to 10 times slower than the native JSON calls, which a
 * store of a million facts feels. Its escapes (`::` for a string starting with a colon,
 * `:base64:` for a Buffer) are still read, so stores written that way stay readable.
 */
function readJson<T>(raw: string): T {
  return raw.includes('"::') || raw.includes('":base64:') ? defaultDeserialize(raw) : JSON.parse(raw);
}

async function openAdapter(url: string): Promise<KeyvStoreAdapter | Map<unknown, unknown>> {
  if (url.startsWith("memory:")) return new Map();
  if (url.startsWith("sqlite:")) return openSqlite(url);
  if (url.startsWith("redis:") || url.startsWith("rediss:")) {
    const { default: KeyvRedis } = await import("@keyv/redis");
    return new KeyvRedis(url) as unknown as KeyvStoreAdapter;
  }
  if (url.startsWith("postgres:") || url.startsWith("postgresql:")) {
    const { default: KeyvPostgres } = await import("@keyv/postgres");
    return new KeyvPostgres({ uri: url }) as unknown as KeyvStoreAdapter;
  }
  throw new Error(`Unsupported STORE_URL "${url}": use sqlite://, redis:// or postgresql://`);
}

type SqliteAdapter = KeyvSqlite & {
  query: (sql: string, ...params: unknown[]) => Promise<unknown[]>;
  opts: { table: string };
};

async function openSqlite(url: string): Promise<KeyvStoreAdapter> {
  const file = url.replace(/^sqlite:\/\//, "");
  if (file !== ":memory:" && file.length > 0)
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new KeyvSqlite({ uri: url, busyTimeout: 10_000 }) as unknown as SqliteAdapter;
  // WAL + synchronous=NORMAL: 10x faster writes (LIBRARIES.md), still durable across a crash.
  await adapter.query("PRAGMA journal_mode=WAL");
  await adapter.query("PRAGMA synchronous=NORMAL");
  addBatchedSetMany(adapter);
  return adapter as unknown as KeyvStoreAdapter;
}

/**
 * Rows are read and written in keyv's own table, under keyv's key: keyv still lists, deletes
 * and overwrites them. A BLOB row comes back as a Buffer, a TEXT row (what keyv wrote, e.g. a
 * version 4 fact segment) as keyv's JSON envelope, unwrapped here.
 */
function sqliteByteValues(adapter: SqliteAdapter): ByteValues {
  const table = adapter.opts.table;
  const prefixed = (key: string) => `${NAMESPACE}:${key}`;
  return {
    async getMany(keys) {
      if (keys.length === 0) return [];
      const placeholders = keys.map(() => "?").join(", ");
      const rows = (await adapter.query(
        `SELECT key, value FROM ${table} WHERE key IN (${placeholders})`,
        ...keys.map(prefixed),
      )) as { key: string; value: Uint8Array | string | null }[];
      const values = new Map(rows.map((row) => [row.key, row.value]));
      return keys.map((key) => {
        const value = values.get(prefixed(key));
        if (value === undefined || value === null) return undefined;
        return typeof value === "string" ? readJson<{ value?: unknown }>(value).value : value;
      });
    },
    async set(key, bytes) {
      await adapter.query(
        `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
        prefixed(key),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
    },
  };
}

/**
 * @keyv/sqlite has no setMany, so keyv would issue one INSERT per key. One multi-row upsert per
 * chunk is one implicit transaction: all of a chunk is stored or none of it.
 */
function addBatchedSetMany(adapter: SqliteAdapter): void {
  const table = adapter.opts.table;
  const CHUNK = 400;
  Object.assign(adapter, {
    async setMany(entries: { key: string; value: unknown }[]): Promise<boolean[]> {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const placeholders = chunk.map(() => "(?, ?)").join(", ");
        const params = chunk.flatMap((e) => [e.key, e.value]);
        await adapter.query(
          `INSERT INTO ${table} (key, value) VALUES ${placeholders} ON CONFLICT(key) DO UPDATE SET value=excluded.value`,
          ...params,
        );
      }
      return entries.map(() => true);
    },
  });
}
