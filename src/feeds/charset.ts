import iconv from "iconv-lite";

/**
 * Turns a feed's (or an article page's) bytes into text. Rules, in the order they apply:
 *
 * 1. Bytes that are valid UTF-8 are UTF-8, whatever the labels say: mislabelled UTF-8 is far
 *    more common than windows-1252 text that happens to be valid UTF-8.
 * 2. A UTF-16 byte-order mark. (The WHATWG and XML rules let a BOM override every label; a
 *    UTF-8 BOM was already handled by rule 1.)
 * 3. The Content-Type charset.
 * 4. The XML prolog's `encoding`, or an HTML `<meta charset>`.
 * 5. windows-1252, the usual encoding of unlabelled non-UTF-8 feeds.
 *
 * A label of UTF-8 is skipped at steps 3–4, since the bytes have just proved it wrong.
 * ISO-8859-1, latin1 and ASCII are read as windows-1252, as browsers do: publishers labelled
 * ISO-8859-1 routinely use 0x80–0x9F for `’ œ €`. Decoding uses iconv-lite because Node 20's
 * TextDecoder maps those bytes to control characters.
 *
 * The decoded text keeps its XML prolog: rss-parser (sax) parses a JS string and ignores the
 * declared encoding, so `encoding="ISO-8859-1"` cannot make it decode twice.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType?: string): string {
  // UTF-16 without a byte order mark: `<` is 00 3C or 3C 00 (and NULs are valid UTF-8).
  const unmarked = readUtf16Start(bytes);
  if (unmarked) return iconv.decode(Buffer.from(bytes), unmarked);
  const utf8 = decodeStrictUtf8(bytes);
  if (utf8 !== undefined) return utf8;

  const bom = readUtf16Bom(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.subarray(2)), bom);

  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString(
    "latin1",
  );
  const candidates = [charsetFromContentType(contentType), charsetFromProlog(head), charsetFromMeta(head)];
  for (const label of candidates) {
    const encoding = normaliseCharset(label);
    if (encoding) return iconv.decode(Buffer.from(bytes), encoding);
  }
  return iconv.decode(Buffer.from(bytes), "windows-1252");
}

/** The charset parameter of a Content-Type header, unquoted. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*("?)([^";\s]+)\1/i);
  return match?.[2];
}

function charsetFromProlog(head: string): string | undefined {
  return head.match(/^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i)?.[1];
}

function charsetFromMeta(head: string): string | undefined {
  return head.match(/<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
}

const WINDOWS_1252_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "iso_8859-1:1987",
  "latin1",
  "latin-1",
  "l1",
  "cp819",
  "ibm819",
  "iso-ir-100",
  "csisolatin1",
  "ascii",
  "us-ascii",
  "ansi_x3.4-1968",
  "cp1252",
  "windows-1252",
  "x-cp1252",
]);

/** An encoding iconv-lite can use, or undefined for UTF-8/UTF-16 labels and unknown ones. */
function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) return "windows-1252";
  // UTF-8 was tried already; a UTF-16 label on ASCII-readable bytes (we just read it) is wrong.
  if (/^(utf-?8|utf-?16|ucs-?2|unicode)/.test(name)) return undefined;
  return iconv.encodingExists(name) ? name : undefined;
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    // TextDecoder drops a leading UTF-8 BOM by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function readUtf16Start(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0 && bytes[1] === 0x3c) return "utf-16be";
  if (bytes[0] === 0x3c && bytes[1] === 0) return "utf-16le";
  return undefined;
}

function readUtf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}
