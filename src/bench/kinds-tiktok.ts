import { count, date, firm, money, percent, person, same } from "./slots.ts";
import type { StoryKind } from "./story-kind.ts";
import { TIKTOK } from "./vocabulary.ts";

/** The running example (DESIGN.md): the TikTok US deal, told as three kinds of story. */
export const TIKTOK_KINDS: readonly StoryKind[] = [
  {
    name: "tiktok-partner",
    weight: 1,
    category: { en: "TikTok", fr: "TikTok" },
    slots: (r, ms) => ({
      partner: same(TIKTOK.partner),
      rival: same("Microsoft"),
      pct: percent(r, 10, 20),
      users: count(r, 100, 170),
      date: date(ms),
      analyst: person(r),
      firm: firm(r),
    }),
    en: {
      titles: [
        "{partner} chosen as TikTok's US technology partner",
        "ByteDance picks {partner} over {rival} in TikTok deal",
      ],
      lead: [
        "ByteDance has chosen {partner} as the technology partner for TikTok's US business, {rival} said on {date} after its own offer was turned down.",
        "The deal, which still needs approval from CFIUS and the White House, would leave ByteDance with a stake of about {pct} in the new company.",
      ],
      details: [
        "{partner} would store the data of TikTok's {users} million American users in its cloud.",
        "The executive order signed by Donald Trump required ByteDance to divest TikTok's US operations.",
        "{analyst}, an analyst at {firm}, said the deal was a big win for the cloud business of {partner}.",
        "Larry Ellison, the co-founder of Oracle, is a long-time supporter of Donald Trump.",
      ],
      question: "Who became TikTok's US technology partner?",
    },
    fr: {
      titles: [
        "{partner} devient le partenaire technologique de TikTok aux États-Unis",
        "TikTok : ByteDance choisit {partner} plutôt que {rival}",
      ],
      lead: [
        "ByteDance a choisi {partner} comme partenaire technologique pour les activités américaines de TikTok, a indiqué {rival} le {date} après le rejet de sa propre offre.",
        "L'accord, qui doit encore être approuvé par le CFIUS et la Maison Blanche, laisserait à ByteDance une participation d'environ {pct} dans la nouvelle société.",
      ],
      details: [
        "{partner} hébergerait dans son cloud les données des {users} millions d'utilisateurs américains de TikTok.",
        "Le décret signé par Donald Trump imposait à ByteDance la cession des activités américaines de TikTok.",
        "Pour {analyst}, analyste chez {firm}, l'accord est une belle victoire pour l'activité cloud de {partner}.",
        "Larry Ellison, le cofondateur d'Oracle, est un soutien de longue date de Donald Trump.",
      ],
      question: "Qui est devenu le partenaire technologique de TikTok aux États-Unis ?",
    },
    answer: "partner",
  },
  {
    name: "tiktok-order",
    weight: 1,
    category: { en: "TikTok", fr: "TikTok" },
    slots: (r, ms) => ({
      days: same(r.pick(["45", "90"])),
      date: date(ms),
      amount: money(r, 20_000, 60_000),
      bidders: same(`${TIKTOK.bidders[1]} and ${TIKTOK.bidders[2]}`),
      senator: person(r),
    }),
    en: {
      titles: [
        "Trump signs executive order giving ByteDance {days} days to sell TikTok",
        "TikTok ban: executive order sets {days}-day deadline for ByteDance",
      ],
      lead: [
        "Donald Trump signed an executive order on {date} giving ByteDance {days} days to sell the US operations of TikTok.",
        "Analysts value the business at up to {amount}.",
      ],
      details: [
        "Microsoft and Walmart are among the possible buyers.",
        "ByteDance said it would challenge the executive order in court.",
        "Senator {senator} said the divestiture was a matter of national security.",
      ],
      question: "How many days does ByteDance have to sell TikTok?",
    },
    fr: {
      titles: [
        "Trump signe un décret donnant {days} jours à ByteDance pour vendre TikTok",
        "TikTok : un décret fixe un délai de {days} jours à ByteDance",
      ],
      lead: [
        "Donald Trump a signé le {date} un décret donnant {days} jours à ByteDance pour vendre les activités américaines de TikTok.",
        "Les analystes valorisent l'activité jusqu'à {amount}.",
      ],
      details: [
        "Microsoft et Walmart font partie des acquéreurs potentiels.",
        "ByteDance a annoncé qu'il contesterait le décret en justice.",
        "Pour le sénateur {senator}, la cession est une question de sécurité nationale.",
      ],
      question: "Combien de jours ByteDance a-t-il pour vendre TikTok ?",
    },
    answer: "days",
  },
  {
    name: "tiktok-bid",
    weight: 1,
    category: { en: "TikTok", fr: "TikTok" },
    slots: (r, ms) => ({
      bidder: same(r.pick(["Microsoft", "Walmart"])),
      date: date(ms),
      amount: money(r, 10_000, 40_000),
      pct: percent(r, 5, 20),
    }),
    en: {
      titles: [
        "ByteDance rejects {bidder}'s offer for TikTok's US business",
        "{bidder} bid for TikTok turned down by ByteDance",
      ],
      lead: [
        "ByteDance rejected on {date} an offer from {bidder} to buy the US operations of TikTok for about {amount}.",
        "{bidder} had proposed to take a stake of {pct} alongside other investors.",
      ],
      details: [
        "The rejection leaves Oracle as the favourite to win the deal.",
        "The White House must approve any sale of TikTok.",
      ],
      question: "Whose offer for TikTok did ByteDance reject?",
    },
    fr: {
      titles: [
        "ByteDance rejette l'offre de {bidder} pour TikTok",
        "TikTok : l'offre de rachat de {bidder} refusée par ByteDance",
      ],
      lead: [
        "ByteDance a rejeté le {date} une offre de {bidder} pour racheter les activités américaines de TikTok pour environ {amount}.",
        "{bidder} proposait de prendre une participation de {pct} aux côtés d'autres investisseurs.",
      ],
      details: [
        "Ce refus fait d'Oracle le favori pour remporter l'accord.",
        "La Maison Blanche doit approuver toute vente de TikTok.",
      ],
      question: "Quelle offre de rachat de TikTok ByteDance a-t-il rejetée ?",
    },
    answer: "bidder",
  },
];
