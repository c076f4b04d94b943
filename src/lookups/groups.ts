/** Lookups of groups: one group by id or name (ListGroups, GetGroup), listings, and members (ListUsersForGroup). */
import type * as pulumi from '@pulumi/pulumi';
import type { GetGroupResponse, ListGroupsResponse, ListUsersForGroupResponse } from '../catalog';
import type { EiamClient } from '../client';
import { isNotFound } from '../client';
import { fromWire, type Camel } from '../wire';
import {
  exactlyOne,
  lookupOutput,
  single,
  withLookupClient,
  type LookupInputs,
  type LookupOptions,
  type WithIds,
  withIds,
} from './connection';

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

async function groupById(client: EiamClient, instanceId: string, groupId: string): Promise<GroupInfo> {
  try {
    const res = await client.call('GetGroup', { InstanceId: instanceId, GroupId: groupId });
    return withIds(fromWire(res.Group ?? {}), ['groupId'], 'GetGroup');
  } catch (err) {
    if (isNotFound(err))
      throw new Error(`getGroup: no group ${groupId} in instance ${instanceId}`, { cause: err });
    throw err;
  }
}

/** One group, by id (GetGroup) or exact name (ListGroups, then GetGroup). */
export async function getGroup(args: GetGroupArgs, opts?: LookupOptions): Promise<GroupInfo> {
  const fn = 'getGroup';
  const by = exactlyOne(fn, args, ['groupId', 'groupName']);
  return withLookupClient(opts, async (client) => {
    if (by === 'groupId') return groupById(client, args.instanceId, args.groupId ?? '');
    const items = await client.listAll('ListGroups', {
      InstanceId: args.instanceId,
      GroupName: args.groupName,
    });
    const matches = items.map((i) => fromWire(i)).filter((g) => g.groupName === args.groupName);
    const group = single(fn, matches, `group named "${args.groupName}" in instance ${args.instanceId}`);
    return groupById(client, args.instanceId, group.groupId ?? '');
  });
}

/** {@link getGroup} as a `pulumi.Output`. */
export function getGroupOutput(
  args: LookupInputs<GetGroupArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GroupInfo> {
  return lookupOutput(getGroup, args, opts);
}

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

/** Groups of an instance (ListGroups, every page). */
export async function getGroups(args: GetGroupsArgs, opts?: LookupOptions): Promise<GetGroupsResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListGroups', {
      InstanceId: args.instanceId,
      GroupNameStartsWith: args.groupNameStartsWith,
    });
    const groups = items.map((i) => fromWire(i));
    return { groups, groupIds: groups.map((g) => g.groupId ?? '') };
  });
}

/** {@link getGroups} as a `pulumi.Output`. */
export function getGroupsOutput(
  args: LookupInputs<GetGroupsArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetGroupsResult> {
  return lookupOutput(getGroups, args, opts);
}

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

/** The members of a group (ListUsersForGroup, every page). */
export async function getUsersForGroup(
  args: GetUsersForGroupArgs,
  opts?: LookupOptions,
): Promise<GetUsersForGroupResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListUsersForGroup', {
      InstanceId: args.instanceId,
      GroupId: args.groupId,
    });
    const users = items.map((i) => withIds(fromWire(i), ['userId'], 'ListUsersForGroup'));
    return { users, userIds: users.map((u) => u.userId ?? '') };
  });
}

/** {@link getUsersForGroup} as a `pulumi.Output`. */
export function getUsersForGroupOutput(
  args: LookupInputs<GetUsersForGroupArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetUsersForGroupResult> {
  return lookupOutput(getUsersForGroup, args, opts);
}
