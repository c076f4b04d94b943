/**
 * `EiamService`: the emulated EIAM backend and the only owner of its state (the store, reset,
 * snapshot and restore). The business rules are operation-named functions of the per-entity
 * modules (instances, organizational units, users, groups, password policy, applications), each
 * taking the service as its narrow `ModelContext`; handlers call those functions directly.
 *
 * Determinism: time comes only from `now()` (the injected clock, or the time pinned by
 * `withTime` for the duration of one request) and ids only from `newId()` (a seeded PRNG whose
 * state is in the snapshot). Replaying the same requests with the same times from the same
 * snapshot therefore yields the same state. Durability is not the service's concern: the
 * dispatcher journals the state changes of each call (`store/journal.ts`).
 */
import type { ModelContext } from './context';
import { instanceNotRunning, notFound } from './errors';
import { idBody, nextUint32, seedRandomState } from './ids';
import { restoreState, snapshotState, type ServiceSnapshot } from './snapshot';
import type {
  GroupState,
  InstanceState,
  InstanceStatus,
  OrganizationalUnitState,
  ServiceState,
  UserState,
} from './state';
import { scryptPasswordHasher, type PasswordHasher } from './password-policy';
import { forgetPrincipal } from './applications';
import { forgetIdentityProviderReferences } from './identity-providers';
import type { PrincipalKind } from './application-state';
import { forgetPrincipalInPolicies } from './conditional-access';

/** Construction options of `EiamService`. */
export interface EiamServiceOptions {
  /** Source of the current time in epoch ms (default `Date.now`). */
  clock?: () => number;
  /** How long a new instance stays `creating` (default 0: running at once). */
  instanceCreationDelayMs?: number;
  /**
   * Replaces the seeded id generator with this float source in [0, 1). Its state is not part of
   * the snapshot, so replays are deterministic only if the caller makes it so.
   */
  random?: () => number;
  /** Seed of the id generator (default: random). */
  seed?: number | string;
  /** Region the emulator pretends to run in (default `cn-hangzhou`). */
  regionId?: string;
  /** How passwords are hashed (default: scrypt). */
  passwordHasher?: PasswordHasher;
}

/** The kinds of directory principal whose deletion other modules must hear about. */
export type { PrincipalKind };

/** Called after a principal is removed from the directory, before the request returns. */
export type PrincipalDeletedListener = (inst: InstanceState, kind: PrincipalKind, id: string) => void;

function emptyState(seed?: number | string): ServiceState {
  return { instances: new Map(), seq: 0, random: seedRandomState(seed) };
}

/** The emulated EIAM service: state plus business rules. */
export class EiamService implements ModelContext {
  /** The whole store. Mutated only by this class and the model modules it delegates to. */
  state: ServiceState;
  /** Delay between CreateInstance and the instance reporting `running`. */
  readonly instanceCreationDelayMs: number;
  /** Region this emulator answers for. */
  readonly regionId: string;

  private readonly clock: () => number;
  private readonly injectedRandom?: () => number;
  private readonly seed?: number | string;
  private pinnedNow?: number;
  /** How passwords are hashed. */
  readonly passwordHasher: PasswordHasher;
  private readonly principalListeners: PrincipalDeletedListener[] = [];

