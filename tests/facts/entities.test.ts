import { describe, expect, it } from "vitest";
import { extractEntities, findNameSpans, findNumberSpans } from "../../src/text/entities.ts";

// src/text/entities.ts improvements made for the fact base (names, units, dates).
describe("entities", () => {
  it.each([
    ["Patrick Moorhead works at Moor Insights & Strategy.", "moorinsightsstrategy"],
    ["Après Zoom, l'infrastructure cloud d'Oracle derrière TikTok", "oracle"],
    ["a decree from President Donald Trump", "donaldtrump"],
    ["la maison-mère de TikTok, Byte Dance, a refusé", "bytedance"],
  ])("%s names %s", (text, name) => {
    expect(extractEntities(text).names).toContain(name);
  });

  it("does not take a sentence-opening word for a name unless the text vouches for it", () => {
    expect(extractEntities("Entrée de façon inattendue, la firme de Larry Ellison gagne.").names).toEqual([
      "larryellison",
    ]);
    expect(extractEntities("Ajoutez à cela Zoom. Oracle sait. Le groupe Oracle recrute.").names).toEqual([
      "zoom",
      "oracle",
    ]);
    expect(extractEntities("Oracle paid.", new Set(["oracle"])).names).toEqual(["oracle"]);
  });

  it("splits two known names written side by side", () => {
    expect(extractEntities("Un accord Oracle TikTok. TikTok et Oracle discutent.").names).toEqual([
      "oracle",
      "tiktok",
    ]);
  });

  it("keeps surnames of a full name found earlier", () => {
    expect(extractEntities("Acme named Jane Doe. Doe starts Monday.").names).toEqual(["janedoe", "doe"]);
  });

  it.each([
    ["un délai de 90 jours", "90 day"],
    ["a 90-day deadline", "90 day"],
    ["une hausse de 12,5 %", "12.5 %"],
    ["a 12.5% stake", "12.5 %"],
    ["valued at $5 billion", "5 billion $"],
    ["5 milliards de dollars", "5 billion $"],
    ["345 millions d'euros", "345 million €"],
    ["2,000 Indian employees", "2000"],
    ["jusqu'à 20 000 personnes", "20000 people"],
  ])("%s has the number %s", (text, number) => {
    expect(extractEntities(text).numbers).toContain(number);
  });

  it("reads dates, and a day of a date is not a number", () => {
    expect(extractEntities("le 15 septembre 2020").dates).toContain("2020-09-15");
    expect(extractEntities("On September 14, 2020").dates).toContain("2020-09-14");
    expect(extractEntities("on 2021-03-05").dates).toContain("2021-03-05");
    expect(extractEntities("le 15 septembre 2020").numbers).toEqual([]);
    expect(extractEntities("You may go in march.").dates).toEqual([]);
  });

  it("gives positions for quoting", () => {
    const text = "Oracle paid $5 billion to Patrick Moorhead.";
    expect(findNumberSpans(text).map((n) => text.slice(n.start, n.end))).toEqual(["$5 billion"]);
    expect(findNameSpans(text, new Set(["oracle"])).map((n) => n.surface)).toEqual([
      "Oracle",
      "Patrick Moorhead",
    ]);
  });
});
