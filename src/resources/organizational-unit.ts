/**
 * `OrganizationalUnit`: a unit of an EIAM instance's organization tree
 * (CreateOrganizationalUnit / GetOrganizationalUnit / UpdateOrganizationalUnit /
 * UpdateOrganizationalUnitDescription / UpdateOrganizationalUnitParentId /
 * DeleteOrganizationalUnit / DeleteOrganizationalUnitChildren).
 *
 * A change of `parentId` MOVES the unit (its users and children come along); it never replaces
 * it. Without `parentId` the unit is created under the instance's root unit
 * (GetRootOrganizationalUnit) and its parent is not managed afterwards.
 *
 * Id: `<instanceId>/<organizationalUnitId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import { EiamApiError } from '../client';
import * as organizationalUnitProviderModule from './providers/organizational-unit';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  createOrAdopt,
  intentKeyOf,
  defineProvider,
  field,
  fieldTable,
  followUp,
  hasChange,
  idPart,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Arguments of an {@link OrganizationalUnit}. */
export interface OrganizationalUnitArgs {
  /** Instance the unit belongs to. Changing it replaces the unit. */
  readonly instanceId: pulumi.Input<string>;
  /** Name, unique among its siblings, at most 64 characters. Renamed in place. */
  readonly organizationalUnitName: pulumi.Input<string>;
  /** Description, at most 256 characters. Unset: not managed; `''` clears it. */
  readonly description?: pulumi.Input<string>;
  /**
   * External id for correlating with other systems, at most 64 characters, unique in the
   * instance. The service defaults it to the unit id. The API cannot change it: a change
   * replaces the unit (deleting the old one first).
   */
  readonly organizationalUnitExternalId?: pulumi.Input<string>;
  /** Parent unit id. Default: the instance's root unit. A change moves the unit. */
  readonly parentId?: pulumi.Input<string>;
  /**
   * When true, deleting the unit first deletes everything below it
   * (DeleteOrganizationalUnitChildren): child units, and accounts whose primary unit is in the
   * subtree. Default false: deleting a unit that still has children or members fails.
   */
  readonly forceDeleteChildren?: pulumi.Input<boolean>;
}

/**
 * Every field of an organizational unit, once (wire names: the field names capitalized). The
 * external id cannot be changed by the API, so a change replaces the unit, the old one first.
 */
export const ORGANIZATIONAL_UNIT_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    organizationalUnitName: field.string({ required: true, maxLength: 64 }),
    description: field.string({ kind: 'text', maxLength: 256 }),
    organizationalUnitExternalId: field.string({ minLength: 1, maxLength: 64, action: 'replace' }),
    /** Provider-only: never sent, never reported. */
    forceDeleteChildren: field.boolean({ action: 'ignore', writeOnly: true, wire: false }),
    parentId: field.id('organizationalUnit'),
  },
  outputs: {
    /** Unit id (`ou_…`). */
    organizationalUnitId: field.string({ required: true }),
    /** Source type (`build_in` for units made through the API). */
    organizationalUnitSourceType: field.string(),
    /** Source id. */
    organizationalUnitSourceId: field.string(),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
  deleteBeforeReplace: true,
});
argsMatchTable<OrganizationalUnitArgs, typeof ORGANIZATIONAL_UNIT_FIELDS>();

/** Checked inputs of an organizational unit. */
export type OrganizationalUnitInputs = InputsOf<typeof ORGANIZATIONAL_UNIT_FIELDS>;
/** Outputs of an organizational unit. */
export type OrganizationalUnitOutputs = OutputsOf<typeof ORGANIZATIONAL_UNIT_FIELDS>;

/** What a change to each input means. */
export const ORGANIZATIONAL_UNIT_DIFF = ORGANIZATIONAL_UNIT_FIELDS.diffTable;

const FIELDS = ORGANIZATIONAL_UNIT_FIELDS;
const ID_PARTS = ['instanceId', 'organizationalUnitId'] as const;

async function fetchUnit(
  ctx: ProviderContext,
  instanceId: string,
  ouId: string,
  forceDeleteChildren: boolean | undefined,
): Promise<OrganizationalUnitOutputs | undefined> {
  const res = await unlessNotFound(
    ctx.client.call('GetOrganizationalUnit', { InstanceId: instanceId, OrganizationalUnitId: ouId }),
  );
  return res?.OrganizationalUnit
    ? FIELDS.read(res.OrganizationalUnit, { instanceId, forceDeleteChildren })
    : undefined;
}

/** The id of the instance's root organizational unit. */
export async function rootOrganizationalUnitId(ctx: ProviderContext, instanceId: string): Promise<string> {
  const res = await ctx.client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
  const id = res.OrganizationalUnit?.OrganizationalUnitId;
  if (!id) throw new Error(`GetRootOrganizationalUnit returned no unit for instance ${instanceId}`);
  return id;
}

