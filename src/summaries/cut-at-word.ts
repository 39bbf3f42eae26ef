/**
 * Shortens text to at most `max` characters, cutting at a word boundary and ending with an
 * ellipsis, so a summary or a title never stops mid-word. Text that fits is returned unchanged.
 */
export function cutAtWord(text: string, max: number): string {
  if (max < 1) throw new RangeError(`cutAtWord: max must be at least 1, got ${max}`);
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  // A single very long word (a URL) is cut where it must be rather than dropped entirely.
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd().replace(/[\s,;:–—-]+$/u, "")}…`;
}
