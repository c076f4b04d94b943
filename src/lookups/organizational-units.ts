/**
 * Lookups of organizational units: the root (GetRootOrganizationalUnit), one unit by id, by name
 * or by path from the root (ListOrganizationalUnits, GetOrganizationalUnit), and listings.
 */
import type { GetOrganizationalUnitResponse, ListOrganizationalUnitsResponse } from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, type WithIds, withIds } from './connection';

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

const rootOrganizationalUnitLookup = defineLookup(
  async (args: GetRootOrganizationalUnitArgs, client): Promise<OrganizationalUnitInfo> => {
    const res = await client.call('GetRootOrganizationalUnit', { InstanceId: args.instanceId });
    return withIds(
      fromWire(res.OrganizationalUnit ?? {}),
      ['organizationalUnitId'],
      'GetRootOrganizationalUnit',
    );
  },
);
/** The root organizational unit of an instance (GetRootOrganizationalUnit). */
export const getRootOrganizationalUnit = rootOrganizationalUnitLookup.get;
/** {@link getRootOrganizationalUnit} as a `pulumi.Output`. */
export const getRootOrganizationalUnitOutput = rootOrganizationalUnitLookup.output;

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

function unitById(client: EiamClient, instanceId: string, id: string): Promise<OrganizationalUnitInfo> {
  const what = `organizational unit ${id} in instance ${instanceId}`;
  return explainNotFound('getOrganizationalUnit', what, async () => {
    const res = await client.call('GetOrganizationalUnit', {
      InstanceId: instanceId,
      OrganizationalUnitId: id,
    });
    return withIds(fromWire(res.OrganizationalUnit ?? {}), ['organizationalUnitId'], 'GetOrganizationalUnit');
  });
}

const organizationalUnitLookup = defineLookup(
  async (args: GetOrganizationalUnitArgs, client): Promise<OrganizationalUnitInfo> => {
    const fn = 'getOrganizationalUnit';
    const by = exactlyOne(fn, args, ['organizationalUnitId', 'organizationalUnitName', 'path']);
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
  },
);
/**
 * One organizational unit, found by id (GetOrganizationalUnit), by unique name, or by path from
 * the root (GetRootOrganizationalUnit, then ListOrganizationalUnits level by level). Fails when
 * nothing or more than one unit matches.
 */
export const getOrganizationalUnit = organizationalUnitLookup.get;
/** {@link getOrganizationalUnit} as a `pulumi.Output`. */
export const getOrganizationalUnitOutput = organizationalUnitLookup.output;

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

const organizationalUnitsLookup = defineLookup(
  async (args: GetOrganizationalUnitsArgs, client): Promise<GetOrganizationalUnitsResult> => {
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
  },
);
/** Organizational units of an instance (ListOrganizationalUnits, every page). */
export const getOrganizationalUnits = organizationalUnitsLookup.get;
/** {@link getOrganizationalUnits} as a `pulumi.Output`. */
export const getOrganizationalUnitsOutput = organizationalUnitsLookup.output;
