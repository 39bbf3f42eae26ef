import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/facts/question.ts";
import { termKeys } from "../../src/text/analyze.ts";

describe("question analysis", () => {
  it.each([
    ["Who founded Oracle?", "en", "who"],
    ["Qui a fondé Oracle ?", "fr", "who"],
    ["Which companies had shown interest in TikTok?", "en", "who"],
    ["Quelles entreprises étaient intéressées ?", "fr", "who"],
    ["When did Microsoft give up?", "en", "when"],
    ["Quand Microsoft a-t-il abandonné ?", "fr", "when"],
    ["In what year was the order signed?", "en", "when"],
    ["How many days did the order give?", "en", "howmuch"],
    ["Combien de jours le décret donnait-il ?", "fr", "howmuch"],
    ["Quel est le prix de l'action Oracle ?", "fr", "howmuch"],
    ["What is Oracle's revenue?", "en", "howmuch"],
    ["Why did ByteDance reject Microsoft?", "en", "why"],
    ["Pourquoi ByteDance a-t-il rejeté Microsoft ?", "fr", "why"],
    ["Where is Arm based?", "en", "where"],
    ["Où est basé Arm ?", "fr", "where"],
    ["What will ByteDance not hand over?", "en", "what"],
    ["Qu'est-ce que ByteDance ne cédera pas ?", "fr", "what"],
    ["Quel partenaire Oracle a-t-il choisi ?", "fr", "who"],
    ["Which buyer did ByteDance prefer?", "en", "who"],
    ["Is Oracle buying TikTok?", "en", "yesno"],
    ["Est-ce qu'Oracle rachète TikTok ?", "fr", "yesno"],
    ["TikTok va-t-il faire appel de l'amende ?", "fr", "yesno"],
    ["Microsoft a-t-elle été retenue ?", "fr", "yesno"],
    ["Peut-on vendre TikTok sans son algorithme ?", "fr", "yesno"],
  ])("%s → %s, %s", (question, lang, kind) => {
    const analysed = analyseQuestion(question);
    expect(analysed.lang).toBe(lang);
    expect(analysed.kind).toBe(kind);
  });

  it("reads the unit a how-many question asks for, and searches for it without requiring it", () => {
    expect(analyseQuestion("How many days did the order give?")).toMatchObject({ unit: "day" });
    const walmart = analyseQuestion("Combien d'employés a Walmart ?");
    expect(walmart).toMatchObject({ unit: "people", keyTerms: ["d'employés", "Walmart"] });
    expect(walmart.concepts[0]!.weight).toBeLessThan(1);
    // Any word of the unit says it: `salariés` for `employés`.
    const keys = new Set(walmart.expandedTerms.map((t) => t.key));
    expect(termKeys("salariés").some((k) => keys.has(k))).toBe(true);
    expect(analyseQuestion("How much did Oracle pay?").unit).toBe("money");
  });

  it("reads questions for a length of time and for a time of day", () => {
    expect(analyseQuestion("Combien de temps a duré la grève ?")).toMatchObject({
      kind: "howmuch",
      unit: "duration",
    });
    expect(analyseQuestion("Combien de temps a duré la grève ?").keyTerms).not.toContain("temps");
    expect(analyseQuestion("How long did the strike last?").unit).toBe("duration");
    expect(analyseQuestion("How many minutes did the speech last?").unit).toBe("minute");
    expect(analyseQuestion("Combien d'heures a duré la coupure ?").unit).toBe("hour");
    expect(analyseQuestion("À quelle heure le train est-il parti ?")).toMatchObject({
      kind: "when",
      unit: "clock",
    });
    expect(analyseQuestion("What time did the market open?")).toMatchObject({ kind: "when", unit: "clock" });
    expect(analyseQuestion("When did the market open?").unit).toBeUndefined();
  });

  it("does not require general verbs nor the question's time phrase of the answer", () => {
    const weight = (q: string, word: string) =>
      analyseQuestion(q).concepts.find((c) => c.label.split(/[\s']/).includes(word))?.weight;
    expect(weight("Combien d'abonnés compte Netflix ?", "compte")).toBeLessThan(1);
    expect(weight("How long did the strike last?", "last")).toBeLessThan(1);
    expect(weight("Who filed the lawsuit against Apple?", "filed")).toBeLessThan(1);
    expect(weight("How much did Oracle earn last year?", "year")).toBeLessThan(1);
    expect(weight("Combien Renault a-t-il vendu de voitures l'an dernier ?", "dernier")).toBeLessThan(1);
    expect(weight("Qu'a annoncé Renault cette année ?", "année")).toBeLessThan(1);
    // Ownership verbs ask something: they stay content words.
    expect(weight("Qui possède TikTok ?", "possède")).toBe(1);
    expect(weight("How much did Oracle earn in the year to May?", "year")).toBe(1);
  });

  it("keeps names whole and weighs them over other words", () => {
    const { concepts } = analyseQuestion("Who is Patrick Moorhead?");
    expect(concepts).toEqual([expect.objectContaining({ label: "Patrick Moorhead", name: true, weight: 2 })]);
    expect(analyseQuestion("Who is Patrick Moorhead?").identity).toBe(true);
    expect(analyseQuestion("Who founded Oracle?").identity).toBe(false);
  });

  it("expands key terms through the bilingual lexicon, both ways", () => {
    const expanded = (q: string) => new Set(analyseQuestion(q).expandedTerms.map((t) => t.key));
    const has = (q: string, word: string) => termKeys(word).some((k) => expanded(q).has(k));
    expect(has("Who is the buyer?", "acquéreur")).toBe(true);
    expect(has("Qui est l'acheteur ?", "buyer")).toBe(true);
    expect(has("What is the deadline?", "délai")).toBe(true);
    expect(has("Quelle est l'interdiction ?", "ban")).toBe(true);
    expect(has("Who is the partner?", "partenaire")).toBe(true);
    expect(has("Who founded it?", "fondateur")).toBe(true);
    expect(has("What about the source code?", "code")).toBe(true);
    expect(has("Who was chosen?", "retenu")).toBe(true);
    expect(has("What is the American plan?", "États-Unis")).toBe(true);
  });

  it("knows which name of a who-question is the one acting", () => {
    expect(analyseQuestion("Who did Oracle choose as its partner?").actor).toBe("oracle");
    expect(analyseQuestion("Qui Oracle a-t-il choisi comme partenaire ?").actor).toBe("oracle");
    expect(analyseQuestion("Who chose Oracle?").actor).toBeUndefined();
    expect(analyseQuestion("Qui devient le partenaire technique de TikTok ?").actor).toBeUndefined();
  });

  it("weighs light verbs below content words and notices negation", () => {
    const analysed = analyseQuestion("Who was not chosen by ByteDance?");
    expect(analysed.negated).toBe(true);
    const become = analyseQuestion("Who becomes the partner?").concepts.find((c) => c.label === "becomes");
    expect(become?.weight).toBeLessThan(1);
  });
});
