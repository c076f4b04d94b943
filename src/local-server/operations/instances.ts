/** Handlers of ListRegions and the instance operations. */
import * as instances from '../model/instances';
import * as regions from '../model/regions';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'ListRegions'
  | 'CreateInstance'
  | 'DeleteInstance'
  | 'UpdateInstanceDescription'
  | 'ListInstances'
  | 'GetInstance';

function instanceFields(v: instances.InstanceView) {
  return {
    InstanceId: v.instanceId,
    Description: v.description,
    Status: v.status,
    CreateTime: v.createTime,
    DefaultEndpoint: { Endpoint: v.endpoint, Status: v.endpointStatus },
    // The emulator has no cross-region replication and no service-managed instances.
    CrossRegionReplication: 'disabled',
    ServiceManaged: false,
  };
}

/** Instance handlers. */
export const instanceHandlers: TypedHandlers<Ops> = {
  ListRegions: () => ({
    Regions: regions.listRegions().map((r) => ({
      RegionId: r.regionId,
      LocalName: r.localName,
      RegionEndpoint: r.regionEndpoint,
    })),
  }),
  CreateInstance: (ctx, p) => ({
    InstanceId: instances.createInstance(
      ctx.service,
      toInput<'CreateInstance', instances.CreateInstanceInput>(p),
    ).instanceId,
  }),
  DeleteInstance: (ctx, p) => {
    instances.deleteInstance(ctx.service, p.InstanceId);
    return EMPTY;
  },
  UpdateInstanceDescription: (ctx, p) => {
    instances.updateInstanceDescription(ctx.service, p.InstanceId, p.Description);
    return EMPTY;
  },
  GetInstance: (ctx, p) => {
    const v = instances.getInstance(ctx.service, p.InstanceId);
    return {
      Instance: {
        ...instanceFields(v),
        DomainConfig: {
          DefaultDomain: v.endpoint,
          InitDomain: v.endpoint,
          InitDomainAutoRedirectStatus: 'disabled',
        },
      },
    };
  },
  ListInstances: (ctx, p) => {
    const page = instances.listInstances(
      ctx.service,
      toInput<'ListInstances', instances.ListInstancesFilter>(p),
    );
    return { Instances: page.items.map(instanceFields), TotalCount: page.totalCount };
  },
};
