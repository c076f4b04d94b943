/**
 * Group membership, in two forms:
 *
 * - `GroupMembership`: one account in one group (AddUsersToGroup / RemoveUsersFromGroup /
 *   ListUsersForGroup). Many of them can target the same group, from any number of stacks;
 *   each only ever touches its own account. Id: `<instanceId>/<groupId>/<userId>`.
 * - `GroupMembers`: the authoritative member list of one group. It adds missing accounts and
 *   removes every account not listed, including accounts added by anything else. Id:
 *   `<instanceId>/<groupId>`.
 *
 * Use one form per group, never both: a `GroupMembers` would remove the accounts that
 * `GroupMembership` resources add (and vice versa on delete), and the two would fight on every
 * `pulumi up`. Nothing at check time can detect the overlap (the other resource may live in
 * another stack), so this is a documented rule. `GroupMembers.read` reports the live list, so
 * any account added behind its back shows up as drift in the next preview.
 */
import * as pulumi from '@pulumi/pulumi';
import * as groupMembershipProviderModule from './providers/group-membership';
import * as groupMembersProviderModule from './providers/group-members';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  defineProvider,
  field,
  fieldTable,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Most account ids AddUsersToGroup / RemoveUsersFromGroup accept per call. */
export const MEMBERSHIP_BATCH_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// GroupMembership
// ---------------------------------------------------------------------------------------------

/** Arguments of a {@link GroupMembership}. */
export interface GroupMembershipArgs {
  /** Instance of the group and the account. Changing it replaces the membership. */
  readonly instanceId: pulumi.Input<string>;
  /** Group id. Changing it replaces the membership. */
  readonly groupId: pulumi.Input<string>;
  /** Account id. Changing it replaces the membership. */
  readonly userId: pulumi.Input<string>;
}

/** Every field of a membership, once: every input identifies it, so a change replaces it. */
export const GROUP_MEMBERSHIP_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    groupId: field.id('group', { required: true, action: 'replace' }),
    userId: field.id('user', { required: true, action: 'replace' }),
  },
  outputs: {
    /** How the membership came about, as ListUsersForGroup reports it (e.g. `build_in`). */
    groupMemberRelationSourceType: field.string(),
  },
});
argsMatchTable<GroupMembershipArgs, typeof GROUP_MEMBERSHIP_FIELDS>();

/** Checked inputs (and outputs) of a membership. */
export type GroupMembershipInputs = InputsOf<typeof GROUP_MEMBERSHIP_FIELDS>;
/** Outputs of a membership. */
export type GroupMembershipOutputs = OutputsOf<typeof GROUP_MEMBERSHIP_FIELDS>;

/** What a change to each input means: every input identifies the membership. */
export const GROUP_MEMBERSHIP_DIFF = GROUP_MEMBERSHIP_FIELDS.diffTable;

/** Source type ListUsersForGroup reports for a membership made with AddUsersToGroup. */
const API_MEMBERSHIP_SOURCE = 'build_in';
const MEMBERSHIP_ID = ['instanceId', 'groupId', 'userId'] as const;

/** The membership row of `userId` in the group, or undefined (also when the group is gone). */
async function fetchMembership(
  ctx: ProviderContext,
  key: GroupMembershipInputs,
): Promise<GroupMembershipOutputs | undefined> {
  const res = await unlessNotFound(
    ctx.client.call('ListUsersForGroup', {
      InstanceId: key.instanceId,
      GroupId: key.groupId,
      UserIds: [key.userId],
    }),
  );
  const row = res?.Users?.find((u) => u.UserId === key.userId);
  return row ? GROUP_MEMBERSHIP_FIELDS.read(row, key) : undefined;
}

