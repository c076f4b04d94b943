/** Handlers of the account (user) operations. */
import * as users from '../model/users';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'CreateUser'
  | 'AddUserToOrganizationalUnits'
  | 'DeleteUser'
  | 'RemoveUserFromOrganizationalUnits'
  | 'UpdateUser'
  | 'UpdateUserPassword'
  | 'UpdateUserDescription'
  | 'DisableUser'
  | 'EnableUser'
  | 'UnlockUser'
  | 'SetUserPrimaryOrganizationalUnit'
  | 'GetUser'
  | 'ListUsers';

/** The fields GetUser and ListUsers share. Passwords (even hashed) are never part of a response. */
function userFields({ user, passwordSet, lockExpireTime }: users.UserSummary) {
  return {
    UserId: user.userId,
    InstanceId: user.instanceId,
    Username: user.username,
    DisplayName: user.displayName,
    Description: user.description,
    Email: user.email,
    EmailVerified: user.emailVerified,
    PhoneRegion: user.phoneRegion,
    PhoneNumber: user.phoneNumber,
    PhoneNumberVerified: user.phoneNumberVerified,
    Status: user.status,
    LockExpireTime: lockExpireTime,
    AccountExpireTime: user.accountExpireTime,
    PasswordSet: passwordSet,
    PasswordExpireTime: user.passwordExpireTime,
    UserExternalId: user.userExternalId,
    UserSourceType: user.userSourceType,
    UserSourceId: user.userSourceId,
    CreateTime: user.createTime,
    UpdateTime: user.updateTime,
    RegisterTime: user.registerTime,
  };
}

function userDetail(view: users.UserView) {
  return {
    ...userFields(view),
    PrimaryOrganizationalUnitId: view.user.primaryOrganizationalUnitId,
    CustomFields: view.user.customFields.map((f) => ({ FieldName: f.fieldName, FieldValue: f.fieldValue })),
    Groups: view.groups.map((g) => ({
      GroupId: g.groupId,
      GroupName: g.groupName,
      Description: g.description,
    })),
    OrganizationalUnits: view.organizationalUnits.map((o) => ({
      OrganizationalUnitId: o.organizationalUnitId,
      OrganizationalUnitName: o.organizationalUnitName,
      Primary: o.primary,
    })),
  };
}

/** User handlers. */
export const userHandlers: TypedHandlers<Ops> = {
  CreateUser: (ctx, p) => {
    const user = users.createUser(ctx.service, p.InstanceId, toInput<'CreateUser', users.CreateUserInput>(p));
    return { UserId: user.userId };
  },
  DeleteUser: (ctx, p) => {
    users.deleteUser(ctx.service, p.InstanceId, p.UserId);
    return EMPTY;
  },
  UpdateUser: (ctx, p) => {
    users.updateUser(ctx.service, p.InstanceId, p.UserId, toInput<'UpdateUser', users.UpdateUserInput>(p));
    return EMPTY;
  },
  UpdateUserDescription: (ctx, p) => {
    users.updateUserDescription(ctx.service, p.InstanceId, p.UserId, p.Description);
    return EMPTY;
  },
  UpdateUserPassword: (ctx, p) => {
    users.updateUserPassword(
      ctx.service,
      p.InstanceId,
      p.UserId,
      toInput<'UpdateUserPassword', users.UpdateUserPasswordInput>(p),
    );
    return EMPTY;
  },
  DisableUser: (ctx, p) => {
    users.setUserStatus(ctx.service, p.InstanceId, p.UserId, 'disabled');
    return EMPTY;
  },
  EnableUser: (ctx, p) => {
    users.setUserStatus(ctx.service, p.InstanceId, p.UserId, 'enabled');
    return EMPTY;
  },
  UnlockUser: (ctx, p) => {
    users.unlockUser(ctx.service, p.InstanceId, p.UserId);
    return EMPTY;
  },
  AddUserToOrganizationalUnits: (ctx, p) => {
    users.addUserToOrganizationalUnits(ctx.service, p.InstanceId, p.UserId, p.OrganizationalUnitIds);
    return EMPTY;
  },
  RemoveUserFromOrganizationalUnits: (ctx, p) => {
    users.removeUserFromOrganizationalUnits(ctx.service, p.InstanceId, p.UserId, p.OrganizationalUnitIds);
    return EMPTY;
  },
  SetUserPrimaryOrganizationalUnit: (ctx, p) => {
    users.setUserPrimaryOrganizationalUnit(ctx.service, p.InstanceId, p.UserId, p.OrganizationalUnitId);
    return EMPTY;
  },
  GetUser: (ctx, p) => ({ User: userDetail(users.getUser(ctx.service, p.InstanceId, p.UserId)) }),
  ListUsers: (ctx, p) => {
    const page = users.listUsers(ctx.service, p.InstanceId, toInput<'ListUsers', users.ListUsersFilter>(p));
    const tokenMode = p.NextToken !== undefined || p.MaxResults !== undefined;
    return {
      Users: page.items.map(userFields),
      TotalCount: page.totalCount,
      NextToken: page.nextToken,
      MaxResults: tokenMode ? (p.MaxResults ?? 20) : undefined,
    };
  },
};
