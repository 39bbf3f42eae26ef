/** Small readers shared by the RSS/Atom and JSON Feed parsers. */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Relative links are read against the feed's URL; a value that is no URL at all is kept as is. */
export function resolveLink(link: string | undefined, feedUrl: string): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, feedUrl).href;
  } catch {
    return link;
  }
}
