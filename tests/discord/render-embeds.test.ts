import { describe, expect, it } from "vitest";
import { measureEmbed } from "../../src/discord/message-limits.ts";
import {
  type DigestStoryInput,
  type DiscordMessagePayload,
  type RenderOptions,
  renderDigestMessages,
  renderStoryEmbed,
  renderStoryMessage,
  validateMessagePayload,
} from "../../src/discord/render-embeds.ts";
import { checkMessageBody } from "../discord-stand-in/message-limits.ts";

const NOW = new Date("2026-12-01T00:00:00Z");
const PUBLISHED = "2026-11-28T08:00:00Z";
const UNIX = Date.parse(PUBLISHED) / 1000;
const EN: RenderOptions = { locale: "en", now: NOW };
const FR: RenderOptions = { locale: "fr", now: NOW };
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const outlet = (feed: string, url = `https://${feed.toLowerCase().replace(/\W/g, "")}.test/a`) => ({
  feed,
  url,
});
const story = (overrides: Partial<DigestStoryInput> = {}): DigestStoryInput => ({
  topics: ["ai"],
  title: "OpenAI ships a new model",
  summary: "The company released it on Tuesday.",
  published: PUBLISHED,
  url: "https://lemondeinformatique.test/lead",
  sources: [outlet("Le Monde Informatique"), outlet("The Verge")],
  ...overrides,
});
const prose = (length: number) => "lorem ipsum dolor ".repeat(Math.ceil(length / 18)).slice(0, length);
const embedTotal = (payload: DiscordMessagePayload) =>
  payload.embeds.reduce((sum, embed) => sum + measureEmbed(embed), 0);
const expectSendable = (payload: DiscordMessagePayload) => {
  expect(validateMessagePayload(payload)).toEqual([]);
  expect(checkMessageBody(payload)).toBeUndefined();
  expect(payload.allowed_mentions).toEqual({ parse: [] });
};

describe("renderDigestMessages packing", () => {
  it("a 25-story digest with 5000-character texts comes out as 3 sendable messages", () => {
    const stories = Array.from({ length: 25 }, (_, index) =>
      story({ title: `Story ${index}`, summary: prose(5000) }),
    );
    const messages = renderDigestMessages({ stories }, EN);
    expect(messages.map((message) => message.embeds.length)).toEqual([10, 10, 5]);
    for (const message of messages) {
      expectSendable(message);
      expect(embedTotal(message)).toBeGreaterThan(5800);
    }
    expect(messages.flatMap((message) => message.embeds.map((embed) => embed.title))).toEqual(
      stories.map((entry) => entry.title),
    );
  });

  it("ten long stories fill the 6000-character budget exactly, 600 each", () => {
    const stories = Array.from({ length: 10 }, (_, index) =>
      story({ title: `Story ${index}`, summary: "x".repeat(5000), sources: [] }),
    );
    const [message] = renderDigestMessages({ stories }, EN);
    expect(message!.embeds.map(measureEmbed)).toEqual(Array(10).fill(600));
    expect(embedTotal(message!)).toBe(6000);
    expectSendable(message!);
  });

  it("short stories keep all their text and a long one gets what is left", () => {
    const short = Array.from({ length: 9 }, (_, index) =>
      story({ title: `Short ${index}`, summary: prose(400) }),
    );
    const long = story({ title: "Long", summary: "x".repeat(5000), sources: [] });
    const [message] = renderDigestMessages({ stories: [...short, long] }, EN);
    expect(message!.embeds.slice(0, 9)).toEqual(short.map((entry) => renderStoryEmbed(entry, EN)));
    expect(embedTotal(message!)).toBe(6000);
    expect(measureEmbed(message!.embeds[9]!)).toBeLessThan(measureEmbed(renderStoryEmbed(long, EN)));
    expect(message!.embeds[9]!.description!.endsWith("x…")).toBe(true);
  });

  it("an empty digest gives no message", () => {
    expect(renderDigestMessages({ stories: [] }, EN)).toEqual([]);
  });

  it("is deterministic and leaves its input unchanged", () => {
    const stories = Array.from({ length: 12 }, (_, index) =>
      story({ title: `S${index}`, summary: prose(3000) }),
    );
    const before = JSON.stringify(stories);
    const first = JSON.stringify(renderDigestMessages({ stories }, FR));
    expect(JSON.stringify(renderDigestMessages({ stories }, FR))).toBe(first);
    expect(JSON.stringify(stories)).toBe(before);
  });
});

