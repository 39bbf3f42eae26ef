/**
 * The parsed form of a topic query (see `parseQuery` for the language). Plain data: it can be
 * printed back with `formatQuery`, compiled with `compileQuery`, stored or compared in tests.
 */

/**
 * Where a term must appear. `title`: in the item's title. `lead`: in the title or the opening of
 * the text (its first two sentences, at most 400 characters), i.e. what the story is about.
 * Without a field a term may appear anywhere in the title or text.
 */
export type QueryField = "title" | "lead";

export const QUERY_FIELDS: readonly QueryField[] = ["title", "lead"];

/** A single word as written (`deal`, `Tik-Tok`), or a prefix (`divest*`, stored without the `*`). */
export interface TermNode {
  kind: "term";
  text: string;
  prefix: boolean;
  field?: QueryField;
  /** 0-based index of the term in the query string (of its field or `*`-less start). */
  position: number;
}

/** Words that must appear next to each other, in this order (`"executive order"`). */
export interface PhraseNode {
  kind: "phrase";
  text: string;
  field?: QueryField;
  position: number;
}

/** Every child must match (space, or the optional `AND` keyword). */
export interface AndNode {
  kind: "and";
  children: QueryNode[];
  position: number;
}

/** At least one child must match (`OR`). */
export interface OrNode {
  kind: "or";
  children: QueryNode[];
  position: number;
}

/** The child must not match (`-term`, `NOT term`, `-"phrase"`, `-(group)`). */
export interface NotNode {
  kind: "not";
  child: QueryNode;
  position: number;
}

export type QueryNode = TermNode | PhraseNode | AndNode | OrNode | NotNode;

/**
 * A query that cannot be parsed. `position` is the 0-based character index the problem is at;
 * `reason` is the plain explanation without it, so callers can point at the spot themselves;
 * `message` is both (`Unclosed parenthesis at 27`).
 */
export class QueryError extends Error {
  override readonly name = "QueryError";
  readonly reason: string;
  readonly position: number;

  constructor(reason: string, position: number) {
    super(`${reason} at ${position}`);
    this.reason = reason;
    this.position = position;
  }
}
