/**
 * `Group`: an account group of an EIAM instance (CreateGroup / GetGroup / UpdateGroup /
 * UpdateGroupDescription / DeleteGroup). Membership is managed by `GroupMembership` or
 * `GroupMembers`.
 *
 * Id: `<instanceId>/<groupId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as groupProviderModule from './providers/group';
import {
  EiamResource,
  argsMatchTable,
  classMatchesTable,
  assertDeclaredMatches,
  createOrAdopt,
  intentKeyOf,
  defineProvider,
  field,
  fieldTable,
  followUp,
  idPart,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Arguments of a {@link Group}. */
export interface GroupArgs {
  /** Instance the group belongs to. Changing it replaces the group. */
  readonly instanceId: pulumi.Input<string>;
  /** Group name, unique within the instance, at most 64 characters. Renamed in place. */
  readonly groupName: pulumi.Input<string>;
  /** Description, at most 256 characters. Unset: not managed; `''` clears it. */
  readonly description?: pulumi.Input<string>;
  /**
   * External id for correlating with other systems, at most 64 characters. The service
   * defaults it to the group id; unset: not managed. Changed in place.
   */
  readonly groupExternalId?: pulumi.Input<string>;
}

/**
 * Every field of a group, once: inputs (their diff action and check rules) and the outputs
 * GetGroup reports besides them. Wire names are the field names capitalized (`GroupName`).
 */
export const GROUP_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    groupName: field.string({ required: true, maxLength: 64 }),
    description: field.string({ kind: 'text', maxLength: 256 }),
    groupExternalId: field.string({ minLength: 1, maxLength: 64 }),
  },
  outputs: {
    /** Group id (`group_…`). */
    groupId: field.string({ required: true }),
    /** Where the group comes from (`build_in` for groups made through the API). */
    groupSourceType: field.string(),
    /** Id of the source. */
    groupSourceId: field.string(),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
});
argsMatchTable<GroupArgs, typeof GROUP_FIELDS>();

/** Checked inputs of a group, as the provider receives them. */
export type GroupInputs = InputsOf<typeof GROUP_FIELDS>;
/** Outputs of a group: the live attributes as GetGroup reports them. */
export type GroupOutputs = OutputsOf<typeof GROUP_FIELDS>;

/** What a change to each input means. */
export const GROUP_DIFF = GROUP_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'groupId'] as const;

async function fetchGroup(
  ctx: ProviderContext,
  instanceId: string,
  groupId: string,
): Promise<GroupOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetGroup', { InstanceId: instanceId, GroupId: groupId }));
  return res?.Group ? GROUP_FIELDS.read(res.Group, { instanceId }) : undefined;
}

/** The group provider's implementation (called through {@link groupProvider}). */
export const groupImplementation = defineProvider({
  kind: 'Group',
  table: GROUP_FIELDS,
  recordedOutput: 'groupId',
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    const what = `Group '${inputs.groupName}' in instance ${inputs.instanceId}`;
    const { id: groupId } = await createOrAdopt({
      what,
      intentKey: intentKeyOf(ctx.settings, what),
      uniqueKey: true,
      create: async () =>
        (await ctx.client.call('CreateGroup', GROUP_FIELDS.request(inputs, { create: true }))).GroupId ?? '',
      find: async () =>
        (
          await ctx.client.listAll('ListGroups', {
            InstanceId: inputs.instanceId,
            GroupName: inputs.groupName,
          })
        )
          .filter((g) => g.GroupName === inputs.groupName)
          .map((g) => g.GroupId ?? ''),
    });
    const id = joinId(inputs.instanceId, groupId);
    const known = { ...inputs, groupId };
    const outs = await followUp('Group', id, known, 'reading it back', () =>
      fetchGroup(ctx, inputs.instanceId, groupId),
    );
    return { id, outs: outs ?? known };
  },

  async read(ctx, id, props) {
    const { instanceId, groupId } = parseId('Group', id, ID_PARTS);
    assertDeclaredMatches('Group', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchGroup(ctx, instanceId, groupId);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, groupId } = parseId('Group', id, ID_PARTS);
    const key = { InstanceId: instanceId, GroupId: groupId };
    const changes = GROUP_FIELDS.changes(olds, news);
    const renamed = GROUP_FIELDS.request(news, { only: ['groupName', 'groupExternalId'], changes });
    if (renamed) await ctx.client.call('UpdateGroup', { ...key, ...renamed });
    const described = GROUP_FIELDS.request(news, { only: ['description'], changes });
    if (described) await ctx.client.call('UpdateGroupDescription', { ...key, ...described });
    const outs = await fetchGroup(ctx, instanceId, groupId);
    if (!outs) throw new Error(`Group ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, groupId } = parseId('Group', id, ID_PARTS);
    await unlessNotFound(ctx.client.call('DeleteGroup', { InstanceId: instanceId, GroupId: groupId }));
  },
});

/** The serializable provider of {@link Group} (its provider module, stored as a `require`). */
export const groupProvider: pulumi.dynamic.ResourceProvider = groupProviderModule;

/**
 * An account group of an EIAM instance.
 *
 * ```ts
 * const admins = new eiam.Group('admins', { instanceId: instance.instanceId, groupName: 'admins' });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/group_xxx' }`
 * (declare the same `instanceId` and `groupName` in the program).
 */
export class Group extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = GROUP_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Group id (`group_…`). */
  declare readonly groupId: pulumi.Output<string>;
  /** Group name. */
  declare readonly groupName: pulumi.Output<string>;
  /** Description as the service reports it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** External id as the service reports it (defaults to the group id). */
  declare readonly groupExternalId: pulumi.Output<string>;
  /** Source type of the group. */
  declare readonly groupSourceType: pulumi.Output<string>;
  /** Source id of the group. */
  declare readonly groupSourceId: pulumi.Output<string>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;

  /** Declares a group. */
  constructor(name: string, args: GroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(groupProvider, 'Group', GROUP_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.groupId = idPart(this.id, 1);
  }
}

classMatchesTable<Group, typeof GROUP_FIELDS>();

/** The type token of {@link Group}. */
export const GROUP_TYPE = typeToken('Group');
