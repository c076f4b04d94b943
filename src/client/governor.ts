/**
 * Request-rate governor: a budget of requests per second shared by every client of a process.
 *
 * EIAM limits request rates per account, not concurrency. A fixed cap on requests in flight
 * either wastes the budget (slow calls, few in flight) or overruns it (fast calls, many in
 * flight). The governor instead spaces request starts so that, over any window, at most
 * `burst + rate × window` requests start; how many are in flight then follows from the
 * latency. Rules:
 *
 * - Scheduling is a generic cell rate algorithm: each request reserves the next start time in
 *   FIFO order, so no request starves and `reserve` is a pure function of the clock.
 * - A throttling answer from the service halves the effective rate, at most once per
 *   `recoveryMs` (a burst of concurrent throttled requests is one signal, not many) and never
 *   below a quarter of the budget; each quiet `recoveryMs` after that doubles it again, up to
 *   the budget. So a service that throttles at random costs at most 4x the time, not a crawl.
 * - Every attempt passes the governor, retries included.
 * - Clock and sleep are injected; nothing here reads the wall clock by itself.
 */

/** Settings of a {@link RateGovernor}. */
export interface RateGovernorOptions {
  /** Requests per second allowed on average (at least 0.1). */
  readonly requestsPerSecond: number;
  /** Requests that may start at once after a quiet period; default one second's worth. */
  readonly burst?: number;
  /** Quiet time after a throttling answer before the rate doubles again; default 2000 ms. */
  readonly recoveryMs?: number;
  /** Clock in ms; default `Date.now`. */
  readonly now?: () => number;
  /** Sleep; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The default budget, requests per second (config `eiam:maxRequestsPerSecond`). */
export const DEFAULT_REQUESTS_PER_SECOND = 100;

/** Environment variable overriding the default budget (stack config wins over it). */
export const REQUESTS_PER_SECOND_ENV = 'EIAM_MAX_REQUESTS_PER_SECOND';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spaces request starts to a rate budget (see the module header). */
export class RateGovernor {
  /** The configured budget, requests per second. */
  readonly budget: number;
  /** Requests that may start at once. */
  readonly burst: number;
  private readonly recoveryMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private rate: number;
  /** Theoretical start time of the next request, ms. */
  private next = Number.NEGATIVE_INFINITY;
  /** When the rate was last halved. */
  private lastCut = Number.NEGATIVE_INFINITY;
  /** Start of the current period without throttling answers. */
  private quietSince = Number.NEGATIVE_INFINITY;

  /** Creates a governor with a full burst available. */
  constructor(options: RateGovernorOptions) {
    this.budget = Math.max(0.1, options.requestsPerSecond);
    this.burst = Math.max(1, Math.floor(options.burst ?? Math.ceil(this.budget)));
    this.recoveryMs = Math.max(1, options.recoveryMs ?? 2_000);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.rate = this.budget;
  }

  /** The rate currently allowed (the budget, or less after throttling). */
  get currentRate(): number {
    this.recover(this.now());
    return this.rate;
  }

  /**
   * Reserves the next start time and returns how long to wait for it, in ms (0: start now).
   * Pure apart from the reservation itself: the same clock readings give the same delays.
   */
  reserve(): number {
    const now = this.now();
    this.recover(now);
    const interval = 1000 / this.rate;
    // A request may start up to (burst - 1) intervals ahead of its theoretical time.
    const tolerance = (this.burst - 1) * interval;
    const theoretical = Math.max(this.next, now - tolerance);
    const start = Math.max(now, theoretical);
    this.next = theoretical + interval;
    return start - now;
  }

  /** Waits until the caller may start one request. */
  async acquire(): Promise<void> {
    const delay = this.reserve();
    if (delay > 0) await this.sleep(delay);
  }

  /** The lowest rate throttling can bring the governor to. */
  get floorRate(): number {
    return this.budget / 4;
  }

  /** Tells the governor the service throttled a request: the rate halves (see the header). */
  throttled(): void {
    const now = this.now();
    this.quietSince = now;
    if (now - this.lastCut < this.recoveryMs) return;
    this.rate = Math.max(this.floorRate, this.rate / 2);
    this.lastCut = now;
  }

  private recover(now: number): void {
    while (this.rate < this.budget && now - this.quietSince >= this.recoveryMs) {
      this.rate = Math.min(this.budget, this.rate * 2);
      this.quietSince += this.recoveryMs;
    }
  }
}

/**
 * Parses a budget from config or the environment: a positive number, or `undefined` for
 * unset/empty. Throws on anything else, naming `source` (never echoing other settings).
 */
export function parseRequestsPerSecond(
  value: string | number | undefined,
  source: string,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isFinite(n) || n < 0.1) {
    throw new Error(`${source} must be a number of requests per second, at least 0.1 (got "${value}").`);
  }
  return n;
}

/** The `globalThis` slot of the process's shared governors (see {@link sharedGovernor}). */
export const GOVERNORS_KEY = '__pulumiAlicloudEiamGovernors';

/**
 * The governor shared by every client of this process with the same budget. It lives on
 * `globalThis` (not a module-level Map) so that a provider serialized by value shares it too.
 */
export function sharedGovernor(requestsPerSecond: number): RateGovernor {
  const slots = globalThis as Record<string, unknown>;
  let map = slots[GOVERNORS_KEY] as Map<number, RateGovernor> | undefined;
  if (!map) {
    map = new Map();
    slots[GOVERNORS_KEY] = map;
  }
  let governor = map.get(requestsPerSecond);
  if (!governor) {
    governor = new RateGovernor({ requestsPerSecond });
    map.set(requestsPerSecond, governor);
  }
  return governor;
}
