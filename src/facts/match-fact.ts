import { type ScannedWords, scanWords } from "../text/analyze.ts";
import { isYear } from "../text/numbers.ts";
import { stemKeys } from "../text/stem.ts";
import { endOf, startOf, tokensOf } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import { contextTermsOf, isPartOfName, textTermsOf } from "./fact-terms.ts";
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
// A content word only the headline says (`Le projet a coûté…` under `… le supercalculateur Garonne`).
const TITLE_CREDIT = 0.4;
const SHORT_NAME_CREDIT = 0.9;
const NEGATION =
  /(?<![\p{L}])(?:not|never|no|n't|ne|n'|pas|aucun|aucune|jamais|refus\p{L}*|reject\p{L}*)(?![\p{L}])/iu;
// A fact that denies what the question asks about (`Microsoft said it was not chosen by
// ByteDance` for `Whom did ByteDance choose?`) says the opposite: it answers only when nothing
// else does, and below the answer threshold on its own.
const DENIED = 0.35;
// Words that deny the verb a few words after them (or, for `pas`, right before them:
// `ByteDance ne retient pas Microsoft`). `ne` alone is not enough: `ne retient que` affirms.
const NEGATORS = new Set(["not", "never", "pas", "jamais", "aucun", "aucune"]);
const NEGATOR_REACH = 4;

/**
 * Where the question's concepts stand in a fact: the first half of judging it, enough to bound
 * its confidence (see {@link confidenceBound}) before the costlier second half.
 */
export interface Coverage {
  fact: Fact;
  /** The sentence's words as `analyzeText` reads them, without Token objects (made in full only). */
  words: ScannedWords;
  /** Weighted share of the question's concepts the fact holds (context counts for less). */
  coverage: number;
  namesCovered: boolean;
  namesInText: number;
  /** Content concepts counted, and the credit the fact earns for them. */
  content: number;
  contentCovered: number;
  /** Concepts lighter than this are left out of content and anchors. */
  weightFloor: number;
  /** Token positions of the concepts the sentence says. */
  anchorTokens: number[];
  /** How close together they stand (1: side by side). */
  proximity: number;
  /**
   * Less when the question says "not" and the fact does not, or when the fact denies a content
   * word the question asks about (yes/no questions aside: a denial answers them).
   */
  negation: number;
  /** Less when the question names a year (`en 2023`) the fact neither says nor was published in. */
  timing: number;
}

/**
 * Scores a fact against a question. In order: concept coverage (every name must be there, in
 * the text or its context; most content words too), the wanted kind of answer (a name not in
 * the question, a date, a number in the asked unit, a cause, a place), then how close together
 * the concepts stand. The confidence is their product, so one missing part sinks it.
 */
export function evaluateFact(question: AnalysedQuestion, fact: Fact): Evaluation {
  return completeEvaluation(question, coverFact(question, fact));
}

/** The concepts of the question a fact holds, in its sentence or its context. */
export function coverFact(question: AnalysedQuestion, fact: Fact): Coverage {
  const words = scanWords(fact.text);
  const { prepared, keys, weightFloor } = prepareQuestion(question);
  const positions = positionsOf(words, keys);
  // The context is only read for a concept the sentence does not say itself.
  let context: string[] | undefined;

  let total = 0;
  let got = 0;
  let namesCovered = true;
  let namesInText = 0;
  let content = 0;
  let contentCovered = 0;
  const anchorTokens: number[] = [];
  const denials = !question.negated && question.kind !== "yesno";
  let denied = false;
  for (let n = 0; n < question.concepts.length; n++) {
    const concept = question.concepts[n]!;
    let inText = findInText(prepared[n]!, positions);
    // `Atlas-3` for a question about `Atlas-4`: another product, whatever the context says.
    const other =
      inText !== undefined &&
      concept.version !== undefined &&
      namesOtherVersion(fact.text, words, inText.at(-1)!, concept.version);
    if (other) inText = undefined;
    let credit = other ? 0 : 1;
    if (!inText && !other) {
      context ??= contextTermsOf(fact, true);
      const found =
        inContext(prepared[n]!, context, positions) || (concept.name && inLongerName(prepared[n]!, context));
      credit = found ? CONTEXT_CREDIT : !concept.name && inTitle(prepared[n]!, fact) ? TITLE_CREDIT : 0;
    }
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
    if (denials && inText && !concept.name && !denied) denied = inText.some((at) => deniedAt(words, at));
  }
  return {
    fact,
    words,
    coverage: total > 0 ? got / total : 0,
    namesCovered,
    namesInText,
    content,
    contentCovered,
    weightFloor,
    anchorTokens,
    proximity: proximityOf(anchorTokens),
    negation: question.negated ? (NEGATION.test(fact.text) ? 1 : 0.85) : denied ? DENIED : 1,
    timing: timingOf(question, fact, words),
  };
}

