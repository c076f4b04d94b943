/**
 * Account groups and their members.
 *
 * Rules: group names and external ids are unique in the instance; adding a member twice is a no-op;
 * deleting a group drops its memberships and (through the principal hook) its application
 * authorizations.
 */
import { alreadyExists } from './errors';
import { pageMode, pageOfList, pageOfSorted, type Page } from './paging';
import { indexGroup, indexGroupMember, unindexGroup, type GroupState, type InstanceState } from './state';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';
import { checkIdList, LIMITS, optionalText, requiredIdList, requiredText } from './validate';

/** CreateGroup input. */
export type CreateGroupInput = RequestFields<'CreateGroup', 'groupName' | 'description' | 'groupExternalId'>;

/** UpdateGroup input; absent or empty fields are left unchanged. */
export type UpdateGroupInput = RequestFields<'UpdateGroup', 'groupName' | 'groupExternalId'>;

/** ListGroups filters. */
export type ListGroupsFilter = RequestFields<
  'ListGroups',
  'groupIds' | 'groupName' | 'groupNameStartsWith' | 'groupExternalId' | 'pageNumber' | 'pageSize'
>;

/** ListUsersForGroup paging and its optional UserIds filter. */
export type ListGroupMembersFilter = RequestFields<
  'ListUsersForGroup',
  'userIds' | 'pageNumber' | 'pageSize'
>;

/** ListGroupsForUser paging. */
export type ListGroupsForUserFilter = RequestFields<'ListGroupsForUser', 'pageNumber' | 'pageSize'>;

/** A page of groups. */
export type GroupPage = Page<GroupState>;
/** A page of member ids (user ids for a group, group ids for a user). */
export type MemberPage = Page<string>;

function checkUniqueName(inst: InstanceState, name: string, self?: string): void {
  const existing = inst.index.groupNames.get(name);
  if (existing !== undefined && existing !== self) throw alreadyExists('Group.GroupName', `named '${name}'`);
}

function checkUniqueExternalId(inst: InstanceState, externalId: string, self?: string): void {
  const existing = inst.index.groupExternalIds.get(externalId);
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('Group.GroupExternalId', `with external id '${externalId}'`);
  }
}

/** CreateGroup. */
export function createGroup(svc: ModelContext, instanceId: string, input: CreateGroupInput): GroupState {
  const inst = svc.requireRunningInstance(instanceId);
  const name = requiredText('GroupName', input.groupName, LIMITS.groupName);
  const description = optionalText('Description', input.description, LIMITS.description);
  const externalId = optionalText('GroupExternalId', input.groupExternalId, LIMITS.groupExternalId);
  checkUniqueName(inst, name);
  if (externalId) checkUniqueExternalId(inst, externalId);
  const now = svc.now();
  const groupId = svc.newId('group');
  const group: GroupState = {
    groupId,
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    groupName: name,
    description: description || undefined,
    groupExternalId: externalId || groupId,
    groupSourceType: 'build_in',
    groupSourceId: inst.instanceId,
    createTime: now,
    updateTime: now,
  };
  inst.groups.set(groupId, group);
  indexGroup(inst.index, group);
  return group;
}

/** DeleteGroup: members lose the membership; application authorizations go via the hook. */
export function deleteGroup(svc: ModelContext, instanceId: string, groupId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const group = svc.requireGroup(inst, groupId);
  for (const userId of inst.index.groupMembers.get(groupId)?.toArray() ?? []) {
    inst.users.get(userId)?.groupIds.delete(groupId);
  }
  unindexGroup(inst.index, group);
  inst.groups.delete(groupId);
  svc.principalDeleted(inst, 'group', groupId);
}

/** UpdateGroup: renames and/or changes the external id. */
export function updateGroup(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  input: UpdateGroupInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const group = svc.requireGroup(inst, groupId);
  const name = input.groupName ? optionalText('GroupName', input.groupName, LIMITS.groupName) : undefined;
  const externalId = input.groupExternalId
    ? optionalText('GroupExternalId', input.groupExternalId, LIMITS.groupExternalId)
    : undefined;
  if (name) checkUniqueName(inst, name, groupId);
  if (externalId) checkUniqueExternalId(inst, externalId, groupId);
  if (!name && !externalId) return;
  const members = inst.index.groupMembers.get(groupId);
  unindexGroup(inst.index, group);
  if (name) group.groupName = name;
  if (externalId) group.groupExternalId = externalId;
  group.updateTime = svc.now();
  indexGroup(inst.index, group);
  if (members) inst.index.groupMembers.set(groupId, members);
}

