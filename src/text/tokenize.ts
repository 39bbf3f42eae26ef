import { foldText } from "./fold.ts";

/** One word or number of a text, with where it stands so matches can be shown and quoted. */
export interface Token {
  /** As written. */
  surface: string;
  /** Folded (case, accents, elision and possessive removed); `U.S.` and `États-Unis` become `usa`. */
  folded: string;
  start: number;
  end: number;
  /** Written with a capital first letter (names: `Oracle`, `Byte Dance`). */
  capitalised: boolean;
  /** Separated from the previous token by a single space or hyphen only (can form a compound). */
  joinedToPrevious: boolean;
}

// Order matters: dotted acronyms (U.S.), then numbers with decimals (2.5, 12,5), then words
// with inner apostrophes (l'été, TikTok's). Hyphens split words; `joinedToPrevious` remembers them.
const TOKEN = /\p{Lu}(?:\.\p{Lu})+\.?|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
const POSSESSIVE = /'s?$/;
const US_FORMS = new Set(["u.s", "u.s.", "u.s.a", "u.s.a.", "usa"]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(TOKEN)) {
    const surface = match[0];
    const start = match.index;
    const end = start + surface.length;
    const gap = previousEnd < 0 ? "" : text.slice(previousEnd, start);
    const folded = foldToken(surface);
    previousEnd = end;
    if (folded.length === 0) continue;
    tokens.push({
      surface,
      folded,
      start,
      end,
      capitalised: /^\p{Lu}/u.test(surface),
      joinedToPrevious: gap === " " || gap === "-",
    });
  }
  return mergeUnitedStates(tokens);
}

function foldToken(surface: string): string {
  // `US` in capitals is the country; `us` is a pronoun (and a stop word).
  if (surface === "US" || surface === "USA") return "usa";
  let folded = foldText(surface);
  if (US_FORMS.has(folded)) return "usa";
  folded = folded.replace(ELISION, "").replace(POSSESSIVE, "");
  if (/^\p{N}+(?:,\p{N}+)$/u.test(folded)) folded = folded.replace(",", ".");
  return folded;
}

/** `États-Unis` / `Etats Unis` → one `usa` token, so French and English texts meet. */
function mergeUnitedStates(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.folded === "etats" && next?.folded === "unis" && next.joinedToPrevious) {
      out.push({ ...token, surface: `${token.surface}-${next.surface}`, folded: "usa", end: next.end });
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}
