/**
 * `NetworkZone`: a named set of IPv4/IPv6 CIDR blocks of an EIAM instance, public (`classic`)
 * or inside one VPC, that conditional access policies match sign-ins against (CreateNetworkZone
 * / GetNetworkZone / UpdateNetworkZone / UpdateNetworkZoneDescription / DeleteNetworkZone).
 *
 * The CIDR blocks are checked at preview with the local server's own parser
 * (`src/catalog/cidr.ts`): a malformed block fails `check` naming the list, the position and the
 * entry. UpdateNetworkZone sets the zone's whole definition, so an update also sends the
 * current value of every block list or VPC the program does not manage.
 *
 * Id: `<instanceId>/<networkZoneId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import { cidrProblem, NETWORK_ZONE_LIMITS, VPC_ID_PATTERN, type IpFamily } from '../catalog';
import { NETWORK_ZONE_TYPES, type NetworkZoneType } from './enums';
import * as networkZoneProviderModule from './providers/network-zone';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  createOrAdopt,
  defineProvider,
  field,
  fieldTable,
  followUp,
  hasChange,
  idPart,
  intentKeyOf,
  isUnknown,
  joinId,
  newClientToken,
  parseId,
  typeToken,
  unlessNotFound,
  type InputChecker,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** The type of zones on the public internet (the default). */
export const CLASSIC_NETWORK_ZONE: NetworkZoneType = 'arn:alibaba:idaas:network:zone:classic';
/** The type of zones inside one VPC. */
export const VPC_NETWORK_ZONE: NetworkZoneType = 'arn:alibaba:idaas:network:zone:vpc';

/** Arguments of a {@link NetworkZone}. */
export interface NetworkZoneArgs {
  /** Instance the zone belongs to. Changing it replaces the zone. */
  readonly instanceId: pulumi.Input<string>;
  /** Name, unique within the instance, at most 64 characters. Renamed in place. */
  readonly networkZoneName: pulumi.Input<string>;
  /**
   * `arn:alibaba:idaas:network:zone:classic` (addresses on the internet, the default) or
   * `arn:alibaba:idaas:network:zone:vpc` (addresses inside `vpcId`). Changing it replaces the
   * zone (the old one is deleted first: the name is unique).
   */
  readonly networkZoneType?: pulumi.Input<NetworkZoneType>;
  /** Description, 1 to 256 characters. Unset: not managed (the API cannot remove one once set). */
  readonly description?: pulumi.Input<string>;
  /**
   * IPv4 CIDR blocks (`10.0.0.0/8`), at most 100, compared as a set. Each must be the block's
   * first address and a prefix length. Unset: not managed. A classic zone needs at least one
   * block in `ipv4Cidrs` or `ipv6Cidrs`.
   */
  readonly ipv4Cidrs?: pulumi.Input<pulumi.Input<string>[]>;
  /** IPv6 CIDR blocks (`2001:db8::/32`), at most 100, compared as a set. Unset: not managed. */
  readonly ipv6Cidrs?: pulumi.Input<pulumi.Input<string>[]>;
  /** The VPC of a `vpc` zone (`vpc-…`); required for it, refused for a classic zone. */
  readonly vpcId?: pulumi.Input<string>;
}

/** Every field of a network zone, once (wire names: the field names capitalized). */
export const NETWORK_ZONE_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    networkZoneName: field.string({ required: true, maxLength: NETWORK_ZONE_LIMITS.name }),
    networkZoneType: field.enum(NETWORK_ZONE_TYPES, { action: 'replace' }),
    description: field.string({ kind: 'text', minLength: 1, maxLength: NETWORK_ZONE_LIMITS.description }),
    ipv4Cidrs: field.stringSet({ maxItems: NETWORK_ZONE_LIMITS.cidrsPerFamily }),
    ipv6Cidrs: field.stringSet({ maxItems: NETWORK_ZONE_LIMITS.cidrsPerFamily }),
    vpcId: field.string({ pattern: VPC_ID_PATTERN, patternDescription: 'a VPC id (vpc-…)' }),
  },
  outputs: {
    /** Zone id (`network_…`). */
    networkZoneId: field.string({ required: true }),
  },
  deleteBeforeReplace: true,
});
argsMatchTable<NetworkZoneArgs, typeof NETWORK_ZONE_FIELDS>();

