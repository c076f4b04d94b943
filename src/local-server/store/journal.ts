/**
 * The state-level journal: what one mutating call changed, at the granularity of whole entities
 * (an instance's own fields, one user, one group, one OU, one application, one client token),
 * taken from the state itself after the call. Recovery applies these changes to the last
 * snapshot; nothing is re-run, so a restart never depends on the server's options (creation
 * delay, handlers) or on the model being deterministic, and the model knows nothing of it.
 *
 * How changes are found: {@link ChangeTracker.adopt} swaps the state's collections (the instance
 * map and each instance's entity maps) for {@link ObservedMap}s. While a call is open, every key
 * read with `get`, written, deleted or passed by an iteration is noted as touched. Entities are
 * only reachable through these maps (the index holds ids, never objects), so every entity a call
 * can have changed is among the touched ones; an over-approximation only makes a record larger.
 */
import { decodeSnapshotValue, encodeSnapshotValue } from '../model/snapshot';
import {
  rebuildDirectoryIndex,
  type InstanceState,
  type RandomState,
  type ServiceState,
} from '../model/state';

/** The entity collections of an instance, each journaled entity by entity. */
export const ENTITY_COLLECTIONS = [
  'organizationalUnits',
  'users',
  'groups',
  'applications',
  'clientTokens',
  'customFields',
  'identityProviders',
  'userAuthnSourceMappings',
  'networkZones',
  'conditionalAccessPolicies',
] as const satisfies readonly (keyof InstanceState)[];

/** One of {@link ENTITY_COLLECTIONS}. */
export type EntityCollection = (typeof ENTITY_COLLECTIONS)[number];

/** Instance fields that are neither a collection nor derived (the index). */
const NOT_SCALAR = new Set<string>([...ENTITY_COLLECTIONS, 'index']);

/** What a call changed in one instance (values in the snapshot's JSON encoding). */
export interface InstanceChange {
  readonly instanceId: string;
  /** The instance is gone. */
  readonly removed?: true;
  /** The instance in full (new, or its collections were replaced); `put`/`deleted` are then absent. */
  readonly full?: unknown;
  /** The instance's own fields (everything but the collections and the index). */
  readonly fields?: Record<string, unknown>;
  /** Entities written, per collection: `[id, encoded entity]`. */
  readonly put?: Partial<Record<EntityCollection, [string, unknown][]>>;
  /** Entities removed, per collection. */
  readonly deleted?: Partial<Record<EntityCollection, string[]>>;
}

/** The state change of one call. */
export interface StateChange {
  /** The state's creation sequence counter after the call. */
  readonly seq: number;
  /** The id generator after the call. */
  readonly random: RandomState;
  readonly instances: readonly InstanceChange[];
}

/** Receives the keys an {@link ObservedMap} hands out or changes. */
type KeyObserver = (key: string) => void;

/**
 * A `Map` that reports touched keys to an observer (when one is set). `has`, `size` and `keys`
 * give no entity away and report nothing.
 */
export class ObservedMap<V> extends Map<string, V> {
  /** Set by the tracker while a call is open. */
  observer: KeyObserver | undefined;

  override get(key: string): V | undefined {
    this.observer?.(key);
    return super.get(key);
  }

  override set(key: string, value: V): this {
    this.observer?.(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.observer?.(key);
    return super.delete(key);
  }

  override clear(): void {
    this.touchAll();
    super.clear();
  }

  override values(): MapIterator<V> {
    this.touchAll();
    return super.values();
  }

  override entries(): MapIterator<[string, V]> {
    this.touchAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.touchAll();
    super.forEach(fn, thisArg);
  }

  private touchAll(): void {
    const observer = this.observer;
    if (observer) for (const key of super.keys()) observer(key);
  }
}

function observe<V>(map: Map<string, V>): ObservedMap<V> {
  return map instanceof ObservedMap ? map : new ObservedMap(map);
}

function isObserved(inst: InstanceState): boolean {
  return ENTITY_COLLECTIONS.every((c) => inst[c] instanceof ObservedMap);
}

function instanceFields(inst: InstanceState): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inst)) {
    if (!NOT_SCALAR.has(key) && value !== undefined) fields[key] = encodeSnapshotValue(value);
  }
  return fields;
}

function fullInstance(inst: InstanceState): unknown {
  const { index: _index, ...rest } = inst;
  return encodeSnapshotValue(rest);
}

/** Finds what each mutating call changed in one service state (see the module comment). */
export class ChangeTracker {
  private state: ServiceState | undefined;
  private open = false;
  private touchedInstances = new Set<string>();
  private touchedEntities = new Map<string, Map<EntityCollection, Set<string>>>();

