import { termKeys } from "../text/analyze.ts";
import { foldText } from "../text/fold.ts";
import { isStopWord } from "../text/stopwords.ts";

/**
 * A small bilingual news lexicon: each group holds English and French words (and a few phrases)
 * that say the same thing in a news story, so an English question finds a French fact and the
 * reverse. Inflections the stemmers do not join (`devient`/`devenir`) are listed explicitly.
 * Groups are news vocabulary, not any one article's words. One group per line: words separated
 * by spaces, `_` joining the words of a phrase (an elided `d'`/`l'` is not a word: `chiffre_affaires`).
 * A word belongs to every group one of its stems is in (English and French stems both), so a word
 * whose stem another sense shares is left out or written as a phrase: `fonds` stems like `fondé`, so
 * the founder role takes `fondé par` and the bare participle goes to the non-role `founding`;
 * `marché` stems like `March`, so `market` takes `le marché`, `du marché`….
 */
const GROUPS: Record<string, string> = {
  // Deals, buyers and sellers.
  deal: "deal deals agreement agreements accord accords entente transaction pact arrangement",
  acquisition: `acquisition acquisitions acquire acquired acquiring buy buys bought buying buyout takeover
    takeovers purchase purchased rachat rachats racheter rachete rachetee achat acheter achete acquerir acquis
    acquise reprise reprendre pay paid`,
  buyer: `buyer buyers purchaser acquirer bidder bidders suitor suitors acheteur acheteurs acquereur
    acquereurs repreneur repreneurs pretendant pretendants`,
  sale: `ship ships shipped sale sales sell sells sold selling divest divests divested divestiture divestment vente ventes
    vendre vendu vendue vendra cession ceder cede cedee commercialise commercialisee commercialiser
    commercialisation`,
  handover: `hand_over handover transfer transferred transfers give_up surrender cede transfert transferer
    transfere ceder cedera remettre livrer fournir distribuer distribuera share partager`,
  merger: "merger mergers merge merged merging fusion fusions fusionner fusionne fusionnent",
  complete: `complete completed completes completion finalize finalized finalise finalised finaliser finalisee
    finalisation boucler boucle bouclee conclude concluded conclure conclu conclue close closing`,
  payment: "payment payments paiement paiements mobile_payment payment_app",
  offer: `offer offers bid bids proposal proposals propose proposed proposes offre offres proposition
    propositions proposer candidature appel_offres appels_offres`,
  talks:
    "talks negotiations negotiate negotiating negotiated discussions negociations negocier negocie pourparlers",
  partner: `partner partners partnership partnering partenaire partenaires partenariat allie ally team_up
    teamed_up teams_up associe associer allier allies`,
  sign: "sign signs signed signing signer signe signee signent signature",
  agree: "agree agreed agrees accept accepted accepts accepter accepte acceptee acceptent convenu",
  // People and roles.
  founder: `founder founders co-founder cofounder cofounders founded creator fondateur fondatrice fondateurs
    fondatrices cofondateur cofondatrice cofondateurs createur creatrice fondee fondees fonde_par fondee_par
    fondes_par fondees_par cofonde_par cofondee_par cree_par creee_par`,
  founding: `founded founding co-founded cofounded fonde fondee fondes fondees fonder cofonde cofondee cree creee
    crees creer established etabli etablie founder fondateur fondatrice`,
  owner: `owner owners owns owned parent parent_company proprietaire proprietaires maison_mere detient
    detenu detenue possede actionnaire shareholder belongs belong belonged appartient appartenir
    appartiennent appartenait acquired_by bought_by rachete_par rachetee_par acquis_par acquise_par`,
  head: `ceo ceos chief_executive chief_executives boss bosses head leader pdg directeur_general directrice_generale
    patron patronne dirigeant dirigeante dirigeants chef dirige diriger`,
  cfo: `cfo chief_financial_officer finance_chief finance_director directeur_financier directrice_financiere
    directeur_administratif_et_financier daf`,
  cto: "cto chief_technology_officer chief_technical_officer directeur_technique directrice_technique",
  // `run` is not a role word (`sites run by DHL`), but `Who runs X?` asks for its chief executive.
  operate: `operate operates operated operating run runs running exploite exploiter exploitent gere gerer gerent`,
  president: `president presidents presidential chairman chairwoman chair presidente presidentiel
    presidentielle`,
  board: `board boards board_of_directors conseil_administration conseils_administration conseil_de_surveillance
    supervisory_board`,
  management: "management managers la_direction sa_direction equipe_dirigeante top_executives",
  interim: "interim interimaire interimaires par_interim",
  take_office: `take_office takes_office took_office take_over takes_over took_over ses_fonctions prendre_ses_fonctions
    prend_ses_fonctions prendra_ses_fonctions entrer_en_fonction entre_en_fonction`,
  analyst: "analyst analysts analyste analystes expert experts",
  spokesperson: "spokesperson spokesman spokeswoman porte_parole representative representant",
  minister: "minister secretary ministre secretaire",
  ministry: "ministry ministere ministeres",
  regulator: "regulator regulators watchdog authority regulateur regulateurs autorite gendarme",
  government: "government administration white_house gouvernement maison_blanche executif",
  lawmakers: `lawmakers lawmaker legislator legislators parlementaire parlementaires depute deputes deputee
    senator senators senateur senateurs`,
  parliament: "parliament parlement congress congres senate senat assemblee_nationale",
  company: `company companies firm firms business corporation group entreprise entreprises societe societes
    firme firmes groupe compagnie editeur`,
  startup: "startup startups start-up start-ups jeune_pousse jeunes_pousses",
  manufacturer: `manufacturer manufacturers makers fabricant fabricants constructeur constructeurs producer producers
    producteur producteurs carmaker carmakers automaker automakers`,
  subsidiary: "subsidiary subsidiaries filiale filiales",
  headquarters: "headquarters headquartered head_office hq siege siege_social",
  // Places.
  usa: "usa united_states america american americans americain americaine americains americaines amerique",
  china: "china chinese chine chinois chinoise chinoises beijing pekin",
  europe: "europe european eu europeen europeenne europeens ue european_union union_europeenne",
  france: "france french francais francaise francaises",
  uk: "uk britain british united_kingdom royaume_uni britannique britanniques",
  india: "india indian indians inde indien indienne indiens indiennes",
  ireland: "ireland irish irlande irlandais irlandaise",
  japan: "japan japanese japon japonais japonaise",
  germany: "germany german allemagne allemand allemande allemands",
  spain: "spain spanish espagne espagnol espagnole espagnols",
  italy: "italy italian italie italien italienne italiens",
  brazil: "brazil brazilian bresil bresilien bresilienne bresiliens",
  canada: "canada canadian canadien canadienne canadiens",
  korea:
    "south_korea south_korean south_koreans korea korean koreans coree_du_sud sud-coreen sud-coreenne sud-coreens coreen coreenne",
  netherlands: "netherlands dutch holland pays-bas neerlandais neerlandaise",
  russia: "russia russian russie russe russes",
  switzerland: "switzerland swiss suisse suisses",
  belgium: "belgium belgian belgique belge belges",
  singapore: "singapore singaporean singapour singapourien",
  // Countries, regions and cities whose English and French names (or people) differ. `Suède` stems
  // like `sued`, so Sweden takes it in phrases; `Islande` (`island`), `Damas` (`dam`), `Bâle` (`bal`),
  // `Malaisie` (`malaise`), `Polish` (`polish`) and `Le Cap` (`le cap`) are left out.
  austria: "austria austrian austrians autriche autrichien autrichienne autrichiens",
  poland: "poland pologne polonais polonaise polonaises",
  sweden: "sweden swedish swedes suedois suedoise suedoises en_suede la_suede de_suede",
  norway: "norway norwegian norvege norvegien norvegienne norvegiens",
  denmark: "denmark danish danemark danois danoise",
  finland: "finland finnish finlande finlandais finlandaise",
  greece: "greece greek greeks grece grec grecque grecs",
  portugal: "portugal portuguese portugais portugaise",
  turkey: "turkey turkish turkiye turquie turc turque turcs",
  ukraine: "ukraine ukrainian ukrainians ukrainien ukrainienne ukrainiens",
  czechia: "czechia czech_republic czech tcheque tcheques republique_tcheque",
  hungary: "hungary hungarian hongrie hongrois hongroise",
  romania: "romania romanian roumanie roumain roumaine roumains",
  bulgaria: "bulgaria bulgarian bulgarie bulgare bulgares",
  croatia: "croatia croatian croatie croate croates",
  serbia: "serbia serbian serbie serbe serbes",
  slovakia: "slovakia slovak slovaquie slovaque",
  slovenia: "slovenia slovenian slovenie slovene",
  estonia: "estonia estonian estonie estonien estonienne",
  latvia: "latvia latvian lettonie letton lettone",
  lithuania: "lithuania lithuanian lituanie lituanien lituanienne",
  scotland: "scotland scottish ecosse ecossais ecossaise",
  england: "england angleterre",
  cyprus: "cyprus cypriot chypre chypriote",
  malta: "malta maltese malte maltais",
  mexico: "mexico mexican mexicans mexique mexicain mexicaine mexicains",
  argentina: "argentina argentine argentinian argentin argentins",
  chile: "chile chilean chili chilien chilienne",
  colombia: "colombia colombian colombie colombien colombienne",
  peru: "peru peruvian perou peruvien peruvienne",
  australia: "australia australian australians australie australien australienne australiens",
  new_zealand: "new_zealand nouvelle-zelande neo-zelandais neo-zelandaise",
  egypt: "egypt egyptian egypte egyptien egyptienne",
  morocco: "morocco moroccan maroc marocain marocaine",
  algeria: "algeria algerian algerie algerien algerienne",
  tunisia: "tunisia tunisian tunisie tunisien tunisienne",
  libya: "libya libyan libye libyen libyenne",
  sudan: "sudan sudanese soudan soudanais",
  ethiopia: "ethiopia ethiopian ethiopie ethiopien ethiopienne",
  tanzania: "tanzania tanzanian tanzanie tanzanien",
  cameroon: "cameroon cameroonian cameroun camerounais",
  ivory_coast: "ivory_coast ivorian cote_ivoire ivoirien ivoirienne",
  south_africa: "south_africa south_african afrique_du_sud sud-africain sud-africaine sud-africains",
  africa: "africa african africans afrique africain africaine africains",
  middle_east: "middle_east moyen-orient proche-orient",
  saudi_arabia: "saudi saudi_arabia arabie_saoudite saoudien saoudienne saoudite",
  uae: "uae united_arab_emirates emirats_arabes_unis",
  kuwait: "kuwait kuwaiti koweit koweitien",
  israel: "israel israeli israelis israelien israelienne israeliens",
  iran: "iran iranian iranien iranienne iraniens",
  iraq: "iraq iraqi irak irakien irakienne",
  syria: "syria syrian syrie syrien syrienne",
  lebanon: "lebanon lebanese liban libanais libanaise",
  taiwan: "taiwan taiwanese taiwanais taiwanaise",
  vietnam: "vietnam vietnamese viet_nam vietnamien vietnamienne",
  indonesia: "indonesia indonesian indonesie indonesien indonesienne",
  thailand: "thailand thai thailande thailandais thailandaise",
  malaysia: "malaysia malaysian malaisien malaisienne",
  london: "london londoner londres londonien londonienne",
  brussels: "brussels bruxelles bruxellois",
  moscow: "moscow moscou",
  warsaw: "warsaw varsovie",
  copenhagen: "copenhagen copenhague",
  hamburg: "hamburg hambourg",
  frankfurt: "frankfurt francfort",
  edinburgh: "edinburgh edimbourg",
  antwerp: "antwerp anvers",
  the_hague: "hague the_hague la_haye",
  venice: "venice venise",
  dunkirk: "dunkirk dunkerque",
  saint_petersburg: "saint_petersburg st_petersburg petersburg saint-petersbourg petersbourg",
  cairo: "cairo caire le_caire",
  baghdad: "baghdad bagdad",
  riyadh: "riyadh riyad",
  tehran: "tehran teheran",
  kyiv: "kyiv kiev",
  bucharest: "bucharest bucarest",
  gothenburg: "gothenburg goteborg",
  beirut: "beirut beyrouth",
  mumbai: "mumbai bombay",
  abu_dhabi: "abu_dhabi abou_dhabi",
  new_orleans: "new_orleans nouvelle-orleans",
  // Law, courts and regulation.
  ban: `ban bans banned banning prohibit prohibited prohibition block blocked interdiction interdire
    interdit interdite bannir banni bannissement bloquer blocage`,
  order: "order executive_order decree decret decrets ordonnance ordre ordonne ordonner ordonnee",
  law: "law laws bill act legislation loi lois projet_de_loi",
  rules: "rules regle regles reglementation reglementations reglementaire regulatory",
  court: `trial trials jury verdict court courts judge judges ruling tribunal tribunaux juge juges justice cour
    decision_de_justice supreme_court cour_supreme high_court haute_cour`,
  // Not `sued`, whose stem is also `Suède`'s: `sues` and `suing` give the group `sued`'s other stem.
  lawsuit: `lawsuit lawsuits sue sues suing litigation complaint complaints class_action proces plainte
    plaintes poursuite poursuites poursuivi action_collective porter_plainte`,
  accuse:
    "accuse accused accuses accusing allegation allegations alleged allegedly accusation accusations reproche reprocher",
  guilty: "guilty convicted conviction sentenced condamne condamnee condamnation reconnu_coupable",
  fraud: "fraud frauds fraudulent scam scams fraude fraudes frauduleux frauduleuse escroquerie arnaque",
  corruption: "bribe bribes bribery corruption pot-de-vin pots-de-vin",
  arrest: "arrest arrested arrests arrestation arrestations interpelle interpelles",
  // `fine` and `fines` also stem like `fin` (end): `fined` gives the group their English stem. Being
  // ordered to pay is a fine when a court or judge orders it: a phrase's words may stand anywhere in a
  // fact, and `ordered 20 jets and agreed to pay $2 billion` is no fine.
  fine: `fined penalty penalties penalise penalised amende amendes sanction sanctionne sanctionner penalite
    penalites inflige infligee court_ordered judge_ordered tribunal_ordonne juge_ordonne condamne_a_payer
    condamnee_a_payer condamne_a_verser condamnee_a_verser`,
  sanctions: "embargo blacklist blacklisted entity_list liste_noire export_controls",
  investigation: `investigation investigations investigate investigated investigating investigator investigators probe
    probes inquiry inquiries enquete enquetes enqueter enqueteur enqueteurs examen`,
  appeal: `appeal appeals appealed appealing faire_appel fera_appel fait_appel interjeter_appel contester
    contest contested conteste contestera recours`,
  settlement: "settlement settlements settle settled settles settling a_amiable transiger transige",
  damages: "damages dommages_et_interets dommages-interets indemnites",
  violation:
    "violation violations violate violated violates infringe infringed infringement infringes enfreint enfreindre manquement manquements",
  comply: "comply complied complies compliance conformite se_conformer conforme",
  approve: `approve approved approves approval
    approuver approuve approuvee approbation autoriser autorise autorisee autorisation feu_vert green_light`,
  antitrust: `antitrust anti-trust anticompetitive anti-competitive anticoncurrentiel anticoncurrentielle
    anticoncurrentiels anticoncurrentielles monopoly monopole position_dominante dominant_position`,
  competition:
    "competition competitor competitors compete competes competing rival rivals concurrent concurrents concurrence concurrente concurrentes",
  patent: "patent patents brevet brevets",
  copyright: "copyright copyrights copyrighted droit_auteur droits_auteur",
  license: "license licenses licensed licensing licence licences",
  tax: "tax taxes taxed taxation impot impots taxe fiscal fiscale fiscalite",
  tariff: "tariff tariffs customs_duties droits_de_douane droit_de_douane surtaxe surtaxes tarifs_douaniers",
  subsidy:
    "subsidy subsidies subsidised subsidized subvention subventions subventionne subventionnes aides_publiques",
  national_security: "national_security securite_nationale",
  // Markets and money.
  share: `share shares stock stake stakes action actions participation hold holds held holding detenir detient
    titre titres share_price stock_price cours_de_bourse cours_de_action`,
  bourse: "stock_exchange stock_exchanges stock_market stock_markets bourse bourses wall_street",
  ipo: "ipo ipos initial_public_offering introduction_en_bourse entree_en_bourse go_public went_public going_public",
  market: `market markets marketplace market_share le_marche du_marche au_marche les_marches des_marches aux_marches
    ce_marche un_marche de_marche part_de_marche parts_de_marche`,
  dividend: "dividend dividends dividende dividendes",
  buyback: `buyback buybacks share_buyback share_repurchase rachat_actions rachats_actions racheter_ses_actions
    racheter_ses_propres_actions rachat_de_ses_actions rachat_de_ses_propres_actions`,
  price: `price prices priced pricing cost costs amount prix cout couts coute coutent montant tarif tarifs pay pays
    paid paying payer paye payee paie debourser`,
  // What a company or a deal is worth, not what something costs (`What is Lumora worth?` is not
  // answered by `its chatbot costs $20 a month`).
  valuation: `vaut valoir valait vaudrait value valued worth valuation valuations valeur valorisation valorise
    valorisee`,
  spending: "spending spend spends spent expenses expense expenditure depense depenses depenser capex",
  fees: "fee fees frais commission commissions",
  free: "free gratuit gratuite gratuits gratuites gratuitement",
  revenue: "revenue revenues turnover chiffre_affaires recettes",
  profit: `profit profits earnings benefice benefices resultat profitable profitability rentable rentabilite
    net_income net_profit benefice_net`,
  loss: `loss losses lose loses lost losing loss-making perte pertes perdu perdue perdus perdues perdre perd
    perdent deficit deficitaire net_loss perte_nette`,
  results: "results resultats earnings_report bilan",
  margin: "margin margins marge marges",
  forecast: `forecast forecasts forecasted guidance outlook prevision previsions objectif objectifs perspectives
    expect expects expected expectations prevoit prevoir prevu prevue prevus predict predicted projection projections`,
  estimate: "estimate estimates estimated estimation estimations estime estimee estimer",
  target: "target targets targeted targeting goal goals cible cibles cibler ciblee objectif objectifs",
  rise: `rise rises rose risen rising jump jumps jumped soar soared climb climbed surge surged surges gain gains gained
    increase increases increased increasing bondir bondi bondit bond grimper grimpe progresser progresse progression
    hausse augmenter augmente augmentation envole envolee`,
  fall: `fall falls fell fallen falling drop drops dropped dropping decline declines declined declining slide slid
    slump slumped plunge plunged plummet plummeted tumble tumbled sink sank sunk dip dipped collapse collapsed
    decrease decreased baisse baisser baisses recul reculer recule chute chuter chutes plonger plonge degringoler
    degringole diminuer diminue diminution effondrement effondre effondrer`,
  growth: "growth grow grows grew grown growing croissance croitre",
  slowdown: "slow slows slowed slowing slowdown ralentir ralenti ralentit ralentissement",
  recovery: "recovery recover recovers recovered rebound rebounded rebond rebondi redressement",
  upgrade: "upgrade upgraded upgrades relever releve relevee rehausser rehausse revise_a_la_hausse",
  downgrade: "downgrade downgraded downgrades abaisser abaisse abaissee revise_a_la_baisse",
  fund: "fund funds fonds investment_fund fonds_investissement venture_capital capital-risque hedge_fund",
  funding: `invest invested investing investment investor investors investisseur investisseurs investir investi
    raise raised raises raising funding fundraising funding_round lever leve levee levees levent
    financement tour_de_table levee_de_fonds`,
  lead: "lead leads led leading mener mene menee menees",
  debt: "debt debts indebted dette dettes endettement endette",
  loan: "loan loans lend lending lender lenders borrow borrowed borrowing pret prets preteur emprunt emprunts emprunter",
  bankruptcy: `bankruptcy bankrupt insolvency insolvent receivership faillite redressement_judiciaire
    liquidation_judiciaire chapter_11`,
  cash: "cash liquidites tresorerie especes",
  rate: "rate rates taux interest_rate interest_rates taux_interet",
  bank: "bank banks banking bancaire bancaires banque banques",
  insurance:
    "insurance insurer insurers insured assureur assureurs compagnie_assurance compagnies_assurance assurance_maladie assurance_vie mutuelle mutuelles",
  crypto: `cryptocurrency cryptocurrencies crypto cryptos cryptomonnaie cryptomonnaies crypto-monnaie crypto-monnaies
    bitcoin`,
  trade: "trade trade_war guerre_commerciale echanges_commerciaux commerce_international",
  export: "export exports exported exporting exportation exportations exporter exporte",
  shortage: "shortage shortages penurie penuries",
  crisis: "crisis crises crise",
  restructuring:
    "restructuring restructure restructured restructuration reorganisation reorganization reorganise",
  savings: "savings cost_savings save saves saved saving economiser economies_de_couts",
  annual: "annual annually yearly annuel annuelle annuels annuelles",
  quarter: "quarter quarters quarterly trimestre trimestres trimestriel trimestrielle trimestriels",
  q1: "q1 t1 first_quarter premier_trimestre",
  q2: "q2 t2 second_quarter deuxieme_trimestre second_trimestre",
  q3: "q3 t3 third_quarter troisieme_trimestre",
  q4: "q4 t4 fourth_quarter quatrieme_trimestre",
  half: "half-year semester semestre semestres semestriel semestrielle first_half second_half premier_semestre second_semestre",
  first: "first premier premiere",
  second: "second deuxieme",
  third: "third troisieme",
  fourth: "fourth quatrieme",
  // Work.
  employees: `employee employees staff staffers workforce workers headcount employe employes salarie salaries
    effectif effectifs travailleurs ouvriers job jobs poste postes emploi emplois`,
  // `licencié(s)` stems like `licence`: the plural is said in phrases (`ont été licenciés`). Cut jobs
  // are said noun first (`positions eliminated`), as a fact may say them in any order: a question's
  // `cutting jobs` stays `cut` and `jobs`.
  layoffs: `laying_off layoff layoffs lay_off lays_off laid_off job_cuts job_losses job_eliminations
    jobs_eliminated positions_eliminated positions_cut jobs_shed jobs_axed redundancy redundancies licenciement
    licenciements licencier licenciera licenciee licenciees ete_licencies etre_licencies seront_licencies
    salaries_licencies employes_licencies suppressions_de_postes suppression_de_postes
    suppressions_emplois suppression_emplois postes_supprimes emplois_supprimes plan_social plan_de_departs`,
  hire: `hire hired hires hiring recruit recruits recruited recruiting recruitment recruter recrute recrutera
    recrutement recrutements embaucher embauche embauches embauchera`,
  dismiss:
    "fired sacked dismissed dismissal ousted oust ouster limoge limoger limogeage evince evincer renvoye",
  resign: `resign resigns resigned resigning resignation quit quits step_down steps_down stepped_down stepping_down
    demission demissionne demissionner demissionnaire quitter quitte`,
  leave: "leave leaves leaving departure departures depart departs quitter quitte quittera",
  join: "join joins joined joining rejoindre rejoint rejointe rejoignent",
  retirement: "retirement pension pensions retraite retraites",
  strike: `strike strikes striking walkout walkouts walk_out walked_out industrial_action greve greves greviste
    grevistes debrayage debrayages cesse_le_travail cesser_le_travail mouvement_social piquet_de_greve`,
  union: `union unions trade_union trade_unions labor_union labour_union syndicat syndicats syndical syndicale syndicaux
    intersyndicale syndique syndiques`,
  wage: "wage wages salaire salaires pay_rise remuneration remunerations",
  protest: "protest protests protested protesting protesters manifestation manifestations manifestants",
  work: "work works worked working travail travailler travaille travaillent travaillait",
  // Time.
  days: "day days daily jour jours journee quotidien quotidienne",
  weeks: "week weeks weekly semaine semaines hebdomadaire",
  months: "month months monthly mois mensuel mensuelle",
  years: "year years ans an_dernier an_prochain par_an annee annees",
  hour: "hour hours hourly heure heures",
  deadline: "deadline deadlines time_limit delai delais echeance date_limite ultimatum",
  delay:
    "delay delays delayed postpone postponed postpones postponement retard retards retarde retardee repousse repoussee repousser",
  // Corporate actions and events.
  announce: "announce announced announcement annoncer annonce annoncee",
  publish: "publish publishes published publishing publier publie publiee publient",
  launch: `launch launched launches launching release released releases unveil unveiled unveils lancer lance lancee
    lancement sortie sortir devoile devoilee devoiler presente presentee`,
  deploy:
    "deploy deployed deploys deployment rollout roll_out rolled_out rolling_out deployer deploie deploye deploiement",
  available: "available availability disponible disponibles disponibilite",
  appoint: `appoint appoints appointed appointment named nomme nommee nommer nomination replace replaces
    replacing replaced remplace remplacer remplacement succeed succeeds successor successeur new nouveau
    nouvelle`,
  close: "shut_down shutdown close closed closes closing fermer ferme fermee fermeture cesser arreter",
  stop: "stop stops stopped stopping halt halts halted cease ceases ceased arreter arrete arretee arretent cesser cesse stopper interrompre interrompu",
  suspend: "suspend suspends suspended suspension suspendre suspendu suspendue",
  cancel: `cancel cancels cancelled canceled cancellation annuler annule annulee annulation abandon abandoned
    abandons abandonne abandonner scrap scrapped renoncer renonce`,
  restore: "restore restored restoring resume resumed resumption retablir retabli retablie retablissement",
  recall: "recall recalled recalls rappel rappels rappeler rappele",
  open: "open opens opened opening ouvrir ouvre ouvert ouverte ouverture inaugurate inaugurated inaugure",
  expand: "expand expands expanded expanding expansion etendre etend etendu elargir elargit elargissement",
  build: "build builds building built construire construit construite construira construction",
  plan: "plan plans planned planning intend intends intention envisage envisager envisagent",
  project: "project projects projet projets",
  test: "test tests tested testing essai essais tester teste testee",
  design: "design designed designs concevoir concu concue concoit conception",
  develop: "develop develops developed developing development developpe developper developpement",
  create: "create creates created creating creation creer cree creee crees",
  cut: "cut cuts cutting slash slashes slashed eliminate supprimer supprime supprimera suppression reduction reduire",
  remove:
    "remove removed removes removal delete deleted deletes deletion withdraw withdrew withdrawn retirer retire retiree",
  restrict:
    "restrict restricted restriction restrictions limit limits limited limiter limite limitee restreindre",
  confirm: "confirm confirms confirmed uphold upholds upheld confirmer confirme confirmee valider valide",
  deny: "deny denies denied denial dementi dementir nie nier",
  admit: "admit admits admitted reconnait reconnaitre avoue avouer",
  apologize: "apologise apologised apologize apologized apology apologies sorry excuses",
  criticize:
    "criticise criticised criticize criticized criticism critics critique critiques critiquer denonce denoncer denoncent",
  warn: "warn warns warned warning warnings avertir avertit avertissement mettre_en_garde met_en_garde",
  threaten: "threaten threatens threatened threat threats menace menaces menacer menacent",
  promise: "promise promised promises pledge pledged pledges vow vowed promettre promet promis",
  demand: "demand demands demanded demanding reclamer reclame reclamee reclament exiger exige exigent",
  cause: "cause caused causes causing provoque provoquee provoquees provoquer provoquent",
  become: "become becomes became becoming devenir devient deviendra devenait devenu devenue deviennent",
  show: "show shown showed montrer montre montres montree montrees montraient",
  give: "give gave given grant granted donner donne donnait accorde octroyer",
  send: "send sends sent sending envoyer envoie envoient envoye envoyee envoyes transmit transmitted transmettre transmis",
  copy: "copy copied copies copier copie copiees",
  collect: "collect collected collecting collection collecte collecter recueillir recueilli",
  affected:
    "affect affected affects affecting impact impacted touche touchee touches touchees expose exposed exposees",
  allow: "allow allows allowed enable enables enabled permettre permet permettent permettra",
  protect: "protect protects protected protection proteger protege protegee",
  access: "access accessed accessing acces acceder",
  // Customers, products and operations.
  customers: "customer customers client clients clientele",
  consumer: "consumer consumers consommateur consommateurs",
  users: "user users utilisateur utilisateurs abonnes subscriber subscribers",
  subscription: "subscription subscriptions subscribe subscribed abonnement abonnements",
  members: "member members membre membres adherent adherents",
  orders: "order orders commande commandes commander backlog carnet_de_commandes",
  delivery:
    "delivery deliveries deliver delivered delivering livraison livraisons livrer livre livree livrees livreur livreurs",
  supplier: `supplier suppliers vendor vendors provider providers fournisseur fournisseurs equipementier equipementiers
    prestataire prestataires sous-traitant sous-traitants subcontractor subcontractors`,
  supply: "supply supplies supplied supplying supply_chain approvisionnement fournir fourni fournie fournit",
  contract: "contract contracts contrat contrats",
  product: "product products produit produits",
  production: `production produce produced producing manufacture manufactured manufacturing fabriquer fabrique fabriquee fabrication produire
    assemble assembles assembled assembling assemblage`,
  brand: "brand brands marque marques",
  factory: "factory factories plant plants manufacturing_plant usine usines gigafactory site_de_production",
  warehouse: `warehouse warehouses fulfilment_centre fulfillment_center distribution_centre entrepot entrepots
    centre_logistique centres_logistiques plateforme_logistique`,
  store: "store stores shop shops magasin magasins boutique boutiques",
  storage: "storage stored storing stockage",
  retail: "retail retailer retailers retailing distributeur distributeurs grande_distribution",
  advertising:
    "advertising advertiser advertisers advert adverts publicite publicites publicitaire publicitaires annonceur annonceurs",
  hospital: "hospital hospitals hopital hopitaux centre_hospitalier centres_hospitaliers",
  practices: "practice practices pratique pratiques",
  // Adding stores, chargers or jobs (`adding` stems like `added`, the speech verb, which is harmless).
  add: "add adds adding ajouter ajoute ajoutera ajouteront",
  // Size, weight and power of a thing.
  largest: "largest biggest plus_grand plus_grande plus_grands plus_grandes plus_gros plus_grosse",
  // `heavy losses` is no weight: only `how heavy` asks for one.
  weight: "weigh weighs weighed weighing weight how_heavy pese pesent peser poids",
  powerful: "powerful puissance puissant puissante puissants",
  // Technology.
  technology: `technology technologies technological technical tech technique techniques technologie
    technologique technologiques`,
  trusted: "trusted trust trustworthy reliable confiance fiable",
  algorithm: "algorithm algorithms algorithme algorithmes",
  code: "source_code code code_source",
  opensource: "open_source open-source open-weight open_weight logiciel_libre code_ouvert",
  data: "data donnees donnee",
  security: "security securite safety",
  privacy: "privacy confidentialite vie_privee",
  consent: "consent consentement",
  gdpr: "gdpr rgpd",
  software: "software logiciel logiciels logicielle logicielles",
  app: "app apps application applications appli applis",
  update: "update updates updated updating mise_a_jour mises_a_jour patch patches correctif correctifs",
  bug: "bug bugs glitch glitches fault faulty defaut defaillance defectueux defectueuse dysfonctionnement malfunction",
  vulnerability: "vulnerability vulnerabilities flaw flaws faille failles vulnerabilite vulnerabilites",
  password: "password passwords mot_de_passe mots_de_passe credentials identifiants",
  ai: "ai ia artificial_intelligence intelligence_artificielle",
  model: "model models modele modeles llm llms language_model modele_de_langage",
  chatbot: "chatbot chatbots agent_conversationnel agents_conversationnels assistant_conversationnel",
  training: "train trained training trains entrainer entraine entrainee entrainement",
  chip: `chip chips chipmaker chipmakers semiconductor semiconductors puce puces semi-conducteur semi-conducteurs
    processor processors processeur processeurs gpu gpus fondeur fondeurs fabricant_de_puces`,
  cloud: "cloud infonuagique",
  server: "server servers serveur serveurs",
  death: "death deaths died dead killed fatal mort morts deces decede decedes tue tues",
  notify: `notify notifies notified notifying notification notifications informer informe informee informes
    prevenir previent prevenu prevenus avertir averti avertis`,
  start: `start starts started starting begin begins began beginning commencer commence commencee commenceront
    demarrer demarre demarrage debuter debute`,
  datacenter: `data_center data_centers data_centre data_centres datacenter datacenters centre_de_donnees
    centres_de_donnees centre_donnees centres_donnees`,
  outage:
    "outage outages panne pannes disruption disruptions interruption blackout perturbation perturbations perturbe perturbes",
  breach: `hack hacked hacking hacker breach breaches cyberattack cyberattacks cyber-attack cyber-attacks attack attacked
    attackers attaque attaques attaquants cyberattaque cyberattaques piratage pirate pirates pirater hackers intrusion
    intrusions cybercriminals cybercriminels ransomware rancongiciel`,
  ransom: "ransom ransoms ransomware rancon rancons rancongiciel rancongiciels",
  leak: "leak leaks leaked fuite fuites",
  malware: "malware spyware virus logiciel_malveillant logiciels_malveillants logiciel_espion",
  surveillance:
    "surveillance monitor monitored monitoring surveiller surveille espionnage spy spying espionner",
  digital: "digital numerique",
  internet: "internet wifi wi-fi connexion connectivity connection",
  online: "online en_ligne",
  website: "website websites site_web sites_web site_internet",
  email: "email emails e-mail e-mails courriel courriels courrier",
  operator: "operator operators operateur operateurs telecoms_operator",
  network: "network networks reseau reseaux",
  // Radio spectrum; `spectre` is also the figurative spectre, rarely what a question asks about.
  spectrum: "spectrum airwaves frequencies frequences spectre bande_de_frequences",
  platform: "platform platforms plateforme plateformes",
  social: "social_network social_media reseau_social reseaux_sociaux",
  search_engine: "search_engine search_engines moteur_de_recherche moteurs_de_recherche",
  research:
    "research researcher researchers chercheur chercheurs chercheuse chercheuses recherche laboratoire",
  feature: "feature features fonctionnalite fonctionnalites",
  content: "content contenu contenus",
  video: "video videos",
  streaming: "streaming stream streams streamed diffusion diffuser diffuse diffusee",
  phone: "phone phones smartphone smartphones telephone telephones",
  device: "device devices appareil appareils",
  battery: "battery batteries batterie",
  glasses: "glasses eyeglasses smart_glasses lunettes lunettes_connectees",
  computer: `computer computers laptop laptops notebook notebooks ordinateur ordinateurs ordinateur_portable
    ordinateurs_portables`,
  supercomputer: "supercomputer supercomputers supercalculateur supercalculateurs",
  screen: "screen screens ecran ecrans",
  sensor: "sensor sensors capteur capteurs",
  vehicle: "vehicle vehicles cars voiture voitures vehicule vehicules automobile automobiles",
  electric_vehicle:
    "ev evs electric_vehicle electric_vehicles vehicule_electrique vehicules_electriques voiture_electrique voitures_electriques",
  aircraft: "aircraft airplane airplanes avion avions",
  airline: "airline airlines compagnie_aerienne compagnies_aeriennes",
  train: "train trains rame rames railway railways ferroviaire ferroviaires",
  energy: "energy energie energies",
  electricity: "electricity electricite power_supply",
  // `centrale` alone is also a central bank: the plant takes it in phrases.
  power_plant: `power_plant power_plants power_station power_stations generating_station generating_stations
    nuclear_plant nuclear_plants reactor reactors centrale_nucleaire centrales_nucleaires centrale_electrique
    centrales_electriques centrale_a_charbon centrale_au_gaz reacteur reacteurs`,
  climate: "climate climat climatique climatiques",
  health: "health healthcare sante",
  children: "child children kids enfant enfants mineur mineurs",
  language: "language languages langue langues",
  translation:
    "translate translates translated translation translations traduire traduit traduction traductions",
  details: "details contact_details coordonnees",
  // Everything else.
  interest: `interest interested interests keen interet interets interesse interessee interesses
    interessees interesser`,
  chosen: `gagne gagner chosen choose selected select retained winner won retenu retenue retenus retenir
    choisi choisie choisir selectionne elu remporte`,
  reject: `reject rejected rejects rejection refuse refused refusal turned_down turn_down rebuffed rejet
    rejete rejetee rejeter refusee refuser refus ecarte ecartee decline declined`,
  city: "city cities town towns ville villes",
  abroad: "abroad overseas foreign etranger etrangere etrangers etrangeres",
  global: "global globally worldwide world mondial mondiale mondiaux monde",
  war: "war wars guerre guerres conflict conflicts conflit conflits",
  election: "election elections vote votes voted voting voters electeurs scrutin",
  former: "former ancien ancienne anciens anciennes",
  need: "need needs needed require requires required besoin besoins necessite necessitent exige",
  report: `report reports reported reporting revealed rapporte rapportee rapportees rapporter revele revelee
    selon according_to`,
  support: "support supporter backing soutien soutenir soutient appui",
  oppose: "oppose opposed opposes opposing opposition s_oppose opposent",
  press: "press presse media medias newspaper newspapers journal journaux",
  study: "study studies etude etudes survey surveys sondage sondages",
  discover: "discover discovered detected decouvert decouverte decouvrir detecte",
  claim: "claim claimed revendique revendiquee revendiquer revendication",
  compensate:
    "compensate compensation refund refunds refunded dedommager dedommagement indemniser indemnisation rembourser rembourse remboursement",
  steal: "steal steals stole stolen stealing theft thefts derobe derobees derobes voler vole volee volees",
  speed: "speed fast debit",
  download: "download downloaded downloads telecharge telechargement telecharger",
  times: "times fois",
};

