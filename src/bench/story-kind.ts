import type { Random } from "./random.ts";
import type { Slots } from "./slots.ts";

/** The templates of one language for one kind of story. */
export interface KindText {
  titles: readonly string[];
  /** Opening sentences: every article of the story starts with one or two of them. */
  lead: readonly string[];
  /** Facts of the story; each article tells some of them, in its own order. */
  details: readonly string[];
  /** A question the details answer. */
  question: string;
}

/**
 * A kind of news story (an acquisition, a fine, the TikTok executive order…): how to draw its
 * facts and how each language tells them. Every outlet covering one event draws from the same
 * slots, so the same names, numbers and dates recur across outlets and languages.
 */
export interface StoryKind {
  name: string;
  /** Relative frequency among events. */
  weight: number;
  category: { en: string; fr: string };
  slots(random: Random, ms: number): Slots;
  en: KindText;
  fr: KindText;
  /** The slot whose key a correct answer to `question` contains. */
  answer: string;
}
