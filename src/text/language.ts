import type { Lang } from "../model.ts";

/** Reads a declared language tag (`fr-FR`, `en_us`, `French`) as one newsdesk analyses. */
export function readLanguageTag(tag: string | undefined): Lang | undefined {
  if (!tag) return undefined;
  const code = tag.trim().toLowerCase().slice(0, 2);
  if (code === "fr") return "fr";
  if (code === "en") return "en";
  return undefined;
}

// Words only one of the two languages writes (`a`, `on`, `dans`… are left out where the other
// uses them too, and so are words names often hold, like `de`).
const ENGLISH = new Set(
  "the and of to in is are was were that for with this from has have had be been will would could should who what how why when which whom whose does did do its their they not or but after over into says said than about also more most".split(
    " ",
  ),
);
const FRENCH = new Set(
  "le la les des du et est sont une un pour dans que qui sur au aux avec pas ce cette ces son sa ses par plus ne se il elle ils elles été être où quel quelle quels quelles comment pourquoi quand combien lequel laquelle avait sera selon entre après aussi très mais lui leur leurs nous vous".split(
    " ",
  ),
);
const ELISION = /\b(?:l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)['’]\p{L}/giu;
const WORD = /\p{L}+/gu;

type Eld = { detect(text: string): { language: string; isReliable(): boolean } };
let eld: Eld | undefined;

/**
 * Loads the n-gram detector (eld, about a second) for texts whose words do not tell. The poll
 * awaits it before reading feeds; a question or a curated fact whose words tell needs none, so
 * `ask` starts without it.
 */
export async function loadLanguageDetector(): Promise<void> {
  if (eld) return;
  const module = await import("eld/extrasmall");
  // Newsdesk reads English and French: restricting the detector to those two makes it reliable
  // on titles (31/32 measured, see LIBRARIES.md).
  module.eld.setLanguageSubset(["en", "fr"]);
  eld = module.eld;
}

/**
 * Detects English or French. Function words decide when they clearly lean one way; otherwise
 * the n-gram detector does (once loaded), and a declared language wins when the text is too
 * short to tell. The text beats the declaration because feeds often declare one language for
 * every item.
 */
export function detectLanguage(text: string, declared?: string): Lang {
  const hint = readLanguageTag(declared);
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.trim().length === 0) return hint ?? "en";
  const { en, fr } = countFunctionWords(sample);
  const leaning: Lang | undefined = en > fr ? "en" : fr > en ? "fr" : undefined;
  const [winner, loser] = en > fr ? [en, fr] : [fr, en];
  if (leaning && winner >= 2 && winner >= 3 * loser) return leaning;
  // One word against none decides a short question, unless the feed says otherwise.
  if (leaning && loser === 0 && (!hint || hint === leaning)) return leaning;
  if (eld) {
    const result = eld.detect(sample);
    const detected = readLanguageTag(result.language);
    if (detected && !(hint && hint !== detected && !result.isReliable())) return detected;
  }
  return hint ?? leaning ?? "en";
}

function countFunctionWords(text: string): { en: number; fr: number } {
  let en = 0;
  let fr = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (ENGLISH.has(word)) en++;
    else if (FRENCH.has(word)) fr++;
  }
  fr += text.match(ELISION)?.length ?? 0;
  return { en, fr };
}
