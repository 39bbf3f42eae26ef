import { anchorChildrenOf, anchorGroupsOf, MAX_ANCHOR_GROUPS } from "./anchors.ts";
import { type CompiledLeaf, compileLeaf } from "./compile-leaf.ts";
import type { CompiledNode, CompiledQuery } from "./compiled-query.ts";
import { describeReason, type MissingReason } from "./describe-reasons.ts";
import { type PreparedDocument, ZONE_ANY } from "./document.ts";
import type { DocumentStats } from "./document-stats.ts";
import { formatQuery } from "./format-query.ts";
import type { QueryNode } from "./query.ts";
import { parseQuery } from "./query-parser.ts";

export type { CompiledNode, CompiledQuery } from "./compiled-query.ts";
export type { MissingReason } from "./describe-reasons.ts";
export { type DocumentInput, type PreparedDocument, prepareDocument } from "./document.ts";

/** The outcome of one query against one document. */
export interface QueryMatch {
  /** Exactly the boolean rule of the query: there is no threshold. */
  matched: boolean;
  /** Ranking only (0 when not matched): title > lead > body, rarer terms weigh more. */
  score: number;
  /** Positive terms found in the document (as written in the query), matched or not. */
  matchedTerms: string[];
  /** For a non-match, what was missing or what excluded it, in plain words. */
  missing: string[];
  reasons: MissingReason[];
}

// A term found in several zones scores each of them: mentioned in the title and the body beats
// mentioned only in the title. Title 3, lead 2, body 1, summed, by the zone bits (ZONE_*).
const ZONE_WEIGHTS = [0, 3, 2, 5, 1, 4, 3, 6];
const GROUP_LABEL_CHARS = 60;

/** Compiles a query (text or tree) once; throws QueryError for a bad query text. */
export function compileQuery(query: QueryNode | string): CompiledQuery {
  const node = typeof query === "string" ? parseQuery(query) : query;
  const leaves: CompiledLeaf[] = [];
  const positive: number[] = [];
  const build = (n: QueryNode, negated: boolean): CompiledNode => {
    switch (n.kind) {
      case "term":
      case "phrase":
        leaves.push(compileLeaf(n));
        if (!negated) positive.push(leaves.length - 1);
        return { kind: "leaf", leaf: leaves.length - 1, source: n };
      case "not":
        return { kind: "not", child: build(n.child, true), source: n };
      default:
        return { kind: n.kind, children: n.children.map((c) => build(c, negated)), source: n };
    }
  };
  const root = build(node, false);
  const anchorGroups = anchorGroupsOf(root, leaves);
  return { text: formatQuery(node), root, test: buildTest(root, leaves), anchorGroups, leaves, positive };
}

/** A node's truth on a document as a number (0: false), so that a leaf is its own `find`. */
type Test = (doc: PreparedDocument) => number;

function buildTest(node: CompiledNode, leaves: CompiledLeaf[]): (doc: PreparedDocument) => boolean {
  const test = buildNode(node, leaves);
  return (doc) => test(doc) !== 0;
}

function buildNode(node: CompiledNode, leaves: CompiledLeaf[]): Test {
  switch (node.kind) {
    case "leaf":
      return leaves[node.leaf]!.find;
    case "not": {
      const child = buildNode(node.child, leaves);
      return (doc) => (child(doc) === 0 ? 1 : 0);
    }
    case "and": {
      // Anchor children are true for the documents the topic index proposes: test them last.
      const anchored = new Set(anchorChildrenOf(node.children, leaves, MAX_ANCHOR_GROUPS));
      const ordered = [
        ...node.children.filter((_, i) => !anchored.has(i)),
        ...[...anchored].map((i) => node.children[i]!),
      ];
      const tests = ordered.map((c) => buildNode(c, leaves));
      return (doc) => {
        for (const test of tests) if (test(doc) === 0) return 0;
        return 1;
      };
    }
    case "or": {
      const tests = node.children.map((c) => buildNode(c, leaves));
      return (doc) => {
        for (const test of tests) if (test(doc) !== 0) return 1;
        return 0;
      };
    }
  }
}

/** The boolean rule alone: the fast path used when matching many topics. */
export function testDocument(compiled: CompiledQuery, doc: PreparedDocument): boolean {
  return compiled.test(doc);
}

/** Matches one compiled query against one prepared document, with score and explanation. */
export function matchDocument(
  compiled: CompiledQuery,
  doc: PreparedDocument,
  stats?: DocumentStats,
): QueryMatch {
  const zones = compiled.leaves.map((leaf) => leaf.find(doc));
  const matched = evaluateWith(compiled.root, zones);
  const { score, matchedTerms } = scoreZones(compiled, zones, stats);
  const reasons = matched ? [] : explainNode(compiled.root, compiled.leaves, zones);
  return {
    matched,
    score: matched ? score : 0,
    matchedTerms,
    missing: reasons.map((r) => describeReason(r, "en")),
    reasons,
  };
}

