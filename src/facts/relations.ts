import type { NameSpan } from "../text/entities.ts";
import type { Referent, RoleRelation } from "./fact.ts";
import {
  findAppointments,
  findAppositions,
  findPredicates,
  gapBefore,
  isPlace,
  ORG_LINKS,
  relation,
  roleAt,
  type SentenceNames,
} from "./roles.ts";

export interface SentenceRelations {
  roles: RoleRelation[];
  referents: Referent[];
}

const FIRM_WORDS = new Set(
  `firme societe entreprise groupe compagnie company firm group empire startup studio editeur publisher
  banque bank lender assureur insurer operateur operator carrier constructeur carmaker automaker chipmaker
  fabricant maker retailer distributeur`.split(/\s+/),
);
// `Its shares fell 9%`, `Son action a reculé`: a sentence opening on the company's possession.
const POSSESSIVES = new Set(["its", "son", "sa", "ses"]);
const POINTERS = [
  ["ce", "dernier"],
  ["cette", "derniere"],
  ["celui", "ci"],
  ["celle", "ci"],
  ["the", "latter"],
];
const POINTER_STARTS = new Set(POINTERS.map((words) => words[0]!));
const PRONOUNS = new Set(["he", "she", "elle"]);
const ELIDED_DE = /^d['’]/i;
const PUNCTUATION = /[,.;:]/;
const SENTENCE_PUNCTUATION = /[.;:]/;
const OWNER_GROUPS = ["founder", "owner", "head"];

/**
 * Finds who holds which role (appositions, `ROLE de ORG NAME`, `la firme de NAME`) and resolves
 * references (`Ce dernier`, `la firme`, a role named without its holder) across an item's
 * sentences, in order: a sentence may only refer back.
 */
export function findRelations(
  sentences: readonly SentenceNames[],
  /** Whether the first sentence is the item's title: it names what the item is about. */
  titled = false,
): SentenceRelations[] {
  const out: SentenceRelations[] = [];
  const open: OpenRole[] = [];
  const headline = titled ? sentences[0] : undefined;
  for (let n = 0; n < sentences.length; n++)
    out.push(relationsOf(readSentence(sentences, n, headline), open));
  inferOpenRoles(out, open, sentences);
  return out;
}

/** One sentence as relation finding reads it (plain data and functions: no closures per sentence). */
interface Reading {
  s: SentenceNames;
  n: number;
  previous: SentenceNames | undefined;
  headline: SentenceNames | undefined;
  folded: string[];
  /** True where the token is inside a name. */
  inName: boolean[];
  /** The name starting at each token (the first, as `names.find` would give). */
  startsAt: (NameSpan | undefined)[];
}

function readSentence(
  sentences: readonly SentenceNames[],
  n: number,
  headline: SentenceNames | undefined,
): Reading {
  const s = sentences[n]!;
  const folded = s.tokens.map((t) => t.folded);
  const inName: boolean[] = [];
  const startsAt: (NameSpan | undefined)[] = [];
  for (const span of s.names) {
    startsAt[span.firstToken] ??= span;
    for (let i = span.firstToken; i <= span.lastToken; i++) inName[i] = true;
  }
  return { s, n, previous: sentences[n - 1], headline, folded, inName, startsAt };
}

function nameAt(r: Reading, i: number): NameSpan | undefined {
  return i >= 0 ? r.startsAt[i] : undefined;
}

/** The last name before token `before` here, else the previous sentence's last name. */
function antecedent(r: Reading, before: number, exclude?: string): NameSpan | undefined {
  return lastName(r.s.names, before, exclude) ?? lastName(r.previous?.names ?? [], Infinity, exclude);
}

function relationsOf(r: Reading, open: OpenRole[]): SentenceRelations {
  const { s, folded } = r;
  const result: SentenceRelations = { roles: [], referents: [] };
  for (let i = 0; i < s.tokens.length; i++) {
    if (r.inName[i]) continue;
    const role = roleAt(folded, i);
    if (role) {
      readRole(r, i, role, result, open);
      i += role.length - 1;
      continue;
    }
    if (FIRM_WORDS.has(folded[i]!)) {
      readFirm(r, i, result);
      continue;
    }
    const pointer = POINTER_STARTS.has(folded[i]!)
      ? POINTERS.find((words) => words.every((w, k) => folded[i + k] === w))
      : undefined;
    const pronoun =
      i !== 0
        ? undefined
        : PRONOUNS.has(folded[0]!)
          ? firstPersonName(r.previous?.names ?? [])
          : POSSESSIVES.has(folded[0]!) && !nameAt(r, 1)
            ? companyOfItem(r, 0)
            : undefined;
    const target = pointer ? antecedent(r, i) : pronoun;
    if (target) {
      const last = s.tokens[i + (pointer?.length ?? 1) - 1]!;
      result.referents.push({ key: target.key, surface: target.surface, at: last.end });
    }
  }
  findAppositions(s, folded, result.roles);
  findAppointments(s, folded, result.roles);
  findPredicates(s, folded, result.roles);
  return result;
}

/** A role word at token i: `ROLE de ORG NAME`, `ORG ROLE NAME`, or a role whose holder is elsewhere. */
function readRole(
  r: Reading,
  i: number,
  role: { length: number; groups: string[] },
  result: SentenceRelations,
  open: OpenRole[],
): void {
  const { s, folded } = r;
  const after = i + role.length;
  const linked = ORG_LINKS.has(folded[after] ?? "");
  const elided = ELIDED_DE.test(s.tokens[after]?.surface ?? "");
  const orgName = linked ? nameAt(r, after + 1) : elided ? nameAt(r, after) : undefined;
  let next = orgName ? orgName.lastToken + 1 : after;
  // One word may sit between role and holder: `le président américain Donald Trump`.
  let adjective: NameSpan | undefined;
  if (!orgName && next < s.tokens.length && !r.inName[next] && !PUNCTUATION.test(gapBefore(s, next))) {
    const word = s.tokens[next]!;
    if (isPlace(word.folded))
      adjective = {
        key: word.folded,
        surface: word.surface,
        start: word.start,
        end: word.end,
        firstToken: next,
        lastToken: next,
      };
    next++;
  }
  const holder = nameAt(r, next);
  const before = s.names.find((span) => span.lastToken === i - 1) ?? adjective;
  if (holder && !SENTENCE_PUNCTUATION.test(gapBefore(s, next)) && holder !== orgName) {
    result.roles.push(relation(holder, s.text, role, orgName ?? before, s.tokens[i]!.start, holder.end));
  } else if (orgName) {
    open.push({
      sentence: r.n,
      groups: role.groups,
      orgKey: orgName.key,
      start: s.tokens[i]!.start,
      end: orgName.end,
      role: s.text.slice(s.tokens[i]!.start, s.tokens[i + role.length - 1]!.end),
    });
  }
}

/** `la firme de Larry Ellison` (its owner), or `la firme` alone (the company named before). */
function readFirm(r: Reading, i: number, result: SentenceRelations): void {
  const { s, folded } = r;
  // `la firme de Larry Ellison`: a person's full name, not `la société de Redmond`.
  const named = folded[i + 1] === "de" || folded[i + 1] === "du" ? nameAt(r, i + 2) : elidedNameAt(r, i + 1);
  const holder = named && named.lastToken > named.firstToken ? named : undefined;
  const clauseStart =
    i === 0 ||
    (i === 1 && isDeterminer(folded[0]!)) ||
    /,\s*(?:\S+\s*)?$/.test(s.text.slice(Math.max(0, s.tokens[i]!.start - 6), s.tokens[i]!.start));
  const apposed = s.names.find(
    (span) =>
      span.lastToken >= i - 3 && span.lastToken < i && /,/.test(s.text.slice(span.end, s.tokens[i]!.start)),
  );
  if (holder) {
    const org = apposed ?? antecedent(r, i, holder.key);
    const at = s.tokens[i]!.end;
    result.roles.push({
      holder: holder.surface,
      holderKey: holder.key,
      role: s.text.slice(s.tokens[i]!.start, at),
      groups: OWNER_GROUPS,
      ...(org ? { org: org.surface, orgKey: org.key } : {}),
      start: s.tokens[i]!.start,
      end: holder.end,
      ...(org && !apposed ? { inferred: true as const } : {}),
    });
    if (org && !apposed) result.referents.push({ key: org.key, surface: org.surface, at });
  } else if (clauseStart && !apposed && !ORG_LINKS.has(folded[i + 1] ?? "") && !nameAt(r, i + 1)) {
    const org = companyOfItem(r, i);
    if (org) result.referents.push({ key: org.key, surface: org.surface, at: s.tokens[i]!.end });
  }
}

/**
 * The company `The company`, `L'entreprise`… (at token `i`) stands for. News means the company
 * the item is about, so a name the title gives comes first: one written earlier in the sentence,
 * else the previous sentence's subject (`Framewise was founded…` under `Adobe to buy … Framewise`),
 * else the title's first (`Nordwind Robotics CEO … steps down`, not the `Volvo` that Berg came
 * from in the sentence before). Places, names with a digit (`Atlas-3`, `H100`: products) and a
 * possessive before a name (`Toronto's` in `Toronto's Parallax AI`) are never companies. Without a title, the last name before, here or in the previous sentence.
 */
function companyOfItem(r: Reading, i: number): NameSpan | undefined {
  const firms = (s: SentenceNames | undefined) =>
    (s?.names ?? []).filter(
      (n, k, names) =>
        !isPlace(n.key) &&
        !/\d/.test(s!.text.slice(n.start, n.end + 2)) &&
        // `Toronto's Parallax AI`: the name a possessive qualifies is the company.
        !(/['’]s$/.test(n.surface) && names[k + 1]?.start === n.end + 1),
    );
  const titled = r.headline && r.headline !== r.s ? firms(r.headline) : [];
  if (titled.length === 0) return antecedent(r, i);
  const inTitle = (n: NameSpan) => titled.some((t) => t.key === n.key);
  const here = firms(r.s)
    .filter((n) => n.lastToken < i && inTitle(n))
    .at(-1);
  const subject = firms(r.previous)[0];
  return here ?? (subject && inTitle(subject) ? subject : titled[0]);
}

/** A role named without its holder: `le fondateur d'Oracle est …`. */
interface OpenRole {
  sentence: number;
  groups: string[];
  orgKey: string;
  start: number;
  end: number;
  role: string;
}

/** `le fondateur d'Oracle` with no name beside it: the holder another sentence named. */
function inferOpenRoles(
  out: SentenceRelations[],
  open: OpenRole[],
  sentences: readonly SentenceNames[],
): void {
  const known = out.flatMap((r) => r.roles.filter((role) => role.orgKey !== undefined));
  for (const mention of open) {
    const match = known.find(
      (r) => r.orgKey === mention.orgKey && r.groups.some((g) => mention.groups.includes(g)),
    );
    const target = out[mention.sentence]!;
    // `Byte Dance, le propriétaire de TikTok,` already names its holder.
    if (!match || sentences[mention.sentence]!.names.some((n) => n.key === match.holderKey)) continue;
    // `Vanessa Pappas, directrice générale de TikTok,`: the apposition names the holder.
    if (target.roles.some((r) => r.start <= mention.start && r.end >= mention.end)) continue;
    target.roles.push({
      holder: match.holder,
      holderKey: match.holderKey,
      role: mention.role,
      groups: mention.groups,
      org: match.org!,
      orgKey: mention.orgKey,
      start: mention.start,
      end: mention.end,
      inferred: true,
    });
    target.referents.push({ key: match.holderKey, surface: match.holder, at: mention.end });
  }
}

function elidedNameAt(r: Reading, i: number): NameSpan | undefined {
  const token = r.s.tokens[i];
  return token && ELIDED_DE.test(token.surface) ? nameAt(r, i) : undefined;
}

function lastName(names: readonly NameSpan[], before: number, exclude?: string): NameSpan | undefined {
  return names.filter((n) => n.lastToken < before && n.key !== exclude && !isPlace(n.key)).at(-1);
}

function firstPersonName(names: readonly NameSpan[]): NameSpan | undefined {
  return names.find((n) => n.lastToken > n.firstToken && !isPlace(n.key));
}

function isDeterminer(word: string): boolean {
  return ["la", "le", "l", "the", "cette", "ce"].includes(word);
}
