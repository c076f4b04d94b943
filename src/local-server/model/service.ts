/**
 * `EiamService`: the emulated EIAM backend and the only owner of its state. Operation handlers call
 * its operation-named methods; the business rules live in the per-entity modules it delegates to
 * (instances, organizational units, users, groups, password policy). Applications are handled by
 * `applications.ts`, which uses the accessors defined here.
 *
 * Determinism: time comes only from `now()` (the injected clock, or the time pinned by
 * `withTime` for the duration of one request) and ids only from `newId()` (a seeded PRNG whose
 * state is in the snapshot). Replaying the same requests with the same times from the same
 * snapshot therefore yields the same state. Durability is not the service's concern: the
 * dispatcher journals the state changes of each call (`store/journal.ts`).
 */
import { EiamError, instanceNotRunning, notFound } from './errors';
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
import * as instances from './instances';
import * as ous from './organizational-units';
import * as users from './users';
import * as groups from './groups';
import * as passwords from './password-policy';
import { REGIONS, type RegionInfo } from './regions';
import { forgetPrincipal } from './applications';
import type { PrincipalKind } from './application-state';

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
  passwordHasher?: passwords.PasswordHasher;
}

/** The kinds of directory principal whose deletion other modules must hear about. */
export type { PrincipalKind };

/** Called after a principal is removed from the directory, before the request returns. */
export type PrincipalDeletedListener = (inst: InstanceState, kind: PrincipalKind, id: string) => void;

function emptyState(seed?: number | string): ServiceState {
  return { instances: new Map(), seq: 0, random: seedRandomState(seed) };
}

/** The emulated EIAM service: state plus business rules. */
export class EiamService {
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
  readonly passwordHasher: passwords.PasswordHasher;
  private readonly principalListeners: PrincipalDeletedListener[] = [];

