/**
 * Runs one async task per input with at most `concurrency` running at once and, when `keyOf` is
 * given, at most `perKey` at once for the same key (e.g. per host). A task waiting for its
 * host's turn never blocks tasks for other hosts: the next eligible task starts instead.
 * Results come back in input order. A task that throws rejects the whole run, but only once
 * every started task has settled, so nothing is left running behind the caller's back.
 */
export interface LimitOptions<T> {
  concurrency: number;
  keyOf?: (input: T) => string;
  perKey?: number;
}

export function runLimited<T, R>(
  inputs: readonly T[],
  options: LimitOptions<T>,
  run: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const concurrency = Math.max(1, options.concurrency);
  const perKey = Math.max(1, options.perKey ?? Number.POSITIVE_INFINITY);
  const keys = inputs.map((input) => options.keyOf?.(input) ?? "");
  const results = new Array<R>(inputs.length);
  const waiting = inputs.map((_, index) => index);
  const runningPerKey = new Map<string, number>();
  let running = 0;
  let failure: { error: unknown } | undefined;

  return new Promise((resolve, reject) => {
    const pump = (): void => {
      for (let i = 0; i < waiting.length && running < concurrency; ) {
        const index = waiting[i]!;
        const key = keys[index]!;
        if ((runningPerKey.get(key) ?? 0) >= perKey || failure) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        start(index, key);
      }
      if (running > 0) return;
      if (failure) reject(failure.error);
      else if (waiting.length === 0) resolve(results);
    };
    const start = (index: number, key: string): void => {
      running++;
      runningPerKey.set(key, (runningPerKey.get(key) ?? 0) + 1);
      Promise.resolve()
        .then(() => run(inputs[index]!, index))
        .then(
          (result) => {
            results[index] = result;
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => {
          running--;
          runningPerKey.set(key, (runningPerKey.get(key) ?? 1) - 1);
          pump();
        });
    };
    pump();
  });
}
