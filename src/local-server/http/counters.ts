/** Per-action call and error counters, readable in-process and over `GET /_local/counters`. */

/** Counts for one action. */
export interface ActionCounters {
  /** Requests answered (successes and errors) plus dropped connections. */
  calls: number;
  /** Error responses by wire code (`Throttling.User`, `EntityNotExists.User`, …). */
  errors: Record<string, number>;
  /** Connections dropped by fault injection (no response sent). */
  dropped: number;
}

/**
 * Key under which requests without a valid action are counted (missing, unknown or rejected
 * before the action was known), so arbitrary client input never creates new keys.
 */
export const NO_ACTION = '(none)';

/** A snapshot of all counters: action name (or {@link NO_ACTION}) → counts. */
export type CountersSnapshot = Record<string, ActionCounters>;

/** Mutable counter table; keys are limited to operation names and {@link NO_ACTION}. */
export class Counters {
  private table = new Map<string, ActionCounters>();

  private entry(action: string): ActionCounters {
    let e = this.table.get(action);
    if (!e) this.table.set(action, (e = { calls: 0, errors: {}, dropped: 0 }));
    return e;
  }

  /** Counts one answered call; `errorCode` when it failed. */
  record(action: string, errorCode?: string): void {
    const e = this.entry(action);
    e.calls += 1;
    if (errorCode !== undefined) e.errors[errorCode] = (e.errors[errorCode] ?? 0) + 1;
  }

  /** Counts one call whose connection was dropped by fault injection. */
  recordDrop(action: string): void {
    const e = this.entry(action);
    e.calls += 1;
    e.dropped += 1;
  }

  /** A deep copy of the current counts, sorted by action name. */
  snapshot(): CountersSnapshot {
    const out: CountersSnapshot = {};
    for (const key of [...this.table.keys()].sort()) {
      const e = this.table.get(key)!;
      out[key] = { calls: e.calls, errors: { ...e.errors }, dropped: e.dropped };
    }
    return out;
  }

  /** Sets every count back to zero. */
  reset(): void {
    this.table = new Map();
  }
}
