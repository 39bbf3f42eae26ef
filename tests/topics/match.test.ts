import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/text/analyze.ts";
import { collectDocumentStats } from "../../src/topics/document-stats.ts";
import { compileQuery, matchDocument, prepareDocument } from "../../src/topics/match.ts";

function matches(query: string, text: string, title = ""): boolean {
  return matchDocument(compileQuery(query), prepareDocument({ title, text })).matched;
}

describe("matching ignores case, accents and word endings (English and French)", () => {
  it.each<[string, string, boolean]>([
    ["décret", "Le decret a été signé vendredi.", true],
    ["decret", "Un DÉCRET présidentiel fixe un délai de 90 jours.", true],
    ["DÉCRETS", "Le décret est entré en vigueur.", true],
    ["décret", "Deux nouveaux décrets ont été publiés.", true],
    ["rachat", "Les rachats d'entreprises se multiplient.", true],
    ["rachats", "Le rachat de TikTok se précise.", true],
    ["deal", "The two deals were announced on Monday.", true],
    ["deals", "Oracle's deal with ByteDance is close.", true],
    ["divest", "ByteDance divests its US arm.", true],
    ["divests", "ByteDance was ordered to divest TikTok.", true],
    ["divest", "ByteDance divested the business.", true],
    ["divest", "Congress passed a divesting law.", true],
    // A derived word is another word: `divest*` is the way to reach it (documented).
    ["divest", "The divestiture law was upheld.", false],
    ["divest*", "The divestiture law was upheld.", true],
    ["divest*", "ByteDance divests its US arm.", true],
    ["acquéreur", "un acquereur americain", true],
    ["TIKTOK", "TikTok said on Friday", true],
    ["cession", "la loi de CESSION", true],
    ["vente", "les ventes de TikTok", true],
    ["deal", "The ideal partner", false],
    ["oracle", "Oracles of Delphi", true],
  ])("%s in %j → %s", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });
});

describe("names written in one word or two", () => {
  it.each<[string, string, boolean]>([
    ["bytedance", "the deal between Oracle and Byte Dance", true],
    ["bytedance", "Byte-Dance confirmed the talks", true],
    ["bytedance", "ByteDance confirmed the talks", true],
    ['"byte dance"', "ByteDance confirmed the talks", true],
    ['"byte dance"', "Byte Dance confirmed the talks", true],
    ["Byte-Dance", "ByteDance confirmed the talks", true],
    ["tiktok", "Tik-Tok, the video app", true],
    ["semi-conducteur*", "les semi-conducteurs chinois", true],
    ["semi-conducteur*", "les semiconducteurs chinois", true],
    ["bytedance", "a byte of data, a dance video", false],
  ])("%s in %j → %s", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });
});

