import type { PreparedDocument } from "./document.ts";

/**
 * How many documents contain each key (rarer terms weigh more in scores). Keys are comparison
 * keys; folded words are counted under `=word` so stop-word terms and prefixes can be weighed too.
 */
export interface DocumentStats {
  documents: number;
  frequencies: ReadonlyMap<string, number>;
}

/** Counts document frequencies over a collection (each key at most once per document). */
export function collectDocumentStats(docs: Iterable<PreparedDocument>): DocumentStats {
  const frequencies = new Map<string, number>();
  let documents = 0;
  const count = (key: string) => {
    frequencies.set(key, (frequencies.get(key) ?? 0) + 1);
  };
  for (const doc of docs) {
    documents++;
    doc.keyTable.forEach((key) => {
      count(key);
    });
    doc.wordTable.forEach((word) => {
      count(`=${word}`);
    });
  }
  return { documents, frequencies };
}
