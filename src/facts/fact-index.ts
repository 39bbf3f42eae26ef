import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import type { Fact } from "./fact.ts";
import { contextTermsOf, textTermsOf } from "./fact-terms.ts";
import { packFact, type SourceInfo, type StoredFact, sourceOf, unpackFact } from "./stored-fact.ts";

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

/** The persisted form: MiniSearch's own JSON, each source once, the facts, document frequencies. */
export interface FactIndexJSON {
  version: 2;
  index: AsPlainObject;
  sources: [string, SourceInfo][];
  facts: StoredFact[];
  df: [string, number][];
}

interface IndexedDoc {
  id: string;
  text: string;
  context: string;
}

// Keys are computed once by the fact analysis; MiniSearch only splits them back apart.
const OPTIONS: Options<IndexedDoc> = {
  fields: ["text", "context"],
  storeFields: [],
  tokenize: (text) => text.split(" "),
  processTerm: (term) => term || null,
  searchOptions: { boost: { text: 1, context: 0.35 }, combineWith: "OR" },
};

// Retrieval reads at most ~2 % of the facts per concept: keys found in more facts than that are
// left to ranking (they still count there). Measured: p95 6.6 ms instead of 16–18 ms on 100 000
// sentences. Below MIN_COMMON facts nothing is common enough to cost anything.
const COMMON_SHARE = 0.02;
const MIN_COMMON = 200;
const DEFAULT_LIMIT = 25;
const NAME_WEIGHT = 2;
const NAME_BUDGET = 2;
const TOTAL_BUDGET = 2;
const CHUNK = 1000;

/** The fact base's full-text index (MiniSearch, BM25+), with scope and topic filters. */
export class FactIndex {
  #search = new MiniSearch<IndexedDoc>(OPTIONS);
  readonly #facts = new Map<string, StoredFact>();
  readonly #sources = new Map<string, SourceInfo & { ids: Set<string> }>();
  readonly #df = new Map<string, number>();

