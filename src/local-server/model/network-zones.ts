/**
 * Network zones: named sets of IPv4 and IPv6 CIDR blocks that conditional access policies match
 * sign-ins against (`CreateNetworkZone` … `ListApplicationsForNetworkZone`).
 *
 * Rules:
 * - names are unique in the instance (`EntityAlreadyExists.NetworkZone.NetworkZoneName`), at most
 *   64 characters; descriptions at most 256;
 * - every CIDR block must parse (`src/catalog/cidr.ts`: address/prefix, the address the block's
 *   first one; no duplicates; at most 100 per family), else `InvalidParameter.Ipv4Cidrs` /
 *   `InvalidParameter.Ipv6Cidrs` naming the entry;
 * - the type is fixed at creation. A `classic` zone needs at least one block and takes no
 *   `VpcId`; a `vpc` zone needs a `VpcId` (`vpc-…`) and may list blocks inside it;
 * - `UpdateNetworkZone` sets the whole definition (name, blocks, VPC): a list it leaves out becomes
 *   empty, since an empty list cannot be sent at all;
 * - a zone named by a conditional access policy (included or excluded) cannot be deleted
 *   (`OperationConflict.NetworkZone.InUse`, naming the policies): dropping it would silently widen
 *   or narrow what the policy matches.
 *
 * The listings page with `NextToken` / `PreviousToken` / `MaxResults` ({@link tokenPage}).
 */
import {
  cidrListProblem,
  NETWORK_ZONE_LIMITS,
  NETWORK_ZONE_TYPES,
  VPC_ID_PATTERN,
  type IpFamily,
  type NetworkZoneType,
} from '../../catalog';
import { alreadyExists, conflict, invalidParameter, missingParameter, notFound } from './errors';
import { encodeNextToken, tokenRequest, type Page } from './paging';
import { indexNetworkZone, unindexNetworkZone, type InstanceState, type NetworkZoneState } from './state';
import type { ModelContext } from './context';
import { checkIdList, checkOneOf, optionalText, requiredText } from './validate';

/** The network zone type of zones on the public internet. */
export const CLASSIC_ZONE: NetworkZoneType = 'arn:alibaba:idaas:network:zone:classic';
/** The network zone type of zones inside one VPC. */
export const VPC_ZONE: NetworkZoneType = 'arn:alibaba:idaas:network:zone:vpc';

/** CreateNetworkZone input. */
export interface CreateNetworkZoneInput {
  networkZoneName?: string;
  networkZoneType?: string;
  description?: string;
  ipv4Cidrs?: string[];
  ipv6Cidrs?: string[];
  vpcId?: string;
  clientToken?: string;
}

/** UpdateNetworkZone input: the zone's new definition (its type and description excepted). */
export interface UpdateNetworkZoneInput {
  networkZoneName?: string;
  ipv4Cidrs?: string[];
  ipv6Cidrs?: string[];
  vpcId?: string;
}

/** Token paging of the listings (`NextToken`, `PreviousToken`, `MaxResults`). */
export interface TokenPaging {
  nextToken?: string;
  previousToken?: string;
  maxResults?: number;
}

/** ListNetworkZones filter. */
export interface ListNetworkZonesFilter extends TokenPaging {
  networkZoneIds?: string[];
}

/** A page that can also be walked backwards. */
export interface TokenPage<T> extends Page<T> {
  /** Present when entries precede the page. */
  previousToken?: string;
  /** The page size used. */
  maxResults: number;
}

const PREVIOUS_PREFIX = 'PT';

function encodePreviousToken(beforeSeq: number): string {
  return PREVIOUS_PREFIX + Buffer.from(`v1:${beforeSeq}`).toString('base64url');
}

function decodePreviousToken(text: string): number {
  const decoded = text.startsWith(PREVIOUS_PREFIX)
    ? Buffer.from(text.slice(PREVIOUS_PREFIX.length), 'base64url').toString()
    : '';
  const match = /^v1:(\d+)$/.exec(decoded);
  if (!match) throw invalidParameter('PreviousToken', 'it is not a token returned by this operation.');
  return Number(match[1]);
}

/**
 * One page of `items` (sorted by `seq`): after the entry a `NextToken` names, or ending before
 * the one a `PreviousToken` names (the token wins over `NextToken` when both are given), else
 * from the start. `MaxResults` defaults to 20 and is at most 100.
 */
