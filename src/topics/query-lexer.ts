import { QUERY_FIELDS, QueryError, type QueryField } from "./query.ts";

/** One lexical unit of a query, with the index it starts at. */
export type QueryToken =
  | { type: "(" | ")" | "OR" | "AND" | "NOT" | "-"; position: number }
  | { type: "word"; text: string; prefix: boolean; position: number }
  | { type: "phrase"; text: string; position: number }
  | { type: "field"; field: QueryField; position: number };

// Straight and typographic quotes both delimit phrases: phones and Discord turn " into “ ”,
// and French users type « ».
const QUOTES = new Set(['"', "“", "”", "„", "«", "»"]);
const SPACE = /\s/u;
const FIELD_PREFIX = /^([A-Za-z]+):/;

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || SPACE.test(ch) || ch === "(" || ch === ")" || QUOTES.has(ch);
}

/**
 * Splits a query into tokens. Throws `QueryError` for what can be seen without the grammar:
 * an unclosed quote, a `-` with nothing after it, a misplaced `*`, text glued to a phrase.
 */
export function lexQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      tokens.push({ type: ch, position: i });
      i++;
    } else if (QUOTES.has(ch)) {
      i = readPhrase(input, i, tokens);
    } else {
      let end = i;
      while (!isBoundary(input[end])) end++;
      readWord(input, input.slice(i, end), i, tokens);
      i = end;
    }
  }
  return tokens;
}

function readPhrase(input: string, start: number, tokens: QueryToken[]): number {
  let close = start + 1;
  while (close < input.length && !QUOTES.has(input[close]!)) close++;
  if (close >= input.length) throw new QueryError("Unclosed quote", start);
  tokens.push({ type: "phrase", text: input.slice(start + 1, close), position: start });
  const after = close + 1;
  const next = input[after];
  if (next === undefined || SPACE.test(next) || next === ")") return after;
  if (next === "*") throw new QueryError('A prefix "*" works on single words, not phrases', after);
  if (next === "~") throw new QueryError('Proximity "~" is not supported', after);
  throw new QueryError("Expected a space after the closing quote", after);
}

function readWord(input: string, word: string, position: number, tokens: QueryToken[]): void {
  if (word === "OR" || word === "AND" || word === "NOT") {
    tokens.push({ type: word, position });
    return;
  }
  if (word.startsWith("-")) {
    const next = input[position + 1];
    // `-(…)` and `-"…"` are fine; a lone `-` or `- term` is not.
    if (next === undefined || SPACE.test(next) || next === ")") {
      throw new QueryError('"-" needs a term right after it', position);
    }
    tokens.push({ type: "-", position });
    if (word.length > 1) readWord(input, word.slice(1), position + 1, tokens);
    return;
  }
  const field = FIELD_PREFIX.exec(word);
  const name = field?.[1]?.toLowerCase() as QueryField | undefined;
  // Only known fields are fields: `re:Invent` or `12:30` stay ordinary words.
  if (field && name && QUERY_FIELDS.includes(name)) {
    const restStart = position + field[0].length;
    const next = input[restStart];
    if (restStart === position + word.length && next !== "(" && !QUOTES.has(next ?? "")) {
      throw new QueryError(`${name}: needs a term right after it`, position);
    }
    tokens.push({ type: "field", field: name, position });
    if (restStart < position + word.length) readWord(input, word.slice(field[0].length), restStart, tokens);
    return;
  }
  const star = word.indexOf("*");
  if (star === -1) {
    tokens.push({ type: "word", text: word, prefix: false, position });
    return;
  }
  if (word.length === 1) throw new QueryError('"*" needs a word before it', position);
  if (star !== word.length - 1) throw new QueryError('"*" goes at the end of a word', position + star);
  tokens.push({ type: "word", text: word.slice(0, -1), prefix: true, position });
}