  /** Observes `state` (again, when the service replaced its state object). */
  private adopt(state: ServiceState): void {
    const instances = observe(state.instances);
    state.instances = instances;
    instances.observer = (id) => this.open && this.touchedInstances.add(id);
    for (const inst of instances.values()) this.observeInstance(inst);
    this.state = state;
  }

  private observeInstance(inst: InstanceState): void {
    for (const collection of ENTITY_COLLECTIONS) {
      const map = observe(inst[collection] as Map<string, unknown>);
      (inst as unknown as Record<EntityCollection, ObservedMap<unknown>>)[collection] = map;
      map.observer = (id) => this.open && this.entitySet(inst.instanceId, collection).add(id);
    }
  }

  private entitySet(instanceId: string, collection: EntityCollection): Set<string> {
    let perInstance = this.touchedEntities.get(instanceId);
    if (!perInstance) this.touchedEntities.set(instanceId, (perInstance = new Map()));
    let ids = perInstance.get(collection);
    if (!ids) perInstance.set(collection, (ids = new Set()));
    return ids;
  }

  /** Starts noting what the next call touches in `state`. */
  begin(state: ServiceState): void {
    if (state !== this.state) this.adopt(state);
    this.touchedInstances.clear();
    this.touchedEntities.clear();
    this.open = true;
  }

  /**
   * Ends the call begun by {@link begin} and returns what it changed, or `undefined` when it
   * touched nothing and left the counters as they were (`before`).
   */
  end(state: ServiceState, before: { seq: number; random: RandomState }): StateChange | undefined {
    this.open = false;
    if (state !== this.state) this.adopt(state);
    const instances = state.instances as ObservedMap<InstanceState>;
    const ids = new Set([...this.touchedInstances, ...this.touchedEntities.keys()]);
    const changes: InstanceChange[] = [];
    for (const instanceId of ids) {
      const inst = Map.prototype.get.call(instances, instanceId) as InstanceState | undefined;
      if (!inst) {
        changes.push({ instanceId, removed: true });
      } else if (!isObserved(inst)) {
        changes.push({ instanceId, full: fullInstance(inst) });
        this.observeInstance(inst);
      } else {
        changes.push(this.entityChanges(inst));
      }
    }
    const sameCounters =
      state.seq === before.seq && state.random.every((word, i) => word === before.random[i]);
    if (changes.length === 0 && sameCounters) return undefined;
    return { seq: state.seq, random: [...state.random] as RandomState, instances: changes };
  }

  private entityChanges(inst: InstanceState): InstanceChange {
    const put: Partial<Record<EntityCollection, [string, unknown][]>> = {};
    const deleted: Partial<Record<EntityCollection, string[]>> = {};
    for (const [collection, ids] of this.touchedEntities.get(inst.instanceId) ?? []) {
      const map = inst[collection] as Map<string, unknown>;
      for (const id of ids) {
        // Plain Map reads: the call is over, nothing more is being touched.
        const entity = Map.prototype.get.call(map, id);
        if (entity === undefined) (deleted[collection] ??= []).push(id);
        else (put[collection] ??= []).push([id, encodeSnapshotValue(entity)]);
      }
    }
    return { instanceId: inst.instanceId, fields: instanceFields(inst), put, deleted };
  }
}

/**
 * Applies journaled changes, in order, to a state restored from the snapshot they follow, then
 * rebuilds the derived index of every instance they touched.
 */
export function applyStateChanges(state: ServiceState, changes: readonly StateChange[]): void {
  const touched = new Set<string>();
  for (const change of changes) {
    state.seq = change.seq;
    state.random = [...change.random] as RandomState;
    for (const c of change.instances) {
      touched.add(c.instanceId);
      if (c.removed) {
        state.instances.delete(c.instanceId);
        continue;
      }
      if (c.full !== undefined) {
        state.instances.set(c.instanceId, decodeSnapshotValue(c.full) as InstanceState);
        continue;
      }
      const inst = state.instances.get(c.instanceId);
      if (!inst) throw new Error(`The journal changes instance ${c.instanceId}, which it never created.`);
      const record = inst as unknown as Record<string, unknown>;
      for (const key of Object.keys(record)) if (!NOT_SCALAR.has(key)) delete record[key];
      Object.assign(record, decodeSnapshotValue(c.fields ?? {}));
      for (const collection of ENTITY_COLLECTIONS) {
        // Instances restored from snapshots older than a collection get it here.
        const map = ((inst as unknown as Record<string, unknown>)[collection] ??= new Map()) as Map<
          string,
          unknown
        >;
        for (const [id, entity] of c.put?.[collection] ?? []) map.set(id, decodeSnapshotValue(entity));
        for (const id of c.deleted?.[collection] ?? []) map.delete(id);
      }
    }
  }
  for (const id of touched) {
    const inst = state.instances.get(id);
    if (inst) inst.index = rebuildDirectoryIndex(inst);
  }
}
