import { fillTemplate, type Locale, type MessageParams } from "../i18n/messages.ts";

/**
 * What the slash commands say when things go right, in English and French (errors are
 * `UserError` codes in src/i18n/messages.ts). Parameters are inserted as given: callers pass
 * text already made safe with reply-format's `safe`/`code`.
 */
const REPLIES = {
  "feed.added": {
    en: "Added {url}. Its current items are stored as backlog at the next poll (never posted); new items follow.",
    fr: "{url} ajouté. Ses articles actuels sont gardés comme historique au prochain relevé (jamais publiés) ; les nouveaux suivront.",
  },
  "feed.removed": { en: "Removed {url}.", fr: "{url} retiré." },
  "feed.enabled": {
    en: "Re-enabled {url}; it is read again at the next poll.",
    fr: "{url} réactivé ; il sera relu au prochain relevé.",
  },
  "feed.list-title": { en: "Feeds ({count})", fr: "Flux ({count})" },
  "feed.none": {
    en: "No feeds yet. Add one with /feed add.",
    fr: "Aucun flux. Ajoutez-en un avec /feed add.",
  },
  "feed.ok": { en: "ok", fr: "ok" },
  "feed.never": { en: "not read yet", fr: "pas encore lu" },
  "feed.failing": {
    en: "failing ×{count}, next try {when}: {error}",
    fr: "en échec ×{count}, prochain essai {when} : {error}",
  },
  "feed.disabled": {
    en: "**disabled** after {count} failures ({error}); re-enable with /feed enable",
    fr: "**désactivé** après {count} échecs ({error}) ; réactivez-le avec /feed enable",
  },
  "feed.own": { en: "this server's", fr: "de ce serveur" },
  "feed.global": { en: "global", fr: "global" },
  "topic.added": {
    en: "Added topic **{name}** ({id}): {query}\nSend its stories to a channel with /subscribe.",
    fr: "Sujet **{name}** ({id}) ajouté : {query}\nEnvoyez ses articles dans un salon avec /subscribe.",
  },
  "topic.removed": { en: "Removed topic {id}.", fr: "Sujet {id} supprimé." },
  "topic.list-title": { en: "Topics ({count})", fr: "Sujets ({count})" },
  "topic.none": {
    en: "No topics yet. Add one with /topic add.",
    fr: "Aucun sujet. Ajoutez-en un avec /topic add.",
  },
  "topic.test-title": {
    en: "{query} matches {count} of {checked} stored items",
    fr: "{query} correspond à {count} articles enregistrés sur {checked}",
  },
  "topic.test-none": {
    en: "No stored item matches yet. The query is valid; it will be tried on every new item once it is a topic.",
    fr: "Aucun article enregistré ne correspond pour l'instant. La requête est valide ; elle sera essayée sur chaque nouvel article une fois devenue un sujet.",
  },
  "topic.test-terms": { en: "on", fr: "grâce à" },
  "subscribe.digest": {
    en: "{channel} now gets **{topic}** in the digest ({cron}, {timezone}); next digest {next}.",
    fr: "{channel} reçoit désormais **{topic}** dans le résumé ({cron}, {timezone}) ; prochain résumé {next}.",
  },
  "subscribe.instant": {
    en: "{channel} now gets each new **{topic}** story as soon as it is found.",
    fr: "{channel} reçoit désormais chaque nouvel article **{topic}** dès qu'il est trouvé.",
  },
  "subscribe.cannot-post": {
    en: "⚠️ I may not be able to post in {channel}: I lack {missing} there. Give me those permissions in the channel's settings, or posts will be paused.",
    fr: "⚠️ Je risque de ne pas pouvoir publier dans {channel} : il me manque {missing}. Accordez-moi ces permissions dans les réglages du salon, sinon les publications seront mises en pause.",
  },
  "unsubscribe.done": {
    en: "{channel} no longer gets {what}.",
    fr: "{channel} ne reçoit plus {what}.",
  },
  "unsubscribe.all": { en: "any topic", fr: "aucun sujet" },
  "schedule.done": {
    en: "Digests now go out at {cron} ({timezone}); next one {next}.",
    fr: "Les résumés partent désormais à {cron} ({timezone}) ; prochain {next}.",
  },
  "schedule.unknown-next": { en: "at the next matching time", fr: "à la prochaine échéance" },
  "status.title": { en: "Newsdesk status", fr: "État de newsdesk" },
  "status.polls": { en: "Polls", fr: "Relevés" },
  "status.polls-value": { en: "last {last}, next {next}", fr: "dernier {last}, prochain {next}" },
  "status.digest": { en: "Digest", fr: "Résumé" },
  "status.digest-value": {
    en: "{cron} ({timezone}); last {last}, next {next}",
    fr: "{cron} ({timezone}) ; dernier {last}, prochain {next}",
  },
  "status.never": { en: "never", fr: "jamais" },
  "status.unknown": { en: "not scheduled", fr: "non planifié" },
  "status.feeds": { en: "Feeds", fr: "Flux" },
  "status.feeds-value": {
    en: "{ok} ok, {failing} failing, {disabled} disabled, {never} not read yet (details: /feed list)",
    fr: "{ok} ok, {failing} en échec, {disabled} désactivés, {never} pas encore lus (détails : /feed list)",
  },
  "status.subscriptions": { en: "Subscriptions", fr: "Abonnements" },
  "status.none": {
    en: "none: send a topic to a channel with /subscribe",
    fr: "aucun : envoyez un sujet dans un salon avec /subscribe",
  },
  "status.paused": {
    en: "**paused** since {when}: {reason}. Fix the bot's permissions in that channel, then run /subscribe again.",
    fr: "**en pause** depuis {when} : {reason}. Corrigez les permissions du bot dans ce salon, puis relancez /subscribe.",
  },
  "status.problems": { en: "Errors", fr: "Erreurs" },
  "mode.digest": { en: "digest", fr: "résumé" },
  "mode.instant": { en: "instant", fr: "instantané" },
  "digest.title": { en: "Digest", fr: "Résumé" },
  "digest.empty": {
    en: "No new stories since the last digest ({since}).",
    fr: "Aucun nouvel article depuis le dernier résumé ({since}).",
  },
  "digest.empty-ever": { en: "No stories yet.", fr: "Aucun article pour l'instant." },
  "digest.header": { en: "**Digest**: {count} stories", fr: "**Résumé** : {count} articles" },
  "digest.header-some": {
    en: "**Digest**: the first {shown} of {count} stories",
    fr: "**Résumé** : les {shown} premiers articles sur {count}",
  },
  "digest.header-one": { en: "**Digest**: 1 story", fr: "**Résumé** : 1 article" },
  "timeline.title": { en: "Timeline: {topic}", fr: "Chronologie : {topic}" },
  "timeline.empty": {
    en: "No stories in {topic} yet.",
    fr: "Aucun article dans {topic} pour l'instant.",
  },
  "ask.sources": { en: "Sources", fr: "Sources" },
  "ask.confidence": { en: "Confidence {value}", fr: "Confiance {value}" },
  "ask.curated": { en: "curated fact", fr: "fait vérifié" },
  "why.title": { en: "Why: {title}", fr: "Pourquoi : {title}" },
  more: { en: "… and {count} more", fr: "… et {count} de plus" },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReplyCode = keyof typeof REPLIES;

export function say(locale: Locale, code: ReplyCode, params: MessageParams = {}): string {
  return fillTemplate(REPLIES[code][locale], params);
}
