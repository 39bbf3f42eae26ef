/**
 * Every sentence newsdesk says to a person, in English and French. A `UserError` carries one
 * of these codes; the CLI prints the English text, Discord replies in the member's locale.
 */

export type Locale = "en" | "fr";

const MESSAGES = {
  "feed.invalid-url": {
    en: "{url} is not an http(s) URL. Give the full address of an RSS or Atom feed, e.g. https://example.com/feed.xml",
    fr: "{url} n'est pas une adresse http(s). Donnez l'adresse complète d'un flux RSS ou Atom, par ex. https://example.com/feed.xml",
  },
  "feed.blocked": {
    en: "{url} points to a private or reserved network address; newsdesk only reads public feeds.",
    fr: "{url} pointe vers une adresse réseau privée ou réservée ; newsdesk ne lit que des flux publics.",
  },
  "feed.exists": { en: "{url} is already followed.", fr: "{url} est déjà suivi." },
  "feed.unknown": {
    en: "No feed {url} here. `feeds list` (or /feed list) shows the feeds.",
    fr: "Aucun flux {url} ici. `feeds list` (ou /feed list) montre les flux.",
  },
  "feed.not-disabled": { en: "{url} is not disabled.", fr: "{url} n'est pas désactivé." },
  "topic.invalid-id": {
    en: "Topic ids are lowercase letters, digits and dashes (e.g. tiktok-deal); got {id}.",
    fr: "Un identifiant de sujet s'écrit en minuscules, chiffres et tirets (ex. tiktok-deal) ; reçu {id}.",
  },
  "topic.bad-query": {
    en: "That query does not work: {problem}.",
    fr: "Cette requête ne fonctionne pas : {problem}.",
  },
  "topic.exists": { en: "Topic {id} already exists.", fr: "Le sujet {id} existe déjà." },
  "topic.unknown": {
    en: "No topic {id}. Known topics: {known}.",
    fr: "Aucun sujet {id}. Sujets connus : {known}.",
  },
  "topic.global": {
    en: "Topic {id} comes from the bot's configuration and cannot be removed here.",
    fr: "Le sujet {id} vient de la configuration du bot et ne peut pas être supprimé ici.",
  },
  "item.unknown": { en: "No stored item {id}.", fr: "Aucun article enregistré {id}." },
  "fact.unknown": { en: "No curated fact {id}.", fr: "Aucun fait {id}." },
  "fact.bad-date": {
    en: "{date} is not a date; use ISO form, e.g. 2020-09-14.",
    fr: "{date} n'est pas une date ; utilisez la forme ISO, ex. 2020-09-14.",
  },
  "fact.bad-source": {
    en: "The source must be an http(s) URL; got {source}.",
    fr: "La source doit être une adresse http(s) ; reçu {source}.",
  },
  "date.invalid": {
    en: "{value} is not a date; use ISO form, e.g. 2026-11-28 or 2026-11-28T08:00:00Z.",
    fr: "{value} n'est pas une date ; utilisez la forme ISO, ex. 2026-11-28 ou 2026-11-28T08:00:00Z.",
  },
  "schedule.bad-cron": {
    en: "{cron} is not a cron expression. Example: `0 8 * * *` (every day at 08:00).",
    fr: "{cron} n'est pas une expression cron. Exemple : `0 8 * * *` (tous les jours à 8 h).",
  },
  "schedule.bad-timezone": {
    en: "{timezone} is not a time zone. Example: Europe/Paris.",
    fr: "{timezone} n'est pas un fuseau horaire. Exemple : Europe/Paris.",
  },
  "command.admin-only": {
    en: "You need the Manage Server permission for this.",
    fr: "Il vous faut la permission Gérer le serveur pour cela.",
  },
  "command.guild-only": {
    en: "This command works in a server, not in direct messages.",
    fr: "Cette commande fonctionne dans un serveur, pas en message privé.",
  },
  "command.unknown": {
    en: "This command is no longer part of newsdesk. An admin can refresh the list with `npx newsdesk deploy-commands`.",
    fr: "Cette commande ne fait plus partie de newsdesk. Un admin peut mettre la liste à jour avec `npx newsdesk deploy-commands`.",
  },
  "command.failed": {
    en: "Something went wrong on my side; it has been logged. Please try again in a moment.",
    fr: "Un problème est survenu de mon côté ; il a été consigné. Réessayez dans un instant.",
  },
  "discord.no-token": {
    en: "DISCORD_TOKEN is not set. Put the bot token from the Discord Developer Portal (Bot → Reset Token) in .env.",
    fr: "DISCORD_TOKEN n'est pas défini. Mettez le jeton du bot (Discord Developer Portal → Bot → Reset Token) dans .env.",
  },
  "topic.bad-name": {
    en: '{name} cannot be a topic name: use letters or digits, e.g. "Chip exports".',
    fr: "{name} ne peut pas être un nom de sujet : utilisez des lettres ou des chiffres, ex. « Export de puces ».",
  },
  "subscription.unknown": {
    en: "There is no subscription to {topic} in {channel}. /status lists this server's subscriptions.",
    fr: "Aucun abonnement à {topic} dans {channel}. /status liste les abonnements de ce serveur.",
  },
  "config.owned": {
    en: "{what} comes from {file}; remove it there.",
    fr: "{what} vient de {file} ; retirez-le là.",
  },
  usage: { en: "{text}", fr: "{text}" },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

export function translate(code: MessageCode, params: MessageParams = {}, locale: Locale = "en"): string {
  return fillTemplate(MESSAGES[code][locale], params);
}

/** `{name}` placeholders replaced by their parameters; unknown ones are left as written. */
export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** `fr`, `fr-FR`, `fr-CA` → French; everything else English. */
export function localeOf(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** An expected failure: shown to the user in their language, never logged as a fault. */
export class UserError extends Error {
  constructor(
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(translate(code, params, "en"));
    this.name = "UserError";
  }

  messageIn(locale: Locale): string {
    return translate(this.code, this.params, locale);
  }
}