/** Groups whose words name a role a person or company holds: `le fondateur d'Oracle`, `Netflix CEO`. */
export const ROLE_GROUPS: ReadonlySet<string> = new Set([
  "founder",
  "owner",
  "head",
  "cfo",
  "cto",
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
  "spain",
  "italy",
  "brazil",
  "canada",
  "korea",
  "netherlands",
  "russia",
  "switzerland",
  "belgium",
  "singapore",
  "austria",
  "poland",
  "sweden",
  "norway",
  "denmark",
  "finland",
  "greece",
  "portugal",
  "turkey",
  "ukraine",
  "czechia",
  "hungary",
  "romania",
  "bulgaria",
  "croatia",
  "serbia",
  "slovakia",
  "slovenia",
  "estonia",
  "latvia",
  "lithuania",
  "scotland",
  "england",
  "cyprus",
  "malta",
  "mexico",
  "argentina",
  "chile",
  "colombia",
  "peru",
  "australia",
  "new_zealand",
  "egypt",
  "morocco",
  "algeria",
  "tunisia",
  "libya",
  "sudan",
  "ethiopia",
  "tanzania",
  "cameroon",
  "ivory_coast",
  "south_africa",
  "africa",
  "middle_east",
  "saudi_arabia",
  "uae",
  "kuwait",
  "israel",
  "iran",
  "iraq",
  "syria",
  "lebanon",
  "taiwan",
  "vietnam",
  "indonesia",
  "thailand",
  "malaysia",
  "london",
  "brussels",
  "moscow",
  "warsaw",
  "copenhagen",
  "hamburg",
  "frankfurt",
  "edinburgh",
  "antwerp",
  "the_hague",
  "venice",
  "dunkirk",
  "saint_petersburg",
  "cairo",
  "baghdad",
  "riyadh",
  "tehran",
  "kyiv",
  "bucharest",
  "gothenburg",
  "beirut",
  "mumbai",
  "abu_dhabi",
  "new_orleans",
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
// `United States`, `Corée du Sud` as name keys (`unitedstates`): a place of several words is one
// name, which its words' keys do not find.
const placeNames = new Set<string>();

for (const [group, spec] of Object.entries(GROUPS)) {
  const alternatives: Alternative[] = [];
  for (const member of spec.trim().split(/\s+/)) {
    const words = foldText(member).split(/[_-]+/).filter(Boolean);
    if (words.length > 1 && PLACE_GROUPS.has(group)) placeNames.add(words.join(""));
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

/** Whether a name key is a place the lexicon writes in several words (`unitedstates`). */
export function isPlacePhrase(key: string): boolean {
  return placeNames.has(key);
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
