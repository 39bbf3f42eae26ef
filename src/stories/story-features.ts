import { createHash } from "node:crypto";
import type { Item, Lang, StorySignature } from "../model.ts";
import { removeBoilerplate } from "../summaries/boilerplate.ts";
import { analyzeText } from "../text/analyze.ts";
import { extractEntities } from "../text/entities.ts";
import { splitSentences } from "../text/sentences.ts";
import { isStopWord } from "../text/stopwords.ts";
import { tokenize } from "../text/tokenize.ts";

/**
 * What story grouping compares: weighted title+lead terms (both stems of each word) and the
 * salient entities (names, numbers with units, dates) — the signal that survives a change of
 * outlet or language.
 */
export interface StoryFeatures {
  lang: Lang;
  terms: Map<string, number>;
  entities: Map<string, number>;
}

/**
 * How many documents (stories and new items) of the current window carry each key. Words are
 * counted per language: in a window of mostly English news, the everyday French words of a
 * TikTok story (`rachat`, `activités américaines`) would otherwise look rare and distinctive.
 */
export interface DocumentFrequencies {
  documents: number;
  entities: Map<string, number>;
  byLang: Map<Lang, { documents: number; terms: Map<string, number> }>;
}

export interface Similarity {
  /** TF-IDF cosine of title+lead terms, 0..1. */
  terms: number;
  /** IDF-weighted share of salient entities the two have in common (Dice), 0..1. */
  entities: number;
  /** The combined score the grouping threshold applies to. */
  score: number;
}

const LEAD_SENTENCES = 3;
const LEAD_CHARS = 600;
const TITLE_WEIGHT = 2;
const TITLE_ENTITY = 1.5;
// Entities of the lead count fully, of the title more, of the body half.
const BODY_ENTITY = 0.5;
const REPEAT_BONUS = 0.25;
const MAX_REPEATS = 4;
// A bare small number (a day of the month, a count) says less than `90 day` or `40 billion`.
const BARE_NUMBER = 0.5;
const CROSS_LANGUAGE_TERMS = 1.5;
const SIGNATURE_TERMS = 60;
const SIGNATURE_ENTITIES = 40;
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

// Features of items already read, by a digest of their content: a poll compares new items with
// the sources of every recent story, and those would otherwise be analysed again each time.
const cache = new Map<string, StoryFeatures>();
const CACHE_LIMIT = 20_000;

/** The features of one article (memoised by content: treat the result as read-only). */
export function extractStoryFeatures(item: Pick<Item, "title" | "text" | "lang">): StoryFeatures {
  const id = createHash("sha1").update(`${item.lang}\u0000${item.title}\u0000${item.text}`).digest("base64");
  const hit = cache.get(id);
  if (hit) return hit;
  const features = computeFeatures(item);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, features);
  return features;
}

function computeFeatures(item: Pick<Item, "title" | "text" | "lang">): StoryFeatures {
  const text = removeBoilerplate(item.text);
  const sentences = splitSentences(text, item.lang).map((s) => s.text);
  // Names of the whole article vouch for the same word where it opens a sentence.
  const known = new Set(extractEntities(text).names);
  const lead: string[] = [];
  for (const sentence of sentences) {
    if (lead.length >= LEAD_SENTENCES || lead.join(" ").length >= LEAD_CHARS) break;
    lead.push(sentence);
  }
  const terms = new Map<string, number>();
  addTerms(terms, item.title, TITLE_WEIGHT);
  addTerms(terms, lead.join(" "), 1);
  for (const [key, count] of terms) terms.set(key, Math.log1p(count));

  // Each entity weighs by where it first appears (title, lead, body) and by how many sentences
  // name it: the protagonists of an event are named early and often.
  const place = new Map<string, number>();
  const mentions = new Map<string, number>();
  const note = (key: string, weight: number) => {
    place.set(key, Math.max(place.get(key) ?? 0, weight));
    mentions.set(key, (mentions.get(key) ?? 0) + 1);
  };
  sentences.forEach((sentence, i) => {
    for (const key of new Set(entityKeys(sentence, known))) note(key, i < lead.length ? 1 : BODY_ENTITY);
  });
  // Headlines in Title Case capitalise every word: there, only names the article uses count.
  const titleCase = isTitleCase(item.title, known);
  for (const key of new Set(entityKeys(item.title, known))) {
    if (!titleCase || place.has(key)) note(key, TITLE_ENTITY);
  }
  const entities = new Map<string, number>();
  for (const [key, weight] of place) {
    const repeated = Math.min((mentions.get(key) ?? 1) - 1, MAX_REPEATS);
    entities.set(key, weightOf(key, weight) * (1 + REPEAT_BONUS * repeated));
  }
  return { lang: item.lang, terms, entities };
}

