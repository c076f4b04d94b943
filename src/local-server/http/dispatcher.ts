/**
 * The one place where an authenticated, parsed call meets the service: runs the operation's
 * handler with the request time pinned (`EiamService.withTime`), and commits what every mutating
 * call changed to the store before the caller answers. Handler, commit and compaction are all
 * synchronous, so no other request can interleave between a change and its journal record.
 *
 * Durability is a layer around the model: the journal holds state changes found by a
 * {@link ChangeTracker}, never calls, so nothing is replayed and the model has no part in it.
 * On start, {@link Dispatcher.recover} restores the last snapshot and applies the records
 * journaled after it.
 */
import { OPERATIONS, type OperationName } from '../../catalog';
import type { EiamService } from '../model/service';
import type { RandomState } from '../model/state';
import type { OperationHandler } from '../operations';
import { applyStateChanges, ChangeTracker } from '../store/journal';
import type { JournalRecord, StateStore } from '../store/types';
import { gatewayErrors } from './errors';

/** The handler of every operation (the operations module's `handlers`, or a test double). */
export type HandlerTable = Readonly<Record<OperationName, OperationHandler>>;

/** True when `action` may change state (the catalog's `writes`) and so must be journaled for durability. */
export function isMutating(action: OperationName): boolean {
  return OPERATIONS[action].writes;
}

/** Outcome of {@link Dispatcher.recover}. */
export interface RecoveryReport {
  /** Journal records applied on top of the snapshot. */
  readonly applied: number;
}

/** Options of a {@link Dispatcher}. */
export interface DispatcherOptions {
  readonly service: EiamService;
  readonly handlers: HandlerTable;
  readonly store: StateStore;
}

/** Runs operations against the service and makes their effects durable. */
export class Dispatcher {
  private broken: unknown;
  private readonly tracker = new ChangeTracker();

  /** Binds a service, its handlers and a store. Call {@link recover} before serving. */
  constructor(private readonly options: DispatcherOptions) {}

  /**
   * Loads the persisted state into the service. A store that has never been written gets a first
   * snapshot at once, so the id generator's seed is durable before the first record.
   */
  recover(): RecoveryReport {
    const { service, store } = this.options;
    const persisted = store.load();
    if (persisted.snapshot === undefined) {
      store.compact(service.snapshot());
    } else {
      service.restore(persisted.snapshot, { consume: true });
    }
    applyStateChanges(
      service.state,
      persisted.records.map((r) => r.change),
    );
    if (persisted.records.length > 0) store.compact(service.snapshot());
    return { applied: persisted.records.length };
  }

  /**
   * Runs one operation at time `now`. What a call that may change state changed is committed to
   * the store (also when its handler threw) before this returns or rethrows. A store failure
   * leaves the server refusing further calls (`ServiceUnavailable`): memory then holds a change
   * the disk does not.
   */
  execute(
    action: OperationName,
    params: Record<string, unknown>,
    requestId: string,
    now: number,
  ): Record<string, unknown> {
    if (this.broken !== undefined) throw gatewayErrors.serviceUnavailable();
    const { service, store } = this.options;
    if (!isMutating(action) || !store.durable) return this.run(action, params, requestId, now);
    const before = { seq: service.state.seq, random: [...service.state.random] as RandomState };
    this.tracker.begin(service.state);
    let result: Record<string, unknown> | undefined;
    let failure: unknown;
    let failed = false;
    try {
      result = this.run(action, params, requestId, now);
    } catch (err) {
      failed = true;
      failure = err;
    }
    const change = this.tracker.end(service.state, before);
    if (change) this.commit({ action, requestId, now, change });
    if (failed) throw failure;
    return result!;
  }

  /** Empties the service (as after a fresh start) and persists the empty state. */
  reset(): void {
    this.options.service.reset();
    this.options.store.compact(this.options.service.snapshot());
  }

  private commit(record: Omit<JournalRecord, 'seq'>): void {
    const { store, service } = this.options;
    try {
      store.append(record);
      if (store.wantsCompaction) store.compact(service.snapshot());
    } catch (err) {
      this.broken = err;
      throw err;
    }
  }

  private run(
    action: OperationName,
    params: Record<string, unknown>,
    requestId: string,
    now: number,
  ): Record<string, unknown> {
    const { service, handlers } = this.options;
    return service.withTime(now, () => handlers[action]({ service, requestId, now }, params));
  }
}
