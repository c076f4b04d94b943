/**
 * The typed store of the emulated EIAM service: one `ServiceState` per `EiamService`, holding the
 * instances, each of which holds its directory (organizational units, users, groups), its password
 * policy and its applications.
 *
 * Entities are plain data (Maps/Sets of plain objects) so the store can be snapshotted. Each
 * instance also carries a `DirectoryIndex` of derived lookups (username → user, OU children,
 * group members, ...); it is never snapshotted and is rebuilt from the entities on restore.
 */
import type { PasswordCheckType } from '../../catalog/enums';
import type { ApplicationState, CustomField, Toggle } from './application-state';
import { SortedIdList } from './paging';
import type { IdentityProviderState } from './identity-providers';
import type { UserAuthnSourceMappingState } from './user-authn-source-mappings';

export type { ApplicationState, CustomField, Toggle };

/** Lifecycle of an instance. `creating` lasts `instanceCreationDelayMs` after CreateInstance. */
export type InstanceStatus = 'creating' | 'running' | 'deleting';

/** Salted password hash (scrypt). The plain password is never stored. */
export interface PasswordHash {
  /** hex salt */
  salt: string;
  /** hex scrypt(password, salt) */
  hash: string;
}

/** An organizational unit. The root OU has no `parentId`. */
export interface OrganizationalUnitState {
  organizationalUnitId: string;
  instanceId: string;
  /** Creation sequence number: the listing order. */
  seq: number;
  organizationalUnitName: string;
  parentId?: string;
  description?: string;
  organizationalUnitExternalId: string;
  organizationalUnitSourceType: string;
  organizationalUnitSourceId: string;
  createTime: number;
  updateTime: number;
}

/** An account (user). */
export interface UserState {
  userId: string;
  instanceId: string;
  seq: number;
  username: string;
  displayName?: string;
  email?: string;
  emailVerified?: boolean;
  phoneRegion?: string;
  phoneNumber?: string;
  phoneNumberVerified?: boolean;
  description?: string;
  userExternalId: string;
  userSourceType: string;
  userSourceId: string;
  status: Toggle;
  /** Epoch ms until which the account is locked; absent when not locked. */
  lockExpireTime?: number;
  accountExpireTime?: number;
  /** Current password hash; absent when no password was ever set. */
  password?: PasswordHash;
  /** Previous password hashes, newest first (kept for the password-history rule). */
  passwordHistory: PasswordHash[];
  passwordExpireTime?: number;
  /** The user must change the password at next logon. */
  passwordForcedUpdate: boolean;
  primaryOrganizationalUnitId: string;
  /** Every OU the user belongs to, the primary one included, in the order joined. */
  organizationalUnitIds: Set<string>;
  /** Groups the user belongs to, in the order joined. */
  groupIds: Set<string>;
  customFields: CustomField[];
  createTime: number;
  updateTime: number;
  registerTime: number;
}

/** An account group. */
export interface GroupState {
  groupId: string;
  instanceId: string;
  seq: number;
  groupName: string;
  description?: string;
  groupExternalId: string;
  groupSourceType: string;
  groupSourceId: string;
  createTime: number;
  updateTime: number;
}

/** A password check type of the complexity policy (SetPasswordComplexityConfiguration). */
export type { PasswordCheckType };

/** The five password-related policies of an instance. */
export interface PasswordPolicyState {
  complexity: {
    minLength: number;
    rules: PasswordCheckType[];
    disabledWeakPasswordLogin: boolean;
    disabledWeakPasswordLoginStartedAt?: number;
  };
  history: { status: Toggle; maxRetention?: number };
  expiration: {
    status: Toggle;
    validMaxDay?: number;
    action?: string;
    notificationStatus?: Toggle;
    notificationDuration?: number;
    notificationChannels?: string[];
    forcedUpdateDuration?: number;
    effectiveAuthenticationSourceIds?: string[];
  };
  initialization: {
    status: Toggle;
    type?: string;
    forcedUpdateStatus?: Toggle;
    notificationChannels?: string[];
  };
  forgetPassword: { status: Toggle; authenticationChannels: string[] };
}

