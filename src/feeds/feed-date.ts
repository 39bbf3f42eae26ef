/**
 * A feed date as ISO-8601, or undefined. `Date.parse` alone is too lenient: V8 reads
 * "lun. 14 sept." as 14 September 2001. A date must name its year (four digits) to count;
 * an invented date would put an old story at the top of a digest. Before parsing, in order:
 * a numeric day and month (`03/11/2025`) is read only when it cannot be the other way round;
 * French, German, Spanish, Italian and Portuguese day and month names become English ones;
 * a `GMT+1` zone becomes `+0100`.
 */
export function readFeedDate(value: string | undefined): string | undefined {
  if (!value || !/(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)/.test(value)) return undefined;
  const trimmed = toEnglish(value.trim());
  if (trimmed === undefined) return undefined;
  // A date without a time zone is read as UTC: `Date.parse` would take the server's own zone,
  // so the same feed would give other times on another machine.
  const zoned = ZONE.test(trimmed) ? trimmed : ISO_LOCAL.test(trimmed) ? `${trimmed}Z` : `${trimmed} UTC`;
  const read = Date.parse(zoned);
  const time = Number.isNaN(read) ? Date.parse(trimmed) : read;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** An explicit zone at the end: `Z`, `+02:00`, `-0500`, `GMT`, or a US zone name (`EDT`). */
const ZONE = /(?:Z|[+-]\d\d:?\d\d|\b(?:GMT|UTC|UT|[ECMP][SD]T))$/i;
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/;
const ZONE_OFFSET = /\b(?:GMT|UTC|UT)\s*([+-])(\d{1,2})(?::?(\d\d))?$/i;
const LEADING_DAY = /^(\p{L}+)\.?,?\s+(?=\d)/u;

/** The date in words `Date.parse` reads, or undefined when its day and month are ambiguous. */
function toEnglish(value: string): string | undefined {
  let text = value;
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [whole, first = "", , second = "", year = ""] = numeric;
    const [a, b] = [Number(first), Number(second)];
    // dd/mm or mm/dd: only a side above 12 (or both sides equal) tells which.
    if (a <= 12 && b <= 12 && a !== b) return undefined;
    const [month, day] = a > 12 ? [b, a] : [a, b];
    text = `${year}-${pad(month)}-${pad(day)}${text.slice(whole.length)}`;
  }
  const day = LEADING_DAY.exec(text);
  if (day && DAYS.has(fold(day[1] ?? ""))) text = text.slice(day[0].length);
  text = text.replace(/\p{L}+\.?/gu, (word) => {
    const month = MONTHS.get(fold(word.replace(/\.$/, "")));
    return month ?? word;
  });
  return text.replace(ZONE_OFFSET, (_zone, sign: string, hours: string, minutes?: string) => {
    return `${sign}${pad(Number(hours))}${minutes ?? "00"}`;
  });
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Lower case without accents: `Févr` → `fevr`, `Mär` → `mar`. */
function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// A leading day name is dropped (the date says the day): "mar." is Tuesday there, March elsewhere.
const DAYS = new Set(
  [
    ...["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday"],
    ...["friday", "saturday", "sunday"],
    ...["lun", "mar", "mer", "jeu", "ven", "sam", "dim", "lundi", "mardi", "mercredi", "jeudi"],
    ...["vendredi", "samedi", "dimanche"],
    ...["mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag"],
    ...["freitag", "samstag", "sonntag"],
    ...["mie", "jue", "vie", "sab", "dom", "lunes", "martes", "miercoles", "jueves", "viernes"],
    ...["sabado", "domingo", "gio", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi"],
    ...["sabato", "domenica", "seg", "ter", "qua", "qui", "sex", "segunda", "terca", "quarta"],
    ...["quinta", "sexta"],
  ].map(fold),
);

// Month names and abbreviations, accents folded; English ones are left as they are.
const MONTHS = new Map<string, string>(
  Object.entries({
    Jan: ["janv", "janvier", "januar", "jaenner", "ene", "enero", "gen", "gennaio", "janeiro"],
    Feb: ["fevr", "fev", "fevrier", "februar", "febrero", "febbraio", "fevereiro"],
    Mar: ["mars", "mar", "marz", "mrz", "marzo", "marco"],
    Apr: ["avr", "avril", "abr", "abril", "aprile"],
    May: ["mai", "mayo", "mag", "maggio", "maio"],
    Jun: ["juin", "juni", "junio", "giu", "giugno", "junho"],
    Jul: ["juil", "juillet", "juli", "julio", "lug", "luglio", "julho"],
    Aug: ["aout", "ago", "agosto"],
    Sep: ["sept", "septembre", "set", "septiembre", "setiembre", "settembre", "setembro"],
    Oct: ["octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro"],
    Nov: ["novembre", "noviembre", "novembro"],
    Dec: ["dec", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro"],
  }).flatMap(([english, names]) => names.map((name) => [name, english] as [string, string])),
);