export function tokenPage<T extends { seq: number }>(items: readonly T[], paging: TokenPaging): TokenPage<T> {
  const { afterSeq, limit } = tokenRequest(paging.nextToken, paging.maxResults);
  let start: number;
  let end: number;
  if (paging.previousToken) {
    const beforeSeq = decodePreviousToken(paging.previousToken);
    end = items.findIndex((item) => item.seq >= beforeSeq);
    if (end < 0) end = items.length;
    start = Math.max(0, end - limit);
  } else {
    start = items.findIndex((item) => item.seq > afterSeq);
    if (start < 0) start = items.length;
    end = Math.min(items.length, start + limit);
  }
  const page = items.slice(start, end);
  return {
    items: page,
    totalCount: items.length,
    maxResults: limit,
    nextToken: end < items.length && page.length ? encodeNextToken(page[page.length - 1].seq) : undefined,
    previousToken: start > 0 && page.length ? encodePreviousToken(page[0].seq) : undefined,
  };
}

/** The zone; `EntityNotExists.NetworkZone` when unknown in this instance. */
export function requireNetworkZone(inst: InstanceState, networkZoneId: string): NetworkZoneState {
  const zone = inst.networkZones.get(networkZoneId);
  if (!zone) throw notFound('NetworkZone', networkZoneId);
  return zone;
}

function checkCidrs(name: string, values: string[] | undefined, family: IpFamily): string[] {
  const list = values ?? [];
  const problem = cidrListProblem(list, family, NETWORK_ZONE_LIMITS.cidrsPerFamily);
  if (problem) {
    const entry = typeof problem.value === 'string' ? `'${problem.value}'` : 'an empty entry';
    throw invalidParameter(name, `entry ${problem.index + 1} ${entry}: ${problem.reason}.`);
  }
  return [...list];
}

function checkName(inst: InstanceState, value: string | undefined, self?: string): string {
  const name = requiredText('NetworkZoneName', value, NETWORK_ZONE_LIMITS.name);
  const existing = inst.index.networkZoneNames.get(name);
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('NetworkZone.NetworkZoneName', `named '${name}'`);
  }
  return name;
}

/** The blocks and VPC of a zone of `type`, checked together. */
function checkDefinition(
  type: string,
  input: { ipv4Cidrs?: string[]; ipv6Cidrs?: string[]; vpcId?: string },
): { ipv4Cidrs: string[]; ipv6Cidrs: string[]; vpcId?: string } {
  const ipv4Cidrs = checkCidrs('Ipv4Cidrs', input.ipv4Cidrs, 4);
  const ipv6Cidrs = checkCidrs('Ipv6Cidrs', input.ipv6Cidrs, 6);
  const vpcId = input.vpcId || undefined;
  if (type === VPC_ZONE) {
    if (!vpcId) throw missingParameter('VpcId');
    if (!VPC_ID_PATTERN.test(vpcId)) throw invalidParameter('VpcId', `'${vpcId}' is not a VPC id (vpc-…).`);
  } else {
    if (vpcId) throw invalidParameter('VpcId', 'only a VPC network zone takes a VPC id.');
    if (ipv4Cidrs.length === 0 && ipv6Cidrs.length === 0) {
      throw missingParameter('Ipv4Cidrs');
    }
  }
  return { ipv4Cidrs, ipv6Cidrs, vpcId };
}

/** CreateNetworkZone; with a `clientToken`, a retry returns the zone the first call made. */
export function createNetworkZone(
  svc: ModelContext,
  instanceId: string,
  input: CreateNetworkZoneInput,
): NetworkZoneState {
  const inst = svc.requireRunningInstance(instanceId);
  const id = svc.idempotent(
    inst,
    'CreateNetworkZone',
    input.clientToken,
    (existing) => inst.networkZones.has(existing),
    () => insertNetworkZone(svc, inst, input).networkZoneId,
  );
  return inst.networkZones.get(id)!;
}

function insertNetworkZone(svc: ModelContext, inst: InstanceState, input: CreateNetworkZoneInput) {
  const name = checkName(inst, input.networkZoneName);
  const typeText = requiredText('NetworkZoneType', input.networkZoneType, Infinity);
  const type = checkOneOf('NetworkZoneType', typeText, NETWORK_ZONE_TYPES);
  const description = optionalText('Description', input.description, NETWORK_ZONE_LIMITS.description);
  const definition = checkDefinition(type, input);
  const now = svc.now();
  const zone: NetworkZoneState = {
    networkZoneId: svc.newId('network'),
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    networkZoneName: name,
    networkZoneType: type,
    description: description || undefined,
    ...definition,
    createTime: now,
    updateTime: now,
  };
  inst.networkZones.set(zone.networkZoneId, zone);
  indexNetworkZone(inst.index, zone);
  return zone;
}

