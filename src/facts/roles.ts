import type { NameSpan } from "../text/entities.ts";
import { stemKeys } from "../text/stem.ts";
import type { Token } from "../text/tokenize.ts";
import type { RoleRelation } from "./fact.ts";
import { groupsOfKeys, isPlacePhrase, matchPhrase, PLACE_GROUPS, ROLE_GROUPS } from "./lexicon.ts";
import { isKnownPlace } from "./place-names.ts";

/** A sentence as relation finding reads it: its tokens and the names among them. */
export interface SentenceNames {
  text: string;
  tokens: Token[];
  names: NameSpan[];
}

// Verbs that end an apposition: `Donald Trump, le fondateur d'Oracle est …` is not about Trump.
const AUXILIARIES = new Set(
  "est sont etait etaient sera serait a ont avait va vont is are was were will would has have had did does".split(
    " ",
  ),
);
/** The text between token i - 1 and token i ("" at either end). */
export function gapBefore(s: SentenceNames, i: number): string {
  return i <= 0 || i >= s.tokens.length ? "" : s.text.slice(s.tokens[i - 1]!.end, s.tokens[i]!.start);
}

export const ORG_LINKS = new Set(["de", "du", "des", "of", "chez", "at", "d"]);
// `Helixa, founded in 2019 by Dana Levin,` says what was done to the name, not a role it holds.
const DONE_TO =
  /^(?:co-?)?(?:founded|created|owned|fonde|fondee|fondes|fondees|cree|creee|detenu|detenue|possede|possedee)$/;

// Gaps around an apposition: `Name, description,` (hoisted: a literal in a loop is a new object).
const ONLY_COMMA = /^\s*,\s*$/;
const CLAUSE_BREAK = /[,;.()!?]/;
const CLOSING = /[,;)]/;

/** `Patrick Moorhead, président et analyste principal chez Moor Insights & Strategy,` */
export function findAppositions(s: SentenceNames, folded: string[], roles: RoleRelation[]): void {
  for (const name of s.names) {
    const from = name.lastToken + 1;
    if (!ONLY_COMMA.test(gapBefore(s, from)) || isPlace(name.key)) continue;
    let end = from;
    while (end < s.tokens.length && (end === from || !CLAUSE_BREAK.test(gapBefore(s, end)))) end++;
    // The description must be closed (comma, bracket or the end) and hold no verb.
    const closed = end === s.tokens.length || CLOSING.test(gapBefore(s, end));
    const phrase = folded.slice(from, end);
    if (!closed || phrase.length > 12 || phrase.some((w) => AUXILIARIES.has(w))) continue;
    const roleIndex = phrase.slice(0, 5).findIndex((_, k) => roleAt(folded, from + k) !== undefined);
    if (roleIndex < 0 || DONE_TO.test(phrase[roleIndex]!)) continue;
    const role = roleAt(folded, from + roleIndex)!;
    const org = s.names.find((span) => span.firstToken > from + roleIndex && span.lastToken < end);
    const last = s.tokens[end - 1]!;
    const groups = new Set(role.groups);
    for (let k = from + roleIndex + role.length; k < end; k++)
      for (const g of roleAt(folded, k)?.groups ?? []) groups.add(g);
    if (roles.some((r) => r.holderKey === name.key)) continue;
    roles.push({
      holder: name.surface,
      holderKey: name.key,
      role: s.text.slice(s.tokens[from]!.start, org ? org.start : last.end).trim(),
      groups: [...groups],
      ...(org ? { org: org.surface, orgKey: org.key } : {}),
      start: name.start,
      end: last.end,
    });
  }
}

const AS_WORDS = new Set(["as", "comme"]);
const ROLE_FILLERS = new Set(
  "a an the le la l un une its his her their son sa ses leur new nouveau nouvelle interim interimaire".split(
    " ",
  ),
);
const APPOINT =
  /^(?:names?|named|appoint(?:s|ed)?|hires?|hired|promot(?:es|ed)|taps?|tapped|nomm\p{L}*|d[ée]sign\p{L}*|recrut\p{L}*)$/u;

/** `appointed Jane Doe as chief executive`, `nomme Jane Doe directrice générale`. */
export function findAppointments(s: SentenceNames, folded: string[], roles: RoleRelation[]): void {
  for (const name of s.names) {
    let i = name.lastToken + 1;
    const afterVerb = APPOINT.test(s.tokens[name.firstToken - 1]?.surface.toLowerCase() ?? "");
    if (AS_WORDS.has(folded[i] ?? "")) i++;
    else if (folded[i] === "en" && folded[i + 1] === "tant" && folded[i + 2] === "que") i += 3;
    else if (folded[i] === "au" && folded[i + 1] === "poste" && ORG_LINKS.has(folded[i + 2] ?? "")) i += 3;
    else if (!afterVerb) continue;
    // `as its new chief executive`, `comme nouveau PDG`.
    while (i <= name.lastToken + 5 && ROLE_FILLERS.has(folded[i] ?? "")) i++;
    const role = roleAt(folded, i);
    if (!role || roles.some((r) => r.holderKey === name.key)) continue;
    const after = i + role.length;
    // `Acme Robotics has appointed Jane Doe as …`: the appointing company, else `… of Acme`.
    const org = ORG_LINKS.has(folded[after] ?? "")
      ? s.names.find((n) => n.firstToken === after + 1)
      : afterVerb
        ? s.names.find((n) => n.lastToken < name.firstToken - 1 && n.lastToken >= name.firstToken - 4)
        : undefined;
    roles.push(heldRole(s, name, i, role, org));
  }
}

