import { escapeHtml, isRecord, readText } from "./feed-values.ts";

type Raw = Record<string, unknown>;

export interface MediaFields {
  title?: string;
  descriptions: string[];
  url?: string;
}

/**
 * Media RSS (`media:title`, `media:description`, `media:content`), on the item, in its
 * `media:content` or in a `media:group` (YouTube): a photo or video post may carry nothing else.
 * Their text is plain unless marked `type="html"`. `raw` is an item as parse-feed's parser hands
 * it back, with the elements kept as `mediaGroups`, `mediaContents`, `mediaTitles` and
 * `mediaDescriptions`.
 */
export function readMedia(raw: Raw): MediaFields {
  const records = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isRecord) : []);
  const groups = records(raw.mediaGroups);
  const contents = [...records(raw.mediaContents), ...groups.flatMap((g) => records(g["media:content"]))];
  const holders = [
    { titles: raw.mediaTitles, descriptions: raw.mediaDescriptions },
    ...[...groups, ...contents].map((m) => ({
      titles: m["media:title"],
      descriptions: m["media:description"],
    })),
  ];
  const media: MediaFields = { descriptions: [] };
  for (const holder of holders) {
    media.title ??= readMediaTexts(holder.titles)[0];
    media.descriptions.push(...readMediaTexts(holder.descriptions));
  }
  const enclosure = isRecord(raw.enclosure) ? raw.enclosure : {};
  const url = contents.map((c) => (isRecord(c.$) ? readText(c.$.url) : undefined)).find(Boolean);
  const fileUrl = url ?? readText(enclosure.url);
  if (fileUrl) media.url = fileUrl;
  return media;
}

function readMediaTexts(value: unknown): string[] {
  const texts: string[] = [];
  for (const element of Array.isArray(value) ? value : []) {
    const text = readText(isRecord(element) ? element._ : element);
    const type = isRecord(element) && isRecord(element.$) ? element.$.type : undefined;
    if (text) texts.push(type === "html" ? text : escapeHtml(text));
  }
  return texts;
}
