/**
 * Running many API calls of one resource at once (set resources). The client's rate governor
 * paces the requests; this only bounds how many tasks are started together, and collects every
 * outcome instead of stopping at the first failure, so a partial failure can record what
 * succeeded.
 */

/** The outcome of one task: its value or its error. */
export type Settled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** Tasks a set resource runs at once (the client allows as many requests in flight). */
export const SET_CONCURRENCY = 64;

/**
 * Runs `task` over `items` with at most `limit` running at a time; resolves with every outcome,
 * in the order of `items`. Never rejects.
 */
export async function settleConcurrently<I, T>(
  items: readonly I[],
  task: (item: I, index: number) => Promise<T>,
  limit: number = SET_CONCURRENCY,
): Promise<Settled<T>[]> {
  const results: Settled<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await task(items[i], i) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}

/** Splits `items` into chunks of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