/** The membership provider's implementation (called through {@link groupMembershipProvider}). */
export const groupMembershipImplementation = defineProvider({
  kind: 'GroupMembership',
  table: GROUP_MEMBERSHIP_FIELDS,
  // Every recorded state carries `declaredInputs` and an import's props never do (the outputs
  // otherwise repeat the inputs), so its absence marks an import.
  recordedOutput: 'declaredInputs',
  idParts: MEMBERSHIP_ID,

  async create(ctx, inputs) {
    const key = { instanceId: inputs.instanceId, groupId: inputs.groupId, userId: inputs.userId };
    await ctx.client.call('AddUsersToGroup', {
      InstanceId: key.instanceId,
      GroupId: key.groupId,
      UserIds: [key.userId],
    });
    const id = joinId(key.instanceId, key.groupId, key.userId);
    // A success means the account is a member now; no read-back (listing the group to confirm
    // one membership costs a call per resource). Memberships made through the API are of the
    // service's own kind; a later refresh reports the live value.
    const outs: GroupMembershipOutputs = { ...key, groupMemberRelationSourceType: API_MEMBERSHIP_SOURCE };
    return { id, outs };
  },

  async read(ctx, id, props) {
    const key = parseId('GroupMembership', id, MEMBERSHIP_ID);
    for (const f of MEMBERSHIP_ID) assertDeclaredMatches('GroupMembership', id, f, props[f], key[f]);
    const live = await fetchMembership(ctx, key);
    if (!live) return {};
    return { id, props: live };
  },

  async update(_ctx, _id, olds) {
    // Every input replaces; nothing is updated in place.
    return { outs: olds };
  },

  async delete(ctx, id) {
    const key = parseId('GroupMembership', id, MEMBERSHIP_ID);
    await unlessNotFound(
      ctx.client.call('RemoveUsersFromGroup', {
        InstanceId: key.instanceId,
        GroupId: key.groupId,
        UserIds: [key.userId],
      }),
    );
  },
});

/** The serializable provider of {@link GroupMembership}. */
export const groupMembershipProvider: pulumi.dynamic.ResourceProvider = groupMembershipProviderModule;

/**
 * One account's membership of one group. Prefer this form when memberships are spread across
 * programs, or when the group also has members Pulumi does not manage.
 *
 * ```ts
 * new eiam.GroupMembership('alice-admins', { instanceId, groupId: admins.groupId, userId: alice.userId });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/group_xxx/user_xxx' }`.
 */
export class GroupMembership extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = GROUP_MEMBERSHIP_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Group id. */
  declare readonly groupId: pulumi.Output<string>;
  /** Account id. */
  declare readonly userId: pulumi.Output<string>;
  /** Source type of the membership. */
  declare readonly groupMemberRelationSourceType: pulumi.Output<string | undefined>;

  /** Declares a membership. */
  constructor(name: string, args: GroupMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    super(groupMembershipProvider, 'GroupMembership', GROUP_MEMBERSHIP_FIELDS, name, args, opts);
  }
}

classMatchesTable<GroupMembership, typeof GROUP_MEMBERSHIP_FIELDS>();

/** The type token of {@link GroupMembership}. */
export const GROUP_MEMBERSHIP_TYPE = typeToken('GroupMembership');

// ---------------------------------------------------------------------------------------------
// GroupMembers (authoritative)
// ---------------------------------------------------------------------------------------------

/** Arguments of a {@link GroupMembers}. */
export interface GroupMembersArgs {
  /** Instance of the group. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** Group id. Changing it replaces the resource. */
  readonly groupId: pulumi.Input<string>;
  /** The complete member list (order and duplicates do not matter). Updated in place. */
  readonly userIds: pulumi.Input<pulumi.Input<string>[]>;
}

/** Every field of a member list, once. */
export const GROUP_MEMBERS_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    groupId: field.id('group', { required: true, action: 'replace' }),
    userIds: field.idSet('user', { required: true }),
  },
});
argsMatchTable<GroupMembersArgs, typeof GROUP_MEMBERS_FIELDS>();

/** Checked inputs of a member list. */
export type GroupMembersInputs = InputsOf<typeof GROUP_MEMBERS_FIELDS>;
/** Outputs of a member list: the live members. */
export type GroupMembersOutputs = OutputsOf<typeof GROUP_MEMBERS_FIELDS>;

/** What a change to each input means. */
export const GROUP_MEMBERS_DIFF = GROUP_MEMBERS_FIELDS.diffTable;

const MEMBERS_ID = ['instanceId', 'groupId'] as const;

