import { createExtractiveSummariser, type Summariser, type SummaryInput } from "../summaries/summarise.ts";

// The summariser used when the caller gives none (the same as `summariseStory`'s default).
const extractive = createExtractiveSummariser();
const memos = new WeakMap<Summariser, Summariser>();
const MEMO_LIMIT = 20_000;

/**
 * The summariser, remembering what it wrote for each article. A story that gains a source is
 * summarised again, but its lead source (whose summary it shows) rarely changes: without the
 * memo a cold poll re-summarises the same lead articles batch after batch. Articles are told
 * apart by language, title, length and a 64-bit hash of the text; the summariser is assumed
 * deterministic (the extractive one is).
 */
export function memoiseSummariser(summariser: Summariser = extractive): Summariser {
  let memo = memos.get(summariser);
  if (memo) return memo;
  const written = new Map<string, string>();
  memo = {
    summarise(input: SummaryInput): string {
      const key = `${input.lang}\u0000${input.text.length}\u0000${hashText(input.text)}\u0000${input.title}`;
      const hit = written.get(key);
      if (hit !== undefined) return hit;
      const summary = summariser.summarise(input);
      if (written.size >= MEMO_LIMIT) written.delete(written.keys().next().value!);
      written.set(key, summary);
      return summary;
    },
  };
  memos.set(summariser, memo);
  return memo;
}

/** Two 32-bit FNV-1a style hashes of the whole text (different primes), as 16 hex digits. */
function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01234567;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
