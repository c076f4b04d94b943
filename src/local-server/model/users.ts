/**
 * Accounts (users): creation, updates, password, status and lock, OU memberships, reads, listing.
 *
 * Rules: usernames are unique in the instance (case-insensitively) and so are external ids; a user
 * always has exactly one primary OU, is a member of it and cannot leave it except by moving the
 * primary elsewhere; passwords obey the instance's password policy and are stored only hashed;
 * custom field values obey the user schema (`model/custom-fields.ts`).
 */
import { randomPasswordFor } from './random-password';
import {
  checkNewUserCustomFields,
  checkUserCustomFieldChanges,
  holdCustomFieldValues,
  releaseCustomFieldValues,
} from './custom-fields';
import { alreadyExists, invalidParameter, missingParameter, operationDenied } from './errors';
import { pageMode, pageOfList, pageOfSorted, type Page } from './paging';
import { checkPasswordComplexity, checkPasswordHistory, setUserPassword } from './password-policy';
import {
  indexOuMember,
  indexUser,
  unindexUser,
  type CustomField,
  type GroupState,
  type InstanceState,
  type Toggle,
  type UserState,
} from './state';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';
import {
  checkEmail,
  checkIdList,
  checkPhoneNumber,
  checkPhoneRegion,
  checkUsername,
  LIMITS,
  optionalText,
  requiredIdList,
  requiredText,
} from './validate';

/** CreateUser input. */
export type CreateUserInput = RequestFields<
  'CreateUser',
  | 'username'
  | 'primaryOrganizationalUnitId'
  | 'organizationalUnitIds'
  | 'displayName'
  | 'description'
  | 'email'
  | 'emailVerified'
  | 'phoneRegion'
  | 'phoneNumber'
  | 'phoneNumberVerified'
  | 'userExternalId'
  | 'password'
  | 'passwordInitializationConfig'
  | 'customFields'
  | 'clientToken'
>;

/** UpdateUser input: absent or empty fields are not updated (as the API documents). */
export type UpdateUserInput = RequestFields<
  'UpdateUser',
  | 'username'
  | 'displayName'
  | 'email'
  | 'emailVerified'
  | 'phoneRegion'
  | 'phoneNumber'
  | 'phoneNumberVerified'
  | 'customFields'
>;

/** UpdateUserPassword input. */
export type UpdateUserPasswordInput = RequestFields<
  'UpdateUserPassword',
  'password' | 'passwordForcedUpdateStatus' | 'userNotificationChannels'
>;

/** GetUser's view: the account, its groups and OUs, and derived flags. */
export interface UserView {
  user: UserState;
  passwordSet: boolean;
  /** Present only while the lock is in force. */
  lockExpireTime?: number;
  groups: Pick<GroupState, 'groupId' | 'groupName' | 'description'>[];
  organizationalUnits: { organizationalUnitId: string; organizationalUnitName: string; primary: boolean }[];
}

/** A ListUsers row. */
export interface UserSummary {
  user: UserState;
  passwordSet: boolean;
  lockExpireTime?: number;
}

/** ListUsers filters and paging. */
export type ListUsersFilter = RequestFields<
  'ListUsers',
  | 'userIds'
  | 'usernameStartsWith'
  | 'displayNameStartsWith'
  | 'organizationalUnitId'
  | 'status'
  | 'email'
  | 'phoneRegion'
  | 'phoneNumber'
  | 'userExternalId'
  | 'userSourceType'
  | 'userSourceId'
  | 'pageNumber'
  | 'pageSize'
  | 'nextToken'
  | 'maxResults'
>;

/** A page of users. */
export type UserPage = Page<UserSummary>;

function toggleOf(name: string, value: string | undefined): Toggle | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'enabled' || value === 'disabled') return value;
  throw invalidParameter(name, "it must be 'enabled' or 'disabled'.");
}

function checkCustomFields(fields: { fieldName?: string; fieldValue?: string }[] | undefined): CustomField[] {
  const out = new Map<string, string>();
  for (const f of fields ?? []) {
    const name = requiredText('CustomFields.FieldName', f.fieldName, LIMITS.customFieldName);
    out.set(name, optionalText('CustomFields.FieldValue', f.fieldValue ?? '', LIMITS.customFieldValue) ?? '');
  }
  return [...out].map(([fieldName, fieldValue]) => ({ fieldName, fieldValue }));
}

