import { MAX_TF, TF_BITS } from "./postings-lists.ts";

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

/** Documents' keys in the index's form (see {@link PackedTerms}). */
export function packTerms(docs: readonly DocumentTerms[]): PackedTerms {
  const lengths = new Uint16Array(2 * docs.length);
  const byKey = new Map<string, [number[], number[]]>();
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
      }
    });
  });
  return { count: docs.length, ...packPostings(byKey), lengths };
}

/**
 * Postings by key (text, context; each in document order) in {@link PackedTerms}' form. A key
 * without postings is left out.
 */
export function packPostings(
  byKey: ReadonlyMap<string, readonly [number[], number[]]>,
): Pick<PackedTerms, "keys" | "postings"> {
  const keys: string[] = [];
  let total = 0;
  for (const [key, [text, context]] of byKey) {
    if (text.length + context.length === 0) continue;
    keys.push(key);
    total += 2 + text.length + context.length;
  }
  const postings = new Uint32Array(total);
  let at = 0;
  for (const key of keys) {
    const [text, context] = byKey.get(key)!;
    postings[at++] = text.length;
    postings[at++] = context.length;
    postings.set(text, at);
    at += text.length;
    postings.set(context, at);
    at += context.length;
  }
  return { keys, postings };
}
