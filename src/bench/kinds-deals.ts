import { company, count, date, firm, money, percent, person, same } from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";
import { CITIES } from "./vocabulary.ts";

/** Money stories: acquisitions, funding rounds, quarterly results. */
export const DEAL_KINDS: readonly StoryKind[] = [
  {
    name: "acquisition",
    weight: 12,
    category: { en: "Deals", fr: "Rachats" },
    slots: (r, ms) => {
      const a = company(r);
      return {
        a,
        b: company(r, [a.en]),
        amount: money(r, 200, 60_000),
        date: date(ms),
        ceo: person(r),
        analyst: person(r),
        firm: firm(r),
        pct: percent(r, 8, 45),
        staff: count(r, 80, 9000),
        city: same(r.pick(CITIES)),
        months: count(r, 3, 12),
      };
    },
    en: {
      titles: [
        "{a} agrees to buy {b} for {amount}",
        "{a} to acquire {b} in {amount} deal",
        "Why {a} is paying {amount} for {b}",
      ],
      lead: [
        "{a} said on {date} it had agreed to acquire {b} for {amount}, its largest acquisition in years.",
        "The purchase of {b}, which is based in {city}, values the company at a premium of {pct} over its last funding round.",
      ],
      details: [
        "{b} employs {staff} people and will keep its brand after the acquisition.",
        "{ceo}, the chief executive of {a}, said the deal should close within {months} months.",
        "The acquisition still needs approval from competition regulators in Europe and the United States.",
        "{analyst}, an analyst at {firm}, called the price of {amount} high but defensible.",
        "Shares of {b} jumped {pct} after the announcement.",
      ],
      question: "How much did {a} pay for {b}?",
    },
    fr: {
      titles: [
        "{a} rachète {b} pour {amount}",
        "{a} va acquérir {b} pour {amount}",
        "Rachat de {b} : {a} met {amount} sur la table",
      ],
      lead: [
        "{a} a annoncé le {date} avoir conclu un accord pour racheter {b} pour {amount}, sa plus grosse acquisition depuis des années.",
        "Le rachat de {b}, basée à {city}, valorise l'entreprise avec une prime de {pct} par rapport à sa dernière levée de fonds.",
      ],
      details: [
        "{b} emploie {staff} personnes et conservera sa marque après le rachat.",
        "{ceo}, le PDG de {a}, estime que l'opération devrait être finalisée d'ici {months} mois.",
        "L'acquisition doit encore être approuvée par les autorités de la concurrence en Europe et aux États-Unis.",
        "Pour {analyst}, analyste chez {firm}, le prix de {amount} est élevé mais défendable.",
        "L'action de {b} a bondi de {pct} après l'annonce.",
      ],
      question: "Combien {a} a-t-il payé pour racheter {b} ?",
    },
    answer: "amount",
  },
  {
    name: "funding",
    weight: 10,
    category: { en: "Startups", fr: "Start-up" },
    slots: (r, ms) => {
      const b = company(r);
      return {
        b,
        lead: company(r, [b.en]),
        amount: money(r, 5, 900),
        series: same(r.pick(["A", "B", "C", "D"])),
        date: date(ms),
        founder: person(r),
        staff: count(r, 20, 800),
        city: same(r.pick(CITIES)),
        pct: percent(r, 40, 300),
      };
    },
    en: {
      titles: ["{b} raises {amount} in Series {series} round", "Start-up {b} lands {amount} led by {lead}"],
      lead: [
        "{b}, a start-up based in {city}, has raised {amount} in a Series {series} round led by {lead}, it said on {date}.",
        "The company plans to double its workforce of {staff} employees within two years.",
      ],
      details: [
        "{founder}, the co-founder of {b}, said revenue grew {pct} last year.",
        "The funding round values {b} at several times its previous valuation.",
        "Existing investors also took part in the round alongside {lead}.",
        "{b} will use the money to expand in Europe and North America.",
      ],
      question: "How much did {b} raise?",
    },
    fr: {
      titles: [
        "{b} lève {amount} en série {series}",
        "La start-up {b} boucle une levée de {amount} menée par {lead}",
      ],
      lead: [
        "{b}, une start-up basée à {city}, a levé {amount} lors d'un tour de table de série {series} mené par {lead}, a-t-elle annoncé le {date}.",
        "L'entreprise prévoit de doubler ses effectifs de {staff} salariés d'ici deux ans.",
      ],
      details: [
        "{founder}, le cofondateur de {b}, indique que le chiffre d'affaires a progressé de {pct} l'an dernier.",
        "Cette levée de fonds valorise {b} plusieurs fois plus que lors de son précédent tour.",
        "Les investisseurs historiques ont également participé aux côtés de {lead}.",
        "{b} utilisera cet argent pour se développer en Europe et en Amérique du Nord.",
      ],
      question: "Combien {b} a-t-elle levé ?",
    },
    answer: "amount",
  },
  {
    name: "earnings",
    weight: 9,
    category: { en: "Earnings", fr: "Résultats" },
    slots: (r, ms) => ({
      a: company(r),
      revenue: money(r, 800, 90_000),
      pct: percent(r, 1, 40),
      profit: money(r, 50, 20_000),
      date: date(ms),
      cfo: person(r),
      quarter: same(r.pick(["first", "second", "third", "fourth"])),
    }),
    en: {
      titles: [
        "{a} revenue rises {pct} to {revenue}",
        "{a} beats forecasts with {revenue} in quarterly sales",
      ],
      lead: [
        "{a} reported quarterly revenue of {revenue} on {date}, up {pct} from a year earlier.",
        "Net profit reached {profit}, ahead of analysts' forecasts.",
      ],
      details: [
        "{cfo}, the chief financial officer, said demand for cloud services remained strong.",
        "The company raised its forecast for the full year.",
        "Shares rose in after-hours trading following the results.",
      ],
      question: "What revenue did {a} report for the quarter?",
    },
    fr: {
      titles: [
        "Le chiffre d'affaires de {a} progresse de {pct} à {revenue}",
        "{a} dépasse les attentes avec {revenue} de ventes trimestrielles",
      ],
      lead: [
        "{a} a publié le {date} un chiffre d'affaires trimestriel de {revenue}, en hausse de {pct} sur un an.",
        "Le bénéfice net a atteint {profit}, au-dessus des prévisions des analystes.",
      ],
      details: [
        "{cfo}, le directeur financier, affirme que la demande de services cloud reste forte.",
        "L'entreprise a relevé ses prévisions pour l'ensemble de l'année.",
        "L'action a progressé dans les échanges après la clôture.",
      ],
      question: "Quel chiffre d'affaires trimestriel {a} a-t-il publié ?",
    },
    answer: "revenue",
  },
];
