import { describe, expect, it } from "vitest";
import { analyzeText, termKeys, termSet } from "../../src/text/analyze.ts";
import { foldText } from "../../src/text/fold.ts";
import { detectLanguage } from "../../src/text/language.ts";
import { splitSentences } from "../../src/text/sentences.ts";
import { tokenize } from "../../src/text/tokenize.ts";

const has = (text: string, term: string) => termKeys(term).some((key) => termSet(text).has(key));

describe("folding", () => {
  it.each([
    ["DÉCRETS", "decrets"],
    ["Œuvre", "oeuvre"],
    ["l’été", "l'ete"],
    ["Ça", "ca"],
  ])("folds %s to %s", (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe("tokenisation keeps names findable", () => {
  it.each([
    ["ByteDance rejects the offer", "bytedance"],
    ["Byte Dance rejette l'offre", "bytedance"],
    ["Nvidia's H20 chips", "h20"],
    ["The AI Act enters into force", "ai"],
    ["The AI Act enters into force", "act"],
    ["TikTok's US business", "tiktok"],
    ["les activités aux États-Unis", "usa"],
    ["U.S. officials said", "usa"],
    ["l'algorithme de recommandation", "algorithme"],
  ])("%s contains the term %s", (text, term) => {
    expect(has(text, term)).toBe(true);
  });

  it("does not read the pronoun 'us' as the country", () => {
    expect(has("Tell us more", "usa")).toBe(false);
  });

  it("matches inflections and accents in both languages", () => {
    expect(has("Deux DÉCRETS signés", "décret")).toBe(true);
    expect(has("un décret", "decret")).toBe(true);
    expect(has("les rachats de sociétés", "rachat")).toBe(true);
    expect(has("three deals collapsed", "deal")).toBe(true);
    expect(has("ByteDance divests TikTok", "divest")).toBe(true);
  });

  it("keeps positions so phrases can be checked", () => {
    const analyzed = analyzeText("an executive order was signed");
    expect(analyzed.tokens.map((t) => t.folded)).toEqual(["an", "executive", "order", "was", "signed"]);
    expect(analyzed.keys[0]).toEqual([]);
  });

  it("reads decimals with a comma as numbers", () => {
    expect(tokenize("12,5 %").map((t) => t.folded)).toContain("12.5");
  });
});

describe("sentences", () => {
  it("does not split after M., U.S. or inside 2.5", () => {
    const sentences = splitSentences("M. Trump a signé. Les U.S. officials paid 2.5 billion. Fin.", "fr");
    expect(sentences.map((s) => s.text)).toEqual([
      "M. Trump a signé.",
      "Les U.S. officials paid 2.5 billion.",
      "Fin.",
    ]);
  });

  it("keeps a French quotation in one sentence", () => {
    const sentences = splitSentences("Il a dit : « Nous partons. Demain. » Puis il est parti.", "fr");
    expect(sentences[0]?.text).toBe("Il a dit : « Nous partons. Demain. »");
  });

  it("ends a sentence at a line break", () => {
    expect(splitSentences("Un titre sans point\nLe texte suit.", "fr")).toHaveLength(2);
  });

  it("records where each sentence starts", () => {
    const text = "First one. Second one.";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
});

describe("language", () => {
  it.each([
    ["Qui devient le partenaire technique de TikTok ?", "fr"],
    ["Who became TikTok's US technology partner?", "en"],
    ["Combien de jours le décret donne-t-il ?", "fr"],
    ["How many days did the order give?", "en"],
  ])("%s is %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("asks the n-gram detector when function words do not tell", () => {
    // No function word of either language: the words' letters decide, not the default (en).
    expect(detectLanguage("Rachat historique : Oracle récupère TikTok")).toBe("fr");
    expect(detectLanguage("Landmark buyout: Oracle gets TikTok, Walmart watches")).toBe("en");
  });

  it("falls back to the declared language on a bare name", () => {
    expect(detectLanguage("Oracle", "en-US")).toBe("en");
  });

  it("keeps the declared language of a short headline without function words", () => {
    // The n-gram detector calls these French, and reliable.
    for (const title of ["Nvidia H20 export ban", "Apple unveils iPhone 12", "Walmart joins Oracle bid"]) {
      expect(detectLanguage(title, "en-us")).toBe("en");
    }
    expect(detectLanguage("Oracle rachète TikTok", "fr")).toBe("fr");
    // Function words still beat the declaration.
    expect(detectLanguage("Instagram teste des vidéos plus longues", "en")).toBe("fr");
  });
});
