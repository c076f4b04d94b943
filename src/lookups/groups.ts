/** Lookups of groups: one group by id or name (ListGroups, GetGroup), listings, and members (ListUsersForGroup). */
import type { GetGroupResponse, ListGroupsResponse, ListUsersForGroupResponse } from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, type WithIds, withIds } from './connection';

/** A group as GetGroup reports it. */
export type GroupInfo = WithIds<Camel<NonNullable<GetGroupResponse['Group']>>, 'groupId'>;
/** A group as ListGroups reports it. */
export type GroupSummary = Camel<NonNullable<ListGroupsResponse['Groups']>[number]>;

/** Arguments of {@link getGroup}: the instance and exactly one of `groupId`, `groupName`. */
export interface GetGroupArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The group's id. */
  readonly groupId?: string;
  /** The group's exact name. */
  readonly groupName?: string;
}

function groupById(client: EiamClient, instanceId: string, groupId: string): Promise<GroupInfo> {
  return explainNotFound('getGroup', `group ${groupId} in instance ${instanceId}`, async () => {
    const res = await client.call('GetGroup', { InstanceId: instanceId, GroupId: groupId });
    return withIds(fromWire(res.Group ?? {}), ['groupId'], 'GetGroup');
  });
}

const groupLookup = defineLookup(async (args: GetGroupArgs, client): Promise<GroupInfo> => {
  const fn = 'getGroup';
  const by = exactlyOne(fn, args, ['groupId', 'groupName']);
  if (by === 'groupId') return groupById(client, args.instanceId, args.groupId ?? '');
  const items = await client.listAll('ListGroups', {
    InstanceId: args.instanceId,
    GroupName: args.groupName,
  });
  const matches = items.map((i) => fromWire(i)).filter((g) => g.groupName === args.groupName);
  const group = single(fn, matches, `group named "${args.groupName}" in instance ${args.instanceId}`);
  return groupById(client, args.instanceId, group.groupId ?? '');
});
/** One group, by id (GetGroup) or exact name (ListGroups, then GetGroup). */
export const getGroup = groupLookup.get;
/** {@link getGroup} as a `pulumi.Output`. */
export const getGroupOutput = groupLookup.output;

/** Arguments of {@link getGroups}. */
export interface GetGroupsArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only groups whose name starts with this. */
  readonly groupNameStartsWith?: string;
}

/** Result of {@link getGroups}. */
export interface GetGroupsResult {
  /** The groups. */
  readonly groups: GroupSummary[];
  /** Their ids. */
  readonly groupIds: string[];
}

const groupsLookup = defineLookup(async (args: GetGroupsArgs, client): Promise<GetGroupsResult> => {
  const items = await client.listAll('ListGroups', {
    InstanceId: args.instanceId,
    GroupNameStartsWith: args.groupNameStartsWith,
  });
  const groups = items.map((i) => fromWire(i));
  return { groups, groupIds: groups.map((g) => g.groupId ?? '') };
});
/** Groups of an instance (ListGroups, every page). */
export const getGroups = groupsLookup.get;
/** {@link getGroups} as a `pulumi.Output`. */
export const getGroupsOutput = groupsLookup.output;

/** A member of a group, as ListUsersForGroup reports it. */
export type GroupMemberInfo = WithIds<
  Camel<NonNullable<ListUsersForGroupResponse['Users']>[number]>,
  'userId'
>;

/** Arguments of {@link getUsersForGroup}. */
export interface GetUsersForGroupArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The group. */
  readonly groupId: string;
}

/** Result of {@link getUsersForGroup}. */
export interface GetUsersForGroupResult {
  /** The members. */
  readonly users: GroupMemberInfo[];
  /** Their user ids. */
  readonly userIds: string[];
}

const usersForGroupLookup = defineLookup(
  async (args: GetUsersForGroupArgs, client): Promise<GetUsersForGroupResult> => {
    const items = await client.listAll('ListUsersForGroup', {
      InstanceId: args.instanceId,
      GroupId: args.groupId,
    });
    const users = items.map((i) => withIds(fromWire(i), ['userId'], 'ListUsersForGroup'));
    return { users, userIds: users.map((u) => u.userId ?? '') };
  },
);
/** The members of a group (ListUsersForGroup, every page). */
export const getUsersForGroup = usersForGroupLookup.get;
/** {@link getUsersForGroup} as a `pulumi.Output`. */
export const getUsersForGroupOutput = usersForGroupLookup.output;
