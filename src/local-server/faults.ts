/**
 * Deterministic fault injection for the local server. From a seed, each API call draws the same
 * fixed number of pseudo-random values, so a given seed always yields the same fault sequence for
 * the same order of calls. Faults are decided before the operation runs: a faulted call never
 * changes state. They apply to API calls only, never to the `/_local/*` control paths.
 *
 * Fault kinds and what the client sees:
 * - throttling: `Throttling.User`, HTTP 400 (Alibaba Cloud's gateway answers flow control with 400);
 * - server error: `ServiceUnavailable` 503 or `InternalError` 500 (half each);
 * - drop: the socket is destroyed without a response;
 * - latency: `latencyMs` plus up to `latencyJitterMs`, added before the answer (also to faulted calls).
 */
import { gatewayErrors, type GatewayError } from './http/errors';

/** Fault injection settings. Rates are probabilities in [0, 1] whose sum is at most 1. */
export interface FaultOptions {
  /** Seed of the fault sequence (default 1). */
  readonly seed?: number;
  /** Share of calls answered with `Throttling.User` (400). */
  readonly throttleRate?: number;
  /** Share of calls answered with `ServiceUnavailable` (503) or `InternalError` (500). */
  readonly errorRate?: number;
  /** Share of calls whose connection is dropped without an answer. */
  readonly dropRate?: number;
  /** Latency added to every API call, in ms. */
  readonly latencyMs?: number;
  /** Extra latency, uniformly drawn in [0, latencyJitterMs), added to every API call. */
  readonly latencyJitterMs?: number;
}

/** What to do with one API call. */
export type FaultDecision =
  | { readonly kind: 'none'; readonly delayMs: number }
  | { readonly kind: 'error'; readonly delayMs: number; readonly error: GatewayError }
  | { readonly kind: 'drop'; readonly delayMs: number };

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rate(name: string, value: number | undefined): number {
  const r = value ?? 0;
  if (!(r >= 0 && r <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1, got ${value}`);
  return r;
}

function nonNegative(name: string, value: number | undefined): number {
  const v = value ?? 0;
  if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`faults.${name} must be a non-negative number`);
  return v;
}

/** Draws the fault of each successive API call from a seeded sequence. */
export class FaultInjector {
  private readonly next: () => number;
  private readonly throttleRate: number;
  private readonly errorRate: number;
  private readonly dropRate: number;
  private readonly latencyMs: number;
  private readonly jitterMs: number;

  /** Validates the options (throws `RangeError`) and seeds the sequence. */
  constructor(options: FaultOptions = {}) {
    this.throttleRate = rate('throttleRate', options.throttleRate);
    this.errorRate = rate('errorRate', options.errorRate);
    this.dropRate = rate('dropRate', options.dropRate);
    if (this.throttleRate + this.errorRate + this.dropRate > 1 + 1e-9) {
      throw new RangeError('faults: throttleRate + errorRate + dropRate must not exceed 1');
    }
    this.latencyMs = nonNegative('latencyMs', options.latencyMs);
    this.jitterMs = nonNegative('latencyJitterMs', options.latencyJitterMs);
    this.next = mulberry32(Number.isFinite(options.seed) ? Number(options.seed) : 1);
  }

  /** True when these options can ever inject anything (so the server can skip the draw). */
  get active(): boolean {
    return this.throttleRate + this.errorRate + this.dropRate > 0 || this.latencyMs > 0 || this.jitterMs > 0;
  }

  /** The fault of the next API call. Always consumes exactly three draws. */
  decide(): FaultDecision {
    const pick = this.next();
    const flavour = this.next();
    const jitter = this.next();
    const delayMs = this.latencyMs + Math.floor(jitter * this.jitterMs);
    if (pick < this.dropRate) return { kind: 'drop', delayMs };
    if (pick < this.dropRate + this.throttleRate) {
      return { kind: 'error', delayMs, error: gatewayErrors.throttled() };
    }
    if (pick < this.dropRate + this.throttleRate + this.errorRate) {
      const error = flavour < 0.5 ? gatewayErrors.serviceUnavailable() : gatewayErrors.internalError();
      return { kind: 'error', delayMs, error };
    }
    return { kind: 'none', delayMs };
  }
}
