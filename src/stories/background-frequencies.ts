import { stemKeys } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";
import { BAND_RATES, type Band, COMMON_NAMES, COMMON_WORDS, CONCEPTS } from "./news-vocabulary.ts";

/**
 * How many imaginary articles of general news the background counts stand for. Blended with a
 * window of a few stories, they decide what is distinctive; in a window of thousands, the
 * window's own counts do.
 */
export const BACKGROUND_DOCUMENTS = 100;

/** Concept keys start with `~` so they never meet a word or a name. */
const CONCEPT_PREFIX = "~";

const termRates = new Map<string, number>();
const nameRates = new Map<string, number>();
const concepts = new Map<string, string[]>();

for (const band of Object.keys(BAND_RATES) as Band[]) {
  const rate = BAND_RATES[band];
  for (const word of wordsOf(COMMON_WORDS[band]))
    for (const key of stemKeys(word)) termRates.set(key, Math.max(termRates.get(key) ?? 0, rate));
  for (const name of wordsOf(COMMON_NAMES[band])) {
    nameRates.set(name, Math.max(nameRates.get(name) ?? 0, rate));
    // Names are words of the title and lead too.
    for (const key of stemKeys(name)) termRates.set(key, Math.max(termRates.get(key) ?? 0, rate));
  }
}
for (const line of CONCEPTS.split("\n")) {
  const at = line.indexOf(":");
  if (at < 0) continue;
  const concept = CONCEPT_PREFIX + line.slice(0, at).trim();
  let rate: number = BAND_RATES.topical;
  for (const word of wordsOf(line.slice(at + 1))) {
    for (const key of stemKeys(word)) {
      const list = concepts.get(key) ?? [];
      if (!list.includes(concept)) list.push(concept);
      concepts.set(key, list);
      rate = Math.max(rate, termRates.get(key) ?? 0);
    }
  }
  termRates.set(concept, rate);
}

/** Share of news articles using a term key (a stem or a concept); 0 for anything rarer. */
export function backgroundTermRate(key: string): number {
  return termRates.get(key) ?? 0;
}

/**
 * Share of news articles naming an entity key. A name part that is an ordinary word (`news` in
 * `Sky News`, `major` opening a headline) is as common as the word.
 */
export function backgroundNameRate(key: string): number {
  const rate = nameRates.get(key);
  if (rate !== undefined) return rate;
  if (/\d/.test(key)) return 0;
  let best = 0;
  for (const stem of stemKeys(key)) best = Math.max(best, termRates.get(stem) ?? 0);
  return best;
}

/** The concepts a stem key stands for (`rachat` → `~acquire`), usually none. */
export function conceptsOf(key: string): readonly string[] {
  return concepts.get(key) ?? [];
}

function wordsOf(list: string): string[] {
  return tokenize(list).map((token) => token.folded);
}
