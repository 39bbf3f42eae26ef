/**
 * Discord's message limits, checked the way the API does: every violation is collected into one
 * 400 "Invalid Form Body" (50035); a message with nothing to show is 50006.
 *
 * Limits: content 2 000; at most 10 embeds; title 256, description 4 096, 25 fields, field name
 * 256 and value 1 024 (both required), footer text 2 048, author name 256; and 6 000 for the sum
 * of those texts over all embeds of the message. Lengths are in code points (see errors.ts).
 */
import { errors, FormErrors, formMessages, type RouteResult, textLength } from "./errors.ts";
import { checkAllowedMentions } from "./mentions.ts";
import type { Json } from "./types.ts";

type Path = Array<string | number>;

const EMBED_TEXT_TOTAL = 6000;

/** How {@link checkMessageBody} reads a body: where errors nest, and whether it is an edit. */
export interface CheckMessageOptions {
  /** Error paths are nested under this prefix (`["data"]` for interaction callbacks). */
  prefix?: Path;
  /** Edits may leave out everything; creations must show something. */
  partial?: boolean;
  /** Attachments sent alongside (a message with only a file is not empty). */
  files?: number;
}

/** Returns the error response Discord would give for this message body, or undefined if it is valid. */
export function checkMessageBody(body: Json, options: CheckMessageOptions = {}): RouteResult | undefined {
  const found = new FormErrors();
  checkString(found, body.content, ["content"], 2000);
  if (body.embeds !== undefined && body.embeds !== null) checkEmbeds(found, body.embeds);
  checkNonce(found, body.nonce);
  if (body.allowed_mentions !== undefined && body.allowed_mentions !== null) {
    checkAllowedMentions(found, body.allowed_mentions);
  }
  if (!found.empty) return errors.invalidFormBody(found.toJson(options.prefix));
  if (!options.partial && isEmptyMessage(body, options.files ?? 0)) return errors.emptyMessage();
  return undefined;
}

function isEmptyMessage(body: Json, files: number): boolean {
  const hasText = typeof body.content === "string" && body.content.trim() !== "";
  const hasList = (key: string) => Array.isArray(body[key]) && (body[key] as unknown[]).length > 0;
  return (
    !hasText &&
    !hasList("embeds") &&
    !hasList("components") &&
    !hasList("sticker_ids") &&
    !body.poll &&
    files === 0
  );
}

function checkNonce(found: FormErrors, nonce: unknown): void {
  if (nonce === undefined || nonce === null) return;
  if (typeof nonce === "number" && Number.isInteger(nonce)) return;
  if (typeof nonce !== "string") found.add(["nonce"], formMessages.notString(nonce));
  else if (textLength(nonce) > 25) found.add(["nonce"], formMessages.maxLength(25));
}

function checkEmbeds(found: FormErrors, embeds: unknown): void {
  if (!Array.isArray(embeds)) {
    found.add(["embeds"], { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return;
  }
  if (embeds.length > 10) found.add(["embeds"], formMessages.maxLength(10));
  let total = 0;
  embeds.forEach((embed, index) => {
    if (typeof embed !== "object" || embed === null) {
      found.add(["embeds", index], {
        code: "DICT_TYPE_CONVERT",
        message: "Only dictionaries may be used in a DictType",
      });
      return;
    }
    total += checkEmbed(found, embed as Json, ["embeds", index]);
  });
  if (total > EMBED_TEXT_TOTAL) {
    found.add(["embeds"], {
      code: "MAX_EMBED_SIZE_EXCEEDED",
      message: `Embed size exceeds maximum size of ${EMBED_TEXT_TOTAL}`,
    });
  }
}

/** Checks one embed and returns the length it adds to the 6 000 total. */
function checkEmbed(found: FormErrors, embed: Json, path: Path): number {
  let total = checkString(found, embed.title, [...path, "title"], 256);
  total += checkString(found, embed.description, [...path, "description"], 4096);
  checkUrl(found, embed.url, [...path, "url"], false);
  if (embed.timestamp !== undefined && embed.timestamp !== null) {
    if (typeof embed.timestamp !== "string" || Number.isNaN(Date.parse(embed.timestamp))) {
      found.add([...path, "timestamp"], {
        code: "DATE_TIME_TYPE_PARSE",
        message: `Could not interpret "${String(embed.timestamp)}" as timestamp.`,
      });
    }
  }
  if (embed.color !== undefined && embed.color !== null) {
    const color = embed.color;
    if (typeof color !== "number" || !Number.isInteger(color) || color < 0 || color > 0xffffff) {
      found.add([...path, "color"], {
        code: "NUMBER_TYPE_MAX",
        message: "int value should be less than or equal to 16777215.",
      });
    }
  }
  total += checkPart(found, embed.footer, [...path, "footer"], "text", 2048, ["icon_url"]);
  total += checkPart(found, embed.author, [...path, "author"], "name", 256, ["url", "icon_url"]);
  checkPart(found, embed.image, [...path, "image"], "url", undefined, []);
  checkPart(found, embed.thumbnail, [...path, "thumbnail"], "url", undefined, []);
  if (embed.fields !== undefined && embed.fields !== null)
    total += checkFields(found, embed.fields, [...path, "fields"]);
  return total;
}

function checkFields(found: FormErrors, fields: unknown, path: Path): number {
  if (!Array.isArray(fields)) {
    found.add(path, { code: "BASE_TYPE_ARRAY", message: "Must be an array." });
    return 0;
  }
  if (fields.length > 25) found.add(path, formMessages.maxLength(25));
  let total = 0;
  fields.forEach((field, index) => {
    const item = (typeof field === "object" && field !== null ? field : {}) as Json;
    for (const [key, max] of [
      ["name", 256],
      ["value", 1024],
    ] as const) {
      if (typeof item[key] !== "string" || item[key] === "")
        found.add([...path, index, key], formMessages.required());
      else total += checkString(found, item[key], [...path, index, key], max);
    }
  });
  return total;
}

/** Footer, author, image, thumbnail: an object whose `required` key must be present. */
function checkPart(
  found: FormErrors,
  part: unknown,
  path: Path,
  required: string,
  max: number | undefined,
  urlKeys: string[],
): number {
  if (part === undefined || part === null) return 0;
  if (typeof part !== "object") {
    found.add(path, { code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" });
    return 0;
  }
  const value = (part as Json)[required];
  for (const key of urlKeys) checkUrl(found, (part as Json)[key], [...path, key], true);
  if (typeof value !== "string" || value === "") {
    found.add([...path, required], formMessages.required());
    return 0;
  }
  if (max === undefined) {
    checkUrl(found, value, [...path, required], true);
    return 0;
  }
  return checkString(found, value, [...path, required], max);
}

/** Checks an optional string; returns its length for the embed total. */
function checkString(found: FormErrors, value: unknown, path: Path, max: number): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== "string") {
    found.add(path, formMessages.notString(value));
    return 0;
  }
  const length = textLength(value);
  if (length > max) found.add(path, formMessages.maxLength(max));
  return length;
}

function checkUrl(found: FormErrors, value: unknown, path: Path, allowAttachment: boolean): void {
  if (value === undefined || value === null) return;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    found.add(path, { code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." });
    return;
  }
  const schemes = allowAttachment ? ["http:", "https:", "attachment:"] : ["http:", "https:"];
  if (!schemes.includes(url.protocol)) {
    found.add(path, {
      code: "URL_TYPE_INVALID_SCHEME",
      message: `Scheme "${url.protocol.slice(0, -1)}" is not supported. Scheme must be one of ('http', 'https').`,
    });
  }
}