/** Current member ids of the group (every page), or undefined when the group is gone. */
async function listMembers(
  ctx: ProviderContext,
  instanceId: string,
  groupId: string,
): Promise<string[] | undefined> {
  const rows = await unlessNotFound(
    ctx.client.listAll('ListUsersForGroup', { InstanceId: instanceId, GroupId: groupId }),
  );
  return rows?.map((r) => r.UserId ?? '').filter((u) => u);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Makes the group's members exactly `want`; returns the resulting list. */
async function reconcile(
  ctx: ProviderContext,
  instanceId: string,
  groupId: string,
  want: readonly string[],
): Promise<string[]> {
  const have = await listMembers(ctx, instanceId, groupId);
  if (have === undefined) throw new Error(`Group ${instanceId}/${groupId} does not exist`);
  const wanted = new Set(want);
  const current = new Set(have);
  const add = [...wanted].filter((u) => !current.has(u));
  const remove = have.filter((u) => !wanted.has(u));
  const key = { InstanceId: instanceId, GroupId: groupId };
  // Batches are independent: they run concurrently, paced by the client's rate governor.
  await Promise.all([
    ...chunks(add, MEMBERSHIP_BATCH_SIZE).map((batch) =>
      ctx.client.call('AddUsersToGroup', { ...key, UserIds: batch }),
    ),
    ...chunks(remove, MEMBERSHIP_BATCH_SIZE).map((batch) =>
      ctx.client.call('RemoveUsersFromGroup', { ...key, UserIds: batch }),
    ),
  ]);
  // Every call succeeded, so the members are now exactly these: no second listing.
  return [...have.filter((u) => wanted.has(u)), ...add];
}

/** The member-list provider's implementation (called through {@link groupMembersProvider}). */
export const groupMembersImplementation = defineProvider({
  kind: 'GroupMembers',
  table: GROUP_MEMBERS_FIELDS,
  // Every recorded state carries `declaredInputs` and an import's props never do (the outputs
  // otherwise repeat the inputs), so its absence marks an import.
  recordedOutput: 'declaredInputs',
  idParts: MEMBERS_ID,

  async create(ctx, inputs) {
    const userIds = await reconcile(ctx, inputs.instanceId, inputs.groupId, inputs.userIds);
    return {
      id: joinId(inputs.instanceId, inputs.groupId),
      outs: { instanceId: inputs.instanceId, groupId: inputs.groupId, userIds },
    };
  },

  async read(ctx, id, props) {
    const { instanceId, groupId } = parseId('GroupMembers', id, MEMBERS_ID);
    assertDeclaredMatches('GroupMembers', id, 'instanceId', props.instanceId, instanceId);
    assertDeclaredMatches('GroupMembers', id, 'groupId', props.groupId, groupId);
    const userIds = await listMembers(ctx, instanceId, groupId);
    if (userIds === undefined) return {};
    const live = { instanceId, groupId, userIds };
    return { id, props: live };
  },

  async update(ctx, id, _olds, news) {
    const { instanceId, groupId } = parseId('GroupMembers', id, MEMBERS_ID);
    const userIds = await reconcile(ctx, instanceId, groupId, news.userIds);
    return { outs: { instanceId, groupId, userIds } };
  },

  async delete(ctx, id, props) {
    // Removes the accounts this resource manages (its recorded list) that are still members.
    const { instanceId, groupId } = parseId('GroupMembers', id, MEMBERS_ID);
    const have = await listMembers(ctx, instanceId, groupId);
    if (!have) return;
    const managed = new Set(props.userIds ?? []);
    const remove = have.filter((u) => managed.has(u));
    for (const batch of chunks(remove, MEMBERSHIP_BATCH_SIZE)) {
      await unlessNotFound(
        ctx.client.call('RemoveUsersFromGroup', { InstanceId: instanceId, GroupId: groupId, UserIds: batch }),
      );
    }
  },
});

/** The serializable provider of {@link GroupMembers}. */
export const groupMembersProvider: pulumi.dynamic.ResourceProvider = groupMembersProviderModule;

/**
 * The complete member list of one group: accounts not listed are removed. Use it when Pulumi
 * owns the group's membership outright; never together with `GroupMembership` on one group.
 *
 * ```ts
 * new eiam.GroupMembers('admins', { instanceId, groupId: admins.groupId, userIds: [alice.userId, bob.userId] });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/group_xxx' }`.
 */
export class GroupMembers extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = GROUP_MEMBERS_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Group id. */
  declare readonly groupId: pulumi.Output<string>;
  /** The group's members as last read. */
  declare readonly userIds: pulumi.Output<string[]>;

  /** Declares the member list of a group. */
  constructor(name: string, args: GroupMembersArgs, opts?: pulumi.CustomResourceOptions) {
    super(groupMembersProvider, 'GroupMembers', GROUP_MEMBERS_FIELDS, name, args, opts);
  }
}

classMatchesTable<GroupMembers, typeof GROUP_MEMBERS_FIELDS>();

/** The type token of {@link GroupMembers}. */
export const GROUP_MEMBERS_TYPE = typeToken('GroupMembers');
