/**
 * What general news looks like before any feed is read: how common ordinary words and names are
 * across news articles, and the everyday news words French and English outlets use for the same
 * thing. Story grouping blends these with the counts of its window, so a fresh install with two
 * or three stories does not take `said`, `deal` or `États-Unis` for distinctive.
 *
 * The bands are the share of news articles (title and first paragraphs) a word appears in,
 * estimated for general and technology news in English and French: wire copy (AP, Reuters, AFP),
 * national dailies and tech sites. Precision does not matter much: what matters is the order of
 * magnitude between a word every article uses, a common news word, a topic word, and a name.
 * Words are written plain; they are folded and stemmed (both languages) when read.
 */

/** Share of news articles containing a word of each band. */
export const BAND_RATES = { everyday: 0.3, common: 0.1, topical: 0.03 } as const;

export type Band = keyof typeof BAND_RATES;

export const COMMON_WORDS: Record<Band, string> = {
  everyday: `year years new people time first last week two three four five one told percent million
  company companies government including well made make like many while since still day days state
  news report reported official officials number part month months group world country public work
  help use used way back take took just get going want added around market next even come came know
  think second end plan plans may could think another week weeks today yesterday monday tuesday
  wednesday thursday friday saturday sunday
  an ans annee annees nouveau nouvelle nouveaux premier premiere dernier derniere semaine deux trois
  quatre cinq personnes temps pourcent millions entreprise entreprises gouvernement dont bien fait
  faire comme beaucoup alors encore jour jours etat pays monde groupe public travail aider utiliser
  partie mois rapport responsable responsables nombre marche prochain prochaine fin plan aujourd hui
  hier lundi mardi mercredi jeudi vendredi samedi dimanche indique annonce explique estime`,
  common: `president business billion deal law court police service services data users user app apps
  technology executive chief director statement interview spokesperson spokesman decision issue
  problem support system systems program policy security national international global local economy
  economic money price prices cost costs sales growth team home city school health information online
  internet social media video content product products customer customers industry sector foreign
  political party election share shares stock investors analysts quarter revenue profit earnings
  expected expects announced announcement launch launched recent recently major large big small high
  low top early late former current future long short thousand thousands hundreds several few
  members leaders agency department committee board chairman ceo rules rule order move efforts effort
  change changes risk risks concerns question questions case cases result results source sources
  familiar matter comment request immediately respond morning evening night week businesses firm firms
  operations operation plan world largest biggest parent owner owned unit users million billion
  january february march april june july august september october november december
  president presidente affaires milliard milliards accord loi tribunal justice police service services
  donnees utilisateurs application applications technologie technologies directeur directrice
  communique declaration decision probleme systeme programme politique securite national nationale
  international internationale mondial mondiale economie economique argent prix cout couts ventes
  croissance equipe ville ecole sante information internet reseaux sociaux video contenu produit
  produits client clients industrie secteur etranger etrangere parti election action actions bourse
  investisseurs analystes trimestre chiffre profit benefice resultats attendu prevoit lancement lance
  recemment grand grande grands petit petite haut bas ancien ancienne actuel futur long court milliers
  centaines plusieurs membres dirigeants agence ministere comite conseil regles regle mesure mesures
  changement risque risques question questions cas sources proches dossier commentaire matin soir nuit
  societe filiale maison mere activites proprietaire janvier fevrier mars avril mai juin juillet aout
  septembre octobre novembre decembre`,
  topical: `bid offer acquisition acquire buy bought sell sold sale talks negotiations agreement partner
  partnership investment invest fund funding bank banks financial tax taxes trade tariffs regulator
  regulators regulation regulatory approval approve ban fine fined lawsuit sued sue judge ruling
  investigation probe software hardware chip chips device devices computer computers phone phones
  cloud platform network networks account accounts model models artificial intelligence research
  researchers study employees workers staff jobs job energy oil gas power climate war military attack
  attacks minister prime secretary administration congress senate parliament federal american chinese
  european british french giant maker makers rival rivals competition competitor deadline executive
  order orders sanctions export exports imports license licence outage breach hackers cyberattack
  update updates feature features launch release released version subscribers subscription shares
  stake valuation valued worth merger antitrust competition commission union ruling appeal
  offre rachat racheter acquisition acheter vendre vente cession ceder negociations discussions
  partenaire partenariat investissement investir fonds financement banque banques financier impot
  impots commerce droits douane regulateur regulation autorisation interdiction interdire amende
  plainte juge enquete logiciel logiciels materiel puce puces appareil appareils ordinateur
  ordinateurs telephone smartphone cloud plateforme reseau compte comptes modele modeles
  intelligence artificielle recherche chercheurs etude salaries employes emplois energie petrole gaz
  climat guerre militaire attaque ministre premier secretaire administration congres senat parlement
  federal americain americaine americains americaines chinois chinoise europeen europeenne
  britannique francais francaise geant fabricant concurrent concurrence echeance delai decret
  sanctions exportation exportations licence panne faille pirates cyberattaque mise jour
  fonctionnalite version abonnes abonnement participation valorisation fusion commission appel
  tv pc pcs ai it app apps ceo cfo cto os api gpu cpu airline airlines hospital hospitals`,
};

