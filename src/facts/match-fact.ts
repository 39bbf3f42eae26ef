import { analyzeText } from "../text/analyze.ts";
import { findNameSpans, findNumberSpans, type NameSpan } from "../text/entities.ts";
import { stemKeys } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import { contextTermsOf } from "./fact-terms.ts";
import { findCauseSpots, findPlaceSpots, findTimeSpots } from "./kinds.ts";
import type { Alternative } from "./lexicon.ts";
import { ROLE_GROUPS } from "./lexicon.ts";
import { type AnalysedQuestion, type Concept, unitOfWord } from "./question.ts";
import { isPlace } from "./roles.ts";

/** A stretch of a sentence, by character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** What in the sentence answers: a name, date, number, cause or description; `insert` is a referent shown at `end`. */
export interface AnswerSpot extends Span {
  key?: string;
  insert?: string;
  /** The spot is the whole answer (a description of the asked name), not a place inside one. */
  exact?: boolean;
}

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

type Tokens = ReturnType<typeof analyzeText>["tokens"];
type Scored = { score: number; spot?: AnswerSpot };

function scoreKind(
  q: AnalysedQuestion,
  fact: Fact,
  anchors: readonly number[],
  analyzed: ReturnType<typeof analyzeText>,
  namesCovered: boolean,
): Scored {
  const { tokens, keys: tokenKeys } = analyzed;
  const text = fact.text;
  const near = (start: number) => closeness(tokenAt(tokens, start), anchors);
  const questionKeys = questionKeysOf(q);
  switch (q.kind) {
    case "who":
      return scoreWho(q, fact, questionKeys, near, namesCovered, tokenKeys);
    case "when":
      return best(
        findTimeSpots(text).map((s) => ({ score: s.strength * (0.85 + 0.15 * near(s.start)), spot: s })),
      );
    case "howmuch": {
      const asked = new Set(q.text.match(/\d+(?:[.,]\d+)?/g) ?? []);
      const numbers = findNumberSpans(text).filter((n) => !asked.has(n.value));
      return best(
        numbers.map((n) => ({
          score:
            unitScore(q.unit, unitAfter(text, n.end) ?? n.unit, n.currency) * (0.85 + 0.15 * near(n.start)),
          spot: { start: n.start, end: n.end, key: n.key },
        })),
      );
    }
    case "why":
      return best(
        findCauseSpots(text).map((s) => ({ score: s.strength, spot: s })),
        0.15,
      );
    case "where":
      return best(
        findPlaceSpots(text, isPlace)
          .filter((s) => !isAsked(text.slice(s.start, s.end), questionKeys))
          .map((s) => ({ score: s.strength * (0.85 + 0.15 * near(s.start)), spot: s })),
      );
    default:
      return { score: tokens.length - anchors.length >= 4 ? 0.9 : 0.6 };
  }
}

