import type { Random } from "./random.ts";
import {
  company,
  count,
  country,
  date,
  fill,
  firm,
  inCountry,
  money,
  percent,
  person,
  type Slot,
  type Slots,
  same,
} from "./slots.ts";
import { CITIES, PRODUCTS, ROLES, TECH_SUBJECTS } from "./vocabulary.ts";

/**
 * Background sentences: what articles say around the news (market figures, analysts, history,
 * quotes). Each names companies, people, numbers with units, places or dates, so they feed the
 * fact base like real copy does, and they make the corpus bodies long without repeating.
 */
const EN = [
  "{c1} shipped {n} million {product} units {inCountry} last quarter, according to {firm}.",
  "Shares of {c1} rose {pct} in {city} trading on the news.",
  "The market for {subject} is expected to reach {amount} by {year}, {firm} estimates.",
  "{person}, an analyst at {firm}, said the move puts pressure on {c2}.",
  "Last year {c1} spent {amount} on research and development.",
  "{c1} has about {staff} employees worldwide, {pct} of them {inCountry}.",
  "Competition in {subject} has intensified since {year}, when {c2} entered the market.",
  "On {date}, {c2} opened a new office in {city} with {n} staff.",
  "Customers {inCountry} account for {pct} of the revenue of {c1}.",
  "“{quote}”, said {person}, {role} of {c1}.",
  "Regulators {inCountry} have been looking closely at {subject} for months.",
  "{c2} declined to comment on the report.",
  "The figures were published on {date} and cover the past {n} months.",
  "{c1} and {c2} have been rivals in {subject} for more than a decade.",
  "According to {firm}, prices in {subject} fell {pct} over the past year.",
  "{person} joined {c1} in {year} after several years at {c2}.",
  "The company now has {staff} customers {inCountry}, up from {n} thousand two years ago.",
  "Investors will be watching the next results of {c1}, due on {date}.",
];
const FR = [
  "{c1} a livré {n} millions de {product} {inCountry} au dernier trimestre, selon {firm}.",
  "L'action de {c1} a gagné {pct} à la bourse de {city} après l'annonce.",
  "Le marché de {subject} devrait atteindre {amount} d'ici {year}, selon les estimations de {firm}.",
  "Pour {person}, analyste chez {firm}, cette décision met la pression sur {c2}.",
  "L'an dernier, {c1} a consacré {amount} à la recherche et au développement.",
  "{c1} compte environ {staff} salariés dans le monde, dont {pct} {inCountry}.",
  "La concurrence dans {subject} s'est intensifiée depuis {year}, année de l'arrivée de {c2} sur le marché.",
  "Le {date}, {c2} a ouvert un nouveau bureau à {city} avec {n} salariés.",
  "Les clients {inCountry} représentent {pct} du chiffre d'affaires de {c1}.",
  "« {quote} », a déclaré {person}, {role} de {c1}.",
  "Les régulateurs {inCountry} s'intéressent de près à {subject} depuis des mois.",
  "{c2} n'a pas souhaité commenter ces informations.",
  "Les chiffres ont été publiés le {date} et couvrent les {n} derniers mois.",
  "{c1} et {c2} sont concurrents dans {subject} depuis plus de dix ans.",
  "Selon {firm}, les prix dans {subject} ont baissé de {pct} en un an.",
  "{person} a rejoint {c1} en {year} après plusieurs années chez {c2}.",
  "L'entreprise compte désormais {staff} clients {inCountry}, contre {n} mille il y a deux ans.",
  "Les investisseurs suivront de près les prochains résultats de {c1}, attendus le {date}.",
];
const QUOTES = {
  en: [
    "We are building for the long term",
    "This is a turning point for the whole industry",
    "Our customers asked us for this",
    "We have never seen demand like this",
    "The next two years will be decisive",
  ],
  fr: [
    "Nous construisons pour le long terme",
    "C'est un tournant pour tout le secteur",
    "Ce sont nos clients qui nous l'ont demandé",
    "Nous n'avons jamais vu une telle demande",
    "Les deux prochaines années seront décisives",
  ],
};

/** One background sentence in `lang`; `focus` (the story's main company) is named now and then. */
export function writeFillerSentence(random: Random, lang: "en" | "fr", focus: string, ms: number): string {
  const template = random.pick(lang === "en" ? EN : FR);
  // Only the slots the template names are drawn: most of the generator's time is spent here.
  const slots: Slots = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    if (name && !slots[name]) slots[name] = drawSlot(random, name, slots, lang, focus, ms);
  }
  return fill(template, slots, lang);
}

function drawSlot(
  random: Random,
  name: string,
  slots: Slots,
  lang: "en" | "fr",
  focus: string,
  ms: number,
): Slot {
  switch (name) {
    case "c1":
      return random.chance(0.4) ? same(focus) : company(random);
    case "c2":
      return company(random, [slots.c1?.en ?? focus]);
    case "n":
      return count(random, 2, 90);
    case "staff":
      return count(random, 1200, 250_000);
    case "product": {
      const product = random.pick(PRODUCTS);
      return { en: product.en, fr: pluralFr(product.fr) };
    }
    case "inCountry":
      return inCountry(country(random));
    case "city":
      return same(random.pick(CITIES));
    case "firm":
      return firm(random);
    case "pct":
      return percent(random, 1, 60);
    case "amount":
      return money(random, 50, 300_000);
    case "subject":
      return random.pick(TECH_SUBJECTS);
    case "year":
      return same(String(random.int(2012, 2030)));
    case "person":
      return person(random);
    case "role":
      return random.pick(ROLES);
    case "date":
      return date(ms - random.int(-40, 400) * 86_400_000);
    case "quote":
      return same(random.pick(QUOTES[lang]));
    default:
      throw new Error(`filler slot {${name}} is not defined`);
  }
}

function pluralFr(noun: string): string {
  const [head = noun, ...rest] = noun.split(" ");
  return [head.endsWith("s") ? head : `${head}s`, ...rest].join(" ");
}
