import { termKeys } from "../text/analyze.ts";
import { foldText } from "../text/fold.ts";
import { isStopWord } from "../text/stopwords.ts";

/**
 * A small bilingual news lexicon: each group holds English and French words (and a few phrases)
 * that say the same thing in a news story, so an English question finds a French fact and the
 * reverse. Inflections the stemmers do not join (`devient`/`devenir`) are listed explicitly.
 * Groups are news vocabulary, not any one article's words. One group per line: words separated
 * by spaces, `_` joining the words of a phrase.
 */
const GROUPS: Record<string, string> = {
  deal: "deal deals agreement accord accords entente transaction pact arrangement",
  acquisition: `acquisition acquisitions acquire acquired acquiring buy buys bought buying buyout takeover
    purchase purchased rachat rachats racheter rachete rachetee achat acheter achete acquerir acquis
    acquise reprise reprendre pay paid paying payer paye`,
  buyer: `buyer buyers purchaser acquirer bidder bidders suitor suitors acheteur acheteurs acquereur
    acquereurs repreneur repreneurs pretendant pretendants`,
  sale: `ship ships shipped sale sales sell sells sold selling divest divests divested divestiture divestment vente ventes
    vendre vendu vendue vendra cession ceder cede cedee commercialise commercialisee commercialiser
    commercialisation`,
  handover: `hand_over handover transfer transferred transfers give_up surrender cede transfert transferer
    transfere ceder cedera remettre livrer fournir distribuer distribuera share partager`,
  deadline: "deadline deadlines time_limit delai delais echeance date_limite ultimatum",
  ban: `ban bans banned banning prohibit prohibited prohibition block blocked interdiction interdire
    interdit interdite bannir banni bannissement bloquer blocage`,
  order: "order orders executive_order decree decret decrets ordonnance ordre",
  law: "law laws bill act legislation loi lois projet_de_loi",
  court: "trial trials jury verdict court courts judge ruling tribunal juge justice cour decision_de_justice",
  partner: `partner partners partnership partnering partenaire partenaires partenariat allie ally team_up
    teamed_up teams_up associe associer allier allies`,
  founder: `cree creee creer founder founders co-founder cofounder founded found creator fondateur fondatrice fondateurs
    cofondateur fonde fondee fonder createur creatrice`,
  owner: `owner owners owns owned parent parent_company proprietaire proprietaires maison_mere detient
    detenu detenue possede actionnaire shareholder belongs belong belonged appartient appartenir
    appartiennent appartenait`,
  head: `ceo chief_executive boss head leader pdg directeur_general directrice_generale patron patronne
    dirigeant dirigeants chef runs run dirige diriger`,
  president: `president presidents presidential chairman chairwoman chair presidente presidentiel
    presidentielle`,
  analyst: "analyst analysts analyste analystes expert experts",
  spokesperson: "spokesperson spokesman spokeswoman porte_parole representative representant",
  minister: "minister secretary ministre secretaire",
  regulator: "regulator regulators watchdog authority regulateur regulateurs autorite gendarme",
  government: "government administration white_house gouvernement maison_blanche executif",
  company: `company companies firm firms business corporation group entreprise entreprises societe societes
    firme firmes groupe compagnie editeur`,
  usa: "usa united_states america american americans americain americaine americains americaines amerique",
  china: "china chinese chine chinois chinoise chinoises beijing pekin",
  europe: "europe european eu europeen europeenne europeens ue",
  france: "france french francais francaise francaises",
  uk: "uk britain british united_kingdom royaume_uni britannique",
  india: "india indian inde indien indienne",
  ireland: "ireland irish irlande irlandais irlandaise",
  japan: "japan japanese japon japonais japonaise",
  germany: "germany german allemagne allemand allemande",
  technology: `technology technologies technological technical tech technique techniques technologie
    technologies technologique technologiques`,
  trusted: "trusted trust trustworthy reliable confiance fiable",
  algorithm: "algorithm algorithms algorithme algorithmes",
  code: "source_code code code_source",
  data: "data donnees donnee",
  security: "security securite safety",
  privacy: "privacy confidentialite vie_privee",
  interest: `interest interested interests keen interet interets interesse interessee interesses
    interessees interesser`,
  chosen: `gagne gagner chosen choose selected select picked pick retained winner won retenu retenue retenus retenir
    choisi choisie choisir selectionne elu remporte`,
  reject: `reject rejected rejects rejection refuse refused refusal turned_down turn_down rebuffed rejet
    rejete rejetee rejeter refuse refusee refuser refus ecarte ecartee decline declined`,
  become: "become becomes became becoming devenir devient deviendra devenait devenu devenue deviennent",
  show: "show shown showed montrer montre montres montree montrees montraient",
  give: "give gave given grant granted donner donne donnait accorde octroyer",
  announce: "announce announced announcement annoncer annonce annoncee",
  launch: `launch launched launches release released unveil unveiled unveils lancer lance lancee lancement
    sortie sortir devoile devoilee devoiler presente presentee`,
  appoint: `appoint appoints appointed appointment named nomme nommee nommer nomination replace replaces
    replacing replaced remplace remplacer remplacement succeed succeeds successor successeur new nouveau
    nouvelle`,
  close: "shut_down shutdown close closed closes closing fermer ferme fermee fermeture cesser arreter",
  fine: "fine fined penalty amende amendes sanction sanctionne penalite",
  investigation: "investigation probe inquiry enquete examen",
  city: "city cities town towns ville villes",
  quarter: "quarter quarters quarterly trimestre trimestres trimestriel trimestrielle trimestriels",
  first: "first premier premiere",
  second: "second deuxieme",
  third: "third troisieme",
  fourth: "fourth quatrieme",
  funding: `invest invested investing investment investor investors investisseur investisseurs investir investi
    raise raised raises raising funding fundraising funding_round lever leve levee levees levent
    financement tour_de_table`,
  appeal: "appeal appeals appealed appealing faire_appel fera_appel fait_appel interjeter_appel contester",
  lawsuit: "lawsuit sue sued suit complaint proces plainte poursuite poursuivi",
  layoffs: `laying_off layoff layoffs lay_off lays_off laid_off job_cuts licenciement licenciements licencier licencie
    licenciera suppressions_de_postes`,
  employees: `employee employees staff workforce workers employe employes salarie salaries effectif
    effectifs job jobs poste postes emploi emplois`,
  cut: "cut cuts cutting slash slashes slashed eliminate supprimer supprime supprimera suppression reduction reduire",
  users: "user users utilisateur utilisateurs abonnes subscribers",
  price: `vaut valoir valait vaudrait price prices cost costs value valued worth valuation amount prix cout couts valeur valorisation
    valorise valorisee montant pay pays paid paying spend spent payer paye payee paie debourser`,
  share:
    "share shares stock stake stakes action actions participation hold holds held holding detenir detient",
  confirm: "confirm confirms confirmed uphold upholds upheld confirmer confirme confirmee valider valide",
  revenue: "revenue revenues turnover chiffre_affaires recettes",
  profit: "profit profits earnings benefice benefices resultat",
  days: "day days jour jours journee",
  weeks: "week weeks semaine semaines",
  months: "month months mois",
  years: "year years an ans annee annees",
  app: "app apps application applications appli",
  video: "video videos",
  social: "social_network social_media reseau_social reseaux_sociaux",
  network: "network networks reseau reseaux",
  platform: "platform platforms plateforme plateformes",
  offer: "offer offers bid bids proposal offre offres proposition candidature",
  talks: "talks negotiations discussions negociations pourparlers",
  election: "election elections vote scrutin",
  cloud: "cloud infonuagique",
  datacenter: `data_center data_centers data_centre datacenter datacenters centre_de_donnees centres_de_donnees
    centre_donnees centres_donnees`,
  build: "build builds building built construire construit construite construira construction",
  digital: "digital numerique",
  chip: "chip chips semiconductor semiconductors puce puces semi-conducteur semi-conducteurs",
  resign: `resign resigns resigned resigning resignation quit quits step_down steps_down stepped_down demission
    demissionne demissionner demissionnaire quitter quitte`,
  ai: "ai ia artificial_intelligence intelligence_artificielle",
  need: "need needs needed require requires required besoin besoins necessite necessitent exige",
  report: `report reports reported reporting revealed rapporte rapportee rapportees rapporter revele revelee
    selon according`,
  support: "support supporter backing soutien soutenir soutient appui",
  hire: "hire hired hiring recruit recruits recruited recruiting recruter recrute recrutement embaucher embauche",
  breach: `hack hacked hacking breach breaches cyberattack cyberattacks attack attaque cyberattaque cyberattaques
    piratage pirate pirates hackers`,
  outage: "outage outages panne pannes disruption interruption",
  discover: "discover discovered detected decouvert decouverte decouvrir detecte",
  claim: "claim claimed revendique revendiquee revendiquer revendication",
  customers: "customer customers client clients",
  compensate: "compensate compensation refund dedommager dedommagement indemniser indemnisation rembourser",
  phone: "phone phones smartphone smartphones telephone telephones",
  rise: "rise rose risen jump jumped soar soared climb climbed bondir bondi bondit grimper grimpe progresser progresse hausse",
  forecast: "forecast forecasts guidance outlook prevision previsions objectif objectifs perspectives",
  steal: "steal stole stolen theft derobe derobees derobes",
  bank: "bank banking bancaire bancaires banque",
  train: "train trains rame rames",
  internet: "internet wifi wi-fi connexion connectivity connection",
  speed: "speed fast debit",
  download: "download downloaded downloads telecharge telechargement telecharger",
  times: "times fois",
};

