import type { CuratedFact, Item } from "../model.ts";
import { extractEntities, findNameSpans } from "../text/entities.ts";
import { normaliseText } from "../text/fold.ts";
import { splitSentences } from "../text/sentences.ts";
import { tokenize } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import { kindsOf } from "./kinds.ts";
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
 * boilerplate and fragments. Each fact carries the item's provenance and scope, its entities,
 * the kinds of answer it holds, and what it refers to without naming (see {@link Fact}).
 * Ids are `<item key>#<index>`, the index counting the title and every sentence of the text, so
 * re-extracting the same item gives the same ids.
 */
export function extractFacts(item: Item): Fact[] {
  const raw = [item.title, ...splitSentences(item.text, item.lang).map((s) => s.text)].map(cleanSentence);
  const titleFolded = raw[0]!.toLowerCase();
  const kept: { index: number; text: string }[] = [];
  const seen = new Set<string>();
  raw.forEach((text, index) => {
    const folded = text.toLowerCase();
    if (seen.has(folded) || (index > 0 && folded === titleFolded)) return;
    if (!isFactSentence(text, index === 0 ? MIN_TITLE_WORDS : MIN_WORDS)) return;
    seen.add(folded);
    kept.push({ index, text });
  });
  // Names the item writes mid-sentence vouch for the same word opening a sentence.
  const known = new Set(extractEntities(kept.map((k) => k.text).join("\n")).names);
  const sentences = kept.map(({ text }) => namesOf(text, known));
  const relations = findRelations(sentences);
  const titleNames = kept[0]?.index === 0 ? sentences[0]!.names.map((n) => n.key) : [];
  return kept.map(({ index, text }, n) => {
    const entities = extractEntities(text, known);
    const { roles, referents } = relations[n]!;
    const around = sentences[n - 1]?.names.map((s) => s.key) ?? [];
    const linked = [...referents.map((r) => r.key), ...roles.flatMap((r) => [r.holderKey, r.orgKey ?? ""])];
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
      kinds: kindsOf(text, entities, referents),
      contextNames,
      titleNames: index === 0 ? [] : titleNames,
      referents,
      roles,
    };
  });
}

/**
 * {@link extractFacts} over many items, yielding to the event loop between chunks: rebuilding
 * the fact base from stored items at start-up (≈ 0.35 ms a sentence) must not stall the bot.
 */
export async function extractFactsAsync(items: readonly Item[], chunk = 50): Promise<Fact[]> {
  const facts: Fact[] = [];
  for (let i = 0; i < items.length; i += chunk) {
    for (const item of items.slice(i, i + chunk)) facts.push(...extractFacts(item));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return facts;
}

/**
 * Curated facts as facts: one fact each, cited as "Curated fact" with its source as the link.
 * Names any of the given facts write mid-sentence vouch for the others.
 */
export function curatedToFacts(curated: readonly CuratedFact[]): Fact[] {
  const texts = curated.map((c) => cleanSentence(c.text));
  const known = new Set(extractEntities(texts.join("\n")).names);
  return curated.map((c, n) => {
    const text = texts[n]!;
    const entities = extractEntities(text, known);
    const { roles, referents } = findRelations([namesOf(text, known)])[0]!;
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
      kinds: kindsOf(text, entities, referents),
      contextNames: [],
      titleNames: [],
      referents,
      roles,
      curated: true,
    };
  });
}

function cleanSentence(text: string): string {
  return normaliseText(text.replace(CREDIT, "")).replace(/\s+/g, " ");
}

function isFactSentence(text: string, minWords: number): boolean {
  if (BOILERPLATE.test(text) || FURNITURE.test(text)) return false;
  const words = tokenize(text).filter((t) => /\p{L}/u.test(t.surface));
  return words.length >= minWords && text.length >= 12;
}

function namesOf(text: string, known: ReadonlySet<string>): SentenceNames {
  return { text, tokens: tokenize(text), names: findNameSpans(text, known) };
}
