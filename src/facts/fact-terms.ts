import { analyzeText } from "../text/analyze.ts";
import { stemKeys } from "../text/stem.ts";
import type { Fact } from "./fact.ts";
import { keysOfGroup } from "./lexicon.ts";

/**
 * The comparison keys of a sentence, repeated as often as they occur (term frequency): every
 * stem of every non-stop word, plus compounds (`Byte Dance` also counts as `bytedance`).
 */
export function textTermsOf(text: string): string[] {
  const analyzed = analyzeText(text);
  const terms = analyzed.keys.flat();
  for (const compound of analyzed.compounds.values()) terms.push(...stemKeys(compound));
  return terms;
}

/**
 * What a fact is about without writing it: the names around it, what its references resolve to,
 * and the roles it states (`la firme de Larry Ellison` is about a founder, owner or head).
 * Indexed at a lower weight than the sentence's own words; the title's names (`withTitle`) are
 * only credited when ranking, since indexing them on every sentence would make each name common.
 */
export function contextTermsOf(fact: Fact, withTitle = false): string[] {
  const terms = new Set<string>();
  const names = [
    ...fact.contextNames,
    ...fact.referents.map((r) => r.key),
    ...(withTitle ? fact.titleNames : []),
  ];
  for (const role of fact.roles) {
    names.push(role.holderKey);
    if (role.orgKey) names.push(role.orgKey);
    for (const group of role.groups) for (const key of keysOfGroup(group)) terms.add(key);
  }
  for (const name of names) for (const key of stemKeys(name)) terms.add(key);
  return [...terms];
}

// Name keys are folded words joined (`banquesolvene`): a shorter name at the start or end of a
// longer key is that name's short form (`Solvène`, `Northgate` for `Northgate Cloud`).
const SHORT_NAME_MIN = 4;

/** Whether the name key `short` is the start or the end of the longer name key `name`. */
export function isPartOfName(short: string, name: string): boolean {
  return (
    short.length >= SHORT_NAME_MIN &&
    name.length > short.length &&
    (name.startsWith(short) || name.endsWith(short))
  );
}