/**
 * Names nearly every day's news carries: countries, capitals, blocs and big institutions, and
 * the companies and people most covered by business and technology news, year after year. A
 * story about them is not the same story because both name them: `Microsoft` and `TikTok` tell
 * a TikTok-deal story from a Teams update, not one TikTok-deal event from the next. Names in the
 * news only for a while are left to the window's own counts.
 */
export const COMMON_NAMES: Record<Band, string> = {
  everyday: `usa`,
  common: `china europe eu uk france washington beijing london paris brussels bruxelles russia
  ukraine india japan germany allemagne chine royaume uni europe white house maison blanche
  reuters ap afp bloomberg trump donaldtrump biden joebiden macron emmanuelmacron google apple
  microsoft amazon meta facebook`,
  topical: `canada australia brazil mexico korea taiwan israel iran italy spain italie espagne
  california texas new york wall street journal nasdaq nyse congress senate supreme court
  commission parliament parlement un nato otan who oms fed bce ecb imf fmi
  nvidia intel amd qualcomm samsung tsmc ibm oracle salesforce cisco netflix tesla spacex twitter
  instagram whatsapp youtube tiktok bytedance openai anthropic alibaba tencent huawei xiaomi sony
  walmart disney uber airbnb paypal visa mastercard boeing airbus chatgpt windows android iphone
  elonmusk musk markzuckerberg zuckerberg jeffbezos bezos timcook satyanadella sundarpichai
  samaltman jensenhuang putin vladimirputin xijinping zelensky`,
};

/**
 * Everyday news words of both languages that say the same thing, one group per line: the first
 * word names the group. An article gets the group's key for each word it uses, so `rachat` meets
 * `acquisition` and `décret` meets `executive order` across languages. Only words outlets use
 * for events (actions and their objects), never topics or names.
 */
export const CONCEPTS = `
acquire: acquire acquires acquired acquisition buy buys bought buyout takeover purchase racheter rachete rachat acquerir acquis acquisition
sell: sell sells selling sold sale divest divests divestiture divestment vendre vend vendu vente ceder cede cession
bid: bid bids bidding offer offers suitor offre offres candidat candidats surenchere
partner: partner partners partnership partnering alliance ally allied teams teamed associe associer allie alliance partenaire partenaires partenariat
choose: choose chooses chose chosen pick picks picked select selected selects winner won wins choisir choisi choisie retenu retenue selectionne remporte emporte
reject: reject rejects rejected rejection refuse refuses refused decline declined turned spurn rejeter rejete rejette refuser refuse refus ecarter ecarte decliner
resign: resign resigns resigned resignation quit quits departure demission demissionne demissionner quitte quitter depart
appoint: appoint appointed appoints successor nomme nommee nomination successeur
fine: fine fined fines penalty penalties amende amendes sanction sanctionne penalite
sue: sue sues sued lawsuit lawsuits litigation plainte plaintes poursuit poursuivre poursuites attaque justice proces
ban: ban bans banned banning prohibit prohibited interdire interdit interdiction interdictions bannir
earnings: earnings results quarterly quarter resultats trimestre trimestriel trimestriels
revenue: revenue revenues sales turnover chiffre ventes
profit: profit profits income benefice benefices
loss: loss losses deficit perte pertes
charge: charge charges writedown provision provisions depreciation
forecast: forecast forecasts outlook guidance expects prevision previsions prevoit perspectives objectif
layoffs: layoffs layoff redundancies licenciements licenciement suppressions
launch: launch launches launched unveil unveils unveiled introduce introduces lancer lance lancement devoile devoiler presente
outage: outage outages crash crashes crashed disruption panne pannes plante plantage perturbation
attack: cyberattack hack hacked hackers breach ransomware cyberattaque piratage pirates fuite rancongiciel
update: update updates patch mise correctif
export: export exports exporting exportation exportations exporter
licence: license licence licenses licences licensing licence licences
tariff: tariff tariffs duties droits douane surtaxe
guidelines: guidelines guidance lignes directrices orientations recommandations
rules: rules regulation regulations law laws act reglement regles loi
investigation: investigation probe inquiry investigating enquete enquetes investigation
approve: approve approved approval clears cleared authorise authorize autorise autorisation feu vert valide
warn: warn warns warned warning alerte avertit previent
confirm: confirm confirms confirmed confirme confirmer
deny: deny denies denied dement dementi
agreement: agreement deal accord accords entente
talks: talks negotiations negotiating discussions negociations negocie pourparlers
invest: invest invests invested investment investments investir investit investissement investissements
build: build builds building construct construire construit usine usines factory factories plant plants
chip: chip chips semiconductor semiconductors processor processors puce puces semiconducteur semiconducteurs processeur
ceo: ceo boss chief patron pdg dirigeant
government: government administration gouvernement administration executif
airline: airline airlines carrier carriers flights compagnie compagnies aerienne aeriennes vols
delay: delay delays delayed postpone postponed pause retard retards
`;
