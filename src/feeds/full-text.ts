import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Item } from "../model.ts";
import { decodeFeedBody } from "./charset.ts";
import type { FetchFunction, FetchOptions } from "./fetch-url.ts";
import { countWords, htmlToPlainText } from "./html-text.ts";
import { runLimited } from "./run-limited.ts";

/** Feeds whose text is shorter than this many words get the article page's text. */
export const DEFAULT_FULL_TEXT_MIN_WORDS = 120;

/**
 * Page chrome removed before Readability looks at the page. Readability already skips most of
 * it by class name, but cookie banners and consent dialogs often carry names it does not know.
 */
const CHROME_SELECTORS = [
  "nav",
  "footer",
  "aside",
  "dialog",
  "[role=navigation]",
  "[role=contentinfo]",
  "[role=complementary]",
  "[role=dialog]",
  "[role=alertdialog]",
  "[aria-modal=true]",
].join(", ");
const CHROME_NAMES =
  /(^|[\s_-])(cookie|cookies|consent|gdpr|cmp|newsletter|related|recommended|share|sharing|social|promo|subscribe|paywall|breadcrumbs?|comments?|sidebar|menu|banner|popup|modal)([\s_-]|$)/i;

/**
 * The main text of an article page as plain paragraphs, or undefined when the page does not
 * look like an article (Readability's `isProbablyReaderable`) or nothing could be extracted.
 * Pure: the caller fetches the page.
 */
export function extractArticleText(html: string, url: string): string | undefined {
  const { document } = parseHTML(html);
  removeChrome(document);
  if (!isProbablyReaderable(document)) return undefined;
  let article: ReturnType<Readability["parse"]>;
  try {
    // Readability reads relative links against the page URL; linkedom has no documentURI.
    const base = document.createElement("base");
    base.setAttribute("href", url);
    document.head?.appendChild(base);
    article = new Readability(document).parse();
  } catch {
    return undefined;
  }
  const text = article?.content ? htmlToPlainText(article.content) : "";
  return text.length > 0 ? text : undefined;
}

type HtmlDocument = ReturnType<typeof parseHTML>["document"];
type HtmlElement = ReturnType<HtmlDocument["createElement"]>;

function removeChrome(document: HtmlDocument): void {
  for (const element of selectAll(document, CHROME_SELECTORS)) {
    if (!holdsArticle(element)) element.remove();
  }
  // A page header holds the logo and menus; a header inside the article holds its title.
  for (const element of selectAll(document, "header")) {
    if (!element.closest("article, main") && !holdsArticle(element)) element.remove();
  }
  for (const element of selectAll(document, "[class], [id]")) {
    const tag = element.tagName.toLowerCase();
    if (tag === "html" || tag === "body" || tag === "main" || tag === "article") continue;
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (CHROME_NAMES.test(names) && !holdsArticle(element)) element.remove();
  }
}

function selectAll(root: HtmlDocument | HtmlElement, selector: string): HtmlElement[] {
  return Array.from(root.querySelectorAll(selector) as Iterable<HtmlElement>);
}

/**
 * Never remove what may be the article: an element wrapping <article>/<main>, or one with
 * several long paragraphs (a `with-sidebar` content column, a page-wide <form>).
 */
function holdsArticle(element: HtmlElement): boolean {
  if (element.querySelector("article, main, [itemprop=articleBody]") !== null) return true;
  let longParagraphs = 0;
  for (const paragraph of selectAll(element, "p")) {
    if ((paragraph.textContent ?? "").trim().length > 200 && ++longParagraphs >= 3) return true;
  }
  return false;
}

/** True when the item has a fetchable link and its text is an excerpt rather than the article. */
export function needsFullText(
  item: Pick<Item, "text" | "link" | "fullText">,
  minWords = DEFAULT_FULL_TEXT_MIN_WORDS,
): boolean {
  if (item.fullText || !item.link) return false;
  if (!/^https?:\/\//i.test(item.link)) return false;
  return countWords(item.text) < minWords;
}

export interface EnrichDeps {
  /** A guarded fetch (`createGuardedFetch`): article links are as untrusted as feed URLs. */
  fetch: FetchFunction;
  minWords?: number;
  /** Pages fetched at once; default 4, and never more than 2 from one host. */
  concurrency?: number;
  /** Timeout and size cap for article pages (the accept header is set here). */
  fetchOptions?: FetchOptions;
  /** Told about each page that could not be used (the item keeps its excerpt). */
  onError?: (item: Item, error: unknown) => void;
}

/**
 * Replaces excerpts with the article page's text where `needsFullText` says so. Returns new
 * items in the same order; an item whose page fails, is not HTML, or yields less text than the
 * excerpt keeps its feed text.
 */
export async function enrichWithFullText(items: readonly Item[], deps: EnrichDeps): Promise<Item[]> {
  const minWords = deps.minWords ?? DEFAULT_FULL_TEXT_MIN_WORDS;
  const limits = { concurrency: deps.concurrency ?? 4, perKey: 2, keyOf: (item: Item) => hostOf(item.link) };
  return runLimited(items, limits, async (item) => {
    if (!needsFullText(item, minWords)) return item;
    try {
      const page = await deps.fetch(item.link!, {
        ...deps.fetchOptions,
        accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
      });
      const contentType = page.headers["content-type"];
      if (!page.body || (contentType && !/html/i.test(contentType))) return item;
      const text = extractArticleText(decodeFeedBody(page.body, contentType), page.url);
      if (!text || countWords(text) <= countWords(item.text)) return item;
      return { ...item, text, fullText: true };
    } catch (error) {
      deps.onError?.(item, error);
      return item;
    }
  });
}

function hostOf(link: string | undefined): string {
  try {
    return link ? new URL(link).hostname : "";
  } catch {
    return "";
  }
}
