import type { Fact } from "./fact.ts";
import { type DocumentTerms, type PackedTerms, packPostings, packTerms } from "./packed-terms.ts";
import { MAX_TF, TF_BITS } from "./postings-lists.ts";

/**
 * One batch of facts as the store keeps them for the index: which item and sentence each fact
 * is, and the batch's postings in the index's own form, so that loading a segment is appending
 * its postings. The facts' own records (text, entities, roles) are stored apart and read only
 * to answer.
 *
 * A segment is one binary buffer (version 5), so that loading a million facts reads bytes
 * straight into typed arrays: no JSON parse of megabytes of base64, no base64 decode. Layout,
 * every number in the machine's byte order (typed arrays are read in place; little-endian on
 * x64 and arm64 — a store moved to a big-endian machine fails the magic check and its fact base
 * is rebuilt from the items, as for any unreadable segment):
 *
 *   magic "NDF5" · head length in bytes · fact count · postings length (in uint32s)
 *   head: UTF-8 JSON `{ items, keys }`, zero-padded to a multiple of 4 bytes
 *   docs: 2 × count uint32 — per fact its item (position in `items`) and sentence index
 *   postings: {@link PackedTerms.postings}
 *   lengths: 2 × count uint16 — {@link PackedTerms.lengths}
 *
 * Stores written before it hold version 4, a JSON object with base64 strings
 * ({@link LegacyFactSegment}); those are still read.
 */
export type SegmentItem = [key: string, guildId: string | null, topics: string[]];

/** Version 4 of the format: JSON with the typed arrays as base64. Read, never written. */
export interface LegacyFactSegment {
  version: 4;
  items: SegmentItem[];
  count: number;
  keys: string[];
  /** base64 of {@link PackedTerms.postings}. */
  postings: string;
  /** base64 of a Uint32Array: per fact its item (position in `items`) and sentence index. */
  docs: string;
  /** base64 of {@link PackedTerms.lengths}. */
  lengths: string;
}

/** A segment as the store hands it back: version 5 bytes, or a version 4 object. */
export type StoredSegment = Uint8Array | LegacyFactSegment;

/** A segment read back: the packed terms, and for each fact its item and sentence index. */
export interface DecodedSegment {
  terms: PackedTerms;
  /** Per fact: item position, sentence index. */
  docs: Uint32Array;
  items: SegmentItem[];
}

const MAGIC = 0x3546444e; // "NDF5" as a little-endian uint32
const HEADER_WORDS = 4;

/** Packs facts (with the terms they are indexed under) into a segment. */
export function encodeSegment(entries: readonly { fact: Fact; terms: DocumentTerms }[]): Uint8Array {
  const items: SegmentItem[] = [];
  const itemNumbers = new Map<string, number>();
  const docs = new Uint32Array(2 * entries.length);
  entries.forEach(({ fact }, n) => {
    let item = itemNumbers.get(fact.itemKey);
    if (item === undefined) {
      item = items.length;
      items.push([fact.itemKey, fact.guildId ?? null, fact.topics]);
      itemNumbers.set(fact.itemKey, item);
    }
    docs[2 * n] = item;
    docs[2 * n + 1] = fact.index;
  });
  return writeSegment({ terms: packTerms(entries.map((e) => e.terms)), docs, items });
}

/** The version 5 bytes of a segment. */
export function writeSegment({ terms, docs, items }: DecodedSegment): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ items, keys: terms.keys }));
  const headBytes = align4(head.length);
  const bytes = new Uint8Array(
    4 * HEADER_WORDS + headBytes + docs.byteLength + terms.postings.byteLength + terms.lengths.byteLength,
  );
  new Uint32Array(bytes.buffer, 0, HEADER_WORDS).set([
    MAGIC,
    head.length,
    terms.count,
    terms.postings.length,
  ]);
  let at = 4 * HEADER_WORDS;
  bytes.set(head, at);
  at += headBytes;
  for (const array of [docs, terms.postings, terms.lengths]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
}

/**
 * One segment holding the live facts of several, in order (a fact base's small segments merged
 * into one): facts keep their item and sentence, their postings are renumbered, and facts
 * removed since a segment was written are left out.
 */