  constructor(opts: EiamServiceOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.instanceCreationDelayMs = opts.instanceCreationDelayMs ?? 0;
    this.injectedRandom = opts.random;
    this.seed = opts.seed;
    this.regionId = opts.regionId ?? 'cn-hangzhou';
    this.passwordHasher = opts.passwordHasher ?? passwords.scryptPasswordHasher;
    this.state = emptyState(opts.seed);
    // Deleting a user, group or OU also drops the application authorizations and provisioning
    // scope entries that point at it.
    this.onPrincipalDeleted(forgetPrincipal);
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

  /** Fails with a clear error when an internal invariant is broken (a bug, not a client error). */
  invariant(condition: unknown, message: string): asserts condition {
    if (!condition) throw new EiamError('InternalError', message, 500);
  }

  // ---- regions and instances ------------------------------------------------------------------

  /** ListRegions. */
  listRegions(): readonly RegionInfo[] {
    return REGIONS;
  }

  /** CreateInstance. */
  createInstance(input: instances.CreateInstanceInput): InstanceState {
    return instances.createInstance(this, input);
  }

  /** DeleteInstance: removes the instance and everything in it. */
  deleteInstance(instanceId: string): void {
    instances.deleteInstance(this, instanceId);
  }

  /** UpdateInstanceDescription. */
  updateInstanceDescription(instanceId: string, description: string | undefined): void {
    instances.updateInstanceDescription(this, instanceId, description);
  }

  /** GetInstance. */
  getInstance(instanceId: string): instances.InstanceView {
    return instances.getInstance(this, instanceId);
  }

  /** ListInstances. */
  listInstances(filter: instances.ListInstancesFilter): instances.InstancePage {
    return instances.listInstances(this, filter);
  }

  // ---- organizational units -------------------------------------------------------------------

  /** CreateOrganizationalUnit. */
  createOrganizationalUnit(
    instanceId: string,
    input: ous.CreateOrganizationalUnitInput,
  ): OrganizationalUnitState {
    return ous.createOrganizationalUnit(this, this.requireRunningInstance(instanceId), input);
  }

  /** DeleteOrganizationalUnit: refuses an OU that has child OUs or member users. */
  deleteOrganizationalUnit(instanceId: string, ouId: string): void {
    ous.deleteOrganizationalUnit(this, this.requireRunningInstance(instanceId), ouId);
  }

  /** DeleteOrganizationalUnitChildren: removes the OU, its subtree and the accounts homed in it. */
  deleteOrganizationalUnitChildren(instanceId: string, ouId: string): void {
    ous.deleteOrganizationalUnitSubtree(this, this.requireRunningInstance(instanceId), ouId);
  }

  /** UpdateOrganizationalUnit (unset fields unchanged). */
  updateOrganizationalUnit(instanceId: string, ouId: string, input: ous.UpdateOrganizationalUnitInput): void {
    ous.updateOrganizationalUnit(this, this.requireRunningInstance(instanceId), ouId, input);
  }

  /** UpdateOrganizationalUnitDescription. */
  updateOrganizationalUnitDescription(
    instanceId: string,
    ouId: string,
    description: string | undefined,
  ): void {
    ous.updateOrganizationalUnitDescription(this, this.requireRunningInstance(instanceId), ouId, description);
  }

  /** UpdateOrganizationalUnitParentId: moves an OU (never under itself or its descendants). */
  moveOrganizationalUnit(instanceId: string, ouId: string, parentId: string): void {
    ous.moveOrganizationalUnit(this, this.requireRunningInstance(instanceId), ouId, parentId);
  }

  /** GetRootOrganizationalUnit. */
  getRootOrganizationalUnit(instanceId: string): OrganizationalUnitState {
    const inst = this.requireRunningInstance(instanceId);
    return this.requireOrganizationalUnit(inst, inst.rootOrganizationalUnitId);
  }

  /** GetOrganizationalUnit. */
  getOrganizationalUnit(instanceId: string, ouId: string): ous.OrganizationalUnitView {
    const inst = this.requireRunningInstance(instanceId);
    return ous.viewOrganizationalUnit(inst, this.requireOrganizationalUnit(inst, ouId));
  }

  /** ListOrganizationalUnits. */
  listOrganizationalUnits(
    instanceId: string,
    filter: ous.ListOrganizationalUnitsFilter,
  ): ous.OrganizationalUnitPage {
    return ous.listOrganizationalUnits(this, this.requireRunningInstance(instanceId), filter);
  }

  // ---- users ----------------------------------------------------------------------------------

  /** CreateUser. */
  createUser(instanceId: string, input: users.CreateUserInput): UserState {
    return users.createUser(this, this.requireRunningInstance(instanceId), input);
  }

  /** DeleteUser: also drops its memberships and application authorizations. */
  deleteUser(instanceId: string, userId: string): void {
    users.deleteUser(this, this.requireRunningInstance(instanceId), userId);
  }

  /** UpdateUser (unset or empty fields unchanged). */
  updateUser(instanceId: string, userId: string, input: users.UpdateUserInput): void {
    users.updateUser(this, this.requireRunningInstance(instanceId), userId, input);
  }

  /** UpdateUserDescription. */
  updateUserDescription(instanceId: string, userId: string, description: string | undefined): void {
    users.updateUserDescription(this, this.requireRunningInstance(instanceId), userId, description);
  }

  /** UpdateUserPassword: checked against the password policy. */
  updateUserPassword(instanceId: string, userId: string, input: users.UpdateUserPasswordInput): void {
    users.updateUserPassword(this, this.requireRunningInstance(instanceId), userId, input);
  }

  /** EnableUser / DisableUser. */
  setUserStatus(instanceId: string, userId: string, status: 'enabled' | 'disabled'): void {
    users.setUserStatus(this, this.requireRunningInstance(instanceId), userId, status);
  }

  /** Locks an account until `until` (as failed logons would); not an API operation. */
  lockUser(instanceId: string, userId: string, until: number): void {
    users.lockUser(this, this.requireRunningInstance(instanceId), userId, until);
  }

  /** UnlockUser. */
  unlockUser(instanceId: string, userId: string): void {
    users.unlockUser(this, this.requireRunningInstance(instanceId), userId);
  }

  /** AddUserToOrganizationalUnits (idempotent). */
  addUserToOrganizationalUnits(instanceId: string, userId: string, ouIds: string[]): void {
    users.addUserToOrganizationalUnits(this, this.requireRunningInstance(instanceId), userId, ouIds);
  }

  /** RemoveUserFromOrganizationalUnits (never the primary OU). */
  removeUserFromOrganizationalUnits(instanceId: string, userId: string, ouIds: string[]): void {
    users.removeUserFromOrganizationalUnits(this, this.requireRunningInstance(instanceId), userId, ouIds);
  }

  /** SetUserPrimaryOrganizationalUnit. */
  setUserPrimaryOrganizationalUnit(instanceId: string, userId: string, ouId: string): void {
    users.setUserPrimaryOrganizationalUnit(this, this.requireRunningInstance(instanceId), userId, ouId);
  }

  /** GetUser: the account with its groups and OUs. */
  getUser(instanceId: string, userId: string): users.UserView {
    const inst = this.requireRunningInstance(instanceId);
    return users.viewUser(this, inst, this.requireUser(inst, userId));
  }

  /** ListUsers (page number or token paging). */
  listUsers(instanceId: string, filter: users.ListUsersFilter): users.UserPage {
    return users.listUsers(this, this.requireRunningInstance(instanceId), filter);
  }

  // ---- groups ---------------------------------------------------------------------------------

  /** CreateGroup. */
  createGroup(instanceId: string, input: groups.CreateGroupInput): GroupState {
    return groups.createGroup(this, this.requireRunningInstance(instanceId), input);
  }

  /** DeleteGroup: also drops its memberships and application authorizations. */
  deleteGroup(instanceId: string, groupId: string): void {
    groups.deleteGroup(this, this.requireRunningInstance(instanceId), groupId);
  }

  /** UpdateGroup (unset fields unchanged). */
  updateGroup(instanceId: string, groupId: string, input: groups.UpdateGroupInput): void {
    groups.updateGroup(this, this.requireRunningInstance(instanceId), groupId, input);
  }

  /** UpdateGroupDescription. */
  updateGroupDescription(instanceId: string, groupId: string, description: string | undefined): void {
    groups.updateGroupDescription(this, this.requireRunningInstance(instanceId), groupId, description);
  }

  /** AddUsersToGroup (idempotent per user). */
  addUsersToGroup(instanceId: string, groupId: string, userIds: string[]): void {
    groups.addUsersToGroup(this, this.requireRunningInstance(instanceId), groupId, userIds);
  }

  /** RemoveUsersFromGroup (users not in the group are ignored). */
  removeUsersFromGroup(instanceId: string, groupId: string, userIds: string[]): void {
    groups.removeUsersFromGroup(this, this.requireRunningInstance(instanceId), groupId, userIds);
  }

  /** GetGroup. */
  getGroup(instanceId: string, groupId: string): GroupState {
    const inst = this.requireRunningInstance(instanceId);
    return this.requireGroup(inst, groupId);
  }

  /** ListGroups. */
  listGroups(instanceId: string, filter: groups.ListGroupsFilter): groups.GroupPage {
    return groups.listGroups(this, this.requireRunningInstance(instanceId), filter);
  }

  /** ListUsersForGroup. */
  listUsersForGroup(
    instanceId: string,
    groupId: string,
    filter: groups.ListGroupMembersFilter,
  ): groups.MemberPage {
    return groups.listUsersForGroup(this, this.requireRunningInstance(instanceId), groupId, filter);
  }

  /** ListGroupsForUser. */
  listGroupsForUser(
    instanceId: string,
    userId: string,
    filter: groups.ListGroupMembersFilter,
  ): groups.MemberPage {
    return groups.listGroupsForUser(this, this.requireRunningInstance(instanceId), userId, filter);
  }

  // ---- password policy ------------------------------------------------------------------------

  /** The instance's password policies (Get*Configuration). */
  getPasswordPolicy(instanceId: string): passwords.PasswordPolicyView {
    return passwords.viewPasswordPolicy(this.requireRunningInstance(instanceId));
  }

  /** Set*Configuration: one of the five password policies. */
  setPasswordPolicy<K extends keyof passwords.PasswordPolicyInput>(
    instanceId: string,
    which: K,
    input: passwords.PasswordPolicyInput[K],
  ): void {
    passwords.setPasswordPolicy(this, this.requireRunningInstance(instanceId), which, input);
  }
}
