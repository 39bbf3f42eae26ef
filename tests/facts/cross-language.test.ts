import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import { analyseQuestion } from "../../src/facts/question.ts";
import type { Item, Lang } from "../../src/model.ts";
import { feedItem, feedItems, indexOf, SEED_ID, seedItem } from "./fixtures.ts";

// Several feeds, English and French; each fact below is written in one language only.
const index = indexOf([seedItem(), ...feedItems()]);
const now = "2024-06-01T00:00:00Z";

describe("answers cross languages", () => {
  it("answers an English question from a French-only fact", async () => {
    const source = feedItem("actu-fr#irlande-amende-tiktok");
    const result = await answerQuestion("How much was TikTok fined by the Irish regulator?", index, { now });
    expect(result.answer).toMatch(/345 millions d'euros/);
    expect(result.lang).toBe("en");
    expect(result.citations.map((c) => c.id)).toEqual([source.id]);
  });

  it("answers a French question from an English-only fact", async () => {
    const source = feedItem("wire-en#tiktok-india-layoffs");
    const result = await answerQuestion("Pourquoi TikTok ferme-t-il son service en Inde ?", index, { now });
    expect(result.answer).toMatch(/because the government banned 59 Chinese apps/);
    expect(result.lang).toBe("fr");
    expect(result.citations[0]!.id).toBe(source.id);
  });

  it("reads a lexicon phrase whose first word is a stop word: `appeal` is `faire appel`", async () => {
    const result = await answerQuestion("Will TikTok appeal the decision?", index, { now });
    expect(result.answer).toMatch(/faire appel de cette décision/);
    expect(result.citations[0]!.id).toBe(feedItem("actu-fr#irlande-amende-tiktok").id);
  });

  it("finds a number in the asked unit across languages", async () => {
    const result = await answerQuestion("Combien d'employés indiens ByteDance va-t-il licencier ?", index, {
      now,
    });
    expect(result.answer).toMatch(/2,000 Indian employees/);
  });

  it("cites every outlet that gives the same answer, and is surer for it", async () => {
    const single = await answerQuestion(
      "How many days did the presidential order give?",
      indexOf([seedItem()]),
      {
        now,
      },
    );
    const result = await answerQuestion("How many days did the presidential order give ByteDance?", index, {
      now,
    });
    expect(result.answer).toMatch(/90 (?:days|jours)/);
    expect(result.citations.map((c) => c.id).sort()).toEqual(
      [SEED_ID, feedItem("wire-en#trump-order-90-days").id].sort(),
    );
    expect(result.confidence).toBeGreaterThan(single.confidence);
  });

  it("keeps the topic filter: a fact outside the topic is not used", async () => {
    const question = "How much was TikTok fined by the Irish regulator?";
    expect((await answerQuestion(question, index, { now, topic: "tiktok-privacy" })).answer).toMatch(/345/);
    expect((await answerQuestion(question, index, { now, topic: "tiktok-deal" })).answer).toBeNull();
  });
});

// News stories told in one language, asked about in the other: common business words
// (shares falling, losses, strikes, warehouses, ransoms, boards) must cross the lexicon.
const story = (key: string, lang: Lang, text: string): Item => ({
  ...feedItems()[0]!,
  key,
  id: `https://news.example/${key}`,
  link: `https://news.example/${key}`,
  lang,
  title: text,
  text,
  published: "2025-03-03T08:00:00Z",
  topics: [],
});
const news = indexOf([
  story("dravon-stock", "fr", "Le titre Dravon a chuté de 14 % jeudi à la Bourse de Paris."),
  story("dravon-forecast", "fr", "Dravon a relevé de 6 % sa prévision de chiffre d'affaires pour 2025."),
  story("dravon-loss", "fr", "Dravon a creusé sa perte nette à 52 millions d'euros en 2024."),
  story("dravon-revenue", "fr", "Dravon a réalisé un chiffre d'affaires de 610 millions d'euros en 2024."),
  story("mareva-strike", "fr", "Les syndicats de Maréva appellent à la grève le 3 avril."),
  story("mareva-site", "fr", "Maréva a annoncé le 12 mars la fermeture de son site de Brest."),
  story("parcelio-warehouses", "en", "Parcelio will close 12 warehouses in Germany by June."),
  story("parcelio-offices", "fr", "Parcelio va fermer 5 bureaux en Allemagne d'ici juin."),
  story("kelvix-ransom", "en", "The hackers demanded $2 million from Kelvix, the company said."),
  story("kelvix-data", "en", "Kelvix said the attack exposed the data of 800,000 customers."),
  story("kelvix-cost", "fr", "Selon Kelvix, les pirates lui coûteront 9 millions de dollars en 2025."),
  story(
    "solvane-government",
    "en",
    "The Trump administration asked Solvane to hand over its data, White House spokesman Tom Reyes said.",
  ),
  story("solvane-board", "en", "Solvane's board of directors is chaired by Maria Keane."),
  story("voltaro-owners", "en", "Voltaro owners will be notified by letter from April 21."),
  story("voltaro-repair", "en", "Voltaro owners will get a free repair from May 5."),
]);
const newsNow = "2025-03-20T00:00:00Z";
const citedKey = (result: { citations: { id: string }[] }) =>
  result.citations[0]?.id.replace("https://news.example/", "");

describe("answers common business news across languages", () => {
  it.each([
    ["By what percentage did Dravon shares fall?", "dravon-stock", /chuté de 14 %/],
    ["How much money did Dravon lose in 2024?", "dravon-loss", /52 millions/],
    ["When will Mareva workers go on strike?", "mareva-strike", /3 avril/],
    ["Combien d'entrepôts Parcelio va-t-il fermer ?", "parcelio-warehouses", /12 warehouses/],
    ["Quelle rançon les pirates ont-ils réclamée à Kelvix ?", "kelvix-ransom", /\$2 million/],
    ["Quand les propriétaires de Voltaro seront-ils prévenus ?", "voltaro-owners", /April 21/],
  ])("%s", async (question, key, expected) => {
    const result = await answerQuestion(question, news, { now: newsNow });
    expect(result.answer).toMatch(expected);
    expect(citedKey(result)).toBe(key);
  });

  it("reads `conseil d'administration` as a company's board, not the government", async () => {
    const question = "Qui préside le conseil d'administration de Solvane ?";
    expect(analyseQuestion(question).concepts.flatMap((c) => c.groups)).not.toContain("government");
    const result = await answerQuestion(question, news, { now: newsNow });
    expect(result.answer).toMatch(/Maria Keane/);
    expect(citedKey(result)).toBe("solvane-board");
  });
});
