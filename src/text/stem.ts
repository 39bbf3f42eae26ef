import { stemmer as stemEnglish } from "@orama/stemmers/english";
import { stemmer as stemFrench } from "@orama/stemmers/french";

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 200_000;

/**
 * The comparison keys of one folded word: its English and its French Snowball stems.
 * Both, whatever the text's language: `technologique` and `technology` meet at `technolog`, and
 * a French query finds an English item. Numbers and short codes (`h20`, `5g`) are kept as is.
 */
export function stemKeys(folded: string): readonly string[] {
  const hit = cache.get(folded);
  if (hit) return hit;
  let keys: readonly string[];
  if (folded.length <= 3 || /\d/.test(folded)) {
    keys = [folded];
  } else {
    const en = stemEnglish(folded);
    const fr = stemFrench(folded);
    keys = en === fr ? [en] : [en, fr];
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(folded, keys);
  return keys;
}
