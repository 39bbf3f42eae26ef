import type { Topic } from "../model.ts";
import type { Random } from "./random.ts";
import { CHIPS, COMPANIES, PRODUCT_NAMES } from "./vocabulary.ts";

/**
 * The topics servers track, written in the query language (DESIGN.md): terms, "phrases", OR,
 * -exclusions, ( ) groups, title:/lead: fields and prefix*. The first ones are written by hand
 * around the corpus's story kinds; the rest follow the patterns operators write for a company.
 */
const HAND_WRITTEN: readonly [string, string, string][] = [
  [
    "tiktok-deal",
    "TikTok US deal",
    `lead:(tiktok OR bytedance) (divest* OR cession OR "executive order" OR décret OR ((sale OR sell OR vente OR vendre OR rachat OR racheter OR acqui* OR acquéreur OR bid OR buyer OR deal OR accord) lead:(oracle OR microsoft OR walmart OR investor* OR investisseur* OR consortium OR cfius OR "white house" OR "maison blanche")))`,
  ],
  ["tiktok", "Everything TikTok", "tiktok OR bytedance"],
  [
    "acquisitions",
    "Acquisitions",
    `title:(acquire OR acquisition OR buy OR rachète OR rachat OR acquérir) -rumour -rumeur`,
  ],
  [
    "funding",
    "Start-up funding",
    `("series A" OR "series B" OR "series C" OR "série A" OR "série B" OR "série C" OR "levée de fonds") -layoffs`,
  ],
  ["layoffs", "Layoffs", `title:(cut OR layoffs OR licenciements OR supprimer) (jobs OR emplois OR postes)`],
  [
    "data-breaches",
    "Data breaches",
    `("data breach" OR "fuite de données" OR cyberattack* OR cyberattaque*) (users OR utilisateurs OR customers OR clients)`,
  ],
  [
    "fines",
    "Regulatory fines",
    `(fine OR fined OR amende) ("European Commission" OR "Commission européenne" OR FTC OR CNIL OR Ofcom OR Arcep)`,
  ],
  [
    "competition-fines",
    "Competition authorities",
    `"Autorité de la concurrence" OR "Department of Justice" OR "ministère américain de la Justice"`,
  ],
  [
    "earnings",
    "Quarterly results",
    `(revenue OR "chiffre d'affaires") (quarterly OR trimestriel OR quarter OR trimestre)`,
  ],
  [
    "ceo-moves",
    "Chief executives",
    `title:("chief executive" OR PDG) (names OR nomme OR replace OR remplace)`,
  ],
  [
    "ai-regulation",
    "AI regulation",
    `("AI Act" OR "artificial intelligence" OR "intelligence artificielle") (law OR loi OR regulation OR réglementation)`,
  ],
  [
    "chip-exports",
    "Chip export controls",
    `(nvidia OR amd OR intel OR asml OR ${CHIPS.slice(0, 4).join(" OR ")}) ("export controls" OR "export restrictions" OR "contrôle des exportations" OR "restrictions à l'exportation")`,
  ],
  [
    "cloud-contracts",
    "Cloud contracts",
    `(cloud OR "technology partner" OR "partenaire technologique") (contract OR contrat OR partnership OR partenariat) -tiktok`,
  ],
  ["oracle", "Oracle", `oracle -"oracle de delphes"`],
  ["microsoft", "Microsoft", "title:microsoft OR lead:microsoft"],
  ["nvidia", "Nvidia", "nvidia (chip* OR puce* OR gpu OR H100 OR H20)"],
  [
    "apple-products",
    "Apple products",
    "apple (unveils OR dévoile OR smartphone OR laptop OR headset OR casque)",
  ],
  ["mistral", "Mistral AI", `"Mistral AI" OR lead:mistral`],
  [
    "french-tech",
    "French tech",
    `(OVHcloud OR Capgemini OR Atos OR Doctolib OR BlaBlaCar OR "Back Market" OR Qwant OR Deezer OR Criteo OR Ledger)`,
  ],
  [
    "telecoms",
    "Telecoms",
    `(Orange OR SFR OR Free OR "Bouygues Telecom" OR Vodafone OR Ericsson OR Nokia) -"free trial"`,
  ],
  ["security", "Security", "lead:(security OR sécurité OR pirates OR hackers OR attackers) -game"],
  ["launches", "Product launches", `title:(unveils OR dévoile OR "hands-on" OR "prise en main")`],
  ["language-models", "Language models", `("language model" OR "modèle de langage" OR "billion parameters")`],
  ["semiconductors", "Semiconductors", "semiconduct* OR semi-conduct* OR chipmaker* OR fonderie"],
  ["regulators", "Regulators", "lead:(regulator* OR régulateur* OR CNIL OR Ofcom OR FTC) -sport"],
];