describe("renderStoryEmbed limits", () => {
  const words = "word ".repeat(51);
  it.each([
    ["title", { title: words + "x" }, 256, true],
    ["title", { title: words + "xy" }, 256, false],
    ["description", { summary: "a".repeat(4096), published: "not a date" }, 4096, true],
    ["description", { summary: "a".repeat(4097), published: "not a date" }, 4096, false],
  ] as const)("a %s of the limit or one more (%#)", (part, overrides, limit, kept) => {
    const input = story(overrides);
    const embed = renderStoryEmbed(input, EN);
    const text = embed[part]!;
    expect(text.length).toBeLessThanOrEqual(limit);
    if (kept) expect(text).toBe(input[part === "title" ? "title" : "summary"]);
    else expect(text.endsWith("…")).toBe(true);
    if (part === "description") expect(text.length).toBe(limit);
  });

  it("a sources value of exactly 1024 characters keeps every link; one more drops the last link", () => {
    const first = `https://e.test/${"a".repeat(300)}`;
    const valueFor = (third: string) =>
      renderStoryEmbed(story({ sources: [outlet("A", first), outlet("B", first), outlet("C", third)] }), EN)
        .fields![0]!.value;
    const fixed = "[A](), [B](), [C]()".length + 2 * first.length;
    const third = `https://e.test/${"c".repeat(1024 - fixed - "https://e.test/".length)}`;
    expect(valueFor(third)).toHaveLength(1024);
    expect(valueFor(third)).toBe(`[A](${first}), [B](${first}), [C](${third})`);
    expect(valueFor(`${third}c`)).toBe(`[A](${first}), [B](${first}), C`);
  });

  it("long topic names stay within the footer limit", () => {
    const embed = renderStoryEmbed(story({ topics: ["a", "b"] }), {
      ...EN,
      topicNames: { a: prose(3000), b: "B" },
    });
    expect(embed.footer!.text.length).toBeLessThanOrEqual(2048);
    expect(embed.footer!.text.endsWith("…")).toBe(true);
    expectSendable(renderStoryMessage(story(), EN));
  });

  it("never splits a family emoji or a flag at the cut, in titles or summaries", () => {
    const emoji = "👨‍👩‍👧🇫🇷".repeat(400);
    for (let pad = 0; pad < 12; pad++) {
      const stories = Array.from({ length: 10 }, () =>
        story({ title: "x".repeat(pad) + emoji, summary: emoji }),
      );
      for (const message of renderDigestMessages({ stories }, EN)) {
        expectSendable(message);
        for (const embed of message.embeds) {
          for (const text of [embed.title!, embed.description!])
            expect(LONE_SURROGATE.test(text)).toBe(false);
        }
      }
    }
  });
});

describe("renderStoryEmbed content", () => {
  it("escapes an untrusted title: no live mention, masked link, bold or spoiler", () => {
    const hostile = "@everyone <@&123> [x](https://evil.test) **b** ||s||";
    const message = renderStoryMessage(story({ title: hostile, summary: `${hostile}\n# big\n> quote` }), EN);
    expectSendable(message);
    const { title, description } = message.embeds[0]!;
    for (const text of [title!, description!]) {
      expect(text).not.toMatch(/@everyone/);
      expect(text).not.toMatch(/(?<!\\)<@/);
      expect(text).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
      expect(text).not.toMatch(/(?<!\\)\*\*/);
      expect(text).not.toMatch(/(?<!\\)\|\|/);
      expect(text).not.toMatch(/^(#|>) /m);
    }
    expect(title!.replace(/\\(\W)/g, "$1").replaceAll("\u200b", "")).toBe(hostile);
  });

  it("links the title to the lead URL, else the first source, and never to a non-web URL", () => {
    expect(renderStoryEmbed(story(), EN).url).toBe("https://lemondeinformatique.test/lead");
    expect(renderStoryEmbed(story({ url: undefined }), EN).url).toBe("https://lemondeinformatique.test/a");
    expect(renderStoryEmbed(story({ url: "javascript:alert(1)" }), EN).url).toBeUndefined();
  });

  it("shows a relative timestamp above the summary and the date as the embed timestamp", () => {
    const embed = renderStoryEmbed(story(), EN);
    expect(embed.description).toBe(`<t:${UNIX}:R>\nThe company released it on Tuesday.`);
    expect(embed.timestamp).toBe("2026-11-28T08:00:00.000Z");
  });

  it("shows a date from the future as now, and leaves out a date it cannot read", () => {
    const future = renderStoryEmbed(story({ published: "2027-01-01T00:00:00Z" }), EN);
    expect(future.timestamp).toBe(NOW.toISOString());
    const unreadable = renderStoryEmbed(story({ published: "soon" }), EN);
    expect(unreadable.timestamp).toBeUndefined();
    expect(unreadable.description).toBe("The company released it on Tuesday.");
  });

  it("names topics in the footer as written, without markdown escapes", () => {
    const embed = renderStoryEmbed(story({ topics: ["ai", "cpp"] }), {
      ...EN,
      topicNames: { cpp: "C++ *core*" },
    });
    expect(embed.footer).toEqual({ text: "ai · C++ *core*" });
    expect(renderStoryEmbed(story({ topics: [] }), EN).footer).toBeUndefined();
  });

  it("lists outlets once each, names a feed URL by its host and encodes parentheses in links", () => {
    const sources = [
      outlet("The Verge", "https://theverge.test/a_(b)"),
      outlet("the verge", "https://theverge.test/other"),
      outlet("https://www.numerama.test/feed", "https://numerama.test/x"),
      outlet("Bad [name]", "javascript:alert(1)"),
    ];
    expect(renderStoryEmbed(story({ sources }), EN).fields).toEqual([
      {
        name: "Sources",
        value:
          "[The Verge](https://theverge.test/a_%28b%29), [numerama.test](https://numerama.test/x), Bad \\[name]",
      },
    ]);
    expect(renderStoryEmbed(story({ sources: [] }), EN).fields).toBeUndefined();
  });

  it.each([
    [EN, 5, "Sources", " +2 more"],
    [FR, 5, "Sources", " +2 autres"],
    [FR, 4, "Sources", " +1 autre"],
    [FR, 1, "Source", "[O0](https://o0.test/a)"],
  ])("labels sources in the reader's language (%#)", (options, count, name, ending) => {
    const sources = Array.from({ length: count }, (_, index) => outlet(`O${index}`));
    const [field] = renderStoryEmbed(story({ sources }), options).fields!;
    expect(field!.name).toBe(name);
    expect(field!.value.endsWith(ending)).toBe(true);
    expect(field!.value.startsWith("[O0](https://o0.test/a)")).toBe(true);
  });

  it("gives an untitled story a title in the reader's language", () => {
    expect(renderStoryEmbed(story({ title: " " }), FR).title).toBe("(sans titre)");
    expect(renderStoryEmbed(story({ title: "" }), EN).title).toBe("(untitled)");
  });
});
