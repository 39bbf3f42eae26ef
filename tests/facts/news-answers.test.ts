import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/facts/question.ts";
import { asking, indexOf, story } from "./fixtures.ts";

// Tech news beyond the TikTok deal, each story told in one language: the ways news states
// roles, causes, amounts and counts, asked about in English and French.

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

/** Answers questions from `index` as of `now`. */
const ask = asking(index, "2025-01-20T00:00:00Z");

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

// Other stories, for the ways questions ask for times, lengths, counts and causes.
const more = indexOf([
  story(
    "brexa",
    "fr",
    "Incendie à l'usine Brexa de Lille",
    "L'usine Brexa de Lille a fermé ses portes mardi à cause d'un incendie survenu dans la nuit.",
    "2024-04-02T08:00:00Z",
  ),
  story(
    "rennes",
    "fr",
    "Le métro de Rennes de nouveau en service",
    "Le trafic du métro de Rennes a repris à 14 h 45, a indiqué l'opérateur.",
    "2024-04-03T08:00:00Z",
  ),
  story(
    "halden",
    "en",
    "Power back in Halden",
    "Power was restored to the Halden district at 4:15 p.m., the utility said.",
    "2024-04-04T08:00:00Z",
  ),
  story(
    "ferlina",
    "fr",
    "Panne d'électricité chez Ferlina",
    "Chez Ferlina, la panne a touché 20 % des clients, privés d'électricité pendant neuf heures.",
    "2024-04-05T08:00:00Z",
  ),
  story(
    "quorvia",
    "en",
    "Quorvia card payments down",
    "The Quorvia outage hit 40% of shops, which could not take cards for 90 minutes.",
    "2024-04-05T09:00:00Z",
  ),
  story(
    "velora",
    "fr",
    "Velora séduit l'Europe",
    "L'application Velora a séduit 3,2 millions d'utilisateurs en Europe.",
    "2024-04-06T08:00:00Z",
  ),
  story(
    "korvex",
    "en",
    "Korvex results",
    "Korvex reported a net profit of $12 million for 2024.",
    "2025-02-06T08:00:00Z",
  ),
  story(
    "sorbel",
    "en",
    "Regulator opens Sorbel case",
    "The Sorbel case began with a complaint by the consumer group Vigilo.",
    "2024-04-08T08:00:00Z",
  ),
  story(
    "brevanto",
    "fr",
    "Brevanto lève 5 millions d'euros",
    "Le fabricant de vélos électriques Brevanto a levé 5 millions d'euros pour ouvrir une usine à Tours. " +
      "La production doit démarrer au printemps. " +
      "Les fonds serviront aussi à doubler l'effectif, qui compte aujourd'hui 80 salariés.",
    "2024-04-09T08:00:00Z",
  ),
  story(
    "tessaro",
    "en",
    "Italy fines Tessaro",
    "Italy's competition authority on Tuesday fined carmaker Tessaro 40 million euros over misleading battery claims.",
    "2024-04-10T08:00:00Z",
  ),
  story(
    "lumeo",
    "fr",
    "Lumeo va supprimer 200 postes",
    "Le fabricant de lampes Lumeo justifie la suppression de 200 postes par la chute de ses ventes en Asie.",
    "2024-04-11T08:00:00Z",
  ),
  story(
    "fendro",
    "en",
    "Norway bans Fendro",
    "Norway's data regulator on Friday banned the fitness app Fendro, saying it had shared location data with advertisers.",
    "2024-04-11T09:00:00Z",
  ),
  story(
    "marvella",
    "en",
    "Marvella delays its launch",
    "Marvella blamed the delay of its launch on a shortage of chips.",
    "2024-04-11T10:00:00Z",
  ),
  story(
    "cobalys",
    "fr",
    "Les ventes de Cobalys reculent",
    "La baisse des ventes de Cobalys est attribuée à la fin des aides publiques.",
    "2024-04-11T11:00:00Z",
  ),
  story(
    "brixo",
    "en",
    "Brixo customers locked out",
    "Thousands of Brixo customers could not pay by card on Monday because of an outage. " +
      "The outage was due to a power failure at a substation, the bank said.",
    "2024-04-12T08:00:00Z",
  ),
]);

const askMore = asking(more);

