import { describe, expect, it } from "vitest";
import { CURATED_FEED, curatedToFacts, extractFacts } from "../../src/facts/extract-facts.ts";
import { feedItem, seedItem } from "./fixtures.ts";

const seedFacts = extractFacts(seedItem());
const factWith = (words: string) => {
  const fact = seedFacts.find((f) => f.text.includes(words));
  if (!fact) throw new Error(`no fact with ${words}`);
  return fact;
};

describe("extracting facts from an item", () => {
  it("makes the title fact 0 and every sentence a fact with the item's provenance", () => {
    const item = seedItem();
    expect(seedFacts[0]).toMatchObject({
      id: `${item.key}#0`,
      itemKey: item.key,
      itemId: item.id,
      link: item.link,
      feed: item.feed,
      feedTitle: "Le Monde Informatique",
      published: item.published,
      lang: "fr",
      topics: ["tiktok-deal"],
    });
    expect(seedFacts[0]!.guildId).toBeUndefined();
    expect(seedFacts.length).toBeGreaterThan(12);
  });

  it("links a surname written alone to the full name the item gave before", () => {
    const facts = extractFacts({
      ...seedItem(),
      lang: "en",
      title: "Quorlin names Elena Varga chief executive",
      text: "Quorlin named Elena Varga as chief executive on Monday. Varga spent twelve years at Siemens.",
    });
    const alone = facts.find((f) => f.text.startsWith("Varga spent"))!;
    expect(alone.contextNames).toContain("elenavarga");
    expect(facts.find((f) => f.text.startsWith("Quorlin named"))!.contextNames).not.toContain("elenavarga");
  });

  it("gives the same ids when the same item is extracted again", () => {
    expect(extractFacts(seedItem()).map((f) => f.id)).toEqual(seedFacts.map((f) => f.id));
  });

  it("drops credits, follow-us lines and fragments", () => {
    expect(seedFacts[0]!.text).not.toMatch(/crédit|Pixabay/);
    expect(seedFacts.some((f) => /Suivez/.test(f.text))).toBe(false);
    const irish = extractFacts(feedItem("actu-fr#irlande-amende-tiktok"));
    expect(irish.some((f) => /Crédit|Suivez/.test(f.text))).toBe(false);
  });

  it("carries a guild-private feed's scope", () => {
    expect(
      extractFacts(feedItem("acme-blog#new-chief-executive")).every(
        (f) => f.guildId === "111111111111111111",
      ),
    ).toBe(true);
  });

  it("records names and numbers with units", () => {
    const order = factWith("90 jours");
    expect(order.entities.numbers).toContain("90 day");
    expect(order.entities.names).toEqual(expect.arrayContaining(["tiktok", "donaldtrump"]));
    expect(factWith("Moor Insights").entities.names).toContain("moorinsightsstrategy");
    expect(factWith("Entrée de façon").entities.names).toEqual(["larryellison"]);
  });

  it("resolves `Ce dernier` to the name it follows", () => {
    expect(factWith("Ce dernier").referents).toEqual([
      expect.objectContaining({ key: "oracle", surface: "Oracle" }),
    ]);
  });

  it("reads roles: appositions, `la firme de`, and a role named without its holder", () => {
    expect(factWith("Patrick Moorhead").roles[0]).toMatchObject({
      holder: "Patrick Moorhead",
      org: "Moor Insights & Strategy",
      groups: expect.arrayContaining(["analyst", "president"]),
    });
    expect(factWith("la firme de Larry Ellison").roles[0]).toMatchObject({
      holder: "Larry Ellison",
      orgKey: "oracle",
      inferred: true,
    });
    expect(factWith("le fondateur d'Oracle").roles[0]).toMatchObject({
      holder: "Larry Ellison",
      orgKey: "oracle",
      groups: ["founder"],
    });
  });

  it("keeps the title's names as context of every sentence", () => {
    expect(factWith("Twitter, Netflix").contextNames).toContain("tiktok");
  });
});

describe("curated facts", () => {
  it("become one fact each, cited as curated with their source", () => {
    const [fact] = curatedToFacts([
      {
        id: "c1",
        text: "TikTok Global was to be based in Texas.",
        source: "https://example.org/s",
        date: "2020-09-19",
        lang: "en",
        addedAt: "2024-01-01T00:00:00Z",
      },
    ]);
    expect(fact).toMatchObject({
      id: "curated:c1",
      itemId: "c1",
      title: "Curated fact",
      feed: CURATED_FEED,
      link: "https://example.org/s",
      published: "2020-09-19",
      curated: true,
      topics: [],
    });
  });
});