/** Derived lookups of one instance's directory; rebuilt on restore, never snapshotted. */
export interface DirectoryIndex {
  /** All users by creation sequence. */
  users: SortedIdList;
  /** Lower-cased username → user id (usernames are unique case-insensitively). */
  usernames: Map<string, string>;
  /** User external id → user id (unique per instance, the only source being `build_in`). */
  userExternalIds: Map<string, string>;
  /** All OUs by creation sequence (root included). */
  organizationalUnits: SortedIdList;
  /** OU id → its child OUs by creation sequence. */
  ouChildren: Map<string, SortedIdList>;
  /** `${parentId}/${name}` → OU id, for sibling-name uniqueness. */
  ouSiblingNames: Map<string, string>;
  /** OU external id → OU id. */
  ouExternalIds: Map<string, string>;
  /** OU id → member users (primary or not) by user creation sequence. */
  ouMembers: Map<string, SortedIdList>;
  /** All groups by creation sequence. */
  groups: SortedIdList;
  /** Group name → group id. */
  groupNames: Map<string, string>;
  /** Group external id → group id. */
  groupExternalIds: Map<string, string>;
  /** Group id → member users by user creation sequence. */
  groupMembers: Map<string, SortedIdList>;
  /** `${entityType}/${fieldName}` → custom field id (field names are unique per entity type). */
  customFieldNames: Map<string, string>;
  /** Custom field name → ids of the users holding a value for it. */
  customFieldHolders: Map<string, Set<string>>;
  /** `${fieldName}\n${value}` → user id, for the non-empty values of `Unique` fields. */
  customFieldUniqueValues: Map<string, string>;
  /** All network zones by creation sequence. */
  networkZones: SortedIdList;
  /** Network zone name → zone id (names are unique in the instance). */
  networkZoneNames: Map<string, string>;
  /** All conditional access policies by creation sequence. */
  conditionalAccessPolicies: SortedIdList;
  /** Policy name → policy id (names are unique in the instance). */
  conditionalAccessPolicyNames: Map<string, string>;
  /** Id of a user, group, OU, application or zone → the policies whose conditions name it. */
  conditionalAccessReferences: Map<string, Set<string>>;
}

/** One EIAM instance and everything in it. */
export interface InstanceState {
  instanceId: string;
  seq: number;
  description?: string;
  /** Stored status; `creating` turns into `running` once the clock passes `runningAt`. */
  status: InstanceStatus;
  createTime: number;
  runningAt: number;
  rootOrganizationalUnitId: string;
  organizationalUnits: Map<string, OrganizationalUnitState>;
  users: Map<string, UserState>;
  groups: Map<string, GroupState>;
  passwordPolicy: PasswordPolicyState;
  applications: Map<string, ApplicationState>;
  /** The user schema: custom field definitions by field id (`model/custom-fields.ts`). */
  customFields: Map<string, CustomFieldState>;
  /** Network zones (named CIDR sets) by id. */
  networkZones: Map<string, NetworkZoneState>;
  /** Conditional access policies by id. */
  conditionalAccessPolicies: Map<string, ConditionalAccessPolicyState>;
  /** `${operation}:${ClientToken}` → id of the entity that request created (idempotent retries). */
  clientTokens: Map<string, string>;
  /** Derived lookups; see `DirectoryIndex`. */
  index: DirectoryIndex;
  /** Identity providers (`model/identity-providers.ts`). */
  identityProviders: Map<string, IdentityProviderState>;
  /** User ↔ identity provider bindings, keyed `<identityProviderId>/<userId>`. */
  userAuthnSourceMappings: Map<string, UserAuthnSourceMappingState>;
  /** Status of the internal authentication sources that were switched (absent: enabled). */
  internalAuthenticationSources?: Record<string, Toggle>;
}

/** Seeded id generator state (sfc32), part of the snapshot so replays give the same ids. */
export type RandomState = [number, number, number, number];

/** Everything one `EiamService` owns. */
export interface ServiceState {
  /** Instances in creation order. */
  instances: Map<string, InstanceState>;
  /** Last creation sequence number handed out. */
  seq: number;
  /** Id generator state. */
  random: RandomState;
}

