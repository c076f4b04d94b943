/** Lookups of regions and instances (ListRegions, ListInstances, GetInstance). */
import type { GetInstanceResponse, ListInstancesResponse, ListRegionsResponse } from '../catalog';
import { fromWire, type Camel } from '../wire';
import { defineLookup, explainNotFound, type WithIds, withIds } from './connection';

/** A region where EIAM is offered. */
export type RegionInfo = WithIds<Camel<NonNullable<ListRegionsResponse['Regions']>[number]>, 'regionId'>;

/** Result of {@link getRegions}. */
export interface GetRegionsResult {
  /** The regions. */
  readonly regions: RegionInfo[];
  /** Their ids, e.g. `cn-hangzhou`. */
  readonly regionIds: string[];
}

const regionsLookup = defineLookup(
  async (_args: Record<string, never>, client): Promise<GetRegionsResult> => {
    const res = await client.call('ListRegions', {});
    const regions = (res.Regions ?? []).map((r) => withIds(fromWire(r), ['regionId'], 'ListRegions'));
    return { regions, regionIds: regions.map((r) => r.regionId ?? '') };
  },
);
/** The regions where EIAM is offered (ListRegions). */
export const getRegions = regionsLookup.get;
/** {@link getRegions} as a `pulumi.Output`. */
export const getRegionsOutput = regionsLookup.output;

/** An instance as ListInstances reports it. */
export type InstanceSummary = Camel<NonNullable<ListInstancesResponse['Instances']>[number]>;
/** An instance as GetInstance reports it. */
export type InstanceInfo = WithIds<Camel<NonNullable<GetInstanceResponse['Instance']>>, 'instanceId'>;

/** Arguments of {@link getInstances}. */
export interface GetInstancesArgs {
  /** Only instances in this status, e.g. `running`. */
  readonly status?: string;
  /** Only these instances. */
  readonly instanceIds?: string[];
}

/** Result of {@link getInstances}. */
export interface GetInstancesResult {
  /** The instances. */
  readonly instances: InstanceSummary[];
  /** Their ids. */
  readonly instanceIds: string[];
}

const instancesLookup = defineLookup(async (args: GetInstancesArgs, client): Promise<GetInstancesResult> => {
  const items = await client.listAll('ListInstances', {
    Status: args.status,
    InstanceIds: args.instanceIds,
  });
  const instances = items.map((i) => fromWire(i));
  return { instances, instanceIds: instances.map((i) => i.instanceId ?? '') };
});
/** The EIAM instances of the account in the region (ListInstances, every page). */
export const getInstances = instancesLookup.get;
/** {@link getInstances} as a `pulumi.Output`. */
export const getInstancesOutput = instancesLookup.output;

/** Arguments of {@link getInstance}. */
export interface GetInstanceArgs {
  /** The instance id. */
  readonly instanceId: string;
}

const instanceLookup = defineLookup((args: GetInstanceArgs, client): Promise<InstanceInfo> =>
  explainNotFound('getInstance', `instance ${args.instanceId}`, async () => {
    const res = await client.call('GetInstance', { InstanceId: args.instanceId });
    return withIds(fromWire(res.Instance ?? {}), ['instanceId'], 'GetInstance');
  }),
);
/** One instance (GetInstance); fails when it does not exist. */
export const getInstance = instanceLookup.get;
/** {@link getInstance} as a `pulumi.Output`. */
export const getInstanceOutput = instanceLookup.output;
