import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/facts/answer.ts";
import { analyseQuestion } from "../../src/facts/question.ts";
import type { Item, Lang } from "../../src/model.ts";
import { feedItems, indexOf } from "./fixtures.ts";

// Tech news beyond the TikTok deal, each story told in one language: the ways news states
// roles, causes, amounts and counts, asked about in English and French.
const story = (key: string, lang: Lang, title: string, text: string, published: string): Item => ({
  ...feedItems()[0]!,
  key,
  id: `https://news.example/${key}`,
  link: `https://news.example/${key}`,
  lang,
  title,
  text,
  published,
  topics: [],
});

const index = indexOf([
  story(
    "activision",
    "en",
    "Microsoft to buy Activision Blizzard for $68.7 billion",
    "Microsoft said on Tuesday it would acquire Activision Blizzard for $68.7 billion in an all-cash deal. " +
      "Bobby Kotick will remain chief executive of Activision Blizzard.",
    "2022-01-18T14:00:00Z",
  ),
  story(
    "nvidia",
    "en",
    "Nvidia revenue nearly doubles on AI chip demand",
    "Nvidia reported revenue of $35.1 billion for the third quarter, up 94% from a year ago. " +
      "The company expects fourth-quarter revenue of about $37.5 billion.",
    "2024-11-20T22:00:00Z",
  ),
  story(
    "apple-fine",
    "en",
    "EU fines Apple €1.8 billion over music streaming",
    "The European Commission fined Apple €1.8 billion on Monday for abusing its dominant position in the market " +
      "for music streaming apps. Apple said it would appeal the decision.",
    "2024-03-04T10:00:00Z",
  ),
  story(
    "5g",
    "fr",
    "La 5G dans 20 villes d'ici 2025",
    "Le gouvernement a annoncé jeudi que la 5G sera déployée dans 20 villes d'ici 2025. " +
      "Les opérateurs ont payé 2,8 milliards d'euros pour les fréquences.",
    "2020-10-01T08:00:00Z",
  ),
  story(
    "free",
    "fr",
    "Free va supprimer 500 postes",
    "L'opérateur Free a annoncé mercredi la suppression de 500 postes en France d'ici la fin de l'année. " +
      "Selon la direction, cette réduction d'effectifs s'explique par la baisse du nombre d'abonnés mobiles.",
    "2024-10-02T08:00:00Z",
  ),
  story(
    "ovhcloud",
    "fr",
    "OVHcloud choisit Strasbourg pour son nouveau centre de données",
    "OVHcloud va construire un nouveau centre de données à Strasbourg, a indiqué lundi l'hébergeur roubaisien.",
    "2024-05-13T08:00:00Z",
  ),
  story(
    "helixa",
    "en",
    "Corvane to buy Helixa for $4.2 billion",
    "Corvane said on Monday it would buy Helixa, founded in 2019 by Dana Levin, for $4.2 billion in cash.",
    "2024-07-01T08:00:00Z",
  ),
  story(
    "cloudara",
    "en",
    "Cloudara restores service after outage",
    "A faulty configuration update caused a four-hour outage at Cloudara on Tuesday, the company said.",
    "2024-09-10T08:00:00Z",
  ),
  story(
    "ondalys",
    "fr",
    "Ondalys va recruter 120 personnes",
    "La start-up nantaise Ondalys va recruter 120 personnes d'ici la fin de l'année, a-t-elle annoncé jeudi.",
    "2024-03-07T08:00:00Z",
  ),
  story(
    "publivox",
    "en",
    "Court fines Publivox",
    "A Paris court fined Publivox on Monday and gave it eight days to appeal the ruling.",
    "2024-05-06T08:00:00Z",
  ),
  story(
    "quantrix",
    "en",
    "Quantrix names Elena Ruiz as CEO",
    "Quantrix, the Boston-based quantum computing company, has named Elena Ruiz as its new chief executive.",
    "2024-02-01T08:00:00Z",
  ),
  story(
    "mistral",
    "fr",
    "Mistral AI lève 600 millions d'euros",
    "La start-up française Mistral AI a levé 600 millions d'euros lors d'un tour de table mené par General " +
      "Catalyst, a-t-elle annoncé mardi. L'entreprise, fondée en 2023 par Arthur Mensch, Guillaume Lample et " +
      "Timothée Lacroix, est désormais valorisée à 5,8 milliards d'euros.",
    "2024-06-11T07:00:00Z",
  ),
]);

const ask = (question: string) => answerQuestion(question, index, { now: "2025-01-20T00:00:00Z" });

describe("answers to questions about tech news", () => {
  it.each([
    // A role given by a verb: `X will remain chief executive of Y`.
    ["Who runs Activision Blizzard?", /Bobby Kotick/],
    // The agent of the role's verb: `fondée en 2023 par Arthur Mensch`.
    ["Who founded Mistral AI?", /Arthur Mensch/],
    ["Qui a fondé Mistral AI ?", /Arthur Mensch/],
    // `for abusing`: a cause.
    ["Why was Apple fined by the EU?", /for abusing its dominant position/],
    // Counted things (`how many cities`) are searched for, and the answer is still a number.
    ["How many cities will get 5G by 2025?", /20 villes/],
    // Quarter and ordinal words across languages.
    ["Quel est le chiffre d'affaires de Nvidia au troisième trimestre ?", /\$35\.1 billion/],
    ["What revenue does Nvidia expect for the fourth quarter?", /\$37\.5 billion/],
    // Raising money, in French.
    ["How much did Mistral AI raise?", /600 millions d'euros/],
    // Jobs, cuts, data centres and building, across languages; `s'explique par` gives a cause.
    ["How many jobs is Free cutting?", /500 postes/],
    ["Why is Free cutting jobs?", /s'explique par la baisse du nombre d'abonnés/],
    ["Where will OVHcloud build its new data center?", /à Strasbourg/],
    // `Helixa, founded … by Dana Levin,` is not a role Helixa holds: Dana Levin founded it.
    ["Who founded Helixa?", /Dana Levin/],
    // `What caused…` asks why.
    ["What caused the Cloudara outage?", /faulty configuration update caused/],
    // Hiring, across languages.
    ["How many people will Ondalys hire?", /120 personnes/],
    // A number written as a word before its unit.
    ["How long does Publivox have to appeal?", /eight days/],
    // `Boston-based` says where.
    ["Where is Quantrix based?", /Boston-based/],
    // `vaut` asks for money.
    ["Combien vaut Mistral AI ?", /5,8 milliards d'euros/],
  ])("%s → %s", async (question, expected) => {
    const result = await ask(question);
    expect(result.answer).toMatch(expected);
  });

  it("reads `how many cities` as a question for a number about cities", () => {
    const analysed = analyseQuestion("How many cities will get 5G by 2025?");
    expect(analysed.kind).toBe("howmuch");
    expect(analysed.keyTerms).toContain("cities");
  });
});
