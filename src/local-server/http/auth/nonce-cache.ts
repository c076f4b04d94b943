/**
 * Memory of signature nonces, bounded in time: an entry lives only as long as a request carrying
 * it could still pass the timestamp check, so the cache never holds more than the nonces of one
 * validity window.
 */

/** Remembers `(accessKeyId, nonce)` pairs until their request timestamps leave the window. */
export class NonceCache {
  private readonly expiries = new Map<string, number>();
  private nextSweepAt = 0;

  /**
   * @param windowMs how far a request timestamp may be from the server clock.
   * @param sweepEveryMs how often expired entries are dropped (at most).
   */
  constructor(
    private readonly windowMs: number,
    private readonly sweepEveryMs = 10_000,
  ) {}

  /**
   * Records the nonce and tells whether it was new. A replay of the same request is accepted
   * again only once `timestampMs + windowMs` has passed, when its timestamp would be rejected
   * anyway, so the entry can be forgotten then.
   */
  remember(accessKeyId: string, nonce: string, timestampMs: number, nowMs: number): boolean {
    this.sweep(nowMs);
    const key = `${accessKeyId}\u0000${nonce}`;
    const existing = this.expiries.get(key);
    if (existing !== undefined && existing >= nowMs) return false;
    this.expiries.set(key, Math.max(timestampMs, nowMs) + this.windowMs);
    return true;
  }

  /** Number of nonces currently remembered. */
  get size(): number {
    return this.expiries.size;
  }

  /** Forgets every nonce. */
  clear(): void {
    this.expiries.clear();
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweepAt) return;
    this.nextSweepAt = nowMs + this.sweepEveryMs;
    for (const [key, expiry] of this.expiries) {
      if (expiry < nowMs) this.expiries.delete(key);
    }
  }
}
