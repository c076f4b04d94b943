/** Handlers of the network zone operations. */
import * as zones from '../model/network-zones';
import type { TokenPage } from '../model/network-zones';
import type { NetworkZoneState } from '../model/state';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'CreateNetworkZone'
  | 'DeleteNetworkZone'
  | 'GetNetworkZone'
  | 'ListApplicationsForNetworkZone'
  | 'ListNetworkZones'
  | 'UpdateNetworkZone'
  | 'UpdateNetworkZoneDescription';

function networkZoneFields(z: NetworkZoneState) {
  return {
    NetworkZoneId: z.networkZoneId,
    InstanceId: z.instanceId,
    NetworkZoneName: z.networkZoneName,
    NetworkZoneType: z.networkZoneType,
    Description: z.description,
    Ipv4Cidrs: [...z.ipv4Cidrs],
    Ipv6Cidrs: [...z.ipv6Cidrs],
    VpcId: z.vpcId,
  };
}

/** The paging fields of a token-paged answer. */
export function tokenFields(page: TokenPage<unknown>) {
  return { TotalCount: page.totalCount, NextToken: page.nextToken, PreviousToken: page.previousToken };
}

/** Network zone handlers. */
export const networkZoneHandlers: TypedHandlers<Ops> = {
  CreateNetworkZone: (ctx, p) => ({
    NetworkZoneId: zones.createNetworkZone(
      ctx.service,
      p.InstanceId,
      toInput<'CreateNetworkZone', zones.CreateNetworkZoneInput>(p),
    ).networkZoneId,
  }),
  DeleteNetworkZone: (ctx, p) => {
    zones.deleteNetworkZone(ctx.service, p.InstanceId, p.NetworkZoneId);
    return EMPTY;
  },
  GetNetworkZone: (ctx, p) => ({
    NetworkZone: networkZoneFields(zones.getNetworkZone(ctx.service, p.InstanceId, p.NetworkZoneId)),
  }),
  UpdateNetworkZone: (ctx, p) => {
    zones.updateNetworkZone(
      ctx.service,
      p.InstanceId,
      p.NetworkZoneId,
      toInput<'UpdateNetworkZone', zones.UpdateNetworkZoneInput>(p),
    );
    return EMPTY;
  },
  UpdateNetworkZoneDescription: (ctx, p) => {
    zones.updateNetworkZoneDescription(ctx.service, p.InstanceId, p.NetworkZoneId, p.Description);
    return EMPTY;
  },
  ListNetworkZones: (ctx, p) => {
    const filter = toInput<'ListNetworkZones', zones.ListNetworkZonesFilter>(p);
    const page = zones.listNetworkZones(ctx.service, p.InstanceId, filter);
    return { NetworkZones: page.items.map(networkZoneFields), ...tokenFields(page) };
  },
  ListApplicationsForNetworkZone: (ctx, p) => {
    const paging = toInput<'ListApplicationsForNetworkZone', zones.TokenPaging>(p);
    const page = zones.listApplicationsForNetworkZone(ctx.service, p.InstanceId, p.NetworkZoneId, paging);
    return {
      Applications: page.items.map((app) => ({
        ApplicationId: app.applicationId,
        ApplicationName: app.applicationName,
        InstanceId: p.InstanceId,
      })),
      MaxResults: page.maxResults,
      ...tokenFields(page),
    };
  },
};
