/**
 * Markup written as XML inside a text field: Atom's `type="xhtml"` (`<content type="xhtml"><div
 * xmlns="…"><p>First <b>bold</b>…`), or an RSS title with a bare `<b>`. The XML parser under
 * rss-parser keeps an element's own text and its children apart, and rss-parser keeps only the
 * text: "First then plain text" lost its bold words, in the wrong order. Such a field's inner XML
 * is escaped before parsing, so that it arrives as the HTML it is (an Atom field marked
 * `type="html"`), converted to text with everything else.
 */
export function escapeInlineMarkup(xml: string): string {
  if (!MAYBE_MARKUP.test(xml)) return xml;
  return xml.replace(FIELD, (whole, name: string, attributes: string | undefined, inner: string) => {
    // CDATA already carries HTML as text; a field without a child element needs nothing.
    if (!CHILD_ELEMENT.test(inner) || inner.includes("<![CDATA[")) return whole;
    const html = inner.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return `<${name}${(attributes ?? "").replace(XHTML_TYPE, 'type="html"')}>${html}</${name}>`;
  });
}

// Fields read as text or HTML: a child element in one is always markup.
const FIELD = /<(title|description|summary|content|subtitle)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;
const MAYBE_MARKUP = /<(?:title|description|summary|content|subtitle)(?:\s[^>]*)?>[^<]*<[a-zA-Z]/;
const CHILD_ELEMENT = /<[a-zA-Z]/;
const XHTML_TYPE = /type\s*=\s*["']xhtml["']/;