/** Score and matched terms of a document already known to match (`compiled.test(doc)`). */
export function scoreDocument(
  compiled: CompiledQuery,
  doc: PreparedDocument,
  stats?: DocumentStats,
): { score: number; matchedTerms: string[] } {
  const zones: number[] = [];
  for (const i of compiled.positive) zones[i] = compiled.leaves[i]!.find(doc);
  return scoreZones(compiled, zones, stats);
}

/** Score and matched terms from the zones each positive leaf was found in (`zones[leafIndex]`). */
export function scoreZones(
  compiled: CompiledQuery,
  zones: number[],
  stats: DocumentStats | undefined,
): { score: number; matchedTerms: string[] } {
  const matchedTerms: string[] = [];
  let score = 0;
  for (const i of compiled.positive) {
    const found = zones[i]!;
    if (found === 0) continue;
    const leaf = compiled.leaves[i]!;
    if (!matchedTerms.includes(leaf.label)) matchedTerms.push(leaf.label);
    score += zoneWeight(found) * inverseFrequency(leaf, stats);
  }
  return { score: Math.round(score * 1000) / 1000, matchedTerms };
}

function evaluateWith(node: CompiledNode, zones: number[]): boolean {
  switch (node.kind) {
    case "leaf":
      return zones[node.leaf] !== 0;
    case "not":
      return !evaluateWith(node.child, zones);
    case "and":
      return node.children.every((c) => evaluateWith(c, zones));
    case "or":
      return node.children.some((c) => evaluateWith(c, zones));
  }
}

function zoneWeight(zones: number): number {
  return ZONE_WEIGHTS[zones & ZONE_ANY]!;
}

/** BM25's idf: always positive, 1 without statistics so scores still rank by zone. */
function inverseFrequency(leaf: CompiledLeaf, stats: DocumentStats | undefined): number {
  if (!stats || stats.documents === 0) return 1;
  const counts = leaf.statKeys.map((k) => stats.frequencies.get(k) ?? 0);
  const df = leaf.statMode === "min" ? Math.min(...counts) : Math.max(...counts);
  return Math.log(1 + (stats.documents - df + 0.5) / (df + 0.5));
}

/** Why a node is false; called only on false nodes. */
function explainNode(node: CompiledNode, leaves: CompiledLeaf[], zones: number[]): MissingReason[] {
  switch (node.kind) {
    case "leaf":
      return [{ kind: "needs", terms: [leaves[node.leaf]!.label] }];
    case "or": {
      // Single terms are listed; a group alternative says what it lacks itself, which is
      // more useful than printing the group back.
      const terms: string[] = [];
      const otherwise: MissingReason[][] = [];
      for (const child of node.children) {
        if (child.kind === "leaf") terms.push(leaves[child.leaf]!.label);
        else otherwise.push(explainNode(child, leaves, zones));
      }
      return [
        otherwise.length > 0 ? { kind: "needs-one-of", terms, otherwise } : { kind: "needs-one-of", terms },
      ];
    }
    case "not": {
      const present = collectLeaves(node.child).filter((i) => zones[i] !== 0);
      const terms = present.length > 0 ? present.map((i) => leaves[i]!.label) : [labelOf(node.child, leaves)];
      return [{ kind: "excluded", terms }];
    }
    case "and": {
      const reasons: MissingReason[] = [];
      for (const child of node.children) {
        if (evaluateWith(child, zones)) continue;
        for (const reason of explainNode(child, leaves, zones)) {
          const last = reasons.at(-1);
          if (last?.kind === "needs" && reason.kind === "needs") last.terms.push(...reason.terms);
          else reasons.push(reason);
        }
      }
      return reasons;
    }
  }
}

function collectLeaves(node: CompiledNode): number[] {
  if (node.kind === "leaf") return [node.leaf];
  if (node.kind === "not") return collectLeaves(node.child);
  return node.children.flatMap(collectLeaves);
}

function labelOf(node: CompiledNode, leaves: CompiledLeaf[]): string {
  if (node.kind === "leaf") return leaves[node.leaf]!.label;
  const text = formatQuery(node.source);
  const label = node.kind === "and" || node.kind === "or" ? `(${text})` : text;
  return label.length > GROUP_LABEL_CHARS ? `${label.slice(0, GROUP_LABEL_CHARS - 1)}…)` : label;
}
