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

  it("reads the unit a how-many question asks for, and does not search for it", () => {
    expect(analyseQuestion("How many days did the order give?")).toMatchObject({ unit: "day" });
    expect(analyseQuestion("Combien d'employés a Walmart ?")).toMatchObject({
      unit: "people",
      keyTerms: ["Walmart"],
    });
    expect(analyseQuestion("How much did Oracle pay?").unit).toBe("money");
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
