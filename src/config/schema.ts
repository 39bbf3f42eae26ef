import { validate as isValidCron } from "node-cron";
import { z } from "zod";

/** The schemas of every file in the configuration folder. Unknown fields are errors. */

const cron = z.string().refine((value) => isValidCron(value), {
  message: 'is not a valid cron expression (5 or 6 fields, e.g. "*/15 * * * *")',
});

const timezone = z.string().refine(isValidTimezone, {
  message: 'is not an IANA time zone (e.g. "Europe/Paris")',
});

const httpUrl = z.string().refine(isHttpUrl, { message: "is not an http(s) URL" });

export const topicIdPattern = /^[a-z0-9][a-z0-9-]{0,47}$/;

export const feedSchema = z.strictObject({
  url: httpUrl,
  title: z.string().min(1).optional(),
  lang: z.enum(["en", "fr"]).optional(),
});

export const topicSchema = z.strictObject({
  id: z.string().regex(topicIdPattern, "must be lowercase letters, digits and dashes"),
  name: z.string().min(1),
  query: z.string().min(1),
  description: z.string().optional(),
});

export const factSchema = z.strictObject({
  text: z.string().min(1),
  source: z.string().min(1),
  date: z.iso.date().or(z.iso.datetime({ offset: true })),
  lang: z.enum(["en", "fr"]).optional(),
  topics: z.array(z.string()).optional(),
});

export const settingsSchema = z.strictObject({
  schedules: z
    .strictObject({
      poll: cron.default("*/15 * * * *"),
      digest: cron.default("0 8 * * *"),
      timezone: timezone.default("Europe/Paris"),
      /** A digest missed while the bot was down is still posted if at most this late. */
      catchUpHours: z.number().positive().default(12),
    })
    .prefault({}),
  limits: z
    .strictObject({
      fetchTimeoutMs: z.number().int().positive().default(15_000),
      maxBodyBytes: z
        .number()
        .int()
        .positive()
        .default(5 * 1024 * 1024),
      maxRedirects: z.number().int().min(0).max(20).default(5),
      maxConsecutiveFailures: z.number().int().positive().default(10),
      concurrency: z.number().int().positive().default(8),
      perHostConcurrency: z.number().int().positive().default(2),
      /** Feed texts shorter than this many words get the article page's text. */
      fullTextMinWords: z.number().int().min(0).default(120),
      retentionDays: z.number().int().positive().default(90),
      /** Items older than this are never posted (stored as backlog). */
      maxItemAgeDays: z.number().int().positive().default(7),
      storyWindowHours: z.number().positive().default(72),
    })
    .prefault({}),
  userAgent: z.string().default("newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; Discord news bot)"),
});

export const feedsFileSchema = z.strictObject({ feeds: z.array(feedSchema) });
export const topicsFileSchema = z.strictObject({ topics: z.array(topicSchema) });
export const factsFileSchema = z.strictObject({ facts: z.array(factSchema) });

export const envSchema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: z.string().regex(/^\d+$/, "must be a numeric application id").optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d+$/, "must be a numeric guild id").optional(),
  // discord.js appends `/v10` itself: `…/api/`, `…/api/v10` and `…/api` all mean the same base.
  DISCORD_API_URL: httpUrl.transform((url) => url.replace(/\/+$/, "").replace(/\/v\d+$/, "")).optional(),
  STORE_URL: z
    .string()
    .regex(
      /^(sqlite|redis|rediss|postgres|postgresql|memory):/,
      "must start with sqlite://, redis://, postgresql:// or memory://",
    )
    .default("sqlite://data/newsdesk.sqlite"),
  NEWSDESK_CONFIG: z.string().default("config"),
  FETCH_ALLOW_HOSTS: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Settings = z.infer<typeof settingsSchema>;
export type FeedConfig = z.infer<typeof feedSchema>;
export type TopicConfig = z.infer<typeof topicSchema>;
export type FactConfig = z.infer<typeof factSchema>;
export type Env = z.infer<typeof envSchema>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function isValidTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export { isHttpUrl, isValidTimezone };