/** Groups whose words name a role a person or company holds: `le fondateur d'Oracle`, `Netflix CEO`. */
export const ROLE_GROUPS: ReadonlySet<string> = new Set([
  "founder",
  "owner",
  "head",
  "president",
  "analyst",
  "spokesperson",
  "minister",
  "regulator",
]);

/** Groups whose words are places, not people or companies: never the answer to "who". */
export const PLACE_GROUPS: ReadonlySet<string> = new Set([
  "usa",
  "china",
  "europe",
  "france",
  "uk",
  "india",
  "ireland",
  "japan",
  "germany",
]);

/** Keys of one word (its stems); a fact holds the word when it holds any of them. */
export type WordKeys = readonly string[];
/** One way to say something: every word must be present (`source code` is two words). */
export type Alternative = readonly WordKeys[];

interface Phrase {
  words: readonly string[];
  group: string;
}

const wordGroups = new Map<string, Set<string>>();
const phrasesByFirst = new Map<string, Phrase[]>();
const alternativesByGroup = new Map<string, Alternative[]>();

for (const [group, spec] of Object.entries(GROUPS)) {
  const alternatives: Alternative[] = [];
  for (const member of spec.trim().split(/\s+/)) {
    const words = foldText(member).split(/[_-]+/).filter(Boolean);
    // A fact's stop words are found by their folded form (they have no keys): `faire appel`.
    alternatives.push(words.map((w) => (isStopWord(w) ? [w, ...termKeys(w)] : termKeys(w))));
    if (words.length === 1) {
      for (const key of termKeys(words[0]!)) addTo(wordGroups, key, group);
    } else {
      const list = phrasesByFirst.get(words[0]!) ?? [];
      list.push({ words, group });
      phrasesByFirst.set(words[0]!, list);
    }
  }
  alternativesByGroup.set(group, alternatives);
}
// Longest phrase first, sorted once: matchPhrase runs for every token of every fact.
for (const list of phrasesByFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/** The groups a word belongs to, by its keys. */
export function groupsOfKeys(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) for (const group of wordGroups.get(key) ?? []) out.add(group);
  return [...out];
}

/**
 * A lexicon phrase starting at `folded[i]` (`executive order`, `hand over`, `code source`):
 * how many words it spans and its group, longest first.
 */
export function matchPhrase(
  folded: readonly string[],
  i: number,
): { length: number; group: string } | undefined {
  const candidates = phrasesByFirst.get(folded[i] ?? "");
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (phrase.words.every((word, k) => folded[i + k] === word))
      return { length: phrase.words.length, group: phrase.group };
  }
  return undefined;
}

/** Every way the lexicon says what a group means. */
export function alternativesOf(group: string): readonly Alternative[] {
  return alternativesByGroup.get(group) ?? [];
}

const groupKeys = new Map<string, readonly string[]>();

/** All keys of a group's words: what the index is asked for. */
export function keysOfGroup(group: string): readonly string[] {
  let keys = groupKeys.get(group);
  if (!keys) {
    keys = [...new Set(alternativesOf(group).flatMap((alt) => alt.flat()))];
    groupKeys.set(group, keys);
  }
  return keys;
}
