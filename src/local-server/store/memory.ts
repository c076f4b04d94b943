/** The default store: nothing persists, the state lives and dies with the process. */
import type { PersistedState, StateStore } from './types';

/** A store that keeps nothing: every start is a fresh service. */
export class MemoryStore implements StateStore {
  /** Nothing persists. */
  readonly durable = false;
  /** Always false: there is no journal to compact. */
  readonly wantsCompaction = false;

  /** Nothing was persisted. */
  load(): PersistedState {
    return { snapshot: undefined, records: [] };
  }

  /** Nothing to persist. */
  append(): void {}

  /** Nothing to persist. */
  compact(): void {}

  /** Nothing to release. */
  close(): void {}
}
