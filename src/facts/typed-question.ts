import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { stemKeys } from "../text/stem.ts";
import { isStopWord } from "../text/stopwords.ts";
import { tokenize } from "../text/tokenize.ts";
import type { TermCount } from "./fact-index.ts";
import { groupsOfKeys } from "./lexicon.ts";

/** How many facts hold each key, in their words and among their names (FactSearch.termCounts). */
export type TermCounts = (keys: readonly string[]) => readonly TermCount[] | Promise<readonly TermCount[]>;

/**
 * A question as a member types it, made readable for analysis, which goes by spelling and by
 * capitals: misspelt words corrected (`correctSpelling`), then the lower-case names the fact
 * base knows capitalised (`capitaliseNames`).
 */
export async function readTypedQuestion(question: string, counts: TermCounts): Promise<string> {
  return capitaliseNames(await correctSpelling(expandChatWords(question), counts), counts);
}

// What members type in a chat for the words a question is read by: `whos`, `ppl`, `pq`.
const CHAT_WORDS: Record<string, string> = {
  whats: "what is",
  whos: "who is",
  wheres: "where is",
  whens: "when is",
  hows: "how is",
  ppl: "people",
  govt: "government",
  yr: "year",
  yrs: "years",
  qd: "quand",
  pq: "pourquoi",
  pk: "pourquoi",
  pcq: "parce que",
  bcp: "beaucoup",
  gvt: "gouvernement",
  svp: "",
  stp: "",
  pls: "",
  plz: "",
};

/** `whos the ceo of x` → `who is the ceo of x`: chat shorthands written out, case kept at the start. */
export function expandChatWords(question: string): string {
  return question.replace(/(?<![\p{L}'’])\p{L}+(?![\p{L}'’])/gu, (word) => {
    const full = CHAT_WORDS[word.toLowerCase()];
    if (full === undefined) return word;
    return word.charAt(0) === word.charAt(0).toUpperCase() && full
      ? full.charAt(0).toUpperCase() + full.slice(1)
      : full;
  });
}

// How much more often a word may appear in sentences than among the names around facts and still
// be taken for a name: a company is named in most of its article's sentences and around them.
const NAME_SHARE = 4;
// A name of up to three words (`elena ruiz`, `new york times`) is looked up joined, as stored.
const MAX_NAME_WORDS = 3;

/**
 * `who led the agrisens funding round` → `who led the Agrisens funding round`: lower-case words
 * the fact base holds as a name (among the names around facts at least a quarter as often as in
 * sentences' own words) are capitalised, longest name first. Stop words and lexicon words
 * (`ceo`, `deal`) are never names here.
 */
export async function capitaliseNames(question: string, counts: TermCounts): Promise<string> {
  const tokens = tokenize(question);
  const candidate = tokens.map(
    (t) =>
      t.surface === t.surface.toLowerCase() &&
      /^[a-z0-9]+$/.test(t.folded) &&
      /[a-z]/.test(t.folded) &&
      t.folded.length >= 3 &&
      !isStopWord(t.folded) &&
      groupsOfKeys(stemKeys(t.folded)).length === 0,
  );
  const spans: { first: number; last: number; key: string }[] = [];
  for (let first = 0; first < tokens.length; first++) {
    for (let last = first; last < Math.min(tokens.length, first + MAX_NAME_WORDS); last++) {
      if (
        !candidate[last] ||
        (last > first && question.slice(tokens[last - 1]!.end, tokens[last]!.start) !== " ")
      )
        break;
      spans.push({
        first,
        last,
        key: tokens
          .slice(first, last + 1)
          .map((t) => t.folded)
          .join(""),
      });
    }
  }
  if (spans.length === 0) return question;
  const totals = (
    await countsOfWords(
      spans.map((span) => span.key),
      counts,
    )
  ).map((held) => ({
    text: Math.max(0, ...held.map((c) => c.text)),
    names: Math.max(0, ...held.map((c) => c.names)),
  }));
  const named = new Set<number>();
  // Longest first: `elena ruiz` before `elena`.
  const known = spans
    .map((span, n) => ({ ...span, count: totals[n]! }))
    .filter(({ count }) => count.names > 0 && count.names * NAME_SHARE >= count.text)
    .sort((a, b) => b.last - b.first - (a.last - a.first));
  for (const span of known) {
    if ([...Array(span.last - span.first + 1).keys()].some((k) => named.has(span.first + k))) continue;
    for (let i = span.first; i <= span.last; i++) named.add(i);
  }
  let out = question;
  for (const i of named) {
    const { start } = tokens[i]!;
    out = out.slice(0, start) + out.charAt(start).toUpperCase() + out.slice(start + 1);
  }
  return out;
}

