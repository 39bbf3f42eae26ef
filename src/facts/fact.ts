import type { Lang } from "../model.ts";
import type { Entities } from "../text/entities.ts";

/**
 * One sentence newsdesk read (or one curated fact), with where it came from and what it holds.
 * Facts are plain JSON: the index persists them as they are.
 */
export interface Fact {
  /** `<item key>#<sentence index>` (0 is the title); `curated:<id>` for a curated fact. */
  id: string;
  itemKey: string;
  /** The item's id (feed guid or link), or the curated fact's id: what citations show. */
  itemId: string;
  link?: string;
  title: string;
  /** Feed URL, or `curated`. */
  feed: string;
  feedTitle?: string;
  published?: string;
  lang: Lang;
  topics: string[];
  /** The guild whose private feed it came from; undefined = global (see DESIGN.md, Scope). */
  guildId?: string;
  index: number;
  text: string;
  entities: Entities;
  /**
   * Folded names the sentence is about without writing them: the previous sentence's and those
   * its references resolve to. Indexed as low-weight context, so `Ce dernier va devenir
   * partenaire` is still found for a question about Oracle.
   */
  contextNames: string[];
  /** The item title's names: what the whole article is about. Credited when ranking, not indexed. */
  titleNames: string[];
  referents: Referent[];
  roles: RoleRelation[];
  curated?: true;
}

/** A name a sentence refers to without writing it: `Ce dernier` → Oracle, `la firme` → Oracle. */
export interface Referent {
  key: string;
  surface: string;
  /** Offset in the sentence just after the referring words, where answers show `[Oracle]`. */
  at: number;
}

/**
 * Who holds what role where: `Patrick Moorhead, président et analyste principal chez Moor
 * Insights & Strategy,` or `la firme de Larry Ellison` (founder/owner/head of the firm).
 */
export interface RoleRelation {
  holder: string;
  holderKey: string;
  /** The role words as written (`président et analyste principal`). */
  role: string;
  /** Lexicon role groups the role belongs to (`president`, `analyst`). */
  groups: string[];
  org?: string;
  orgKey?: string;
  /** The span of the sentence that says it. */
  start: number;
  end: number;
  /** True when the holder or the organisation came from another sentence of the item. */
  inferred?: true;
}
