import { analyzeText } from "../text/analyze.ts";
import { stemKeys } from "../text/stem.ts";
import type { Fact } from "./fact.ts";
import { contextTermsOf } from "./fact-terms.ts";
import type { Alternative } from "./lexicon.ts";
import type { AnalysedQuestion, Concept } from "./question.ts";
import { type AnswerSpot, type Span, scoreKind } from "./score-kind.ts";

/** How well one fact answers one question, with the evidence the answer is built from. */
export interface Evaluation {
  fact: Fact;
  /** Weighted share of the question's concepts the fact holds (context counts for less). */
  coverage: number;
  confidence: number;
  /** Where the question's concepts stand in the sentence. */
  anchors: Span[];
  spot?: AnswerSpot;
}

// A concept found only in the fact's context (title, previous sentence, resolved reference).
const CONTEXT_CREDIT = 0.6;
const SHORT_NAME_CREDIT = 0.9;
const NEGATION =
  /(?<![\p{L}])(?:not|never|no|n't|ne|n'|pas|aucun|aucune|jamais|refus\p{L}*|reject\p{L}*)(?![\p{L}])/iu;

/**
 * Scores a fact against a question. In order: concept coverage (every name must be there, in
 * the text or its context; most content words too), the wanted kind of answer (a name not in
 * the question, a date, a number in the asked unit, a cause, a place), then how close together
 * the concepts stand. The confidence is their product, so one missing part sinks it.
 */
export function evaluateFact(question: AnalysedQuestion, fact: Fact): Evaluation {
  const analyzed = analyzeText(fact.text);
  const positions = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  };
  // Stop words have no keys, but lexicon phrases need them (`shut down`, `hand over`).
  analyzed.keys.forEach((keys, i) => {
    for (const key of keys.length > 0 ? keys : [analyzed.tokens[i]!.folded]) put(key, i);
  });
  for (const [i, compound] of analyzed.compounds) for (const key of stemKeys(compound)) put(key, i);
  const context = new Set(contextTermsOf(fact, true));

  let total = 0;
  let got = 0;
  let namesCovered = true;
  let namesInText = 0;
  let content = 0;
  let contentCovered = 0;
  const anchorTokens: number[] = [];
  // Light words (`give`, `become`) count as content only when the question has nothing else.
  const weightFloor = question.concepts.some((c) => !c.name && c.weight >= 1) ? 1 : 0;
  for (const concept of question.concepts) {
    let inText = findInText(concept, positions);
    let credit = inText ? 1 : inContext(concept, context, positions) ? CONTEXT_CREDIT : 0;
    // `The Nimbus goes on sale…` in an article about the Solvagrid Nimbus: a short form of the name.
    const part = credit === CONTEXT_CREDIT ? findPart(concept, positions) : undefined;
    if (part !== undefined) [inText, credit] = [[part], SHORT_NAME_CREDIT];
    total += concept.weight;
    got += concept.weight * credit;
    if (concept.name && credit === 0) namesCovered = false;
    if (concept.name && inText) namesInText++;
    if (!concept.name && concept.weight >= weightFloor) {
      content += 1;
      contentCovered += credit;
    }
    if (inText && concept.weight >= weightFloor) anchorTokens.push(...inText);
  }
  const coverage = total > 0 ? got / total : 0;
  const tokens = analyzed.tokens;
  const anchors = anchorTokens.map((i) => ({ start: tokens[i]!.start, end: tokens[i]!.end }));
  const proximity = proximityOf(anchorTokens);
  const { score: kindScore, spot } = scoreKind(question, fact, anchorTokens, analyzed, namesCovered);
  const negation = question.negated && !NEGATION.test(fact.text) ? 0.85 : 1;
  const confidence =
    coverage ** 1.5 *
    kindScore *
    (0.8 + 0.2 * proximity) *
    (namesCovered ? 1 : 0.35) *
    (content === 0 || contentCovered / content >= 0.5
      ? 1
      : missingContentFactor(question, weightFloor, kindScore, namesInText)) *
    negation;
  return { fact, coverage, confidence, anchors, ...(spot ? { spot } : {}) };
}

// Missing content words sink an answer, less so when they were only light verbs and the answer
// is of a precise kind (a number in the asked unit is evidence enough).
function missingContentFactor(
  question: AnalysedQuestion,
  weightFloor: number,
  kindScore: number,
  namesInText: number,
): number {
  if (question.kind === "what" || question.kind === "yesno" || kindScore < 0.9) return 0.5;
  // Two names written in the sentence pin the event down: `How much did A pay for B?`.
  if (weightFloor === 0 || namesInText >= 2) return 0.8;
  return 0.5;
}

/** A concept's alternatives split for fast lookup: single words by key, phrases as they are. */
interface PreparedConcept {
  words: Set<string>;
  phrases: Alternative[];
}

const preparedConcepts = new WeakMap<Concept, PreparedConcept>();

function prepare(concept: Concept): PreparedConcept {
  let prepared = preparedConcepts.get(concept);
  if (!prepared) {
    const single = concept.alternatives.filter((alt) => alt.length === 1);
    prepared = {
      words: new Set(single.flatMap((alt) => alt[0]!)),
      phrases: concept.alternatives.filter((alt) => alt.length > 1),
    };
    preparedConcepts.set(concept, prepared);
  }
  return prepared;
}

/** Token positions where the fact says the concept, or undefined. */
function findInText(concept: Concept, positions: Map<string, number[]>): number[] | undefined {
  const { words, phrases } = prepare(concept);
  let first = Number.POSITIVE_INFINITY;
  for (const [key, list] of positions) if (words.has(key) && list[0]! < first) first = list[0]!;
  if (first !== Number.POSITIVE_INFINITY) return [first];
  for (const alternative of phrases) {
    const found = alternative.map((word) => word.flatMap((key) => positions.get(key) ?? []));
    if (found.every((list) => list.length > 0)) return found.map((list) => Math.min(...list));
  }
  return undefined;
}

function findPart(concept: Concept, positions: Map<string, number[]>): number | undefined {
  for (const word of concept.parts ?? []) {
    for (const key of word) {
      const at = positions.get(key);
      if (at) return at[0];
    }
  }
  return undefined;
}

/** In the fact's context, or for a phrase, partly in the context and partly in the text. */
function inContext(
  concept: Concept,
  context: ReadonlySet<string>,
  positions: Map<string, number[]>,
): boolean {
  const { words, phrases } = prepare(concept);
  for (const key of context) if (words.has(key)) return true;
  return phrases.some((alt) => alt.every((word) => word.some((k) => context.has(k) || positions.has(k))));
}

function proximityOf(anchors: readonly number[]): number {
  if (anchors.length < 2) return 1;
  const span = Math.max(...anchors) - Math.min(...anchors) + 1;
  return Math.min(1, (2 * anchors.length + 2) / span);
}