export function mergeSegments(
  parts: readonly { segment: DecodedSegment; dead: ReadonlySet<number> }[],
): DecodedSegment {
  const items: SegmentItem[] = [];
  const itemNumbers = new Map<string, number>();
  // Each part's documents in the merged segment (-1: removed).
  const renumbered = parts.map(({ segment }) => new Int32Array(segment.terms.count).fill(-1));
  let count = 0;
  parts.forEach(({ segment, dead }, n) => {
    for (let local = 0; local < segment.terms.count; local++)
      if (!dead.has(local)) renumbered[n]![local] = count++;
  });
  const docs = new Uint32Array(2 * count);
  const lengths = new Uint16Array(2 * count);
  const byKey = new Map<string, [number[], number[]]>();
  parts.forEach(({ segment }, n) => {
    const newDoc = renumbered[n]!;
    for (let local = 0; local < segment.terms.count; local++) {
      const doc = newDoc[local]!;
      if (doc < 0) continue;
      const [key, guildId, topics] = segment.items[segment.docs[2 * local]!]!;
      let item = itemNumbers.get(key);
      if (item === undefined) {
        item = items.push([key, guildId, topics]) - 1;
        itemNumbers.set(key, item);
      }
      docs[2 * doc] = item;
      docs[2 * doc + 1] = segment.docs[2 * local + 1]!;
      lengths[2 * doc] = segment.terms.lengths[2 * local]!;
      lengths[2 * doc + 1] = segment.terms.lengths[2 * local + 1]!;
    }
    const { keys, postings } = segment.terms;
    let at = 0;
    for (const key of keys) {
      let lists = byKey.get(key);
      if (!lists) {
        lists = [[], []];
        byKey.set(key, lists);
      }
      const sizes = [postings[at]!, postings[at + 1]!];
      at += 2;
      for (let field = 0; field < 2; field++) {
        for (let end = at + sizes[field]!; at < end; at++) {
          const posting = postings[at]!;
          const doc = newDoc[Math.floor(posting / TF_BITS)]!;
          if (doc >= 0) lists[field]!.push(doc * TF_BITS + (posting & MAX_TF));
        }
      }
    }
  });
  // A key whose facts were all removed is left out.
  return { terms: { count, ...packPostings(byKey), lengths }, docs, items };
}

/** Reads a segment of either version; throws on anything else or on a truncated one. */
export function decodeSegment(segment: StoredSegment): DecodedSegment {
  return segment instanceof Uint8Array ? decodeBinary(segment) : decodeLegacy(segment);
}

function decodeBinary(input: Uint8Array): DecodedSegment {
  // Typed-array views need a 4-byte aligned start; a buffer from the database almost always
  // has one, and is copied once when it does not.
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input);
  if (bytes.byteLength < 4 * HEADER_WORDS) throw new Error("fact segment: unknown format");
  const [magic, headLength, count, postingsLength] = new Uint32Array(
    bytes.buffer,
    bytes.byteOffset,
    HEADER_WORDS,
  );
  if (magic !== MAGIC) throw new Error("fact segment: unknown format");
  const headStart = bytes.byteOffset + 4 * HEADER_WORDS;
  const docsStart = headStart + align4(headLength!);
  const postingsStart = docsStart + 8 * count!;
  const lengthsStart = postingsStart + 4 * postingsLength!;
  if (lengthsStart + 4 * count! !== bytes.byteOffset + bytes.byteLength) {
    throw new Error("fact segment: truncated");
  }
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes.buffer, headStart, headLength))) as {
    items?: unknown;
    keys?: unknown;
  };
  if (!Array.isArray(head.items) || !Array.isArray(head.keys))
    throw new Error("fact segment: unknown format");
  const terms: PackedTerms = {
    count: count!,
    keys: head.keys as string[],
    postings: new Uint32Array(bytes.buffer, postingsStart, postingsLength),
    lengths: new Uint16Array(bytes.buffer, lengthsStart, 2 * count!),
  };
  return {
    terms,
    docs: new Uint32Array(bytes.buffer, docsStart, 2 * count!),
    items: head.items as SegmentItem[],
  };
}

function decodeLegacy(segment: LegacyFactSegment): DecodedSegment {
  if (segment?.version !== 4 || !Array.isArray(segment.keys) || !Array.isArray(segment.items)) {
    throw new Error("fact segment: unknown format");
  }
  const docs = new Uint32Array(fromBase64(segment.docs));
  const lengths = new Uint16Array(fromBase64(segment.lengths));
  if (docs.length !== 2 * segment.count || lengths.length !== 2 * segment.count) {
    throw new Error("fact segment: truncated");
  }
  const terms = {
    count: segment.count,
    keys: segment.keys,
    postings: new Uint32Array(fromBase64(segment.postings)),
    lengths,
  };
  return { terms, docs, items: segment.items };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** A fresh, aligned copy of the bytes (decoded buffers may sit at any offset of a shared pool). */
function fromBase64(text: string): ArrayBuffer {
  if (typeof text !== "string") throw new Error("fact segment: unknown format");
  const bytes = Buffer.from(text, "base64");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
