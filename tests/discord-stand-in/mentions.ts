/**
 * Who a message pings. Discord parses mentions from `content` only (embeds never ping) and keeps
 * those `allowed_mentions` permits; without `allowed_mentions` everything in the content pings.
 * A backslash before the mention escapes it.
 */
import type { FormErrors } from "./errors.ts";
import { buildUser } from "./state.ts";
import type { Json } from "./types.ts";

const PARSE_TYPES = ["users", "roles", "everyone"];

export function checkAllowedMentions(found: FormErrors, value: unknown): void {
  const path = ["allowed_mentions"];
  if (typeof value !== "object" || value === null) {
    found.add(path, { code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" });
    return;
  }
  const allowed = value as Json;
  const parse = Array.isArray(allowed.parse) ? (allowed.parse as unknown[]) : [];
  parse.forEach((type, index) => {
    if (typeof type !== "string" || !PARSE_TYPES.includes(type)) {
      found.add([...path, "parse", index], {
        code: "ENUM_TYPE_COERCE",
        message: "Value must be one of {'users', 'roles', 'everyone'}.",
      });
    }
  });
  for (const key of ["users", "roles"] as const) {
    const ids = allowed[key];
    if (ids === undefined || ids === null) continue;
    if (!Array.isArray(ids)) {
      found.add([...path, key], { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
      continue;
    }
    if (ids.length > 100)
      found.add([...path, key], { code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
    if (ids.length > 0 && parse.includes(key)) {
      found.add(path, {
        code: "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        message: `parse:["${key}"] and ${key}: [${ids.join(", ")}] are mutually exclusive.`,
      });
    }
  }
}

/** The `mentions`, `mention_roles` and `mention_everyone` fields Discord computes for a message. */
export function resolveMentions(content: unknown, allowedMentions: unknown, users: Map<string, Json>): Json {
  const text = typeof content === "string" ? content : "";
  const allowed = (
    typeof allowedMentions === "object" && allowedMentions !== null ? allowedMentions : undefined
  ) as Json | undefined;
  const parse = allowed ? (Array.isArray(allowed.parse) ? (allowed.parse as string[]) : []) : PARSE_TYPES;
  const listed = (key: string) => (allowed && Array.isArray(allowed[key]) ? (allowed[key] as string[]) : []);
  const permits = (key: string, id: string) => parse.includes(key) || listed(key).includes(id);

  const userIds = matches(text, /(?<!\\)<@!?(\d{15,21})>/g).filter((id) => permits("users", id));
  const roleIds = matches(text, /(?<!\\)<@&(\d{15,21})>/g).filter((id) => permits("roles", id));
  return {
    mention_everyone: parse.includes("everyone") && /(?<!\\)@(everyone|here)\b/.test(text),
    mentions: [...new Set(userIds)].map((id) => users.get(id) ?? buildUser(id, `user-${id}`)),
    mention_roles: [...new Set(roleIds)],
  };
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] ?? "");
}
