import type { Lang } from "../model.ts";
import { type AnalyzedText, analyzeText, compoundBefore, setKeys } from "../text/analyze.ts";
import { splitSentences } from "../text/sentences.ts";
import { stemKeys } from "../text/stem.ts";
import { endOf, JOINED, type ScannedText, scanText, startOf } from "../text/tokenize.ts";
import { type CompoundForm, hashTerm, openingOf, signatureOf, type WordForm } from "../text/word-forms.ts";
import { TermTable } from "./term-table.ts";

/** Where a word was found, as bits: a term found in several zones has several bits set. */
export const ZONE_TITLE = 1;
export const ZONE_LEAD = 2;
export const ZONE_BODY = 4;
export const ZONE_ANY = ZONE_TITLE | ZONE_LEAD | ZONE_BODY;

/** The opening of a text that counts as its lead: two sentences, at most this many characters. */
export const LEAD_MAX_CHARS = 400;
const LEAD_SENTENCES = 2;

/**
 * One item analysed once for matching against any number of queries: which comparison keys
 * (stems, compounds) and which folded words occur, and in which zones; and, for phrases, each
 * token's words in order.
 */
export interface PreparedDocument {
  /** `analyzeText` of the title and the text, built on first use (matching does not need them). */
  readonly title: AnalyzedText;
  readonly text: AnalyzedText;
  /** The title's and the text's tokens as phrases read them. */
  readonly titleSequence: TokenSequence;
  readonly textSequence: TokenSequence;
  /** Number of `text` tokens that belong to the lead (they come first). */
  leadTokens: number;
  /**
   * Comparison key → zones it occurs in (stems of every non-stop word and of every compound),
   * looked up as `keyTable.get(key, hashTerm(key))` (0: absent). `keys` is the same as a Map.
   */
  keyTable: TermTable;
  /** Folded word (stop words and compounds included) → zones it occurs in; `words` as a Map. */
  wordTable: TermTable;
  readonly keys: Map<string, number>;
  readonly words: Map<string, number>;
  /** Phrases' outcomes by phrase, kept on first use (see compile-leaf.ts). */
  cache: {
    phrases: Map<string, number> | undefined;
  };
}

/** What phrase matching compares of a token (a WordForm is one; `keys` is always set). */
export interface TokenWords {
  readonly folded: string;
  readonly keys: readonly string[] | undefined;
}

/** A part's tokens in order, as phrases read them. */
export interface TokenSequence {
  /** Each token's folded form and keys (as `tokens[i].folded` and `keys[i]` of its analysis). */
  words: readonly TokenWords[];
  /**
   * Each token's `signatureOf` (bits of its terms' hashes) in one array of numbers: a phrase
   * passes over the positions whose bits cannot match without reading their tokens.
   */
  signatures: readonly number[];
  /** 1 where punctuation ends a clause before the token (`The executive. Order…`): a phrase stops there. */
  breaks: Uint8Array;
}

/** What an item contributes to matching; `lang` only guides sentence splitting for the lead. */
export interface DocumentInput {
  title: string;
  text: string;
  lang?: Lang;
  /** `analyzeText` of title and text when the caller already has them (analysis is the costly part). */
  analysed?: { title: AnalyzedText; text: AnalyzedText };
}

/**
 * Analyses an item for matching. Call once per item and reuse it for every topic. Tokens are
 * not built as objects: in one pass over each part's scan, each token's form gets its keys (once
 * per form), and the words of each distinct form are added once per zone (see `addOnce`).
 */
export function prepareDocument(input: DocumentInput): PreparedDocument {
  if (input.analysed) return prepareAnalysed(input, input.analysed);
  const leadEnd = findLeadEnd(input.text, input.lang);
  const title = scanText(input.title);
  const text = scanText(input.text);
  const index = createIndex(title.forms.length + text.forms.length);
  const compounds: Compounds = { forms: [], zones: [] };
  addPart(index, input.title, title, Number.POSITIVE_INFINITY, ZONE_TITLE, compounds);
  const leadTokens = addPart(index, input.text, text, leadEnd, ZONE_BODY, compounds);
  // Compounds come after every token, in the order analyses list them.
  for (let n = 0; n < compounds.forms.length; n++) addOnce(index, compounds.forms[n]!, compounds.zones[n]!);
  return new Prepared(input, undefined, title, text, leadTokens, index);
}

/** Compounds found by `addPart`, with their zones, to be added once every token is. */
interface Compounds {
  forms: CompoundForm[];
  zones: number[];
}

