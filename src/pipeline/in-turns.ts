/**
 * Long synchronous work split into turns, with the event loop let in between: the bot's poll
 * shares its process with the Discord client, and an interaction left waiting for 3 seconds
 * fails ("The application did not respond"). A first poll of fifty feeds held the loop for up
 * to 2.4 s at a time before its stages took turns.
 */
export async function mapInTurns<T, R>(
  items: readonly T[],
  perTurn: number,
  work: (item: T) => R,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += perTurn) {
    if (start > 0) await yieldToEventLoop();
    for (const item of items.slice(start, start + perTurn)) results.push(work(item));
  }
  return results;
}

/** Resolves after the event loop has run its pending I/O and timers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
