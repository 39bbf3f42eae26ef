import { decodeHTML } from "entities";
import { compile } from "html-to-text";

/** HTML from feeds and article pages → plain text paragraphs (one blank line between them). */

function skip(selector: string) {
  return { selector, format: "skip" };
}

const convertHtml = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    // Embedded media, widgets and form controls: their content (a fallback "Your browser does
    // not support video", a button label, an option list) is not the article's text.
    ...["img", "noscript", "iframe", "svg", "template", "video", "audio", "object", "canvas"].map(skip),
    ...["button", "select", "input", "textarea"].map(skip),
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    // A rule separates paragraphs: a blank line, not a line of dashes.
    { selector: "hr", format: "block", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: "dl", format: "block", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    ...["dt", "dd"].map((selector) => ({
      selector,
      format: "block",
      options: { leadingLineBreaks: 1, trailingLineBreaks: 1 },
    })),
    { selector: "ul", options: { itemPrefix: "• " } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

// NBSP and the narrow/thin spaces of French typography (« … », before ; : ! ?) count as spaces
// for every later stage; zero-width and other invisible characters are dropped: a soft hyphen
// (`Tik&shy;Tok`) or a combining grapheme joiner inside a word would hide it from topics.
const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;
// U+034F is a combining mark: in a character class it would read as one with the one before it.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]|\u034f/g;
// `&#146;` written by a Windows-1252 tool is read by the XML parser as the C1 control U+0092;
// browsers show it as the Windows-1252 character (`’`), as HTML5 says to: so does newsdesk.
const C1 = /[\u0080-\u009f]/g;
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function repairC1(text: string): string {
  return text.replace(C1, (c) => {
    const mapped = WINDOWS_1252[c.charCodeAt(0) - 0x80]!;
    return mapped === c ? "" : mapped;
  });
}

export function htmlToPlainText(html: string): string {
  if (html.trim().length === 0) return "";
  return tidyText(convertHtml(html));
}

/**
 * A title or other one-line field: tags removed when there are any, entities decoded. Only the
 * tags of text markup count as tags (with attributes only when one has a value): a title may
 * speak of `the <video> element` or say `if a<b and c>d`.
 */
export function htmlToLine(value: string): string {
  const text = INLINE_TAG.test(value) ? convertHtml(value) : decodeHTML(value);
  return repairC1(text).replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

const INLINE_TAG =
  /<\/?(?:a|abbr|b|big|br|cite|code|del|div|em|font|h[1-6]|i|img|ins|li|mark|nobr|p|q|s|script|small|span|strike|strong|style|sub|sup|time|u|wbr)(?:\s*\/?>|\s+[^<>]*=)/i;

/** Collapses runs of spaces, trims lines and keeps at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  return repairC1(text)
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Cuts text at a word boundary to at most `max` characters, adding an ellipsis when cut. Never
 * between the two halves of a surrogate pair (an emoji): Discord refuses half a character.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 2)) ? max - 2 : max - 1;
  const cut = text.slice(0, end);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
