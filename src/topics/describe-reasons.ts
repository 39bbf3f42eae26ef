import type { Lang } from "../model.ts";

/**
 * Why a document did not match a query, as data:
 * - `needs`: all these terms are missing;
 * - `needs-one-of`: none of these terms is there, and each `otherwise` alternative (a group
 *   inside the OR) fails for its own reasons;
 * - `excluded`: these excluded terms are present.
 */
export type MissingReason =
  | { kind: "needs"; terms: string[] }
  | { kind: "needs-one-of"; terms: string[]; otherwise?: MissingReason[][] }
  | { kind: "excluded"; terms: string[] };

const LISTED_TERMS = 8;

const WORDS: Record<Lang, Record<MissingReason["kind"] | "and" | "orElse" | "colon", string>> = {
  en: {
    needs: "needs",
    "needs-one-of": "needs one of",
    excluded: "excluded by",
    and: " and ",
    orElse: "; or else ",
    colon: ": ",
  },
  fr: {
    needs: "il manque",
    "needs-one-of": "il faut l'un de",
    excluded: "exclu par",
    and: " et ",
    orElse: " ; ou sinon ",
    colon: " : ",
  },
};

/** One reason in plain words: `needs one of: oracle, microsoft, walmart, deal…`. */
export function describeReason(reason: MissingReason, lang: Lang = "en"): string {
  const w = WORDS[lang];
  const list = (terms: string[]) =>
    terms.slice(0, LISTED_TERMS).join(", ") + (terms.length > LISTED_TERMS ? "…" : "");
  if (reason.kind !== "needs-one-of") return `${w[reason.kind]}${w.colon}${list(reason.terms)}`;
  const parts: string[] = [];
  if (reason.terms.length === 1) parts.push(`${w.needs}${w.colon}${reason.terms[0]}`);
  else if (reason.terms.length > 1) parts.push(`${w["needs-one-of"]}${w.colon}${list(reason.terms)}`);
  for (const group of reason.otherwise ?? [])
    parts.push(group.map((r) => describeReason(r, lang)).join(w.and));
  return parts.join(w.orElse);
}
