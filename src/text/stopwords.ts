/**
 * Short reviewed stop-word lists (folded). Deliberately small: stock lists drop words such as
 * `microsoft`, `million`, `states` or `new` that topics and questions need (LIBRARIES.md).
 * Question words are stop words too: the answerer reads them before analysis drops them.
 */

const ENGLISH = `a an the and or but if then than so of in on at to for from by with without about into over
under after before between during as is are was were be been being am do does did doing have has had having
it its it's this that these those there here i you he she we they me him her them my your his our their
what which who whom whose when where why how not no nor can could will would shall should may might must
also just only very more most such other any each all both some own same too s t don up down out off
again further once says said say according`;

const FRENCH = `le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont ou
ce cet cette ces c se s sa son ses leur leurs lui elle elles il ils on nous vous je j tu me m te t y en ne n
pas plus moins tres est sont etait etaient ete etre a ai as avons avez ont avait avaient avoir fait faire
sur sous dans par pour avec sans entre chez vers selon comme ainsi aussi meme tout tous toute toutes
cela ca ceci celui celle ceux celles quel quelle quels quelles lequel laquelle lesquels quand comment
pourquoi combien si deja encore notamment alors apres avant depuis pendant lors`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${FRENCH}`.split(/\s+/).filter((w) => w.length > 0),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