/** GetNetworkZone. */
export function getNetworkZone(
  svc: ModelContext,
  instanceId: string,
  networkZoneId: string,
): NetworkZoneState {
  return requireNetworkZone(svc.requireRunningInstance(instanceId), networkZoneId);
}

/** UpdateNetworkZone: sets the name, the blocks and the VPC (left-out lists become empty). */
export function updateNetworkZone(
  svc: ModelContext,
  instanceId: string,
  networkZoneId: string,
  input: UpdateNetworkZoneInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const zone = requireNetworkZone(inst, networkZoneId);
  const name = checkName(inst, input.networkZoneName, networkZoneId);
  const definition = checkDefinition(zone.networkZoneType, input);
  unindexNetworkZone(inst.index, zone);
  zone.networkZoneName = name;
  zone.ipv4Cidrs = definition.ipv4Cidrs;
  zone.ipv6Cidrs = definition.ipv6Cidrs;
  zone.vpcId = definition.vpcId;
  zone.updateTime = svc.now();
  indexNetworkZone(inst.index, zone);
}

/** UpdateNetworkZoneDescription: sets, or with an empty value clears, the description. */
export function updateNetworkZoneDescription(
  svc: ModelContext,
  instanceId: string,
  networkZoneId: string,
  description: string | undefined,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const zone = requireNetworkZone(inst, networkZoneId);
  zone.description = optionalText('Description', description, NETWORK_ZONE_LIMITS.description) || undefined;
  zone.updateTime = svc.now();
}

/** Ids of the policies whose conditions name the zone, in policy creation order. */
export function policiesNamingZone(inst: InstanceState, networkZoneId: string): string[] {
  const holders = inst.index.conditionalAccessReferences.get(networkZoneId);
  if (!holders) return [];
  const list = inst.index.conditionalAccessPolicies;
  return list.toArray().filter((id) => holders.has(id));
}

/** DeleteNetworkZone: refused while a policy names the zone. */
export function deleteNetworkZone(svc: ModelContext, instanceId: string, networkZoneId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const zone = requireNetworkZone(inst, networkZoneId);
  const users = policiesNamingZone(inst, networkZoneId);
  if (users.length) {
    throw conflict(
      'OperationConflict.NetworkZone.InUse',
      `The network zone '${networkZoneId}' is used by the conditional access ` +
        `${users.length === 1 ? 'policy' : 'policies'} ${users.map((id) => `'${id}'`).join(', ')}; ` +
        'remove it from their conditions first.',
    );
  }
  unindexNetworkZone(inst.index, zone);
  inst.networkZones.delete(networkZoneId);
}

/** ListNetworkZones in creation order, optionally only the given ids. */
export function listNetworkZones(
  svc: ModelContext,
  instanceId: string,
  filter: ListNetworkZonesFilter,
): TokenPage<NetworkZoneState> {
  const inst = svc.requireRunningInstance(instanceId);
  const wanted = filter.networkZoneIds?.length
    ? checkIdList('NetworkZoneIds', filter.networkZoneIds)
    : undefined;
  const zones = wanted
    ? wanted
        .map((id) => inst.networkZones.get(id))
        .filter((z): z is NetworkZoneState => !!z)
        .sort((a, b) => a.seq - b.seq)
    : inst.index.networkZones.toArray().map((id) => inst.networkZones.get(id)!);
  return tokenPage(zones, filter);
}

/**
 * ListApplicationsForNetworkZone: the applications covered by the policies that name the zone
 * (included by a policy's application condition and not excluded by it), in application
 * creation order. Enabled and disabled policies alike: the list shows configuration, not
 * evaluation.
 */
export function listApplicationsForNetworkZone(
  svc: ModelContext,
  instanceId: string,
  networkZoneId: string,
  paging: TokenPaging,
) {
  const inst = svc.requireRunningInstance(instanceId);
  requireNetworkZone(inst, networkZoneId);
  const appIds = new Set<string>();
  for (const policyId of policiesNamingZone(inst, networkZoneId)) {
    const { includeApplications, excludeApplications } =
      inst.conditionalAccessPolicies.get(policyId)!.conditions.applications;
    for (const appId of includeApplications) if (!excludeApplications.includes(appId)) appIds.add(appId);
  }
  const apps = [...appIds]
    .map((id) => inst.applications.get(id))
    .filter((app) => app !== undefined)
    .sort((a, b) => a.seq - b.seq);
  return tokenPage(apps, paging);
}
