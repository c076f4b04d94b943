/**
 * Lookups of users: one user by id, username or email (ListUsers, GetUser), listings, and the
 * groups a user belongs to (ListGroupsForUser).
 */
import type * as pulumi from '@pulumi/pulumi';
import type { GetUserResponse, ListGroupsForUserResponse, ListUsersResponse } from '../catalog';
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

async function userById(client: EiamClient, instanceId: string, userId: string): Promise<UserInfo> {
  try {
    const res = await client.call('GetUser', { InstanceId: instanceId, UserId: userId });
    return withIds(fromWire(res.User ?? {}), ['userId'], 'GetUser');
  } catch (err) {
    if (isNotFound(err))
      throw new Error(`getUser: no user ${userId} in instance ${instanceId}`, { cause: err });
    throw err;
  }
}

/** One user, by id (GetUser), username or email (ListUsers, then GetUser). Fails when none or several match. */
export async function getUser(args: GetUserArgs, opts?: LookupOptions): Promise<UserInfo> {
  const fn = 'getUser';
  const by = exactlyOne(fn, args, ['userId', 'username', 'email']);
  return withLookupClient(opts, async (client) => {
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
}

/** {@link getUser} as a `pulumi.Output`. */
export function getUserOutput(
  args: LookupInputs<GetUserArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<UserInfo> {
  return lookupOutput(getUser, args, opts);
}

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

/** Users of an instance (ListUsers, every page). */
export async function getUsers(args: GetUsersArgs, opts?: LookupOptions): Promise<GetUsersResult> {
  return withLookupClient(opts, async (client) => {
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
}

/** {@link getUsers} as a `pulumi.Output`. */
export function getUsersOutput(
  args: LookupInputs<GetUsersArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetUsersResult> {
  return lookupOutput(getUsers, args, opts);
}

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

/** The groups a user belongs to (ListGroupsForUser, every page). */
export async function getGroupsForUser(
  args: GetGroupsForUserArgs,
  opts?: LookupOptions,
): Promise<GetGroupsForUserResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListGroupsForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
    });
    const groups = items.map((i) => withIds(fromWire(i), ['groupId'], 'ListGroupsForUser'));
    return { groups, groupIds: groups.map((g) => g.groupId ?? '') };
  });
}

/** {@link getGroupsForUser} as a `pulumi.Output`. */
export function getGroupsForUserOutput(
  args: LookupInputs<GetGroupsForUserArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetGroupsForUserResult> {
  return lookupOutput(getGroupsForUser, args, opts);
}
