import type { Fact } from "./fact.ts";
import { contextTermsOf, textTermsOf } from "./fact-terms.ts";
import type { DocumentTerms } from "./packed-terms.ts";
import { TermIndex } from "./term-index.ts";

/**
 * A search key with how much it matters (names over common words, the asker's words over
 * synonyms). Keys of one `concept` are alternatives: retrieval needs only the rarer of them.
 */
export interface WeightedKey {
  key: string;
  weight: number;
  concept?: number;
}

/**
 * Who is asking and about what. Scope (DESIGN.md): global facts (`guildId` undefined) are visible
 * to everyone; a fact from a guild's own feed only to that guild. No `guildId` (CLI, console) sees
 * global facts only. A `topic` keeps facts tagged with it (curated facts without topics drop out).
 */
export interface FactSearchOptions {
  guildId?: string;
  topic?: string;
  /** Most hits returned, best first (default 30). */
  limit?: number;
}

export interface FactHit {
  fact: Fact;
  /** BM25+ score: comparable within one search only. */
  score: number;
}

// Retrieval reads at most ~2 % of the facts per concept: keys found in more facts than that are
// left to ranking (they still count there). Measured: p95 6.6 ms instead of 16–18 ms on 100 000
// sentences. It may always read MIN_COMMON postings, a matter of microseconds: in a small fact
// base (18 000 facts) a lower floor left out the question's own words (`revenue`, `reported`)
// and 6 of 300 bench questions went unanswered.
const COMMON_SHARE = 0.02;
const MIN_COMMON = 2000;
const DEFAULT_LIMIT = 25;
const NAME_WEIGHT = 2;
const NAME_BUDGET = 2;
const TOTAL_BUDGET = 2;

/** What answering needs of a fact base: a ranked, scoped search. */
export interface FactSearch {
  search(keys: readonly WeightedKey[], options?: FactSearchOptions): FactHit[] | Promise<FactHit[]>;
  /**
   * How many facts hold each key, in their own words and among the names around them: which
   * words the fact base knows (spelling), and which it knows as names (`agrisens` typed in lower
   * case).
   */
  termCounts?(keys: readonly string[]): readonly TermCount[] | Promise<readonly TermCount[]>;
}

export interface TermCount {
  /** Facts whose sentence holds the key. */
  text: number;
  /** Facts with the key among the names around them (a name's words, joined: `elenaruiz`). */
  names: number;
}

export function termCountsIn(terms: TermIndex, keys: readonly string[]): TermCount[] {
  return keys.map((key) => ({ text: terms.dfIn(0, key), names: terms.dfIn(1, key) }));
}

/**
 * A fact index held whole in memory, facts and all: for curated facts, tests and small fact
 * bases. The bot's fact base (src/pipeline/fact-base.ts) uses the same {@link TermIndex} and
 * {@link planQuery} but keeps the facts themselves in the store.
 */
export class FactIndex implements FactSearch {
  readonly #terms = new TermIndex();
  readonly #docs = new Map<string, number>();
  readonly #facts: (Fact | undefined)[] = [];
  readonly #byItem = new Map<string, Set<string>>();

  get size(): number {
    return this.#docs.size;
  }

  get(id: string): Fact | undefined {
    const doc = this.#docs.get(id);
    return doc === undefined ? undefined : this.#facts[doc];
  }

