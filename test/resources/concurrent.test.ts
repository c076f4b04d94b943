/**
 * settleConcurrently / chunked: bounded concurrency, every outcome kept in order, never rejects.
 */
import { chunked, settleConcurrently } from '../../src/resources/provider-kit';

test('runs at most `limit` tasks at once and keeps every outcome in input order', async () => {
  let running = 0;
  let peak = 0;
  const gates: Array<() => void> = [];
  const work = settleConcurrently(
    Array.from({ length: 10 }, (_, i) => i),
    async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
      if (i % 3 === 0) throw new Error(`task ${i} failed`);
      return i * 10;
    },
    4,
  );
  // Release tasks one by one; new ones start as slots free up.
  while (gates.length || running) {
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  }
  const results = await work;
  expect(peak).toBe(4);
  expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([
    'task 0 failed',
    10,
    20,
    'task 3 failed',
    40,
    50,
    'task 6 failed',
    70,
    80,
    'task 9 failed',
  ]);
});

test('an empty list settles at once; chunks keep order and size', async () => {
  expect(await settleConcurrently([], async () => 1)).toEqual([]);
  expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  expect(chunked([], 100)).toEqual([]);
});
