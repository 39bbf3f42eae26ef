import { type AnalyzedText, analyzeText } from "../text/analyze.ts";
import { findNameSpans, type NameSpan } from "../text/entities.ts";
import { findNumberSpansIn, type NumberSpan } from "../text/numbers.ts";
import { stemKeys } from "../text/stem.ts";
import { tokenize } from "../text/tokenize.ts";
import type { Fact } from "./fact.ts";
import { isPartOfName } from "./fact-terms.ts";
import { datelineEnd, findCauseSpots, findPlaceSpots, findTimeSpots, type Spot } from "./kinds.ts";
import { ROLE_GROUPS } from "./lexicon.ts";
import { type AnalysedQuestion, DURATION_UNITS, unitOfWord } from "./question.ts";
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

type Tokens = AnalyzedText["tokens"];
type Scored = { score: number; spot?: AnswerSpot };

/**
 * How well a fact holds the kind of answer asked for, and where: who → a name not in the
 * question (the holder of an asked role first), when → a date, how much → a number in the asked
 * unit, why → a cause, where → a place; what and yes/no questions take the sentence itself.
 */
export function scoreKind(
  q: AnalysedQuestion,
  fact: Fact,
  anchors: readonly number[],
  analyzed: Pick<AnalyzedText, "tokens" | "keys">,
  namesCovered: boolean,
): Scored {
  // The analysed tokens are `tokenize(text)`'s: numbers are read from them, not from the
  // sentence tokenized again.
  const { tokens } = analyzed;
  const text = fact.text;
  const near = (start: number) => closeness(tokenAt(tokens, start), anchors);
  const questionKeys = questionKeysOf(q);
  switch (q.kind) {
    case "who":
      return scoreWho(q, fact, questionKeys, near, namesCovered, analyzed.keys);
    case "when":
      return best(
        findTimeSpots(text, q.unit === "clock").map((s) => ({
          score: s.strength * (0.85 + 0.15 * near(s.start)),
          spot: s,
        })),
      );
    case "howmuch": {
      const asked = new Set(q.text.match(/\d+(?:[.,]\d+)?/g) ?? []);
      // `Atlas-3`, `GPT-4`: a version is part of a name, not a quantity; nor is a dateline's day.
      const dateline = datelineEnd(text);
      const numbers = findNumberSpansIn(tokens, text, { spelled: true }).filter(
        (n) =>
          !asked.has(n.value) &&
          n.start >= dateline &&
          !VERSION_BEFORE.test(text.slice(Math.max(0, n.start - 2), n.start)),
      );
      const lasting = q.unit !== undefined && (q.unit === "duration" || DURATION_UNITS.has(q.unit));
      return best(
        numbers.map((n) => ({
          score:
            unitScore(q.unit, unitOf(text, n), n.currency) *
            (lasting && OFFSET_AFTER.test(text.slice(n.end, n.end + 20)) ? OFFSET : 1) *
            (0.85 + 0.15 * near(n.start)),
          spot: { start: n.start, end: n.end, key: n.key },
        })),
      );
    }
    case "why": {
      // `en raison d'une panne` does not say what caused the outage asked about: another cause should.
      const asked = contentKeysOf(q);
      return best(
        findCauseSpots(text).map((s) => ({
          score: s.strength * (restates(text, s, asked) ? RESTATED : 1),
          spot: { start: s.start, end: s.end },
        })),
        0.15,
      );
    }
    case "where":
      return best(
        findPlaceSpots(text, isPlace)
          .filter((s) => !isAsked(text.slice(s.start, s.end), questionKeys))
          .map((s) => ({
            score:
              s.strength * (0.85 + 0.15 * near(s.start)) * (basesOther(q, text, s.start) ? OTHER_BASE : 1),
            spot: s,
          })),
      );
    default:
      return { score: tokens.length - anchors.length >= 4 ? 0.9 : 0.6 };
  }
}

// `Skyforge, based in Seattle, will pay…` does not say where Ironpine is based.
const BASED_IN_BEFORE =
  /(?:,\s*|\s)(?:based|headquartered|located|bas[ée]e?s?|install[ée]e?s?|implant[ée]e?s?|situ[ée]e?s?)\s+(?:in|at|[àa]|en|au|aux)\s+(?:the\s+)?$/iu;
