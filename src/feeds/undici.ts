import { createRequire } from "node:module";

type Undici = typeof import("undici");

const require = createRequire(import.meta.url);
let loaded: Undici | undefined;

/**
 * undici, loaded on first use (about 0.2 s of a start): commands that never fetch, such as
 * `ask`, `items` and `digest`, start without it.
 */
export function undici(): Undici {
  loaded ??= require("undici") as Undici;
  return loaded;
}