/** Checked inputs of a network zone. */
export type NetworkZoneInputs = InputsOf<typeof NETWORK_ZONE_FIELDS>;
/** Outputs of a network zone: the live attributes as GetNetworkZone reports them. */
export type NetworkZoneOutputs = OutputsOf<typeof NETWORK_ZONE_FIELDS>;

/** What a change to each input means. */
export const NETWORK_ZONE_DIFF = NETWORK_ZONE_FIELDS.diffTable;

const FIELDS = NETWORK_ZONE_FIELDS;
const ID_PARTS = ['instanceId', 'networkZoneId'] as const;
/** The inputs UpdateNetworkZone sets (all of them at once). */
const DEFINITION = ['networkZoneName', 'ipv4Cidrs', 'ipv6Cidrs', 'vpcId'] as const;

/** Fails every entry of `property` that is not a CIDR block of `family`, or repeats one. */
function checkCidrs(
  c: InputChecker,
  news: Readonly<Record<string, unknown>>,
  property: string,
  family: IpFamily,
) {
  const list = news[property];
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (typeof item !== 'string' || isUnknown(item)) return;
    const at = `${property}[${i}]`;
    const problem = cidrProblem(item, family);
    if (problem) c.fail(at, `${at} '${item}': ${problem}`);
    else if (seen.has(item.toLowerCase())) c.fail(at, `${at} '${item}': it is listed twice`);
    seen.add(item.toLowerCase());
  });
}

function knownList(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && !isUnknown(value) ? value : undefined;
}

async function fetchZone(
  ctx: ProviderContext,
  instanceId: string,
  networkZoneId: string,
): Promise<NetworkZoneOutputs | undefined> {
  const res = await unlessNotFound(
    ctx.client.call('GetNetworkZone', { InstanceId: instanceId, NetworkZoneId: networkZoneId }),
  );
  return res?.NetworkZone ? FIELDS.read(res.NetworkZone, { instanceId }) : undefined;
}