// `Quel studio Skyforge avait-il acheté en 2023 ?` is not answered by this week's acquisition.
const OTHER_YEAR = 0.5;

/**
 * 1, or less when the question names a year and the fact is not of it: the sentence does not
 * say it and the article was not published in it (`on Wednesday` is in its publication year).
 */
function timingOf(question: AnalysedQuestion, fact: Fact, words: ScannedWords): number {
  let timing = 1;
  for (const concept of question.concepts) {
    if (!isYear(concept.label) || fact.published?.startsWith(concept.label)) continue;
    if (!words.forms.some((form) => form.folded === concept.label)) timing = OTHER_YEAR;
  }
  return timing;
}

/** Whether the name ending at token `at` is followed by a version number other than `version`. */
function namesOtherVersion(text: string, words: ScannedWords, at: number, version: string): boolean {
  const next = words.forms[at + 1];
  if (!next || !/^\d+$/.test(next.surface)) return false;
  return /^[-\s]$/.test(text.slice(endOf(words, at), startOf(words, at + 1))) && next.surface !== version;
}

/** Whether the word at `at` is denied: a negator shortly before it, or `pas` right after it. */
function deniedAt({ forms }: ScannedWords, at: number): boolean {
  for (let i = Math.max(0, at - NEGATOR_REACH); i < at; i++) if (isNegator(forms[i]!.surface)) return true;
  const next = forms[at + 1]?.surface.toLowerCase();
  return next === "pas" || next === "jamais";
}

function isNegator(surface: string): boolean {
  const lower = surface.toLowerCase();
  return NEGATORS.has(lower) || /n['’]t$/.test(lower);
}

/** The second half of judging: whether the fact holds the kind of answer asked for, and where. */
export function completeEvaluation(question: AnalysedQuestion, covered: Coverage): Evaluation {
  const { fact, words, coverage, namesCovered, anchorTokens, proximity, negation, timing } = covered;
  // What `analyzeText(fact.text)` gives, from the words already scanned.
  const tokens = tokensOf(words);
  const analyzed = { tokens, keys: words.forms.map((form) => form.keys!) };
  const anchors = anchorTokens.map((i) => ({ start: tokens[i]!.start, end: tokens[i]!.end }));
  const { score: kindScore, spot } = scoreKind(question, fact, anchorTokens, analyzed, namesCovered);
  const confidence =
    coverage ** 1.5 *
    kindScore *
    (0.8 + 0.2 * proximity) *
    (namesCovered ? 1 : 0.35) *
    contentFactor(question, covered, kindScore) *
    negation *
    timing;
  return { fact, coverage, confidence, anchors, ...(spot ? { spot } : {}) };
}

/**
 * The highest confidence {@link completeEvaluation} can give a fact so covered: the same
 * product, in the same order, with the kind score at its best (1). The kind score is at most 1
 * and floating-point products are monotonic, so the real confidence never exceeds this.
 */
export function confidenceBound(question: AnalysedQuestion, covered: Coverage): number {
  const { coverage, proximity, namesCovered, negation, timing } = covered;
  return (
    coverage ** 1.5 *
    (0.8 + 0.2 * proximity) *
    (namesCovered ? 1 : 0.35) *
    contentFactor(question, covered, 1) *
    negation *
    timing
  );
}

// Never more with a lower kind score: the bound above takes it at 1.
function contentFactor(question: AnalysedQuestion, covered: Coverage, kindScore: number): number {
  const { content, contentCovered, weightFloor, namesInText } = covered;
  return content === 0 || contentCovered / content >= 0.5
    ? 1
    : missingContentFactor(question, weightFloor, kindScore, namesInText);
}

/**
 * Token positions by key, for the keys the question's concepts may be said with (no other key is
 * looked up). Stop words have no keys, but lexicon phrases need them (`shut down`, `hand over`):
 * they are put by their folded form. Compounds come after the words, so a list is not always in
 * sentence order; its first entry is where the fact is taken to say the key.
 */
function positionsOf(words: ScannedWords, wanted: ReadonlySet<string>): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  const { forms, compoundAt, compounds } = words;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    const own = form.keys!;
    if (own.length === 0) putPosition(positions, wanted, form.folded, i);
    else for (const key of own) putPosition(positions, wanted, key, i);
  }
  for (let n = 0; n < compoundAt.length; n++)
    for (const key of stemKeys(compounds[n]!.folded)) putPosition(positions, wanted, key, compoundAt[n]!);
  return positions;
}

