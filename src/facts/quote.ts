import { isStopWord } from "../text/stopwords.ts";
import { type Token, tokenize } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import type { AnswerSpot, Span } from "./score-kind.ts";

// Clause edges: a comma or colon followed by a space (not `12,5` nor `April 24, 2024`), semicolons,
// dashes, brackets.
// A full stop after a lower-case word (not `M.` or `U.S.`) ends a sentence quoted inside another.
const CLAUSE_EDGE = /(?<!\d),\s|,\s(?!\d)|;\s?|:\s|\s[–—]\s|[()]|(?<=\p{Ll}{2})[.!?]\s+(?=[\p{Lu}«"“])/gu;
const MIN_QUOTE = 12;

/**
 * The part of a fact's sentence that answers: the fewest clauses holding the question's
 * concepts and the answer, widened over a list the answer belongs to (`Twitter, Netflix, ou
 * encore Walmart`). References the sentence leaves implicit are shown in brackets:
 * `Ce dernier [Oracle] va devenir…`.
 */
export function quoteAnswer(fact: Fact, anchors: readonly Span[], spot?: AnswerSpot): string {
  const text = fact.text;
  if (spot?.exact) return withReferents(fact, spot.start, spot.end, spot);
  const required = spot ? [...anchors, spot] : [...anchors];
  if (required.length === 0) return withReferents(fact, 0, text.length, spot);
  const clauses = clausesOf(text);
  const first = Math.min(...required.map((r) => r.start));
  const last = Math.max(...required.map((r) => Math.max(r.start, r.end - 1)));
  let a = clauses.findIndex((c) => c.end > first);
  let b = clauses.findIndex((c) => c.end > last);
  if (a < 0 || b < 0) return withReferents(fact, 0, text.length, spot);
  // `Alors que Twitter, Netflix, ou encore Walmart s'étaient montrés…`: take the whole list.
  while (a > 0 && continuesList(text, clauses[a]!) && endsWithName(text, clauses[a - 1]!)) a--;
  while (b < clauses.length - 1 && continuesList(text, clauses[b + 1]!) && isBareList(text, clauses[b + 1]!))
    b++;
  const quote = withReferents(fact, clauses[a]!.start, clauses[b]!.end, spot);
  return quote.length >= MIN_QUOTE ? quote : withReferents(fact, 0, text.length, spot);
}

function clausesOf(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_EDGE)) {
    clauses.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  clauses.push({ start, end: text.length });
  return clauses.filter((c) => c.end > c.start);
}

const LIST_WORDS = new Set(["ou", "et", "or", "and", "encore", "ainsi", "as", "well"]);

/** `Netflix` or `ou encore Walmart …`: a clause that carries on a list of names. */
function continuesList(text: string, clause: Span): boolean {
  const tokens = tokenize(text.slice(clause.start, clause.end));
  return isName(tokens[0]) || (LIST_WORDS.has(tokens[0]?.folded ?? "") && tokens.slice(0, 3).some(isName));
}

/** `Netflix`, `et Walmart`: only names and list words. */
function isBareList(text: string, clause: Span): boolean {
  const tokens = tokenize(text.slice(clause.start, clause.end));
  return tokens.length <= 5 && tokens.every((t) => isName(t) || LIST_WORDS.has(t.folded));
}

function endsWithName(text: string, clause: Span): boolean {
  return isName(tokenize(text.slice(clause.start, clause.end)).at(-1));
}

function isName(token: Token | undefined): boolean {
  return token?.capitalised === true && !isStopWord(token.folded);
}

function withReferents(fact: Fact, start: number, end: number, spot?: AnswerSpot): string {
  const inserts = fact.referents
    .filter((r) => r.at >= start && r.at <= end)
    .map((r) => ({ at: r.at, surface: r.surface }));
  if (spot?.insert && !inserts.some((i) => i.surface === spot.insert))
    inserts.push({ at: spot.end, surface: spot.insert });
  let out = "";
  let from = start;
  for (const insert of inserts.sort((x, y) => x.at - y.at)) {
    out += `${fact.text.slice(from, insert.at)} [${insert.surface}]`;
    from = insert.at;
  }
  out += fact.text.slice(from, end);
  return tidyQuote(out);
}

/** Trims edge punctuation and guillemets left open by the cut. */
function tidyQuote(quote: string): string {
  let out = quote.trim().replace(/^[,;:\s]+|[,;:\s]+$/g, "");
  const opened = (out.match(/[«“]/g) ?? []).length;
  const closed = (out.match(/[»”]/g) ?? []).length;
  if (opened > closed) out = out.replace(/^[«“]\s*/, "").replace(/^[«“]\s*/, "");
  if (closed > opened) out = out.replace(/\s*[»”]$/, "");
  return out.trim();
}
