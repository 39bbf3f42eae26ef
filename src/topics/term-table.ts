/** At most three quarters full, so that probes stay short. */
const MAX_LOAD = 0.75;

/**
 * Terms (comparison keys or folded words) → a small number each, in an open-addressing table
 * probed with hashes the caller computes once per term (`hashTerm`, text/word-forms.ts) and
 * keeps: word forms and compiled queries carry their terms' hashes, so adding and looking up
 * never rehash a string. A document's keys and words are such tables: a JavaScript Map costs
 * several times more per entry for the few hundred entries each document adds and the few
 * hundred look-ups it gets. A table made `tagged` also keeps a number per term given when the
 * term is added (a word's opening, for prefixes), which `collect` filters on.
 */
export class TermTable {
  // Plain arrays of small integers, not typed arrays: a typed array's buffer is allocated
  // outside the JavaScript heap, which costs more than these short-lived tables are worth.
  /** Slot → the term's hash (0: empty slot). */
  private hashes: number[];
  private terms: (string | undefined)[];
  private values: number[];
  private tags: number[] | undefined;
  /** Filled slots in the order their terms were added (the first `size` entries). */
  private order: number[];
  size = 0;

  /** Room for `expected` terms without growing (it grows as needed anyway). */
  constructor(expected = 48, tagged = false) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expected) capacity *= 2;
    this.hashes = zeros(capacity);
    this.terms = new Array(capacity);
    for (let slot = 0; slot < capacity; slot++) this.terms[slot] = undefined;
    this.values = zeros(capacity);
    this.tags = tagged ? zeros(capacity) : undefined;
    this.order = new Array(Math.floor(capacity * MAX_LOAD) + 1);
  }

  /** The term's value, 0 when absent. */
  get(term: string, hash: number): number {
    const { hashes, terms } = this;
    const mask = hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = hashes[slot]!;
      if (found === 0) return 0;
      if (found === hash && terms[slot] === term) return this.values[slot]!;
    }
  }

  /** ORs `bits` into the term's value (adding the term, with its `tag`, if it is new). */
  or(term: string, hash: number, bits: number, tag = 0): void {
    const { hashes, terms } = this;
    const mask = hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const found = hashes[slot]!;
      if (found === 0) {
        hashes[slot] = hash;
        terms[slot] = term;
        this.values[slot] = bits;
        if (this.tags) this.tags[slot] = tag;
        this.order[this.size++] = slot;
        if (this.size > hashes.length * MAX_LOAD) this.grow();
        return;
      }
      if (found === hash && terms[slot] === term) {
        this.values[slot]! |= bits;
        return;
      }
    }
  }

  /** Calls `visit` for each term, in the order the terms were added. */
  forEach(visit: (term: string, value: number, hash: number) => void): void {
    const { order, terms, values, hashes } = this;
    for (let i = 0; i < this.size; i++) {
      const slot = order[i]!;
      visit(terms[slot]!, values[slot]!, hashes[slot]!);
    }
  }

  /**
   * ORs the values of the terms tagged `tag` (of every term when it is undefined) that `accept`
   * takes: tags are compared first, in one array, so most terms are never read.
   */
  collect(tag: number | undefined, accept: (term: string) => boolean): number {
    const { order, terms, values, tags } = this;
    let found = 0;
    for (let i = 0; i < this.size; i++) {
      const slot = order[i]!;
      if ((tag === undefined || tags![slot] === tag) && accept(terms[slot]!)) found |= values[slot]!;
    }
    return found;
  }

  /** Calls `visit` with this table's value for each term of `other` found here. */
  visitShared(other: TermTable, visit: (value: number) => void): void {
    const { order, terms, hashes } = other;
    for (let i = 0; i < other.size; i++) {
      const slot = order[i]!;
      const value = this.get(terms[slot]!, hashes[slot]!);
      if (value !== 0) visit(value);
    }
  }

  /** The table as a Map, in the order the terms were added. */
  toMap(): Map<string, number> {
    const map = new Map<string, number>();
    for (let i = 0; i < this.size; i++) {
      const slot = this.order[i]!;
      map.set(this.terms[slot]!, this.values[slot]!);
    }
    return map;
  }

  private grow(): void {
    const { hashes, terms, values, tags, order, size } = this;
    const capacity = hashes.length * 2;
    const mask = capacity - 1;
    this.hashes = zeros(capacity);
    this.terms = new Array(capacity);
    for (let slot = 0; slot < capacity; slot++) this.terms[slot] = undefined;
    this.values = zeros(capacity);
    this.tags = tags ? zeros(capacity) : undefined;
    this.order = new Array(Math.floor(capacity * MAX_LOAD) + 1);
    for (let i = 0; i < size; i++) {
      const slot = order[i]!;
      let to = hashes[slot]! & mask;
      while (this.hashes[to] !== 0) to = (to + 1) & mask;
      this.hashes[to] = hashes[slot]!;
      this.terms[to] = terms[slot];
      this.values[to] = values[slot]!;
      if (tags) this.tags![to] = tags[slot]!;
      this.order[i] = to;
    }
  }
}

/** An array of `length` zeros (filled by a loop: `Array.prototype.fill` is slower for these). */
function zeros(length: number): number[] {
  const array: number[] = new Array(length);
  for (let i = 0; i < length; i++) array[i] = 0;
  return array;
}
