import type { Lang } from "../model.ts";
import { termKeys } from "../text/analyze.ts";
import { findNameSpans, type NameSpan } from "../text/entities.ts";
import { foldText } from "../text/fold.ts";
import { detectLanguage } from "../text/language.ts";
import { stemKeys } from "../text/stem.ts";
import { isStopWord } from "../text/stopwords.ts";
import { type Token, tokenize } from "../text/tokenize.ts";
import type { WeightedKey } from "./fact-index.ts";
import {
  type Alternative,
  alternativesOf,
  groupsOfKeys,
  keysOfGroup,
  matchPhrase,
  ROLE_GROUPS,
} from "./lexicon.ts";

/** What kind of answer a question wants. */
export type QuestionKind = "who" | "when" | "howmuch" | "why" | "what" | "where" | "yesno";

/** One thing the question is about, with every way a fact may say it. */
export interface Concept {
  /** As the asker wrote it. */
  label: string;
  /** A fact covers the concept when it holds every word of one alternative. */
  alternatives: Alternative[];
  /** Lexicon groups it belongs to (`founder`, `usa`): roles and places are read from these. */
  groups: string[];
  /** 2 for names, 1 for content words, 0.4 for light verbs (`give`, `become`). */
  weight: number;
  name: boolean;
  /** For a name of several words: each word (`Solvagrid`, `Nimbus`), so a fact saying only `the Nimbus` is seen. */
  parts?: Alternative;
  /** `Atlas-4`, `iPhone 16`: the version asked about; a fact naming another one is not about it. */
  version?: string;
}

/** A question read for answering: its language, the kind of answer it wants, its concepts. */
export interface AnalysedQuestion {
  text: string;
  lang: Lang;
  kind: QuestionKind;
  /** For `howmuch`: the unit asked for (`day`, `%`, `money`, `people`), when the question says. */
  unit?: string;
  /** "Who is Patrick Moorhead?": the question is only names; a description answers it. */
  identity: boolean;
  /**
   * For `who`: the name the question makes the subject of its verb (`Who did Oracle choose…?`,
   * `Quel partenaire Oracle a-t-il choisi ?`), folded. The answer is the one it acted on.
   */
  actor?: string;
  /** The question says "not" (`Who was not chosen…`): facts that say it too rank higher. */
  negated: boolean;
  concepts: Concept[];
  /** The concepts' labels. */
  keyTerms: string[];
  /** Every key the index is asked for, weighted; lexicon synonyms weigh a little less. */
  expandedTerms: WeightedKey[];
}

const NAME_WEIGHT = 2;
const LIGHT_WEIGHT = 0.4;
const SYNONYM_FACTOR = 0.8;

