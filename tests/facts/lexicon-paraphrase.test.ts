import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/facts/question.ts";
import type { Lang } from "../../src/model.ts";
import { asking, indexOf, story } from "./fixtures.ts";

// Questions that say a thing otherwise than the story does: a paraphrase (`fined` for `a court
// ordered … to pay`), the other language (`Dunkirk` for `Dunkerque`), or both. Each story is
// told in one language; each question is answered only through the lexicon.
const brief = (key: string, lang: Lang, text: string, title = text) =>
  story(key, lang, title, text, "2025-02-10T09:00:00Z");
const news = indexOf([
  brief(
    "orvita-court",
    "en",
    "A federal court in Denver on Friday ordered sensor maker Orvita to pay $14 million for misleading investors.",
  ),
  brief(
    "tandrel-cuts",
    "en",
    "Tandrel said on Monday it would close two offices. The company eliminated 320 positions in 2023 after a fall in orders.",
    "Tandrel restructures",
  ),
  brief("tandrel-hires", "fr", "Tandrel a recruté 90 ingénieurs en 2023."),
  brief("brenlo-layoffs", "en", "Brenlo laid off 240 workers in 2024."),
  brief("brenlo-hires", "en", "Brenlo hired 60 workers in 2024."),
  brief(
    "nordavia-plant",
    "fr",
    "Nordavia va investir 400 millions d'euros dans une nouvelle usine à Dunkerque.",
  ),
  brief(
    "vexora-office",
    "fr",
    "Vexora ouvrira un bureau à Londres en juin, avec une cinquantaine d'ingénieurs.",
  ),
  brief("norlix-plant", "fr", "Norlix fermera son usine en Suède en juin 2026, a indiqué le groupe."),
  brief(
    "telvora-auction",
    "fr",
    "L'opérateur Telvora a remporté 100 MHz de spectre pour 300 millions d'euros.",
  ),
  brief(
    "kordel-plant",
    "en",
    "Kordel Energy will spend $900 million to keep the Blackmoor nuclear plant open until 2045.",
  ),
  brief("kordel-office", "en", "Kordel Energy will spend $40 million on a new headquarters in Leeds."),
  brief(
    "pellucid",
    "en",
    "Pellucid's note-taking app costs $12 a month. The start-up raised $200 million in May at a valuation of $3 billion.",
    "Pellucid raises $200 million",
  ),
  // Words that look like the ones asked about, in stories that do not answer.
  brief("dravix-bonus", "fr", "Dravix versera une prime de 3 millions d'euros à ses salariés fin juin."),
  brief("corvix-licences", "fr", "Corvix a obtenu 12 licences d'exploitation en mai."),
  brief(
    "skyvane-jets",
    "en",
    "Skyvane ordered 20 aircraft from Airbus and agreed to pay about $2 billion for them.",
  ),
  brief(
    "brisko-owner",
    "en",
    "Brisko, a Dublin parcel locker operator, was acquired by investment firm Halden Capital in 2021.",
  ),
  brief(
    "maltrix-plant",
    "fr",
    "Maltrix a ouvert une petite usine à Brno en 2021. Maltrix a ouvert sa plus grande usine à Lodz en 2023.",
    "Maltrix en Europe centrale",
  ),
  brief(
    "fenwa-stores",
    "en",
    "Fenwa currently runs 120 stores in Spain. Fenwa will add 40 stores in Portugal next year.",
    "Fenwa expands",
  ),
  brief(
    "tovik-drone",
    "fr",
    "Le drone Tovik emporte des colis de 2 kilos sur 20 kilomètres. Le drone Tovik pèse 900 grammes.",
    "Tovik présente son drone de livraison",
  ),
  brief(
    "ardent-hpc",
    "fr",
    "Le supercalculateur Ardent, d'une puissance de 12 pétaflops, a été inauguré en mai.",
  ),
  brief(
    "cembra-hpc",
    "fr",
    "Les serveurs de Cembra ont coûté 20 millions d'euros. Le supercalculateur de Cembra a coûté 9 millions d'euros.",
    "Cembra",
  ),
  brief("brelun-hospital", "fr", "L'hôpital de Brelun a soigné 40 000 patients en 2024."),
  brief("kestra-laptops", "en", "Kestra shipped 2.1 million notebooks in 2024."),
  brief(
    "norlo-bikes",
    "en",
    "Norlo, which is based in Lisbon, sells its electric bikes in Spain. Norlo assembles the bikes in Porto.",
    "Norlo",
  ),
  brief("lunaro-buyback", "en", "Lunaro announced a $500 million share buyback in March."),
  brief(
    "gravo-practices",
    "fr",
    "Gravo a 30 jours pour faire appel de la décision. Gravo dispose de 60 jours pour modifier ces pratiques.",
    "Gravo sanctionné",
  ),
  // Look-alikes of the words above.
  brief("pomra-ads", "en", "Pomra spent $3 million on a TV ad campaign in 2024."),
  brief("doveran-losses", "en", "Doveran reported heavy losses of $80 million in 2024."),
  brief(
    "maravel-loan",
    "fr",
    "Maravel Energy a emprunté 200 millions d'euros auprès de la banque centrale en mars 2025.",
  ),
]);
const ask = asking(news);
const citedKey = (result: { citations: { id: string }[] }) =>
  result.citations[0]?.id.replace("https://news.example/", "");