/** Features rebuilt from a stored signature, for a story whose items are not at hand. */
export function featuresFromSignature(signature: StorySignature, lang: Lang): StoryFeatures {
  return {
    lang,
    terms: new Map(Object.entries(signature.terms)),
    entities: new Map(signature.entities.map((key) => [key, weightOf(key, 1)])),
  };
}

/**
 * A story's signature from its members' features: the mean term weights (the centroid, top
 * terms only) and the entities, most widely shared first.
 */
export function buildSignature(members: readonly StoryFeatures[]): StorySignature {
  const terms = new Map<string, number>();
  const entities = new Map<string, number>();
  for (const member of members) {
    for (const [key, weight] of member.terms) terms.set(key, (terms.get(key) ?? 0) + weight / members.length);
    for (const [key, weight] of member.entities) entities.set(key, (entities.get(key) ?? 0) + weight);
  }
  const topTerms = [...terms].sort(byWeightThenKey).slice(0, SIGNATURE_TERMS);
  return {
    entities: [...entities]
      .sort(byWeightThenKey)
      .slice(0, SIGNATURE_ENTITIES)
      .map(([key]) => key),
    terms: Object.fromEntries(topTerms.map(([key, weight]) => [key, Math.round(weight * 1000) / 1000])),
  };
}

export function countDocumentFrequencies(documents: readonly StoryFeatures[]): DocumentFrequencies {
  const entities = new Map<string, number>();
  const byLang = new Map<Lang, { documents: number; terms: Map<string, number> }>();
  for (const doc of documents) {
    const lang = byLang.get(doc.lang) ?? { documents: 0, terms: new Map<string, number>() };
    byLang.set(doc.lang, lang);
    lang.documents++;
    for (const key of doc.terms.keys()) lang.terms.set(key, (lang.terms.get(key) ?? 0) + 1);
    for (const key of doc.entities.keys()) entities.set(key, (entities.get(key) ?? 0) + 1);
  }
  return { documents: documents.length, entities, byLang };
}

/**
 * How alike two articles are. Keys that every document of the window shares (`tiktok` in a week
 * of TikTok news) weigh little; what decides is the share of the distinctive ones in common.
 */
export function compareFeatures(a: StoryFeatures, b: StoryFeatures, df: DocumentFrequencies): Similarity {
  const terms = cosine(a.terms, b.terms, termWeight(a.lang, df), termWeight(b.lang, df));
  const entities = dice(a.entities, b.entities, (key) => idf(df.entities.get(key), df.documents));
  // Across languages only names, cognates and numbers meet: the same story scores about half the
  // term cosine in French as in English (0.14 vs 0.28, LIBRARIES.md). Counting it 1.5 times
  // there makes up most of the gap; twice merged different events told in French (calibrated on
  // tests/fixtures/stories).
  const wording = a.lang === b.lang ? terms : Math.min(1, terms * CROSS_LANGUAGE_TERMS);
  // Geometric mean: both signals must agree. Different events about the same companies share
  // entities but not wording; a syndicated boilerplate paragraph shares wording but few names.
  return { terms, entities, score: Math.sqrt(wording * entities) };
}

