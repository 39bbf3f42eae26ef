import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { stemKeys } from "../text/stem.ts";
import { isStopWord } from "../text/stopwords.ts";
import { tokenize } from "../text/tokenize.ts";
import { groupsOfKeys } from "./lexicon.ts";

/** How many facts hold each key (0: none): what the fact base knows of a word. */
export type Frequencies = (keys: readonly string[]) => readonly number[] | Promise<readonly number[]>;

// Shorter words have too many neighbours one edit away (`sael`: sale, seal, sail…).
const MIN_LENGTH = 5;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * A question with its misspelt words corrected: a lower-case word that no fact holds and the
 * lexicon does not know becomes the word one edit away (a letter missing, extra or wrong, or two
 * letters swapped) that the lexicon knows, else the one the most facts hold. `who bougth
 * pixelforge` is read as `who bought pixelforge`, `will rapidex apeal` as `will rapidex appeal`.
 * Left as written: capitalised words (names the fact base may not hold), short words, words of
 * the English or French dictionary (`filed` is not a typo of `fined`), words with no such
 * neighbour.
 */
export async function correctSpelling(question: string, frequencies: Frequencies): Promise<string> {
  const words = tokenize(question).filter(
    (t) =>
      t.folded.length >= MIN_LENGTH &&
      t.surface === t.surface.toLowerCase() &&
      /^[a-z]+$/.test(t.folded) &&
      !isStopWord(t.folded),
  );
  const unknown = await unknownWords(
    words.map((t) => t.folded),
    frequencies,
  );
  let corrected = question;
  // Right to left: a replacement does not move the words still to replace.
  for (const token of words.reverse()) {
    if (!unknown.has(token.folded)) continue;
    const best = await closestKnown(token.folded, frequencies);
    if (best) corrected = corrected.slice(0, token.start) + best + corrected.slice(token.end);
  }
  return corrected;
}

/** The words neither the lexicon, nor any fact, nor the dictionary knows. */
async function unknownWords(words: readonly string[], frequencies: Frequencies): Promise<Set<string>> {
  const candidates = [...new Set(words)].filter((word) => groupsOfKeys(stemKeys(word)).length === 0);
  const keys = candidates.map((word) => stemKeys(word));
  const counts = await frequencies(keys.flat());
  const unknown = new Set<string>();
  let at = 0;
  candidates.forEach((word, n) => {
    const held = counts.slice(at, at + keys[n]!.length);
    at += keys[n]!.length;
    if (held.every((count) => count === 0) && !inDictionary(word)) unknown.add(word);
  });
  return unknown;
}

let dictionary: string | undefined;

/**
 * Whether a folded word is English or French. The word lists (MIT) stay one string each, read on
 * the first unknown word and searched as text: about 9 MB, where a Set of their 570 000 words
 * took 140 MB and 1.3 s to build. French words are folded like the question's.
 */
function inDictionary(word: string): boolean {
  if (dictionary === undefined) {
    const require = createRequire(import.meta.url);
    const read = (name: string) => readFileSync(require.resolve(name), "utf8");
    const french = read("an-array-of-french-words").normalize("NFD").replace(/\p{M}/gu, "");
    dictionary = read("an-array-of-english-words") + french;
  }
  return dictionary.includes(`"${word}"`);
}

async function closestKnown(word: string, frequencies: Frequencies): Promise<string | undefined> {
  const candidates = [...oneEditAway(word)];
  const keys = candidates.map((candidate) => stemKeys(candidate));
  const counts = await frequencies(keys.flat());
  let best: { word: string; lexicon: boolean; count: number } | undefined;
  let at = 0;
  candidates.forEach((candidate, n) => {
    const held = counts.slice(at, at + keys[n]!.length);
    at += keys[n]!.length;
    const lexicon = groupsOfKeys(keys[n]!).length > 0;
    const count = Math.max(0, ...held);
    if (!lexicon && count === 0) return;
    if (!best || (lexicon && !best.lexicon) || (lexicon === best.lexicon && count > best.count))
      best = { word: candidate, lexicon, count };
  });
  return best?.word;
}

function* oneEditAway(word: string): Generator<string> {
  const seen = new Set<string>([word]);
  const fresh = function* (candidate: string) {
    if (seen.has(candidate) || isStopWord(candidate)) return;
    seen.add(candidate);
    yield candidate;
  };
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) yield* fresh(head + tail.slice(1));
    if (tail.length > 1) yield* fresh(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail && letter !== tail[0]) yield* fresh(head + letter + tail.slice(1));
      yield* fresh(head + letter + tail);
    }
  }
}
