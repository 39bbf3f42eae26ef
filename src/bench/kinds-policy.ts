import {
  bilingual,
  company,
  count,
  country,
  date,
  firm,
  inCountry,
  money,
  percent,
  person,
  regulator,
  same,
} from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";
import { CHIPS, COUNTRIES } from "./vocabulary.ts";

/** Stories about rules and governments: fines, contracts, export controls, AI law. */
export const POLICY_KINDS: readonly StoryKind[] = [
  {
    name: "fine",
    weight: 7,
    category: { en: "Regulation", fr: "Régulation" },
    slots: (r, ms) => ({
      a: company(r),
      regulator: regulator(r),
      amount: money(r, 5, 4000),
      date: date(ms),
      days: count(r, 30, 180),
      lawyer: person(r),
    }),
    en: {
      titles: ["{a} fined {amount} by {regulator}", "{regulator} hits {a} with {amount} fine"],
      lead: [
        "{regulator} fined {a} {amount} on {date} for breaking competition and privacy rules.",
        "The company has {days} days to change its practices or face further penalties.",
      ],
      details: [
        "{a} said it would appeal the decision.",
        "{lawyer}, a competition lawyer, said the fine was among the largest of its kind.",
        "The investigation had lasted more than two years.",
      ],
      question: "How much was {a} fined?",
    },
    fr: {
      titles: ["{a} condamné à une amende de {amount} par {regulator}", "Amende de {amount} pour {a}"],
      lead: [
        "{regulator} a infligé le {date} une amende de {amount} à {a} pour infraction aux règles de concurrence et de protection des données.",
        "L'entreprise dispose de {days} jours pour modifier ses pratiques sous peine de nouvelles sanctions.",
      ],
      details: [
        "{a} a annoncé son intention de faire appel de la décision.",
        "Pour {lawyer}, avocat spécialiste de la concurrence, il s'agit de l'une des plus lourdes amendes de ce type.",
        "L'enquête avait duré plus de deux ans.",
      ],
      question: "Quel est le montant de l'amende infligée à {a} ?",
    },
    answer: "amount",
  },
  {
    name: "partnership",
    weight: 6,
    category: { en: "Cloud", fr: "Cloud" },
    slots: (r, ms) => {
      const a = company(r);
      const b = company(r, [a.en]);
      return {
        a,
        b,
        rival: company(r, [a.en, b.en]),
        inCountry: inCountry(country(r)),
        date: date(ms),
        years: count(r, 3, 10),
        amount: money(r, 100, 8000),
      };
    },
    en: {
      titles: ["{a} picks {b} as technology partner", "{b} wins {a} cloud contract over {rival}"],
      lead: [
        "{a} has chosen {b} as its technology partner for its operations {inCountry}, the companies said on {date}.",
        "The {years}-year contract is worth about {amount}, according to people familiar with the matter.",
      ],
      details: [
        "{rival} had also bid for the contract.",
        "{b} will host the data of {a} in its cloud.",
        "The partnership still needs approval from regulators.",
      ],
      question: "Who did {a} choose as its technology partner?",
    },
    fr: {
      titles: [
        "{a} choisit {b} comme partenaire technologique",
        "{b} décroche le contrat cloud de {a} face à {rival}",
      ],
      lead: [
        "{a} a choisi {b} comme partenaire technologique pour ses activités {inCountry}, ont annoncé les deux entreprises le {date}.",
        "Le contrat de {years} ans porte sur environ {amount}, selon des sources proches du dossier.",
      ],
      details: [
        "{rival} était également candidat.",
        "{b} hébergera les données de {a} dans son cloud.",
        "Le partenariat doit encore être approuvé par les régulateurs.",
      ],
      question: "Quel partenaire technologique {a} a-t-il choisi ?",
    },
    answer: "b",
  },
  {
    name: "export-controls",
    weight: 4,
    category: { en: "Chips", fr: "Semi-conducteurs" },
    slots: (r, ms) => ({
      maker: same(r.pick(["Nvidia", "AMD", "Intel", "ASML"])),
      chip: same(r.pick(CHIPS)),
      // Washington restricts exports to anywhere but the United States (the first country).
      target: bilingual(r.pick(COUNTRIES.slice(1))),
      date: date(ms),
      amount: money(r, 500, 12_000),
      days: count(r, 30, 120),
    }),
    en: {
      titles: [
        "US tightens export controls on {maker} {chip} chips",
        "New export restrictions hit {maker} sales to {target}",
      ],
      lead: [
        "Washington tightened export controls on {date}, barring {maker} from selling its {chip} chips to {target} without a licence.",
        "{maker} said the restrictions could cost it {amount} in sales.",
      ],
      details: [
        "Companies have {days} days to comply with the new rules.",
        "Chipmakers had lobbied against the export ban for months.",
        "The semiconductor industry warned that customers would turn to local suppliers.",
      ],
      question: "Which country is targeted by the export controls on the {chip}?",
    },
    fr: {
      titles: [
        "Washington durcit le contrôle des exportations des puces {chip} de {maker}",
        "Nouvelles restrictions à l'exportation pour {maker} vers {target}",
      ],
      lead: [
        "Washington a durci le {date} le contrôle des exportations, interdisant à {maker} de vendre ses puces {chip} à {target} sans licence.",
        "{maker} estime que ces restrictions pourraient lui coûter {amount} de ventes.",
      ],
      details: [
        "Les entreprises ont {days} jours pour se conformer aux nouvelles règles.",
        "Les fabricants de semi-conducteurs s'opposaient depuis des mois à ces restrictions à l'exportation.",
        "L'industrie des puces craint que les clients se tournent vers des fournisseurs locaux.",
      ],
      question: "Quel pays est visé par le contrôle des exportations de la puce {chip} ?",
    },
    answer: "target",
  },
  {
    name: "ai-regulation",
    weight: 4,
    category: { en: "AI", fr: "IA" },
    slots: (r, ms) => ({
      inPlace: inCountry(country(r)),
      pct: percent(r, 1, 7),
      date: date(ms),
      months: count(r, 6, 36),
      minister: person(r),
      firm: firm(r),
    }),
    en: {
      titles: [
        "Lawmakers adopt AI regulation with fines of up to {pct} of turnover",
        "New artificial intelligence law approved {inPlace}",
      ],
      lead: [
        "Lawmakers {inPlace} adopted a law regulating artificial intelligence on {date}, with fines of up to {pct} of global turnover.",
        "The rules will apply in {months} months.",
      ],
      details: [
        "{minister}, the minister in charge of digital affairs, said the AI regulation would protect citizens without stifling innovation.",
        "Tech companies warned that the law could slow the launch of new AI models.",
        "Analysts at {firm} said compliance would cost large firms millions.",
      ],
      question: "What fine does the new AI law {inPlace} allow?",
    },
    fr: {
      titles: [
        "Les députés adoptent une réglementation de l'IA avec des amendes jusqu'à {pct} du chiffre d'affaires",
        "Nouvelle loi sur l'intelligence artificielle adoptée {inPlace}",
      ],
      lead: [
        "Les parlementaires ont adopté le {date} une loi encadrant l'intelligence artificielle {inPlace}, avec des amendes pouvant atteindre {pct} du chiffre d'affaires mondial.",
        "Les règles s'appliqueront dans {months} mois.",
      ],
      details: [
        "{minister}, ministre chargé du numérique, assure que cette réglementation de l'IA protégera les citoyens sans freiner l'innovation.",
        "Les entreprises technologiques craignent que la loi ralentisse le lancement de nouveaux modèles d'IA.",
        "Selon les analystes de {firm}, la mise en conformité coûtera des millions aux grandes entreprises.",
      ],
      question: "Quelle amende prévoit la nouvelle loi sur l'IA {inPlace} ?",
    },
    answer: "pct",
  },
];
