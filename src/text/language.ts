import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
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
let eldFailed = false;

/**
 * The n-gram detector (eld), loaded on the first text whose function words do not tell: about
 * half a second and 20 MB of heap that most runs never need, since an article or a question in
 * English or French almost always tells by its words. eld is ESM only; Node ≥ 20.19 loads it
 * synchronously with `require`, so detection stays a plain function. Where it cannot be loaded
 * (an older Node), detection goes on without it, as for a text too short to tell, rather than
 * failing every feed that has such an item.
 */
function detector(): Eld | undefined {
  if (eld || eldFailed) return eld;
  try {
    const require = createRequire(import.meta.url);
    // eld exports its entry points for `import` only: required by file, not by name.
    const module = require(fileURLToPath(import.meta.resolve("eld/extrasmall"))) as { eld: Eld & EldSetup };
    // Newsdesk reads English and French: restricting the detector to those two makes it reliable
    // on titles (31/32 measured, see LIBRARIES.md).
    module.eld.setLanguageSubset(["en", "fr"]);
    eld = module.eld;
  } catch (error) {
    eldFailed = true;
    process.emitWarning(`language model unavailable, detecting by function words only: ${String(error)}`);
  }
  return eld;
}

type EldSetup = { setLanguageSubset(languages: string[]): unknown };

const SHORT_TEXT_WORDS = 8;

/**
 * Detects English or French. Function words decide when they clearly lean one way; otherwise
 * the n-gram detector does, and a declared language wins when the text is too short to tell
 * (a few words without a function word, or an unreliable detection). The text beats the
 * declaration because feeds often declare one language for every item.
 */
export function detectLanguage(text: string, declared?: string): Lang {
  const hint = readLanguageTag(declared);
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.trim().length === 0) return hint ?? "en";
  const { en, fr, words } = countFunctionWords(sample);
  const leaning: Lang | undefined = en > fr ? "en" : fr > en ? "fr" : undefined;
  const [winner, loser] = en > fr ? [en, fr] : [fr, en];
  if (leaning && winner >= 2 && winner >= 3 * loser) return leaning;
  // A headline of a few names and nouns (`Nvidia H20 export ban`) is too short for the n-gram
  // detector, which calls some of them French and "reliable": the declaration decides.
  if (hint && en + fr === 0 && words < SHORT_TEXT_WORDS) return hint;
  // One word against none decides a short question, unless the feed says otherwise.
  if (leaning && loser === 0 && (!hint || hint === leaning)) return leaning;
  const result = detector()?.detect(sample);
  const detected = readLanguageTag(result?.language);
  if (result && detected && !(hint && hint !== detected && !result.isReliable())) return detected;
  return hint ?? leaning ?? "en";
}

function countFunctionWords(text: string): { en: number; fr: number; words: number } {
  let en = 0;
  let fr = 0;
  let words = 0;
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    words++;
    if (ENGLISH.has(word)) en++;
    else if (FRENCH.has(word)) fr++;
  }
  fr += text.match(ELISION)?.length ?? 0;
  return { en, fr, words };
}
