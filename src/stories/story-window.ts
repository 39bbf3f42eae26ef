import type { Item, Lang, Story } from "../model.ts";
import { createPostings, type Postings } from "./candidate-pairs.ts";
import { createDenseCounts, type DocumentKeys, type KeyCounts } from "./document-counts.ts";
import {
  type FeatureVector,
  type GroupingItem,
  hasFeatures,
  itemVector,
  signatureVector,
  unionOfIds,
  vocabularyGeneration,
} from "./feature-vectors.ts";

/** A story or a new item as grouping handles it. */
export interface Unit {
  /** When it happened (ms): a story's first publication, an item's date. */
  time: number;
  /** One vector per source at hand (a story's missing sources: its stored signature). */
  vectors: FeatureVector[];
  /** The keys it counts for in document frequencies: a story counts once. */
  doc: DocumentKeys;
  /** Its sources at hand (for a new item, the item itself). */
  sources: UnitSource[];
  /** The item key or story id: the last tie-break of the unit order. */
  key: string;
  item?: Item;
  story?: Story;
}

/**
 * What grouping needs of a story's source besides its features (see `mergeUnitOf`). The window
 * keeps this, not the item: it lives from one poll to the next, and holding every recent
 * article's text there grew the bot's memory with the window.
 */
export type UnitSource = Pick<Item, "guildId" | "published" | "fetchedAt">;

/**
 * The stories of the grouping window, kept from one call to the next: each story's vectors,
 * its place in the entity postings and its share of the document counts. A call brings it up to
 * date with the stories it is given; only stories that are new or changed since the last call
 * cost more than a few comparisons, so a poll's cost follows its new items, not the window.
 */
export interface StoryWindow {
  /** Document counts of the window's stories. */
  counts: KeyCounts;
  /** The window's stories by entity key, in time order. */
  postings: Postings<Unit>;
  /** Makes the window hold exactly these stories (as they are now) and returns their units. */
  update(stories: readonly Story[], items: ReadonlyMap<string, GroupingItem>): Unit[];
}

interface Member {
  unit: Unit;
  /** The stored signature standing for missing sources, as read (undefined: none missing). */
  signature: string | undefined;
}

export function createStoryWindow(): StoryWindow {
  let generation = vocabularyGeneration();
  let members = new Map<string, Member>();
  const window: StoryWindow = {
    counts: createDenseCounts(),
    postings: createPostings<Unit>(),
    update(stories, items) {
      if (generation !== vocabularyGeneration()) {
        // Key numbers were reassigned: nothing built on the old ones can be kept.
        generation = vocabularyGeneration();
        members = new Map();
        window.counts = createDenseCounts();
        window.postings = createPostings<Unit>();
      }
      const next = new Map<string, Member>();
      const units: Unit[] = [];
      for (const story of stories) {
        const fresh = readStory(story, items);
        const old = members.get(story.id) ?? next.get(story.id);
        let member: Member;
        if (!old) {
          member = { unit: buildUnit(story, fresh), signature: fresh.signature };
          add(window, member.unit);
        } else if (isSameUnit(old, fresh)) {
          // Same sources: the counts and postings stand.
          Object.assign(old.unit, { sources: fresh.sources, story });
          member = old;
        } else {
          // A story that gained sources is updated in place: only the keys it gained (or lost)
          // move in the postings, where a common key's list may be thousands long.
          update(window, old.unit, buildUnit(story, fresh));
          member = old;
        }
        member.signature = fresh.signature;
        members.delete(story.id);
        next.set(story.id, member);
        units.push(member.unit);
      }
      for (const gone of members.values()) remove(window, gone.unit);
      members = next;
      return units;
    },
  };
  return window;
}

interface StoryReading {
  time: number;
  vectors: FeatureVector[];
  sources: UnitSource[];
  signature: string | undefined;
  lang: Lang;
}

function readStory(story: Story, items: ReadonlyMap<string, GroupingItem>): StoryReading {
  const vectors: FeatureVector[] = [];
  const sources: UnitSource[] = [];
  for (const key of story.items) {
    const item = items.get(key);
    // A kept item whose features went with a numbering restart counts as missing.
    if (!item || !hasFeatures(item)) continue;
    sources.push(sourceOf(item));
    vectors.push(itemVector(item));
  }
  // Sources missing from the lookup are represented by the stored signature (their centroid).
  const signature =
    sources.length < story.items.length ? `${story.lang}\u0000${JSON.stringify(story.signature)}` : undefined;
  return { time: storyStart(story), vectors, sources, signature, lang: story.lang };
}

function sourceOf(item: GroupingItem): UnitSource {
  return {
    fetchedAt: item.fetchedAt,
    ...(item.published !== undefined ? { published: item.published } : {}),
    ...(item.guildId !== undefined ? { guildId: item.guildId } : {}),
  };
}

function isSameUnit(old: Member, fresh: StoryReading): boolean {
  const unit = old.unit;
  if (unit.time !== fresh.time || old.signature !== fresh.signature) return false;
  const sources = unit.vectors.length - (old.signature ? 1 : 0);
  if (sources !== fresh.vectors.length) return false;
  for (let i = 0; i < sources; i++) if (unit.vectors[i] !== fresh.vectors[i]) return false;
  return true;
}

function buildUnit(story: Story, reading: StoryReading): Unit {
  const vectors = reading.signature
    ? [...reading.vectors, signatureVector(story.signature, reading.lang)]
    : reading.vectors;
  return {
    time: reading.time,
    vectors,
    doc: documentOf(vectors),
    sources: reading.sources,
    key: story.id,
    story,
  };
}

/** One document for a group of sources: the union of their keys, in the first one's language. */
export function documentOf(vectors: readonly FeatureVector[]): DocumentKeys {
  return {
    lang: vectors[0]?.lang ?? "en",
    terms: unionOfIds(vectors.map((v) => v.terms.ids)),
    entities: unionOfIds(vectors.map((v) => v.entities.ids)),
  };
}

function add(window: StoryWindow, unit: Unit): void {
  window.counts.add(unit.doc, 1);
  for (const id of unit.doc.entities) window.postings.add(id, unit);
}

function remove(window: StoryWindow, unit: Unit): void {
  window.counts.add(unit.doc, -1);
  for (const id of unit.doc.entities) window.postings.remove(id, unit);
}

/** Makes `unit` what `next` is, moving only the postings that differ. */
function update(window: StoryWindow, unit: Unit, next: Unit): void {
  if (unit.time !== next.time) {
    remove(window, unit);
    Object.assign(unit, next);
    add(window, unit);
    return;
  }
  window.counts.add(unit.doc, -1);
  window.counts.add(next.doc, 1);
  const before = unit.doc.entities;
  const after = next.doc.entities;
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const x = i < before.length ? before[i]! : Number.POSITIVE_INFINITY;
    const y = j < after.length ? after[j]! : Number.POSITIVE_INFINITY;
    if (x === y) {
      i++;
      j++;
    } else if (x < y) {
      window.postings.remove(x, unit);
      i++;
    } else {
      window.postings.add(y, unit);
      j++;
    }
  }
  Object.assign(unit, next);
}

/** A story's time: its first publication, else when it was first seen. */
export function storyStart(story: Story): number {
  const start = Date.parse(story.published);
  return Number.isNaN(start) ? Date.parse(story.firstSeen) : start;
}
