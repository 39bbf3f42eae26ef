/**
 * Feed items that are each their own story: every title names a different made-up company and
 * place, so story grouping (which needs shared names) never merges two of them.
 */
import type { FeedItem } from "./feed-server.ts";

const SYLLABLES = [
  "ka",
  "lo",
  "mir",
  "ven",
  "dra",
  "sul",
  "tek",
  "ro",
  "bel",
  "zan",
  "qui",
  "nor",
  "fal",
  "gri",
  "hu",
  "pex",
];

/** A capitalised made-up name unique to `n` (and `salt`). */
export function fakeName(n: number, salt = 0): string {
  let value = n * 7 + salt * 131 + 3;
  let name = "";
  for (let i = 0; i < 3; i++) {
    name += SYLLABLES[value % SYLLABLES.length];
    value = Math.floor(value / SYLLABLES.length) + i * 5 + 1;
  }
  return name.charAt(0).toUpperCase() + name.slice(1) + String.fromCharCode(97 + (n % 26));
}

/**
 * Item `n` about `keyword` (the word a test topic's query looks for). Its text repeats
 * sentences about its own names until it is about `length` characters long.
 */
export function storyItem(
  keyword: string,
  n: number,
  options: { length?: number; title?: string; minutesAgo?: number } = {},
): FeedItem {
  const company = fakeName(n, 1);
  const person = fakeName(n, 2);
  const place = fakeName(n, 3);
  const sentences = [
    `${company} said on Tuesday that its ${keyword} programme will expand to ${place}.`,
    `${person}, who leads the ${keyword} work at ${company}, called the plan a turning point.`,
    `Analysts at ${place} expect the ${keyword} market there to double within two years.`,
  ];
  let text = sentences.join(" ");
  for (let i = 0; text.length < (options.length ?? 0); i++) {
    text += ` ${sentences[i % sentences.length]}`;
  }
  return {
    guid: `${keyword}-${n}`,
    title: options.title ?? `${company} brings ${keyword} to ${place}`,
    text,
    published: new Date(Date.now() - (options.minutesAgo ?? 5) * 60_000).toISOString(),
  };
}
