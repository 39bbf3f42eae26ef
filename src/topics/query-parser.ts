import { tokenize } from "../text/tokenize.ts";
import { QueryError, type QueryField, type QueryNode } from "./query.ts";
import { lexQuery, type QueryToken } from "./query-lexer.ts";

export type { QueryField, QueryNode } from "./query.ts";
export { QueryError } from "./query.ts";

const MAX_QUERY_LENGTH = 4000;
const MAX_DEPTH = 32;

/**
 * Parses a topic query. The language, as a user types it:
 *
 * - `tiktok bytedance` — both terms must appear (a space is AND; the keyword `AND` is optional).
 * - `tiktok OR bytedance` — either. `OR` is a keyword only in capitals: a lowercase `or` is an
 *   ordinary (stop) word. OR binds tighter than AND, as in web search engines:
 *   `tiktok oracle OR microsoft` means `tiktok (oracle OR microsoft)`.
 * - `( … )` — groups.
 * - `"executive order"` — a phrase: these words, next to each other, in this order. Straight,
 *   curly (“ ”) and French (« ») quotes all work.
 * - `-trend`, `NOT trend`, `-"phrase"`, `-(a OR b)` — must not appear.
 * - `divest*` — prefix: any word starting with `divest` (divests, divestiture).
 * - `title:tiktok`, `title:"executive order"`, `title:(a OR b)` — only in the title.
 * - `lead:tiktok`, `lead:(…)` — in the title or the opening of the text (first two sentences,
 *   at most 400 characters): the story is about it, not merely mentioning it.
 *
 * Matching (see `compileQuery`) ignores case and accents and finds English and French inflected
 * forms: `deal` finds `deals`, `décret` finds `DECRETS`, `rachat` finds `rachats`. A prefix is
 * needed for derived words (`divest` finds `divests`, `divest*` also finds `divestiture`).
 * A word written as one (`bytedance`) also finds the name written in two (`Byte Dance`), and a
 * phrase `"byte dance"` finds `ByteDance`. A stop word written in capitals (`AI`, `US`) is
 * searched as the acronym. Words in a field that is not `title:` or `lead:` (`re:Invent`) are
 * ordinary words. There is no proximity operator.
 *
 * A query must contain at least one positive term: one made only of exclusions, or with an
 * OR side that only excludes at top level (`-a OR b`), is an error.
 *
 * @throws QueryError with the 0-based position of the problem (`Unclosed parenthesis at 27`);
 *   never anything else, whatever the input.
 */
export function parseQuery(input: string): QueryNode {
  if (typeof input !== "string") throw new QueryError("A query must be text", 0);
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QueryError(`Query too long (at most ${MAX_QUERY_LENGTH} characters)`, MAX_QUERY_LENGTH);
  }
  const tokens = lexQuery(input);
  if (tokens.length === 0) throw new QueryError("Empty query", 0);
  const parser = new Parser(tokens);
  const root = parser.parseAnd(0);
  const rest = parser.peek();
  if (rest) throw new QueryError(`Unexpected "${rest.type}"`, rest.position);
  if (!root) throw new QueryError("Empty query", 0);
  checkPositive(root);
  return root;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: QueryToken[]) {}

  peek(): QueryToken | undefined {
    return this.tokens[this.index];
  }

  private next(): QueryToken {
    return this.tokens[this.index++]!;
  }

  /** A sequence of OR-expressions up to `)` or the end: implicit AND. */
  parseAnd(depth: number): QueryNode | undefined {
    const children: QueryNode[] = [];
    for (let t = this.peek(); t && t.type !== ")"; t = this.peek()) {
      if (t.type === "AND" || t.type === "OR") {
        // An OR here has no left side: parseOr consumes every OR that follows a term.
        if (t.type === "OR" || children.length === 0) {
          throw new QueryError(`Missing term before ${t.type}`, t.position);
        }
        this.next();
        if (!this.startsTerm(this.peek())) throw new QueryError("Missing term after AND", t.position);
        continue;
      }
      children.push(this.parseOr(depth));
    }
    return combine("and", children);
  }

  private parseOr(depth: number): QueryNode {
    const alternatives = [this.parseUnary(depth)];
    for (let t = this.peek(); t?.type === "OR"; t = this.peek()) {
      this.next();
      if (!this.startsTerm(this.peek())) throw new QueryError("Missing term after OR", t.position);
      alternatives.push(this.parseUnary(depth));
    }
    return combine("or", alternatives)!;
  }

  private parseUnary(depth: number): QueryNode {
    const t = this.next();
    if (depth > MAX_DEPTH)
      throw new QueryError(`Query nested too deeply (at most ${MAX_DEPTH} levels)`, t.position);
    if (t.type === "NOT" || t.type === "-") {
      const label = t.type === "NOT" ? "NOT" : '"-"';
      if (!this.startsTerm(this.peek())) throw new QueryError(`${label} needs a term`, t.position);
      return { kind: "not", child: this.parseUnary(depth + 1), position: t.position };
    }
    if (t.type === "field") {
      if (!this.startsTerm(this.peek())) throw new QueryError(`${t.field}: needs a term`, t.position);
      return applyField(this.parseUnary(depth + 1), t.field);
    }
    return this.parsePrimary(t, depth);
  }

  private parsePrimary(t: QueryToken, depth: number): QueryNode {
    switch (t.type) {
      case "word":
        return makeTerm(t.text, t.prefix, t.position);
      case "phrase":
        return makePhrase(t.text, t.position);
      case "(": {
        if (this.peek()?.type === ")") throw new QueryError("Empty parentheses", t.position);
        const inner = this.parseAnd(depth + 1);
        if (this.peek()?.type !== ")" || !inner) throw new QueryError("Unclosed parenthesis", t.position);
        this.next();
        return inner;
      }
      case ")":
        throw new QueryError('Unexpected ")"', t.position);
      default:
        throw new QueryError(`Missing term before ${t.type}`, t.position);
    }
  }

  private startsTerm(t: QueryToken | undefined): boolean {
    return t !== undefined && t.type !== ")" && t.type !== "OR" && t.type !== "AND";
  }
}