const OTHER_BASE = 0.4;

// The capitalised words right before `, based in`: whose base it is.
const OWNER_BEFORE = /(\p{Lu}[\p{L}\p{N}&'-]*(?:\s+\p{Lu}[\p{L}\p{N}&'-]*)*)\s*$/u;

/** Whether the place at `start` is given as the base of a name the question does not ask about. */
function basesOther(q: AnalysedQuestion, text: string, start: number): boolean {
  const based = text.slice(0, start).match(BASED_IN_BEFORE);
  const owner = based && text.slice(0, based.index).match(OWNER_BEFORE)?.[1];
  if (!owner) return false;
  const key = tokenize(owner)
    .map((t) => t.folded)
    .join("");
  const asked = askedNameKeys(q);
  return !stemKeys(key).some((k) => asked.some((name) => name === k || isPartOfName(name, k)));
}

/** The keys the question's names are written with (their own, not their synonyms'). */
function askedNameKeys(q: AnalysedQuestion): string[] {
  return q.concepts.filter((c) => c.name).flatMap((c) => c.alternatives[0]?.flat() ?? []);
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
  // `Skyforge Entertainment` when asked about Skyforge is the asked name, not an answer.
  const askedNames = askedNameKeys(q);
  const longerAsked = (key: string) =>
    stemKeys(key).some((k) => askedNames.some((name) => isPartOfName(name, k)));
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
  // `Who did Oracle choose?` is not answered by `Microsoft chose Oracle`: a name before the
  // actor in an active sentence is the one that acted. Not when the actor is a complement
  // (`chosen by Oracle`, `partenaire d'Oracle`): then the sentence's subject is someone else.
  const actorAt = q.actor ? names.find((n) => sameName(n.key, q.actor!))?.start : undefined;
  const complement = actorAt !== undefined && COMPLEMENT_BEFORE.test(fact.text.slice(0, actorAt));
  const side = (start: number) => (actorAt === undefined || complement || start > actorAt ? 1 : ACTOR_SIDE);
  // Appositions describing a name of the question (`Byte Dance, le propriétaire de TikTok,`) do not answer it.
  const described = fact.roles.filter((r) => asked(r.holderKey));
  const inDescription = (n: NameSpan) => described.some((r) => n.start >= r.start && n.end <= r.end);
  const candidates: Scored[] = names
    .filter(
      (n) =>
        !asked(n.key) &&
        !longerAsked(n.key) &&
        !isPlace(n.key) &&
        !inDescription(n) &&
        !spansAsked(n, tokenKeys, questionKeys),
    )
    .map((n) => ({
      score: (0.7 + 0.3 * near(n.start)) * side(n.start),
      spot: { start: n.start, end: n.end, key: n.key },
    }));
  for (const r of fact.referents) {
    if (asked(r.key) || isPlace(r.key)) continue;
    candidates.push({
      score: (0.7 + 0.3 * near(r.at)) * side(r.at),
      spot: { start: r.at, end: r.at, key: r.key, insert: r.surface },
    });
  }
  const found = best(candidates);
  if (roleGroups.size === 0) return found;
  // `fondée en 2023 par Arthur Mensch`: the agent of the role's verb, close to it, holds the role.
  const agent = best(
    candidates.filter(
      (c) => !c.spot?.insert && isAgent(fact.text.slice(0, c.spot!.start)) && near(c.spot!.start) >= 0.5,
    ),
  );
  return agent.spot ? agent : { ...found, score: Math.min(found.score, 0.35) };
}