// Shorter words have too many neighbours one edit away (`sael`: sale, seal, sail…). Longer ones
// are no words: a 3 000-letter one has 160 000 neighbours, which took 40 s to look up.
const MIN_LENGTH = 5;
const MAX_LENGTH = 30;
const MAX_TYPOS = 4;
const MAX_UNHELD = 12;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * A question with its misspelt words corrected: a lower-case word that no fact holds and the
 * lexicon does not know becomes the word one edit away (a letter missing, extra or wrong, or two
 * letters swapped) that the lexicon knows, else the one the most facts hold. `who bougth
 * pixelforge` is read as `who bought pixelforge`, `will rapidex apeal` as `will rapidex appeal`.
 * A capitalised word no fact holds becomes the word facts hold with two letters swapped, a letter
 * less or a letter doubled (`Quillfeild` → `Quillfield`). Left as written: short words, words of
 * the English or French dictionary (`filed` is not a typo of `fined`), words with no such
 * neighbour.
 */
export async function correctSpelling(question: string, counts: TermCounts): Promise<string> {
  const words = tokenize(question).filter(
    (t) =>
      t.folded.length >= MIN_LENGTH &&
      t.folded.length <= MAX_LENGTH &&
      (t.surface === t.surface.toLowerCase() || isCapitalised(t.surface)) &&
      /^[a-z]+$/.test(t.folded) &&
      !isStopWord(t.folded),
  );
  const unknown = await unknownWords(
    words.map((t) => t.folded),
    counts,
  );
  // A question with more unknown words than a few typos is not misspelt: it is not looked into
  // (each word's neighbours are hundreds of lookups).
  if (unknown.size > MAX_TYPOS) return question;
  let corrected = question;
  // Right to left: a replacement does not move the words still to replace.
  for (const token of words.reverse()) {
    if (!unknown.has(token.folded)) continue;
    const name = isCapitalised(token.surface);
    const best = await closestKnown(token.folded, counts, name);
    if (!best) continue;
    const written = name ? best.charAt(0).toUpperCase() + best.slice(1) : best;
    corrected = corrected.slice(0, token.start) + written + corrected.slice(token.end);
  }
  return corrected;
}

function isCapitalised(surface: string): boolean {
  return (
    surface.charAt(0) !== surface.charAt(0).toLowerCase() &&
    surface.slice(1) === surface.slice(1).toLowerCase()
  );
}

/** The words neither the lexicon, nor any fact, nor the dictionary knows. */
async function unknownWords(words: readonly string[], counts: TermCounts): Promise<Set<string>> {
  const candidates = [...new Set(words)].filter((word) => groupsOfKeys(stemKeys(word)).length === 0);
  const found = await countsOfWords(candidates, counts);
  const unheld = candidates.filter((_, n) => found[n]!.every((count) => count.text + count.names === 0));
  // Each dictionary lookup scans the word lists: a question of many unheld words is not read for typos.
  if (unheld.length > MAX_UNHELD) return new Set();
  return new Set(unheld.filter((word) => !inDictionary(word)));
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

/**
 * The known word one edit away. For a `name`, only a word some facts hold, and only by two
 * letters swapped, a letter extra or one of a double missing: a name with another letter is as
 * often another company (`Kestrian` is not `Kestrion`).
 */
async function closestKnown(word: string, counts: TermCounts, name: boolean): Promise<string | undefined> {
  const candidates = [...oneEditAway(word, !name)];
  const found = await countsOfWords(candidates, counts);
  let best: { word: string; lexicon: boolean; count: number } | undefined;
  candidates.forEach((candidate, n) => {
    const lexicon = !name && groupsOfKeys(stemKeys(candidate)).length > 0;
    const count = Math.max(0, ...found[n]!.map((c) => c.text + c.names));
    if (!lexicon && count === 0) return;
    if (!best || (lexicon && !best.lexicon) || (lexicon === best.lexicon && count > best.count))
      best = { word: candidate, lexicon, count };
  });
  return best?.word;
}

/** For each word, the counts of its stem keys, all asked for in one call. */
async function countsOfWords(words: readonly string[], counts: TermCounts): Promise<TermCount[][]> {
  const keys = words.map((word) => stemKeys(word));
  const found = await counts(keys.flat());
  let at = 0;
  return keys.map((list) => {
    const held = found.slice(at, at + list.length);
    at += list.length;
    return held;
  });
}

function* oneEditAway(word: string, anyLetter: boolean): Generator<string> {
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
    if (!anyLetter) {
      if (tail) yield* fresh(head + tail[0] + tail);
      continue;
    }
    for (const letter of LETTERS) {
      if (tail && letter !== tail[0]) yield* fresh(head + letter + tail.slice(1));
      yield* fresh(head + letter + tail);
    }
  }
}
