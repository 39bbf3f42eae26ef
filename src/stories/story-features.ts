import type { Item, Lang, StorySignature } from "../model.ts";
import { removeBoilerplate } from "../summaries/boilerplate.ts";
import { analyzeText } from "../text/analyze.ts";
import { extractEntities } from "../text/entities.ts";
import { splitSentences } from "../text/sentences.ts";
import { conceptsOf } from "./background-frequencies.ts";
import { findEntityMentions, mentionsYear } from "./entity-keys.ts";

/**
 * What story grouping compares: the weighted title+lead words (both stems of each, plus the
 * concept of everyday news words shared by English and French) and the salient entities
 * (names, numbers with units, dates) — the signal that survives a change of outlet or language.
 */
export interface StoryFeatures {
  lang: Lang;
  terms: Map<string, number>;
  entities: Map<string, number>;
}

const LEAD_SENTENCES = 3;
const LEAD_CHARS = 600;
// The opening of a long article says what happened; the rest costs time and adds background.
const BODY_CHARS = 2_500;
const TITLE_WEIGHT = 2;
const TITLE_ENTITY = 1.5;
// Entities of the lead count fully, of the title more, of the body half.
const BODY_ENTITY = 0.5;
const REPEAT_BONUS = 0.25;
const MAX_REPEATS = 4;
// A bare small number (a day of the month, a count) says less than `90 day` or `40 billion`.
const BARE_NUMBER = 0.5;

/**
 * The features of one article. Grouping memoises them per stored item (see feature-vectors.ts);
 * treat the result as read-only.
 */
export function extractStoryFeatures(item: Pick<Item, "title" | "text" | "lang">): StoryFeatures {
  const text = readOpening(item.text);
  const sentences = splitSentences(text, item.lang);
  let leadEnd = 0;
  for (const [i, sentence] of sentences.entries()) {
    if (i >= LEAD_SENTENCES || leadEnd >= LEAD_CHARS) break;
    leadEnd = sentence.start + sentence.text.length;
  }
  // Each entity weighs by where it first appears (title, lead, body) and by how many sentences
  // name it: the protagonists of an event are named early and often.
  const bodyMentions = findEntityMentions(text);
  for (const sentence of sentences) {
    if (!mentionsYear(sentence.text)) continue;
    for (const date of extractEntities(sentence.text).dates)
      bodyMentions.push({ key: date, start: sentence.start });
  }
  const place = new Map<string, number>();
  const sentencesOf = new Map<string, Set<number>>();
  const starts = sentences.map((s) => s.start);
  for (const mention of bodyMentions) {
    place.set(mention.key, Math.max(place.get(mention.key) ?? 0, mention.start < leadEnd ? 1 : BODY_ENTITY));
    const seen = sentencesOf.get(mention.key) ?? new Set<number>();
    seen.add(sentenceAt(starts, mention.start));
    sentencesOf.set(mention.key, seen);
  }
  const known = new Set(bodyMentions.map((m) => m.key));
  const titleMentions = findEntityMentions(item.title, known);
  // Headlines in Title Case capitalise every word: there, only names the article uses count.
  const titleCase = isTitleCase(item.title, known);
  for (const { key } of titleMentions) {
    if (titleCase && !place.has(key)) continue;
    place.set(key, TITLE_ENTITY);
    // The headline counts as one more mention.
    sentencesOf.set(key, (sentencesOf.get(key) ?? new Set()).add(-1));
  }
  const entities = new Map<string, number>();
  for (const [key, weight] of place) {
    const repeated = Math.min((sentencesOf.get(key)?.size ?? 1) - 1, MAX_REPEATS);
    entities.set(key, weightOf(key, weight) * (1 + REPEAT_BONUS * repeated));
  }

  const terms = new Map<string, number>();
  // Names are compared as entities; the words say what happened to them.
  const names = new Set(place.keys());
  addTerms(terms, item.title, TITLE_WEIGHT, names);
  addTerms(terms, text.slice(0, leadEnd), 1, names);
  for (const [key, count] of terms) terms.set(key, Math.log1p(count));
  return { lang: item.lang, terms, entities };
}

/** Features rebuilt from a stored signature, for a story whose items are not at hand. */
export function featuresFromSignature(signature: StorySignature, lang: Lang): StoryFeatures {
  return {
    lang,
    terms: new Map(signature.terms.map((key, i) => [key, signature.weights[i]!])),
    entities: new Map(signature.entities.map((key) => [key, weightOf(key, 1)])),
  };
}

/** Words (stems and concepts), not numbers: numbers are entities. */
function addTerms(
  terms: Map<string, number>,
  text: string,
  weight: number,
  names: ReadonlySet<string>,
): void {
  const analyzed = analyzeText(text);
  analyzed.tokens.forEach((token, i) => {
    if (/^\p{N}/u.test(token.folded) || (token.capitalised && names.has(token.folded))) return;
    const keys = analyzed.keys[i]!;
    for (const key of keys) terms.set(key, (terms.get(key) ?? 0) + weight);
    const concepts = new Set(keys.flatMap(conceptsOf));
    for (const concept of concepts) terms.set(concept, (terms.get(concept) ?? 0) + weight);
  });
}

/**
 * The opening of the article's own text. Boilerplate is removed line by line, so the cleaned
 * opening of a long text is the cleaned opening of its first lines: only when those come out
 * too short is the whole text read.
 */
export function readOpening(text: string): string {
  const lineEnd = text.indexOf("\n", 2 * BODY_CHARS);
  if (lineEnd >= 0) {
    const head = removeBoilerplate(text.slice(0, lineEnd));
    if (head.length > BODY_CHARS) return cutOpening(head);
  }
  return cutOpening(removeBoilerplate(text));
}

/** The article's opening, cut at a sentence end: where an event is told. */
export function cutOpening(text: string): string {
  if (text.length <= BODY_CHARS) return text;
  const cut = text.slice(0, BODY_CHARS);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"), cut.lastIndexOf("\n"));
  return end > BODY_CHARS / 2 ? cut.slice(0, end + 1) : cut;
}

function sentenceAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Most of the title's ordinary words (not names of the article) start with a capital. */
function isTitleCase(title: string, known: ReadonlySet<string>): boolean {
  const words = title
    .split(/\s+/)
    .filter((word) => /^\p{L}{4,}/u.test(word) && !known.has(word.toLowerCase().replace(/['’]s$/, "")));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= 2 && capitalised / words.length >= 0.75;
}

function weightOf(key: string, base: number): number {
  return /^\d+(?:\.\d+)?$/.test(key) && Number(key) < 100 ? base * BARE_NUMBER : base;
}
