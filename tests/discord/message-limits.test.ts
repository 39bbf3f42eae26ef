import { describe, expect, it } from "vitest";
import {
  type DiscordEmbed,
  type DiscordMessagePayload,
  embedUrl,
  measureEmbed,
  validateMessagePayload,
} from "../../src/discord/message-limits.ts";

const text = (length: number) => "x".repeat(length);
const message = (embeds: DiscordEmbed[], content?: string): DiscordMessagePayload => ({
  ...(content === undefined ? {} : { content }),
  embeds,
  allowed_mentions: { parse: [] },
});
const fields = (count: number) => Array.from({ length: count }, () => ({ name: "n", value: "v" }));

describe("validateMessagePayload", () => {
  const atTheLimit: Array<[string, DiscordMessagePayload]> = [
    ["a 256-character title", message([{ title: text(256) }])],
    ["a 4096-character description", message([{ description: text(4096) }])],
    ["a 256-character field name", message([{ fields: [{ name: text(256), value: "v" }] }])],
    ["a 1024-character field value", message([{ fields: [{ name: "n", value: text(1024) }] }])],
    ["a 2048-character footer", message([{ footer: { text: text(2048) } }])],
    ["a 256-character author name", message([{ author: { name: text(256) } }])],
    ["25 fields", message([{ fields: fields(25) }])],
    ["10 embeds", message(Array.from({ length: 10 }, () => ({ title: "t" })))],
    ["2000 characters of content", message([], text(2000))],
    [
      "6000 characters summed over the embeds",
      message([{ description: text(4096) }, { description: text(1000), footer: { text: text(904) } }]),
    ],
  ];
  it.each(atTheLimit)("accepts %s", (_, payload) => {
    expect(validateMessagePayload(payload)).toEqual([]);
  });

  const overTheLimit: Array<[string, DiscordMessagePayload, string]> = [
    ["a 257-character title", message([{ title: text(257) }]), "embeds[0].title is 257 long (max 256)"],
    ["a 4097-character description", message([{ description: text(4097) }]), "embeds[0].description is 4097"],
    [
      "a 257-character field name",
      message([{ fields: [{ name: text(257), value: "v" }] }]),
      "embeds[0].fields[0].name is 257",
    ],
    [
      "a 1025-character field value",
      message([{ fields: [{ name: "n", value: text(1025) }] }]),
      "embeds[0].fields[0].value is 1025",
    ],
    ["a 2049-character footer", message([{ footer: { text: text(2049) } }]), "embeds[0].footer.text is 2049"],
    [
      "a 257-character author name",
      message([{ author: { name: text(257) } }]),
      "embeds[0].author.name is 257",
    ],
    ["26 fields", message([{ fields: fields(26) }]), "embeds[0].fields has 26 entries (max 25)"],
    [
      "11 embeds",
      message(Array.from({ length: 11 }, () => ({ title: "t" }))),
      "embeds has 11 entries (max 10)",
    ],
    ["2001 characters of content", message([], text(2001)), "content is 2001"],
    [
      "6001 characters summed over the embeds",
      message([{ description: text(4096) }, { description: text(1000), footer: { text: text(905) } }]),
      "embeds total 6001 characters (max 6000)",
    ],
    [
      "an empty field value",
      message([{ fields: [{ name: "n", value: "" }] }]),
      "embeds[0].fields[0].value is empty",
    ],
    ["a javascript: title link", message([{ title: "t", url: "javascript:alert(1)" }]), "embeds[0].url"],
    ["an unreadable timestamp", message([{ title: "t", timestamp: "yesterday" }]), "embeds[0].timestamp"],
    ["nothing to show", message([]), "message is empty"],
  ];
  it.each(overTheLimit)("rejects %s", (_, payload, problem) => {
    const problems = validateMessagePayload(payload);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it("rejects any allowed mention", () => {
    const payload = { embeds: [{ title: "t" }], allowed_mentions: { parse: ["everyone"] } };
    expect(validateMessagePayload(payload as unknown as DiscordMessagePayload)).toEqual([
      "allowed_mentions.parse must be []",
    ]);
  });

  it("lists every problem, not only the first", () => {
    const payload = message([{ title: text(300), description: text(6000) }]);
    expect(validateMessagePayload(payload)).toHaveLength(3);
  });
});

describe("measureEmbed", () => {
  it("counts title, description, field names and values, footer and author, and nothing else", () => {
    const embed: DiscordEmbed = {
      title: "ab",
      description: "cde",
      url: "https://example.com/not-counted",
      fields: [{ name: "f", value: "gh" }],
      footer: { text: "ij" },
      author: { name: "k" },
      timestamp: "2026-01-01T00:00:00Z",
    };
    expect(measureEmbed(embed)).toBe(11);
  });
});

describe("embedUrl", () => {
  it("keeps an http(s) link, normalised, up to Discord's 2 048 characters", () => {
    expect(embedUrl("https://News.example/a b")).toBe("https://news.example/a%20b");
    expect(embedUrl(`https://news.example/${"a".repeat(2100)}`)).toBeUndefined();
    expect(embedUrl("javascript:alert(1)")).toBeUndefined();
    expect(embedUrl(undefined)).toBeUndefined();
  });
});
