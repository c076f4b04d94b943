/** Handlers of the group operations. */
import type { GroupState } from '../model/state';
import type { TypedHandlers } from './typed';
import { EMPTY } from './typed';

type Ops =
  | 'CreateGroup'
  | 'AddUsersToGroup'
  | 'DeleteGroup'
  | 'RemoveUsersFromGroup'
  | 'UpdateGroup'
  | 'UpdateGroupDescription'
  | 'GetGroup'
  | 'ListGroups'
  | 'ListUsersForGroup'
  | 'ListGroupsForUser';

function groupFields(g: GroupState) {
  return {
    GroupId: g.groupId,
    InstanceId: g.instanceId,
    GroupName: g.groupName,
    Description: g.description,
    GroupExternalId: g.groupExternalId,
    GroupSourceType: g.groupSourceType,
    GroupSourceId: g.groupSourceId,
    CreateTime: g.createTime,
    UpdateTime: g.updateTime,
  };
}

/** Every membership here is made through the API, so its source is the instance itself. */
function relation(instanceId: string) {
  return { GroupMemberRelationSourceType: 'build_in', GroupMemberRelationSourceId: instanceId };
}

/** Group handlers. */
export const groupHandlers: TypedHandlers<Ops> = {
  CreateGroup: (ctx, p) => ({
    GroupId: ctx.service.createGroup(p.InstanceId, {
      groupName: p.GroupName,
      description: p.Description,
      groupExternalId: p.GroupExternalId,
    }).groupId,
  }),
  DeleteGroup: (ctx, p) => {
    ctx.service.deleteGroup(p.InstanceId, p.GroupId);
    return EMPTY;
  },
  UpdateGroup: (ctx, p) => {
    ctx.service.updateGroup(p.InstanceId, p.GroupId, {
      groupName: p.GroupName,
      groupExternalId: p.GroupExternalId,
    });
    return EMPTY;
  },
  UpdateGroupDescription: (ctx, p) => {
    ctx.service.updateGroupDescription(p.InstanceId, p.GroupId, p.Description);
    return EMPTY;
  },
  AddUsersToGroup: (ctx, p) => {
    ctx.service.addUsersToGroup(p.InstanceId, p.GroupId, p.UserIds);
    return EMPTY;
  },
  RemoveUsersFromGroup: (ctx, p) => {
    ctx.service.removeUsersFromGroup(p.InstanceId, p.GroupId, p.UserIds);
    return EMPTY;
  },
  GetGroup: (ctx, p) => ({ Group: groupFields(ctx.service.getGroup(p.InstanceId, p.GroupId)) }),
  ListGroups: (ctx, p) => {
    const page = ctx.service.listGroups(p.InstanceId, {
      groupIds: p.GroupIds,
      groupName: p.GroupName,
      groupNameStartsWith: p.GroupNameStartsWith,
      groupExternalId: p.GroupExternalId,
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    });
    return { Groups: page.items.map(groupFields), TotalCount: page.totalCount };
  },
  ListUsersForGroup: (ctx, p) => {
    const page = ctx.service.listUsersForGroup(p.InstanceId, p.GroupId, {
      userIds: p.UserIds,
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    });
    return {
      Users: page.items.map((UserId) => ({ UserId, ...relation(p.InstanceId) })),
      TotalCount: page.totalCount,
    };
  },
  ListGroupsForUser: (ctx, p) => {
    const page = ctx.service.listGroupsForUser(p.InstanceId, p.UserId, {
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    });
    return {
      Groups: page.items.map((GroupId) => ({ GroupId, ...relation(p.InstanceId) })),
      TotalCount: page.totalCount,
    };
  },
};