function checkUniqueUsername(inst: InstanceState, username: string, self?: string): void {
  const existing = inst.index.usernames.get(username.toLowerCase());
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('User.Username', `with username '${username}'`);
  }
}

function checkUniqueExternalId(inst: InstanceState, externalId: string, self?: string): void {
  const existing = inst.index.userExternalIds.get(externalId);
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('User.UserExternalId', `with external id '${externalId}'`);
  }
}

/** Email/phone pairs: the `*Verified` flag is required whenever the value is given. */
function checkContact(input: CreateUserInput | UpdateUserInput): void {
  if (input.email) {
    checkEmail('Email', input.email);
    if (input.emailVerified === undefined) throw missingParameter('EmailVerified');
  }
  if (input.phoneNumber) {
    checkPhoneNumber('PhoneNumber', input.phoneNumber);
    if (input.phoneNumberVerified === undefined) throw missingParameter('PhoneNumberVerified');
  }
  if (input.phoneRegion) checkPhoneRegion('PhoneRegion', input.phoneRegion);
}

/** Creates an account; with a `clientToken`, a retry returns the account the first call made. */
export function createUser(svc: ModelContext, instanceId: string, input: CreateUserInput): UserState {
  const inst = svc.requireRunningInstance(instanceId);
  const id = svc.idempotent(
    inst,
    'CreateUser',
    input.clientToken,
    (existing) => inst.users.has(existing),
    () => insertUser(svc, inst, input).userId,
  );
  return inst.users.get(id)!;
}

function insertUser(svc: ModelContext, inst: InstanceState, input: CreateUserInput): UserState {
  const username = checkUsername('Username', input.username);
  const primaryId = requiredText('PrimaryOrganizationalUnitId', input.primaryOrganizationalUnitId, Infinity);
  const extraOus = checkIdList('OrganizationalUnitIds', input.organizationalUnitIds);
  const displayName = optionalText('DisplayName', input.displayName, LIMITS.displayName);
  const description = optionalText('Description', input.description, LIMITS.description);
  const externalId = optionalText('UserExternalId', input.userExternalId, LIMITS.userExternalId);
  checkContact(input);
  const customFields = checkCustomFields(input.customFields);
  for (const ouId of [primaryId, ...extraOus]) svc.requireOrganizationalUnit(inst, ouId);
  checkNewUserCustomFields(inst, customFields);
  checkUniqueUsername(inst, username);
  if (externalId) checkUniqueExternalId(inst, externalId);

  const init = input.passwordInitializationConfig;
  const forced = toggleOf(
    'PasswordInitializationConfig.PasswordForcedUpdateStatus',
    init?.passwordForcedUpdateStatus,
  );
  const priority = init?.passwordInitializationPolicyPriority;
  if (priority !== undefined && priority !== '' && priority !== 'global' && priority !== 'custom') {
    throw invalidParameter(
      'PasswordInitializationConfig.PasswordInitializationPolicyPriority',
      "it must be 'global' or 'custom'.",
    );
  }
  const initType = init?.passwordInitializationType;
  if (initType !== undefined && initType !== '' && initType !== 'random') {
    throw invalidParameter('PasswordInitializationConfig.PasswordInitializationType', "it must be 'random'.");
  }
  const owner = { username, email: input.email, phoneNumber: input.phoneNumber, displayName };
  if (input.password !== undefined && input.password !== '') {
    checkPasswordComplexity(inst.passwordPolicy, input.password, owner);
  }

  const now = svc.now();
  const userId = svc.newId('user');
  const user: UserState = {
    userId,
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    username,
    displayName: displayName || undefined,
    email: input.email || undefined,
    emailVerified: input.email ? input.emailVerified : undefined,
    phoneRegion: input.phoneRegion || undefined,
    phoneNumber: input.phoneNumber || undefined,
    phoneNumberVerified: input.phoneNumber ? input.phoneNumberVerified : undefined,
    description: description || undefined,
    userExternalId: externalId || userId,
    userSourceType: 'build_in',
    userSourceId: inst.instanceId,
    status: 'enabled',
    passwordHistory: [],
    passwordForcedUpdate: false,
    primaryOrganizationalUnitId: primaryId,
    organizationalUnitIds: new Set([primaryId, ...extraOus]),
    groupIds: new Set(),
    customFields,
    createTime: now,
    updateTime: now,
    registerTime: now,
  };

  // Password: an explicit one wins; otherwise the initialization policy may generate a random one
  // (the request's own when its priority is `custom`, else the instance's).
  const policy = inst.passwordPolicy.initialization;
  const useCustom = priority === 'custom' || (!priority && !!initType);
  const generate = useCustom
    ? initType === 'random'
    : policy.status === 'enabled' && policy.type === 'random';
  const password =
    input.password || (generate ? randomPasswordFor(svc, inst.passwordPolicy, owner) : undefined);
  if (password) setUserPassword(svc, inst, user, password);
  user.passwordForcedUpdate = (useCustom ? forced : (forced ?? policy.forcedUpdateStatus)) === 'enabled';

  inst.users.set(userId, user);
  indexUser(inst.index, user);
  for (const ouId of user.organizationalUnitIds) indexOuMember(inst.index, ouId, user);
  holdCustomFieldValues(inst, user);
  return user;
}

