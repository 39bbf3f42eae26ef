/**
 * The fact index's postings lists (see term-index.ts): for one key and field, the documents
 * holding it with the key's frequency in each, in ascending document order. Short lists (the
 * vast majority of keys) are plain arrays; long ones are varint bytes, a quarter of the memory
 * per posting or less.
 */

// A posting is `doc × 16 + tf`: `posting >>> 4` is the document, `posting & 15` the frequency.
export const TF_BITS = 16;
export const MAX_TF = TF_BITS - 1;
// Postings lists start as plain arrays (small ones are the vast majority) and become bytes past
// this length: a quarter of the memory per posting or less, none of the per-array cost below it.
export const LONG_FROM = 64;
// How much a byte list or the per-document arrays grow when full: little, as they are large
// (a load sizes them exactly, and the lists a poll appends to grow by a few postings at a time).
export const GROWTH = 1.25;

/**
 * A long postings list. Postings are appended in ascending document order (and compaction keeps
 * it), so each is stored as the gap to the previous one's document (the first: to document 0)
 * × 16 + its frequency, as a varint (7 bits a byte, low first; the high bit says more follow):
 * one byte for a gap under 8 documents, two under 1 024, three under 131 072. The list keeps
 * its count (for `df`) and its last document (to append).
 */
export interface ByteList {
  bytes: Uint8Array;
  /** Bytes in use. */
  size: number;
  count: number;
  last: number;
}

/** A short list is its postings, in ascending document order. */
export type PostingList = number[] | ByteList;

/** The document of a list's last posting (0 for none): where the next gap starts. */
export function lastDoc(list: PostingList): number {
  if (!Array.isArray(list)) return list.last;
  return list.length === 0 ? 0 : list[list.length - 1]! >>> 4;
}

export function countOf(list: PostingList | undefined): number {
  if (list === undefined) return 0;
  return Array.isArray(list) ? list.length : list.count;
}

// The appends are apart so that each loop sees one kind of list: a loop that may see either is
// not optimised as well, and loading a fact base runs one of them for every posting.

/** Appends `count` postings of `source` from `from`, each shifted by `first` documents. */
export function pushShifted(
  target: number[],
  source: Uint32Array,
  from: number,
  count: number,
  first: number,
) {
  const offset = first * TF_BITS;
  for (let i = 0; i < count; i++) target.push(source[from + i]! + offset);
}

/** The same into a byte list with room for them (see {@link ByteList}). */
export function appendEncoded(
  list: ByteList,
  source: Uint32Array,
  from: number,
  count: number,
  first: number,
) {
  const { bytes } = list;
  let { size, last } = list;
  for (let i = from; i < from + count; i++) {
    const posting = source[i]!;
    const doc = (posting >>> 4) + first;
    size = writeVarint(bytes, size, (doc - last) * TF_BITS + (posting & MAX_TF));
    last = doc;
  }
  // Writes past a typed array's end are dropped without a word: a list sized short by a bug
  // would lose postings silently.
  if (size > bytes.length) throw new Error("a postings list was sized too short");
  list.size = size;
  list.last = last;
  list.count += count;
}

/** A short list's postings as a new byte list, into `bytes` (exactly their size). */
export function encodeItems(items: readonly number[], bytes: Uint8Array): ByteList {
  let size = 0;
  let last = 0;
  for (const posting of items) {
    const doc = posting >>> 4;
    size = writeVarint(bytes, size, (doc - last) * TF_BITS + (posting & MAX_TF));
    last = doc;
  }
  return { bytes, size, count: items.length, last };
}

/**
 * The bytes `count` postings of `source` from `from`, shifted by `first` documents, take
 * appended to a byte list whose last document is `last`; -1 if they are out of order.
 */
export function gapBytes(
  source: Uint32Array,
  from: number,
  count: number,
  first: number,
  last: number,
): number {
  let bytes = 0;
  let doc = last;
  for (let i = from; i < from + count; i++) {
    const posting = source[i]!;
    const next = (posting >>> 4) + first;
    if (next < doc) return -1;
    bytes += varintLength((next - doc) * TF_BITS + (posting & MAX_TF));
    doc = next;
  }
  return bytes;
}

/** The bytes a short list's postings take as a byte list. */
export function encodedLength(items: readonly number[]): number {
  let bytes = 0;
  let last = 0;
  for (const posting of items) {
    const doc = posting >>> 4;
    bytes += varintLength((doc - last) * TF_BITS + (posting & MAX_TF));
    last = doc;
  }
  return bytes;
}

// A value is below 2^32 (a gap under 2^28, × 16, + the frequency): `>>>` keeps it unsigned.
function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  while (rest > 127) {
    bytes[at++] = (rest & 127) | 128;
    rest >>>= 7;
  }
  bytes[at++] = rest;
  return at;
}

function varintLength(value: number): number {
  return value < 2 ** 7 ? 1 : value < 2 ** 14 ? 2 : value < 2 ** 21 ? 3 : value < 2 ** 28 ? 4 : 5;
}

/** Drops dead documents' postings from a short list, in place; returns how many are kept. */
export function compactItems(items: number[], alive: Uint8Array): number {
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const posting = items[i]!;
    if (alive[posting >>> 4] === 1) items[kept++] = posting;
  }
  items.length = kept;
  return kept;
}

/**
 * The same for a byte list, re-encoded in place: a gap that swallows a dropped posting never
 * takes more bytes than the two it replaces, so writing never overtakes reading. Room left
 * beyond a growth step is given back. It decodes as TermIndex's search loop does (inlined
 * there for speed): a change to the format changes both.
 */
export function compactBytes(list: ByteList, alive: Uint8Array): number {
  const { bytes, count } = list;
  let read = 0;
  let write = 0;
  let doc = 0;
  let last = 0;
  let kept = 0;
  for (let i = 0; i < count; i++) {
    let byte = bytes[read++]!;
    const tf = byte & MAX_TF;
    let gap = (byte >> 4) & 7;
    for (let shift = 3; byte > 127; shift += 7) {
      byte = bytes[read++]!;
      gap |= (byte & 127) << shift;
    }
    doc += gap;
    if (alive[doc] === 0) continue;
    write = writeVarint(bytes, write, (doc - last) * TF_BITS + tf);
    last = doc;
    kept++;
  }
  list.size = write;
  list.count = kept;
  list.last = last;
  if (bytes.length > write * GROWTH) list.bytes = bytes.slice(0, write);
  return kept;
}