function putPosition(
  positions: Map<string, number[]>,
  wanted: ReadonlySet<string>,
  key: string,
  i: number,
): void {
  if (!wanted.has(key)) return;
  const list = positions.get(key);
  if (list) list.push(i);
  else positions.set(key, [i]);
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

/** What judging looks up of a question, prepared once for all the facts judged against it. */
interface PreparedQuestion {
  /** The question's concepts, in order. */
  prepared: PreparedConcept[];
  /** Every key a concept may be said with, in its alternatives or name parts. */
  keys: Set<string>;
  /** Light words (`give`, `become`) count as content only when the question has nothing else. */
  weightFloor: number;
}

const preparedQuestions = new WeakMap<AnalysedQuestion, PreparedQuestion>();

function prepareQuestion(question: AnalysedQuestion): PreparedQuestion {
  let prepared = preparedQuestions.get(question);
  if (!prepared) {
    const { concepts } = question;
    // Plain loops: `flat` and spreads cost several times more over a question's few dozen keys.
    const keys = new Set<string>();
    for (const concept of concepts) {
      for (const alternative of concept.alternatives) for (const word of alternative) addAll(keys, word);
      for (const word of concept.parts ?? []) addAll(keys, word);
    }
    prepared = {
      prepared: concepts.map(prepareConcept),
      keys,
      weightFloor: concepts.some((c) => !c.name && c.weight >= 1) ? 1 : 0,
    };
    preparedQuestions.set(question, prepared);
  }
  return prepared;
}

function prepareConcept(concept: Concept): PreparedConcept {
  const words = new Set<string>();
  const phrases: Alternative[] = [];
  for (const alternative of concept.alternatives) {
    if (alternative.length === 1) addAll(words, alternative[0]!);
    else if (alternative.length > 1) phrases.push(alternative);
  }
  return { words, phrases };
}

function addAll(set: Set<string>, keys: readonly string[]): void {
  for (const key of keys) set.add(key);
}

/** Token positions where the fact says the concept, or undefined. */
function findInText(
  { words, phrases }: PreparedConcept,
  positions: Map<string, number[]>,
): number[] | undefined {
  // The earliest of the concept's words: whichever of the two collections is smaller is walked.
  let first = Number.POSITIVE_INFINITY;
  if (words.size < positions.size) {
    for (const key of words) {
      const at = positions.get(key)?.[0];
      if (at !== undefined && at < first) first = at;
    }
  } else {
    for (const [key, list] of positions) if (words.has(key) && list[0]! < first) first = list[0]!;
  }
  if (first !== Number.POSITIVE_INFINITY) return [first];
  // A phrase: each of its words where the fact first says it, in any of the word's forms.
  for (const alternative of phrases) {
    const found: number[] = [];
    for (const word of alternative) {
      const at = earliestOf(word, positions);
      if (at === undefined) break;
      found.push(at);
    }
    if (found.length === alternative.length) return found;
  }
  return undefined;
}

/** The earliest position of any of the keys, or undefined when the fact says none. */
function earliestOf(keys: readonly string[], positions: Map<string, number[]>): number | undefined {
  let earliest: number | undefined;
  for (const key of keys) {
    for (const at of positions.get(key) ?? []) if (earliest === undefined || at < earliest) earliest = at;
  }
  return earliest;
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
  { words, phrases }: PreparedConcept,
  context: readonly string[],
  positions: Map<string, number[]>,
): boolean {
  for (const key of context) if (words.has(key)) return true;
  // Phrases are few: the context's keys (a few dozen, distinct) are scanned for them.
  return phrases.some((alt) =>
    alt.every((word) => word.some((k) => positions.has(k) || context.includes(k))),
  );
}

const titleKeys = new Map<string, ReadonlySet<string>>();
const TITLE_CACHE = 5_000;

/** Whether the fact's headline (not the fact itself) says one of the concept's words. */
function inTitle({ words }: PreparedConcept, fact: Fact): boolean {
  if (fact.index === 0 || words.size === 0) return false;
  let keys = titleKeys.get(fact.title);
  if (!keys) {
    keys = new Set(textTermsOf(fact.title));
    if (titleKeys.size >= TITLE_CACHE) titleKeys.clear();
    titleKeys.set(fact.title, keys);
  }
  for (const key of words) if (keys.has(key)) return true;
  return false;
}

/** Whether the context names a longer name that begins or ends with this name. */
function inLongerName({ words }: PreparedConcept, context: readonly string[]): boolean {
  for (const key of words) for (const name of context) if (isPartOfName(key, name)) return true;
  return false;
}

function proximityOf(anchors: readonly number[]): number {
  if (anchors.length < 2) return 1;
  const span = Math.max(...anchors) - Math.min(...anchors) + 1;
  return Math.min(1, (2 * anchors.length + 2) / span);
}
