import { anchorChildrenOf, MAX_ANCHOR_GROUPS } from "./anchors.ts";
import type { CompiledLeaf } from "./compile-leaf.ts";
import type { CompiledNode, CompiledQuery } from "./compiled-query.ts";
import { type PreparedDocument, ZONE_ANY } from "./document.ts";

/**
 * Many topics' boolean rules as data: each rule is a small program in one array of numbers, and
 * each distinct word leaf is one row of a few arrays. A document's candidate topics are spread
 * across the whole set; closures per topic would each be a separate object to fetch from memory,
 * where these arrays stay compact. A leaf is evaluated at most once per document: topics share
 * words, and a matched topic's leaves are read again for its score.
 *
 * Program layout, from a node's offset: LEAF id | NOT child | AND n child… | OR n child…
 * (children are offsets). Rules mean exactly what `CompiledQuery.test` means.
 */
export interface TopicPrograms {
  code: Int32Array;
  /** Offset of each topic's root node in `code`. */
  roots: Int32Array;
  /** Each topic's leaves as leaf ids, from `leafStart[topic]`, in the order of `compiled.leaves`. */
  leafStart: Int32Array;
  leafIds: Int32Array;
  leaves: LeafRows;
  /**
   * Scores as data: each topic's positive leaves (`compiled.positive`) from `positiveStart[topic]`,
   * as leaf ids, with their labels and, for a label written twice, the position of its previous
   * occurrence in the same topic (-1 for none).
   */
  positiveStart: Int32Array;
  positiveIds: Int32Array;
  positiveLabels: string[];
  sameLabelBefore: Int32Array;
}

/** The distinct leaves: word leaves as data, phrases and prefixes by their `find`. */
export interface LeafRows {
  /** WORDS, KEYS or FIND. */
  kinds: Uint8Array;
  masks: Uint8Array;
  /** Up to two terms and their hashes (a third or more sends the leaf to FIND). */
  firstTerms: string[];
  firstHashes: Int32Array;
  secondTerms: (string | undefined)[];
  secondHashes: Int32Array;
  finds: (((doc: PreparedDocument) => number) | undefined)[];
  /** Zones found for the document of generation `stamps[id]`. */
  zones: Int32Array;
  stamps: Uint32Array;
}

const LEAF = 0;
const NOT = 1;
const AND = 2;
const OR = 3;

const WORDS = 0;
const KEYS = 1;
const FIND = 2;

export function compileTopicPrograms(topics: readonly { compiled: CompiledQuery }[]): TopicPrograms {
  const code: number[] = [];
  const roots: number[] = [];
  const leafStart: number[] = [];
  const leafIds: number[] = [];
  const rows: CompiledLeaf[] = [];
  const idOfLeaf = new Map<string, number>();
  const positiveStart: number[] = [];
  const positiveIds: number[] = [];
  const positiveLabels: string[] = [];
  const sameLabelBefore: number[] = [];
  for (const { compiled } of topics) {
    leafStart.push(leafIds.length);
    for (const leaf of compiled.leaves) leafIds.push(internLeaf(leaf, rows, idOfLeaf));
    const ids = leafIds.slice(leafStart.at(-1));
    roots.push(emit(compiled.root, compiled.leaves, ids, code));
    positiveStart.push(positiveIds.length);
    const labels = compiled.positive.map((i) => compiled.leaves[i]!.label);
    compiled.positive.forEach((i, k) => {
      positiveIds.push(ids[i]!);
      positiveLabels.push(labels[k]!);
      sameLabelBefore.push(k === 0 ? -1 : labels.lastIndexOf(labels[k]!, k - 1));
    });
  }
  leafStart.push(leafIds.length);
  positiveStart.push(positiveIds.length);
  return {
    code: Int32Array.from(code),
    roots: Int32Array.from(roots),
    leafStart: Int32Array.from(leafStart),
    leafIds: Int32Array.from(leafIds),
    leaves: createRows(rows),
    positiveStart: Int32Array.from(positiveStart),
    positiveIds: Int32Array.from(positiveIds),
    positiveLabels,
    sameLabelBefore: Int32Array.from(sameLabelBefore),
  };
}

// As in match.ts: title 3, lead 2, body 1, summed, by the zone bits.
const ZONE_WEIGHTS = [0, 3, 2, 5, 1, 4, 3, 6];
/** Scratch for one topic's positive leaves' zones while it is scored. */
const found: number[] = [];

/**
 * `scoreZones` (match.ts) without document statistics, from the rows: the score is the sum of
 * the zone weights of the positive leaves found (each leaf's rarity counts 1, so the sum is a
 * whole number and rounds to itself), and the matched terms are their labels, each once.
 */
export function scoreTopic(
  programs: TopicPrograms,
  doc: PreparedDocument,
  topic: number,
  generation: number,
): { score: number; matchedTerms: string[] } {
  const { positiveIds, positiveLabels, sameLabelBefore } = programs;
  const start = programs.positiveStart[topic]!;
  const end = programs.positiveStart[topic + 1]!;
  const matchedTerms: string[] = [];
  let score = 0;
  for (let k = start; k < end; k++) {
    const zones = leafZones(programs.leaves, doc, positiveIds[k]!, generation);
    found[k - start] = zones;
    if (zones === 0) continue;
    score += ZONE_WEIGHTS[zones & ZONE_ANY]!;
    if (!isLabelListed(sameLabelBefore, start, k)) matchedTerms.push(positiveLabels[k]!);
  }
  return { score, matchedTerms };
}

