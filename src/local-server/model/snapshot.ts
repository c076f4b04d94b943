/**
 * Snapshot codec: turns the service state into plain JSON and back. Maps and Sets are tagged
 * (`{"$map": [[k, v], ...]}`, `{"$set": [...]}`) so they come back as Maps and Sets with their
 * insertion order. Each instance's derived `index` is dropped and rebuilt on restore.
 */
import { EiamError } from './errors';
import { rebuildDirectoryIndex, type InstanceState, type RandomState, type ServiceState } from './state';

/** Format marker of the snapshots this module writes. */
export const SNAPSHOT_FORMAT = 'eiam-local/1';

/** The JSON form of a `ServiceState`. */
export interface ServiceSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  seq: number;
  random: RandomState;
  instances: unknown[];
}

/** A state value (entity, map, set, plain data) in the snapshot's JSON encoding. */
export function encodeSnapshotValue(value: unknown): unknown {
  return encode(value);
}

/** The inverse of {@link encodeSnapshotValue}; a fresh copy. */
export function decodeSnapshotValue(value: unknown): unknown {
  return decode(value, false);
}

function encode(value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k, encode(v)]) };
  if (value instanceof Set) return { $set: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

function decode(value: unknown, inPlace: boolean): unknown {
  if (Array.isArray(value)) {
    if (!inPlace) return value.map((v) => decode(v, false));
    for (let i = 0; i < value.length; i++) value[i] = decode(value[i], true);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj.$map))
      return new Map((obj.$map as [string, unknown][]).map(([k, v]) => [k, decode(v, inPlace)]));
    if (Array.isArray(obj.$set)) return new Set((obj.$set as unknown[]).map((v) => decode(v, inPlace)));
    // Rewriting the parsed object keeps the compact layout JSON.parse gave it; copying every
    // property into a fresh `{}` made a restarted server hold about 1.65x the heap.
    const out: Record<string, unknown> = inPlace ? obj : {};
    for (const [k, v] of Object.entries(obj)) out[k] = decode(v, inPlace);
    return out;
  }
  return value;
}

/** Plain-JSON copy of the state (no shared references with the live state). */
export function snapshotState(state: ServiceState): ServiceSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    seq: state.seq,
    random: [...state.random] as RandomState,
    instances: [...state.instances.values()].map((inst) => {
      const { index: _index, ...rest } = inst;
      return encode(rest);
    }),
  };
}

/**
 * Rebuilds a live state (indexes included) from `snapshotState` output. With `consume`, the snapshot object is
 * taken over and rewritten in place (for a snapshot the caller just parsed and will not reuse).
 */
export function restoreState(json: unknown, consume = false): ServiceState {
  const snap = json as Partial<ServiceSnapshot> | null;
  if (!snap || snap.format !== SNAPSHOT_FORMAT || !Array.isArray(snap.instances)) {
    throw new EiamError('InvalidSnapshot', `Not a ${SNAPSHOT_FORMAT} snapshot.`, 500);
  }
  const instances = new Map<string, InstanceState>();
  for (const raw of snap.instances) {
    const inst = decode(raw, consume) as InstanceState;
    inst.index = rebuildDirectoryIndex(inst);
    instances.set(inst.instanceId, inst);
  }
  return { instances, seq: Number(snap.seq ?? 0), random: [...(snap.random ?? [1, 2, 3, 4])] as RandomState };
}
