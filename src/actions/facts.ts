import { isHttpUrl } from "../config/schema.ts";
import { UserError } from "../i18n/messages.ts";
import type { App } from "../main.ts";
import type { CuratedFact } from "../model.ts";
import { type FactBase, listCuratedFacts } from "../pipeline/fact-base.ts";
import { hashId } from "../store/keys.ts";
import { detectLanguage } from "../text/language.ts";

/** `facts add TEXT --source URL --date ISO`: an operator-written fact, cited as "curated". */
export async function addCuratedFact(
  app: App,
  facts: FactBase | undefined,
  input: { text: string; source: string; date: string; topics?: string[]; guildId?: string },
): Promise<CuratedFact> {
  const text = input.text.trim();
  if (text.length === 0) throw new UserError("usage", { text: "facts add needs the fact's text" });
  if (!isHttpUrl(input.source)) throw new UserError("fact.bad-source", { source: input.source });
  if (!/^\d{4}-\d{2}-\d{2}/.test(input.date) || Number.isNaN(Date.parse(input.date))) {
    throw new UserError("fact.bad-date", { date: input.date });
  }
  const fact: CuratedFact = {
    id: hashId("curated", text, input.source).slice(0, 8).toLowerCase(),
    text,
    source: input.source,
    date: new Date(Date.parse(input.date)).toISOString().slice(0, 10),
    lang: detectLanguage(text),
    ...(input.topics?.length ? { topics: input.topics } : {}),
    ...(input.guildId ? { guildId: input.guildId } : {}),
    addedAt: app.now().toISOString(),
  };
  await app.store.curatedFacts.upsert(fact, (a, b) => a.id === b.id);
  await facts?.refreshCurated();
  return fact;
}

export async function removeCuratedFact(app: App, facts: FactBase | undefined, id: string): Promise<void> {
  if ((await app.store.curatedFacts.remove((f) => f.id === id)) === 0) {
    const configured = (await listCuratedFacts(app)).some((f) => f.id === id);
    throw configured
      ? new UserError("config.owned", { what: id, file: `${app.config.dir}/facts/` })
      : new UserError("fact.unknown", { id });
  }
  await facts?.refreshCurated();
}

export { listCuratedFacts };
