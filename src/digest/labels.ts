import type { Lang } from "../model.ts";

/**
 * Short phrases shared by the terminal digest, the timeline and the Discord embeds, so every
 * surface names sources and ages the same way.
 */

/** `Le Monde Informatique, The Verge +2`: distinct names in order, the first `shown`, then a count. */
export function describeSources(names: readonly string[], shown = 2): string {
  const distinct = [...new Set(names.filter((name) => name.length > 0))];
  const head = distinct.slice(0, shown).join(", ");
  const rest = distinct.length - shown;
  return rest > 0 ? `${head} +${rest}` : head;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** `3 hours ago`, `yesterday`, `il y a 2 jours`: how long before `now` a time was, in `lang`. */
export function describeAge(time: string, now: string, lang: Lang = "en"): string {
  const elapsed = Date.parse(now) - Date.parse(time);
  if (Number.isNaN(elapsed)) return "";
  const format = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.trunc(elapsed / size), unit);
  }
  return lang === "fr" ? "à l'instant" : "just now";
}

/** A readable absolute date and time, e.g. `Sep 14, 2020, 08:00 UTC`. */
export function describeDate(time: string, lang: Lang = "en", timeZone = "UTC"): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return (
    new Intl.DateTimeFormat(lang, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
      hourCycle: "h23",
    }).format(date) + (timeZone === "UTC" ? " UTC" : "")
  );
}

/** A readable day, e.g. `Sep 14, 2020` / `14 sept. 2020`. */
export function describeDay(time: string, lang: Lang = "en", timeZone = "UTC"): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone }).format(date);
}
