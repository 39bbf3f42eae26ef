import { foldText } from "../text/fold.ts";

/**
 * Places that tech news names every day: US states, regions and the cities where companies,
 * courts and regulators sit. A name here is never the answer to "who" (`A federal judge in San
 * Francisco ordered…` is not answered by `San Francisco`). Countries, and the places the lexicon
 * gives in both languages so that one finds the other (`London`/`Londres`), are lexicon groups
 * (PLACE_GROUPS in lexicon.ts) and not repeated here.
 *
 * Names are written as they are spelled, one per line of a block or separated by commas; they
 * are read as name keys (folded, words joined: `San Francisco` → `sanfrancisco`).
 */
const PLACES = `
Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia,
Hawaii, Idaho, Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland,
Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada,
New Hampshire, New Jersey, New Mexico, New York, North Carolina, North Dakota, Ohio, Oklahoma,
Oregon, Pennsylvania, Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont,
Virginia, Washington, West Virginia, Wisconsin, Wyoming, Silicon Valley, Bay Area, Wall Street,
Washington DC, San Francisco, Los Angeles, San Diego, San Jose, Palo Alto, Mountain View,
Menlo Park, Cupertino, Redmond, Seattle, Austin, Dallas, Houston, Boston, Chicago, Denver, Atlanta,
Miami, Detroit, Pittsburgh, Philadelphia, Baltimore, Brooklyn, Manhattan, Santa Clara, Sunnyvale,
Toronto, Montreal, Montréal, Vancouver, Ottawa, Quebec, Québec, Ontario, Mexico City, Paris, Lyon,
Marseille, Toulouse, Bordeaux, Lille, Nantes, Strasbourg, Rennes, Grenoble, Montpellier,
Sophia Antipolis, Saclay, Île-de-France, Manchester, Cambridge, Oxford, Dublin, Amsterdam,
Rotterdam, Eindhoven, Luxembourg, Berlin, Munich, Cologne, Stuttgart, Dresden, Vienna, Vienne,
Zurich, Geneva, Genève, Lausanne, Bern, Berne, Milan, Rome, Turin, Madrid, Barcelona, Barcelone,
Lisbon, Lisbonne, Stockholm, Oslo, Helsinki, Prague, Budapest, Athens, Athènes, Istanbul, Tel Aviv,
Dubai, Dubaï, Abu Dhabi, Doha, Le Caire, Lagos, Nairobi, Johannesburg, Cape Town, Le Cap, Shanghai,
Shenzhen, Guangzhou, Hangzhou, Hong Kong, Taipei, Hsinchu, Tokyo, Osaka, Kyoto, Seoul, Séoul,
Bangalore, Bengaluru, New Delhi, Delhi, Hyderabad, Chennai, Sydney, Melbourne, Auckland, Sao Paulo,
São Paulo, Rio de Janeiro, Buenos Aires, Bogota, Bogotá, Lima
`;

const PLACE_KEYS: ReadonlySet<string> = new Set(
  PLACES.split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map(placeKey),
);

/** A name key (`sanfrancisco`) that is one of the places above. */
export function isKnownPlace(key: string): boolean {
  return PLACE_KEYS.has(key);
}

// As name keys are made (entities.ts): folded, words and hyphenated parts joined.
function placeKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, "");
}
