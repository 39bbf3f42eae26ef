import type { Lang } from "../model.ts";

/** A sentence of a text and where it starts, so facts and summaries can quote it exactly. */
export interface Sentence {
  text: string;
  start: number;
}

// ICU splits after these even though the sentence goes on (`M. Trump`, `U.S. officials`).
const ABBREVIATION_END =
  /(?:^|[\s(«"“])(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mr|Mrs|Ms|St|Ste|Jr|Sr|Inc|Corp|Ltd|Co|Cie|vs|etc|cf|p|ex|env|No|n°|Gen|Gov|Sen|Rep|Jan|Feb|Aug|Sept|Oct|Nov|Dec|janv|févr|déc|\p{Lu}(?:\.\p{Lu})*)\.\s*$/u;

const segmenters = new Map<Lang, Intl.Segmenter>();

function segmenterFor(lang: Lang): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Splits text into sentences. Rules, in order: paragraphs (blank or single line breaks) always
 * end a sentence; ICU proposes the rest; a break after an abbreviation or initial (`M.`,
 * `U.S.`) is undone; a break inside « … » or “ … ” quotes is undone; a fragment that starts in
 * lower case joins the previous one.
 */
export function splitSentences(text: string, lang: Lang = "en"): Sentence[] {
  const out: Sentence[] = [];
  const segmenter = segmenterFor(lang);
  for (const paragraph of paragraphsOf(text)) {
    let current: Sentence | undefined;
    for (const part of segmenter.segment(paragraph.text)) {
      const piece = part.segment;
      if (!NOT_SPACE.test(piece)) continue;
      const start = paragraph.start + part.index;
      if (current && shouldJoin(current.text, piece)) {
        current.text += piece;
      } else {
        if (current) out.push(tidy(current));
        current = { text: piece, start };
      }
    }
    if (current) out.push(tidy(current));
  }
  return out.flatMap(splitAfterClosingQuote).filter((s) => s.text.length > 0);
}

// ICU keeps `… Demain. » Puis il partit.` together: a quote closed after a full stop, then a
// capital, starts a new sentence.
const CLOSED_QUOTE_BREAK = /[.!?…]\s*[»”]\s+(?=[\p{Lu}«“])/gu;

function splitAfterClosingQuote(sentence: Sentence): Sentence[] {
  // Most sentences close no quote: nothing to look for.
  if (!sentence.text.includes("»") && !sentence.text.includes("”")) return [sentence];
  const parts: Sentence[] = [];
  let from = 0;
  for (const match of sentence.text.matchAll(CLOSED_QUOTE_BREAK)) {
    const cut = match.index + match[0].trimEnd().length;
    if (isInsideQuote(sentence.text.slice(from, cut))) continue;
    parts.push(tidy({ text: sentence.text.slice(from, cut), start: sentence.start + from }));
    from = match.index + match[0].length;
  }
  if (from === 0) return [sentence];
  parts.push(tidy({ text: sentence.text.slice(from), start: sentence.start + from }));
  return parts;
}

function paragraphsOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim().length > 0) out.push({ text: m[0], start: m.index });
  }
  return out;
}

const STARTS_LOWER = /^\s*\p{Ll}/u;

function shouldJoin(previous: string, next: string): boolean {
  if (ABBREVIATION_END.test(previous)) return true;
  if (isInsideQuote(previous)) return true;
  return STARTS_LOWER.test(next);
}

function isInsideQuote(text: string): boolean {
  const opened = count(text, "«") + count(text, "“");
  const closed = count(text, "»") + count(text, "”");
  return opened > closed;
}

/** Occurrences of one character of the Basic Multilingual Plane (a quote mark). */
function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

function tidy(sentence: Sentence): Sentence {
  const leading = sentence.text.length - sentence.text.trimStart().length;
  return { text: collapseSpaces(sentence.text.trim()), start: sentence.start + leading };
}

const NOT_SPACE = /\S/;
// Whitespace that is not one plain space: only then is there anything to collapse.
const MESSY_SPACE = /[^\S ]| {2}/;

/** `text.replace(/\s+/g, " ")`, without rebuilding the (usual) text that has nothing to collapse. */
export function collapseSpaces(text: string): string {
  return MESSY_SPACE.test(text) ? text.replace(/\s+/g, " ") : text;
}