// The interrogatives, earliest in the question wins; `what`/`which`/`quel` are refined by the
// noun after them (`which company` wants a who, `what year` a when).
const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  ["howmuch", /\b(?:how (?:much|many|long|big|large|old)|combien)\b/],
  ["when", /\b(?:when|quand|since when|depuis quand)\b/],
  [
    "why",
    /\b(?:why|pourquoi|how come|for what reason|pour quelle raison|what caused|what led to|qu'est-ce qui a (?:cause|provoque|entraine))\b/,
  ],
  ["where", /\bwhere\b|(?:^|\s)où(?=\s|$|\?)/],
  ["who", /\b(?:who|whom|whose|qui)\b/],
  ["what", /\b(?:what|which|que|qu'|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles)\b/],
  // `Comment X a-t-il réagi ?` asks how, not yes or no; `how` alone (not `how much`) too.
  ["what", /^(?:how|comment)\b/],
];
const TYPE_NOUNS: Record<string, { kind: QuestionKind; unit?: string }> = {};
for (const [kind, words, unit] of [
  [
    "who",
    "person people personne personnes company companies firm firms entreprise entreprises societe societes firme firmes groupe groups group organisation organization organisations organizations newspaper newspapers journal media outlet outlets",
  ],
  ["when", "year years annee date day jour month mois moment epoque"],
  // `À quelle heure`, `What time`: a time of day answers (`15 h 20`, `3:20 pm`).
  ["when", "time heure hour", "clock"],
  ["where", "country countries pays city cities ville villes place lieu region state etat"],
  ["why", "reason reasons raison raisons motif"],
  ["howmuch", "price cost amount montant prix cout somme value valeur", "money"],
  ["howmuch", "percentage pourcentage percent proportion share part stake participation", "%"],
  ["howmuch", "number nombre"],
  // `Combien de temps`, `Quelle est la durée`: a length of time answers (`sept heures`).
  ["howmuch", "temps duree duration", "duration"],
] as const) {
  for (const word of words.split(" ")) TYPE_NOUNS[word] = { kind, ...(unit ? { unit } : {}) };
}
const UNIT_WORDS: Record<string, string> = {};
for (const [unit, words] of Object.entries({
  day: "day days jour jours",
  week: "week weeks semaine semaines",
  month: "month months mois",
  year: "year years an ans annee annees",
  hour: "hour hours heure heures",
  minute: "minute minutes min",
  second: "second seconds seconde secondes",
  people: "employees employee people personnes staff workers salaries employes jobs postes emplois positions",
  users: "users utilisateurs customers clients subscribers abonnes",
  money: "money argent dollars euros",
})) {
  for (const word of words.split(" ")) UNIT_WORDS[word] = unit;
}
/** The unit a word names (`jours` → `day`, `employés` → `people`), as questions and facts use it. */
export function unitOfWord(folded: string): string | undefined {
  return UNIT_WORDS[folded];
}
/** The words that name a unit (`people`: `employees`, `salariés`, `staff`…), folded. */
function unitWords(unit: string): string[] {
  return Object.keys(UNIT_WORDS).filter((word) => UNIT_WORDS[word] === unit);
}
/** Units that measure a length of time: any of them answers `Combien de temps`, `How long`. */
export const DURATION_UNITS: ReadonlySet<string> = new Set([
  "second",
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "year",
]);

// Rising, falling, cutting: `how much` asks by how much, most often in percent.
const CHANGE_GROUPS: ReadonlySet<string> = new Set(["rise", "fall", "growth", "cut", "loss"]);

// "What is Oracle's revenue?" asks for a number even though it starts with "what".
const QUANTITY_GROUPS: Record<string, string> = {
  price: "money",
  valuation: "money",
  revenue: "money",
  profit: "money",
  users: "users",
  employees: "people",
  fine: "",
};

// Nouns of roles and relations a person or company holds: `which partner` wants a name.
const WHO_NOUN_GROUPS: ReadonlySet<string> = new Set([...ROLE_GROUPS, "partner", "buyer"]);
// `Which judge ruled…`, `Quel studio…`: who or what holds the name asked for; the noun stays a
// search term (`Judge Carolyn Mbeki`).
const PERSON_NOUNS = new Set(
  `judge judges juge juges lawyer lawyers avocat avocats avocate analyst analysts analyste analystes minister
  ministers ministre ministres official officials senator senators senateur depute deputes regulator regulators
  regulateur regulateurs agency agencies agence agences authority autorite court cour tribunal bank banks banque
  banques startup startups studio studios carrier carriers operator operators operateur operateurs manufacturer
  manufacturers constructeur constructeurs fabricant fabricants brand brands marque marques investor investors
  investisseur investisseurs fund fonds rival rivals rivaux competitor competitors concurrent concurrents
  supplier suppliers fournisseur fournisseurs client customer executive executives dirigeant dirigeants`.split(
    /\s+/,
  ),
);
const LIGHT_GROUPS = new Set(["become", "show", "give"]);
// General verbs: the answer need not repeat them. Besides `make`, `faire`, `pouvoir`…, those of
// counting and holding (`Combien d'utilisateurs compte X ?` is answered by `X a 45 millions
// d'utilisateurs`; not `own`/`possède`, which ask who owns), lasting (`How long did it last?`),
// working (`How many people work at X?`) and filing (`Who filed the complaint against X?`), and
// `against`, which says no more than the complaint or attack it follows.
const LIGHT_WORDS = new Set(
  `get got make made take took go went come came happen happened tell told know avoir faire fait dire dit
  aller va vont allait venir prendre mettre passer peut doit devait devrait pourrait should sera seront serait
  etre count counts counted counting compte comptent comptait comptaient compter totalise totalisent totalisait
  contain contains contained contient contiennent contenait employ employs employed emploie emploient employait
  work works worked working travaille travaillent travaillait travailler last lasts lasted lasting dure durent
  durait dura durer file files filed filing depose deposee deposent deposer porte portee porter against contre`.split(
    /\s+/,
  ),
);
// `last year`, `l'an dernier`, `cette année`: when the question is set, not what the answer must
// say (a fact says `en 2024`); its words only help find it.
const TIME_PHRASES =
  /(?<!\p{L})(?:(?:last|this|next|past)\s+(?:year|month|week|weekend|quarter|summer|winter|spring|autumn|fall)|(?:l'an|l'ann[ée]e|le mois|la semaine|le trimestre)\s+(?:derni[èe]re?|prochaine?|pass[ée]e?)|(?:cette|ce|cet)\s+(?:ann[ée]e|an|mois|semaine|trimestre|week-end|[ée]t[ée]|hiver|automne|printemps)|yesterday|today|hier|aujourd'hui)(?!\p{L})/gu;
const LINKS = new Set(["de", "du", "des", "of"]);
const QUANTIFIERS = new Set(["much", "many", "long", "big", "large", "old"]);
// The French inverted subject: `va-t-il`, `sera-t-elle`, `peut-on`.
const INVERTED = /\p{L}-(?:t-)?(?:il|elle|ils|elles|on)(?![\p{L}-])/u;
const YESNO =
  /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|est-ce que|est-ce qu')\b/;
// Letters, not `\b`: `\bne\b` found a negation in `Solvène` (`è` is not a word character to `\b`).
const NEGATION =
  /(?<!\p{L})(?:not|never|no|ne|pas|jamais|aucun|aucune|nobody)(?!\p{L})|n't(?!\p{L})|(?<!\p{L})n'/u;

/**
 * Reads a question in English or French: its language (the hint wins when the question is too
 * short to tell), the kind of answer it wants, its concepts (names, content words, lexicon
 * synonyms) and the weighted keys to look them up with.
 */
export function analyseQuestion(question: string, langHint?: string): AnalysedQuestion {
  const text = question.trim();
  const lang = detectLanguage(text, langHint);
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const folded = foldText(text);
  const tokens = tokenize(text);
  const foldedTokens = tokens.map((t) => t.folded);

  // `Est-ce que` opens a yes/no question; its `que` is not "what".
  const yesno = folded.match(YESNO);
  const searched = yesno ? " ".repeat(yesno[0].length) + folded.slice(yesno[0].length) : folded;
  // Without an interrogative, `TikTok va-t-il faire appel ?` asks yes or no, as `Will TikTok…?` does.
  let kind: QuestionKind = yesno || INVERTED.test(lower) ? "yesno" : "what";
  let at = Number.POSITIVE_INFINITY;
  for (const [candidate, re] of KIND_PATTERNS) {
    const m = (candidate === "where" ? lower : searched).match(re);
    if (m && m.index! < at) [kind, at] = [candidate, m.index!];
  }
  // The noun right after the interrogative says what is wanted and is not itself a search term.
  const skip = new Set<number>();
  // Words searched for but not required of the answer: the unit (`salariés`: a sentence saying
  // `45 salariés` without the company's name is found by it) and time phrases (`last year`).
  const light = new Set<number>();
  let unit: string | undefined;
  const first = tokens.findIndex((t) => t.start >= at);
  for (let i = first; i >= 0 && i < Math.min(tokens.length, first + 5); i++) {
    const word = foldedTokens[i]!;
    // `How much time`: a length of time, not a time of day.
    const type = kind === "howmuch" && word === "time" ? TYPE_NOUNS.duree : TYPE_NOUNS[word];
    if (kind === "howmuch" && UNIT_WORDS[word]) {
      unit = UNIT_WORDS[word];
      light.add(i);
    } else if (kind === "howmuch" && type && type.kind !== "howmuch") {
      // `How many cities…`: what is counted, a word to search for; the answer is still a number.
    } else if ((kind === "what" || kind === "howmuch" || kind === "who") && type) {
      if (kind !== "who" || type.kind === "who") skip.add(i);
      if (kind !== "who") kind = type.kind;
      unit = type.unit ?? unit;
    } else if (
      kind === "what" &&
      (PERSON_NOUNS.has(word) || groupsOfKeys(termKeys(word)).some((g) => WHO_NOUN_GROUPS.has(g)))
    ) {
      // `Quel partenaire Oracle a-t-il choisi ?`: a name answers, and the noun stays a search term.
      kind = "who";
    } else if (isStopWord(word) || QUANTIFIERS.has(word) || kind === "howmuch") {
      // `How many Indian employees`: the unit may come after an adjective.
      continue;
    }
    break;
  }
  // `How much did X stock fall?`, `De combien…`: a change, in percent more often than money
  // (settled once the concepts are read, below).
  const howMuch = kind === "howmuch" && !unit && /\bhow much\b|\bde combien\b/.test(folded);
  if (howMuch && /\bhow much\b/.test(folded)) unit = "money";
  // `How many customers…`, `Combien de clients…`: things counted, not an amount of money.
  if (kind === "howmuch" && !unit && /\bhow many\b|\bcombien d(?:e\b|')/.test(folded)) unit = "count";
  if (kind === "howmuch" && !unit && /\bhow long\b/.test(folded)) unit = "duration";
  for (const m of lower.matchAll(TIME_PHRASES)) {
    const end = m.index + m[0].length;
    tokens.forEach((t, i) => {
      if (t.start >= m.index && t.start < end) light.add(i);
    });
  }

  const concepts: Concept[] = [];
  // The token each concept starts at.
  const starts: number[] = [];
  // `CTO`, `CFO` written in capitals are roles, not names.
  const names = findNameSpans(text)
    .flatMap((span) => splitAtLinks(span, tokens, text))
    .filter((span) => span.firstToken !== span.lastToken || !isRoleWord(span.key));
  const subject = invertedSubject(tokens, text, names);
  if (subject) names.unshift(subject);
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    const name = names.find((n) => n.firstToken === i);
    if (name) {
      const parts = foldedTokens.slice(i, name.lastToken + 1).filter((w) => !isStopWord(w));
      const phrase = matchPhrase(foldedTokens, i);
      const groups = [...groupsOfKeys(stemKeys(name.key)), ...(phrase ? [phrase.group] : [])];
      // `Supreme Court` is also `Cour suprême`: each part may be said with a lexicon synonym.
      const alternatives: Alternative[] = [[stemKeys(name.key)], parts.map(withSynonyms)];
      alternatives.push(...makerAndProduct(foldedTokens.slice(i, name.lastToken + 1)));
      for (const g of groups) alternatives.push(...alternativesOf(g));
      // `Atlas-4`, `iPhone 16`: the version is part of the name; a fact about `Atlas-3` is not
      // about it.
      const next = tokens[name.lastToken + 1];
      const version =
        next &&
        /^\d+$/.test(next.folded) &&
        /^[-\s]$/.test(text.slice(tokens[name.lastToken]!.end, next.start))
          ? next.folded
          : undefined;
      const split = parts.length > 1 ? { parts: parts.map(withSynonyms) } : {};
      const label = version ? text.slice(name.start, next!.end) : name.surface;
      starts[concepts.length] = i;
      concepts.push({
        label,
        alternatives,
        groups,
        weight: NAME_WEIGHT,
        name: true,
        ...split,
        ...(version ? { version } : {}),
      });
      i = version ? name.lastToken + 1 : name.lastToken;
      continue;
    }
    const phrase = matchPhrase(foldedTokens, i);
    if (phrase) {
      const label = text.slice(tokens[i]!.start, tokens[i + phrase.length - 1]!.end);
      starts[concepts.length] = i;
      concepts.push(conceptOf(label, [], [phrase.group], light.has(i)));
      i += phrase.length - 1;
      continue;
    }
    const word = foldedTokens[i]!;
    if (isStopWord(word) || QUANTIFIERS.has(word) || word.length < 2) continue;
    const keys = termKeys(word);
    const concept = conceptOf(
      tokens[i]!.surface,
      keys,
      groupsOfKeys(keys),
      LIGHT_WORDS.has(word) || light.has(i),
    );
    // The unit is said with any of its words: `people` by `210 employees`.
    if (unit && UNIT_WORDS[word] === unit)
      for (const other of unitWords(unit)) if (other !== word) concept.alternatives.push([termKeys(other)]);
    starts[concepts.length] = i;
    concepts.push(concept);
  }
  if (kind === "yesno") {
    // What is asked about the subject decides the answer: `Was the outage a cyberattack?` is
    // answered by the sentence about a cyberattack, not by the one about the outage (askedPart).
    const { from, to, first } = askedPart(tokens, foldedTokens, names, lower);
    for (let n = 0; n < concepts.length; n++) {
      const concept = concepts[n]!;
      if (concept.name || concept.weight < 1 || starts[n]! < from || starts[n]! >= to) continue;
      concept.weight = PREDICATE_WEIGHT;
      if (first) break;
    }
  }
  // `What is Oracle's revenue?` asks for a number; `Combien vaut Quantrix ?`, for money.
  const quantity = concepts.flatMap((c) => c.groups).find((g) => g in QUANTITY_GROUPS);
  if (quantity && kind === "what") {
    kind = "howmuch";
    unit = QUANTITY_GROUPS[quantity] || undefined;
  } else if (quantity && kind === "howmuch" && !unit && QUANTITY_GROUPS[quantity] === "money") {
    unit = "money";
  }
  if (howMuch && concepts.some((c) => c.groups.some((g) => CHANGE_GROUPS.has(g)))) unit = "change";
  const keyTerms = concepts.map((c) => c.label);
  const actor = kind === "who" ? actorOf(text, names) : undefined;
  const identity =
    (kind === "who" || kind === "what") && concepts.length > 0 && concepts.every((c) => c.name);
  return {
    text,
    lang,
    kind,
    ...(unit ? { unit } : {}),
    identity,
    ...(actor ? { actor } : {}),
    negated: NEGATION.test(lower),
    concepts,
    keyTerms,
    expandedTerms: expand(concepts),
  };
}

const PREDICATE_WEIGHT = 2;
const COPULAS = new Set(["is", "are", "was", "were", "est", "etait", "sont", "etaient"]);
const BE = new Set(["be", "been", "being", "ete"]);
const THE = new Set(["the", "le", "la", "les", "l", "this", "that"]);
const DETERMINERS = new Set(["a", "an", "the", "any", "un", "une", "le", "la", "les", "des", "du"]);

/**
 * The words a yes/no question asks about (token indexes `from` to `to`, or only the first concept
 * there): a copula's complement (`Was the Solvène outage | a cyberattack`), the verb of any other
 * (`Will Orchard | appeal the ruling`, `Orchard va-t-il | faire appel`, `Has the deal been |
 * approved`), or a passive's subject (`Were | bank details | stolen in the breach?`: whether these
 * were stolen, which the headline about the breach does not say), unless it is one already known
 * (`Was the cable | sabotaged?`).
 */
function askedPart(
  tokens: readonly Token[],
  folded: readonly string[],
  names: readonly NameSpan[],
  lower: string,
): { from: number; to: number; first: boolean } {
  const end = tokens.length;
  const inverted = lower.match(INVERTED);
  if (inverted) {
    const after = inverted.index! + inverted[0].length;
    const at = tokens.findIndex((t) => t.start >= after);
    const copula = COPULAS.has(folded[at - 3] ?? "") || COPULAS.has(folded[at - 2] ?? "");
    return { from: at < 0 ? end : at, to: end, first: !copula };
  }
  // `Est-ce que la panne était | une cyberattaque`: the subject comes before the verb.
  const opening = folded[0] === "est" && folded[1] === "ce" ? 2 : 0;
  if (opening > 0) {
    const verb = folded.findIndex((word, i) => i > opening && (COPULAS.has(word) || BE.has(word)));
    if (verb > 0) return { from: verb + 1, to: end, first: !COPULAS.has(folded[verb]!) };
  }
  const been = folded.findIndex((word, i) => i > opening && BE.has(word));
  if (been > 0) return { from: been + 1, to: end, first: true };
  // The subject's own article (`Was the outage…`) is not the complement's.
  const article = folded.findIndex((word, i) => i > opening + 1 && DETERMINERS.has(word));
  if (COPULAS.has(folded[0]!)) {
    const complement = article > 0 ? article : end;
    const participle = folded.findIndex((word, i) => i > 1 && i < complement && isParticiple(word));
    // `Was the cable | sabotaged?`: a subject already known (`the`) is not what is asked.
    if (participle > 0)
      return THE.has(folded[1]!)
        ? { from: participle, to: end, first: true }
        : { from: 1, to: participle, first: false };
    return { from: complement, to: end, first: false };
  }
  const subject = names.find((n) => n.firstToken > opening);
  if (subject && subject.firstToken <= opening + 2)
    return { from: subject.lastToken + 1, to: end, first: true };
  return { from: article > 0 ? article : end, to: end, first: true };
}

const IRREGULAR_PARTICIPLES = new Set(
  `stolen taken given sold bought hit paid made chosen won lost shut cut held led left known seen built sent
  told found brought broken hidden written done run spent hurt struck sued`.split(/\s+/),
);

function isParticiple(word: string): boolean {
  return (word.length > 4 && word.endsWith("ed")) || IRREGULAR_PARTICIPLES.has(word);
}

/**
 * `Voltway est-il rentable ?`: the capitalised word before a French inverted verb is its
 * subject, a name, though it opens the question (an opening word alone is not taken for a name).
 */
function invertedSubject(
  tokens: readonly Token[],
  text: string,
  names: readonly NameSpan[],
): NameSpan | undefined {
  const first = tokens[0];
  if (!first || names.some((n) => n.firstToken === 0) || first.surface === first.folded) return undefined;
  if (isStopWord(first.folded) || groupsOfKeys(termKeys(first.folded)).length > 0) return undefined;
  const inverted = INVERTED.exec(text.slice(first.end).toLowerCase());
  if (!inverted || !/^\s+\p{L}+$/u.test(text.slice(first.end, first.end + inverted.index + 1)))
    return undefined;
  return {
    key: first.folded,
    surface: first.surface,
    start: first.start,
    end: first.end,
    firstToken: 0,
    lastToken: 0,
  };
}

// `did Oracle`, `will the Oracle board`: an auxiliary before the name makes it the subject.
const AUXILIARY_BEFORE = /\b(?:did|does|do|has|have|had|will|would|could|should|can)\s+(?:the\s+)?$/i;
// `Oracle a-t-il choisi`: the inverted pronoun after the name does.
const INVERSION_AFTER = /^\s+\p{L}+-t-(?:il|elle)\b/u;

function isRoleWord(key: string): boolean {
  return groupsOfKeys(termKeys(key)).some((g) => ROLE_GROUPS.has(g));
}

function actorOf(text: string, names: readonly NameSpan[]): string | undefined {
  return names.find(
    (n) => AUXILIARY_BEFORE.test(text.slice(0, n.start)) || INVERSION_AFTER.test(text.slice(n.end)),
  )?.key;
}

/** `Helix de Vantaware Technologies` asks about two names: the product and its maker. */
function splitAtLinks(span: NameSpan, tokens: readonly Token[], text: string): NameSpan[] {
  const out: NameSpan[] = [];
  let first = span.firstToken;
  for (let i = span.firstToken; i <= span.lastToken + 1; i++) {
    const token = tokens[i];
    if (i <= span.lastToken && !(token && LINKS.has(token.surface))) continue;
    if (i > first) {
      const parts = tokens.slice(first, i);
      const start = first === span.firstToken ? span.start : parts[0]!.start;
      const end = parts.at(-1)!.end;
      out.push({
        key: parts.map((t) => t.folded).join(""),
        surface: text.slice(start, end),
        start,
        end,
        firstToken: first,
        lastToken: i - 1,
      });
    }
    first = i + 1;
  }
  return out;
}

/**
 * `the Oxydata Systems Echo` may be one company's product: the company's name, then the rest
 * (`Echo`), as a sentence says it (`The Echo goes on sale…` in an article that names Oxydata
 * Systems). Each way to cut a name of three words or more in two, the first part joined.
 */
function makerAndProduct(words: readonly string[]): Alternative[] {
  const out: Alternative[] = [];
  for (let cut = 2; cut < words.length; cut++)
    out.push([stemKeys(words.slice(0, cut).join("")), ...words.slice(cut).map(withSynonyms)]);
  return out;
}

function withSynonyms(word: string): string[] {
  const keys = termKeys(word);
  return [...new Set([...keys, ...groupsOfKeys(keys).flatMap(keysOfGroup)])];
}

// `Who runs Activision?` asks for its head: the question's word also means the role.
const ASKED_AS: Record<string, string> = { operate: "head" };

function conceptOf(label: string, keys: readonly string[], said: string[], light = false): Concept {
  const groups = [...new Set([...said, ...said.flatMap((g) => ASKED_AS[g] ?? [])])];
  const alternatives: Alternative[] = keys.length > 0 ? [[keys]] : [];
  for (const g of groups) alternatives.push(...alternativesOf(g));
  const isLight = light || (groups.length > 0 && groups.every((g) => LIGHT_GROUPS.has(g)));
  return { label, alternatives, groups, weight: isLight ? LIGHT_WEIGHT : 1, name: false };
}

function expand(concepts: readonly Concept[]): WeightedKey[] {
  const out: WeightedKey[] = [];
  concepts.forEach((concept, n) => {
    const weights = new Map<string, number>();
    concept.alternatives.forEach((alternative, a) => {
      const weight = concept.weight * (a === 0 ? 1 : SYNONYM_FACTOR);
      for (const word of alternative)
        for (const key of word) weights.set(key, Math.max(weights.get(key) ?? 0, weight));
    });
    for (const [key, weight] of weights) out.push({ key, weight, concept: n });
  });
  return out;
}
