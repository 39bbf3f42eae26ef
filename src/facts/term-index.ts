/**
 * The fact base's inverted index: for each key, the documents (facts) holding it, in two fields
 * (the sentence's own words, and its context), ranked with BM25+ as MiniSearch does it (k 1.2,
 * b 0.7, d 0.5; a document's score times the number of query keys it matched).
 *
 * Built for a million facts in a few hundred megabytes at most: documents are numbers, a
 * posting is one integer (document × 16 + term frequency, capped at 15), short postings lists are
 * plain arrays and long ones typed arrays; per-document figures live in typed arrays. A removed
 * document is only marked dead; its postings are dropped by {@link TermIndex.compact}, which
 * runs on its own once dead postings are a third of all.
 */

/** A document's keys, each repeated as often as it occurs. */
export interface DocumentTerms {
  text: readonly string[];
  context: readonly string[];
}

/**
 * Documents in the index's own form, numbered from 0: what a segment stores, so that loading
 * one is appending postings, not re-counting keys.
 */
export interface PackedTerms {
  count: number;
  keys: string[];
  /** Per key, in `keys` order: n text postings, m context postings, then the n + m postings. */
  postings: Uint32Array;
  /** Per document: its distinct text keys, then its distinct context keys. */
  lengths: Uint16Array;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const FIELD_BOOST = [1, 0.35] as const;
// A posting is `doc × 16 + tf`: `posting >>> 4` is the document, `posting & 15` the frequency.
const TF_BITS = 16;
const MAX_TF = TF_BITS - 1;
// Postings lists start as plain arrays (small ones are the vast majority) and become typed
// arrays past this length: half the memory per posting, none of the per-array overhead below it.
const TYPED_FROM = 64;
const COMPACT_SHARE = 1 / 3;

type PostingList = { items: number[] | Uint32Array; length: number };

export class TermIndex {
  readonly #fields: [Map<string, PostingList>, Map<string, PostingList>] = [new Map(), new Map()];
  #lengths: [Uint16Array, Uint16Array] = [new Uint16Array(1024), new Uint16Array(1024)];
  #alive = new Uint8Array(1024);
  #next = 0;
  #live = 0;
  readonly #totalLength = [0, 0];
  #postings = 0;
  #deadPostings = 0;
  // Scratch space for scoring, reused across searches: a stamp says which search last touched a doc.
  #score = new Float64Array(1024);
  #matched = new Uint16Array(1024);
  #lastKey = new Int32Array(1024);
  #stamp = new Uint32Array(1024);
  #search = 0;
  // Key → slot within one addPackedBatch call (cleared after it).
  readonly #batchSlots = new Map<string, number>();

  /** Live documents. */
  get size(): number {
    return this.#live;
  }

  /** Adds a document; returns its number. */
  add(terms: DocumentTerms): number {
    return this.addPacked(packTerms([terms]));
  }

  /** Adds packed documents; returns the number of the first (the others follow it). */
  addPacked(packed: PackedTerms): number {
    return this.addPackedBatch([packed])[0]!;
  }

  /**
   * Adds several packs at once (loading a fact base), each after the previous; returns each
   * pack's first document number. Every postings list grows at most once: the batch is
   * counted before anything is copied.
   */
  addPackedBatch(packs: readonly PackedTerms[]): number[] {
    const firsts: number[] = [];
    for (const pack of packs) {
      firsts.push(this.#next);
      this.#next += pack.count;
    }
    this.#ensure(this.#next);
    packs.forEach((pack, n) => {
      this.#addLengths(pack, firsts[n]!);
    });
    // Count what each list receives, then size it once, then copy.
    const lists: PostingList[][] = [[], []];
    const needed: number[][] = [[], []];
    const keys: string[] = [];
    const slots = packs.map((pack) => this.#slotsOf(pack, keys, lists, needed));
    reserveAll(lists, needed);
    let added = 0;
    packs.forEach((pack, n) => {
      const offset = firsts[n]! * TF_BITS;
      const { postings } = pack;
      let at = 0;
      for (const slot of slots[n]!) {
        for (let field = 0; field < 2; field++) {
          const count = postings[at + field]!;
          const list = lists[field]![slot];
          if (count === 0 || !list) continue;
          const from = at + 2 + (field === 1 ? postings[at]! : 0);
          copyPostings(list, postings, from, count, offset);
          added += count;
        }
        at += 2 + postings[at]! + postings[at + 1]!;
      }
    });
    this.#postings += added;
    this.#batchSlots.clear();
    for (let field = 0; field < 2; field++) {
      lists[field]!.forEach((list, slot) => {
        if (list.length === 0) this.#fields[field]!.delete(keys[slot]!);
      });
    }
    return firsts;
  }

  #addLengths(pack: PackedTerms, first: number): void {
    this.#alive.fill(1, first, first + pack.count);
    this.#live += pack.count;
    for (let doc = 0; doc < pack.count; doc++) {
      for (let field = 0; field < 2; field++) {
        const length = pack.lengths[2 * doc + field]!;
        this.#lengths[field]![first + doc] = length;
        this.#totalLength[field]! += length;
      }
    }
  }

  /** The batch slot of each of a pack's keys, creating lists and counting what they receive. */
  #slotsOf(pack: PackedTerms, keys: string[], lists: PostingList[][], needed: number[][]): Int32Array {
    const slots = new Int32Array(pack.keys.length);
    const { postings } = pack;
    let at = 0;
    pack.keys.forEach((key, k) => {
      let slot = this.#batchSlots.get(key);
      if (slot === undefined) {
        slot = keys.length;
        keys.push(key);
        this.#batchSlots.set(key, slot);
        for (let field = 0; field < 2; field++) {
          const postingsOfField = this.#fields[field]!;
          let list = postingsOfField.get(key);
          if (!list) {
            list = { items: [], length: 0 };
            postingsOfField.set(key, list);
          }
          lists[field]!.push(list);
          needed[field]!.push(0);
        }
      }
      slots[k] = slot;
      needed[0]![slot]! += postings[at]!;
      needed[1]![slot]! += postings[at + 1]!;
      at += 2 + postings[at]! + postings[at + 1]!;
    });
    return slots;
  }