  termCounts(keys: readonly string[]): TermCount[] {
    return termCountsIn(this.#terms, keys);
  }

  /** The facts of one item (or curated fact), by item key. */
  factsOf(itemKey: string): Fact[] {
    return [...(this.#byItem.get(itemKey) ?? [])].map((id) => this.get(id)!);
  }

  /** Adds facts; a fact whose id is already indexed replaces the old one. */
  add(facts: readonly Fact[]): void {
    for (const fact of facts) {
      this.#removeOne(fact.id);
      const doc = this.#terms.add(termsOfFact(fact));
      this.#docs.set(fact.id, doc);
      this.#facts[doc] = fact;
      const ids = this.#byItem.get(fact.itemKey);
      if (ids) ids.add(fact.id);
      else this.#byItem.set(fact.itemKey, new Set([fact.id]));
    }
  }

  /** Removes facts by id, or every fact of an item; returns how many were removed. */
  remove(selector: { ids: readonly string[] } | { itemKey: string }): number {
    const ids = "ids" in selector ? selector.ids : [...(this.#byItem.get(selector.itemKey) ?? [])];
    let removed = 0;
    for (const id of ids) if (this.#removeOne(id)) removed++;
    return removed;
  }

  /**
   * Facts matching the keys, best BM25+ score first, among those the asker may see. Each
   * concept is looked up by its rarest keys only (see {@link planQuery}).
   */
  search(keys: readonly WeightedKey[], options: FactSearchOptions = {}): FactHit[] {
    const query = planQuery(keys, (key) => this.#terms.df(key), this.#terms.size);
    const accept = (doc: number) => isVisible(this.#facts[doc]!, options);
    return this.#terms
      .search(query, accept, options.limit ?? DEFAULT_LIMIT)
      .map(({ doc, score }) => ({ fact: this.#facts[doc]!, score }));
  }

  #removeOne(id: string): boolean {
    const doc = this.#docs.get(id);
    if (doc === undefined) return false;
    const fact = this.#facts[doc]!;
    this.#terms.remove(doc);
    this.#facts[doc] = undefined;
    this.#docs.delete(id);
    const ids = this.#byItem.get(fact.itemKey);
    ids?.delete(id);
    if (ids?.size === 0) this.#byItem.delete(fact.itemKey);
    return true;
  }
}

/** What a fact is indexed under: its sentence's keys, and its context's at a lower weight. */
export function termsOfFact(fact: Fact): DocumentTerms {
  return { text: textTermsOf(fact.text), context: contextTermsOf(fact) };
}

/**
 * Which keys to read, with their weights. Names come first, since questions hinge on them; then
 * the other concepts, rarer first. Each concept ranks its keys by weight (the word asked before
 * its expansions), rarer first among equals, and the concepts take turns: every concept's best
 * key before any concept's second, so that no concept's many synonyms crowd out another's. A
 * key is skipped when it would take its concept past `common` postings (twice that for names)
 * or the whole query past twice that; a key an earlier concept read costs nothing more. If every
 * key is too common, the rarest one is read.
 */
export function planQuery(
  keys: readonly WeightedKey[],
  df: (key: string) => number,
  size: number,
): Map<string, number> {
  const common = Math.max(MIN_COMMON, size * COMMON_SHARE);
  const counts = new Map<string, number>();
  const count = (k: WeightedKey) => {
    let n = counts.get(k.key);
    if (n === undefined) {
      n = df(k.key);
      counts.set(k.key, n);
    }
    return n;
  };
  const byConcept = new Map<number | string, WeightedKey[]>();
  for (const k of keys) {
    if (count(k) === 0) continue;
    const group = k.concept ?? k.key;
    byConcept.set(group, [...(byConcept.get(group) ?? []), k]);
  }
  const concepts = [...byConcept.values()].map((list) => ({
    keys: list.sort((a, b) => b.weight - a.weight || count(a) - count(b)),
    name: list[0]!.weight >= NAME_WEIGHT,
    rarest: Math.min(...list.map(count)),
    read: 0,
  }));
  concepts.sort((a, b) => Number(b.name) - Number(a.name) || a.rarest - b.rarest);
  const query = new Map<string, number>();
  let total = 0;
  const turns = Math.max(0, ...concepts.map((c) => c.keys.length));
  for (let turn = 0; turn < turns; turn++) {
    for (const concept of concepts) {
      const k = concept.keys[turn];
      if (!k) continue;
      const cost = query.has(k.key) ? 0 : count(k);
      const budget = concept.name ? NAME_BUDGET * common : common;
      if (concept.read + cost > budget || total + cost > TOTAL_BUDGET * common) continue;
      concept.read += cost;
      total += cost;
      query.set(k.key, Math.max(query.get(k.key) ?? 0, k.weight));
    }
  }
  if (query.size === 0) {
    const rarest = keys.filter((k) => count(k) > 0).sort((a, b) => count(a) - count(b))[0];
    if (rarest) query.set(rarest.key, rarest.weight);
  }
  return query;
}

/** An empty fact index. */
export function createFactIndex(): FactIndex {
  return new FactIndex();
}

/** Whether a fact (or its source) may be shown to this asker: scope, then topic. */
export function isVisible(source: Pick<Fact, "guildId" | "topics">, options: FactSearchOptions): boolean {
  if (source.guildId !== undefined && source.guildId !== options.guildId) return false;
  return !options.topic || source.topics.includes(options.topic);
}