/** Whether an earlier found leaf of the topic (from `start`) has the label of leaf `k`. */
function isLabelListed(sameLabelBefore: Int32Array, start: number, k: number): boolean {
  for (let j = sameLabelBefore[k]!; j >= 0; j = sameLabelBefore[start + j]!) if (found[j] !== 0) return true;
  return false;
}

/**
 * Word leaves that read the same terms in the same zones are one row. So are phrases and
 * prefixes written alike: a label is the field and the text as written (`formatQuery`), which
 * is all their `find` depends on, and topics often share them.
 */
function internLeaf(leaf: CompiledLeaf, rows: CompiledLeaf[], idOfLeaf: Map<string, number>): number {
  const probe = leaf.probe;
  const key =
    !probe || probe.terms.length > 2
      ? `f|${leaf.label}`
      : `${probe.inWords ? "w" : "k"}${probe.mask}|${probe.terms.join("|")}`;
  let id = idOfLeaf.get(key);
  if (id === undefined) {
    id = rows.push(leaf) - 1;
    idOfLeaf.set(key, id);
  }
  return id;
}

function createRows(leaves: readonly CompiledLeaf[]): LeafRows {
  const count = leaves.length;
  const rows: LeafRows = {
    kinds: new Uint8Array(count),
    masks: new Uint8Array(count),
    firstTerms: new Array(count).fill(""),
    firstHashes: new Int32Array(count),
    secondTerms: new Array(count).fill(undefined),
    secondHashes: new Int32Array(count),
    finds: new Array(count).fill(undefined),
    zones: new Int32Array(count),
    stamps: new Uint32Array(count),
  };
  leaves.forEach((leaf, id) => {
    const probe = leaf.probe;
    if (!probe || probe.terms.length > 2) {
      rows.kinds[id] = FIND;
      rows.finds[id] = leaf.find;
      return;
    }
    rows.kinds[id] = probe.inWords ? WORDS : KEYS;
    rows.masks[id] = probe.mask;
    rows.firstTerms[id] = probe.terms[0]!;
    rows.firstHashes[id] = probe.hashes[0]!;
    rows.secondTerms[id] = probe.terms[1];
    rows.secondHashes[id] = probe.hashes[1] ?? 0;
  });
  return rows;
}

/** Writes a node (children first) and returns its offset. */
function emit(
  node: CompiledNode,
  leaves: readonly CompiledLeaf[],
  ids: readonly number[],
  code: number[],
): number {
  switch (node.kind) {
    case "leaf": {
      const at = code.length;
      code.push(LEAF, ids[node.leaf]!);
      return at;
    }
    case "not": {
      const child = emit(node.child, leaves, ids, code);
      const at = code.length;
      code.push(NOT, child);
      return at;
    }
    case "and":
    case "or": {
      let children = node.children;
      if (node.kind === "and") {
        // As in `CompiledQuery.test`: anchored children hold for the index's candidates, so last.
        const anchored = new Set(anchorChildrenOf(children, leaves, MAX_ANCHOR_GROUPS));
        children = [
          ...children.filter((_, i) => !anchored.has(i)),
          ...[...anchored].map((i) => children[i]!),
        ];
      }
      const offsets = children.map((child) => emit(child, leaves, ids, code));
      const at = code.length;
      code.push(node.kind === "and" ? AND : OR, offsets.length, ...offsets);
      return at;
    }
  }
}

/** Whether the document satisfies topic `topic`'s rule (`generation` numbers the document). */
export function runProgram(
  programs: TopicPrograms,
  doc: PreparedDocument,
  topic: number,
  generation: number,
): boolean {
  return evaluate(programs, doc, programs.roots[topic]!, generation);
}

function evaluate(programs: TopicPrograms, doc: PreparedDocument, at: number, generation: number): boolean {
  const { code } = programs;
  switch (code[at]) {
    case LEAF:
      return leafZones(programs.leaves, doc, code[at + 1]!, generation) !== 0;
    case NOT:
      return !evaluate(programs, doc, code[at + 1]!, generation);
    case AND: {
      const end = at + 2 + code[at + 1]!;
      for (let k = at + 2; k < end; k++) if (!evaluate(programs, doc, code[k]!, generation)) return false;
      return true;
    }
    default: {
      const end = at + 2 + code[at + 1]!;
      for (let k = at + 2; k < end; k++) if (evaluate(programs, doc, code[k]!, generation)) return true;
      return false;
    }
  }
}

/** The zones of leaf `id` in the document, computed once per document (per `generation`). */
export function leafZones(rows: LeafRows, doc: PreparedDocument, id: number, generation: number): number {
  if (rows.stamps[id] === generation) return rows.zones[id]!;
  let zones: number;
  const kind = rows.kinds[id];
  if (kind === FIND) {
    zones = rows.finds[id]!(doc);
  } else {
    const table = kind === WORDS ? doc.wordTable : doc.keyTable;
    zones = table.get(rows.firstTerms[id]!, rows.firstHashes[id]!);
    const second = rows.secondTerms[id];
    if (second !== undefined) zones |= table.get(second, rows.secondHashes[id]!);
    zones &= rows.masks[id]!;
  }
  rows.stamps[id] = generation;
  rows.zones[id] = zones;
  return zones;
}
