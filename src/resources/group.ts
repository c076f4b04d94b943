/**
 * `Group`: an account group of an EIAM instance (CreateGroup / GetGroup / UpdateGroup /
 * UpdateGroupDescription / DeleteGroup). Membership is managed by `GroupMembership` or
 * `GroupMembers`.
 *
 * Id: `<instanceId>/<groupId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import type { GetGroupResponse } from '../catalog';
import * as groupProviderModule from './providers/group';
import {
  EiamResource,
  assertDeclaredMatches,
  changedFields,
  compact,
  createOrAdopt,
  intentKeyOf,
  declareOutputs,
  defineProvider,
  diffByTable,
  fieldTree,
  followUp,
  hasChange,
  idPart,
  InputChecker,
  joinId,
  parseId,
  TYPE_MODULE,
  typeToken,
  unlessNotFound,
  withSecretOutputs,
  type DiffTable,
  type ProviderContext,
} from './provider-kit';
import { checkInstanceId } from './common';

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

/** Checked inputs of a group, as the provider receives them. */
export interface GroupInputs {
  /** See {@link GroupArgs.instanceId}. */
  instanceId: string;
  /** See {@link GroupArgs.groupName}. */
  groupName: string;
  /** See {@link GroupArgs.description}. */
  description?: string;
  /** See {@link GroupArgs.groupExternalId}. */
  groupExternalId?: string;
}

/** Outputs of a group: the live attributes as GetGroup reports them. */
export interface GroupOutputs extends GroupInputs {
  /** Group id (`group_…`). */
  groupId: string;
  /** Where the group comes from (`build_in` for groups made through the API). */
  groupSourceType?: string;
  /** Id of the source. */
  groupSourceId?: string;
  /** Creation time, epoch ms. */
  createTime?: number;
  /** Last update time, epoch ms. */
  updateTime?: number;
}

/** What a change to each input means. */
export const GROUP_DIFF: DiffTable = {
  instanceId: 'replace',
  groupName: 'update',
  description: { action: 'update', kind: 'text' },
  groupExternalId: 'update',
};

const INPUT_FIELDS = Object.keys(GROUP_DIFF);
const OUTPUT_NAMES = [
  'groupId',
  'groupSourceType',
  'groupSourceId',
  'createTime',
  'updateTime',
  ...INPUT_FIELDS,
];
const ID_PARTS = ['instanceId', 'groupId'] as const;

function toOutputs(group: NonNullable<GetGroupResponse['Group']>, instanceId: string): GroupOutputs {
  return compact({
    instanceId,
    groupId: group.GroupId ?? '',
    groupName: group.GroupName ?? '',
    description: group.Description,
    groupExternalId: group.GroupExternalId,
    groupSourceType: group.GroupSourceType,
    groupSourceId: group.GroupSourceId,
    createTime: group.CreateTime,
    updateTime: group.UpdateTime,
  });
}

async function fetchGroup(
  ctx: ProviderContext,
  instanceId: string,
  groupId: string,
): Promise<GroupOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetGroup', { InstanceId: instanceId, GroupId: groupId }));
  return res?.Group ? toOutputs(res.Group, instanceId) : undefined;
}

/** The group provider's implementation (called through {@link groupProvider}). */
export const groupImplementation = defineProvider<GroupInputs, GroupOutputs>({
  kind: 'Group',
  shape: { table: GROUP_DIFF },
  recordedOutput: 'groupId',
  idParts: ID_PARTS,
  fields: fieldTree(Object.keys(GROUP_DIFF)),

  check(_olds, news) {
    const c = new InputChecker(news);
    checkInstanceId(c);
    c.string('groupName', { required: true, maxLength: 64 })
      .string('description', { maxLength: 256 })
      .string('groupExternalId', { minLength: 1, maxLength: 64 });
    return c.result(news as unknown as GroupInputs);
  },

  diff(_id, olds, news) {
    return diffByTable(GROUP_DIFF, { ...olds }, { ...news });
  },

  async create(ctx, inputs) {
    const { id: groupId } = await createOrAdopt({
      what: `Group '${inputs.groupName}' in instance ${inputs.instanceId}`,
      intentKey: intentKeyOf(ctx.settings, `Group '${inputs.groupName}' in instance ${inputs.instanceId}`),
      uniqueKey: true,
      create: async () =>
        (
          await ctx.client.call('CreateGroup', {
            InstanceId: inputs.instanceId,
            GroupName: inputs.groupName,
            Description: inputs.description || undefined,
            GroupExternalId: inputs.groupExternalId,
          })
        ).GroupId ?? '',
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
    const changes = changedFields(GROUP_DIFF, { ...olds }, { ...news });
    if (hasChange(changes, 'groupName') || hasChange(changes, 'groupExternalId')) {
      await ctx.client.call('UpdateGroup', {
        InstanceId: instanceId,
        GroupId: groupId,
        GroupName: hasChange(changes, 'groupName') ? news.groupName : undefined,
        GroupExternalId: hasChange(changes, 'groupExternalId') ? news.groupExternalId : undefined,
      });
    }
    if (hasChange(changes, 'description')) {
      await ctx.client.call('UpdateGroupDescription', {
        InstanceId: instanceId,
        GroupId: groupId,
        Description: news.description,
      });
    }
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
  static readonly secretOutputs: readonly string[] = [];

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
    super(
      groupProvider,
      name,
      declareOutputs(args, OUTPUT_NAMES),
      withSecretOutputs(opts, Group.secretOutputs),
      TYPE_MODULE,
      'Group',
    );
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.groupId = idPart(this.id, 1);
  }
}

/** The type token of {@link Group}. */
export const GROUP_TYPE = typeToken('Group');
