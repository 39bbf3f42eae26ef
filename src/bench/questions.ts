import type { CorpusEvent, CorpusFeed } from "./corpus.ts";
import type { Random } from "./random.ts";
import { fill, type Slot } from "./slots.ts";

/** A question the corpus answers, with what a right answer contains (folded forms). */
export interface CorpusQuestion {
  text: string;
  lang: "en" | "fr";
  /** The story kind it was written from. */
  kind: string;
  /** Any of these, folded, in the answer means the answer is right. */
  expect: string[];
  /**
   * The answers of the corpus's other events that the same words ask about (`How much did
   * Oxylabs SA raise?` when it raised twice), folded: naming one answers the question, but about
   * another event. Empty when only this event answers it.
   */
  others: string[];
}

/**
 * `count` questions, alternately English and French, each about an event that at least one
 * article in that language states the answer of (so the fact base holds the answer in the
 * asker's language: an article may leave out the sentence that says it). Events are visited in
 * a shuffled order and reused only when every one has been asked about.
 */
export function createQuestions(
  random: Random,
  feeds: readonly CorpusFeed[],
  events: readonly CorpusEvent[],
  count: number,
): CorpusQuestion[] {
  const order = events.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const covered = (event: CorpusEvent, lang: "en" | "fr") => {
    const answer = event.slots[event.kind.answer]?.[lang];
    return event.articles.some(({ feed, item }) => {
      const article = feeds[feed]!.items[item]!;
      return (
        article.lang === lang && answer !== undefined && `${article.title}\n${article.text}`.includes(answer)
      );
    });
  };
  const askedBy = new Map<string, CorpusEvent[]>();
  for (const event of events)
    for (const lang of ["en", "fr"] as const) {
      const text = fill(event.kind[lang].question, event.slots, lang);
      const same = askedBy.get(text);
      if (same) same.push(event);
      else askedBy.set(text, [event]);
    }
  const questions: CorpusQuestion[] = [];
  const cursor = { en: 0, fr: 0 };
  for (let i = 0; i < count; i++) {
    const lang = i % 2 === 0 ? "en" : "fr";
    const event =
      nextCovered(order, events, cursor, lang, covered) ??
      nextCovered(order, events, cursor, otherOf(lang), covered);
    if (!event) break;
    const asked = event.articles.some((a) => feeds[a.feed]!.lang === lang) ? lang : otherOf(lang);
    const answer = event.slots[event.kind.answer];
    if (!answer) throw new Error(`story kind ${event.kind.name} has no slot "${event.kind.answer}"`);
    const text = fill(event.kind[asked].question, event.slots, asked);
    const expect = expectedForms(answer);
    const others = new Set<string>();
    for (const other of askedBy.get(text) ?? [])
      for (const form of expectedForms(other.slots[other.kind.answer]!))
        if (!expect.includes(form)) others.add(form);
    questions.push({ text, lang: asked, kind: event.kind.name, expect, others: [...others] });
  }
  return questions;
}

function nextCovered(
  order: readonly number[],
  events: readonly CorpusEvent[],
  cursor: { en: number; fr: number },
  lang: "en" | "fr",
  covered: (event: CorpusEvent, lang: "en" | "fr") => boolean,
): CorpusEvent | undefined {
  for (let tries = 0; tries < order.length; tries++) {
    const event = events[order[cursor[lang] % order.length]!]!;
    cursor[lang]++;
    if (covered(event, lang)) return event;
  }
  return undefined;
}

function otherOf(lang: "en" | "fr"): "en" | "fr" {
  return lang === "en" ? "fr" : "en";
}

/** The forms a right answer may write the slot in, folded. */
export function expectedForms(slot: Slot): string[] {
  const forms = new Set<string>([slot.en, slot.fr]);
  for (const key of slot.key?.split("|") ?? []) {
    forms.add(key);
    if (/^\d+\.\d+$/.test(key)) forms.add(key.replace(".", ","));
  }
  return [...forms].map(foldForCheck).filter((form) => form.length > 0);
}

/** Lower case, no accents, one kind of space: how answers are compared with `expect`. */
export function foldForCheck(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .toLowerCase()
    .trim();
}

/** Whether an answer contains one of the expected forms. */
export function isExpectedAnswer(answer: string | null, expect: readonly string[]): boolean {
  if (!answer) return false;
  const folded = foldForCheck(answer);
  return expect.some((form) => folded.includes(form));
}