  /** Marks a document removed: it is never returned again, and its postings go at compaction. */
  remove(doc: number): boolean {
    if (doc >= this.#next || this.#alive[doc] === 0) return false;
    this.#alive[doc] = 0;
    this.#live--;
    for (let field = 0; field < 2; field++) {
      this.#totalLength[field]! -= this.#lengths[field]![doc]!;
    }
    this.#deadPostings += this.#lengths[0][doc]! + this.#lengths[1][doc]!;
    if (this.#deadPostings > 1000 && this.#deadPostings > this.#postings * COMPACT_SHARE) this.compact();
    return true;
  }

  isAlive(doc: number): boolean {
    return this.#alive[doc] === 1;
  }

  /** How many documents hold the key, in either field (dead ones count until compaction). */
  df(key: string): number {
    return (this.#fields[0].get(key)?.length ?? 0) + (this.#fields[1].get(key)?.length ?? 0);
  }

  /**
   * The best `limit` documents `accept` lets through for these keys and weights, best first
   * (ties: the earlier document). Only the documents that could enter the top are shown to
   * `accept`, so it may be as slow as a scope check.
   */
  search(weights: ReadonlyMap<string, number>, accept: (doc: number) => boolean, limit: number): ScoredDoc[] {
    if (this.#live === 0 || limit <= 0) return [];
    const stamp = ++this.#search;
    const touched: number[] = [];
    let keyNumber = 0;
    for (const [key, weight] of weights) {
      for (let field = 0; field < 2; field++) {
        const list = this.#fields[field]!.get(key);
        if (!list) continue;
        const idf = Math.log(1 + (this.#live - list.length + 0.5) / (list.length + 0.5));
        const average = this.#totalLength[field]! / this.#live || 1;
        const lengths = this.#lengths[field]!;
        const factor = weight * FIELD_BOOST[field]! * idf;
        const { items, length } = list;
        for (let i = 0; i < length; i++) {
          const posting = items[i]!;
          const doc = posting >>> 4;
          if (this.#alive[doc] === 0) continue;
          const tf = posting & MAX_TF;
          const norm = tf + K * (1 - B + (B * lengths[doc]!) / average);
          const score = factor * (D + (tf * (K + 1)) / norm);
          if (this.#stamp[doc] !== stamp) {
            this.#stamp[doc] = stamp;
            this.#score[doc] = score;
            this.#matched[doc] = 1;
            this.#lastKey[doc] = keyNumber;
            touched.push(doc);
          } else {
            this.#score[doc]! += score;
            if (this.#lastKey[doc] !== keyNumber) {
              this.#lastKey[doc] = keyNumber;
              this.#matched[doc]!++;
            }
          }
        }
      }
      keyNumber++;
    }
    return this.#top(touched, accept, limit);
  }

  /** Drops dead documents' postings (document numbers stay as they are). */
  compact(): void {
    for (const postings of this.#fields) {
      for (const [key, list] of postings) {
        let kept = 0;
        for (let i = 0; i < list.length; i++) {
          const posting = list.items[i]!;
          if (this.#alive[posting >>> 4] === 1) list.items[kept++] = posting;
        }
        if (kept === 0) postings.delete(key);
        else {
          list.length = kept;
          // A plain array is appended to with push: its tail must go too.
          if (Array.isArray(list.items)) list.items.length = kept;
        }
      }
    }
    this.#postings -= this.#deadPostings;
    this.#deadPostings = 0;
  }

  // A min-heap of the best `limit` accepted documents.
  #top(touched: readonly number[], accept: (doc: number) => boolean, limit: number): ScoredDoc[] {
    const heap: ScoredDoc[] = [];
    const worse = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc);
    for (const doc of touched) {
      const score = this.#score[doc]! * this.#matched[doc]!;
      // Most documents cannot enter a full heap: decided on the number, before any allocation.
      const floor = heap[0];
      if (heap.length >= limit && (score < floor!.score || (score === floor!.score && doc > floor!.doc)))
        continue;
      if (!accept(doc)) continue;
      const candidate = { doc, score };
      if (heap.length < limit) pushHeap(heap, candidate, worse);
      else replaceTop(heap, candidate, worse);
    }
    return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  }

  #ensure(size: number): void {
    if (size <= this.#alive.length) return;
    const capacity = Math.max(size, this.#alive.length * 2);
    this.#alive = grow(this.#alive, capacity);
    this.#lengths = [grow(this.#lengths[0], capacity), grow(this.#lengths[1], capacity)];
    this.#score = grow(this.#score, capacity);
    this.#matched = grow(this.#matched, capacity);
    this.#lastKey = grow(this.#lastKey, capacity);
    this.#stamp = grow(this.#stamp, capacity);
  }
}

/** Documents' keys in the index's form (see {@link PackedTerms}). */
export function packTerms(docs: readonly DocumentTerms[]): PackedTerms {
  const lengths = new Uint16Array(2 * docs.length);
  const byKey = new Map<string, [number[], number[]]>();
  let total = 0;
  docs.forEach((terms, doc) => {
    [terms.text, terms.context].forEach((keys, field) => {
      const counts = new Map<string, number>();
      for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      lengths[2 * doc + field] = Math.min(counts.size, 0xffff);
      for (const [key, tf] of counts) {
        let lists = byKey.get(key);
        if (!lists) {
          lists = [[], []];
          byKey.set(key, lists);
        }
        lists[field]!.push(doc * TF_BITS + Math.min(tf, MAX_TF));
        total++;
      }
    });
  });
  const postings = new Uint32Array(2 * byKey.size + total);
  let at = 0;
  for (const [text, context] of byKey.values()) {
    postings[at++] = text.length;
    postings[at++] = context.length;
    postings.set(text, at);
    at += text.length;
    postings.set(context, at);
    at += context.length;
  }
  return { count: docs.length, keys: [...byKey.keys()], postings, lengths };
}

/** Appends `count` postings of `source` from `from`, each shifted by `offset` documents. */
function copyPostings(list: PostingList, source: Uint32Array, from: number, count: number, offset: number) {
  const items = list.items;
  if (Array.isArray(items)) pushShifted(items, source, from, count, offset);
  else copyShifted(items, list.length, source, from, count, offset);
  list.length += count;
}

// The two copies are apart so that each loop sees one kind of array: a loop that may see
// either is not optimised as well, and loading a fact base runs it for every posting.
function pushShifted(target: number[], source: Uint32Array, from: number, count: number, offset: number) {
  for (let i = 0; i < count; i++) target.push(source[from + i]! + offset);
}

function copyShifted(
  target: Uint32Array,
  at: number,
  source: Uint32Array,
  from: number,
  count: number,
  offset: number,
) {
  for (let i = 0; i < count; i++) target[at + i] = source[from + i]! + offset;
}

/**
 * Makes room in each list for what it receives: plain arrays up to TYPED_FROM postings, typed
 * arrays past it. The lists that turn typed here (every long list, when a fact base loads) are
 * views of one shared buffer: allocating thousands of typed arrays one by one costs more than
 * everything else a load does. A list that outgrows its view later moves to its own array.
 */
function reserveAll(lists: readonly PostingList[][], needed: readonly number[][]): void {
  const capacityOf = (size: number) => Math.max(TYPED_FROM * 2, size);
  let shared = 0;
  lists.forEach((ofField, field) => {
    ofField.forEach((list, slot) => {
      const size = list.length + needed[field]![slot]!;
      if (Array.isArray(list.items) && size > TYPED_FROM) shared += capacityOf(size);
    });
  });
  const buffer = new Uint32Array(shared);
  let at = 0;
  lists.forEach((ofField, field) => {
    ofField.forEach((list, slot) => {
      const size = list.length + needed[field]![slot]!;
      if (!Array.isArray(list.items)) {
        if (size > list.items.length) list.items = grow(list.items, Math.max(list.items.length * 2, size));
      } else if (size > TYPED_FROM) {
        const typed = buffer.subarray(at, at + capacityOf(size));
        at += typed.length;
        typed.set(list.items);
        list.items = typed;
      }
    });
  });
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function grow<T extends Typed>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

function pushHeap<T>(heap: T[], value: T, worse: (a: T, b: T) => boolean): void {
  heap.push(value);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function replaceTop<T>(heap: T[], value: T, worse: (a: T, b: T) => boolean): void {
  heap[0] = value;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
    if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
