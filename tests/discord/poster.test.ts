import { DiscordAPIError, HTTPError } from "discord.js";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/discord/poster.ts";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ message: "refused", code }, code, status, "POST", "/channels/1/messages", {});

describe("classify: what a refusal means for the outbox", () => {
  it.each([
    ["Missing Permissions", 50013, 403, "channel"],
    ["Unknown Channel", 10003, 404, "channel"],
    ["Invalid Form Body", 50035, 400, "message"],
    ["Cannot send an empty message", 50006, 400, "message"],
    ["Request entity too large", 40005, 413, "message"],
    ["Rate limited (after the REST client's waits)", 0, 429, "passing"],
    ["Internal error", 0, 500, "passing"],
    ["Unauthorized (a reset token)", 0, 401, "token"],
  ] as const)("%s", (_, code, status, expected) => {
    expect(classify(apiError(code, status)).fault).toBe(expected);
  });

  it("takes an HTTP error or a timeout as passing", () => {
    const http = new HTTPError(503, "Service Unavailable", "POST", "/channels/1/messages", {
      body: {},
      files: undefined,
    });
    expect(classify(http).fault).toBe("passing");
    expect(classify(new Error("Request aborted")).fault).toBe("passing");
  });
});
