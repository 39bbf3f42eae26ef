/**
 * The fact base's inverted index: for each key, the documents (facts) holding it, in two fields
 * (the sentence's own words, and its context), ranked with BM25+ as MiniSearch does it (k 1.2,
 * b 0.7, d 0.5; a document's score times the number of query keys it matched).
 *
 * Built for a million facts in a few tens of megabytes: documents are numbers, a posting is one
 * integer (document × 16 + term frequency, capped at 15); short postings lists (the vast
 * majority of keys) are plain arrays of postings, long ones bytes (see {@link ByteList}); the
 * per-document figures live in typed arrays. A removed document is only marked dead; its
 * postings are dropped by {@link TermIndex.compact}, which runs on its own once dead postings
 * are a third of all.
 */

import { type DocumentTerms, type PackedTerms, packTerms } from "./packed-terms.ts";
import {
  appendEncoded,
  type ByteList,
  compactBytes,
  compactItems,
  countOf,
  encodedLength,
  encodeItems,
  GROWTH,
  gapBytes,
  LONG_FROM,
  lastDoc,
  MAX_TF,
  type PostingList,
  pushShifted,
} from "./postings-lists.ts";

export interface ScoredDoc {
  doc: number;
  score: number;
}

const K = 1.2;
const B = 0.7;
const D = 0.5;
const FIELD_BOOST = [1, 0.35] as const;
const COMPACT_SHARE = 1 / 3;

/**
 * What an addPackedBatch call appends, by batch slot (one a distinct key) and field: counted
 * before anything is copied, so that every list is sized once.
 */
interface BatchPlan {
  keys: string[];
  /** Each pack's keys' slots. */
  slots: Int32Array[];
  lists: (PostingList | undefined)[][];
  /** Postings each list receives, and the bytes they take appended to it as a byte list. */
  counts: number[][];
  bytes: number[][];
}

export class TermIndex {
  readonly #fields: [Map<string, PostingList>, Map<string, PostingList>] = [new Map(), new Map()];
  #lengths: [Uint16Array, Uint16Array] = [new Uint16Array(1024), new Uint16Array(1024)];
  #alive = new Uint8Array(1024);
  #next = 0;
  #live = 0;
  readonly #totalLength = [0, 0];
  #postings = 0;
  #deadPostings = 0;
  // Scratch space for scoring, reused across searches and cleared after each: per document,
  // 1 + its row (0: not touched yet); per row, in the order documents were first touched, the
  // document, its score, the number of query keys it matched and the last one. A planned query
  // touches thousands of documents, not a million: 4 bytes a document, the rest a row.
  #rowOf = new Int32Array(1024);
  #rows = 0;
  #rowDoc = new Int32Array(1024);
  #rowScore = new Float64Array(1024);
  #rowMatched = new Int32Array(1024);
  #rowLastKey = new Int32Array(1024);
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
   * counted before anything is copied. A pack whose postings are out of document order is
   * refused (a RangeError) before anything is added.
   */
  addPackedBatch(packs: readonly PackedTerms[]): number[] {
    const firsts: number[] = [];
    let next = this.#next;
    for (const pack of packs) {
      firsts.push(next);
      next += pack.count;
    }
    let plan: BatchPlan;
    try {
      plan = this.#plan(packs, firsts);
    } finally {
      this.#batchSlots.clear();
    }
    this.#next = next;
    this.#ensure(next);
    packs.forEach((pack, n) => {
      this.#addLengths(pack, firsts[n]!);
    });
    this.#reserve(plan);
    let added = 0;
    packs.forEach((pack, n) => {
      const first = firsts[n]!;
      const { postings } = pack;
      let at = 0;
      for (const slot of plan.slots[n]!) {
        for (let field = 0; field < 2; field++) {
          const count = postings[at + field]!;
          if (count === 0) continue;
          const from = at + 2 + (field === 1 ? postings[at]! : 0);
          const list = plan.lists[field]![slot]!;
          if (Array.isArray(list)) pushShifted(list, postings, from, count, first);
          else appendEncoded(list, postings, from, count, first);
          added += count;
        }
        at += 2 + postings[at]! + postings[at + 1]!;
      }
    });
    this.#postings += added;
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

  /**
   * Gives each distinct key of the batch a slot and counts what its lists receive, in postings
   * and in bytes: each gap is measured from the previous posting (the list's last, then the
   * batch's), which is also where postings out of order show.
   */
  #plan(packs: readonly PackedTerms[], firsts: readonly number[]): BatchPlan {
    const plan: BatchPlan = { keys: [], slots: [], lists: [[], []], counts: [[], []], bytes: [[], []] };
    const last: number[][] = [[], []];
    packs.forEach((pack, n) => {
      const first = firsts[n]!;
      const slots = new Int32Array(pack.keys.length);
      const { postings } = pack;
      let at = 0;
      pack.keys.forEach((key, k) => {
        let slot = this.#batchSlots.get(key);
        if (slot === undefined) {
          slot = plan.keys.length;
          plan.keys.push(key);
          this.#batchSlots.set(key, slot);
          for (let field = 0; field < 2; field++) {
            const list = this.#fields[field]!.get(key);
            plan.lists[field]!.push(list);
            plan.counts[field]!.push(0);
            plan.bytes[field]!.push(0);
            last[field]!.push(list === undefined ? 0 : lastDoc(list));
          }
        }
        slots[k] = slot;
        let from = at + 2;
        for (let field = 0; field < 2; field++) {
          const count = postings[at + field]!;
          if (count === 0) continue;
          const bytes = gapBytes(postings, from, count, first, last[field]![slot]!);
          if (bytes < 0) throw new RangeError(`postings of "${key}" out of document order`);
          last[field]![slot] = (postings[from + count - 1]! >>> 4) + first;
          plan.counts[field]![slot]! += count;
          plan.bytes[field]![slot]! += bytes;
          from += count;
        }
        at = from;
      });
      plan.slots.push(slots);
    });
    return plan;
  }

