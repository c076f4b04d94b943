'use strict';
/**
 * Timing helpers. Figures are medians of several rounds taken after a warm-up; every comparison is
 * made against a baseline measured in the same run, on the same machine, so only ratios are meant
 * to be compared across machines.
 */

const now = () => process.hrtime.bigint();

/** Median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn(i)` `count` times; returns the elapsed nanoseconds. */
function timeSync(fn, count, start = 0) {
  const t0 = now();
  for (let i = start; i < start + count; i++) fn(i);
  return Number(now() - t0);
}

/**
 * Iterations of `fn` that take about `targetMs` (doubling from 1), after running it for
 * `warmupMs` so that the JIT has settled.
 */
function calibrateSync(fn, { targetMs = 20, warmupMs = 100 } = {}) {
  const warmEnd = Date.now() + warmupMs;
  let i = 0;
  while (Date.now() < warmEnd) for (let k = 0; k < 16; k++) fn(i++);
  let count = 1;
  for (;;) {
    const ns = timeSync(fn, count, i);
    i += count;
    if (ns >= targetMs * 1e6 || count >= 1 << 24)
      return Math.max(1, Math.round((count * targetMs * 1e6) / ns));
    count *= 2;
  }
}

/**
 * Compares synchronous functions fairly: each is calibrated and warmed up, then rounds alternate
 * between them (A B, B A, ...) so that drift (thermal, GC pressure, other load) hits all alike.
 * Returns, per function, the median ns/op over `rounds` rounds.
 */
function compareSync(fns, { rounds = 7, targetMs = 20, warmupMs = 100 } = {}) {
  const counts = fns.map((fn) => calibrateSync(fn, { targetMs, warmupMs }));
  const samples = fns.map(() => []);
  let offset = 1 << 20;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (j + r) % fns.length; // rotate the order so no variant always runs first
      samples[k].push(timeSync(fns[k], counts[k], offset) / counts[k]);
      offset += counts[k];
    }
  }
  return samples.map(median);
}

/**
 * Runs `count` async tasks `task(i)` with at most `concurrency` in flight; resolves with the
 * elapsed nanoseconds.
 */
async function timeAsync(task, count, concurrency = 1, start = 0) {
  let next = start;
  const end = start + count;
  const t0 = now();
  const worker = async () => {
    while (next < end) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return Number(now() - t0);
}

/**
 * Asynchronous counterpart of {@link compareSync}: every variant `{ task, count, concurrency }` is
 * warmed up, then rounds alternate between variants. Returns the median ns/op of each.
 */
async function compareAsync(variants, { rounds = 5, warmup = 100 } = {}) {
  for (const v of variants) await timeAsync(v.task, warmup, v.concurrency ?? 1);
  const samples = variants.map(() => []);
  let offset = 1 << 20;
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < variants.length; j++) {
      const k = (j + r) % variants.length; // rotate the order so no variant always runs first
      const v = variants[k];
      samples[k].push((await timeAsync(v.task, v.count, v.concurrency ?? 1, offset)) / v.count);
      offset += v.count;
    }
  }
  return samples.map(median);
}

module.exports = { median, timeSync, calibrateSync, compareSync, timeAsync, compareAsync };
