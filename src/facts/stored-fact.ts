import type { Fact } from "./fact.ts";

/** What all facts of one item share, stored once per item rather than once per sentence. */
export type SourceInfo = Pick<
  Fact,
  | "itemKey"
  | "itemId"
  | "link"
  | "title"
  | "feed"
  | "feedTitle"
  | "published"
  | "lang"
  | "topics"
  | "guildId"
  | "curated"
  | "titleNames"
>;

/**
 * One fact as the index keeps it: its own fields only, empty lists left out. A hundred thousand
 * facts then cost a fraction of the memory and JSON of full {@link Fact} objects.
 */
export interface StoredFact {
  id: string;
  itemKey: string;
  index: number;
  text: string;
  names?: string[];
  numbers?: string[];
  dates?: string[];
  contextNames?: string[];
  referents?: Fact["referents"];
  roles?: Fact["roles"];
}

export function sourceOf(fact: Fact): SourceInfo {
  const { itemKey, itemId, link, title, feed, feedTitle, published, lang, topics, guildId, curated } = fact;
  const titleNames = fact.index === 0 ? [] : fact.titleNames;
  return {
    itemKey,
    itemId,
    link,
    title,
    feed,
    feedTitle,
    published,
    lang,
    topics,
    guildId,
    curated,
    titleNames,
  };
}

export function packFact(fact: Fact): StoredFact {
  const stored: StoredFact = { id: fact.id, itemKey: fact.itemKey, index: fact.index, text: fact.text };
  const lists = {
    names: fact.entities.names,
    numbers: fact.entities.numbers,
    dates: fact.entities.dates,
    contextNames: fact.contextNames,
    referents: fact.referents,
    roles: fact.roles,
  };
  for (const [key, list] of Object.entries(lists)) {
    if (list.length > 0) Object.assign(stored, { [key]: list });
  }
  return stored;
}

export function unpackFact(stored: StoredFact, source: SourceInfo): Fact {
  const fact: Fact = {
    id: stored.id,
    itemKey: stored.itemKey,
    itemId: source.itemId,
    title: source.title,
    feed: source.feed,
    lang: source.lang,
    topics: source.topics,
    index: stored.index,
    text: stored.text,
    entities: { names: stored.names ?? [], numbers: stored.numbers ?? [], dates: stored.dates ?? [] },
    contextNames: stored.contextNames ?? [],
    titleNames: stored.index === 0 ? [] : (source.titleNames ?? []),
    referents: stored.referents ?? [],
    roles: stored.roles ?? [],
  };
  // Optional fields stay absent rather than `undefined`, as extractFacts makes them.
  for (const key of ["link", "feedTitle", "published", "guildId", "curated"] as const) {
    if (source[key] !== undefined) Object.assign(fact, { [key]: source[key] });
  }
  return fact;
}
