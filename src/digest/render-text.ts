import type { Lang } from "../model.ts";
import type { Digest, DigestStory } from "./build-digest.ts";
import { describeAge, describeDate, describeDay, describeSources } from "./labels.ts";
import type { TimelineEntry } from "./timeline.ts";

export interface RenderTextOptions {
  /** ANSI colours (for a terminal; off for pipes and files). */
  color?: boolean;
  /** Language of the labels (default English); stories keep their own language. */
  lang?: Lang;
  /** Line width to wrap summaries at (default 80). */
  width?: number;
  /** Time zone for absolute dates (default UTC). */
  timeZone?: string;
}

const LABELS = {
  en: {
    digest: (n: number) => `Newsdesk digest: ${n} ${n === 1 ? "story" : "stories"}`,
    since: "since",
    none: "No new stories",
    onTopic: (topic: string) => `on ${topic}`,
    yet: "yet",
    timeline: "Timeline",
    emptyTimeline: "No stories on this topic yet.",
  },
  fr: {
    digest: (n: number) => `Digest Newsdesk : ${n} ${n === 1 ? "sujet" : "sujets"}`,
    since: "depuis le",
    none: "Aucun nouveau sujet",
    onTopic: (topic: string) => `sur ${topic}`,
    yet: "pour l'instant",
    timeline: "Chronologie",
    emptyTimeline: "Aucun sujet sur ce thème pour l'instant.",
  },
} as const;

const INDENT = "    ";

/**
 * The digest for a terminal: a header, then per topic a heading and numbered stories, each with
 * its summary wrapped to the width, its sources (`Le Monde Informatique, The Verge +2`), how long
 * ago it was published, and its link. An empty digest is one friendly line.
 */
export function renderDigestText(digest: Digest, opts: RenderTextOptions = {}): string {
  const lang = opts.lang ?? "en";
  const labels = LABELS[lang];
  const paint = painter(opts.color ?? false);
  const since = digest.since ? ` ${labels.since} ${describeDate(digest.since, lang, opts.timeZone)}` : "";
  if (digest.stories.length === 0) {
    const topic = digest.topic ? ` ${labels.onTopic(digest.topic)}` : "";
    return `${labels.none}${topic}${since || ` ${labels.yet}`}.\n`;
  }
  const lines = [paint("1", `${labels.digest(digest.stories.length)}${since}`)];
  let topic: string | undefined;
  digest.stories.forEach((story, i) => {
    if (story.topic !== topic) {
      topic = story.topic;
      const name = clean(story.topicName);
      lines.push("", paint("1;36", name), paint("36", "─".repeat(Math.min(name.length, 60))));
    }
    lines.push("", ...renderStory(story, i + 1, digest.generatedAt, lang, opts.width ?? 80, paint));
  });
  return `${lines.join("\n")}\n`;
}

/** A topic's timeline for a terminal: one dated entry per story, oldest first. */
export function renderTimelineText(
  entries: readonly TimelineEntry[],
  opts: RenderTextOptions & { topicName?: string } = {},
): string {
  const lang = opts.lang ?? "en";
  const labels = LABELS[lang];
  const paint = painter(opts.color ?? false);
  if (entries.length === 0) return `${labels.emptyTimeline}\n`;
  const width = opts.width ?? 80;
  const lines = [paint("1", opts.topicName ? `${labels.timeline}: ${opts.topicName}` : labels.timeline)];
  for (const entry of entries) {
    const day = describeDay(entry.date, lang, opts.timeZone);
    lines.push("", `${paint("1", day)}  ${paint("1", clean(entry.title))}`);
    for (const line of wrap(clean(entry.sentence), width - INDENT.length)) lines.push(INDENT + line);
    if (entry.sources.length > 0) lines.push(INDENT + paint("2", clean(describeSources(entry.sources))));
  }
  return `${lines.join("\n")}\n`;
}

function renderStory(
  story: DigestStory,
  n: number,
  now: string,
  lang: Lang,
  width: number,
  paint: (code: string, text: string) => string,
): string[] {
  const number = `${n}.`.padStart(3);
  const [first = "", ...rest] = wrap(clean(story.title), width - INDENT.length);
  const lines = [`${number} ${paint("1", first)}`, ...rest.map((line) => INDENT + paint("1", line))];
  for (const line of wrap(clean(story.summary), width - INDENT.length)) lines.push(INDENT + line);
  const sources = clean(describeSources(story.sources.map((source) => source.feedTitle)));
  const age = describeAge(story.published, now, lang);
  lines.push(INDENT + paint("2", [sources, age].filter((part) => part.length > 0).join(" · ")));
  if (story.url) lines.push(INDENT + paint("2;4", clean(story.url)));
  return lines;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

// Feed text is untrusted: control characters (ANSI escapes included) never reach the terminal.
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}

function painter(color: boolean): (code: string, text: string) => string {
  return color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
}