/** The organizational unit provider's implementation (called through {@link organizationalUnitProvider}). */
export const organizationalUnitImplementation = defineProvider({
  kind: 'OrganizationalUnit',
  table: ORGANIZATIONAL_UNIT_FIELDS,
  recordedOutput: 'organizationalUnitId',
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    const parentId = inputs.parentId ?? (await rootOrganizationalUnitId(ctx, inputs.instanceId));
    const name = inputs.organizationalUnitName;
    const { id: ouId } = await createOrAdopt({
      what: `OrganizationalUnit '${name}' under ${parentId} in instance ${inputs.instanceId}`,
      intentKey: intentKeyOf(
        ctx.settings,
        `OrganizationalUnit '${name}' under ${parentId} in instance ${inputs.instanceId}`,
      ),
      uniqueKey: true,
      create: async () =>
        (
          await ctx.client.call('CreateOrganizationalUnit', {
            ...FIELDS.request(inputs, { create: true }),
            ParentId: parentId,
          })
        ).OrganizationalUnitId ?? '',
      find: async () =>
        (
          await ctx.client.listAll('ListOrganizationalUnits', {
            InstanceId: inputs.instanceId,
            ParentId: parentId,
            OrganizationalUnitName: name,
          })
        )
          .filter((o) => o.OrganizationalUnitName === name && o.ParentId === parentId)
          .map((o) => o.OrganizationalUnitId ?? ''),
    });
    const id = joinId(inputs.instanceId, ouId);
    const known = { ...inputs, parentId, organizationalUnitId: ouId };
    const outs = await followUp('OrganizationalUnit', id, known, 'reading it back', () =>
      fetchUnit(ctx, inputs.instanceId, ouId, inputs.forceDeleteChildren),
    );
    return { id, outs: outs ?? known };
  },

  async read(ctx, id, props) {
    const { instanceId, organizationalUnitId } = parseId('OrganizationalUnit', id, ID_PARTS);
    assertDeclaredMatches('OrganizationalUnit', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchUnit(ctx, instanceId, organizationalUnitId, props.forceDeleteChildren);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, organizationalUnitId } = parseId('OrganizationalUnit', id, ID_PARTS);
    const key = { InstanceId: instanceId, OrganizationalUnitId: organizationalUnitId };
    const changes = FIELDS.changes(olds, news);
    // Move first: the name must be unique among the NEW siblings.
    if (hasChange(changes, 'parentId') && news.parentId) {
      await ctx.client.call('UpdateOrganizationalUnitParentId', { ...key, ParentId: news.parentId });
    }
    const rename = FIELDS.request(news, { only: ['organizationalUnitName'], changes });
    if (rename) await ctx.client.call('UpdateOrganizationalUnit', { ...key, ...rename });
    const described = FIELDS.request(news, { only: ['description'], changes });
    if (described) await ctx.client.call('UpdateOrganizationalUnitDescription', { ...key, ...described });
    const outs = await fetchUnit(ctx, instanceId, organizationalUnitId, news.forceDeleteChildren);
    if (!outs) throw new Error(`OrganizationalUnit ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id, props) {
    const { instanceId, organizationalUnitId } = parseId('OrganizationalUnit', id, ID_PARTS);
    const key = { InstanceId: instanceId, OrganizationalUnitId: organizationalUnitId };
    if (props.forceDeleteChildren) {
      await unlessNotFound(ctx.client.call('DeleteOrganizationalUnitChildren', key));
    }
    try {
      await unlessNotFound(ctx.client.call('DeleteOrganizationalUnit', key));
    } catch (err) {
      if (err instanceof EiamApiError && /HasChildren|HasUsers/.test(err.code)) {
        throw new Error(
          `OrganizationalUnit ${id} cannot be deleted: ${err.message}. Move or delete what it contains, ` +
            'or set forceDeleteChildren: true (and run `pulumi up`) to delete its subtree with it.',
          { cause: err },
        );
      }
      throw err;
    }
  },
});

/** The serializable provider of {@link OrganizationalUnit}. */
export const organizationalUnitProvider: pulumi.dynamic.ResourceProvider = organizationalUnitProviderModule;

/**
 * An organizational unit.
 *
 * ```ts
 * const eng = new eiam.OrganizationalUnit('eng', { instanceId: instance.instanceId, organizationalUnitName: 'Engineering' });
 * const web = new eiam.OrganizationalUnit('web', {
 *   instanceId: instance.instanceId, organizationalUnitName: 'Web', parentId: eng.organizationalUnitId,
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/ou_xxx' }`.
 */
export class OrganizationalUnit extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = ORGANIZATIONAL_UNIT_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Unit id (`ou_…`). */
  declare readonly organizationalUnitId: pulumi.Output<string>;
  /** Name. */
  declare readonly organizationalUnitName: pulumi.Output<string>;
  /** Description as the service reports it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** External id (defaults to the unit id). */
  declare readonly organizationalUnitExternalId: pulumi.Output<string>;
  /** Parent unit id. */
  declare readonly parentId: pulumi.Output<string>;
  /** Source type. */
  declare readonly organizationalUnitSourceType: pulumi.Output<string>;
  /** Source id. */
  declare readonly organizationalUnitSourceId: pulumi.Output<string>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;
  /** Whether deleting the unit deletes its subtree. */
  declare readonly forceDeleteChildren: pulumi.Output<boolean | undefined>;

  /** Declares an organizational unit. */
  constructor(name: string, args: OrganizationalUnitArgs, opts?: pulumi.CustomResourceOptions) {
    super(organizationalUnitProvider, 'OrganizationalUnit', ORGANIZATIONAL_UNIT_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.organizationalUnitId = idPart(this.id, 1);
  }
}

classMatchesTable<OrganizationalUnit, typeof ORGANIZATIONAL_UNIT_FIELDS>();

/** The type token of {@link OrganizationalUnit}. */
export const ORGANIZATIONAL_UNIT_TYPE = typeToken('OrganizationalUnit');
