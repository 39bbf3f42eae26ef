/** The stand-in's copies of Discord's validation rules, case by case. */
import { describe, expect, it } from "vitest";
import { checkCommandList } from "./command-validation.ts";
import { resolveMentions } from "./mentions.ts";
import { checkMessageBody } from "./message-limits.ts";
import type { Json } from "./types.ts";

const field = (name: string, value: string) => ({ name, value });
const embed = (extra: Json) => ({ embeds: [{ title: "t", ...extra }] });

describe("message limits", () => {
  it.each<[string, Json]>([
    ["2000 characters of content", { content: "x".repeat(2000) }],
    ["a 256-emoji title (Discord counts code points)", embed({ title: "😀".repeat(256) })],
    ["10 embeds", { embeds: Array.from({ length: 10 }, () => ({ title: "t" })) }],
    ["25 fields", embed({ fields: Array.from({ length: 25 }, () => field("n", "v")) })],
    [
      "a 6000-character message over two embeds",
      { embeds: [{ description: "a".repeat(4000) }, { description: "b".repeat(2000) }] },
    ],
    ["a file without text", { attachments: [] }],
    ["an integer nonce", { content: "x", nonce: 1234567890123 }],
  ])("accepts %s", (_case, body) => {
    const files = "attachments" in body ? 1 : 0;
    expect(checkMessageBody(body, { files })).toBeUndefined();
  });

  it.each<[string, Json, unknown]>([
    [
      "2001 characters of content",
      { content: "x".repeat(2001) },
      { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } },
    ],
    [
      "11 embeds",
      { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) },
      { embeds: { _errors: [{}] } },
    ],
    ["a 257-character title", embed({ title: "x".repeat(257) }), { embeds: { 0: { title: {} } } }],
    [
      "a 4097-character description",
      embed({ description: "x".repeat(4097) }),
      { embeds: { 0: { description: {} } } },
    ],
    [
      "26 fields",
      embed({ fields: Array.from({ length: 26 }, () => field("n", "v")) }),
      { embeds: { 0: { fields: {} } } },
    ],
    [
      "an empty field value",
      embed({ fields: [field("n", "")] }),
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      "a 1025-character field value",
      embed({ fields: [field("n", "v".repeat(1025))] }),
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      "a 2049-character footer",
      embed({ footer: { text: "f".repeat(2049) } }),
      { embeds: { 0: { footer: { text: {} } } } },
    ],
    [
      "a 257-character author",
      embed({ author: { name: "a".repeat(257) } }),
      { embeds: { 0: { author: { name: {} } } } },
    ],
    [
      "6001 characters over two embeds",
      { embeds: [{ description: "a".repeat(4000) }, { description: "b".repeat(2001) }] },
      { embeds: { _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED" }] } },
    ],
    [
      "a javascript: link",
      embed({ url: "javascript:alert(1)" }),
      { embeds: { 0: { url: { _errors: [{ code: "URL_TYPE_INVALID_SCHEME" }] } } } },
    ],
    ["a colour above 0xffffff", embed({ color: 0x1000000 }), { embeds: { 0: { color: {} } } }],
    [
      "a 26-character nonce",
      { content: "x", nonce: "n".repeat(26) },
      { nonce: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } },
    ],
    [
      "parse users together with a users list",
      { content: "x", allowed_mentions: { parse: ["users"], users: ["123456789012345678"] } },
      { allowed_mentions: { _errors: [{ code: "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE" }] } },
    ],
  ])("rejects %s with 50035 at the right path", (_case, body, tree) => {
    const result = checkMessageBody(body);
    expect(result).toMatchObject({
      status: 400,
      body: { code: 50035, message: "Invalid Form Body", errors: tree },
    });
  });

  it("rejects a message with nothing to show with 50006", () => {
    expect(checkMessageBody({ content: "   " })).toMatchObject({ status: 400, body: { code: 50006 } });
    expect(checkMessageBody({ content: "" }, { partial: true })).toBeUndefined();
  });

  it("nests interaction reply errors under data", () => {
    const result = checkMessageBody({ content: "x".repeat(2001) }, { prefix: ["data"] });
    expect(result?.body).toMatchObject({ errors: { data: { content: {} } } });
  });
});

describe("mentions", () => {
  const users = new Map<string, Json>();
  it.each<[string, string, unknown, Json]>([
    [
      "nothing when parse is empty",
      "@everyone <@123456789012345678>",
      { parse: [] },
      { mention_everyone: false, mentions: [] },
    ],
    [
      "everything without allowed_mentions",
      "@here <@&123456789012345678>",
      undefined,
      { mention_everyone: true, mention_roles: ["123456789012345678"] },
    ],
    [
      "listed users only",
      "<@123456789012345678> <@223456789012345678>",
      { users: ["223456789012345678"] },
      { mentions: [{ id: "223456789012345678" }] },
    ],
    [
      "nothing escaped with a backslash",
      "\\@everyone \\<@123456789012345678>",
      undefined,
      { mention_everyone: false, mentions: [] },
    ],
  ])("pings %s", (_case, content, allowed, expected) => {
    expect(resolveMentions(content, allowed, users)).toMatchObject(expected);
  });
});

describe("application commands", () => {
  const ok = { name: "topic", description: "Topics" };
  it("accepts a localised command with subcommands", () => {
    const command = {
      ...ok,
      name_localizations: { fr: "sujet" },
      options: [
        {
          type: 1,
          name: "add",
          description: "Add",
          options: [{ type: 3, name: "name", description: "Name", required: true }],
        },
      ],
    };
    expect(checkCommandList([command]).empty).toBe(true);
  });

  it.each<[string, Json, unknown]>([
    ["an upper-case name", { ...ok, name: "Topic" }, { 0: { name: {} } }],
    ["a name with a space", { ...ok, name: "my topic" }, { 0: { name: {} } }],
    ["a 101-character description", { ...ok, description: "d".repeat(101) }, { 0: { description: {} } }],
    [
      "a locale Discord lacks",
      { ...ok, name_localizations: { "fr-FR": "sujet" } },
      { 0: { name_localizations: { "fr-FR": {} } } },
    ],
    [
      "a required option after an optional one",
      {
        ...ok,
        options: [
          { type: 3, name: "a", description: "a" },
          { type: 3, name: "b", description: "b", required: true },
        ],
      },
      { 0: { options: { 1: { required: {} } } } },
    ],
    [
      "choices with autocomplete",
      {
        ...ok,
        options: [
          { type: 3, name: "a", description: "a", autocomplete: true, choices: [{ name: "x", value: "x" }] },
        ],
      },
      { 0: { options: { 0: { autocomplete: {} } } } },
    ],
    [
      "a subcommand mixed with an option",
      {
        ...ok,
        options: [
          { type: 1, name: "add", description: "a" },
          { type: 3, name: "b", description: "b" },
        ],
      },
      { 0: { options: { _errors: [{ code: "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID" }] } } },
    ],
    [
      "26 options",
      {
        ...ok,
        options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: "d" })),
      },
      { 0: { options: { _errors: [{}] } } },
    ],
  ])("rejects %s", (_case, command, tree) => {
    expect(checkCommandList([command]).toJson()).toMatchObject(tree as object);
  });

  it("rejects two commands with the same name", () => {
    expect(checkCommandList([ok, ok]).toJson()).toMatchObject({
      1: { name: { _errors: [{ code: "APPLICATION_COMMANDS_DUPLICATE_NAME" }] } },
    });
  });
});
