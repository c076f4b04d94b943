/**
 * Lookups of organizational units: the root (GetRootOrganizationalUnit), one unit by id, by name
 * or by path from the root (ListOrganizationalUnits, GetOrganizationalUnit), and listings.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { GetOrganizationalUnitResponse, ListOrganizationalUnitsResponse } from '../catalog';
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

/** An organizational unit as GetOrganizationalUnit reports it. */
export type OrganizationalUnitInfo = WithIds<
  Camel<NonNullable<GetOrganizationalUnitResponse['OrganizationalUnit']>>,
  'organizationalUnitId'
>;
/** An organizational unit as ListOrganizationalUnits reports it. */
export type OrganizationalUnitSummary = Camel<
  NonNullable<ListOrganizationalUnitsResponse['OrganizationalUnits']>[number]
>;

/** Separator of the segments of an organizational unit path. */
export const PATH_SEPARATOR = '/';

/** Arguments of {@link getRootOrganizationalUnit}. */
export interface GetRootOrganizationalUnitArgs {
  /** The instance. */
  readonly instanceId: string;
}

/** The root organizational unit of an instance (GetRootOrganizationalUnit). */
export async function getRootOrganizationalUnit(
  args: GetRootOrganizationalUnitArgs,
  opts?: LookupOptions,
): Promise<OrganizationalUnitInfo> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('GetRootOrganizationalUnit', { InstanceId: args.instanceId });
    return withIds(
      fromWire(res.OrganizationalUnit ?? {}),
      ['organizationalUnitId'],
      'GetRootOrganizationalUnit',
    );
  });
}

/** {@link getRootOrganizationalUnit} as a `pulumi.Output`. */
export function getRootOrganizationalUnitOutput(
  args: LookupInputs<GetRootOrganizationalUnitArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<OrganizationalUnitInfo> {
  return lookupOutput(getRootOrganizationalUnit, args, opts);
}

/** Arguments of {@link getOrganizationalUnit}: the instance and exactly one way to find the unit. */
export interface GetOrganizationalUnitArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The unit's id. */
  readonly organizationalUnitId?: string;
  /** The unit's exact name; must be unique (within `parentId` when given). */
  readonly organizationalUnitName?: string;
  /** With `organizationalUnitName`: look among the children of this unit only. */
  readonly parentId?: string;
  /**
   * Names from the root down, separated by `/`, e.g. `Engineering/Platform`: the root's child
   * `Engineering`, then its child `Platform`. The root itself is not part of the path.
   */
  readonly path?: string;
}

async function childNamed(
  client: EiamClient,
  instanceId: string,
  parentId: string | undefined,
  name: string,
): Promise<OrganizationalUnitSummary[]> {
  const items = await client.listAll('ListOrganizationalUnits', {
    InstanceId: instanceId,
    ParentId: parentId,
    OrganizationalUnitName: name,
  });
  return items.map((i) => fromWire(i)).filter((u) => u.organizationalUnitName === name);
}

async function unitById(client: EiamClient, instanceId: string, id: string): Promise<OrganizationalUnitInfo> {
  try {
    const res = await client.call('GetOrganizationalUnit', {
      InstanceId: instanceId,
      OrganizationalUnitId: id,
    });
    return withIds(fromWire(res.OrganizationalUnit ?? {}), ['organizationalUnitId'], 'GetOrganizationalUnit');
  } catch (err) {
    if (isNotFound(err))
      throw new Error(`getOrganizationalUnit: no organizational unit ${id} in instance ${instanceId}`, {
        cause: err,
      });
    throw err;
  }
}

/**
 * One organizational unit, found by id (GetOrganizationalUnit), by unique name, or by path from
 * the root (GetRootOrganizationalUnit, then ListOrganizationalUnits level by level). Fails when
 * nothing or more than one unit matches.
 */
export async function getOrganizationalUnit(
  args: GetOrganizationalUnitArgs,
  opts?: LookupOptions,
): Promise<OrganizationalUnitInfo> {
  const fn = 'getOrganizationalUnit';
  const by = exactlyOne(fn, args, ['organizationalUnitId', 'organizationalUnitName', 'path']);
  return withLookupClient(opts, async (client) => {
    const instanceId = args.instanceId;
    if (by === 'organizationalUnitId') return unitById(client, instanceId, args.organizationalUnitId ?? '');
    if (by === 'organizationalUnitName') {
      const name = args.organizationalUnitName ?? '';
      const matches = await childNamed(client, instanceId, args.parentId, name);
      const where = args.parentId ? ` under ${args.parentId}` : '';
      const unit = single(
        fn,
        matches,
        `organizational unit named "${name}"${where} in instance ${instanceId}`,
        'give parentId or path',
      );
      return unitById(client, instanceId, unit.organizationalUnitId ?? '');
    }
    const segments = (args.path ?? '')
      .split(PATH_SEPARATOR)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const root = await client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
    let currentId = root.OrganizationalUnit?.OrganizationalUnitId ?? '';
    const walked: string[] = [];
    for (const segment of segments) {
      walked.push(segment);
      const matches = await childNamed(client, instanceId, currentId, segment);
      const unit = single(
        fn,
        matches,
        `organizational unit at path "${walked.join(PATH_SEPARATOR)}" in instance ${instanceId}`,
      );
      currentId = unit.organizationalUnitId ?? '';
    }
    return unitById(client, instanceId, currentId);
  });
}

/** {@link getOrganizationalUnit} as a `pulumi.Output`. */
export function getOrganizationalUnitOutput(
  args: LookupInputs<GetOrganizationalUnitArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<OrganizationalUnitInfo> {
  return lookupOutput(getOrganizationalUnit, args, opts);
}

/** Arguments of {@link getOrganizationalUnits}. */
export interface GetOrganizationalUnitsArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only the children of this unit. */
  readonly parentId?: string;
  /** Only units whose name starts with this. */
  readonly organizationalUnitNameStartsWith?: string;
}

/** Result of {@link getOrganizationalUnits}. */
export interface GetOrganizationalUnitsResult {
  /** The units. */
  readonly organizationalUnits: OrganizationalUnitSummary[];
  /** Their ids. */
  readonly organizationalUnitIds: string[];
}

/** Organizational units of an instance (ListOrganizationalUnits, every page). */
export async function getOrganizationalUnits(
  args: GetOrganizationalUnitsArgs,
  opts?: LookupOptions,
): Promise<GetOrganizationalUnitsResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListOrganizationalUnits', {
      InstanceId: args.instanceId,
      ParentId: args.parentId,
      OrganizationalUnitNameStartsWith: args.organizationalUnitNameStartsWith,
    });
    const units = items.map((i) => fromWire(i));
    return {
      organizationalUnits: units,
      organizationalUnitIds: units.map((u) => u.organizationalUnitId ?? ''),
    };
  });
}

/** {@link getOrganizationalUnits} as a `pulumi.Output`. */
export function getOrganizationalUnitsOutput(
  args: LookupInputs<GetOrganizationalUnitsArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetOrganizationalUnitsResult> {
  return lookupOutput(getOrganizationalUnits, args, opts);
}