describe("answers questions that paraphrase the story", () => {
  it.each([
    // A court ordering a company to pay is a fine.
    ["How much was Orvita fined?", "orvita-court", /\$14 million/],
    // Positions eliminated are layoffs; hires are not.
    ["How many layoffs did Tandrel make in 2023?", "tandrel-cuts", /eliminated 320 positions/],
    // `licenciées` (feminine plural, a stem of its own) is laying off.
    ["Combien de salariées Brenlo a-t-il licenciées ?", "brenlo-layoffs", /laid off 240 workers/],
    // Places named otherwise in French.
    ["How much will Nordavia invest in its Dunkirk factory?", "nordavia-plant", /400 millions d'euros/],
    ["When will Vexora open its London office?", "vexora-office", /juin/],
    // `Suède` stems like `sued`: Sweden is `en Suède`.
    ["When will Norlix close its Swedish plant?", "norlix-plant", /juin 2026/],
    // Radio spectrum is `spectre` in French.
    ["How much did Telvora pay for its spectrum?", "telvora-auction", /300 millions d'euros/],
    // A reactor is the nuclear plant.
    ["How much will Kordel Energy spend on the reactor?", "kordel-plant", /\$900 million/],
    // What a company is worth is its valuation, not what its product costs; and the reverse.
    ["What is Pellucid worth?", "pellucid", /valuation of \$3 billion/],
    ["Combien vaut Pellucid ?", "pellucid", /valuation of \$3 billion/],
    ["How much does the Pellucid app cost?", "pellucid", /costs \$12 a month/],
    // Acquired by someone is owned by them.
    ["Who owns Brisko?", "brisko-owner", /Halden Capital/],
    // `biggest` is `plus grande`; adding is `add`; heavy is `pèse`; powerful is `puissance`.
    ["Where is Maltrix's biggest factory?", "maltrix-plant", /Lodz/],
    ["How many stores is Fenwa adding?", "fenwa-stores", /40 stores/],
    ["How heavy is the Tovik drone?", "tovik-drone", /900 grammes/],
    ["How powerful is the Ardent supercomputer?", "ardent-hpc", /12 pétaflops/],
    ["How much did Cembra's supercomputer cost?", "cembra-hpc", /9 millions d'euros/],
    ["How many patients did the Brelun hospital treat?", "brelun-hospital", /40 000 patients/],
    // Notebooks are laptops; assembling is making.
    ["Combien d'ordinateurs portables Kestra a-t-il vendus ?", "kestra-laptops", /2\.1 million notebooks/],
    ["Where does Norlo manufacture its bikes?", "norlo-bikes", /Porto/],
    ["Pour combien Lunaro va-t-il racheter ses propres actions ?", "lunaro-buyback", /\$500 million/],
    ["How long does Gravo have to change its practices?", "gravo-practices", /60 jours/],
  ])("%s", async (question, key, expected) => {
    const result = await ask(question);
    expect(result.answer).toMatch(expected);
    expect(citedKey(result)).toBe(key);
  });
});

describe("does not take a look-alike word for the one asked about", () => {
  it.each([
    // `fine` stems like the French `fin` (end): `fin juin` is no fine.
    ["How much was Dravix fined?"],
    // `licences` stems like `licenciés`: licences are not layoffs.
    ["How many layoffs did Corvix announce?"],
    // Ordering jets and agreeing to pay for them is no fine.
    ["How much was Skyvane fined?"],
    // A central bank (`banque centrale`) is not a power plant.
    ["When will the Maravel Energy reactor restart?"],
    // `adding` stems like `ad`: an ad campaign adds no stores.
    ["How many stores is Pomra adding?"],
    // Heavy losses are no weight.
    ["How much does the Doveran scooter weigh?"],
  ])("%s", async (question) => {
    expect((await ask(question)).answer).toBeNull();
  });

  it("reads `en Suède` as Sweden, not as a lawsuit (`sued`)", () => {
    const groups = analyseQuestion("Combien de salariés Norlix emploie-t-il en Suède ?").concepts.flatMap(
      (c) => c.groups,
    );
    expect(groups).toContain("sweden");
    expect(groups).not.toContain("lawsuit");
  });
});