/** The network zone provider's implementation (called through {@link networkZoneProvider}). */
export const networkZoneImplementation = defineProvider({
  kind: 'NetworkZone',
  table: NETWORK_ZONE_FIELDS,
  recordedOutput: 'networkZoneId',
  idParts: ID_PARTS,

  check(_olds, news) {
    const c = FIELDS.checker(news);
    checkCidrs(c, news, 'ipv4Cidrs', 4);
    checkCidrs(c, news, 'ipv6Cidrs', 6);
    const type = news.networkZoneType ?? CLASSIC_NETWORK_ZONE;
    if (!isUnknown(type)) {
      if (type === VPC_NETWORK_ZONE && !c.present('vpcId')) {
        c.fail('vpcId', 'vpcId is required for a VPC network zone');
      }
      if (type === CLASSIC_NETWORK_ZONE) {
        if (c.present('vpcId')) c.fail('vpcId', 'vpcId is only taken by a VPC network zone');
        // Only when both lists are declared: an unset list is not managed and may hold blocks
        // (a create without any block is refused by the service).
        const v4 = knownList(news.ipv4Cidrs);
        const v6 = knownList(news.ipv6Cidrs);
        if (c.present('ipv4Cidrs') && c.present('ipv6Cidrs') && v4 && v6 && v4.length + v6.length === 0) {
          c.fail(
            'ipv4Cidrs',
            'a classic network zone needs at least one CIDR block in ipv4Cidrs or ipv6Cidrs',
          );
        }
      }
    }
    return c.result(news as NetworkZoneInputs);
  },

  async create(ctx, inputs) {
    const what = `NetworkZone '${inputs.networkZoneName}' in instance ${inputs.instanceId}`;
    const token = newClientToken('networkZone');
    const { id: networkZoneId } = await createOrAdopt({
      what,
      intentKey: intentKeyOf(ctx.settings, what),
      uniqueKey: true,
      create: async () =>
        (
          await ctx.client.call('CreateNetworkZone', {
            ...FIELDS.request(inputs, { create: true }),
            NetworkZoneType: inputs.networkZoneType ?? CLASSIC_NETWORK_ZONE,
            ClientToken: token,
          })
        ).NetworkZoneId ?? '',
      find: async () =>
        (await ctx.client.listAll('ListNetworkZones', { InstanceId: inputs.instanceId }))
          .filter((z) => z.NetworkZoneName === inputs.networkZoneName)
          .map((z) => z.NetworkZoneId ?? ''),
    });
    const id = joinId(inputs.instanceId, networkZoneId);
    const known = { ...inputs, networkZoneId };
    const outs = await followUp('NetworkZone', id, known, 'reading it back', () =>
      fetchZone(ctx, inputs.instanceId, networkZoneId),
    );
    return { id, outs: outs ?? known };
  },

  async read(ctx, id, props) {
    const { instanceId, networkZoneId } = parseId('NetworkZone', id, ID_PARTS);
    assertDeclaredMatches('NetworkZone', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchZone(ctx, instanceId, networkZoneId);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, networkZoneId } = parseId('NetworkZone', id, ID_PARTS);
    const key = { InstanceId: instanceId, NetworkZoneId: networkZoneId };
    const changes = FIELDS.changes(olds, news);
    if (DEFINITION.some((name) => hasChange(changes, name))) {
      // The call replaces the whole definition: what the program leaves unmanaged keeps its
      // current value, read just before.
      const live = await fetchZone(ctx, instanceId, networkZoneId);
      if (!live) throw new Error(`NetworkZone ${id} disappeared during the update`);
      const merged: NetworkZoneInputs = { ...live };
      for (const name of DEFINITION)
        if (news[name] !== undefined) Object.assign(merged, { [name]: news[name] });
      await ctx.client.call('UpdateNetworkZone', {
        ...key,
        ...FIELDS.request(merged, { only: [...DEFINITION] }),
      });
    }
    const described = FIELDS.request(news, { only: ['description'], changes });
    if (described?.Description) {
      await ctx.client.call('UpdateNetworkZoneDescription', { ...key, Description: described.Description });
    }
    const outs = await fetchZone(ctx, instanceId, networkZoneId);
    if (!outs) throw new Error(`NetworkZone ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, networkZoneId } = parseId('NetworkZone', id, ID_PARTS);
    await unlessNotFound(
      ctx.client.call('DeleteNetworkZone', { InstanceId: instanceId, NetworkZoneId: networkZoneId }),
    );
  },
});

/** The serializable provider of {@link NetworkZone} (its provider module, stored as a `require`). */
export const networkZoneProvider: pulumi.dynamic.ResourceProvider = networkZoneProviderModule;

/**
 * A network zone of an EIAM instance: the office, a branch, a VPC.
 *
 * ```ts
 * const office = new eiam.NetworkZone('office', {
 *   instanceId: instance.instanceId,
 *   networkZoneName: 'office',
 *   ipv4Cidrs: ['203.0.113.0/24'],
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/network_xxx' }` (declare the same
 * `instanceId` and `networkZoneName` in the program).
 */
export class NetworkZone extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = NETWORK_ZONE_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Zone id (`network_…`). */
  declare readonly networkZoneId: pulumi.Output<string>;
  /** Zone name. */
  declare readonly networkZoneName: pulumi.Output<string>;
  /** Zone type as the service reports it. */
  declare readonly networkZoneType: pulumi.Output<NetworkZoneType>;
  /** Description as the service reports it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** IPv4 CIDR blocks (sorted). */
  declare readonly ipv4Cidrs: pulumi.Output<string[]>;
  /** IPv6 CIDR blocks (sorted). */
  declare readonly ipv6Cidrs: pulumi.Output<string[]>;
  /** VPC id of a VPC zone. */
  declare readonly vpcId: pulumi.Output<string | undefined>;

  /** Declares a network zone. */
  constructor(name: string, args: NetworkZoneArgs, opts?: pulumi.CustomResourceOptions) {
    super(networkZoneProvider, 'NetworkZone', NETWORK_ZONE_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.networkZoneId = idPart(this.id, 1);
  }
}

classMatchesTable<NetworkZone, typeof NETWORK_ZONE_FIELDS>();

/** The type token of {@link NetworkZone}. */
export const NETWORK_ZONE_TYPE = typeToken('NetworkZone');
