/** Handlers of ListRegions and the instance operations. */
import type { InstanceView } from '../model/instances';
import type { TypedHandlers } from './typed';
import { EMPTY } from './typed';

type Ops =
  | 'ListRegions'
  | 'CreateInstance'
  | 'DeleteInstance'
  | 'UpdateInstanceDescription'
  | 'ListInstances'
  | 'GetInstance';

function instanceFields(v: InstanceView) {
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
  ListRegions: (ctx) => ({
    Regions: ctx.service.listRegions().map((r) => ({
      RegionId: r.regionId,
      LocalName: r.localName,
      RegionEndpoint: r.regionEndpoint,
    })),
  }),
  CreateInstance: (ctx, p) => ({
    InstanceId: ctx.service.createInstance({ description: p.Description }).instanceId,
  }),
  DeleteInstance: (ctx, p) => {
    ctx.service.deleteInstance(p.InstanceId);
    return EMPTY;
  },
  UpdateInstanceDescription: (ctx, p) => {
    ctx.service.updateInstanceDescription(p.InstanceId, p.Description);
    return EMPTY;
  },
  GetInstance: (ctx, p) => {
    const v = ctx.service.getInstance(p.InstanceId);
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
    const page = ctx.service.listInstances({
      instanceIds: p.InstanceIds,
      status: p.Status,
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    });
    return { Instances: page.items.map(instanceFields), TotalCount: page.totalCount };
  },
};
