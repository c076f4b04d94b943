/**
 * Bounded polling with exponential backoff, for objects that become usable asynchronously
 * (an instance is usable once its status is `running`).
 */

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** Give up after this many ms since the first probe. */
  readonly timeoutMs: number;
  /** Delay after the first unsuccessful probe (default 500 ms). */
  readonly initialDelayMs?: number;
  /** Upper bound of a single delay (default 10 s). */
  readonly maxDelayMs?: number;
  /** Growth factor of the delay (default 2). */
  readonly factor?: number;
  /** Clock, injectable for tests. */
  readonly now?: () => number;
  /** Sleep, injectable for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Outcome of {@link pollUntil}: the last probe's value and whether it satisfied the condition. */
export interface PollOutcome<T> {
  /** True when `done(value)` held before the timeout. */
  readonly done: boolean;
  /** The value of the last probe. */
  readonly value: T;
  /** Number of probes made. */
  readonly probes: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` until `done(value)` holds or the timeout passes. Never sleeps past the deadline;
 * always probes at least once. Errors from `probe` propagate.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<PollOutcome<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const factor = options.factor ?? 2;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const deadline = now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 500;
  let probes = 0;
  for (;;) {
    const value = await probe();
    probes += 1;
    if (done(value)) return { done: true, value, probes };
    const remaining = deadline - now();
    if (remaining <= 0) return { done: false, value, probes };
    await sleep(Math.min(delay, remaining));
    delay = Math.min(maxDelay, delay * factor);
  }
}
