/**
 * A feed date as ISO-8601, or undefined. `Date.parse` alone is too lenient: V8 reads
 * "lun. 14 sept." as 14 September 2001. A date must name its year (four digits) to count;
 * an invented date would put an old story at the top of a digest.
 */
export function readFeedDate(value: string | undefined): string | undefined {
  if (!value || !/(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)/.test(value)) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
