import {
  company,
  count,
  country,
  date,
  firm,
  inCountry,
  money,
  percent,
  person,
  role,
  same,
} from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";
import { PRODUCT_NAMES, PRODUCTS } from "./vocabulary.ts";

/** Company stories: people, jobs, products, incidents. */
export const COMPANY_KINDS: readonly StoryKind[] = [
  {
    name: "appointment",
    weight: 8,
    category: { en: "People", fr: "Nominations" },
    slots: (r, ms) => ({
      a: company(r),
      ceo: person(r),
      previous: person(r),
      date: date(ms),
      years: count(r, 2, 15),
      role: role(r),
    }),
    en: {
      titles: ["{a} names {ceo} chief executive", "{ceo} to replace {previous} as {a} chief executive"],
      lead: [
        "{a} has named {ceo} as its new chief executive, replacing {previous}, the company said on {date}.",
        "{ceo} was previously the {role} of the company and joined it {years} years ago.",
      ],
      details: [
        "{previous} will stay on the board as an adviser until the end of the year.",
        "The change comes after two difficult quarters for {a}.",
        "Investors welcomed the appointment of {ceo}, whose first task will be to cut costs.",
      ],
      question: "Who is the new chief executive of {a}?",
    },
    fr: {
      titles: ["{a} nomme {ceo} au poste de PDG", "{ceo} remplace {previous} à la tête de {a}"],
      lead: [
        "{a} a nommé {ceo} PDG en remplacement de {previous}, a annoncé l'entreprise le {date}.",
        "{ceo} occupait jusqu'ici le poste de {role} de l'entreprise, qu'il a rejointe il y a {years} ans.",
      ],
      details: [
        "{previous} restera au conseil d'administration comme conseiller jusqu'à la fin de l'année.",
        "Ce changement intervient après deux trimestres difficiles pour {a}.",
        "Les investisseurs ont salué la nomination de {ceo}, dont la première tâche sera de réduire les coûts.",
      ],
      question: "Qui est le nouveau PDG de {a} ?",
    },
    answer: "ceo",
  },
  {
    name: "layoffs",
    weight: 7,
    category: { en: "Jobs", fr: "Emploi" },
    slots: (r, ms) => ({
      a: company(r),
      jobs: count(r, 100, 12_000),
      pct: percent(r, 2, 25),
      date: date(ms),
      inCountry: inCountry(country(r)),
      ceo: person(r),
      amount: money(r, 50, 3000),
    }),
    en: {
      titles: ["{a} to cut {jobs} jobs", "{a} layoffs: {jobs} jobs to go in restructuring"],
      lead: [
        "{a} will cut {jobs} jobs, about {pct} of its workforce, the company announced on {date}.",
        "Most of the job cuts will hit its operations {inCountry}.",
      ],
      details: [
        "{ceo}, the chief executive, said the restructuring would save {amount} a year.",
        "Unions said they would fight the layoffs.",
        "It is the second round of job cuts at {a} in less than a year.",
      ],
      question: "How many jobs is {a} cutting?",
    },
    fr: {
      titles: ["{a} va supprimer {jobs} emplois", "Licenciements chez {a} : {jobs} postes supprimés"],
      lead: [
        "{a} va supprimer {jobs} emplois, soit environ {pct} de ses effectifs, a annoncé l'entreprise le {date}.",
        "L'essentiel des suppressions de postes concernera ses activités {inCountry}.",
      ],
      details: [
        "{ceo}, le PDG, assure que la restructuration permettra d'économiser {amount} par an.",
        "Les syndicats ont promis de s'opposer aux licenciements.",
        "Il s'agit de la deuxième vague de suppressions d'emplois chez {a} en moins d'un an.",
      ],
      question: "Combien d'emplois {a} va-t-il supprimer ?",
    },
    answer: "jobs",
  },
  {
    name: "launch",
    weight: 9,
    category: { en: "Products", fr: "Produits" },
    slots: (r, ms) => {
      const product = r.pick(PRODUCTS);
      const [min, max, unitEn, unitFr] = product.spec;
      const spec = count(r, min, max);
      const onSale = date(ms + r.int(10, 60) * 86_400_000);
      return {
        a: company(r),
        name: same(r.pick(PRODUCT_NAMES)),
        product: { en: product.en, fr: product.fr },
        aProduct: product.a,
        spec: { en: `${spec.en} ${unitEn}`, fr: `${spec.fr} ${unitFr}`, key: spec.key },
        date: date(ms),
        onSale,
      };
    },
    en: {
      titles: ["{a} unveils the {name} {product}", "Hands-on with the {a} {name}"],
      lead: [
        "{a} unveiled the {name}, {aProduct} with {spec}, at an event on {date}.",
        "The {name} goes on sale on {onSale}.",
      ],
      details: [
        "The company did not say how many units it expects to sell.",
        "Early reviews praised the design of the {name} but questioned its price.",
        "The {name} competes directly with products from larger rivals.",
      ],
      question: "When does the {a} {name} go on sale?",
    },
    fr: {
      titles: ["{a} dévoile {name}, {aProduct}", "Prise en main du {name} de {a}"],
      lead: [
        "{a} a dévoilé le {date} {name}, {aProduct} avec {spec}.",
        "{name} sera commercialisé à partir du {onSale}.",
      ],
      details: [
        "L'entreprise n'a pas précisé combien d'unités elle compte vendre.",
        "Les premiers tests saluent le design du {name} mais s'interrogent sur son prix.",
        "Le {name} s'attaque directement aux produits de concurrents plus grands.",
      ],
      question: "Quand le {name} de {a} sera-t-il en vente ?",
    },
    answer: "onSale",
  },
  {
    name: "breach",
    weight: 7,
    category: { en: "Security", fr: "Sécurité" },
    slots: (r, ms) => ({
      a: company(r),
      users: count(r, 2, 400),
      date: date(ms),
      days: count(r, 2, 30),
      ciso: person(r),
      firm: firm(r),
    }),
    en: {
      titles: [
        "{a} data breach exposes {users} million users",
        "{a} confirms cyberattack affecting {users} million customers",
      ],
      lead: [
        "{a} confirmed on {date} that a data breach exposed the personal data of {users} million users.",
        "The attackers had access to its systems for {days} days before they were detected.",
      ],
      details: [
        "{ciso}, who leads security at {a}, said no payment data was stolen.",
        "Users are advised to change their passwords.",
        "Regulators have been notified of the breach.",
      ],
      question: "How many users were affected by the {a} data breach?",
    },
    fr: {
      titles: [
        "Fuite de données chez {a} : {users} millions d'utilisateurs touchés",
        "{a} confirme une cyberattaque touchant {users} millions de clients",
      ],
      lead: [
        "{a} a confirmé le {date} qu'une fuite de données avait exposé les informations personnelles de {users} millions d'utilisateurs.",
        "Les pirates ont eu accès à ses systèmes pendant {days} jours avant d'être détectés.",
      ],
      details: [
        "{ciso}, responsable de la sécurité de {a}, assure qu'aucune donnée bancaire n'a été dérobée.",
        "Il est conseillé aux utilisateurs de changer leur mot de passe.",
        "Les autorités ont été informées de la fuite.",
      ],
      question: "Combien d'utilisateurs sont touchés par la fuite de données chez {a} ?",
    },
    answer: "users",
  },
];
