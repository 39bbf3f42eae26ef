import type { Item, Story } from "../model.ts";

// About three sentences: enough text to summarise. A feed snippet shorter than this gives way
// to a later source that carries the full article.
const SUBSTANTIAL_TEXT = 400;

/** The story's items that the lookup knows, in the order the sources were seen. */
export function listStoryItems(story: Pick<Story, "items">, items: ReadonlyMap<string, Item>): Item[] {
  const out: Item[] = [];
  for (const key of story.items) {
    const item = items.get(key);
    if (item) out.push(item);
  }
  return out;
}

/**
 * The item that speaks for a story (its title, language and summary): the first source with a
 * substantial text, else the one with the longest text. Stable as sources are added, unless a
 * full article arrives after a bare snippet.
 */
export function pickLeadItem(members: readonly Item[]): Item | undefined {
  const substantial = members.find((item) => item.text.trim().length >= SUBSTANTIAL_TEXT);
  if (substantial) return substantial;
  let best: Item | undefined;
  for (const item of members) if (!best || item.text.length > best.text.length) best = item;
  return best;
}
