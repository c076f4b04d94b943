/**
 * The one place where an authenticated, parsed call meets the service: runs the operation's
 * handler with the request time pinned (`EiamService.withTime`), and commits every mutating call
 * that reached its handler to the store before the caller answers. Handler, commit and
 * compaction are all synchronous, so no other request can interleave between a change and its
 * log record.
 *
 * On start, {@link Dispatcher.recover} rebuilds the state from the store: the last snapshot,
 * then the logged calls replayed through the same handlers with their recorded times.
 *
 * Passwords never reach the log: a call carrying one is logged with a placeholder and, when it
 * succeeded, the salted hashes it stored (replayed in their place, see `PasswordSeal`); when it
 * failed, the id generator's state after it (restored instead of re-running the call).
 */
import { OPERATIONS, type OperationName } from '../../catalog';
import { SEALED_PASSWORD, withPasswordSeal, type PasswordSeal } from '../model/password-policy';
import type { EiamService } from '../model/service';
import type { RandomState } from '../model/state';
import type { OperationHandler } from '../operations';
import type { LoggedCall, StateStore } from '../store/types';
import { gatewayErrors } from './errors';

/** The handler of every operation (the operations module's `handlers`, or a test double). */
export type HandlerTable = Readonly<Record<OperationName, OperationHandler>>;

/** Parameters that carry a password (`CreateUser`, `UpdateUserPassword`): never logged. */
const PASSWORD_PARAMS = ['Password'];

/** `params` with every non-empty password replaced by the placeholder; `undefined` when none. */
function sealPasswords(params: Record<string, unknown>): Record<string, unknown> | undefined {
  let sealed: Record<string, unknown> | undefined;
  for (const name of PASSWORD_PARAMS) {
    const value = params[name];
    if (value === undefined || value === '') continue;
    sealed ??= { ...params };
    sealed[name] = SEALED_PASSWORD;
  }
  return sealed;
}

/** True when `action` may change state (the catalog's `writes`) and so must be logged for durability. */
export function isMutating(action: OperationName): boolean {
  return OPERATIONS[action].writes;
}

/** Outcome of {@link Dispatcher.recover}. */
export interface RecoveryReport {
  /** Logged calls replayed on top of the snapshot. */
  readonly replayed: number;
  /** Replayed calls whose outcome (success or failure) differed from the original (should be 0). */
  readonly diverged: number;
}

/** Options of a {@link Dispatcher}. */
export interface DispatcherOptions {
  readonly service: EiamService;
  readonly handlers: HandlerTable;
  readonly store: StateStore;
  /** Told about a logged call whose replay went differently from the original (a determinism bug). */
  readonly onReplayError?: (message: string) => void;
}

/** Runs operations against the service and makes their effects durable. */
export class Dispatcher {
  private broken: unknown;

  /** Binds a service, its handlers and a store. Call {@link recover} before serving. */
  constructor(private readonly options: DispatcherOptions) {}

  /**
   * Loads the persisted state into the service. A store that has never been written gets a first
   * snapshot at once, so the id generator's seed is durable before the first call is logged.
   */
  recover(): RecoveryReport {
    const { service, store } = this.options;
    const persisted = store.load();
    if (persisted.snapshot === undefined) {
      store.compact(service.snapshot());
    } else {
      service.restore(persisted.snapshot, { consume: true });
    }
    let diverged = 0;
    for (const call of persisted.calls) {
      const outcome = this.replay(call);
      if (outcome !== undefined) {
        diverged += 1;
        this.options.onReplayError?.(
          `replay of logged call ${call.seq} (${call.action}, request ${call.requestId}): ${outcome}`,
        );
      }
    }
    if (persisted.calls.length > 0) store.compact(service.snapshot());
    return { replayed: persisted.calls.length, diverged };
  }

  /**
   * Runs one operation at time `now`. A call that may change state is committed to the store
   * (flagged `failed` when its handler threw) before this returns or rethrows. A store failure
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
    if (!isMutating(action)) return this.run(action, params, requestId, now);
    const { service } = this.options;
    const sealedParams = sealPasswords(params);
    const seal: PasswordSeal | undefined = sealedParams && { mode: 'record', hashes: [] };
    let result: Record<string, unknown> | undefined;
    let failure: unknown;
    let failed = false;
    try {
      result = seal
        ? withPasswordSeal(service, seal, () => this.run(action, params, requestId, now))
        : this.run(action, params, requestId, now);
    } catch (err) {
      failed = true;
      failure = err;
    }
    if (!seal) {
      this.commit({ action, params, requestId, now, ...(failed ? { failed } : {}) });
    } else if (failed) {
      const randomAfter = [...service.state.random];
      this.commit({ action, params: sealedParams!, requestId, now, failed, randomAfter });
    } else {
      this.commit({ action, params: sealedParams!, requestId, now, passwordHashes: seal.hashes });
    }
    if (failed) throw failure;
    return result!;
  }

  /** Empties the service (as after a fresh start) and persists the empty state. */
  reset(): void {
    this.options.service.reset();
    this.options.store.compact(this.options.service.snapshot());
  }

  private commit(call: Omit<LoggedCall, 'seq'>): void {
    const { store, service } = this.options;
    try {
      store.append(call);
      if (store.wantsCompaction) store.compact(service.snapshot());
    } catch (err) {
      this.broken = err;
      throw err;
    }
  }

  /** Replays one logged call; returns what went differently, or `undefined` when it matched. */
  private replay(call: LoggedCall): string | undefined {
    const { service } = this.options;
    if (call.failed && call.randomAfter !== undefined) {
      // A failed call with a password: not re-run (the placeholder could pass where the password
      // failed). It failed before changing anything but, possibly, the id generator.
      service.state.random = [...call.randomAfter] as RandomState;
      return undefined;
    }
    const seal: PasswordSeal | undefined = call.passwordHashes && {
      mode: 'replay',
      hashes: call.passwordHashes,
      next: 0,
    };
    const run = () => this.run(call.action, call.params, call.requestId, call.now);
    try {
      if (seal) withPasswordSeal(service, seal, run);
      else run();
    } catch (err) {
      return call.failed ? undefined : `failed on replay (${String(err)}) but succeeded originally`;
    }
    if (call.failed) return 'succeeded on replay but failed originally';
    if (seal && seal.next !== seal.hashes.length) {
      return `used ${seal.next} of its ${seal.hashes.length} logged password hashes`;
    }
    return undefined;
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
