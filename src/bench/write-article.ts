import { writeFillerSentence } from "./filler.ts";
import type { Random } from "./random.ts";
import { fill, type Slots } from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";

/** One outlet's article about an event: its title and its paragraphs of plain text. */
export interface Article {
  title: string;
  paragraphs: string[];
  words: number;
}

/**
 * Writes an article the way outlets cover the same event differently: one of the kind's titles,
 * its lead (one or two sentences), most of its details in the outlet's own order, and
 * background sentences until the article is about `targetWords` long, 2–4 sentences a paragraph.
 */
export function writeArticle(
  random: Random,
  kind: StoryKind,
  slots: Slots,
  lang: "en" | "fr",
  targetWords: number,
  ms: number,
): Article {
  const text = kind[lang];
  const title = fill(random.pick(text.titles), slots, lang);
  const lead = text.lead.slice(0, random.chance(0.8) ? 2 : 1).map((t) => fill(t, slots, lang));
  const details = shuffle(
    random,
    text.details.filter(() => random.chance(0.8)).map((t) => fill(t, slots, lang)),
  );
  const focus = firstCompany(slots);
  const sentences = [...lead];
  let words = countWords(title) + sentences.reduce((n, s) => n + countWords(s), 0);
  while (details.length > 0 || words < targetWords) {
    // Details come early, as news copy puts the facts before the background.
    const sentence =
      details.length > 0 && random.chance(0.6)
        ? details.shift()!
        : writeFillerSentence(random, lang, focus, ms);
    sentences.push(sentence);
    words += countWords(sentence);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = random.int(2, 4);
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return { title, paragraphs, words };
}

/** Words as runs of non-spaces (a loop: the generator counts every sentence it writes). */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function firstCompany(slots: Slots): string {
  const slot = slots.a ?? slots.b ?? slots.maker ?? slots.partner ?? slots.bidder;
  return slot?.en ?? "ByteDance";
}

function shuffle<T>(random: Random, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