describe("phrases", () => {
  it.each<[string, string, boolean]>([
    ['"executive order"', "Trump signed an executive order on Friday.", true],
    ['"executive order"', "two executive orders were signed", true],
    ['"executive order"', "The order was signed by the executive.", false],
    ['"executive order"', "an executive branch order", false],
    ['"loi de cession"', "La loi de cession entre en vigueur.", true],
    ['"loi de cession"', "La loi sur la cession entre en vigueur.", false],
    ['"AI Act"', "The EU AI Act applies from August.", true],
    ['"décret présidentiel"', "un DECRET PRESIDENTIEL signé vendredi", true],
    // Words next to each other in one clause: not across a full stop, a comma or a line.
    ['"executive order"', "The executive. Order was restored on Friday.", false],
    ['"executive order"', "He met the executive, order in hand.", false],
    ['"executive order"', "Head of the executive\nOrder of the day", false],
    ['"executive order"', "An Executive-Order was signed", true],
    ['"Etats-Unis"', "aux États-Unis.", true],
  ])("%s in %j → %s", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it("stops a phrase at a clause's end also in a document prepared from analyses", () => {
    const title = "News";
    const text = "The executive. Order was restored.";
    const analysed = { title: analyzeText(title), text: analyzeText(text) };
    expect(
      matchDocument(compileQuery('"executive order"'), prepareDocument({ title, text, analysed })).matched,
    ).toBe(false);
  });

  it("finds a phrase in the title as well as in the text", () => {
    expect(matches('"executive order"', "Nothing here.", "Trump signs executive order")).toBe(true);
  });

  it("does not join the end of the title to the start of the text", () => {
    expect(matches('"executive order"', "Order of business today.", "Trump signs executive")).toBe(false);
  });
});

describe("boolean rules, exactly", () => {
  it.each<[string, string, boolean]>([
    ["tiktok oracle", "TikTok and Oracle", true],
    ["tiktok oracle", "TikTok alone", false],
    ["tiktok OR oracle", "Oracle alone", true],
    ["tiktok -trend", "TikTok and a new trend", false],
    ["tiktok NOT trend", "TikTok and Oracle", true],
    ['tiktok -"dance trend"', "TikTok, dance and a trend", true],
    ['tiktok -"dance trend"', "TikTok and the dance trend", false],
    ["tiktok -(dance OR trend)", "TikTok dance", false],
    ["tiktok oracle OR microsoft", "TikTok and Microsoft", true],
    ["tiktok oracle OR microsoft", "Oracle and Microsoft", false],
  ])("%s in %j → %s", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it("has no hidden threshold: one mention at the end of a long text is enough", () => {
    const text = `${"Markets were calm today and analysts expected little news. ".repeat(60)}Oracle said nothing.`;
    expect(matches("oracle", text)).toBe(true);
  });

  it("treats a lowercase stop word as that word, and a capitalised acronym as the acronym", () => {
    expect(matches("AI", "The EU's AI Act")).toBe(true);
    expect(matches("AI", "Ce que j'ai vu")).toBe(false);
    expect(matches("ai", "Ce que j'ai vu")).toBe(true);
    expect(matches("tiktok or", "TikTok or Oracle")).toBe(true);
  });
});

describe("fields", () => {
  const title = "TikTok rolls out a new feature";
  const text =
    "The company announced it on Tuesday. Users in Europe get it first. Oracle hosts the data. " +
    "Later in the article, ByteDance is mentioned.";

  it.each<[string, boolean]>([
    ["title:tiktok", true],
    ["title:oracle", false],
    ['title:"new feature"', true],
    ["lead:tiktok", true],
    ["lead:europe", true],
    ["lead:oracle", false],
    ["lead:bytedance", false],
    ["bytedance", true],
    ["title:(oracle OR tiktok)", true],
    ["tiktok -title:feature", false],
    ["tiktok -lead:oracle", true],
  ])("%s → %s", (query, expected) => {
    expect(matches(query, text, title)).toBe(expected);
  });

  it("counts at most 400 characters of the text as its lead", () => {
    const longSentence = `The ${"very ".repeat(90)}long opening mentions Oracle at its end.`;
    expect(longSentence.indexOf("Oracle")).toBeGreaterThan(400);
    expect(matches("lead:oracle", longSentence)).toBe(false);
    expect(matches("oracle", longSentence)).toBe(true);
  });
});

describe("scores rank matches: title > lead > body, rarer terms weigh more", () => {
  const body = "Markets were calm. Analysts expected little. Later, Oracle said nothing.";
  const lead = "Oracle said nothing. Analysts expected little. Markets were calm.";

  it("scores a term in the title above the lead, and the lead above the body", () => {
    const compiled = compileQuery("oracle");
    const inTitle = matchDocument(compiled, prepareDocument({ title: "Oracle said nothing", text: "Calm." }));
    const inLead = matchDocument(compiled, prepareDocument({ title: "Markets", text: lead }));
    const inBody = matchDocument(compiled, prepareDocument({ title: "Markets", text: body }));
    expect(inTitle.score).toBeGreaterThan(inLead.score);
    expect(inLead.score).toBeGreaterThan(inBody.score);
    expect(inBody.score).toBeGreaterThan(0);
  });

  it("gives a rarer term more weight when document frequencies are given", () => {
    const docs = [
      prepareDocument({ title: "A deal", text: "A deal was made." }),
      prepareDocument({ title: "Another deal", text: "More deals." }),
      prepareDocument({ title: "Deal season", text: "Deals everywhere." }),
      prepareDocument({ title: "Oracle news", text: "Oracle released a database." }),
    ];
    const stats = collectDocumentStats(docs);
    const compiled = compileQuery("deal OR oracle");
    const common = matchDocument(compiled, docs[0]!, stats);
    const rare = matchDocument(compiled, docs[3]!, stats);
    expect(rare.score).toBeGreaterThan(common.score);
    expect(matchDocument(compiled, docs[0]!).score).toBe(matchDocument(compiled, docs[3]!).score);
  });

  it("scores 0 and matches nothing when the rule fails, even if terms were found", () => {
    const result = matchDocument(
      compileQuery("oracle tiktok"),
      prepareDocument({ title: "Oracle", text: "" }),
    );
    expect(result).toMatchObject({ matched: false, score: 0, matchedTerms: ["oracle"] });
  });
});

describe("explaining a result", () => {
  const doc = prepareDocument({
    title: "TikTok launches a new trend feature",
    text: "TikTok users can now follow trends.",
  });

  it("lists the terms that matched", () => {
    const result = matchDocument(compileQuery("(tiktok OR bytedance) feature"), doc);
    expect(result).toMatchObject({ matched: true, matchedTerms: ["tiktok", "feature"], missing: [] });
  });

  it("says which alternatives were missing", () => {
    const result = matchDocument(
      compileQuery(
        "(tiktok OR bytedance) (oracle OR microsoft OR walmart OR deal OR rachat OR vente OR divest OR ban OR décret)",
      ),
      doc,
    );
    expect(result.matched).toBe(false);
    expect(result.missing).toEqual([
      "needs one of: oracle, microsoft, walmart, deal, rachat, vente, divest, ban…",
    ]);
    expect(result.reasons[0]).toMatchObject({ kind: "needs-one-of" });
  });

  it("says which excluded term was present", () => {
    const result = matchDocument(compileQuery("tiktok -trend -oracle"), doc);
    expect(result.missing).toEqual(["excluded by: trend"]);
  });

  it("lists every missing required term together", () => {
    expect(matchDocument(compileQuery("tiktok oracle walmart"), doc).missing).toEqual([
      "needs: oracle, walmart",
    ]);
  });

  it("explains a group inside an OR by what that group lacks", () => {
    const result = matchDocument(compileQuery("tiktok (divest* OR (deal lead:(oracle OR microsoft)))"), doc);
    expect(result.missing).toEqual([
      "needs: divest*; or else needs: deal and needs one of: lead:oracle, lead:microsoft",
    ]);
  });
});

describe("prepareDocument", () => {
  it("reuses an analysis the caller already has, with the same result", () => {
    const title = "Oracle wins TikTok deal";
    const text = "ByteDance picked Oracle. The executive order set 90 days. Byte Dance agreed.";
    const fresh = prepareDocument({ title, text });
    const reused = prepareDocument({
      title,
      text,
      analysed: { title: analyzeText(title), text: analyzeText(text) },
    });
    expect(reused.keys).toEqual(fresh.keys);
    expect(reused.words).toEqual(fresh.words);
    expect(reused.leadTokens).toBe(fresh.leadTokens);
    const compiled = compileQuery('lead:bytedance "executive order" -walmart');
    expect(matchDocument(compiled, reused)).toEqual(matchDocument(compiled, fresh));
  });
});