/** Removes a user's membership of one OU (state and index). */
export function removeMembership(inst: InstanceState, user: UserState, ouId: string): void {
  user.organizationalUnitIds.delete(ouId);
  inst.index.ouMembers.get(ouId)?.remove(user.seq);
}

/** Deletes an account with its memberships, then tells the applications module. */
export function deleteUserRecord(svc: ModelContext, inst: InstanceState, user: UserState): void {
  for (const ouId of user.organizationalUnitIds) inst.index.ouMembers.get(ouId)?.remove(user.seq);
  for (const groupId of user.groupIds) inst.index.groupMembers.get(groupId)?.remove(user.seq);
  unindexUser(inst.index, user);
  releaseCustomFieldValues(inst, user);
  inst.users.delete(user.userId);
  svc.principalDeleted(inst, 'user', user.userId);
}

/** DeleteUser. */
export function deleteUser(svc: ModelContext, instanceId: string, userId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  deleteUserRecord(svc, inst, svc.requireUser(inst, userId));
}

function applyCustomFieldOps(user: UserState, ops: NonNullable<UpdateUserInput['customFields']>): void {
  const fields = new Map(user.customFields.map((f) => [f.fieldName, f.fieldValue]));
  for (const op of ops) {
    const name = requiredText('CustomFields.FieldName', op.fieldName, LIMITS.customFieldName);
    const kind = op.operation || 'replace';
    if (kind === 'remove') fields.delete(name);
    else if (kind === 'add' || kind === 'replace') {
      fields.set(
        name,
        optionalText('CustomFields.FieldValue', op.fieldValue ?? '', LIMITS.customFieldValue) ?? '',
      );
    } else throw invalidParameter('CustomFields.Operation', "it must be 'add', 'replace' or 'remove'.");
  }
  user.customFields = [...fields].map(([fieldName, fieldValue]) => ({ fieldName, fieldValue }));
}

/** UpdateUser: only the fields given (non-empty) change. */
export function updateUser(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  input: UpdateUserInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  const username = input.username ? checkUsername('Username', input.username) : undefined;
  const displayName = input.displayName
    ? optionalText('DisplayName', input.displayName, LIMITS.displayName)
    : undefined;
  checkContact(input);
  if (username) checkUniqueUsername(inst, username, userId);
  // Validate every custom-field operation before changing anything.
  const probe = { ...user, customFields: [...user.customFields] };
  if (input.customFields?.length) {
    applyCustomFieldOps(probe, input.customFields);
    checkUserCustomFieldChanges(inst, user, user.customFields, probe.customFields);
  }

  if (username && username !== user.username) {
    unindexUser(inst.index, user);
    user.username = username;
    indexUser(inst.index, user);
  }
  if (displayName) user.displayName = displayName;
  if (input.email) user.email = input.email;
  if (input.emailVerified !== undefined && (input.email || user.email))
    user.emailVerified = input.emailVerified;
  if (input.phoneNumber) user.phoneNumber = input.phoneNumber;
  if (input.phoneRegion) user.phoneRegion = input.phoneRegion;
  if (input.phoneNumberVerified !== undefined && (input.phoneNumber || user.phoneNumber)) {
    user.phoneNumberVerified = input.phoneNumberVerified;
  }
  if (input.customFields?.length) {
    releaseCustomFieldValues(inst, user);
    user.customFields = probe.customFields;
    holdCustomFieldValues(inst, user);
  }
  user.updateTime = svc.now();
}

