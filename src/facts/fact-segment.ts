import type { Fact } from "./fact.ts";
import { type DocumentTerms, type PackedTerms, packTerms } from "./term-index.ts";

/**
 * One batch of facts as the store keeps them for the index: which item and sentence each fact
 * is, and the batch's postings in the index's own form, so that loading a segment is appending
 * its postings (a million facts in about a second). The facts' own records (text, entities,
 * roles) are stored apart and read only to answer.
 */
export interface FactSegment {
  version: 4;
  /** The items the facts come from: key, guild (null: global), topic ids. */
  items: [key: string, guildId: string | null, topics: string[]][];
  count: number;
  keys: string[];
  /** base64 of {@link PackedTerms.postings}. */
  postings: string;
  /** base64 of a Uint32Array: per fact its item (position in `items`) and sentence index. */
  docs: string;
  /** base64 of {@link PackedTerms.lengths}. */
  lengths: string;
}

/** A segment read back: the packed terms, and for each fact its item and sentence index. */
export interface DecodedSegment {
  terms: PackedTerms;
  /** Per fact: item position, sentence index. */
  docs: Uint32Array;
  items: FactSegment["items"];
}

/** Packs facts (with the terms they are indexed under) into a segment. */
export function encodeSegment(entries: readonly { fact: Fact; terms: DocumentTerms }[]): FactSegment {
  const items: FactSegment["items"] = [];
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
  const terms = packTerms(entries.map((e) => e.terms));
  return {
    version: 4,
    items,
    count: entries.length,
    keys: terms.keys,
    postings: toBase64(terms.postings),
    docs: toBase64(docs),
    lengths: toBase64(terms.lengths),
  };
}

export function decodeSegment(segment: FactSegment): DecodedSegment {
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

function toBase64(array: Uint32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

/** A fresh, aligned copy of the bytes (decoded buffers may sit at any offset of a shared pool). */
function fromBase64(text: string): ArrayBuffer {
  if (typeof text !== "string") throw new Error("fact segment: unknown format");
  const bytes = Buffer.from(text, "base64");
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
