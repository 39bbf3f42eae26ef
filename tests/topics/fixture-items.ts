import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { Lang, Topic } from "../../src/model.ts";

/** One labelled item of tests/fixtures/topics/tiktok-deal-items.yaml. */
export interface LabelledItem {
  id: string;
  lang: Lang;
  kind: string;
  expected: "match" | "no-match";
  title: string;
  text: string;
}

export function loadLabelledItems(): LabelledItem[] {
  const file = path.resolve("tests/fixtures/topics/tiktok-deal-items.yaml");
  return (parse(readFileSync(file, "utf8")) as { items: LabelledItem[] }).items;
}

/** The shipped default topics (config/topics.yaml). */
export function loadDefaultTopics(): Topic[] {
  return (parse(readFileSync(path.resolve("config/topics.yaml"), "utf8")) as { topics: Topic[] }).topics;
}

export function loadSeedArticle(): string {
  return readFileSync(path.resolve("tests/fixtures/seed/oracle-tiktok-article.fr.txt"), "utf8");
}
