import type { Random } from "./random.ts";
import {
  ANALYST_FIRMS,
  type Bilingual,
  COMPANIES,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  MONTHS_EN,
  MONTHS_FR,
  REGULATORS,
  ROLES,
} from "./vocabulary.ts";

/**
 * The values templates are filled with, each written the way each language writes it:
 * `$4.5 billion` / `4,5 milliards de dollars`, `1,200` / `1 200`, `September 14, 2025` /
 * `14 septembre 2025`. `key` is the language-neutral core a correct answer contains.
 */
export interface Slot extends Bilingual {
  key?: string;
}

export type Slots = Record<string, Slot>;

export function same(value: string): Slot {
  return { en: value, fr: value, key: value };
}

export function bilingual(value: Bilingual): Slot {
  return { en: value.en, fr: value.fr };
}

/** Money: `$4.5 billion` / `4,5 milliards de dollars`; the key is the number as written in English. */
export function money(random: Random, min: number, max: number): Slot {
  // Log-uniform between min and max (in millions): deals and fines span orders of magnitude.
  const millions = Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
  const billions = millions >= 1000;
  const raw = billions ? millions / 1000 : millions;
  const value = raw < 10 ? Math.round(raw * 10) / 10 : Math.round(raw);
  const euros = random.chance(0.3);
  const en = `${euros ? "€" : "$"}${formatDecimal(value, "en")} ${billions ? "billion" : "million"}`;
  const scaleFr = billions ? (value >= 2 ? "milliards" : "milliard") : value >= 2 ? "millions" : "million";
  const fr = `${formatDecimal(value, "fr")} ${scaleFr} ${euros ? "d'euros" : "de dollars"}`;
  return { en, fr, key: formatDecimal(value, "en") };
}

/** A whole number: `1,200` / `1 200`. */
export function count(random: Random, min: number, max: number): Slot {
  const value = random.int(min, max);
  const rounded = value >= 1000 ? Math.round(value / 100) * 100 : value;
  return { en: formatInteger(rounded, "en"), fr: formatInteger(rounded, "fr"), key: String(rounded) };
}

/** A percentage: `12.5%` / `12,5 %`. */
export function percent(random: Random, min: number, max: number): Slot {
  const value = Math.round((min + random.next() * (max - min)) * 10) / 10;
  return { en: `${formatDecimal(value, "en")}%`, fr: `${formatDecimal(value, "fr")} %`, key: String(value) };
}

/** A date: `September 14, 2025` / `14 septembre 2025`; the key is the month in English. */
export function date(ms: number): Slot {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const month = d.getUTCMonth();
  const year = d.getUTCFullYear();
  return {
    en: `${MONTHS_EN[month]} ${day}, ${year}`,
    fr: `${day === 1 ? "1er" : day} ${MONTHS_FR[month]} ${year}`,
    key: `${MONTHS_EN[month]}|${MONTHS_FR[month]}`,
  };
}

export function person(random: Random): Slot {
  return same(`${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`);
}

export function company(random: Random, avoid: readonly string[] = []): Slot {
  for (;;) {
    const name = random.pick(COMPANIES);
    if (!avoid.includes(name)) return same(name);
  }
}

export function role(random: Random): Slot {
  return bilingual(random.pick(ROLES));
}

export function country(random: Random): Slot {
  return bilingual(random.pick(COUNTRIES));
}

/** "in" a country: `in Japan` / `au Japon`, `en Chine`, `aux États-Unis`, `à Taïwan`. */
export function inCountry(place: Slot): Slot {
  const fr = place.fr
    .replace(/^les /, "aux ")
    .replace(/^le /, "au ")
    .replace(/^(?:la |l')/, "en ");
  return { en: `in ${place.en}`, fr: fr === place.fr ? `à ${fr}` : fr };
}

export function regulator(random: Random): Slot {
  return bilingual(random.pick(REGULATORS));
}

export function firm(random: Random): Slot {
  return same(random.pick(ANALYST_FIRMS));
}

export function formatDecimal(value: number, lang: "en" | "fr"): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return lang === "fr" ? text.replace(".", ",") : text;
}

export function formatInteger(value: number, lang: "en" | "fr"): string {
  const digits = String(value);
  if (value < 1000) return digits;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : " ");
  return grouped;
}

/**
 * Fills `{slot}` placeholders in the given language. A missing slot throws: a template naming
 * a slot its kind does not define is a bug in the generator, not something to print.
 */
export function fill(template: string, slots: Slots, lang: "en" | "fr"): string {
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const slot = slots[name];
    if (!slot) throw new Error(`template slot {${name}} is not defined: ${template}`);
    return slot[lang];
  });
  if (lang === "en") return capitaliseFirst(text);
  // French contracts and elides: `de les` → `des`, `à le` → `au`, `de Oracle` → `d'Oracle`.
  const contracted = text
    .replace(
      /(^|\s)(de|à) (les|le) /g,
      (_, s: string, p: string, a: string) => `${s}${CONTRACTIONS[`${p} ${a}`]} `,
    )
    .replace(
      /\b(de|que|le|la) ([AEIOUÉÈaeiouéè])/g,
      (_, w: string, v: string) => `${w === "que" ? "qu" : w[0]}'${v}`,
    );
  return capitaliseFirst(contracted);
}

const CONTRACTIONS: Record<string, string> = { "de les": "des", "de le": "du", "à les": "aux", "à le": "au" };

function capitaliseFirst(text: string): string {
  return text.length > 0 ? text[0]!.toUpperCase() + text.slice(1) : text;
}
