import { findNameSpans, findNumberSpans } from "../text/entities.ts";
import { stemKeys } from "../text/stem.ts";
import { isStopWord } from "../text/stopwords.ts";
import { tokenize } from "../text/tokenize.ts";
import { backgroundTermRate } from "./background-frequencies.ts";
import { BAND_RATES } from "./news-vocabulary.ts";

/** One entity key and where in the text it was found. */
export interface EntityMention {
  key: string;
  start: number;
}

// Words that sit inside names but do not tell stories apart: titles, roles, corporate suffixes
// and nationality adjectives (capitalised in English, not in French).
const GENERIC_NAME_PARTS = new Set(
  `president presidente ceo pdg chief chairman secretary minister ministre senator governor director
  directeur department committee corp corporation inc ltd llc plc group holdings company co
  american americain americaine chinese chinois chinoise british britannique french european europeen
  japanese japonais`.split(/\s+/),
);

// Whole names that other outlets write differently (the tokenizer already maps U.S. and États-Unis).
const ALIASES: Record<string, string> = { unitedstates: "usa", unitedstatesofamerica: "usa" };
const SENTENCE_OPENING = /(?:^|[.!?:«"“\n]\s*)$/;
const YEAR = /\b(?:19|20)\d\d\b/;

/**
 * The names and numbers of a text as story-grouping keys, with their positions. `known` holds
 * the name keys of the whole article, which vouch for a name that opens a sentence.
 *
 * Outlets name the same entity with more or fewer words (`President Donald Trump`, `Trump`;
 * `Oracle Corp`, `Oracle`; `Byte Dance`, `ByteDance`): each word of a name is a key of its own,
 * and a two-word name is also one key written together. Titles, roles and corporate suffixes
 * are dropped, and so is an ordinary word that only has a capital because it opens a sentence
 * (`Major Windows outage`).
 */
export function findEntityMentions(text: string, known?: ReadonlySet<string>): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const span of findNameSpans(text, known)) {
    const alias = ALIASES[span.key];
    if (alias) {
      mentions.push({ key: alias, start: span.start });
      continue;
    }
    let words = nameWordsOf(span.surface);
    if (words.length > 1 && isOrdinaryOpener(words[0]!, text, span.start)) words = words.slice(1);
    for (const word of words) mentions.push({ key: word, start: span.start });
    if (words.length === 2) mentions.push({ key: words.join(""), start: span.start });
  }
  for (const span of findNumberSpans(text)) {
    // `04:09 UTC`: a time of day names no event.
    if (text[span.end] === ":" || text[span.start - 1] === ":") continue;
    mentions.push({ key: canonicalNumber(span.key), start: span.start });
  }
  return mentions;
}

// Name words by surface: articles name the same few people and companies again and again.
const nameWords = new Map<string, readonly string[]>();
const NAME_WORDS_LIMIT = 50_000;

/** The words of a name that can tell it apart (folded; titles, roles and suffixes dropped). */
function nameWordsOf(surface: string): readonly string[] {
  let words = nameWords.get(surface);
  if (!words) {
    words = tokenize(surface)
      .map((token) => token.folded)
      .filter((word) => word.length >= 2 && !isStopWord(word) && !GENERIC_NAME_PARTS.has(word));
    if (nameWords.size >= NAME_WORDS_LIMIT) nameWords.clear();
    nameWords.set(surface, words);
  }
  return words;
}

/** True when the text names a year, so its dates are worth extracting. */
export function mentionsYear(text: string): boolean {
  return YEAR.test(text);
}

/** `100 million users` and `100 million $` are `100 million`: outlets qualify amounts differently. */
function canonicalNumber(key: string): string {
  return key.split(" ").slice(0, 2).join(" ");
}

function isOrdinaryOpener(word: string, text: string, start: number): boolean {
  if (!SENTENCE_OPENING.test(text.slice(Math.max(0, start - 3), start))) return false;
  // `New York` keeps `york`; `Major Windows BSOD` loses `major`.
  return stemKeys(word).some((key) => backgroundTermRate(key) >= BAND_RATES.common);
}