/** The role written at tokens `i`… (`role.length` of them) that `name` holds, of `org` if any. */
function heldRole(
  s: SentenceNames,
  name: NameSpan,
  i: number,
  role: { length: number; groups: string[] },
  org: NameSpan | undefined,
): RoleRelation {
  const roleEnd = s.tokens[i + role.length - 1]!.end;
  return {
    holder: name.surface,
    holderKey: name.key,
    role: s.text.slice(s.tokens[i]!.start, roleEnd),
    groups: role.groups,
    ...(org ? { org: org.surface, orgKey: org.key } : {}),
    // The appointing company may come first: `Quorlin names Elena Varga chief executive`.
    start: Math.min(name.start, org?.start ?? name.start),
    end: Math.max(roleEnd, org?.end ?? roleEnd),
  };
}

// `X is|remains|will become … ROLE`: the verbs that give their subject a role, as token runs.
const PREDICATES = [
  "is",
  "was",
  "remains",
  "remained",
  "becomes",
  "became",
  "will remain",
  "will become",
  "will be",
  "has been",
  "est",
  "etait",
  "reste",
  "restera",
  "devient",
  "deviendra",
  "sera",
  "a ete",
].map((verb) => verb.split(" "));

/** `Bobby Kotick will remain chief executive of Activision`, `Jane Doe devient PDG d'Acme`. */
export function findPredicates(s: SentenceNames, folded: string[], roles: RoleRelation[]): void {
  for (const name of s.names) {
    const from = name.lastToken + 1;
    const verb = PREDICATES.find((words) => words.every((w, k) => folded[from + k] === w));
    if (!verb || isPlace(name.key) || roles.some((r) => r.holderKey === name.key)) continue;
    let i = from + verb.length;
    while (i <= from + verb.length + 2 && ROLE_FILLERS.has(folded[i] ?? "")) i++;
    const role = roleAt(folded, i);
    if (!role) continue;
    const after = i + role.length;
    const org = ORG_LINKS.has(folded[after] ?? "")
      ? s.names.find((n) => n.firstToken === after + 1)
      : undefined;
    roles.push(heldRole(s, name, i, role, org));
  }
}

export function relation(
  holder: NameSpan,
  text: string,
  role: { groups: string[] },
  org: NameSpan | undefined,
  start: number,
  end: number,
): RoleRelation {
  const roleEnd = org && org.start > start ? org.start : holder.start;
  return {
    holder: holder.surface,
    holderKey: holder.key,
    role: text
      .slice(start, roleEnd)
      .replace(/[\s,]*(?:de|d'|d’|of|chez|at)?\s*$/u, "")
      .trim(),
    groups: role.groups,
    ...(org ? { org: org.surface, orgKey: org.key } : {}),
    start: Math.min(start, org?.start ?? start),
    end: Math.max(end, org?.end ?? end),
  };
}

/** A role word or phrase at token i (`PDG`, `chief executive`, `porte-parole`). */
export function roleAt(
  folded: readonly string[],
  i: number,
): { length: number; groups: string[] } | undefined {
  const phrase = matchPhrase(folded, i);
  const role =
    phrase && ROLE_GROUPS.has(phrase.group)
      ? { length: phrase.length, groups: [phrase.group] }
      : { length: 1, groups: [...roleGroupsOf(folded[i] ?? "")] };
  if (role.groups.length === 0 || headsDepartment(folded, i + role.length, role.groups)) return undefined;
  return role;
}

// `head of product`, `chef de produit`, `directeur de la communication`: a department's head, not
// the company's.
const DEPARTMENTS = new Set(
  `product products marketing sales communications communication research engineering design policy
  security operations strategy people hr legal growth partnerships content data ai infrastructure
  technology platform software hardware business development europe emea asia americas international
  produit produits ventes recherche ingenierie securite operations strategie juridique croissance
  partenariats contenu donnees developpement commercial communication`.split(/\s+/),
);
const OF = new Set(["of", "de", "du", "des", "d"]);

function headsDepartment(folded: readonly string[], after: number, groups: readonly string[]): boolean {
  if (!groups.includes("head") || !OF.has(folded[after] ?? "")) return false;
  const next = ["the", "la", "le", "l"].includes(folded[after + 1] ?? "") ? after + 2 : after + 1;
  return DEPARTMENTS.has(folded[next] ?? "");
}

/** A place name (`usa`, `chine`): never the answer to "who". */
export function isPlace(key: string): boolean {
  let place = places.get(key);
  if (place === undefined) {
    place =
      isKnownPlace(key) || isPlacePhrase(key) || groupsOfKeys(stemKeys(key)).some((g) => PLACE_GROUPS.has(g));
    remember(places, key, place);
  }
  return place;
}

// Every token of every sentence is asked whether it is a role or a place: words repeat, so the
// lexicon is looked up once per word. Bounded like the stem cache; cleared when full.
const CACHE_LIMIT = 100_000;
const roleGroups = new Map<string, readonly string[]>();
const places = new Map<string, boolean>();

function roleGroupsOf(word: string): readonly string[] {
  let groups = roleGroups.get(word);
  if (!groups) {
    groups = groupsOfKeys(stemKeys(word)).filter((g) => ROLE_GROUPS.has(g));
    remember(roleGroups, word, groups);
  }
  return groups;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
