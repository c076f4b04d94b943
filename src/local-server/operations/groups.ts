/** Handlers of the group operations. */
import * as groups from '../model/groups';
import type { GroupState } from '../model/state';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

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
    GroupId: groups.createGroup(ctx.service, p.InstanceId, toInput<'CreateGroup', groups.CreateGroupInput>(p))
      .groupId,
  }),
  DeleteGroup: (ctx, p) => {
    groups.deleteGroup(ctx.service, p.InstanceId, p.GroupId);
    return EMPTY;
  },
  UpdateGroup: (ctx, p) => {
    groups.updateGroup(
      ctx.service,
      p.InstanceId,
      p.GroupId,
      toInput<'UpdateGroup', groups.UpdateGroupInput>(p),
    );
    return EMPTY;
  },
  UpdateGroupDescription: (ctx, p) => {
    groups.updateGroupDescription(ctx.service, p.InstanceId, p.GroupId, p.Description);
    return EMPTY;
  },
  AddUsersToGroup: (ctx, p) => {
    groups.addUsersToGroup(ctx.service, p.InstanceId, p.GroupId, p.UserIds);
    return EMPTY;
  },
  RemoveUsersFromGroup: (ctx, p) => {
    groups.removeUsersFromGroup(ctx.service, p.InstanceId, p.GroupId, p.UserIds);
    return EMPTY;
  },
  GetGroup: (ctx, p) => ({ Group: groupFields(groups.getGroup(ctx.service, p.InstanceId, p.GroupId)) }),
  ListGroups: (ctx, p) => {
    const page = groups.listGroups(
      ctx.service,
      p.InstanceId,
      toInput<'ListGroups', groups.ListGroupsFilter>(p),
    );
    return { Groups: page.items.map(groupFields), TotalCount: page.totalCount };
  },
  ListUsersForGroup: (ctx, p) => {
    const filter = toInput<'ListUsersForGroup', groups.ListGroupMembersFilter>(p);
    const page = groups.listUsersForGroup(ctx.service, p.InstanceId, p.GroupId, filter);
    return {
      Users: page.items.map((UserId) => ({ UserId, ...relation(p.InstanceId) })),
      TotalCount: page.totalCount,
    };
  },
  ListGroupsForUser: (ctx, p) => {
    const filter = toInput<'ListGroupsForUser', groups.ListGroupsForUserFilter>(p);
    const page = groups.listGroupsForUser(ctx.service, p.InstanceId, p.UserId, filter);
    return {
      Groups: page.items.map((GroupId) => ({ GroupId, ...relation(p.InstanceId) })),
      TotalCount: page.totalCount,
    };
  },
};