/**
 * Adds a part's tokens: those that start before `leadEnd` in the lead (the whole title, given
 * as ZONE_TITLE with no end), the others in `zone`. A compound takes the zone of its first
 * token. Returns the number of lead tokens (they come first).
 */
function addPart(
  index: DocumentIndex,
  source: string,
  scan: ScannedText,
  leadEnd: number,
  zone: number,
  compounds: Compounds,
): number {
  const { forms, spans } = scan;
  const leadZone = zone === ZONE_TITLE ? ZONE_TITLE : ZONE_LEAD;
  let leadTokens = 0;
  let previousZone = 0;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i]!;
    if (form.keys === undefined) setKeys(form);
    let tokenZone = zone;
    if (spans[i]! >> 2 < leadEnd) {
      tokenZone = leadZone;
      leadTokens++;
    }
    addOnce(index, form, tokenZone);
    if (spans[i]! & JOINED) {
      const compound = compoundBefore(source, scan, i);
      if (compound !== undefined) {
        compounds.forms.push(compound);
        compounds.zones.push(previousZone);
      }
    }
    previousZone = tokenZone;
  }
  return leadTokens;
}

/** `prepareDocument` from analyses the caller already has. */
function prepareAnalysed(input: DocumentInput, analysed: { title: AnalyzedText; text: AnalyzedText }) {
  const { title, text } = analysed;
  const leadEnd = findLeadEnd(input.text, input.lang);
  let leadTokens = 0;
  while (leadTokens < text.tokens.length && text.tokens[leadTokens]!.start < leadEnd) leadTokens++;
  const index = createIndex(title.tokens.length + text.tokens.length);
  const zoneOfTitle = () => ZONE_TITLE;
  const zoneOfText = (i: number) => (i < leadTokens ? ZONE_LEAD : ZONE_BODY);
  addTokens(index, title, zoneOfTitle);
  addTokens(index, text, zoneOfText);
  addCompounds(index, title, zoneOfTitle);
  addCompounds(index, text, zoneOfText);
  return new Prepared(
    input,
    analysed,
    sequenceOf(title, input.title),
    sequenceOf(text, input.text),
    leadTokens,
    index,
  );
}

/** A prepared document whose analyses, maps and token sequences are made only if something reads them. */
class Prepared implements PreparedDocument {
  readonly keyTable: TermTable;
  readonly wordTable: TermTable;
  readonly cache: PreparedDocument["cache"] = { phrases: undefined };
  #source: { title: string; text: string };
  #analysed: { title: AnalyzedText; text: AnalyzedText } | undefined;
  #keys: Map<string, number> | undefined;
  #words: Map<string, number> | undefined;
  /** Each part's tokens as word forms until their sequence is asked for. */
  #titleSequence: TokenSequence | ScannedText;
  #textSequence: TokenSequence | ScannedText;

  constructor(
    source: { title: string; text: string },
    analysed: { title: AnalyzedText; text: AnalyzedText } | undefined,
    titleSequence: TokenSequence | ScannedText,
    textSequence: TokenSequence | ScannedText,
    readonly leadTokens: number,
    index: DocumentIndex,
  ) {
    this.#source = source;
    this.#analysed = analysed;
    this.#titleSequence = titleSequence;
    this.#textSequence = textSequence;
    this.keyTable = index.keys;
    this.wordTable = index.words;
  }

  get title(): AnalyzedText {
    return this.analyses().title;
  }

  get text(): AnalyzedText {
    return this.analyses().text;
  }

  // Only phrases read the sequences, and only on documents holding all of their words: most
  // documents never build them.
  get titleSequence(): TokenSequence {
    const known = this.#titleSequence;
    if (!isScan(known)) return known;
    this.#titleSequence = sequenceOfScan(known, this.#source.title);
    return this.#titleSequence as TokenSequence;
  }

  get textSequence(): TokenSequence {
    const known = this.#textSequence;
    if (!isScan(known)) return known;
    this.#textSequence = sequenceOfScan(known, this.#source.text);
    return this.#textSequence as TokenSequence;
  }

  get keys(): Map<string, number> {
    this.#keys ??= this.keyTable.toMap();
    return this.#keys;
  }

  get words(): Map<string, number> {
    this.#words ??= this.wordTable.toMap();
    return this.#words;
  }

  private analyses(): { title: AnalyzedText; text: AnalyzedText } {
    this.#analysed ??= { title: analyzeText(this.#source.title), text: analyzeText(this.#source.text) };
    return this.#analysed;
  }
}