function makeTerm(text: string, prefix: boolean, position: number): QueryNode {
  const words = tokenize(text);
  if (words.length === 0) throw new QueryError(`Nothing to search for in "${text}"`, position);
  if (prefix && words.map((w) => w.folded).join("").length < 2) {
    throw new QueryError(`Prefix "${text}*" is too short (at least 2 letters)`, position);
  }
  return { kind: "term", text, prefix, position };
}

function makePhrase(raw: string, position: number): QueryNode {
  const text = raw.trim().replace(/\s+/gu, " ");
  if (tokenize(text).length === 0) throw new QueryError("Empty phrase", position);
  return { kind: "phrase", text, position };
}

/** Joins children; nested groups of the same kind are flattened (`(a OR b) OR c`). */
function combine(kind: "and" | "or", children: QueryNode[]): QueryNode | undefined {
  if (children.length <= 1) return children[0];
  const flat = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  return { kind, children: flat, position: flat[0]!.position };
}

/** `title:(a OR b)` puts the field on every term inside that has none of its own. */
function applyField(node: QueryNode, field: QueryField): QueryNode {
  switch (node.kind) {
    case "term":
    case "phrase":
      return node.field ? node : { ...node, field };
    case "not":
      return { ...node, child: applyField(node.child, field) };
    default:
      return { ...node, children: node.children.map((c) => applyField(c, field)) };
  }
}

/** True when every item the node matches contains at least one of its positive terms. */
export function requiresPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case "term":
    case "phrase":
      return true;
    case "not":
      return false;
    case "and":
      return node.children.some(requiresPositive);
    case "or":
      return node.children.every(requiresPositive);
  }
}

function checkPositive(root: QueryNode): void {
  if (requiresPositive(root)) return;
  const side = findExcludingSide(root);
  if (side) throw new QueryError("Each side of OR needs a positive term", side.position);
  throw new QueryError("A query needs at least one positive term (it only excludes)", root.position);
}

/** The OR alternative that lets a query match on exclusions alone, if that is the cause. */
function findExcludingSide(node: QueryNode): QueryNode | undefined {
  if (node.kind === "or") {
    const side = node.children.find((c) => !requiresPositive(c));
    if (side?.kind === "not") return side;
    return side && findExcludingSide(side);
  }
  if (node.kind === "and") {
    for (const child of node.children) {
      const side = child.kind === "not" ? undefined : findExcludingSide(child);
      if (side) return side;
    }
  }
  return undefined;
}

/**
 * The problem with a query in plain words, or undefined when it parses: fits the config
 * loader's `validateTopicQuery` hook and form validation (`Unclosed quote at 5`).
 */
export function checkQuery(query: string): string | undefined {
  try {
    parseQuery(query);
    return undefined;
  } catch (error) {
    if (error instanceof QueryError) return error.message;
    throw error;
  }
}
