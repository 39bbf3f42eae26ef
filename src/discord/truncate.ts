/**
 * Cuts text to a length limit the way a reader expects: at the end of a word, with "…", and
 * never inside a grapheme (a family emoji, a flag, a letter with its accents) — so never inside
 * a surrogate pair either. Lengths are UTF-16 code units, like the limits in message-limits.ts.
 */

export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const WINDOW = 64;

/**
 * Returns `text` unchanged when it fits in `max`, else its longest prefix that fits together
 * with the ellipsis, in this order of preference:
 *
 * 1. whole graphemes only;
 * 2. cut back to the last whitespace, unless that would lose more than half of the room (one
 *    very long word, or a language written without spaces): then keep the grapheme cut;
 * 3. trailing spaces and `,;:` dropped, and a dangling escape backslash dropped so the
 *    ellipsis is not escaped.
 *
 * Returns "" when not even one grapheme and the ellipsis fit.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return "";
  const end = graphemeCut(text, room);
  let head = text.slice(0, end);
  if (!/\s/.test(text.charAt(end))) {
    const lastSpace = head.search(/\s\S*$/);
    if (lastSpace >= room / 2) head = head.slice(0, lastSpace);
  }
  head = head.replace(/[\s,;:]+$/, "");
  if (/(^|[^\\])(\\\\)*\\$/.test(head)) head = head.slice(0, -1).replace(/\s+$/, "");
  return head === "" ? "" : head + ELLIPSIS;
}

/** The end of the last whole grapheme of `text` that fits in `room` code units. */
function graphemeCut(text: string, room: number): number {
  // Between two characters below U+0300 (Latin, no combining marks, no surrogates, not CR LF)
  // there is always a grapheme boundary: no segmenting needed, the common case by far.
  if (isPlain(text.charCodeAt(room - 1)) && isPlain(text.charCodeAt(room))) return room;
  // Only the neighbourhood of the cut is segmented (a 1 000-story digest cuts thousands of
  // texts); a grapheme longer than the window's lead-in is not a real-world case.
  const from = Math.max(0, room - WINDOW);
  let end = from;
  for (const { segment, index } of graphemes.segment(text.slice(from, room + WINDOW))) {
    if (from + index + segment.length > room) break;
    end = from + index + segment.length;
  }
  return end;
}

function isPlain(code: number): boolean {
  return code >= 0x20 && code < 0x300;
}