  /** Rebuilds an index from {@link FactIndex.toJSON} in chunks, so the event loop keeps turning. */
  static async loadAsync(json: string | FactIndexJSON): Promise<FactIndex> {
    const data: FactIndexJSON = typeof json === "string" ? JSON.parse(json) : json;
    if (data?.version !== 2 || !Array.isArray(data.facts)) throw new Error("fact index JSON: unknown format");
    const index = new FactIndex();
    index.#search = await MiniSearch.loadJSAsync<IndexedDoc>(data.index, OPTIONS);
    for (const [key, source] of data.sources) index.#sources.set(key, { ...source, ids: new Set() });
    for (let i = 0; i < data.facts.length; i++) {
      const fact = data.facts[i]!;
      index.#facts.set(fact.id, fact);
      index.#sources.get(fact.itemKey)?.ids.add(fact.id);
      if (i % (CHUNK * 10) === CHUNK * 10 - 1) await yieldToEventLoop();
    }
    for (const [key, n] of data.df) index.#df.set(key, n);
    for (const [key, source] of index.#sources) if (source.ids.size === 0) index.#sources.delete(key);
    return index;
  }

  get size(): number {
    return this.#facts.size;
  }

  get(id: string): Fact | undefined {
    const stored = this.#facts.get(id);
    const source = stored && this.#sources.get(stored.itemKey);
    return stored && source ? unpackFact(stored, source) : undefined;
  }

  /** The facts of one item (or curated fact), by item key. */
  factsOf(itemKey: string): Fact[] {
    return [...(this.#sources.get(itemKey)?.ids ?? [])].map((id) => this.get(id)!);
  }

  *all(): IterableIterator<Fact> {
    for (const id of this.#facts.keys()) yield this.get(id)!;
  }

  /** Adds facts; a fact whose id is already indexed replaces the old one. */
  add(facts: readonly Fact[]): void {
    for (const fact of facts) {
      if (this.#facts.has(fact.id)) this.#removeOne(fact.id);
      // A snapshot whose facts were filtered may still hold the document: replace it.
      else if (this.#search.has(fact.id)) this.#search.discard(fact.id);
      const text = textTermsOf(fact.text);
      const context = contextTermsOf(fact);
      this.#search.add({ id: fact.id, text: text.join(" "), context: context.join(" ") });
      for (const key of new Set([...text, ...context])) this.#df.set(key, (this.#df.get(key) ?? 0) + 1);
      this.#facts.set(fact.id, packFact(fact));
      const known = this.#sources.get(fact.itemKey);
      const source = sourceOf(fact);
      // The title fact carries no title names; keep those its sentences brought.
      if (fact.index === 0 && known?.titleNames?.length) source.titleNames = known.titleNames;
      this.#sources.set(fact.itemKey, { ...source, ids: (known?.ids ?? new Set<string>()).add(fact.id) });
    }
  }

  /** {@link FactIndex.add} in chunks, yielding between them: for rebuilding at start-up. */
  async addAsync(facts: readonly Fact[]): Promise<void> {
    for (let i = 0; i < facts.length; i += CHUNK) {
      this.add(facts.slice(i, i + CHUNK));
      await yieldToEventLoop();
    }
  }

  /** Removes facts by id, or every fact of an item; returns how many were removed. */
  remove(selector: { ids: readonly string[] } | { itemKey: string }): number {
    const ids = "ids" in selector ? selector.ids : [...(this.#sources.get(selector.itemKey)?.ids ?? [])];
    let removed = 0;
    for (const id of ids) if (this.#removeOne(id)) removed++;
    return removed;
  }

  /**
   * Facts matching the keys, best BM25+ score first, among those the asker may see. Each
   * concept is looked up by its rarest keys only (see COMMON_SHARE); a concept too common to tell
   * facts apart is skipped, unless every concept is.
   */
  search(keys: readonly WeightedKey[], options: FactSearchOptions = {}): FactHit[] {
    const query = this.#plan(keys);
    if (query.size === 0) return [];
    const hits = this.#search.search([...query.keys()].join(" "), {
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term,
      boostTerm: (term) => query.get(term) ?? 1,
    });
    const out: FactHit[] = [];
    const limit = options.limit ?? DEFAULT_LIMIT;
    for (const hit of hits) {
      const stored = this.#facts.get(hit.id as string);
      const source = stored && this.#sources.get(stored.itemKey);
      if (!stored || !source || !isVisible(source, options)) continue;
      out.push({ fact: unpackFact(stored, source), score: hit.score });
      if (out.length >= limit) break;
    }
    return out;
  }

  toJSON(): FactIndexJSON {
    return {
      version: 2,
      index: this.#search.toJSON(),
      sources: [...this.#sources].map(([key, { ids: _ids, ...source }]) => [key, source]),
      facts: [...this.#facts.values()],
      df: [...this.#df],
    };
  }

  /**
   * Which keys to read: per concept its rarest keys while they add up to at most `common`
   * postings (three times that for names), rarer concepts first, and at most five times that in
   * all. A concept whose rarest key
   * alone is too common is left to ranking; if every concept is, the rarest key overall is read.
   */
  #plan(keys: readonly WeightedKey[]): Map<string, number> {
    const common = Math.max(MIN_COMMON, this.#facts.size * COMMON_SHARE);
    const df = (k: WeightedKey) => this.#df.get(k.key) ?? 0;
    const byConcept = new Map<number | string, WeightedKey[]>();
    for (const k of keys) {
      if (df(k) === 0) continue;
      const group = k.concept ?? k.key;
      byConcept.set(group, [...(byConcept.get(group) ?? []), k]);
    }
    const concepts = [...byConcept.values()].map((list) => list.sort((a, b) => df(a) - df(b)));
    concepts.sort((a, b) => df(a[0]!) - df(b[0]!));
    const query = new Map<string, number>();
    let total = 0;
    for (const list of concepts) {
      let read = 0;
      // Names are what questions hinge on: they may read more postings than other words.
      const budget = list[0]!.weight >= NAME_WEIGHT ? NAME_BUDGET * common : common;
      for (const k of list) {
        if (read + df(k) > budget || total + df(k) > TOTAL_BUDGET * common) break;
        read += df(k);
        total += df(k);
        query.set(k.key, Math.max(query.get(k.key) ?? 0, k.weight));
      }
    }
    const rarest = concepts[0]?.[0];
    if (query.size === 0 && rarest) query.set(rarest.key, rarest.weight);
    return query;
  }

  #removeOne(id: string): boolean {
    const stored = this.#facts.get(id);
    const source = stored && this.#sources.get(stored.itemKey);
    if (!stored || !source) return false;
    this.#search.discard(id);
    const fact = unpackFact(stored, source);
    for (const key of new Set([...textTermsOf(fact.text), ...contextTermsOf(fact)])) {
      const n = (this.#df.get(key) ?? 1) - 1;
      if (n > 0) this.#df.set(key, n);
      else this.#df.delete(key);
    }
    this.#facts.delete(id);
    source.ids.delete(id);
    if (source.ids.size === 0) this.#sources.delete(stored.itemKey);
    return true;
  }
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

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