/** UpdateGroupDescription: sets, or with an empty value clears, the description. */
export function updateGroupDescription(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  description: string | undefined,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const group = svc.requireGroup(inst, groupId);
  group.description = optionalText('Description', description, LIMITS.description) || undefined;
  group.updateTime = svc.now();
}

/** The instance and the users an AddUsersToGroup / RemoveUsersFromGroup call names, all existing. */
function groupAndUsers(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  userIds: string[] | undefined,
) {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireGroup(inst, groupId);
  const users = requiredIdList('UserIds', userIds).map((id) => svc.requireUser(inst, id));
  return { inst, users };
}

/** AddUsersToGroup: every user must exist; current members are left as they are. */
export function addUsersToGroup(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  userIds: string[] | undefined,
): void {
  const { inst, users } = groupAndUsers(svc, instanceId, groupId, userIds);
  for (const user of users) {
    if (user.groupIds.has(groupId)) continue;
    user.groupIds.add(groupId);
    indexGroupMember(inst.index, groupId, user);
  }
}

/** RemoveUsersFromGroup: every user must exist; non-members are ignored. */
export function removeUsersFromGroup(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  userIds: string[] | undefined,
): void {
  const { inst, users } = groupAndUsers(svc, instanceId, groupId, userIds);
  for (const user of users) {
    if (!user.groupIds.delete(groupId)) continue;
    inst.index.groupMembers.get(groupId)?.remove(user.seq);
  }
}

/** GetGroup. */
export function getGroup(svc: ModelContext, instanceId: string, groupId: string): GroupState {
  return svc.requireGroup(svc.requireRunningInstance(instanceId), groupId);
}

/** ListGroups in creation order; a slice of the index when unfiltered. */
export function listGroups(svc: ModelContext, instanceId: string, filter: ListGroupsFilter): GroupPage {
  const inst = svc.requireRunningInstance(instanceId);
  const mode = pageMode(filter);
  const ids = filter.groupIds?.length ? checkIdList('GroupIds', filter.groupIds) : undefined;
  const { groupName, groupNameStartsWith: prefix, groupExternalId } = filter;
  if (!ids && !groupName && !prefix && !groupExternalId) {
    const page = pageOfList(inst.index.groups, mode);
    return { ...page, items: page.items.map((id) => inst.groups.get(id)!) };
  }
  let candidates: GroupState[];
  if (ids) candidates = ids.map((id) => inst.groups.get(id)).filter((g): g is GroupState => !!g);
  else if (groupName)
    candidates = [inst.index.groupNames.get(groupName)].flatMap((id) => (id ? [inst.groups.get(id)!] : []));
  else candidates = inst.index.groups.toArray().map((id) => inst.groups.get(id)!);
  const matches = candidates
    .filter(
      (g) =>
        (!groupName || g.groupName === groupName) &&
        (!prefix || g.groupName.startsWith(prefix)) &&
        (!groupExternalId || g.groupExternalId === groupExternalId),
    )
    .sort((a, b) => a.seq - b.seq);
  return pageOfSorted(matches, mode);
}

/** ListUsersForGroup: member user ids in user creation order. */
export function listUsersForGroup(
  svc: ModelContext,
  instanceId: string,
  groupId: string,
  filter: ListGroupMembersFilter,
): MemberPage {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireGroup(inst, groupId);
  const mode = pageMode(filter);
  const members = inst.index.groupMembers.get(groupId);
  const wanted = filter.userIds?.length ? checkIdList('UserIds', filter.userIds) : undefined;
  if (!wanted) return pageOfList(members, mode);
  const matches = wanted
    .map((id) => inst.users.get(id))
    .filter((u) => !!u && u.groupIds.has(groupId))
    .map((u) => ({ seq: u!.seq, id: u!.userId }))
    .sort((a, b) => a.seq - b.seq);
  const page = pageOfSorted(matches, mode);
  return { ...page, items: page.items.map((m) => m.id) };
}

/** ListGroupsForUser: the user's group ids in group creation order. */
export function listGroupsForUser(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  filter: ListGroupsForUserFilter,
): MemberPage {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  const groups = [...user.groupIds].map((id) => inst.groups.get(id)!).sort((a, b) => a.seq - b.seq);
  const page = pageOfSorted(groups, pageMode(filter));
  return { ...page, items: page.items.map((g) => g.groupId) };
}
