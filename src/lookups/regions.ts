/** Lookups of regions and instances (ListRegions, ListInstances, GetInstance). */
import type * as pulumi from '@pulumi/pulumi';
import type { GetInstanceResponse, ListInstancesResponse, ListRegionsResponse } from '../catalog';
import { isNotFound } from '../client';
import { fromWire, type Camel } from '../wire';
import {
  lookupOutput,
  withLookupClient,
  type LookupInputs,
  type LookupOptions,
  type WithIds,
  withIds,
} from './connection';

/** A region where EIAM is offered. */
export type RegionInfo = WithIds<Camel<NonNullable<ListRegionsResponse['Regions']>[number]>, 'regionId'>;

/** Result of {@link getRegions}. */
export interface GetRegionsResult {
  /** The regions. */
  readonly regions: RegionInfo[];
  /** Their ids, e.g. `cn-hangzhou`. */
  readonly regionIds: string[];
}

/** The regions where EIAM is offered (ListRegions). */
export async function getRegions(
  _args: Record<string, never> = {},
  opts?: LookupOptions,
): Promise<GetRegionsResult> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('ListRegions', {});
    const regions = (res.Regions ?? []).map((r) => withIds(fromWire(r), ['regionId'], 'ListRegions'));
    return { regions, regionIds: regions.map((r) => r.regionId ?? '') };
  });
}

/** {@link getRegions} as a `pulumi.Output`. */
export function getRegionsOutput(
  args: LookupInputs<Record<string, never>> = {},
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetRegionsResult> {
  return lookupOutput(getRegions, args, opts);
}

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

/** The EIAM instances of the account in the region (ListInstances, every page). */
export async function getInstances(
  args: GetInstancesArgs = {},
  opts?: LookupOptions,
): Promise<GetInstancesResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListInstances', {
      Status: args.status,
      InstanceIds: args.instanceIds,
    });
    const instances = items.map((i) => fromWire(i));
    return { instances, instanceIds: instances.map((i) => i.instanceId ?? '') };
  });
}

/** {@link getInstances} as a `pulumi.Output`. */
export function getInstancesOutput(
  args: LookupInputs<GetInstancesArgs> = {},
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetInstancesResult> {
  return lookupOutput(getInstances, args, opts);
}

/** Arguments of {@link getInstance}. */
export interface GetInstanceArgs {
  /** The instance id. */
  readonly instanceId: string;
}

/** One instance (GetInstance); fails when it does not exist. */
export async function getInstance(args: GetInstanceArgs, opts?: LookupOptions): Promise<InstanceInfo> {
  return withLookupClient(opts, async (client) => {
    try {
      const res = await client.call('GetInstance', { InstanceId: args.instanceId });
      return withIds(fromWire(res.Instance ?? {}), ['instanceId'], 'GetInstance');
    } catch (err) {
      if (isNotFound(err)) throw new Error(`getInstance: no instance ${args.instanceId}`, { cause: err });
      throw err;
    }
  });
}

/** {@link getInstance} as a `pulumi.Output`. */
export function getInstanceOutput(
  args: LookupInputs<GetInstanceArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<InstanceInfo> {
  return lookupOutput(getInstance, args, opts);
}
