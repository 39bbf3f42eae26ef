import type { CuratedFact, Item } from "../model.ts";
import { findDocumentNames, readEntities } from "../text/entities.ts";
import { normaliseText } from "../text/fold.ts";
import { collapseSpaces, splitSentences } from "../text/sentences.ts";
import { type Token, tokenize } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import { findRelations } from "./relations.ts";
import type { SentenceNames } from "./roles.ts";

/** The feed and title curated facts are cited with. */
export const CURATED_FEED = "curated";
export const CURATED_TITLE = "Curated fact";

// Lines that are page furniture, not news: kept out of the fact base whatever they mention.
const BOILERPLATE =
  /^(?:suivez[- ]nous|follow us|(?:à |a )?lire aussi|read (?:more|also)|see also|voir aussi|related|sign up|subscribe|abonnez[- ]vous|inscrivez[- ]vous|newsletter|partager|share (?:this|on)|publicité|advertisement|click here|cliquez ici)/iu;
const FURNITURE =
  /©|all rights reserved|tous droits réservés|getty images|this article (?:was|originally)|cet article (?:a été|est paru)/iu;
// `(crédit : Antonbe / Pixabay)`, `[Photo: Reuters]`: credits inside a sentence.
const CREDIT = /\s*[([]\s*(?:crédits?|credits?|photo|image|illustration)\s*:[^)\]]*[)\]]/giu;
const MIN_WORDS = 4;
const MIN_TITLE_WORDS = 2;

/**
 * Splits an item into facts: its title (index 0) and every sentence of its text, minus
 * boilerplate and fragments. Each fact carries the item's provenance and scope, its entities
 * and what it refers to without naming (see {@link Fact}); the kind of answer it holds (a date,
 * a cause…) is read when a question asks for one (score-kind.ts).
 * Ids are `<item key>#<index>`, the index counting the title and every sentence of the text, so
 * re-extracting the same item gives the same ids.
 */
export function extractFacts(item: Item): Fact[] {
  const texts = [item.title, ...splitSentences(item.text, item.lang).map((s) => s.text)];
  const kept: KeptSentence[] = [];
  const seen = new Set<string>();
  let titleFolded = "";
  for (let index = 0; index < texts.length; index++) {
    const text = cleanSentence(texts[index]!);
    const folded = text.toLowerCase();
    if (index === 0) titleFolded = folded;
    if (seen.has(folded) || (index > 0 && folded === titleFolded)) continue;
    const tokens = factTokensOf(text, index === 0 ? MIN_TITLE_WORDS : MIN_WORDS);
    if (!tokens) continue;
    seen.add(folded);
    kept.push({ index, text, tokens });
  }
  // Names the item writes mid-sentence vouch for the same word opening a sentence.
  const known = findDocumentNames(kept);
  const read = kept.map(({ text, tokens }) => readEntities(text, tokens, known));
  const sentences: SentenceNames[] = kept.map(({ text, tokens }, n) => ({
    text,
    tokens,
    names: read[n]!.names,
  }));
  const relations = findRelations(sentences, kept[0]?.index === 0);
  const titleNames = kept[0]?.index === 0 ? sentences[0]!.names.map((n) => n.key) : [];
  const fullNames = fullNamesOfSurnames(sentences);
  return kept.map(({ index, text }, n) => {
    const { entities } = read[n]!;
    const { roles, referents } = relations[n]!;
    const around = sentences[n - 1]?.names.map((s) => s.key) ?? [];
    const linked = [
      ...referents.map((r) => r.key),
      ...roles.flatMap((r) => [r.holderKey, r.orgKey ?? ""]),
      ...fullNames[n]!,
    ];
    const contextNames = [...new Set([...around, ...linked])].filter((k) => k && !entities.names.includes(k));
    return {
      id: `${item.key}#${index}`,
      itemKey: item.key,
      itemId: item.id,
      ...(item.link ? { link: item.link } : {}),
      title: item.title,
      feed: item.feed,
      ...(item.feedTitle ? { feedTitle: item.feedTitle } : {}),
      ...(item.published ? { published: item.published } : {}),
      lang: item.lang,
      topics: item.topics.map((t) => t.topic),
      ...(item.guildId ? { guildId: item.guildId } : {}),
      index,
      text,
      entities,
      contextNames,
      titleNames: index === 0 ? [] : titleNames,
      referents,
      roles,
    };
  });
}

/** A sentence kept as a fact: its index among the item's sentences (0 = title) and its tokens. */
interface KeptSentence {
  index: number;
  text: string;
  tokens: Token[];
}

/**
 * Curated facts as facts: one fact each, cited as "Curated fact" with its source as the link.
 * Names any of the given facts write mid-sentence vouch for the others.
 */
/**
 * Per sentence, the full names its one-word names stand for: `Berg joined Nordwind from Volvo`
 * after `Hannah Berg` (earlier in the item, or in the same sentence) is about Hannah Berg, as news
 * writes a person's surname alone once it has named them in full.
 */
function fullNamesOfSurnames(sentences: readonly SentenceNames[]): string[][] {
  const bySurname = new Map<string, string>();
  return sentences.map(({ tokens, names }) => {
    for (const name of names) {
      const last = tokens[name.lastToken]?.folded;
      if (name.lastToken > name.firstToken && last && last !== name.key) bySurname.set(last, name.key);
    }
    return names.flatMap((name) => {
      const full = name.firstToken === name.lastToken ? bySurname.get(name.key) : undefined;
      return full ? [full] : [];
    });
  });
}

export function curatedToFacts(curated: readonly CuratedFact[]): Fact[] {
  const parts = curated.map((c) => {
    const text = cleanSentence(c.text);
    return { text, tokens: tokenize(text) };
  });
  const known = findDocumentNames(parts);
  return curated.map((c, n) => {
    const { text, tokens } = parts[n]!;
    const { entities, names } = readEntities(text, tokens, known);
    const { roles, referents } = findRelations([{ text, tokens, names }])[0]!;
    return {
      id: `${CURATED_FEED}:${c.id}`,
      itemKey: `${CURATED_FEED}:${c.id}`,
      itemId: c.id,
      link: c.source,
      title: CURATED_TITLE,
      feed: CURATED_FEED,
      published: c.date,
      lang: c.lang,
      topics: c.topics ?? [],
      ...(c.guildId ? { guildId: c.guildId } : {}),
      index: 0,
      text,
      entities,
      contextNames: [],
      titleNames: [],
      referents,
      roles,
      curated: true,
    };
  });
}

function cleanSentence(text: string): string {
  // Credits are bracketed: most sentences have no bracket to look behind.
  const uncredited = text.includes("(") || text.includes("[") ? text.replace(CREDIT, "") : text;
  return collapseSpaces(normaliseText(uncredited));
}

/** The sentence's tokens when it is a fact: not boilerplate, long enough, enough words. */
function factTokensOf(text: string, minWords: number): Token[] | undefined {
  if (text.length < 12 || BOILERPLATE.test(text) || FURNITURE.test(text)) return undefined;
  const tokens = tokenize(text);
  let words = 0;
  for (const token of tokens) if (hasLetter(token.surface) && ++words >= minWords) return tokens;
  return undefined;
}

const LETTER = /\p{L}/u;

function hasLetter(surface: string): boolean {
  const code = surface.charCodeAt(0) | 0x20;
  return (code >= 97 && code <= 122) || LETTER.test(surface);
}
