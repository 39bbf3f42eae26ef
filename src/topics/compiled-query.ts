import type { CompiledLeaf } from "./compile-leaf.ts";
import type { PreparedDocument } from "./document.ts";
import type { QueryNode } from "./query.ts";

/** A query tree whose terms are ready to look up (leaves are indexes into `leaves`). */
export type CompiledNode =
  | { kind: "leaf"; leaf: number; source: QueryNode }
  | { kind: "and" | "or"; children: CompiledNode[]; source: QueryNode }
  | { kind: "not"; child: CompiledNode; source: QueryNode };

/** A query compiled once and matched against any number of prepared documents. */
export interface CompiledQuery {
  /** The query in canonical form (`formatQuery`). */
  text: string;
  root: CompiledNode;
  /** The boolean rule as one closure (the fast path, see `testDocument`). */
  test: (doc: PreparedDocument) => boolean;
  /** A matching document contains one anchor of every group (see `anchorGroupsOf`); may be empty. */
  anchorGroups: (readonly string[])[];
  leaves: CompiledLeaf[];
  /** Indexes of the leaves that count for a match (those not under a NOT), in query order. */
  positive: number[];
}
