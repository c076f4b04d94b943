/**
 * Lookups of users: one user by id, username or email (ListUsers, GetUser), listings, and the
 * groups a user belongs to (ListGroupsForUser).
 */
import type { GetUserResponse, ListGroupsForUserResponse, ListUsersResponse } from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, type WithIds, withIds } from './connection';

/** A user as GetUser reports it (groups and organizational units included). */
export type UserInfo = WithIds<Camel<NonNullable<GetUserResponse['User']>>, 'userId'>;
/** A user as ListUsers reports it. */
export type UserSummary = Camel<NonNullable<ListUsersResponse['Users']>[number]>;

/** Arguments of {@link getUser}: the instance and exactly one of `userId`, `username`, `email`. */
export interface GetUserArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user's id. */
  readonly userId?: string;
  /** The username (matched exactly, ignoring case as the service does). */
  readonly username?: string;
  /** The email address (matched exactly, ignoring case). */
  readonly email?: string;
}

function userById(client: EiamClient, instanceId: string, userId: string): Promise<UserInfo> {
  return explainNotFound('getUser', `user ${userId} in instance ${instanceId}`, async () => {
    const res = await client.call('GetUser', { InstanceId: instanceId, UserId: userId });
    return withIds(fromWire(res.User ?? {}), ['userId'], 'GetUser');
  });
}

const userLookup = defineLookup(async (args: GetUserArgs, client): Promise<UserInfo> => {
  const fn = 'getUser';
  const by = exactlyOne(fn, args, ['userId', 'username', 'email']);
  if (by === 'userId') return userById(client, args.instanceId, args.userId ?? '');
  let matches: UserSummary[];
  let what: string;
  if (by === 'username') {
    const wanted = (args.username ?? '').toLowerCase();
    const items = await client.listAll('ListUsers', {
      InstanceId: args.instanceId,
      UsernameStartsWith: args.username,
    });
    matches = items.map((i) => fromWire(i)).filter((u) => (u.username ?? '').toLowerCase() === wanted);
    what = `user with username "${args.username}"`;
  } else {
    const wanted = (args.email ?? '').toLowerCase();
    const items = await client.listAll('ListUsers', { InstanceId: args.instanceId, Email: args.email });
    matches = items.map((i) => fromWire(i)).filter((u) => (u.email ?? '').toLowerCase() === wanted);
    what = `user with email "${args.email}"`;
  }
  const user = single(fn, matches, `${what} in instance ${args.instanceId}`);
  return userById(client, args.instanceId, user.userId ?? '');
});
/** One user, by id (GetUser), username or email (ListUsers, then GetUser). Fails when none or several match. */
export const getUser = userLookup.get;
/** {@link getUser} as a `pulumi.Output`. */
export const getUserOutput = userLookup.output;

/** Arguments of {@link getUsers}. */
export interface GetUsersArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only members of this organizational unit. */
  readonly organizationalUnitId?: string;
  /** Only users whose username starts with this. */
  readonly usernameStartsWith?: string;
  /** Only users whose display name starts with this. */
  readonly displayNameStartsWith?: string;
  /** Only users with this email. */
  readonly email?: string;
  /** Only users in this status (`enabled` / `disabled`). */
  readonly status?: string;
}

/** Result of {@link getUsers}. */
export interface GetUsersResult {
  /** The users. */
  readonly users: UserSummary[];
  /** Their ids. */
  readonly userIds: string[];
}

const usersLookup = defineLookup(async (args: GetUsersArgs, client): Promise<GetUsersResult> => {
  const items = await client.listAll('ListUsers', {
    InstanceId: args.instanceId,
    OrganizationalUnitId: args.organizationalUnitId,
    UsernameStartsWith: args.usernameStartsWith,
    DisplayNameStartsWith: args.displayNameStartsWith,
    Email: args.email,
    Status: args.status,
  });
  const users = items.map((i) => fromWire(i));
  return { users, userIds: users.map((u) => u.userId ?? '') };
});
/** Users of an instance (ListUsers, every page). */
export const getUsers = usersLookup.get;
/** {@link getUsers} as a `pulumi.Output`. */
export const getUsersOutput = usersLookup.output;

/** A group membership of a user, as ListGroupsForUser reports it. */
export type UserGroupInfo = WithIds<
  Camel<NonNullable<ListGroupsForUserResponse['Groups']>[number]>,
  'groupId'
>;

/** Arguments of {@link getGroupsForUser}. */
export interface GetGroupsForUserArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user. */
  readonly userId: string;
}

/** Result of {@link getGroupsForUser}. */
export interface GetGroupsForUserResult {
  /** The memberships. */
  readonly groups: UserGroupInfo[];
  /** The group ids. */
  readonly groupIds: string[];
}

const groupsForUserLookup = defineLookup(
  async (args: GetGroupsForUserArgs, client): Promise<GetGroupsForUserResult> => {
    const items = await client.listAll('ListGroupsForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
    });
    const groups = items.map((i) => withIds(fromWire(i), ['groupId'], 'ListGroupsForUser'));
    return { groups, groupIds: groups.map((g) => g.groupId ?? '') };
  },
);
/** The groups a user belongs to (ListGroupsForUser, every page). */
export const getGroupsForUser = groupsForUserLookup.get;
/** {@link getGroupsForUser} as a `pulumi.Output`. */
export const getGroupsForUserOutput = groupsForUserLookup.output;
