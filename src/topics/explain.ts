import type { Lang, Topic } from "../model.ts";
import { describeReason, type MissingReason } from "./describe-reasons.ts";
import { type PreparedDocument, prepareDocument } from "./document.ts";
import { collectDocumentStats, type DocumentStats } from "./document-stats.ts";
import { compileQuery, matchDocument } from "./match.ts";

/** The text of an item as explain and test read it (a stored Item fits). */
export interface ItemText {
  id: string;
  title: string;
  text: string;
  lang?: Lang;
}

/** Whether one item matches one topic, and why: as data and as one plain sentence. */
export interface TopicExplanation {
  topic: string;
  name: string;
  matched: boolean;
  score: number;
  /** Positive terms of the query found in the item (also for a non-match: what was there). */
  matchedTerms: string[];
  /** What was missing or excluded, in plain English (empty for a match). */
  missing: string[];
  reasons: MissingReason[];
  /** E.g. `Matches "TikTok US deal" (tiktok-deal) on: tiktok, oracle, deal.` */
  sentence: string;
}

/** Options for explanations: the sentence's language and optional frequencies for scores. */
export interface ExplainOptions {
  lang?: Lang;
  stats?: DocumentStats;
}

/**
 * Explains one topic against one item (`newsdesk why ITEM_ID`, `/why`). Pass a prepared
 * document when explaining many topics for the same item. Throws QueryError for a bad query.
 */
export function explainMatch(
  topic: Pick<Topic, "id" | "name" | "query">,
  item: ItemText | PreparedDocument,
  options: ExplainOptions = {},
): TopicExplanation {
  const doc = "keys" in item ? item : prepareDocument(item);
  const result = matchDocument(compileQuery(topic.query), doc, options.stats);
  return {
    topic: topic.id,
    name: topic.name,
    matched: result.matched,
    score: result.score,
    matchedTerms: result.matchedTerms,
    missing: result.missing,
    reasons: result.reasons,
    sentence: writeSentence(topic, result.matched, result.matchedTerms, result.reasons, options.lang ?? "en"),
  };
}

/** Explains every topic for one item, analysing the item once. */
export function explainItem(
  topics: readonly Pick<Topic, "id" | "name" | "query">[],
  item: ItemText,
  options: ExplainOptions = {},
): TopicExplanation[] {
  const doc = prepareDocument(item);
  return topics.map((topic) => explainMatch(topic, doc, options));
}

/** One item a tested query matches. */
export interface QueryTestMatch {
  id: string;
  title: string;
  score: number;
  matchedTerms: string[];
}

/** What a query would match among items (`newsdesk topics test --query Q`, `/topic test`). */
export interface QueryTestResult {
  /** The query as understood, in canonical form (shows how OR and groups were read). */
  query: string;
  /** Number of items checked. */
  checked: number;
  /** Matching items, best first (ties keep the items' order). */
  matches: QueryTestMatch[];
}

/**
 * Runs a query over items before it is saved as a topic. Term rarity is measured over these
 * same items. Throws QueryError for a bad query.
 */
export function testQuery(query: string, items: readonly ItemText[]): QueryTestResult {
  const compiled = compileQuery(query);
  const docs = items.map((item) => prepareDocument(item));
  const stats = collectDocumentStats(docs);
  const matches: (QueryTestMatch & { order: number })[] = [];
  docs.forEach((doc, order) => {
    const result = matchDocument(compiled, doc, stats);
    if (!result.matched) return;
    const item = items[order]!;
    matches.push({
      id: item.id,
      title: item.title,
      score: result.score,
      matchedTerms: result.matchedTerms,
      order,
    });
  });
  matches.sort((a, b) => b.score - a.score || a.order - b.order);
  return {
    query: compiled.text,
    checked: items.length,
    matches: matches.map(({ order: _order, ...match }) => match),
  };
}

function writeSentence(
  topic: Pick<Topic, "id" | "name">,
  matched: boolean,
  matchedTerms: string[],
  reasons: MissingReason[],
  lang: Lang,
): string {
  const name = lang === "fr" ? `« ${topic.name} » (${topic.id})` : `"${topic.name}" (${topic.id})`;
  const colon = lang === "fr" ? " : " : ": ";
  if (matched) {
    const head = lang === "fr" ? `Correspond à ${name} grâce à` : `Matches ${name} on`;
    return `${head}${colon}${matchedTerms.join(", ")}.`;
  }
  const head = lang === "fr" ? `Ne correspond pas à ${name}` : `Does not match ${name}`;
  return `${head}${colon}${reasons.map((r) => describeReason(r, lang)).join("; ")}.`;
}