// `by`, then up to three words that are not names: `by Irish siblings Aoife and…`, `par le
// Français Arthur Mensch`.
const AGENT_BEFORE = /(?<![\p{L}])(?:by|par)\s+((?:[\p{L}'’-]+\s+){0,3})$/iu;

/** Whether the text before a name ends on the agent of a passive (`fondée en 2023 par`). */
function isAgent(before: string): boolean {
  const m = before.match(AGENT_BEFORE);
  if (!m) return false;
  const words = tokenize(m[1]!);
  return words.every((w) => w.surface === w.surface.toLowerCase() || isPlace(w.folded));
}

const ACTOR_SIDE = 0.5;
const COMPLEMENT_BEFORE = /(?:\b(?:by|par|of|for|with|de|du|des|pour|avec)\s+|\bd['’])$/i;

function sameName(a: string, b: string): boolean {
  const keys = stemKeys(b);
  return stemKeys(a).some((k) => keys.includes(k));
}

const VERSION_BEFORE = /\p{L}-$/u;

/**
 * A number's unit: its own (`trente heures`), else a word shortly after it or after its scale
 * word (`75 millions d'utilisateurs`, `340 suppressions de postes`). `trente heures les clients`
 * is hours, not clients.
 */
function unitOf(text: string, n: NumberSpan): string | undefined {
  if (n.unit !== undefined && n.unit !== "million" && n.unit !== "billion") return n.unit;
  return unitAfter(text, n.end) ?? n.unit;
}

function unitAfter(text: string, end: number): string | undefined {
  const words = tokenize(text.slice(end, end + 40)).slice(0, 3);
  return words.map((w) => unitOfWord(w.folded)).find((u) => u !== undefined);
}

function unitScore(
  asked: string | undefined,
  unit: string | undefined,
  currency: string | undefined,
): number {
  // By how much something rose or fell: a percentage first, an amount of money next.
  if (asked === "change") return unit === "%" ? 1 : currency || unit === "money" ? 0.8 : 0.5;
  if (asked === "money")
    return currency || unit === "money" ? 1 : unit === "million" || unit === "billion" ? 0.8 : 0.3;
  if (asked === undefined) return unit || currency ? 1 : 0.8;
  // `How many customers` is not answered by `trente heures` either.
  if (asked === "count")
    return currency || unit === "money" || unit === "%" ? 0.3 : unit && DURATION_UNITS.has(unit) ? 0.45 : 1;
  if (asked === unit) return 1;
  // `Combien de temps` is answered by `sept heures`; `How many hours` less so by `90 minutes`.
  const lasting = unit !== undefined && DURATION_UNITS.has(unit);
  if (asked === "duration") return lasting ? 1 : unit || currency ? 0.3 : 0.45;
  if (lasting && DURATION_UNITS.has(asked)) return 0.7;
  return unit || currency ? 0.3 : 0.45;
}

// `deux jours après l'annonce`, `three weeks later`: when, not how long.
const OFFSET_AFTER =
  /^\s+(?:après|apr[eè]s|avant|plus tard|plus tôt|after|before|later|earlier|ago)(?![\p{L}])/iu;
const OFFSET = 0.3;

// A cause whose first word is a content word of the question (`because of the outage` for `What
// caused the outage?`) restates it.
const RESTATED = 0.5;

function restates(text: string, spot: Spot, asked: ReadonlySet<string>): boolean {
  const head = analyzeText(text.slice(spot.body ?? spot.start, spot.end)).keys.find(
    (keys) => keys.length > 0,
  );
  return head?.some((k) => asked.has(k)) ?? false;
}

const keySets = {
  content: new WeakMap<AnalysedQuestion, Set<string>>(),
  all: new WeakMap<AnalysedQuestion, Set<string>>(),
};

/** The keys of the question's content words (not its names nor light words), synonyms included. */
function contentKeysOf(q: AnalysedQuestion): Set<string> {
  return keysOf(q, "content", (concept) => !concept.name && concept.weight >= 1);
}

function questionKeysOf(q: AnalysedQuestion): Set<string> {
  return keysOf(q, "all", () => true);
}

/** The keys of the concepts `which` keeps, once per question. */
function keysOf(
  q: AnalysedQuestion,
  cache: keyof typeof keySets,
  which: (concept: AnalysedQuestion["concepts"][number]) => boolean,
): Set<string> {
  let keys = keySets[cache].get(q);
  if (!keys) {
    // Plain loops: `flat` costs several times more over a question's few dozen keys.
    keys = new Set<string>();
    for (const concept of q.concepts)
      if (which(concept))
        for (const alternative of concept.alternatives)
          for (const word of alternative) for (const key of word) keys.add(key);
    keySets[cache].set(q, keys);
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