/** UpdateUserDescription: sets, or with an empty value clears, the description. */
export function updateUserDescription(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  description: string | undefined,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  user.description = optionalText('Description', description, LIMITS.description) || undefined;
  user.updateTime = svc.now();
}

/** UpdateUserPassword: complexity and (when enabled) history are enforced. */
export function updateUserPassword(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  input: UpdateUserPasswordInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  if (input.password === undefined || input.password === '') throw missingParameter('Password');
  const forced = toggleOf('PasswordForcedUpdateStatus', input.passwordForcedUpdateStatus);
  checkPasswordComplexity(inst.passwordPolicy, input.password, user);
  checkPasswordHistory(svc.passwordHasher, inst.passwordPolicy, user, input.password);
  setUserPassword(svc, inst, user, input.password);
  user.passwordForcedUpdate = forced === 'enabled';
  user.updateTime = svc.now();
}

/** EnableUser / DisableUser (idempotent). */
export function setUserStatus(svc: ModelContext, instanceId: string, userId: string, status: Toggle): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  if (user.status === status) return;
  user.status = status;
  user.updateTime = svc.now();
}

/** Locks the account until `until` (epoch ms). */
export function lockUser(svc: ModelContext, instanceId: string, userId: string, until: number): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  if (!Number.isFinite(until) || until <= svc.now())
    throw invalidParameter('LockExpireTime', 'it must lie in the future.');
  user.lockExpireTime = until;
  user.updateTime = svc.now();
}

/** UnlockUser: clears any lock (a no-op when not locked). */
export function unlockUser(svc: ModelContext, instanceId: string, userId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  if (user.lockExpireTime === undefined) return;
  user.lockExpireTime = undefined;
  user.updateTime = svc.now();
}

/** The instance, the account and the OUs an Add/RemoveUser…OrganizationalUnits call names, all existing. */
function userAndUnits(svc: ModelContext, instanceId: string, userId: string, ouIds: string[] | undefined) {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  const ids = requiredIdList('OrganizationalUnitIds', ouIds);
  for (const id of ids) svc.requireOrganizationalUnit(inst, id);
  return { inst, user, ids };
}

/** AddUserToOrganizationalUnits: every OU must exist; existing memberships are kept as they are. */
export function addUserToOrganizationalUnits(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  ouIds: string[] | undefined,
): void {
  const { inst, user, ids } = userAndUnits(svc, instanceId, userId, ouIds);
  for (const id of ids) {
    if (user.organizationalUnitIds.has(id)) continue;
    user.organizationalUnitIds.add(id);
    indexOuMember(inst.index, id, user);
  }
}

/** RemoveUserFromOrganizationalUnits: never the primary OU; OUs the user is not in are ignored. */
export function removeUserFromOrganizationalUnits(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  ouIds: string[] | undefined,
): void {
  const { inst, user, ids } = userAndUnits(svc, instanceId, userId, ouIds);
  if (ids.includes(user.primaryOrganizationalUnitId)) {
    throw operationDenied(
      'User.PrimaryOrganizationalUnit',
      `The account cannot leave its primary organizational unit '${user.primaryOrganizationalUnitId}'; set another primary first.`,
    );
  }
  for (const id of ids) removeMembership(inst, user, id);
}

/** SetUserPrimaryOrganizationalUnit: leaves the old primary OU and joins the new one. */
export function setUserPrimaryOrganizationalUnit(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  ouId: string,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  requiredText('OrganizationalUnitId', ouId, Infinity);
  svc.requireOrganizationalUnit(inst, ouId);
  if (user.primaryOrganizationalUnitId === ouId) return;
  removeMembership(inst, user, user.primaryOrganizationalUnitId);
  user.primaryOrganizationalUnitId = ouId;
  user.organizationalUnitIds.add(ouId);
  indexOuMember(inst.index, ouId, user);
  user.updateTime = svc.now();
}

function activeLock(svc: ModelContext, user: UserState): number | undefined {
  return user.lockExpireTime !== undefined && user.lockExpireTime > svc.now()
    ? user.lockExpireTime
    : undefined;
}

