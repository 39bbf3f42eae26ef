import type { Topic } from "../model.ts";
import { hashTerm } from "../text/word-forms.ts";
import type { PreparedDocument } from "./document.ts";
import type { DocumentStats } from "./document-stats.ts";
import { type CompiledQuery, compileQuery, scoreZones } from "./match.ts";
import { QueryError } from "./query.ts";
import { TermTable } from "./term-table.ts";
import {
  compileTopicPrograms,
  leafZones,
  runProgram,
  scoreTopic,
  type TopicPrograms,
} from "./topic-programs.ts";

/** A topic as the matcher needs it. */
export type TopicQuery = Pick<Topic, "id" | "query">;

/** One topic an item matched: `topic` and `score` as in the model's TopicMatch, plus why. */
export interface TopicHit {
  topic: string;
  score: number;
  matchedTerms: string[];
}

/**
 * Many topics compiled once and indexed by the keys any match must contain, so that for each
 * document only the topics that could match are evaluated.
 */
export interface TopicMatcher {
  topics: readonly { id: string; compiled: CompiledQuery }[];
  /**
   * Anchor (key, or `=word`) → postings `topic * 2 + group`: a topic is a candidate once one
   * anchor of each of its groups is in the document.
   */
  index: ReadonlyMap<string, readonly number[]>;
  /** Per topic, the bit mask of its anchor groups (0 for topics tested on every document). */
  required: Uint8Array;
  /** Topics without anchors (e.g. only prefixes): evaluated for every document. */
  always: readonly number[];
  /** Whether any anchor is a folded word (`=word`); if not, documents' words are not looked up. */
  wordAnchors: boolean;
  /**
   * The index as matching probes it: a document's keys (and words, for `=word` anchors) are
   * looked up with the hashes they carry; each value is 1 + the position of the anchor's
   * postings in `postings`.
   */
  keyAnchors: TermTable;
  wordAnchorTable: TermTable;
  postings: (readonly number[])[];
  /** The topics' rules and leaves as compact data, evaluated for the candidates. */
  programs: TopicPrograms;
  /**
   * Scratch space reused across documents: `seen` bits count only where `stamp === generation`;
   * `candidates` holds each topic at most once per document.
   */
  scratch: { stamp: Uint32Array; seen: Uint8Array; generation: number; candidates: Int32Array };
}

const ADDED = 0x80;
/** Scratch for one topic's leaf zones while it is scored (refilled for each topic). */
const zones: number[] = [];

/**
 * Compiles every topic's query. A bad query throws a QueryError that names the topic
 * (`Topic "x": Unclosed quote at 5`) and keeps the position within its query.
 */
export function createTopicMatcher(topics: readonly TopicQuery[]): TopicMatcher {
  const compiledTopics: { id: string; compiled: CompiledQuery }[] = [];
  const index = new Map<string, number[]>();
  const always: number[] = [];
  const required = new Uint8Array(topics.length);
  for (const topic of topics) {
    let compiled: CompiledQuery;
    try {
      compiled = compileQuery(topic.query);
    } catch (error) {
      if (error instanceof QueryError)
        throw new QueryError(`Topic "${topic.id}": ${error.reason}`, error.position);
      throw error;
    }
    const n = compiledTopics.push({ id: topic.id, compiled }) - 1;
    const groups = compiled.anchorGroups;
    if (groups.length === 0) always.push(n);
    required[n] = (1 << groups.length) - 1;
    groups.forEach((anchors, group) => {
      for (const anchor of anchors) {
        const list = index.get(anchor);
        if (list) list.push(n * 2 + group);
        else index.set(anchor, [n * 2 + group]);
      }
    });
  }
  const wordAnchors = [...index.keys()].some((k) => k.startsWith("="));
  const keyAnchors = new TermTable();
  const wordAnchorTable = new TermTable();
  const postings: (readonly number[])[] = [];
  for (const [anchor, list] of index) {
    postings.push(list);
    const word = anchor.startsWith("=") ? anchor.slice(1) : undefined;
    if (word === undefined) keyAnchors.or(anchor, hashTerm(anchor), postings.length);
    else wordAnchorTable.or(word, hashTerm(word), postings.length);
  }
  const scratch = {
    stamp: new Uint32Array(topics.length),
    seen: new Uint8Array(topics.length),
    generation: 0,
    candidates: new Int32Array(topics.length),
  };
  return {
    topics: compiledTopics,
    index,
    required,
    always,
    wordAnchors,
    keyAnchors,
    wordAnchorTable,
    postings,
    programs: compileTopicPrograms(compiledTopics),
    scratch,
  };
}

/** The topics a prepared document matches, best score first (ties in topic order). */
export function matchTopics(matcher: TopicMatcher, doc: PreparedDocument, stats?: DocumentStats): TopicHit[] {
  // Candidates in topic order, then a stable sort by score: ties keep the topics' order.
  const candidates = collectCandidates(matcher, doc).sort();
  const { programs } = matcher;
  const { generation } = matcher.scratch;
  const hits: TopicHit[] = [];
  for (const n of candidates) {
    if (!runProgram(programs, doc, n, generation)) continue;
    const { score, matchedTerms } = stats
      ? scoreWithStats(matcher, doc, n, stats)
      : scoreTopic(programs, doc, n, generation);
    hits.push({ topic: matcher.topics[n]!.id, score, matchedTerms });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** Scores topic `n` as `scoreDocument` would, leaves read once per document (see `leafZones`). */
function scoreWithStats(matcher: TopicMatcher, doc: PreparedDocument, n: number, stats: DocumentStats) {
  const { programs } = matcher;
  const { compiled } = matcher.topics[n]!;
  const start = programs.leafStart[n]!;
  for (const i of compiled.positive) {
    zones[i] = leafZones(programs.leaves, doc, programs.leafIds[start + i]!, matcher.scratch.generation);
  }
  return scoreZones(compiled, zones, stats);
}

/** Topics whose every anchor group is hit, in the order found (a view of the scratch space). */
function collectCandidates(matcher: TopicMatcher, doc: PreparedDocument): Int32Array {
  const { required, scratch } = matcher;
  scratch.generation = (scratch.generation + 1) >>> 0;
  if (scratch.generation === 0) {
    scratch.stamp.fill(0);
    matcher.programs.leaves.stamps.fill(0);
    scratch.generation = 1;
  }
  const { stamp, seen, generation, candidates } = scratch;
  let count = 0;
  for (const n of matcher.always) candidates[count++] = n;
  const visit = (list: readonly number[]) => {
    for (const posting of list) {
      const n = posting >>> 1;
      if (stamp[n] !== generation) {
        stamp[n] = generation;
        seen[n] = 0;
      }
      const bits = seen[n]! | (1 << (posting & 1));
      seen[n] = bits;
      if (bits === required[n]) {
        seen[n] = bits | ADDED;
        candidates[count++] = n;
      }
    }
  };
  const { keyAnchors, wordAnchorTable, postings } = matcher;
  const visitAt = (at: number) => visit(postings[at - 1]!);
  keyAnchors.visitShared(doc.keyTable, visitAt);
  if (matcher.wordAnchors) wordAnchorTable.visitShared(doc.wordTable, visitAt);
  return candidates.subarray(0, count);
}
