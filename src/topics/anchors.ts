import type { CompiledLeaf } from "./compile-leaf.ts";
import type { CompiledNode } from "./compiled-query.ts";

/** How many anchor groups a topic is indexed by (each must be hit for the topic to be tested). */
export const MAX_ANCHOR_GROUPS = 2;

/**
 * Keys (`k`) or folded words (`=w`) of which every document matching the node contains at least
 * one, or undefined when there is no such set. An AND needs only one child's anchors (the
 * cheapest set is the most selective); an OR needs all of its children's; a NOT gives none.
 */
export function anchorsOf(
  node: CompiledNode,
  leaves: readonly CompiledLeaf[],
): readonly string[] | undefined {
  switch (node.kind) {
    case "leaf":
      return leaves[node.leaf]!.anchors;
    case "not":
      return undefined;
    case "or": {
      const all: string[] = [];
      for (const child of node.children) {
        const anchors = anchorsOf(child, leaves);
        if (!anchors) return undefined;
        all.push(...anchors);
      }
      return [...new Set(all)];
    }
    case "and": {
      const [child] = anchorChildrenOf(node.children, leaves, 1);
      return child === undefined ? undefined : anchorsOf(node.children[child]!, leaves);
    }
  }
}

/**
 * The anchor groups of a whole query: a document can match only if it contains one anchor of
 * every group. A top-level AND gives one group per anchored child (the cheapest few), so that
 * `(tiktok OR bytedance) (oracle OR deal)` is tested only on documents naming both sides.
 */
export function anchorGroupsOf(root: CompiledNode, leaves: readonly CompiledLeaf[]): (readonly string[])[] {
  if (root.kind === "and") {
    return anchorChildrenOf(root.children, leaves, MAX_ANCHOR_GROUPS).map(
      (i) => anchorsOf(root.children[i]!, leaves)!,
    );
  }
  const anchors = anchorsOf(root, leaves);
  return anchors ? [anchors] : [];
}

/** Indexes of up to `limit` AND children with anchors, cheapest first. */
export function anchorChildrenOf(
  children: readonly CompiledNode[],
  leaves: readonly CompiledLeaf[],
  limit: number,
): number[] {
  const costed: [number, number][] = [];
  children.forEach((child, i) => {
    const anchors = anchorsOf(child, leaves);
    if (anchors) costed.push([i, anchorCost(anchors)]);
  });
  return costed
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i]) => i);
}

// Stop words (`=the`) occur in almost every document: an anchor set holding one is a poor filter.
function anchorCost(anchors: readonly string[]): number {
  return anchors.reduce((sum, a) => sum + (a.startsWith("=") ? 1000 : 1), 0);
}
