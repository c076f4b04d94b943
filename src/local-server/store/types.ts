/** The persistence contract between the local server's dispatcher and its stores. */
import type { OperationName } from '../../catalog';

/**
 * One mutating call that reached its handler, with everything needed to replay it
 * deterministically: the model takes its time only from the request time
 * (`EiamService.withTime`) and its ids from a seeded generator whose state is part of the
 * snapshot, so the same calls with the same times from the same snapshot rebuild the same state.
 * Calls whose handler threw are logged too (`failed`), so that even a handler that consumed ids
 * before failing replays into exactly the same generator state.
 */
export interface LoggedCall {
  /** Position in the log, from 1, increasing by one per call; never reused after compaction. */
  readonly seq: number;
  readonly action: OperationName;
  /**
   * The typed parameters the handler received, except that a password is replaced by a
   * placeholder (`SEALED_PASSWORD`): the log never holds one.
   */
  readonly params: Record<string, unknown>;
  readonly requestId: string;
  /** The request time (epoch ms) the handler ran with. */
  readonly now: number;
  /** True when the handler threw (the client got an error); replay expects it to throw again. */
  readonly failed?: boolean;
  /**
   * A successful call that carried a password: the `{salt, hash}` pairs it stored, in order.
   * Replay runs the call with the placeholder and takes these instead of hashing.
   */
  readonly passwordHashes?: readonly { readonly salt: string; readonly hash: string }[];
  /**
   * A failed call that carried a password: the id generator's state after it. Replay restores it
   * instead of re-running the call (with the placeholder it could succeed); such a call fails
   * before changing anything else.
   */
  readonly randomAfter?: readonly number[];
}

/** The durable starting point: the last snapshot (if any) and the calls logged after it. */
export interface PersistedState {
  /** `EiamService.snapshot()` output; `undefined` when the store has never been written. */
  readonly snapshot: unknown;
  /** Calls to replay on top of the snapshot, in order. */
  readonly calls: readonly LoggedCall[];
}

/** Where the service state persists. All methods are synchronous so a call and its commit are atomic. */
export interface StateStore {
  /** Reads the persisted state. */
  load(): PersistedState;
  /** Makes one call durable; returns only once it is (the caller acknowledges afterwards). */
  append(call: Omit<LoggedCall, 'seq'>): void;
  /** True when enough has been logged that a snapshot should replace the log. */
  readonly wantsCompaction: boolean;
  /** Persists `snapshot` as the new starting point and discards the calls it covers. */
  compact(snapshot: unknown): void;
  /** Releases files and locks. Idempotent. */
  close(): void;
}
