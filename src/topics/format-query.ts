import type { QueryError, QueryNode } from "./query.ts";

/**
 * Writes a parsed query back in the query language; `parseQuery(formatQuery(n))` gives `n` again
 * (positions aside). Groups get parentheses wherever they make the reading unambiguous.
 */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case "term":
      return `${node.field ? `${node.field}:` : ""}${node.text}${node.prefix ? "*" : ""}`;
    case "phrase":
      return `${node.field ? `${node.field}:` : ""}"${node.text}"`;
    case "not":
      return `-${wrap(node.child, node.child.kind === "and" || node.child.kind === "or")}`;
    case "or":
      return node.children.map((c) => wrap(c, c.kind === "and")).join(" OR ");
    case "and":
      return node.children.map((c) => wrap(c, c.kind === "or")).join(" ");
  }
}

function wrap(node: QueryNode, parenthesise: boolean): string {
  const text = formatQuery(node);
  return parenthesise ? `(${text})` : text;
}

/**
 * The query with a caret under the problem, for a terminal or a code block:
 * ```
 * (tiktok OR bytedance oracle
 * ^ Unclosed parenthesis at 0
 * ```
 * Line breaks in the query are shown as spaces so the caret lines up.
 */
export function pointAtQueryError(query: string, error: QueryError): string {
  const line = query.replace(/[\r\n\t]/g, " ");
  const column = Math.max(0, Math.min(error.position, line.length));
  return `${line}\n${" ".repeat(column)}^ ${error.message}`;
}
