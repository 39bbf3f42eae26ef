import { tokenize } from "../text/tokenize.ts";

/** A stretch of a sentence that can answer a question (a date, a cause, a place). */
export interface Spot {
  start: number;
  end: number;
  /** How surely it answers: an explicit date over `ce week-end`, `because` over `after`. */
  strength: number;
  /** For a cause: where the cause itself starts, after its marker (`because of` ‸`the storm`). */
  body?: number;
}

// JavaScript's \b only knows ASCII letters: `à` and `é` need Unicode-aware word edges. A word
// also ends right after an elided article (`à cause d'`, `afin d'`, `accusée d'` before `avoir`).
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?:(?<=['’])|(?![\\p{L}\\p{N}]))";
const FR_MONTH =
  "(?:[Jj]anvier|[Ff][ée]vrier|[Mm]ars|[Aa]vril|[Mm]ai|[Jj]uin|[Jj]uillet|[Aa]o[ûu]t|[Ss]eptembre|[Oo]ctobre|[Nn]ovembre|[Dd][ée]cembre)";
const EN_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

const EXPLICIT_DATES = words(
  [
    `(?:\\d{1,2}(?:er)?\\s+)?${FR_MONTH}(?:\\s+(?:19|20)\\d\\d)?`,
    `(?:\\d{1,2}\\s+)?${EN_MONTH}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?(?:,?\\s+(?:19|20)\\d\\d)?`,
    "\\d{4}-\\d\\d-\\d\\d",
    "\\d{1,2}/\\d{1,2}/\\d{2,4}",
    "(?:19|20)\\d\\d",
  ],
  "gu",
);
const RELATIVE_DATES = words(
  [
    "(?:ce|cette|this|last|next|le|la)\\s+(?:week-end|weekend|semaine|mois|année|week|month|year)(?:\\s+(?:derni[eè]re?|prochaine?))?",
    "hier|aujourd'hui|demain|yesterday|today|tomorrow|tonight|ce matin|ce soir|this morning",
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "il y a \\d+ \\p{L}+|\\d+ \\p{L}+ ago|earlier this \\p{L}+|plus t[ôo]t (?:cette|ce) \\p{L}+",
  ],
  "giu",
);
// Verbs of punishing and suing, whose reason often follows `over` or `, saying`.
const PUNISHING = `${B}(?:ban|bans|banned|banning|fine|fines|fined|fining|sue|sues|sued|suing|block|blocks|blocked|suspend\\p{L}*|sanction\\p{L}*|penali[sz]\\p{L}*|punish\\p{L}*|probe|probes|probed|investigat\\p{L}*|interdi\\p{L}*|bann\\p{L}*|condamn\\p{L}*|amend\\p{L}*|poursui\\p{L}*)${E}`;
const STRONG_CAUSES = words(
  [
    "because(?: of)?|due to|owing to|as a result of|in order to|so that|the reason|reasons?",
    "car|parce qu['’e]?|puisqu['’e]?|en raison d['’eu]s?|[àa] cause d['’eu]s?|gr[âa]ce [àa]|afin d['’e]|afin qu['’e]",
    "pour que|c'est qu['’e]?|raisons?|motifs?|amid (?:concerns?|fears?)|over (?:concerns?|fears?)",
    "par crainte|de peur|craintes?|inqui[ée]tudes?|citing|cited|invoquant|arguing|estimant qu['’e]?",
    "(?:pourquoi|why)[^:?]{3,80}:",
    // `fined … for abusing its position`, `condamnée pour avoir abusé de sa position`.
    "for (?!example|instance)\\p{L}{3,}ing|pour (?:ne pas )?avoir|s['’]explique par|(?:is|are|was|were) explained by",
    "caused by|causée? par|provoquée? par|accus\\p{L}* (?:it |them )?of|accusée? d['’e]|reproche",
    // Objections: `criticised the deal, warning that it could push up bills`.
    "warn(?:ing|ed|s) that|(?:en )?avertissant qu['’e]",
    // Purposes: `L'opération permettra à l'entreprise de renforcer…`, `in a bid to`.
    "in a bid to|in an effort to|so as to|aim(?:s|ed|ing)? to|vis(?:e|ent|ait|ant) [àa]|dans le but d['’e]",
    "permett?\\p{L}* (?:[àa] [^,.;]{1,40}? )?d['’e]|(?:allow|enable)(?:s|ed|ing)? (?:it|us|them|the company|the group) to",
  ],
  "giu",
);
// `will lay off 1,200 employees, as subscriber growth slows`: a clause after `, as`, unless `as`
// starts a comparison, a role or a quote's source.
const AS_CLAUSE =
  /(?<=, )as (?!well|part|of|such|much|many|long|soon|far|expected|usual|planned|reported|did|does|do|is|was|chief|ceo|head|a |an |the (?:first|second|third|last|largest|biggest|latest|only|new))(?=\p{L})/giu;
// Causes a verb earlier in the sentence introduces: `justifie ce plan par`, `blamed the outage
// on`, `banned the app, saying it had…`, `fined Rapidex 95 million reais over…`. Their lookbehinds
// are costly: they run only on sentences that hold such a verb (VERB_CAUSE_TRIGGER).
const VERB_CAUSE_TRIGGER = new RegExp(`${B}(?:justifi|blam)|${PUNISHING}`, "iu");
const VERB_CAUSES = words(
  [
    `(?=par)(?<=${B}justifi\\p{L}* (?:[^,.;:]{1,40} )?)par|(?=on)(?<=${B}blam\\p{L}* (?:[^,.;:]{1,40} )?)on`,
    `(?=saying|arguing|claiming|affirmant|expliquant|estimant)(?<=${PUNISHING}[^.;]{0,120}, )(?:saying|arguing|claiming|affirmant|expliquant|estimant)(?: that| it| qu['’e])?`,
    `(?=over)(?<=${PUNISHING} (?:[^\\s,.;:]+ ){0,6})over(?! (?:the |a |an )?(?:past|last|next|previous|coming|\\d))`,
  ],
  "giu",
);
// `attributed the delay to`, `imputée à`: also said of quotes and awarded contracts.
const ATTRIBUTED_CAUSES = words(
  ["attribut\\p{L}* (?:[^,.;:]{1,40} )?to|(?:attribu|imput)[ée]e?s? (?:[^,.;:]{1,40} )?(?:[àa]|aux?)"],
  "giu",
);
const WEAK_CAUSES = words(
  // `pour` before a number is a price (`pour 180 millions`), not a reason.
  ["since|after|following|amid|suite [àa]|[àa] la suite d['’eu]s?|apr[èe]s|pour(?!\\s+\\d)"],
  "giu",
);
const BASED = /(?<![\p{L}-])(\p{Lu}[\p{L}]+(?:[ -]\p{Lu}[\p{L}]+)?)-based(?![\p{L}])/gu;
const LOCATIVE = new RegExp(
  `${B}(?:in|at|from|[àa]|au|aux|en|dans|depuis)\\s+(?:the\\s+|la\\s+|le\\s+|l['’])?(\\p{Lu}[\\p{L}-]+)`,
  "gu",
);

function words(alternatives: string[], flags: string): RegExp {
  return new RegExp(`${B}(?:${alternatives.join("|")})${E}`, flags);
}

// Times of day: `15 h 20`, `15h20`, `8 h`, `6 heures du matin`, `3:20 pm`, `10 a.m.`, `midi`.
const CLOCK_TIMES = words(
  [
    "\\d{1,2}\\s?h\\s?\\d{2}|\\d{1,2}\\s?h",
    "\\d{1,2} heures?(?: \\d{1,2}| du (?:matin|soir)| de l['’]apr[èe]s-midi)",
    "(?<=(?:[àa]|vers|d[èe]s|jusqu['’][àa]|avant|apr[èe]s) )\\d{1,2} heures?",
    "\\d{1,2}[:.]\\d{2}\\s?(?:[ap]\\.m\\.?|[ap]m)|\\d{1,2}:\\d{2}|\\d{1,2}\\s?(?:[ap]\\.m\\.?|[ap]m)|\\d{1,2} o['’]clock",
    "(?<!-)(?:midi|minuit|noon|midnight)",
  ],
  "giu",
);

/**
 * Dates and time expressions in a sentence. A time of day answers `When…?` less surely than a
 * date, and `À quelle heure…?` (`clock`) more surely than one.
 */
export function findTimeSpots(text: string, clock = false): Spot[] {
  const scale = clock ? 0.6 : 1;
  const spots = [...text.matchAll(EXPLICIT_DATES)].map((m) => spot(m, scale));
  for (const m of text.matchAll(RELATIVE_DATES)) spots.push(spot(m, 0.8 * scale));
  for (const m of text.matchAll(CLOCK_TIMES)) spots.push(spot(m, clock ? 1 : 0.75));
  const dateline = datelineEnd(text);
  return dateline > 0 ? spots.filter((s) => s.start >= dateline) : spots;
}

/**
 * Where a dateline opening the text ends (0 without one): `COLUMBUS, Ohio, June 5 (Reuters) -`
 * gives the day of the report, not a date or number of what it reports.
 */
export function datelineEnd(text: string): number {
  return text.match(DATELINE)?.[0].length ?? 0;
}

const DATELINE = new RegExp(
  `^\\p{Lu}{2}[\\p{Lu} .'’-]*(?:,\\s*\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)*)?,\\s*(?:(?:${EN_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)\\s+\\d{1,2}|\\d{1,2}\\s+${FR_MONTH}|${FR_MONTH}\\s+\\d{1,2})(?:,?\\s+\\d{4})?\\s*(?:\\([^)]{1,30}\\)\\s*)?[-–—]`,
  "u",
);

/** Causes: from the marker (`parce que`, `because`, `Pourquoi … :`) to the end of its clause. */
export function findCauseSpots(text: string): Spot[] {
  const spots: Spot[] = [];
  for (const [re, strength] of [
    [STRONG_CAUSES, 1],
    ...(VERB_CAUSE_TRIGGER.test(text) ? [[VERB_CAUSES, 1] as const] : []),
    [ATTRIBUTED_CAUSES, 0.8],
    [AS_CLAUSE, 0.7],
    [WEAK_CAUSES, 0.45],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const body = m.index + m[0].length;
      spots.push({ start: m.index, end: clauseEnd(text, body), strength, body });
    }
  }
  // `A faulty update caused the outage`: the cause is the clause before the verb.
  for (const m of text.matchAll(CAUSING_VERBS)) {
    const start = clauseStart(text, m.index);
    if (m.index - start >= 3) spots.push({ start, end: m.index + m[0].length, strength: 1, body: start });
  }
  return spots;
}

const CAUSING_VERBS = words(["caused|triggered|led to|a caus[ée]|a provoqu[ée]|a entra[îi]n[ée]"], "giu");

function clauseStart(text: string, to: number): number {
  const before = text.slice(0, to);
  const stop = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "), before.lastIndexOf(". "));
  return stop < 0 ? 0 : stop + 2;
}

/** Places: a place name (`aux États-Unis`, `in India`) or a capitalised word after `in`/`à`. */
export function findPlaceSpots(text: string, isPlaceName: (word: string) => boolean): Spot[] {
  const spots: Spot[] = [];
  // `the Boston-based start-up`: the place is before `-based`.
  for (const m of text.matchAll(BASED)) {
    const word = m[1]!;
    spots.push({ start: m.index, end: m.index + word.length, strength: 1 });
  }
  for (const m of text.matchAll(LOCATIVE)) {
    const word = m[1]!;
    const start = m.index + m[0].length - word.length;
    const key = tokenize(word)
      .map((t) => t.folded)
      .join("");
    spots.push({ start, end: start + word.length, strength: isPlaceName(key) ? 1 : 0.7 });
  }
  return spots;
}

function spot(m: RegExpMatchArray, strength: number): Spot {
  return { start: m.index!, end: m.index! + m[0].length, strength };
}

function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const stop = rest.search(/[,;.!?»”]\s|[;.!?»”]$/u);
  return stop < 0 ? text.length : from + stop;
}