const COMPANY_PATTERNS = [
  (c: string) => `${quoted(c)} (acquisition OR rachat OR acquire* OR rachète)`,
  (c: string) => `title:${quoted(c)}`,
  (c: string) => `lead:${quoted(c)} -(earnings OR résultats)`,
  (c: string) => `${quoted(c)} (revenue OR "chiffre d'affaires" OR profit OR bénéfice)`,
  (c: string) => `${quoted(c)} (jobs OR emplois OR layoffs OR licenciements)`,
];

/** `count` topics: the hand-written ones, then one per company with the patterns above. */
export function createCorpusTopics(random: Random, count: number): Topic[] {
  const topics = HAND_WRITTEN.slice(0, count).map(([id, name, query]) => ({ id, name, query }));
  const companies = COMPANIES.slice(0);
  for (let i = 0; topics.length < count; i++) {
    const company = companies.splice(random.int(0, companies.length - 1), 1)[0]!;
    const query = COMPANY_PATTERNS[i % COMPANY_PATTERNS.length]!(company);
    topics.push({ id: `company-${slug(company)}-${i}`.slice(0, 48), name: company, query });
  }
  return topics;
}

/**
 * Words the generated matching topics are drawn from. Mostly names, as users track companies
 * and products; the rest are story words of both languages. Words every article's background
 * uses (market, customers, shares) are left out: a topic matching every item tracks nothing.
 */
const NAMES = [
  ...COMPANIES.filter((c) => !c.includes(" ")),
  ...PRODUCT_NAMES,
  ...CHIPS.filter((c) => !c.includes(" ")),
];
const STORY_WORDS =
  `acquisition rachat acquire racheter layoffs licenciements breach fuite cyberattack cyberattaque
  fine amende fined partenaire partner contract contrat export exportation startup levée series série unveils dévoile
  smartphone laptop headset casque satellite tiktok bytedance divest cession décret appeal appel restructuring
  restructuration funding forecasts prévisions passwords unions syndicats`
    .split(/\s+/)
    .filter((w) => w.length > 0);
const PHRASES = [
  "data breach",
  "fuite de données",
  "executive order",
  "chief executive",
  "technology partner",
  "partenaire technologique",
  "export controls",
  "series B",
  "language model",
  "job cuts",
  "national security",
  "competition rules",
];

/**
 * `count` topics for the matching test, shaped as users write them: two terms, either of two,
 * a term with an alternative group, a phrase, an exclusion, a title-only term, a prefix.
 */
export function createMatchTopics(random: Random, count: number): Topic[] {
  const name = () => random.pick(NAMES).toLowerCase();
  const word = () => random.pick(STORY_WORDS);
  const t = () => (random.chance(0.7) ? name() : word());
  const p = () => `"${random.pick(PHRASES)}"`;
  const shapes = [
    () => `${name()} ${word()}`,
    () => `${name()} OR ${name()}`,
    () => `(${name()} OR ${name()}) ${word()}`,
    () => `${p()} ${t()}`,
    () => `${name()} -${word()}`,
    () => `title:${name()} (${word()} OR ${word()} OR ${p()})`,
    () => `${name().slice(0, 5)}* ${word()}`,
    () => `lead:(${t()} OR ${t()}) -(${word()} OR ${word()})`,
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `Generated ${i}`,
    query: shapes[i % shapes.length]!(),
  }));
}

function quoted(name: string): string {
  return /[\s'&-]/.test(name) ? `"${name}"` : name;
}

function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