function scoreWho(
  q: AnalysedQuestion,
  fact: Fact,
  questionKeys: ReadonlySet<string>,
  near: (start: number) => number,
  namesCovered: boolean,
  tokenKeys: readonly (readonly string[])[],
): Scored {
  const asked = (key: string) => stemKeys(key).some((k) => questionKeys.has(k));
  const names = findNameSpans(fact.text, new Set(fact.entities.names));
  if (q.identity) {
    const role = fact.roles.find((r) => asked(r.holderKey));
    if (role)
      return {
        score: role.inferred ? 0.85 : 1,
        spot: { start: role.start, end: role.end, key: role.holderKey, exact: true },
      };
    const named = names.find((n) => asked(n.key));
    const described =
      named &&
      /^\s*(?:,|est|is|was|était|a été)\s+(?:un|une|le|la|l'|the|a|an)\b/iu.test(fact.text.slice(named.end));
    return named && described
      ? { score: 0.85, spot: { start: named.start, end: fact.text.length } }
      : { score: 0.35 };
  }
  const roleGroups = new Set(q.concepts.flatMap((c) => c.groups.filter((g) => ROLE_GROUPS.has(g))));
  const orgConcepts = q.concepts.filter((c) => c.name);
  let roleAnswer: Scored | undefined;
  const askedWords = new Set(q.concepts.flatMap((c) => (c.alternatives[0] ?? []).flat()));
  if (roleGroups.size > 0) {
    for (const role of fact.roles) {
      if (asked(role.holderKey) || !role.groups.some((g) => roleGroups.has(g))) continue;
      // `Chief executive Safra Catz said…` in a sentence about Oracle: the role's organisation is implied.
      const orgOk = orgConcepts.length === 0 || (role.orgKey !== undefined && asked(role.orgKey));
      if (!orgOk && (role.orgKey !== undefined || !namesCovered)) continue;
      const written = names.find((n) => n.key === role.holderKey);
      const spot = written
        ? { start: written.start, end: written.end }
        : { start: role.end, end: role.end, insert: role.holder };
      // The asker's own word (`CEO`) over a synonym of it (`directrice générale`).
      const exact = analyzeText(role.role).keys.some((keys) => keys.some((k) => askedWords.has(k)));
      const score = (role.inferred ? 0.95 : 1) * (orgOk ? 1 : 0.85) * (exact ? 1 : 0.97);
      if (score > (roleAnswer?.score ?? 0)) roleAnswer = { score, spot: { ...spot, key: role.holderKey } };
    }
    if (roleAnswer) return roleAnswer;
  }
  // Appositions describing a name of the question (`Byte Dance, le propriétaire de TikTok,`) do not answer it.
  const described = fact.roles.filter((r) => asked(r.holderKey));
  const inDescription = (n: NameSpan) => described.some((r) => n.start >= r.start && n.end <= r.end);
  const candidates: Scored[] = names
    .filter(
      (n) => !asked(n.key) && !isPlace(n.key) && !inDescription(n) && !spansAsked(n, tokenKeys, questionKeys),
    )
    .map((n) => ({ score: 0.7 + 0.3 * near(n.start), spot: { start: n.start, end: n.end, key: n.key } }));
  for (const r of fact.referents) {
    if (asked(r.key) || isPlace(r.key)) continue;
    candidates.push({
      score: 0.7 + 0.3 * near(r.at),
      spot: { start: r.at, end: r.at, key: r.key, insert: r.surface },
    });
  }
  const found = best(candidates);
  return roleGroups.size > 0 ? { ...found, score: Math.min(found.score, 0.35) } : found;
}

/** `75 millions d'utilisateurs`: the unit may follow the number's own scale word. */
function unitAfter(text: string, end: number): string | undefined {
  const words = tokenize(text.slice(end, end + 40)).slice(0, 2);
  return words.map((w) => unitOfWord(w.folded)).find((u) => u !== undefined);
}

function unitScore(
  asked: string | undefined,
  unit: string | undefined,
  currency: string | undefined,
): number {
  if (asked === "money")
    return currency || unit === "money" ? 1 : unit === "million" || unit === "billion" ? 0.8 : 0.3;
  if (asked === undefined) return unit || currency ? 1 : 0.8;
  if (asked === unit) return 1;
  return unit || currency ? 0.3 : 0.45;
}

const questionKeySets = new WeakMap<AnalysedQuestion, Set<string>>();

function questionKeysOf(q: AnalysedQuestion): Set<string> {
  let keys = questionKeySets.get(q);
  if (!keys) {
    keys = new Set(q.concepts.flatMap((c) => c.alternatives.flat(2)));
    questionKeySets.set(q, keys);
  }
  return keys;
}

/** A name whose words are all the question's (`Microsoft Corp` when asked about Microsoft Corp). */
function spansAsked(
  name: NameSpan,
  tokenKeys: readonly (readonly string[])[],
  questionKeys: ReadonlySet<string>,
): boolean {
  // Every word asked, not just one: `Lumivana Networks` is not `Oxymind Networks`.
  for (let i = name.firstToken; i <= name.lastToken; i++) {
    if (!tokenKeys[i]?.some((k) => questionKeys.has(k))) return false;
  }
  return true;
}

function isAsked(surface: string, questionKeys: ReadonlySet<string>): boolean {
  return analyzeText(surface).keys.some((keys) => keys.some((k) => questionKeys.has(k)));
}

function best(candidates: Scored[], floor = 0): Scored {
  let top: Scored | undefined;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top ?? { score: floor };
}

function tokenAt(tokens: Tokens, offset: number): number {
  const i = tokens.findIndex((t) => t.end > offset);
  return i < 0 ? tokens.length : i;
}

function closeness(token: number, anchors: readonly number[]): number {
  if (anchors.length === 0) return 0.5;
  const distance = Math.min(...anchors.map((a) => Math.abs(a - token)));
  return 1 / (1 + distance / 4);
}
