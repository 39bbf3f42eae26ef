import type { NameSpan } from "../text/entities.ts";
import type { Referent, RoleRelation } from "./fact.ts";
import {
  findAppointments,
  findAppositions,
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
  "firme societe entreprise groupe compagnie company firm group empire startup".split(" "),
);
const POINTERS = [
  ["ce", "dernier"],
  ["cette", "derniere"],
  ["celui", "ci"],
  ["celle", "ci"],
  ["the", "latter"],
];
const PRONOUNS = new Set(["he", "she", "elle"]);
const OWNER_GROUPS = ["founder", "owner", "head"];

/**
 * Finds who holds which role (appositions, `ROLE de ORG NAME`, `la firme de NAME`) and resolves
 * references (`Ce dernier`, `la firme`, a role named without its holder) across an item's
 * sentences, in order: a sentence may only refer back.
 */
export function findRelations(sentences: readonly SentenceNames[]): SentenceRelations[] {
  const out: SentenceRelations[] = [];
  const open: OpenRole[] = [];
  sentences.forEach((s, n) => {
    const previous = sentences[n - 1];
    const result: SentenceRelations = { roles: [], referents: [] };
    const folded = s.tokens.map((t) => t.folded);
    const inName = new Map<number, NameSpan>();
    for (const span of s.names) for (let i = span.firstToken; i <= span.lastToken; i++) inName.set(i, span);
    const nameAt = (i: number) => s.names.find((span) => span.firstToken === i);
    const gap = (i: number) =>
      i <= 0 || i >= s.tokens.length ? "" : s.text.slice(s.tokens[i - 1]!.end, s.tokens[i]!.start);
    const antecedent = (before: number, exclude?: string) =>
      lastName(s.names, before, exclude) ?? lastName(previous?.names ?? [], Infinity, exclude);

    for (let i = 0; i < s.tokens.length; i++) {
      if (inName.has(i)) continue;
      const role = roleAt(folded, i);
      if (role) {
        const after = i + role.length;
        const linked = ORG_LINKS.has(folded[after] ?? "");
        const elided = /^d['’]/i.test(s.tokens[after]?.surface ?? "");
        const orgName = linked ? nameAt(after + 1) : elided ? nameAt(after) : undefined;
        let next = orgName ? orgName.lastToken + 1 : after;
        // One word may sit between role and holder: `le président américain Donald Trump`.
        let adjective: NameSpan | undefined;
        if (!orgName && next < s.tokens.length && !inName.has(next) && !/[,.;:]/.test(gap(next))) {
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
        const holder = nameAt(next);
        const before = s.names.find((span) => span.lastToken === i - 1) ?? adjective;
        if (holder && !/[.;:]/.test(gap(next)) && holder !== orgName) {
          result.roles.push(
            relation(holder, s.text, role, orgName ?? before, s.tokens[i]!.start, holder.end),
          );
        } else if (orgName) {
          open.push({
            sentence: n,
            groups: role.groups,
            orgKey: orgName.key,
            start: s.tokens[i]!.start,
            end: orgName.end,
            role: s.text.slice(s.tokens[i]!.start, s.tokens[i + role.length - 1]!.end),
          });
        }
        i = after - 1;
        continue;
      }
      if (FIRM_WORDS.has(folded[i]!)) {
        // `la firme de Larry Ellison`: a person's full name, not `la société de Redmond`.
        const named =
          folded[i + 1] === "de" || folded[i + 1] === "du" ? nameAt(i + 2) : elidedNameAt(s, i + 1, nameAt);
        const holder = named && named.lastToken > named.firstToken ? named : undefined;
        const clauseStart =
          i === 0 ||
          (i === 1 && isDeterminer(folded[0]!)) ||
          /,\s*(?:\S+\s*)?$/.test(s.text.slice(Math.max(0, s.tokens[i]!.start - 6), s.tokens[i]!.start));
        const apposed = s.names.find(
          (span) =>
            span.lastToken >= i - 3 &&
            span.lastToken < i &&
            /,/.test(s.text.slice(span.end, s.tokens[i]!.start)),
        );
        if (holder) {
          const org = apposed ?? antecedent(i, holder.key);
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
        } else if (clauseStart && !apposed && !ORG_LINKS.has(folded[i + 1] ?? "") && !nameAt(i + 1)) {
          const org = antecedent(i);
          if (org) result.referents.push({ key: org.key, surface: org.surface, at: s.tokens[i]!.end });
        }
        continue;
      }
      const pointer = POINTERS.find((words) => words.every((w, k) => folded[i + k] === w));
      const pronoun =
        i === 0 && PRONOUNS.has(folded[0]!) ? firstPersonName(previous?.names ?? []) : undefined;
      const target = pointer ? antecedent(i) : pronoun;
      if (target) {
        const last = s.tokens[i + (pointer?.length ?? 1) - 1]!;
        result.referents.push({ key: target.key, surface: target.surface, at: last.end });
      }
    }
    findAppositions(s, folded, result.roles, gap);
    findAppointments(s, folded, result.roles);
    out.push(result);
  });
  inferOpenRoles(out, open, sentences);
  return out;
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

function elidedNameAt(
  s: SentenceNames,
  i: number,
  nameAt: (i: number) => NameSpan | undefined,
): NameSpan | undefined {
  const token = s.tokens[i];
  return token && /^d['’]/i.test(token.surface) ? nameAt(i) : undefined;
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