/** A ListUsers row for the user. */
export function summarizeUser(svc: ModelContext, user: UserState): UserSummary {
  return { user, passwordSet: !!user.password, lockExpireTime: activeLock(svc, user) };
}

/** GetUser. */
export function getUser(svc: ModelContext, instanceId: string, userId: string): UserView {
  const inst = svc.requireRunningInstance(instanceId);
  return viewUser(svc, inst, svc.requireUser(inst, userId));
}

/** The account with its groups (in the order joined) and OUs (primary first). */
export function viewUser(svc: ModelContext, inst: InstanceState, user: UserState): UserView {
  const groups = [...user.groupIds].map((id) => {
    const g = inst.groups.get(id)!;
    return { groupId: g.groupId, groupName: g.groupName, description: g.description };
  });
  const organizationalUnits = svc.organizationalUnitsOfUser(inst, user.userId).map((id) => ({
    organizationalUnitId: id,
    organizationalUnitName: inst.organizationalUnits.get(id)!.organizationalUnitName,
    primary: id === user.primaryOrganizationalUnitId,
  }));
  return { ...summarizeUser(svc, user), groups, organizationalUnits };
}

/**
 * ListUsers in creation order. Without attribute filters a page is read straight off an index (all
 * users, or the OU's members): cost O(log n + page size) whatever the directory size. Attribute
 * filters scan the candidate set (UserIds, the external-id match, the OU's members, or everyone).
 */
export function listUsers(svc: ModelContext, instanceId: string, filter: ListUsersFilter): UserPage {
  const inst = svc.requireRunningInstance(instanceId);
  const mode = pageMode(filter);
  const userIds = filter.userIds?.length ? checkIdList('UserIds', filter.userIds) : undefined;
  const status = toggleOf('Status', filter.status);
  if (filter.organizationalUnitId) svc.requireOrganizationalUnit(inst, filter.organizationalUnitId);
  const list = filter.organizationalUnitId
    ? inst.index.ouMembers.get(filter.organizationalUnitId)
    : inst.index.users;
  const summary = (user: UserState) => summarizeUser(svc, user);

  const predicates: ((u: UserState) => boolean)[] = [];
  const add = (value: unknown, test: (u: UserState) => boolean) => {
    if (value !== undefined && value !== '') predicates.push(test);
  };
  add(filter.usernameStartsWith, (u) =>
    u.username.toLowerCase().startsWith(filter.usernameStartsWith!.toLowerCase()),
  );
  add(filter.displayNameStartsWith, (u) => (u.displayName ?? '').startsWith(filter.displayNameStartsWith!));
  add(status, (u) => u.status === status);
  add(filter.email, (u) => u.email === filter.email);
  add(filter.phoneRegion, (u) => u.phoneRegion === filter.phoneRegion);
  add(filter.phoneNumber, (u) => u.phoneNumber === filter.phoneNumber);
  add(filter.userSourceType, (u) => u.userSourceType === filter.userSourceType);
  add(filter.userSourceId, (u) => u.userSourceId === filter.userSourceId);

  if (!userIds && !filter.userExternalId && !predicates.length) {
    const page = pageOfList(list, mode);
    return { ...page, items: page.items.map((id) => summary(inst.users.get(id)!)) };
  }
  if (filter.userExternalId) {
    const byExternal = inst.index.userExternalIds.get(filter.userExternalId);
    predicates.push((u) => u.userId === byExternal);
  }
  let candidates: UserState[];
  if (filter.organizationalUnitId) {
    const ouId = filter.organizationalUnitId;
    predicates.push((u) => u.organizationalUnitIds.has(ouId));
  }
  if (userIds) {
    candidates = userIds.map((id) => inst.users.get(id)).filter((u): u is UserState => !!u);
    candidates.sort((a, b) => a.seq - b.seq);
  } else if (filter.userExternalId) {
    const id = inst.index.userExternalIds.get(filter.userExternalId);
    candidates = id ? [inst.users.get(id)!] : [];
  } else {
    candidates = (list?.toArray() ?? []).map((id) => inst.users.get(id)!);
  }
  const matches = candidates.filter((u) => predicates.every((p) => p(u)));
  const page = pageOfSorted(matches, mode);
  return { ...page, items: page.items.map(summary) };
}