  /**
   * Makes room in each list for what it receives: plain arrays up to LONG_FROM postings, bytes
   * past it. The lists that turn to bytes here (every long list, when a fact base loads) are
   * views of one shared buffer, sized exactly: allocating thousands of arrays one by one costs
   * more than everything else a load does. A list that outgrows its view later moves to its
   * own array.
   */
  #reserve(plan: BatchPlan): void {
    const turning: { field: number; slot: number; size: number }[] = [];
    let shared = 0;
    for (let field = 0; field < 2; field++) {
      const postingsOfField = this.#fields[field]!;
      plan.lists[field]!.forEach((list, slot) => {
        const count = plan.counts[field]![slot]!;
        if (count === 0) return;
        const bytes = plan.bytes[field]![slot]!;
        if (list === undefined || Array.isArray(list)) {
          const items = list ?? [];
          if (items.length + count <= LONG_FROM) {
            if (!list) postingsOfField.set(plan.keys[slot]!, items);
            plan.lists[field]![slot] = items;
            return;
          }
          const size = encodedLength(items) + bytes;
          turning.push({ field, slot, size });
          shared += size;
        } else if (list.size + bytes > list.bytes.length) {
          list.bytes = resized(
            list.bytes,
            Math.max(list.size + bytes, Math.ceil(list.bytes.length * GROWTH)),
          );
        }
      });
    }
    const buffer = new Uint8Array(shared);
    let at = 0;
    for (const { field, slot, size } of turning) {
      const items = (plan.lists[field]![slot] as number[] | undefined) ?? [];
      const list = encodeItems(items, buffer.subarray(at, at + size));
      at += size;
      plan.lists[field]![slot] = list;
      this.#fields[field]!.set(plan.keys[slot]!, list);
    }
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
    return this.dfIn(0, key) + this.dfIn(1, key);
  }

  /** How many documents hold the key in one field: 0 the text, 1 the context. */
  dfIn(field: 0 | 1, key: string): number {
    return countOf(this.#fields[field].get(key));
  }

  /**
   * The best `limit` documents `accept` lets through for these keys and weights, best first
   * (ties: the earlier document). Only the documents that could enter the top are shown to
   * `accept`, so it may be as slow as a scope check.
   *
   * A document's score is summed in a fixed order (keys in query order, the text field then
   * the context, postings in document order), so that it is the same to the last bit however
   * the lists are stored.
   */
  search(weights: ReadonlyMap<string, number>, accept: (doc: number) => boolean, limit: number): ScoredDoc[] {
    if (this.#live === 0 || limit <= 0) return [];
    try {
      let keyNumber = 0;
      for (const [key, weight] of weights) {
        for (let field = 0; field < 2; field++) {
          const list = this.#fields[field]!.get(key);
          if (!list) continue;
          const df = countOf(list);
          const idf = Math.log(1 + (this.#live - df + 0.5) / (df + 0.5));
          const average = this.#totalLength[field]! / this.#live || 1;
          const factor = weight * FIELD_BOOST[field]! * idf;
          if (Array.isArray(list)) this.#scoreItems(list, field, factor, average, keyNumber);
          else this.#scoreBytes(list, field, factor, average, keyNumber);
        }
        keyNumber++;
      }
      return this.#top(accept, limit);
    } finally {
      this.#clearRows();
    }
  }

  // The two loops are apart so that each sees one kind of list: search time is mostly these.
  #scoreItems(items: readonly number[], field: number, factor: number, average: number, key: number): void {
    const lengths = this.#lengths[field]!;
    for (let i = 0; i < items.length; i++) {
      const posting = items[i]!;
      const doc = posting >>> 4;
      if (this.#alive[doc] === 0) continue;
      const tf = posting & MAX_TF;
      const norm = tf + K * (1 - B + (B * lengths[doc]!) / average);
      this.#addScore(doc, factor * (D + (tf * (K + 1)) / norm), key);
    }
  }

  #scoreBytes(list: ByteList, field: number, factor: number, average: number, key: number): void {
    const lengths = this.#lengths[field]!;
    const { bytes, count } = list;
    let at = 0;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      // The first byte holds the frequency and the gap's low 3 bits; each next byte 7 more
      // (a gap is under 2^28, so the shifted bits stay within a positive int32). Decoded inline,
      // as `compactBytes` does too: this loop is most of a search's time.
      let byte = bytes[at++]!;
      const tf = byte & MAX_TF;
      let gap = (byte >> 4) & 7;
      for (let shift = 3; byte > 127; shift += 7) {
        byte = bytes[at++]!;
        gap |= (byte & 127) << shift;
      }
      doc += gap;
      if (this.#alive[doc] === 0) continue;
      const norm = tf + K * (1 - B + (B * lengths[doc]!) / average);
      this.#addScore(doc, factor * (D + (tf * (K + 1)) / norm), key);
    }
  }

  #addScore(doc: number, score: number, key: number): void {
    const row = this.#rowOf[doc]! - 1;
    if (row < 0) {
      if (this.#rows === this.#rowDoc.length) this.#growRows();
      const next = this.#rows++;
      this.#rowOf[doc] = next + 1;
      this.#rowDoc[next] = doc;
      this.#rowScore[next] = score;
      this.#rowMatched[next] = 1;
      this.#rowLastKey[next] = key;
    } else {
      this.#rowScore[row]! += score;
      if (this.#rowLastKey[row] !== key) {
        this.#rowLastKey[row] = key;
        this.#rowMatched[row]!++;
      }
    }
  }

  #growRows(): void {
    const capacity = this.#rowDoc.length * 2;
    this.#rowDoc = resized(this.#rowDoc, capacity);
    this.#rowScore = resized(this.#rowScore, capacity);
    this.#rowMatched = resized(this.#rowMatched, capacity);
    this.#rowLastKey = resized(this.#rowLastKey, capacity);
  }

  #clearRows(): void {
    for (let row = 0; row < this.#rows; row++) this.#rowOf[this.#rowDoc[row]!] = 0;
    this.#rows = 0;
  }

  /** Drops dead documents' postings (document numbers stay as they are). */
  compact(): void {
    const alive = this.#alive;
    for (const postings of this.#fields) {
      for (const [key, list] of postings) {
        const kept = Array.isArray(list) ? compactItems(list, alive) : compactBytes(list, alive);
        if (kept === 0) postings.delete(key);
      }
    }
    this.#postings -= this.#deadPostings;
    this.#deadPostings = 0;
  }

  // A min-heap of the best `limit` accepted documents, among those the search touched.
  #top(accept: (doc: number) => boolean, limit: number): ScoredDoc[] {
    const heap: ScoredDoc[] = [];
    const worse = (a: ScoredDoc, b: ScoredDoc) => a.score < b.score || (a.score === b.score && a.doc > b.doc);
    for (let row = 0; row < this.#rows; row++) {
      const doc = this.#rowDoc[row]!;
      const score = this.#rowScore[row]! * this.#rowMatched[row]!;
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
    const capacity = Math.max(size, Math.ceil(this.#alive.length * GROWTH));
    this.#alive = resized(this.#alive, capacity);
    this.#lengths = [resized(this.#lengths[0], capacity), resized(this.#lengths[1], capacity)];
    this.#rowOf = resized(this.#rowOf, capacity);
  }
}

type Typed = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A copy of `array` with room for `capacity` items (at least its own). */
function resized<T extends Typed>(array: T, capacity: number): T {
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
