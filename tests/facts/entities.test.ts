import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  extractEntities,
  findDocumentNames,
  findNameSpans,
  findNumberSpans,
  readEntities,
} from "../../src/text/entities.ts";
import { tokenize } from "../../src/text/tokenize.ts";

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

  it("reads `constructor` and `toString` as plain words, not as units or months", () => {
    expect(extractEntities("They hired 12 constructor firms and 3 toString experts.").numbers).toEqual([
      "12",
      "3",
    ]);
    expect(extractEntities("Constructor Group bought Widgetco.").names).toContain("constructorgroup");
  });

  it("gives positions for quoting", () => {
    const text = "Oracle paid $5 billion to Patrick Moorhead.";
    expect(findNumberSpans(text).map((n) => text.slice(n.start, n.end))).toEqual(["$5 billion"]);
    expect(findNameSpans(text, new Set(["oracle"])).map((n) => n.surface)).toEqual([
      "Oracle",
      "Patrick Moorhead",
    ]);
  });

  it("reads a sentence's entities and name spans from tokens it already has, as the text-only calls do", () => {
    const text =
      "Ajoutez Oracle. Jane Doe, PDG de Moor Insights & Strategy, a payé 5 milliards de dollars le 14 septembre 2020.";
    const known = new Set(["oracle"]);
    expect(readEntities(text, tokenize(text), known)).toEqual({
      entities: extractEntities(text, known),
      names: findNameSpans(text, known),
    });
  });

  it("finds a document's names from its tokenized sentences as from the text joined by line breaks", () => {
    const parts = [
      "Un accord Oracle TikTok",
      "Doe signe.",
      "« Jane Doe arrive",
      "",
      "Bank of America et IT.",
    ];
    const joined = parts.join("\n");
    expect([...findDocumentNames(parts.map((text) => ({ text, tokens: tokenize(text) })))]).toEqual(
      extractEntities(joined).names,
    );
  });

  it("finds the same document names as extractEntities over the joined text, whatever the sentences", () => {
    const word = fc.constantFrom(
      "Oracle",
      "TikTok",
      "Jane",
      "Doe",
      "IBM",
      "IT",
      "of",
      "de",
      "Bank",
      "America",
      "&",
      "d'Oracle",
      "la",
      "The",
      "Ce",
      "PDG",
      "Moor",
      "Insights",
      "Strategy",
      "Etats",
      "Unis",
      "«",
      "»",
      ".",
      ",",
      ":",
      "2020",
    );
    const sentence = fc.array(word, { maxLength: 12 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 6 }), (texts) => {
        const parts = texts.map((text) => ({ text, tokens: tokenize(text) }));
        expect([...findDocumentNames(parts)]).toEqual(extractEntities(texts.join("\n")).names);
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});
