import { foldText } from "../text/fold.ts";
import type { QueryNode } from "../topics/query.ts";
import { parseQuery } from "../topics/query-parser.ts";

/**
 * The matching baseline: what a bot without newsdesk's matcher does. Each topic's query is
 * parsed with the same parser, then every term becomes one regular expression over folded text
 * (case and accents removed once per item): a word-boundary regex per term (`\bdeal\b`), per
 * prefix (`\bdivest`), per phrase (`\bexecutive\W+order\b`); fields test the folded title or
 * title + lead. AND, OR and NOT are evaluated per topic with short-circuiting. Regexes are
 * compiled once per topic; nothing is shared between topics (that sharing is the product's idea).
 */
export interface FoldedDocument {
  /** Folded title + text. */
  all: string;
  title: string;
  /** Folded title + the opening of the text (the `lead:` field). */
  lead: string;
}

export type RegexTopic = (doc: FoldedDocument) => boolean;

/** Characters of the text the `lead:` field reads, as the product's lead is at most 400. */
const LEAD_CHARS = 400;

export function compileRegexTopic(query: string): RegexTopic {
  return compileNode(parseQuery(query));
}

export function foldDocument(title: string, text: string): FoldedDocument {
  const foldedTitle = foldText(title);
  const foldedText = foldText(text);
  return {
    all: `${foldedTitle}\n${foldedText}`,
    title: foldedTitle,
    lead: `${foldedTitle}\n${foldedText.slice(0, LEAD_CHARS)}`,
  };
}

function compileNode(node: QueryNode): RegexTopic {
  switch (node.kind) {
    case "term":
    case "phrase": {
      const regex = regexOf(node.text, node.kind === "term" && node.prefix);
      if (node.field === "title") return (doc) => regex.test(doc.title);
      if (node.field === "lead") return (doc) => regex.test(doc.lead);
      return (doc) => regex.test(doc.all);
    }
    case "not": {
      const child = compileNode(node.child);
      return (doc) => !child(doc);
    }
    case "and": {
      const children = node.children.map(compileNode);
      return (doc) => children.every((child) => child(doc));
    }
    case "or": {
      const children = node.children.map(compileNode);
      return (doc) => children.some((child) => child(doc));
    }
  }
}

function regexOf(text: string, prefix: boolean): RegExp {
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(escapeRegex);
  const body = words.join("\\W+");
  return new RegExp(`\\b${body}${prefix ? "" : "\\b"}`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