  constructor(opts: EiamServiceOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.instanceCreationDelayMs = opts.instanceCreationDelayMs ?? 0;
    this.injectedRandom = opts.random;
    this.seed = opts.seed;
    this.regionId = opts.regionId ?? 'cn-hangzhou';
    this.passwordHasher = opts.passwordHasher ?? scryptPasswordHasher;
    this.state = emptyState(opts.seed);
    // Deleting a user, group or OU also drops the application authorizations and provisioning
    // scope entries that point at it.
    this.onPrincipalDeleted(forgetPrincipal);
    // ... and the identity provider bindings and synchronization targets.
    this.onPrincipalDeleted(forgetIdentityProviderReferences);
    // ...and drops it from the conditions of the conditional access policies.
    this.onPrincipalDeleted(forgetPrincipalInPolicies);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Current time (epoch ms): the pinned request time if any, else the clock. */
  now(): number {
    return this.pinnedNow ?? this.clock();
  }

  /**
   * Runs `fn` with `now()` fixed to `now`. The dispatcher wraps every request in it so that one
   * request sees one time and a replay (which passes the recorded time) sees the same time.
   */
  withTime<T>(now: number, fn: () => T): T {
    const previous = this.pinnedNow;
    this.pinnedNow = now;
    try {
      return fn();
    } finally {
      this.pinnedNow = previous;
    }
  }

  /** Next float in [0, 1) from the id generator. */
  random(): number {
    if (this.injectedRandom) return this.injectedRandom();
    return nextUint32(this.state.random) / 0x100000000;
  }

  /** A fresh id such as `user_` + 26 lowercase alphanumerics. */
  newId(prefix: string): string {
    return `${prefix}_${idBody(() => this.random())}`;
  }

  /** Next creation sequence number (the stable listing order of every entity). */
  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  /** Drops every instance. The id generator restarts from the construction seed. */
  reset(): void {
    this.state = emptyState(this.seed);
  }

  /** Plain-JSON copy of the whole state, generator state included. */
  snapshot(): ServiceSnapshot {
    return snapshotState(this.state);
  }

  /**
   * Replaces the state with a snapshot taken by `snapshot()`. With `consume`, the snapshot object
   * is rewritten in place instead of copied (for a freshly parsed snapshot nobody reuses).
   */
  restore(json: unknown, options: { consume?: boolean } = {}): void {
    this.state = restoreState(json, options.consume ?? false);
  }

  /** A new service whose state is the given snapshot. */
  static fromSnapshot(json: unknown, opts: EiamServiceOptions = {}): EiamService {
    const service = new EiamService(opts);
    service.restore(json);
    return service;
  }

  /** Registers a listener for principal deletions; returns a function that unregisters it. */
  onPrincipalDeleted(listener: PrincipalDeletedListener): () => void {
    // Registering the same listener twice is a no-op, so modules may register defensively.
    if (!this.principalListeners.includes(listener)) this.principalListeners.push(listener);
    return () => {
      const i = this.principalListeners.indexOf(listener);
      if (i >= 0) this.principalListeners.splice(i, 1);
    };
  }

  /** Tells every listener (the applications module) that a principal is gone. */
  principalDeleted(inst: InstanceState, kind: PrincipalKind, id: string): void {
    for (const listener of this.principalListeners) listener(inst, kind, id);
  }

  // ---- accessors shared with the applications module ------------------------------------------

  /** The instance's status now, promoting `creating` to `running` once its delay has passed. */
  instanceStatus(inst: InstanceState): InstanceStatus {
    if (inst.status === 'creating' && this.now() >= inst.runningAt) inst.status = 'running';
    return inst.status;
  }

  /** The instance, whatever its status; `EntityNotExists.Instance` when unknown. */
  requireInstance(instanceId: string): InstanceState {
    const inst = this.state.instances.get(instanceId);
    if (!inst) throw notFound('Instance', instanceId);
    return inst;
  }

  /** The instance if it is running; `OperationDenied.InstanceStatus` while it is being created. */
  requireRunningInstance(instanceId: string): InstanceState {
    const inst = this.requireInstance(instanceId);
    const status = this.instanceStatus(inst);
    if (status !== 'running') throw instanceNotRunning(instanceId, status);
    return inst;
  }

  /** The user; `EntityNotExists.User` when unknown in this instance. */
  requireUser(inst: InstanceState, userId: string): UserState {
    const user = inst.users.get(userId);
    if (!user) throw notFound('User', userId);
    return user;
  }

  /** The group; `EntityNotExists.Group` when unknown in this instance. */
  requireGroup(inst: InstanceState, groupId: string): GroupState {
    const group = inst.groups.get(groupId);
    if (!group) throw notFound('Group', groupId);
    return group;
  }

  /** The OU; `EntityNotExists.OrganizationalUnit` when unknown in this instance. */
  requireOrganizationalUnit(inst: InstanceState, ouId: string): OrganizationalUnitState {
    const ou = inst.organizationalUnits.get(ouId);
    if (!ou) throw notFound('OrganizationalUnit', ouId);
    return ou;
  }

  /** Ids of the OU's ancestors, nearest first, ending with the root (the OU itself excluded). */
  ancestorsOf(inst: InstanceState, ouId: string): string[] {
    const out: string[] = [];
    let current = this.requireOrganizationalUnit(inst, ouId).parentId;
    while (current !== undefined) {
      out.push(current);
      current = inst.organizationalUnits.get(current)?.parentId;
    }
    return out;
  }

  /** Ids of the groups the user belongs to, in the order joined. */
  groupsOfUser(inst: InstanceState, userId: string): string[] {
    return [...this.requireUser(inst, userId).groupIds];
  }

  /** Ids of the OUs the user belongs to (primary first). */
  organizationalUnitsOfUser(inst: InstanceState, userId: string): string[] {
    const user = this.requireUser(inst, userId);
    const rest = [...user.organizationalUnitIds].filter((id) => id !== user.primaryOrganizationalUnitId);
    return [user.primaryOrganizationalUnitId, ...rest];
  }

  /** Ids of the users in a group, in user creation order. */
  membersOfGroup(inst: InstanceState, groupId: string): string[] {
    this.requireGroup(inst, groupId);
    return inst.index.groupMembers.get(groupId)?.toArray() ?? [];
  }

  /** Ids of the users directly in an OU (primary or not), in user creation order. */
  membersOfOrganizationalUnit(inst: InstanceState, ouId: string): string[] {
    this.requireOrganizationalUnit(inst, ouId);
    return inst.index.ouMembers.get(ouId)?.toArray() ?? [];
  }

  /**
   * Runs `create` once per `ClientToken`: a retry carrying the same token of the same operation
   * gets the id the first request created, as long as that entity still exists (`exists`).
   */
  idempotent(
    inst: InstanceState,
    operation: string,
    clientToken: string | undefined,
    exists: (id: string) => boolean,
    create: () => string,
  ): string {
    if (!clientToken) return create();
    const key = `${operation}:${clientToken}`;
    const previous = inst.clientTokens.get(key);
    if (previous !== undefined && exists(previous)) return previous;
    const id = create();
    inst.clientTokens.set(key, id);
    return id;
  }
}
