/**
 * What the model modules need from the service: time, ids, the store and the shared lookups,
 * nothing else (no persistence, no HTTP). `EiamService` is the one implementation; model modules
 * depend on this interface, so a module cannot reach past it.
 */
import type { PrincipalKind } from './application-state';
import type { PasswordHasher } from './password-policy';
import type {
  GroupState,
  InstanceState,
  InstanceStatus,
  OrganizationalUnitState,
  ServiceState,
  UserState,
} from './state';

/** The narrow view of the service every model function takes as its first argument. */
export interface ModelContext {
  /** The whole store (instances, counters, id generator). */
  readonly state: ServiceState;
  /** Delay between CreateInstance and the instance reporting `running`. */
  readonly instanceCreationDelayMs: number;
  /** Region this emulator answers for. */
  readonly regionId: string;
  /** How passwords are hashed. */
  readonly passwordHasher: PasswordHasher;
  /** Current time (epoch ms): the pinned request time if any, else the clock. */
  now(): number;
  /** Next float in [0, 1) from the id generator. */
  random(): number;
  /** A fresh id such as `user_` + 26 lowercase alphanumerics. */
  newId(prefix: string): string;
  /** Next creation sequence number (the stable listing order of every entity). */
  nextSeq(): number;
  /** Tells the listeners (the applications module) that a principal is gone. */
  principalDeleted(inst: InstanceState, kind: PrincipalKind, id: string): void;
  /** The instance's status now, promoting `creating` to `running` once its delay has passed. */
  instanceStatus(inst: InstanceState): InstanceStatus;
  /** The instance, whatever its status; `EntityNotExists.Instance` when unknown. */
  requireInstance(instanceId: string): InstanceState;
  /** The instance if it is running; `OperationDenied.InstanceStatus` while it is being created. */
  requireRunningInstance(instanceId: string): InstanceState;
  /** The user; `EntityNotExists.User` when unknown in this instance. */
  requireUser(inst: InstanceState, userId: string): UserState;
  /** The group; `EntityNotExists.Group` when unknown in this instance. */
  requireGroup(inst: InstanceState, groupId: string): GroupState;
  /** The OU; `EntityNotExists.OrganizationalUnit` when unknown in this instance. */
  requireOrganizationalUnit(inst: InstanceState, ouId: string): OrganizationalUnitState;
  /** Ids of the OU's ancestors, nearest first, ending with the root (the OU itself excluded). */
  ancestorsOf(inst: InstanceState, ouId: string): string[];
  /** Ids of the groups the user belongs to, in the order joined. */
  groupsOfUser(inst: InstanceState, userId: string): string[];
  /** Ids of the OUs the user belongs to (primary first). */
  organizationalUnitsOfUser(inst: InstanceState, userId: string): string[];
  /** Ids of the users in a group, in user creation order. */
  membersOfGroup(inst: InstanceState, groupId: string): string[];
  /** Ids of the users directly in an OU (primary or not), in user creation order. */
  membersOfOrganizationalUnit(inst: InstanceState, ouId: string): string[];
  /** Runs `create` once per `ClientToken` of `operation` (see `EiamService.idempotent`). */
  idempotent(
    inst: InstanceState,
    operation: string,
    clientToken: string | undefined,
    exists: (id: string) => boolean,
    create: () => string,
  ): string;
}