/** An empty index. */
export function emptyDirectoryIndex(): DirectoryIndex {
  return {
    users: new SortedIdList(),
    usernames: new Map(),
    userExternalIds: new Map(),
    organizationalUnits: new SortedIdList(),
    ouChildren: new Map(),
    ouSiblingNames: new Map(),
    ouExternalIds: new Map(),
    ouMembers: new Map(),
    groups: new SortedIdList(),
    groupNames: new Map(),
    groupExternalIds: new Map(),
    groupMembers: new Map(),
    customFieldNames: new Map(),
    customFieldHolders: new Map(),
    customFieldUniqueValues: new Map(),
    networkZones: new SortedIdList(),
    networkZoneNames: new Map(),
    conditionalAccessPolicies: new SortedIdList(),
    conditionalAccessPolicyNames: new Map(),
    conditionalAccessReferences: new Map(),
  };
}

/** Key of `DirectoryIndex.ouSiblingNames`. */
export function siblingNameKey(parentId: string | undefined, name: string): string {
  return `${parentId ?? ''}/${name}`;
}

function listIn(map: Map<string, SortedIdList>, key: string): SortedIdList {
  let list = map.get(key);
  if (!list) {
    list = new SortedIdList();
    map.set(key, list);
  }
  return list;
}

/** Adds an OU to the index. */
export function indexOrganizationalUnit(index: DirectoryIndex, ou: OrganizationalUnitState): void {
  index.organizationalUnits.insert(ou.seq, ou.organizationalUnitId);
  index.ouSiblingNames.set(siblingNameKey(ou.parentId, ou.organizationalUnitName), ou.organizationalUnitId);
  index.ouExternalIds.set(ou.organizationalUnitExternalId, ou.organizationalUnitId);
  if (ou.parentId !== undefined)
    listIn(index.ouChildren, ou.parentId).insert(ou.seq, ou.organizationalUnitId);
}

/** Removes an OU from the index (its own children and members lists included). */
export function unindexOrganizationalUnit(index: DirectoryIndex, ou: OrganizationalUnitState): void {
  index.organizationalUnits.remove(ou.seq);
  index.ouSiblingNames.delete(siblingNameKey(ou.parentId, ou.organizationalUnitName));
  index.ouExternalIds.delete(ou.organizationalUnitExternalId);
  if (ou.parentId !== undefined) index.ouChildren.get(ou.parentId)?.remove(ou.seq);
  index.ouChildren.delete(ou.organizationalUnitId);
  index.ouMembers.delete(ou.organizationalUnitId);
}

/** Adds a group to the index (not its members). */
export function indexGroup(index: DirectoryIndex, group: GroupState): void {
  index.groups.insert(group.seq, group.groupId);
  index.groupNames.set(group.groupName, group.groupId);
  index.groupExternalIds.set(group.groupExternalId, group.groupId);
}

/** Removes a group and its member list from the index. */
export function unindexGroup(index: DirectoryIndex, group: GroupState): void {
  index.groups.remove(group.seq);
  index.groupNames.delete(group.groupName);
  index.groupExternalIds.delete(group.groupExternalId);
  index.groupMembers.delete(group.groupId);
}

/** Adds a user to the index (not its memberships). */
export function indexUser(index: DirectoryIndex, user: UserState): void {
  index.users.insert(user.seq, user.userId);
  index.usernames.set(user.username.toLowerCase(), user.userId);
  index.userExternalIds.set(user.userExternalId, user.userId);
}

/** Removes a user from the index (memberships must be removed by the caller). */
export function unindexUser(index: DirectoryIndex, user: UserState): void {
  index.users.remove(user.seq);
  index.usernames.delete(user.username.toLowerCase());
  index.userExternalIds.delete(user.userExternalId);
}

/** Adds a user membership of an OU to the index. */
export function indexOuMember(index: DirectoryIndex, ouId: string, user: UserState): void {
  listIn(index.ouMembers, ouId).insert(user.seq, user.userId);
}

/** Adds a user membership of a group to the index. */
export function indexGroupMember(index: DirectoryIndex, groupId: string, user: UserState): void {
  listIn(index.groupMembers, groupId).insert(user.seq, user.userId);
}