function addTerms(terms: Map<string, number>, text: string, weight: number): void {
  const analyzed = analyzeText(text);
  analyzed.tokens.forEach((token, i) => {
    // Numbers are entities; terms are words.
    if (/^\p{N}/u.test(token.folded)) return;
    for (const key of analyzed.keys[i]!) terms.set(key, (terms.get(key) ?? 0) + weight);
  });
}

/** Most of the title's ordinary words (not names of the article) start with a capital. */
function isTitleCase(title: string, known: ReadonlySet<string>): boolean {
  const words = title
    .split(/\s+/)
    .filter((word) => /^\p{L}{4,}/u.test(word) && !known.has(word.toLowerCase().replace(/['’]s$/, "")));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= 2 && capitalised / words.length >= 0.75;
}

function entityKeys(text: string, known: ReadonlySet<string>): string[] {
  const { names, numbers, dates } = extractEntities(text, known);
  return [...nameParts(text, names, known), ...numbers.map(canonicalNumber), ...dates];
}

/** `100 million users` and `100 million $` are `100 million`: outlets qualify amounts differently. */
function canonicalNumber(key: string): string {
  return key.split(" ").slice(0, 2).join(" ");
}

/**
 * The words of the names found in a text, one key each: outlets name the same entity with more
 * or fewer words (`President Donald Trump`, `Trump`; `Oracle Corp`, `Oracle`; `TikTok CEO Kevin
 * Mayer`, `Mayer`), so whole-name keys would rarely meet. Recovers each name's words by finding
 * the run of tokens whose folded forms make up its key.
 */
function nameParts(text: string, names: readonly string[], known: ReadonlySet<string>): Set<string> {
  const wanted = new Set(names);
  const parts = new Set<string>();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    let key = "";
    for (let j = i; j < tokens.length; j++) {
      key += tokens[j]!.folded;
      const alias = ALIASES[key];
      if (wanted.has(key) && alias) {
        parts.add(alias);
      } else if (wanted.has(key)) {
        const words = tokens
          .slice(i, j + 1)
          .map((token) => token.folded)
          .filter((word) => word.length >= 2 && !isStopWord(word) && !GENERIC_NAME_PARTS.has(word));
        // `Byte Dance`, `Larry Ellison`: two words never named alone in the article are one name,
        // as other outlets write it (`ByteDance`); `Donald Trump` later called `Trump` is two keys.
        if (words.length === 2 && !words.some((word) => known.has(word))) parts.add(words.join(""));
        else for (const word of words) parts.add(word);
      }
      if (!names.some((name) => name.startsWith(key))) break;
    }
  }
  return parts;
}

function weightOf(key: string, base: number): number {
  return /^\d+(?:\.\d+)?$/.test(key) && Number(key) < 100 ? base * BARE_NUMBER : base;
}

function idf(df: number | undefined, documents: number): number {
  return Math.log((documents + 1) / ((df ?? 0) + 1)) + 1;
}

function termWeight(lang: Lang, df: DocumentFrequencies): (key: string) => number {
  const counts = df.byLang.get(lang);
  return (key) => idf(counts?.terms.get(key), counts?.documents ?? 0);
}

/** Cosine of two weighted term vectors, each side weighted by its own language's IDF. */
function cosine(
  a: Map<string, number>,
  b: Map<string, number>,
  weightA: (key: string) => number,
  weightB: (key: string) => number,
): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, value] of a) {
    const w = value * weightA(key);
    normA += w * w;
    const other = b.get(key);
    if (other !== undefined) dot += w * other * weightB(key);
  }
  for (const [key, value] of b) normB += (value * weightB(key)) ** 2;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function dice(a: Map<string, number>, b: Map<string, number>, weight: (key: string) => number): number {
  let shared = 0;
  let total = 0;
  for (const [key, value] of a) {
    total += value * weight(key);
    const other = b.get(key);
    if (other !== undefined) shared += 2 * Math.min(value, other) * weight(key);
  }
  for (const [key, value] of b) total += value * weight(key);
  return total === 0 ? 0 : shared / total;
}

function byWeightThenKey(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
