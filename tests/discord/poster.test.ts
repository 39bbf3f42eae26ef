import { DiscordAPIError, HTTPError } from "discord.js";
import { describe, expect, it } from "vitest";
import { classify } from "../../src/discord/poster.ts";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ message: "refused", code }, code, status, "POST", "/channels/1/messages", {});

describe("classify: what a refusal means for the outbox", () => {
  it.each([
    ["Missing Permissions", 50013, 403, { permanent: true, rejected: false }],
    ["Unknown Channel", 10003, 404, { permanent: true, rejected: false }],
    ["Invalid Form Body", 50035, 400, { permanent: false, rejected: true }],
    ["Cannot send an empty message", 50006, 400, { permanent: false, rejected: true }],
    ["Request entity too large", 40005, 413, { permanent: false, rejected: true }],
    ["Rate limited (after the REST client's waits)", 0, 429, { permanent: false, rejected: false }],
    ["Internal error", 0, 500, { permanent: false, rejected: false }],
  ] as const)("%s", (_, code, status, expected) => {
    expect(classify(apiError(code, status))).toMatchObject(expected);
  });

  it("takes an HTTP error or a timeout as passing", () => {
    const http = new HTTPError(503, "Service Unavailable", "POST", "/channels/1/messages", {
      body: {},
      files: undefined,
    });
    expect(classify(http)).toMatchObject({ permanent: false, rejected: false });
    expect(classify(new Error("Request aborted"))).toMatchObject({ permanent: false, rejected: false });
  });
});
