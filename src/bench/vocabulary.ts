/**
 * The words the corpus is written with: real and invented companies, people, places, products,
 * regulators and outlets, each in English and French where the two differ. Plain data, split
 * from the sentence templates so either can grow without the other.
 */

/** A word or name in both languages (the same string when it does not change). */
export interface Bilingual {
  en: string;
  fr: string;
}

const split = (text: string): string[] =>
  text
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const REAL_COMPANIES =
  split(`Oracle | Microsoft | Walmart | Nvidia | AMD | Intel | ASML | Apple | Google | Alphabet
  | Meta | Amazon | Samsung | TSMC | Qualcomm | Arm | OpenAI | Anthropic | Mistral AI | Salesforce | SAP
  | Capgemini | Atos | OVHcloud | Orange | Bouygues Telecom | Dassault Systèmes | Ubisoft | Thales
  | STMicroelectronics | Spotify | Netflix | Uber | Airbnb | Shopify | Stripe | Adobe | IBM | Cisco | Dell
  | Lenovo | Huawei | Xiaomi | Tencent | Alibaba | Baidu | Zoom | Snowflake | Databricks | Palantir
  | CrowdStrike | Cloudflare | Broadcom | Red Hat | GitHub | GitLab | Atlassian | Dropbox | Mozilla | Proton
  | Qwant | Deezer | BlaBlaCar | Doctolib | Back Market | Criteo | Ledger | Free | SFR | Infineon | Ericsson
  | Nokia | Vodafone | Deutsche Telekom | Sony | Nintendo | Valve | Epic Games | Tesla | Rivian | Cohere`);

const INVENTED_HEADS =
  split(`Vel | Nor | Quant | Astra | Lumi | Hexa | Cobalt | Zen | Orbi | Kyra | Solva | Tessa
  | Brio | Nexo | Pallas | Vanta | Mira | Oxy | Tera | Halo | Arden | Corvi | Dexa | Fenix`);
const INVENTED_TAILS = split(
  `tix | vana | data | soft | labs | ware | mind | scale | grid | link | wave | core`,
);
const INVENTED_FORMS = ["", " Systems", " Technologies", " SA", " Robotics", " Networks"];

/** About 80 real companies and 280 invented ones (`Quantgrid Systems`), in a fixed order. */
export const COMPANIES: readonly string[] = [
  ...REAL_COMPANIES,
  ...INVENTED_HEADS.flatMap((head, h) =>
    INVENTED_TAILS.map((tail, t) => `${head}${tail}${INVENTED_FORMS[(h + t) % INVENTED_FORMS.length]}`),
  ),
];

/** The names of the running example (DESIGN.md): the TikTok US deal. */
export const TIKTOK = {
  app: "TikTok",
  parent: "ByteDance",
  bidders: ["Oracle", "Microsoft", "Walmart"],
  partner: "Oracle",
  people: [
    "Donald Trump",
    "Larry Ellison",
    "Satya Nadella",
    "Shou Zi Chew",
    "Zhang Yiming",
    "Steven Mnuchin",
  ],
} as const;

export const FIRST_NAMES =
  split(`Alice | Marc | Sophie | Thomas | Julie | Nicolas | Claire | Antoine | Emma | Lucas
  | Sarah | David | Laura | Pierre | Chloé | Hugo | Camille | Julien | Léa | Maxime | Olivia | James | Priya
  | Daniel | Mei | Carlos | Fatima | Kenji | Anna | Omar | Elena | Ravi | Grace | Tom | Inès | Paul | Nadia
  | Victor | Hannah | Samuel`);
export const LAST_NAMES =
  split(`Martin | Bernard | Dubois | Moreau | Laurent | Lefèvre | Roux | Fournier | Girard
  | Bonnet | Smith | Johnson | Chen | Nakamura | Garcia | Patel | Kim | Müller | Rossi | Silva | Okafor | Novak
  | Haddad | Larsen | O'Brien | Dupont | Mercier | Lambert | Faure | Rousseau | Walker | Nguyen | Cohen | Park
  | Fischer | Weber | Costa | Ivanova | Yamamoto | Brennan`);

export const ANALYST_FIRMS =
  split(`Gartner | IDC | Forrester | Moor Insights & Strategy | Canalys | Counterpoint
  | Jefferies | Morgan Stanley | Bernstein | Wedbush | Xerfi | Omdia`);

/** Roles, with the lexicon's words for them in both languages. */
export const ROLES: readonly Bilingual[] = [
  { en: "chief executive", fr: "PDG" },
  { en: "chief financial officer", fr: "directeur financier" },
  { en: "chief technology officer", fr: "directeur technique" },
  { en: "co-founder", fr: "cofondateur" },
  { en: "president", fr: "président" },
  { en: "head of cloud", fr: "directeur du cloud" },
];

export const COUNTRIES: readonly Bilingual[] = [
  { en: "the United States", fr: "les États-Unis" },
  { en: "China", fr: "la Chine" },
  { en: "France", fr: "la France" },
  { en: "Germany", fr: "l'Allemagne" },
  { en: "Japan", fr: "le Japon" },
  { en: "India", fr: "l'Inde" },
  { en: "the United Kingdom", fr: "le Royaume-Uni" },
  { en: "Canada", fr: "le Canada" },
  { en: "Brazil", fr: "le Brésil" },
  { en: "South Korea", fr: "la Corée du Sud" },
  { en: "Taiwan", fr: "Taïwan" },
  { en: "the Netherlands", fr: "les Pays-Bas" },
];

