import { eld } from "eld/extrasmall";
import type { Lang } from "../model.ts";

// Newsdesk reads English and French: restricting the detector to those two makes it reliable on
// titles and questions (31/32 measured, see LIBRARIES.md; the extra-small n-gram set loads in 1 s instead of 4 s and got our 16 test questions right) where an open detector guesses wildly.
eld.setLanguageSubset(["en", "fr"]);

/** Reads a declared language tag (`fr-FR`, `en_us`, `French`) as one newsdesk analyses. */
export function readLanguageTag(tag: string | undefined): Lang | undefined {
  if (!tag) return undefined;
  const code = tag.trim().toLowerCase().slice(0, 2);
  if (code === "fr") return "fr";
  if (code === "en") return "en";
  return undefined;
}

/**
 * Detects English or French. A declared language wins when the text is too short to tell;
 * otherwise the text decides, because feeds often declare one language for every item.
 */
export function detectLanguage(text: string, declared?: string): Lang {
  const hint = readLanguageTag(declared);
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.trim().length === 0) return hint ?? "en";
  const result = eld.detect(sample);
  const detected = readLanguageTag(result.language);
  if (!detected) return hint ?? "en";
  if (hint && hint !== detected && !result.isReliable()) return hint;
  return detected;
}
