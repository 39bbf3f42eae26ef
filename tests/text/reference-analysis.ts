import type { AnalyzedText } from "../../src/text/analyze.ts";
import { foldText } from "../../src/text/fold.ts";
import { stemKeys } from "../../src/text/stem.ts";
import { isStopWord } from "../../src/text/stopwords.ts";
import type { Token } from "../../src/text/tokenize.ts";

/**
 * The tokenizer and analysis as they were written before the scanner and the word-form cache:
 * one regular expression, every token folded and stemmed on its own. Slow and plain, which is
 * what an oracle should be: the fast code must give exactly the same tokens, keys and compounds.
 */
const TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
const POSSESSIVE = /'s?$/;
const US_FORMS = new Set(["u.s", "u.s.", "u.s.a", "u.s.a.", "usa"]);

export function referenceTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const surface = match[0];
    const start = match.index;
    const end = start + surface.length;
    const gap = previousEnd < 0 ? "" : text.slice(previousEnd, start);
    const folded = foldToken(surface);
    previousEnd = end;
    if (folded.length === 0) continue;
    tokens.push({
      surface,
      folded,
      start,
      end,
      capitalised: /^\p{Lu}/u.test(surface),
      joinedToPrevious: gap === " " || gap === "-",
    });
  }
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.folded === "etats" && next?.folded === "unis" && next.joinedToPrevious) {
      out.push({ ...token, surface: `${token.surface}-${next.surface}`, folded: "usa", end: next.end });
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

function foldToken(surface: string): string {
  if (surface === "US" || surface === "USA") return "usa";
  let folded = foldText(surface);
  if (US_FORMS.has(folded)) return "usa";
  folded = folded.replace(ELISION, "").replace(POSSESSIVE, "");
  if (/^\p{N}+(?:,\p{N}+)$/u.test(folded)) folded = folded.replace(",", ".");
  return folded;
}

export function referenceAnalyze(text: string): AnalyzedText {
  const tokens = referenceTokenize(text);
  const keys = tokens.map((t) => (isDroppable(t) ? [] : stemKeys(t.folded)));
  const compounds = new Map<number, string>();
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    if (!b.joinedToPrevious || /\d/.test(a.folded + b.folded)) continue;
    const hyphenated = text.slice(a.end, b.start) === "-";
    if ((a.capitalised && b.capitalised) || hyphenated) compounds.set(i - 1, a.folded + b.folded);
  }
  return { tokens, keys, compounds };
}

function isDroppable(token: Token): boolean {
  const { surface } = token;
  if (surface.length > 1 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface)) return false;
  return isStopWord(token.folded);
}
