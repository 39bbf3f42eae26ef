import { describe, expect, it } from "vitest";
import { findNumberSpansIn } from "../../src/text/numbers.ts";
import { tokenize } from "../../src/text/tokenize.ts";

const keysOf = (text: string) =>
  findNumberSpansIn(tokenize(text), text, { spelled: true }).map((span) => span.key);

describe("numbers written as words", () => {
  it.each([
    ["Publivox has two days to appeal.", ["2 day"]],
    ["Le procès a duré deux mois.", ["2 month"]],
    ["a four-hour outage", ["4 hour"]],
    ["Neuf salariés sur dix", ["9 people"]],
  ])("%s → %j", (text, keys) => {
    expect(keysOf(text)).toEqual(keys);
  });

  it("are read only before a unit: alone they are too often something else", () => {
    expect(keysOf("The change comes after two difficult quarters.")).toEqual([]);
    expect(keysOf("Il est neuf heures moins le quart.")).toEqual(["9 hour"]);
    expect(keysOf("un nouveau départ, sept ans plus tard")).toEqual(["7 year"]);
  });
});

describe("numbers as entities", () => {
  it("leave numbers written as words out: `two years ago` is filler in many articles", () => {
    const text = "Acme had two years to comply and 90 days to pay.";
    expect(findNumberSpansIn(tokenize(text), text).map((span) => span.key)).toEqual(["90 day"]);
  });
});