/** Rebuilds an instance's index from its entities (after a restore). */
export function rebuildDirectoryIndex(inst: InstanceState): DirectoryIndex {
  const index = emptyDirectoryIndex();
  const bySeq = <T extends { seq: number }>(xs: Iterable<T>) => [...xs].sort((a, b) => a.seq - b.seq);
  for (const ou of bySeq(inst.organizationalUnits.values())) indexOrganizationalUnit(index, ou);
  for (const group of bySeq(inst.groups.values())) indexGroup(index, group);
  // State written before custom fields existed has no map for them.
  inst.customFields ??= new Map();
  for (const field of inst.customFields.values()) indexCustomField(index, field);
  const uniqueFields = uniqueCustomFieldNames(inst, index);
  for (const user of bySeq(inst.users.values())) {
    indexUser(index, user);
    for (const ouId of user.organizationalUnitIds) indexOuMember(index, ouId, user);
    for (const groupId of user.groupIds) indexGroupMember(index, groupId, user);
    indexUserCustomFields(index, user, (name) => uniqueFields.has(name));
  }
  // Snapshots written before network zones and policies existed lack their maps.
  inst.networkZones ??= new Map();
  inst.conditionalAccessPolicies ??= new Map();
  for (const zone of bySeq(inst.networkZones.values())) indexNetworkZone(index, zone);
  for (const policy of bySeq(inst.conditionalAccessPolicies.values()))
    indexConditionalAccessPolicy(index, policy);
  return index;
}

/** A custom field of the user schema (CreateCustomField). */
export interface CustomFieldState {
  fieldId: string;
  instanceId: string;
  seq: number;
  entityType: string;
  fieldName: string;
  fieldDisplayName: string;
  fieldDataType: string;
  fieldDisplayType: string;
  description?: string;
  defaultValue?: string;
  encrypted: boolean;
  required: boolean;
  unique: boolean;
  userPermission: string;
  /** The choices of a `select` or `checkbox` field, in the order given. */
  items: { value: string; displayName: string; status: Toggle }[];
  status: Toggle;
  createTime: number;
  updateTime: number;
}

// ---- Network zones and conditional access policies (issue #13) -------------------------------

/** A network zone: a named set of IPv4/IPv6 CIDR blocks, public (`classic`) or in one VPC. */
export interface NetworkZoneState {
  networkZoneId: string;
  instanceId: string;
  seq: number;
  networkZoneName: string;
  /** `arn:alibaba:idaas:network:zone:classic` or `…:vpc`; fixed at creation. */
  networkZoneType: string;
  description?: string;
  /** CIDR blocks as given (validated, not normalized), in the order given. */
  ipv4Cidrs: string[];
  ipv6Cidrs: string[];
  /** The VPC of a `vpc` zone. */
  vpcId?: string;
  createTime: number;
  updateTime: number;
}

/** Key of `DirectoryIndex.customFieldNames`. */
export function customFieldNameKey(entityType: string, fieldName: string): string {
  return `${entityType}/${fieldName}`;
}

/** Key of `DirectoryIndex.customFieldUniqueValues`. */
export function customFieldValueKey(fieldName: string, value: string): string {
  return `${fieldName}\n${value}`;
}

/** Adds a custom field definition to the index (not the values users hold). */
export function indexCustomField(index: DirectoryIndex, field: CustomFieldState): void {
  index.customFieldNames.set(customFieldNameKey(field.entityType, field.fieldName), field.fieldId);
}

/** Names of the user fields whose values must be unique. */
export function uniqueCustomFieldNames(inst: InstanceState, index: DirectoryIndex): Set<string> {
  const names = new Set<string>();
  for (const [key, fieldId] of index.customFieldNames) {
    if (key.startsWith('user/') && inst.customFields.get(fieldId)?.unique) names.add(key.slice(5));
  }
  return names;
}

/** Adds the custom field values a user holds to the index (`isUnique`: whether a field is `Unique`). */
export function indexUserCustomFields(
  index: DirectoryIndex,
  user: UserState,
  isUnique: (fieldName: string) => boolean,
): void {
  for (const { fieldName, fieldValue } of user.customFields) {
    let holders = index.customFieldHolders.get(fieldName);
    if (!holders) index.customFieldHolders.set(fieldName, (holders = new Set()));
    holders.add(user.userId);
    if (fieldValue !== '' && isUnique(fieldName)) {
      index.customFieldUniqueValues.set(customFieldValueKey(fieldName, fieldValue), user.userId);
    }
  }
}

