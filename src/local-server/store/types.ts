/** The persistence contract between the local server's dispatcher and its stores. */
import type { OperationName } from '../../catalog';
import type { StateChange } from './journal';

/**
 * One journal record: the state change of one mutating call that reached its handler (see
 * `journal.ts`). It holds state, never the call's parameters, so a password sent by a client is
 * never in it (only the salted hash the state keeps). Calls whose handler threw are journaled
 * too when they changed anything (an id drawn before the failure stays drawn).
 */
export interface JournalRecord {
  /** Position in the journal, from 1, increasing by one per record; never reused after compaction. */
  readonly seq: number;
  /** The call that made the change, for diagnostics. */
  readonly action: OperationName;
  readonly requestId: string;
  /** The request time (epoch ms). */
  readonly now: number;
  readonly change: StateChange;
}

/** The durable starting point: the last snapshot (if any) and the records journaled after it. */
export interface PersistedState {
  /** `EiamService.snapshot()` output; `undefined` when the store has never been written. */
  readonly snapshot: unknown;
  /** Records to apply on top of the snapshot, in order. */
  readonly records: readonly JournalRecord[];
}

/** Where the service state persists. All methods are synchronous so a call and its commit are atomic. */
export interface StateStore {
  /** False when nothing persists (then no change is even collected). */
  readonly durable: boolean;
  /** Reads the persisted state. */
  load(): PersistedState;
  /** Makes one record durable; returns only once it is (the caller acknowledges afterwards). */
  append(record: Omit<JournalRecord, 'seq'>): void;
  /** True when enough has been journaled that a snapshot should replace the journal. */
  readonly wantsCompaction: boolean;
  /** Persists `snapshot` as the new starting point and discards the records it covers. */
  compact(snapshot: unknown): void;
  /** Releases files and locks. Idempotent. */
  close(): void;
}
