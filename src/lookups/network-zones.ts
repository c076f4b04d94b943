/**
 * Lookups of network zones: one zone by id or name (GetNetworkZone, ListNetworkZones), the zones
 * of an instance (ListNetworkZones) and the applications the policies naming a zone cover
 * (ListApplicationsForNetworkZone).
 */
import type {
  GetNetworkZoneResponse,
  ListApplicationsForNetworkZoneResponse,
  ListNetworkZonesResponse,
} from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, withIds, type WithIds } from './connection';

/** A network zone as GetNetworkZone reports it. */
export type NetworkZoneInfo = WithIds<
  Camel<NonNullable<GetNetworkZoneResponse['NetworkZone']>>,
  'networkZoneId'
>;
/** A network zone as ListNetworkZones reports it. */
export type NetworkZoneSummary = WithIds<
  Camel<NonNullable<ListNetworkZonesResponse['NetworkZones']>[number]>,
  'networkZoneId'
>;

/** Arguments of {@link getNetworkZone}: the instance and exactly one of `networkZoneId`, `networkZoneName`. */
export interface GetNetworkZoneArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The zone's id (`network_…`). */
  readonly networkZoneId?: string;
  /** The zone's exact name (unique in the instance). */
  readonly networkZoneName?: string;
}

function zoneById(client: EiamClient, instanceId: string, networkZoneId: string): Promise<NetworkZoneInfo> {
  return explainNotFound(
    'getNetworkZone',
    `network zone ${networkZoneId} in instance ${instanceId}`,
    async () => {
      const res = await client.call('GetNetworkZone', {
        InstanceId: instanceId,
        NetworkZoneId: networkZoneId,
      });
      return withIds(fromWire(res.NetworkZone ?? {}), ['networkZoneId'], 'GetNetworkZone');
    },
  );
}

async function allZones(client: EiamClient, instanceId: string, ids?: readonly string[]) {
  const items = await client.listAll('ListNetworkZones', {
    InstanceId: instanceId,
    NetworkZoneIds: ids?.length ? [...ids] : undefined,
  });
  return items.map((i) => withIds(fromWire(i), ['networkZoneId'], 'ListNetworkZones'));
}

const networkZoneLookup = defineLookup(async (args: GetNetworkZoneArgs, client): Promise<NetworkZoneInfo> => {
  const fn = 'getNetworkZone';
  const by = exactlyOne(fn, args, ['networkZoneId', 'networkZoneName']);
  if (by === 'networkZoneId') return zoneById(client, args.instanceId, args.networkZoneId ?? '');
  const matches = (await allZones(client, args.instanceId)).filter(
    (z) => z.networkZoneName === args.networkZoneName,
  );
  const zone = single(
    fn,
    matches,
    `network zone named "${args.networkZoneName}" in instance ${args.instanceId}`,
  );
  return zoneById(client, args.instanceId, zone.networkZoneId);
});
/** One network zone, by id (GetNetworkZone) or exact name (ListNetworkZones, then GetNetworkZone). */
export const getNetworkZone = networkZoneLookup.get;
/** {@link getNetworkZone} as a `pulumi.Output`. */
export const getNetworkZoneOutput = networkZoneLookup.output;

/** Arguments of {@link getNetworkZones}. */
export interface GetNetworkZonesArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only these zones (unknown ids are left out of the result). */
  readonly networkZoneIds?: readonly string[];
}

/** Result of {@link getNetworkZones}. */
export interface GetNetworkZonesResult {
  /** The zones, in creation order. */
  readonly networkZones: NetworkZoneSummary[];
  /** Their ids. */
  readonly networkZoneIds: string[];
}

const networkZonesLookup = defineLookup(
  async (args: GetNetworkZonesArgs, client): Promise<GetNetworkZonesResult> => {
    const networkZones = await allZones(client, args.instanceId, args.networkZoneIds);
    return { networkZones, networkZoneIds: networkZones.map((z) => z.networkZoneId) };
  },
);
/** Network zones of an instance (ListNetworkZones, every page). */
export const getNetworkZones = networkZonesLookup.get;
/** {@link getNetworkZones} as a `pulumi.Output`. */
export const getNetworkZonesOutput = networkZonesLookup.output;

/** An application as ListApplicationsForNetworkZone reports it. */
export type NetworkZoneApplicationInfo = WithIds<
  Camel<NonNullable<ListApplicationsForNetworkZoneResponse['Applications']>[number]>,
  'applicationId'
>;

/** Arguments of {@link getApplicationsForNetworkZone}. */
export interface GetApplicationsForNetworkZoneArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The zone. */
  readonly networkZoneId: string;
}

/** Result of {@link getApplicationsForNetworkZone}. */
export interface GetApplicationsForNetworkZoneResult {
  /** The applications, in creation order. */
  readonly applications: NetworkZoneApplicationInfo[];
  /** Their ids. */
  readonly applicationIds: string[];
}

const applicationsForNetworkZoneLookup = defineLookup(
  async (args: GetApplicationsForNetworkZoneArgs, client): Promise<GetApplicationsForNetworkZoneResult> => {
    const items = await client.listAll('ListApplicationsForNetworkZone', {
      InstanceId: args.instanceId,
      NetworkZoneId: args.networkZoneId,
    });
    const applications = items.map((i) =>
      withIds(fromWire(i), ['applicationId'], 'ListApplicationsForNetworkZone'),
    );
    return { applications, applicationIds: applications.map((a) => a.applicationId) };
  },
);
/**
 * The applications covered by the conditional access policies that name a network zone
 * (ListApplicationsForNetworkZone, every page).
 */
export const getApplicationsForNetworkZone = applicationsForNetworkZoneLookup.get;
/** {@link getApplicationsForNetworkZone} as a `pulumi.Output`. */
export const getApplicationsForNetworkZoneOutput = applicationsForNetworkZoneLookup.output;