export const CITIES = split(`Paris | Lyon | Toulouse | Grenoble | Austin | San Francisco | Seattle | Shenzhen
  | London | Berlin | Tokyo | Bangalore | Dublin | Amsterdam | Montreal | Singapore | Munich | Seoul`);

export const REGULATORS: readonly Bilingual[] = [
  { en: "the European Commission", fr: "la Commission européenne" },
  { en: "the FTC", fr: "la FTC" },
  { en: "the CNIL", fr: "la CNIL" },
  { en: "the US Department of Justice", fr: "le ministère américain de la Justice" },
  { en: "Ofcom", fr: "l'Ofcom" },
  { en: "the Autorité de la concurrence", fr: "l'Autorité de la concurrence" },
  { en: "Arcep", fr: "l'Arcep" },
  { en: "the Irish Data Protection Commission", fr: "la Commission irlandaise de protection des données" },
];

/** Products with a unit-bearing spec (`12 GB`, `3 nm`): numbers facts can hold. `a` has the article. */
export const PRODUCTS: readonly {
  en: string;
  fr: string;
  a: Bilingual;
  spec: [number, number, string, string];
}[] = [
  {
    en: "smartphone",
    fr: "smartphone",
    a: { en: "a smartphone", fr: "un smartphone" },
    spec: [8, 16, "GB of memory", "Go de mémoire"],
  },
  {
    en: "AI chip",
    fr: "puce d'IA",
    a: { en: "an AI chip", fr: "une puce d'IA" },
    spec: [2, 5, "nm process", "nm de gravure"],
  },
  {
    en: "laptop",
    fr: "ordinateur portable",
    a: { en: "a laptop", fr: "un ordinateur portable" },
    spec: [12, 24, "hours of battery life", "heures d'autonomie"],
  },
  {
    en: "cloud region",
    fr: "région cloud",
    a: { en: "a cloud region", fr: "une région cloud" },
    spec: [3, 6, "data centres", "centres de données"],
  },
  {
    en: "language model",
    fr: "modèle de langage",
    a: { en: "a language model", fr: "un modèle de langage" },
    spec: [7, 400, "billion parameters", "milliards de paramètres"],
  },
  {
    en: "mixed-reality headset",
    fr: "casque de réalité mixte",
    a: { en: "a mixed-reality headset", fr: "un casque de réalité mixte" },
    spec: [90, 120, "Hz displays", "Hz d'affichage"],
  },
  {
    en: "satellite broadband service",
    fr: "offre d'internet par satellite",
    a: { en: "a satellite broadband service", fr: "une offre d'internet par satellite" },
    spec: [100, 400, "Mbps", "Mbit/s"],
  },
  {
    en: "electric delivery van",
    fr: "utilitaire électrique",
    a: { en: "an electric delivery van", fr: "un utilitaire électrique" },
    spec: [250, 450, "km of range", "km d'autonomie"],
  },
];

export const CHIPS = split(`H20 | H100 | B200 | MI300 | Gaudi 3 | Ascend 910B`);

export const PRODUCT_NAMES =
  split(`Nova | Atlas | Pulse | Orion | Vega | Helix | Aurora | Summit | Echo | Titan
  | Lyra | Zephyr | Quasar | Nimbus | Comet`);

/** Topic words of the background sentences, English then French. */
export const TECH_SUBJECTS: readonly Bilingual[] = [
  { en: "cloud computing", fr: "l'informatique en nuage" },
  { en: "cybersecurity", fr: "la cybersécurité" },
  { en: "generative AI", fr: "l'IA générative" },
  { en: "semiconductors", fr: "les semi-conducteurs" },
  { en: "online advertising", fr: "la publicité en ligne" },
  { en: "video streaming", fr: "le streaming vidéo" },
  { en: "mobile payments", fr: "le paiement mobile" },
  { en: "open-source software", fr: "le logiciel libre" },
  { en: "quantum computing", fr: "l'informatique quantique" },
  { en: "electric vehicles", fr: "les véhicules électriques" },
  { en: "data centres", fr: "les centres de données" },
  { en: "5G networks", fr: "les réseaux 5G" },
  { en: "video games", fr: "le jeu vidéo" },
  { en: "e-commerce", fr: "le commerce en ligne" },
];

export const MONTHS_EN = split(`January | February | March | April | May | June | July | August | September
  | October | November | December`);
export const MONTHS_FR = split(`janvier | février | mars | avril | mai | juin | juillet | août | septembre
  | octobre | novembre | décembre`);

/** Outlet names: the feed titles. */
export const OUTLETS_EN = split(`Tech Ledger | Silicon Dispatch | The Byte Report | Cloud Wire | Circuit Daily
  | Data Street | Gadget Post | Network Times | Code Herald | Chip Watch | Startup Brief | Digital Tribune`);
export const OUTLETS_FR = split(`Le Journal du Numérique | L'Écho Tech | Numérique Hebdo | La Gazette du Cloud
  | Tech Actu | Le Fil Numérique | Informatique Matin | Le Courrier des Puces | Start-up Mag | Réseaux & Télécoms`);
