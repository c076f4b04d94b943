/** Handlers of the organizational unit operations. */
import * as ous from '../model/organizational-units';
import type { OrganizationalUnitState } from '../model/state';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'CreateOrganizationalUnit'
  | 'DeleteOrganizationalUnit'
  | 'DeleteOrganizationalUnitChildren'
  | 'UpdateOrganizationalUnit'
  | 'UpdateOrganizationalUnitDescription'
  | 'UpdateOrganizationalUnitParentId'
  | 'GetRootOrganizationalUnit'
  | 'GetOrganizationalUnit'
  | 'ListOrganizationalUnits';

function baseFields(ou: OrganizationalUnitState) {
  return {
    OrganizationalUnitId: ou.organizationalUnitId,
    InstanceId: ou.instanceId,
    OrganizationalUnitName: ou.organizationalUnitName,
    Description: ou.description,
    CreateTime: ou.createTime,
    UpdateTime: ou.updateTime,
  };
}

function ouFields(ou: ous.OrganizationalUnitView) {
  return {
    ...baseFields(ou),
    ParentId: ou.parentId,
    Leaf: ou.leaf,
    OrganizationalUnitExternalId: ou.organizationalUnitExternalId,
    OrganizationalUnitSourceType: ou.organizationalUnitSourceType,
    OrganizationalUnitSourceId: ou.organizationalUnitSourceId,
  };
}

/** Organizational unit handlers. */
export const organizationalUnitHandlers: TypedHandlers<Ops> = {
  CreateOrganizationalUnit: (ctx, p) => ({
    OrganizationalUnitId: ous.createOrganizationalUnit(
      ctx.service,
      p.InstanceId,
      toInput<'CreateOrganizationalUnit', ous.CreateOrganizationalUnitInput>(p),
    ).organizationalUnitId,
  }),
  DeleteOrganizationalUnit: (ctx, p) => {
    ous.deleteOrganizationalUnit(ctx.service, p.InstanceId, p.OrganizationalUnitId);
    return EMPTY;
  },
  DeleteOrganizationalUnitChildren: (ctx, p) => {
    ous.deleteOrganizationalUnitChildren(ctx.service, p.InstanceId, p.OrganizationalUnitId);
    return EMPTY;
  },
  UpdateOrganizationalUnit: (ctx, p) => {
    ous.updateOrganizationalUnit(
      ctx.service,
      p.InstanceId,
      p.OrganizationalUnitId,
      toInput<'UpdateOrganizationalUnit', ous.UpdateOrganizationalUnitInput>(p),
    );
    return EMPTY;
  },
  UpdateOrganizationalUnitDescription: (ctx, p) => {
    ous.updateOrganizationalUnitDescription(ctx.service, p.InstanceId, p.OrganizationalUnitId, p.Description);
    return EMPTY;
  },
  UpdateOrganizationalUnitParentId: (ctx, p) => {
    ous.updateOrganizationalUnitParentId(ctx.service, p.InstanceId, p.OrganizationalUnitId, p.ParentId);
    return EMPTY;
  },
  GetRootOrganizationalUnit: (ctx, p) => ({
    OrganizationalUnit: baseFields(ous.getRootOrganizationalUnit(ctx.service, p.InstanceId)),
  }),
  GetOrganizationalUnit: (ctx, p) => ({
    OrganizationalUnit: ouFields(
      ous.getOrganizationalUnit(ctx.service, p.InstanceId, p.OrganizationalUnitId),
    ),
  }),
  ListOrganizationalUnits: (ctx, p) => {
    const page = ous.listOrganizationalUnits(
      ctx.service,
      p.InstanceId,
      toInput<'ListOrganizationalUnits', ous.ListOrganizationalUnitsFilter>(p),
    );
    return { OrganizationalUnits: page.items.map(ouFields), TotalCount: page.totalCount };
  },
};