function isScan(sequence: TokenSequence | ScannedText): sequence is ScannedText {
  return "spans" in sequence;
}

/** The forms themselves are the words; their signatures, in one array, are read first. */
function sequenceOfScan(scan: ScannedText, source: string): TokenSequence {
  const { forms } = scan;
  const signatures: number[] = new Array(forms.length);
  for (let i = 0; i < forms.length; i++) signatures[i] = forms[i]!.signature;
  const breaks = breaksBetween(
    source,
    forms.length,
    (i) => startOf(scan, i),
    (i) => endOf(scan, i),
  );
  return { words: forms, signatures, breaks };
}

// Punctuation that ends a sentence or clause, or a line break: a phrase does not run across it.
const CLAUSE_END = /[.!?;:,\n|•·]/;

function breaksBetween(
  source: string,
  count: number,
  start: (i: number) => number,
  end: (i: number) => number,
): Uint8Array {
  const breaks = new Uint8Array(count);
  for (let i = 1; i < count; i++) if (CLAUSE_END.test(source.slice(end(i - 1), start(i)))) breaks[i] = 1;
  return breaks;
}

/** The tables being built for one document, and the number of its pass over word forms. */
interface DocumentIndex {
  keys: TermTable;
  words: TermTable;
  pass: number;
}

let passes = 0;

/**
 * Tables sized for `tokens` tokens (about half of a text's tokens are distinct words). Words
 * are tagged with their opening (`openingOf`), which prefixes are matched on first.
 */
function createIndex(tokens: number): DocumentIndex {
  const expected = Math.max(16, tokens >> 1);
  return { keys: new TermTable(expected), words: new TermTable(expected, true), pass: ++passes };
}

/**
 * Adds a word (form or compound) found in a zone. A form already added in this zone during this
 * pass is skipped at once: written alike, it adds nothing new. Most words repeat in a zone.
 */
function addOnce(index: DocumentIndex, form: WordForm | CompoundForm, zone: number): void {
  if (form.pass !== index.pass) {
    form.pass = index.pass;
    form.passNote = zone;
  } else if ((form.passNote & zone) === 0) {
    form.passNote |= zone;
  } else {
    return;
  }
  index.words.or(form.folded, form.foldedHash, zone, form.opening);
  // A form has at most two keys, kept on the form itself (see WordForm.firstKey).
  if (form.firstKey !== undefined) index.keys.or(form.firstKey, form.firstKeyHash, zone);
  if (form.secondKey !== undefined) index.keys.or(form.secondKey, form.secondKeyHash, zone);
}

function add(index: DocumentIndex, folded: string, keys: readonly string[], zone: number): void {
  index.words.or(folded, hashTerm(folded), zone, openingOf(folded));
  for (const key of keys) index.keys.or(key, hashTerm(key), zone);
}

/** Index just past the lead: the end of the second sentence, capped at `LEAD_MAX_CHARS`. */
function findLeadEnd(text: string, lang: Lang | undefined): number {
  // Only the opening matters, so only the opening is split (the segmenter is the slow part).
  const opening = text.slice(0, LEAD_MAX_CHARS + 1);
  const sentences = splitSentences(opening, lang ?? "en");
  const last = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1];
  if (!last) return 0;
  return Math.min(LEAD_MAX_CHARS, last.start + last.text.length);
}

function addTokens(
  index: DocumentIndex,
  analysed: AnalyzedText,
  zoneOf: (tokenIndex: number) => number,
): void {
  analysed.tokens.forEach((token, i) => {
    add(index, token.folded, analysed.keys[i]!, zoneOf(i));
  });
}

function addCompounds(
  index: DocumentIndex,
  analysed: AnalyzedText,
  zoneOf: (tokenIndex: number) => number,
): void {
  for (const [i, compound] of analysed.compounds) add(index, compound, stemKeys(compound), zoneOf(i));
}

function sequenceOf(analysed: AnalyzedText, source: string): TokenSequence {
  const { tokens } = analysed;
  const words = tokens.map((token, i) => ({ folded: token.folded, keys: analysed.keys[i]! }));
  const signatures = words.map((w) => signatureOf(hashTerm(w.folded), w.keys.map(hashTerm)));
  const breaks = breaksBetween(
    source,
    tokens.length,
    (i) => tokens[i]!.start,
    (i) => tokens[i]!.end,
  );
  return { words, signatures, breaks };
}
