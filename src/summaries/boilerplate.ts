/**
 * What pages wrap around an article: credits, calls to follow or subscribe, cookie banners,
 * bylines, share buttons. Summaries and story signatures must never quote it.
 *
 * Rules, in order: inline credits in parentheses are cut out of the sentence that carries them
 * (`… Byte Dance. (crédit : Antonbe / Pixabay)`); then a line or sentence is boilerplate when it
 * matches one of the phrases below. Phrases that also occur in real news sentences ("read more
 * about…") are anchored at the start or limited to short lines.
 */

// Parenthesised credits: `(crédit : X / Pixabay)`, `(Photo: Getty Images)`, `(Image credit: …)`.
const INLINE_CREDIT =
  /\s*[([]\s*(?:cr[ée]dits?(?: photo)?|photo(?: credit)?s?|image(?: credit)?|illustration|source(?: image)?|©)\s*(?::|by|par)?[^()[\]]{0,120}[)\]]/giu;

// Anywhere in the line: these never belong to an article's own sentences.
const ANYWHERE = [
  /all rights reserved/i,
  /tous droits r[ée]serv[ée]s/i,
  /\b(?:we|this (?:site|website)) uses? cookies/i,
  /\bnous utilisons des cookies/i,
  /en poursuivant votre navigation/i,
  /sign up (?:for|to) (?:our|the) newsletter/i,
  /subscribe to (?:our|the) newsletter/i,
  /inscrivez-vous (?:[àa] (?:notre|la) )?newsletter/i,
  /abonnez-vous/i,
  /suivez-nous/i,
  /follow us on/i,
  /cet article a (?:d'abord )?[ée]t[ée] (?:initialement |originellement )?publi[ée]/i,
  /this (?:article|story) (?:was|originally) (?:originally )?(?:published|appeared)/i,
  /(?:share|partager) (?:this|cet) (?:article|story|post)/i,
  /(?:share|partager) (?:on|sur) (?:facebook|twitter|linkedin|x|whatsapp)/i,
  /^©/,
];

// At the start of a line: navigation and teaser links.
const LEADING = [
  /^(?:read more|read also|see also|related:|continue reading|click here|advertisement)\b/i,
  /^(?:[àa] )?lire (?:aussi|également|egalement|la suite)\b/i,
  /^(?:voir aussi|sur le m[êe]me sujet|cliquez ici|publicit[ée])\b/i,
  /^(?:(?:photo|image|illustration)(?: credits?)?|caption|l[ée]gende|cr[ée]dits?(?: photo)?|credits?|source)\s*:/i,
];

// Only on short lines: these words also start or appear in real news sentences (an article may
// well be about cookie policies), but a short line made of them is a banner or a dateline.
const SHORT_LINE = 160;
const SHORT = [
  /\b(?:accept(?:er)?|manage|g[ée]rer|param[ée]trer|refuse[rz]?) (?:all |les |tous les )?cookies\b/i,
  /\b(?:cookie (?:policy|settings|preferences)|politique (?:de |relative aux )cookies)\b/i,
  /^(?:publi[ée] le|mis [àa] jour le|updated|published|posted)\b/i,
];

// Bylines: short, no final full stop, `By Jane Doe` / `Par Jean Dupont, à Paris`.
const BYLINE =
  /^(?:[Bb]y|[Pp]ar)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:\p{Lu}[\p{L}.'-]*|de|du|van|von|and|et))*\s*(?:[,|–-].*)?$/u;
// Rows of share buttons: `Facebook Twitter LinkedIn Email`.
const SHARE_ROW =
  /^(?:(?:facebook|twitter|linkedin|email|e-mail|whatsapp|reddit|pinterest|print|imprimer|x)[\s|·,]*){2,}$/i;

/** True when a line or sentence is page furniture rather than the article's own words. */
export function isBoilerplate(text: string): boolean {
  const line = text.trim();
  if (line.length === 0) return true;
  if (ANYWHERE.some((re) => re.test(line))) return true;
  if (LEADING.some((re) => re.test(line))) return true;
  if (SHARE_ROW.test(line)) return true;
  if (line.length <= SHORT_LINE && SHORT.some((re) => re.test(line))) return true;
  return line.length <= 80 && !/[.!?]$/.test(line) && BYLINE.test(line);
}

/** Cuts parenthesised photo credits out of a text, keeping the sentence around them. */
export function stripInlineCredits(text: string): string {
  return text.replace(INLINE_CREDIT, "");
}

/** The article's own text: inline credits cut, boilerplate lines dropped, paragraphs kept. */
export function removeBoilerplate(text: string): string {
  return text
    .split("\n")
    .map((line) => stripInlineCredits(line).trim())
    .filter((line) => line.length > 0 && !isBoilerplate(line))
    .join("\n");
}