describe("answers to questions about times, lengths, counts and causes", () => {
  it.each([
    // A cause marker ending in an elision: `à cause d'un`.
    ["Pourquoi l'usine Brexa de Lille a-t-elle fermé ?", /à cause d'un incendie/],
    // A time of day answers `À quelle heure`, `What time`.
    ["À quelle heure le trafic du métro de Rennes a-t-il repris ?", /14 h 45/],
    ["What time was power restored in Halden?", /4:15 p\.m\./],
    // `Combien de temps`, `How long` ask for a length of time: `neuf heures`, not `20 %`.
    ["Combien de temps a duré la panne chez Ferlina ?", /pendant neuf heures/],
    ["How long did the Quorvia outage last?", /for 90 minutes/],
    // `compte`, `last year`, `filed`, `against`: the answer need not say them.
    ["Combien d'utilisateurs compte Velora ?", /3,2 millions d'utilisateurs/],
    ["How much did Korvex earn last year?", /\$12 million/],
    ["Who filed the complaint against Sorbel?", /Vigilo/],
    // The unit is searched for: `80 salariés` in a sentence that does not name Brevanto.
    ["combien de salariés chez brevanto", /80 salariés/],
    // `fined … over`, `justifie … par`.
    ["Why was Tessaro fined?", /over misleading battery claims/],
    ["Pourquoi Lumeo supprime-t-il des postes ?", /par la chute de ses ventes/],
    // `banned …, saying it had`, `blamed … on`, `attribuée à`.
    ["Why did Norway ban Fendro?", /saying it had shared location data/],
    ["Why was the Marvella launch delayed?", /on a shortage of chips/],
    ["Pourquoi les ventes de Cobalys ont-elles baissé ?", /attribuée à la fin des aides/],
    // `because of an outage` only restates what is asked about: the outage's own cause answers.
    ["Why did Brixo have an outage?", /due to a power failure/],
  ])("%s → %s", async (question, expected) => {
    const result = await askMore(question);
    expect(result.answer).toMatch(expected);
  });

  it("reads `Lisbon's Quendra Labs` in a title as Quendra Labs, for the sentences under it", async () => {
    const quendra = indexOf([
      story(
        "quendra",
        "en",
        "Lisbon's Quendra Labs unveils a warehouse robot",
        "The start-up said its robot can lift 40 kilograms. " +
          '"We built it for small warehouses," chief executive Rui Matos said.',
        "2024-04-14T08:00:00Z",
      ),
    ]);
    const result = await asking(quendra)("Who is the CEO of Quendra Labs?");
    expect(result.answer).toMatch(/Rui Matos/);
  });

  it("does not take `trois jours après` for how long something lasted", async () => {
    const dravik = indexOf([
      story(
        "dravik",
        "fr",
        "Grève chez Dravik",
        "La grève chez Dravik a commencé mardi, trois jours après l'annonce d'un plan social.",
        "2024-04-15T08:00:00Z",
      ),
    ]);
    const result = await asking(dravik)("Combien de jours a duré la grève chez Dravik ?");
    expect(result.answer).toBeNull();
  });

  it("prefers a time of day to a date when asked `at what time`", async () => {
    const times = indexOf([
      story(
        "kelmar",
        "en",
        "Kelmar plant reopens",
        "The Kelmar plant reopened on Wednesday. The Kelmar plant reopened at 6:30 a.m., workers said.",
        "2024-04-13T08:00:00Z",
      ),
    ]);
    const result = await asking(times)("At what time did the Kelmar plant reopen?");
    expect(result.answer).toMatch(/6:30 a\.m\./);
  });

  it("reads `how much did X pay for Y` as the price of an acquisition, not what X spent on something else", async () => {
    const deals = indexOf([
      story(
        "orvane",
        "en",
        "Orvane Systems agrees to buy Tessik for €527 million",
        "Orvane Systems agrees to buy Tessik for €527 million. Last year Orvane Systems spent €20 billion on research and development.",
        "2024-05-02T08:00:00Z",
      ),
    ]);
    const result = await asking(deals)("How much did Orvane Systems pay for Tessik?");
    expect(result.answer).toMatch(/€527 million/);
  });
});

describe("questions typed in a hurry", () => {
  const index = indexOf([
    story(
      "brenlo",
      "en",
      "Brenlo buys Kestrion",
      "Brenlo bought the drone maker Kestrion for $310 million on Tuesday. Kestrion filed a patent complaint against Vamex last year.",
      "2024-06-04T08:00:00Z",
    ),
  ]);
  const ask = asking(index);

  it("reads a misspelt word as the known word one letter away", async () => {
    expect((await ask("who bougth kestrion")).answer).toMatch(/Brenlo/);
    expect((await ask("how much did brenlo pay for kestrion")).answer).toMatch(/\$310 million/);
  });

  it("reads chat shorthands as the words they stand for", async () => {
    const { expandChatWords } = await import("../../src/facts/typed-question.ts");
    expect(expandChatWords("whos the ceo of brenlo")).toBe("who is the ceo of brenlo");
    expect(expandChatWords("Pq Brenlo a racheté Kestrion stp")).toBe("Pourquoi Brenlo a racheté Kestrion ");
    const typed = await ask("whos bougth kestrion");
    expect(typed).toMatchObject({ kind: "who", answer: expect.stringMatching(/Brenlo/) });
  });

  it("leaves real words and names alone, even ones no fact holds", async () => {
    const { correctSpelling } = await import("../../src/facts/typed-question.ts");
    const frequencies = (keys: readonly string[]) => index.termCounts(keys);
    expect(await correctSpelling("Who fined Vamex?", frequencies)).toBe("Who fined Vamex?");
    expect(await correctSpelling("who filed against vamex", frequencies)).toBe("who filed against vamex");
    expect(await correctSpelling("Did Kestrian buy Vamex?", frequencies)).toBe("Did Kestrian buy Vamex?");
    // Letters swapped, one extra, one of a double missing: a name misspelt, read as the name.
    expect(await correctSpelling("Did Kestroin buy Vammex?", frequencies)).toBe("Did Kestrion buy Vamex?");
    expect(await correctSpelling("Who did Brenllo buy?", frequencies)).toBe("Who did Brenlo buy?");
    // Text pasted into the box is not misspelt: its words are not looked up one edit at a time.
    const pasted = `who bougth kestrion ${[..."abcdefghijkl"].map((c) => `zqxw${c}`).join(" ")}`;
    expect(await correctSpelling(pasted, frequencies)).toBe(pasted);
    expect(await correctSpelling(`who bougth ${"k".repeat(3000)}`, frequencies)).toBe(
      `who bought ${"k".repeat(3000)}`,
    );
    expect(await correctSpelling("who bougth kestrion", frequencies)).toBe("who bought kestrion");
  });
});

describe("people and companies named again", () => {
  const index = indexOf([
    story(
      "quorlin",
      "en",
      "Quorlin names Elena Varga chief executive",
      "Quorlin, the Oslo-based battery maker, named Elena Varga as chief executive on Monday. " +
        "Varga spent twelve years at Siemens. The company also opened a factory in Lyon.",
      "2024-05-02T08:00:00Z",
    ),
    story(
      "quillby",
      "en",
      "Hexon to buy Quillby for $2 billion",
      "Hexon agreed on Tuesday to buy Quillby for $2 billion. " +
        "Quillby was founded in 2019 by two researchers from Stanford University. The company has 80 employees.",
      "2024-05-03T08:00:00Z",
    ),
  ]);
  const ask = asking(index);

  it("answers who someone is from a headline that names them to a role", async () => {
    expect((await ask("Who is Elena Varga?")).answer).toBe("Quorlin names Elena Varga chief executive");
  });

  it("takes `The company` for the company the article is about, not the last name before it", async () => {
    expect((await ask("How many employees does Quillby have?")).answer).toBe(
      "The company [Quillby] has 80 employees.",
    );
    expect((await ask("Where did Quorlin open a factory?")).answer).toContain("The company [Quorlin]");
  });

  it("reads a lower-case name the fact base knows as a name", async () => {
    const { capitaliseNames } = await import("../../src/facts/typed-question.ts");
    const counts = (keys: readonly string[]) => index.termCounts(keys);
    expect(await capitaliseNames("who runs quorlin since elena varga came", counts)).toBe(
      "who runs Quorlin since Elena Varga came",
    );
    expect(await capitaliseNames("how many employees work at the factory", counts)).toBe(
      "how many employees work at the factory",
    );
  });
});

describe("questions the articles do not answer", () => {
  const index = indexOf([
    story(
      "lumivo",
      "en",
      "Lumivo launches Halo-2 smart glasses",
      "Lumivo on Monday launched Halo-2, its second pair of smart glasses, for $399. " +
        '"We listened to our users," said Tomás Vidal, Lumivo\'s head of product.',
      "2024-09-02T08:00:00Z",
    ),
  ]);
  const ask = asking(index);

  it("does not take a department's head for the company's chief executive", async () => {
    expect((await ask("Who is the CEO of Lumivo?")).answer).toBeNull();
  });

  it("does not answer about one version of a product with another's facts", async () => {
    expect((await ask("When did Lumivo launch Halo-3?")).answer).toBeNull();
    expect((await ask("When did Lumivo launch Halo-2?")).answer).toMatch(/Monday/);
  });
});

describe("counts and roles written in capitals", () => {
  const index = indexOf([
    story(
      "azur",
      "en",
      "Banque Azur restores service after outage",
      "Banque Azur will pay 20 euros to each customer affected by the outage. " +
        "About 4 million of its 6.5 million customers could not use their cards during the outage.",
      "2025-02-10T08:00:00Z",
    ),
  ]);
  const ask = asking(index);

  it("answers `how many` with a count, not an amount of money", async () => {
    expect((await ask("How many customers were affected by the Banque Azur outage?")).answer).toMatch(
      /4 million of its 6\.5 million customers/,
    );
  });

  it("reads `CTO` as a role, not a name", async () => {
    const { analyseQuestion } = await import("../../src/facts/question.ts");
    const cto = analyseQuestion("Who is the CTO of Banque Azur?").concepts.find((c) => c.label === "CTO");
    expect(cto).toMatchObject({ name: false, groups: ["cto"] });
  });
});
