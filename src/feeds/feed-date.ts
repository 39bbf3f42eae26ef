/**
 * A feed date as ISO-8601, or undefined. `Date.parse` alone is too lenient: V8 reads
 * "lun. 14 sept." as 14 September 2001. A date must name its year (four digits) to count;
 * an invented date would put an old story at the top of a digest.
 */
export function readFeedDate(value: string | undefined): string | undefined {
  if (!value || !/(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)/.test(value)) return undefined;
  const trimmed = value.trim();
  // A date without a time zone is read as UTC: `Date.parse` would take the server's own zone,
  // so the same feed would give other times on another machine.
  const zoned = ZONE.test(trimmed) ? trimmed : ISO_LOCAL.test(trimmed) ? `${trimmed}Z` : `${trimmed} UTC`;
  const read = Date.parse(zoned);
  const time = Number.isNaN(read) ? Date.parse(trimmed) : read;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An explicit zone at the end: `Z`, `+02:00`, `-0500`, `GMT`, or a US zone name (`EDT`). */
const ZONE = /(?:Z|[+-]\d\d:?\d\d|\b(?:GMT|UTC|UT|[ECMP][SD]T))$/i;
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;