/** Removes the custom field values a user holds from the index. */
export function unindexUserCustomFields(index: DirectoryIndex, user: UserState): void {
  for (const { fieldName, fieldValue } of user.customFields) {
    index.customFieldHolders.get(fieldName)?.delete(user.userId);
    const key = customFieldValueKey(fieldName, fieldValue);
    if (index.customFieldUniqueValues.get(key) === user.userId) index.customFieldUniqueValues.delete(key);
  }
}

/** Who, what and where a policy covers: include/exclude id lists (empty when not set). */
export interface ConditionalAccessConditions {
  users: {
    includeUsers: string[];
    excludeUsers: string[];
    includeGroups: string[];
    excludeGroups: string[];
    includeOrganizationalUnits: string[];
    excludeOrganizationalUnits: string[];
  };
  applications: { includeApplications: string[]; excludeApplications: string[] };
  networkZones: { includeNetworkZones: string[]; excludeNetworkZones: string[] };
}

/** What a policy decides for a sign-in it covers. */
export interface ConditionalAccessDecision {
  /** `allow` or `deny`. */
  effect: string;
  /** For `allow`: `directly_access` or `mfa_required`. */
  mfaType?: string;
  /** For `mfa_required`: the second factors accepted. */
  mfaAuthenticationMethods?: string[];
  /** For `mfa_required`: seconds before a second factor is asked again. */
  mfaAuthenticationIntervalSeconds?: number;
  /** For `mfa_required`: whether an active session counts as the second factor. */
  activeSessionReuseStatus?: Toggle;
}

/** A conditional access policy. */
export interface ConditionalAccessPolicyState {
  conditionalAccessPolicyId: string;
  instanceId: string;
  seq: number;
  conditionalAccessPolicyName: string;
  /** Fixed at creation. */
  conditionalAccessPolicyType: string;
  description?: string;
  /** `enforcement` or `reportOnly`. */
  decisionType: string;
  /** Fixed at creation. */
  evaluateAt: string;
  /** 1 (first) to 100 (last); not unique: equal priorities are evaluated in creation order. */
  priority: number;
  status: Toggle;
  conditions: ConditionalAccessConditions;
  decision: ConditionalAccessDecision;
  createTime: number;
  lastUpdatedTime: number;
}

/** Adds a network zone to the index. */
export function indexNetworkZone(index: DirectoryIndex, zone: NetworkZoneState): void {
  index.networkZones.insert(zone.seq, zone.networkZoneId);
  index.networkZoneNames.set(zone.networkZoneName, zone.networkZoneId);
}

/** Removes a network zone from the index. */
export function unindexNetworkZone(index: DirectoryIndex, zone: NetworkZoneState): void {
  index.networkZones.remove(zone.seq);
  index.networkZoneNames.delete(zone.networkZoneName);
}

/** Every id a policy's conditions name (users, groups, OUs, applications, zones; both lists). */
export function conditionalAccessReferencedIds(policy: ConditionalAccessPolicyState): Set<string> {
  const { users, applications, networkZones } = policy.conditions;
  return new Set([
    ...Object.values(users).flat(),
    ...Object.values(applications).flat(),
    ...Object.values(networkZones).flat(),
  ]);
}

/** Adds a policy (its name and the ids its conditions name) to the index. */
export function indexConditionalAccessPolicy(
  index: DirectoryIndex,
  policy: ConditionalAccessPolicyState,
): void {
  const id = policy.conditionalAccessPolicyId;
  index.conditionalAccessPolicies.insert(policy.seq, id);
  index.conditionalAccessPolicyNames.set(policy.conditionalAccessPolicyName, id);
  for (const ref of conditionalAccessReferencedIds(policy)) {
    let holders = index.conditionalAccessReferences.get(ref);
    if (!holders) index.conditionalAccessReferences.set(ref, (holders = new Set()));
    holders.add(id);
  }
}

/** Removes a policy (its name and references) from the index. */
export function unindexConditionalAccessPolicy(
  index: DirectoryIndex,
  policy: ConditionalAccessPolicyState,
): void {
  const id = policy.conditionalAccessPolicyId;
  index.conditionalAccessPolicies.remove(policy.seq);
  index.conditionalAccessPolicyNames.delete(policy.conditionalAccessPolicyName);
  for (const ref of conditionalAccessReferencedIds(policy)) {
    const holders = index.conditionalAccessReferences.get(ref);
    holders?.delete(id);
    if (holders?.size === 0) index.conditionalAccessReferences.delete(ref);
  }
}
