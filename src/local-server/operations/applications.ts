/**
 * Operation handlers of the application family: each reads its parameters (already parsed,
 * coerced and checked for presence by the HTTP layer), calls one model function and shapes the
 * response body (without `RequestId`) exactly as the catalog declares it.
 */
import type { OperationName } from '../../catalog';
import { toWire } from '../../catalog/case';
import type { ApplicationState, ClientSecretState, PrincipalKind } from '../model/application-state';
import * as apps from '../model/applications';
import * as authz from '../model/authorizations';
import * as provisioning from '../model/application-provisioning';
import * as secrets from '../model/application-secrets';
import type { SetApplicationSsoConfigInput } from '../model/application-sso';
import type { HandlerContext } from './index';
import { EMPTY, toInput, type Req, type Res, type TypedHandlers } from './typed';

type Ops =
  | 'CreateApplication'
  | 'DeleteApplication'
  | 'UpdateApplicationDescription'
  | 'EnableApplication'
  | 'DisableApplication'
  | 'GetApplication'
  | 'ListApplications'
  | 'UpdateApplicationInfo'
  | 'SetApplicationSsoConfig'
  | 'GetApplicationSsoConfig'
  | 'AuthorizeApplicationToUsers'
  | 'RevokeApplicationFromUsers'
  | 'AuthorizeApplicationToGroups'
  | 'RevokeApplicationFromGroups'
  | 'AuthorizeApplicationToOrganizationalUnits'
  | 'RevokeApplicationFromOrganizationalUnits'
  | 'UpdateApplicationAuthorizationType'
  | 'ListUsersForApplication'
  | 'ListGroupsForApplication'
  | 'ListOrganizationalUnitsForApplication'
  | 'ListApplicationsForUser'
  | 'ListApplicationsForOrganizationalUnit'
  | 'CreateApplicationClientSecret'
  | 'DeleteApplicationClientSecret'
  | 'EnableApplicationClientSecret'
  | 'DisableApplicationClientSecret'
  | 'ListApplicationClientSecrets'
  | 'ObtainApplicationClientSecret'
  | 'EnableApplicationApiInvoke'
  | 'DisableApplicationApiInvoke'
  | 'SetApplicationGrantScope'
  | 'GetApplicationGrantScope'
  | 'EnableApplicationProvisioning'
  | 'DisableApplicationProvisioning'
  | 'SetApplicationProvisioningConfig'
  | 'GetApplicationProvisioningConfig'
  | 'SetApplicationProvisioningScope'
  | 'GetApplicationProvisioningScope';

/** `Features` (a JSON array in a string): every application here supports all three. */
const FEATURES = JSON.stringify(['sso', 'provision', 'api_invoke']);

/** The summary fields shared by GetApplication and ListApplications. */
function applicationSummary(app: ApplicationState) {
  return {
    ApplicationId: app.applicationId,
    ApplicationName: app.applicationName,
    ApplicationCreationType: app.applicationCreationType,
    ApplicationIdentityType: app.applicationIdentityType,
    ApplicationSourceType: app.applicationSourceType,
    ApplicationTemplateId: app.applicationTemplateId,
    ClientId: app.clientId,
    CreateTime: app.createTime,
    UpdateTime: app.updateTime,
    Description: app.description,
    Features: FEATURES,
    InstanceId: app.instanceId,
    LogoUrl: app.logoUrl,
    ResourceServerStatus: 'disabled',
    ServiceManaged: false,
    SsoType: app.ssoType,
    Status: app.status,
  };
}

function applicationDetail(app: ApplicationState): NonNullable<Res<'GetApplication'>['Application']> {
  return {
    ...applicationSummary(app),
    ApiInvokeStatus: app.apiInvokeStatus,
    AuthorizationType: app.authorizationType,
    ApplicationOwner: { UserIds: [...app.owner.userIds], GroupIds: [...app.owner.groupIds] },
    ApplicationVisibility: [...app.visibility],
    CustomFields: app.customFields.map((f) => ({ FieldName: f.fieldName, FieldValue: f.fieldValue })),
    CustomSubjectStatus: 'disabled',
    M2MClientStatus: 'disabled',
  };
}

function secretView(app: ApplicationState, secret: ClientSecretState, masked: boolean) {
  return {
    ApplicationId: app.applicationId,
    InstanceId: app.instanceId,
    ClientId: app.clientId,
    SecretId: secret.secretId,
    ClientSecret: masked ? secrets.maskSecret(secret.clientSecret) : secret.clientSecret,
    Status: secret.status,
    ExpirationTime: secret.expirationTime,
    LastUsedTime: secret.lastUsedTime,
  };
}

function roles(roleIds: string[]): { ApplicationRoleId: string }[] | undefined {
  return roleIds.length > 0 ? roleIds.map((id) => ({ ApplicationRoleId: id })) : undefined;
}

/** Parameters common to the six Authorize/Revoke operations. */
type GrantParams = Pick<
  Req<'AuthorizeApplicationToUsers'>,
  'InstanceId' | 'ApplicationId' | 'ApplicationRoleId'
>;

/** The Authorize/Revoke pair of one kind of principal, whose ids `ids` reads from the request. */
function grantHandlers<P extends GrantParams>(kind: PrincipalKind, ids: (params: P) => string[]) {
  const change = (p: P): authz.AuthorizationChange => ({
    kind,
    ids: ids(p),
    applicationRoleId: p.ApplicationRoleId,
  });
  return {
    authorize: (ctx: HandlerContext, p: P) => {
      authz.authorize(ctx.service, p.InstanceId, p.ApplicationId, change(p));
      return EMPTY;
    },
    revoke: (ctx: HandlerContext, p: P) => {
      authz.revoke(ctx.service, p.InstanceId, p.ApplicationId, change(p));
      return EMPTY;
    },
  };
}

const users = grantHandlers('user', (p: Req<'AuthorizeApplicationToUsers'>) => p.UserIds);
const groups = grantHandlers('group', (p: Req<'AuthorizeApplicationToGroups'>) => p.GroupIds);
const ous = grantHandlers(
  'organizationalUnit',
  (p: Req<'AuthorizeApplicationToOrganizationalUnits'>) => p.OrganizationalUnitIds,
);

function listGrants(
  ctx: HandlerContext,
  kind: PrincipalKind,
  p: Req<'ListUsersForApplication'>,
  ids?: string[],
) {
  return authz.listGrants(ctx.service, p.InstanceId, p.ApplicationId, {
    kind,
    ids,
    applicationRoleId: p.ApplicationRoleId,
    pageNumber: p.PageNumber,
    pageSize: p.PageSize,
  });
}

/** Handlers of every application operation, keyed by operation name. */
export const applicationHandlers: TypedHandlers<Ops> = {
  CreateApplication: (ctx, p) => ({
    ApplicationId: apps.createApplication(
      ctx.service,
      p.InstanceId,
      toInput<'CreateApplication', apps.CreateApplicationInput>(p),
    ).applicationId,
  }),
  DeleteApplication: (ctx, p) => {
    apps.deleteApplication(ctx.service, p.InstanceId, p.ApplicationId);
    return EMPTY;
  },
  UpdateApplicationDescription: (ctx, p) => {
    apps.updateApplicationDescription(ctx.service, p.InstanceId, p.ApplicationId, p.Description);
    return EMPTY;
  },
  EnableApplication: (ctx, p) => {
    apps.setApplicationSwitch(ctx.service, p.InstanceId, p.ApplicationId, 'status', 'enabled');
    return EMPTY;
  },
  DisableApplication: (ctx, p) => {
    apps.setApplicationSwitch(ctx.service, p.InstanceId, p.ApplicationId, 'status', 'disabled');
    return EMPTY;
  },
  GetApplication: (ctx, p) => ({
    Application: applicationDetail(apps.getApplication(ctx.service, p.InstanceId, p.ApplicationId)),
  }),
  ListApplications: (ctx, p) => {
    const filter = toInput<'ListApplications', apps.ListApplicationsFilter>(p);
    const page = apps.listApplications(ctx.service, p.InstanceId, filter);
    return { TotalCount: page.totalCount, Applications: page.items.map(applicationSummary) };
  },
  UpdateApplicationInfo: (ctx, p) => {
    const input = toInput<'UpdateApplicationInfo', apps.UpdateApplicationInfoInput>(p);
    apps.updateApplicationInfo(ctx.service, p.InstanceId, p.ApplicationId, input);
    return EMPTY;
  },
  SetApplicationSsoConfig: (ctx, p) => {
    const input = toInput<'SetApplicationSsoConfig', SetApplicationSsoConfigInput>(p);
    apps.setSsoConfig(ctx.service, p.InstanceId, p.ApplicationId, input);
    return EMPTY;
  },
  GetApplicationSsoConfig: (ctx, p) => ({
    ApplicationSsoConfig: toWire(apps.getSsoConfig(ctx.service, p.InstanceId, p.ApplicationId)),
  }),

  AuthorizeApplicationToUsers: users.authorize,
  RevokeApplicationFromUsers: users.revoke,
  AuthorizeApplicationToGroups: groups.authorize,
  RevokeApplicationFromGroups: groups.revoke,
  AuthorizeApplicationToOrganizationalUnits: ous.authorize,
  RevokeApplicationFromOrganizationalUnits: ous.revoke,
  UpdateApplicationAuthorizationType: (ctx, p) => {
    apps.updateAuthorizationType(ctx.service, p.InstanceId, p.ApplicationId, p.AuthorizationType);
    return EMPTY;
  },
  ListUsersForApplication: (ctx, p) => {
    const page = listGrants(ctx, 'user', p, p.UserIds);
    return {
      TotalCount: page.totalCount,
      Users: page.items.map((g) => ({ UserId: g.id, ApplicationRoles: roles(g.roleIds) })),
    };
  },
  ListGroupsForApplication: (ctx, p) => {
    const page = listGrants(ctx, 'group', p, p.GroupIds);
    return {
      TotalCount: page.totalCount,
      Groups: page.items.map((g) => ({ GroupId: g.id, ApplicationRoles: roles(g.roleIds) })),
    };
  },
  ListOrganizationalUnitsForApplication: (ctx, p) => {
    const page = listGrants(ctx, 'organizationalUnit', p, p.OrganizationalUnitIds);
    return {
      TotalCount: page.totalCount,
      OrganizationalUnits: page.items.map((g) => ({
        OrganizationalUnitId: g.id,
        ApplicationRoles: roles(g.roleIds),
      })),
    };
  },
  ListApplicationsForUser: (ctx, p) => {
    const filter = toInput<'ListApplicationsForUser', authz.UserApplicationsFilter>(p);
    const page = authz.listApplicationsForUser(ctx.service, p.InstanceId, p.UserId, filter);
    return {
      TotalCount: page.totalCount,
      Applications: page.items.map((a) => ({
        ApplicationId: a.applicationId,
        HasDirectAuthorization: a.direct,
        HasInheritAuthorization: a.inherited,
        ApplicationRoles:
          a.roles.length > 0
            ? a.roles.map((r) => ({
                ApplicationRoleId: r.roleId,
                HasDirectAuthorization: r.direct,
                HasInheritAuthorization: r.inherited,
              }))
            : undefined,
      })),
    };
  },
  ListApplicationsForOrganizationalUnit: (ctx, p) => {
    const filter = toInput<
      'ListApplicationsForOrganizationalUnit',
      authz.OrganizationalUnitApplicationsFilter
    >(p);
    const page = authz.listApplicationsForOrganizationalUnit(
      ctx.service,
      p.InstanceId,
      p.OrganizationalUnitId,
      filter,
    );
    return {
      TotalCount: page.totalCount,
      Applications: page.items.map((a) => ({
        ApplicationId: a.applicationId,
        ApplicationRoles: roles(a.roleIds),
      })),
    };
  },

  CreateApplicationClientSecret: (ctx, p) => {
    const { app, secret } = secrets.createClientSecret(
      ctx.service,
      p.InstanceId,
      p.ApplicationId,
      p.ExpirationTime,
    );
    return {
      ApplicationClientSecret: {
        ClientId: app.clientId,
        SecretId: secret.secretId,
        ClientSecret: secret.clientSecret,
      },
    };
  },
  DeleteApplicationClientSecret: (ctx, p) => {
    secrets.deleteClientSecret(ctx.service, p.InstanceId, p.ApplicationId, p.SecretId);
    return EMPTY;
  },
  EnableApplicationClientSecret: (ctx, p) => {
    secrets.setClientSecretStatus(ctx.service, p.InstanceId, p.ApplicationId, p.SecretId, 'enabled');
    return EMPTY;
  },
  DisableApplicationClientSecret: (ctx, p) => {
    secrets.setClientSecretStatus(ctx.service, p.InstanceId, p.ApplicationId, p.SecretId, 'disabled');
    return EMPTY;
  },
  ListApplicationClientSecrets: (ctx, p) => {
    const { app, secrets: list } = secrets.listClientSecrets(ctx.service, p.InstanceId, p.ApplicationId);
    return { TotalCount: list.length, ApplicationClientSecrets: list.map((s) => secretView(app, s, true)) };
  },
  ObtainApplicationClientSecret: (ctx, p) => {
    const { app, secret } = secrets.obtainClientSecret(
      ctx.service,
      p.InstanceId,
      p.ApplicationId,
      p.SecretId,
    );
    return { ApplicationClientSecret: secretView(app, secret, false) };
  },

  EnableApplicationApiInvoke: (ctx, p) => {
    apps.setApplicationSwitch(ctx.service, p.InstanceId, p.ApplicationId, 'apiInvokeStatus', 'enabled');
    return EMPTY;
  },
  DisableApplicationApiInvoke: (ctx, p) => {
    apps.setApplicationSwitch(ctx.service, p.InstanceId, p.ApplicationId, 'apiInvokeStatus', 'disabled');
    return EMPTY;
  },
  SetApplicationGrantScope: (ctx, p) => {
    apps.setGrantScopes(ctx.service, p.InstanceId, p.ApplicationId, p.GrantScopes);
    return EMPTY;
  },
  GetApplicationGrantScope: (ctx, p) => ({
    ApplicationGrantScope: { GrantScopes: apps.getGrantScopes(ctx.service, p.InstanceId, p.ApplicationId) },
  }),

  EnableApplicationProvisioning: (ctx, p) => {
    provisioning.setProvisioningStatus(ctx.service, p.InstanceId, p.ApplicationId, 'enabled');
    return EMPTY;
  },
  DisableApplicationProvisioning: (ctx, p) => {
    provisioning.setProvisioningStatus(ctx.service, p.InstanceId, p.ApplicationId, 'disabled');
    return EMPTY;
  },
  SetApplicationProvisioningConfig: (ctx, p) => {
    const input = toInput<
      'SetApplicationProvisioningConfig',
      provisioning.SetApplicationProvisioningConfigInput
    >(p);
    provisioning.setProvisioningConfig(ctx.service, p.InstanceId, p.ApplicationId, input);
    return EMPTY;
  },
  GetApplicationProvisioningConfig: (ctx, p) => ({
    ApplicationProvisioningConfig: toWire(
      provisioning.getProvisioningConfig(ctx.service, p.InstanceId, p.ApplicationId),
    ),
  }),
  SetApplicationProvisioningScope: (ctx, p) => {
    provisioning.setProvisioningScope(
      ctx.service,
      p.InstanceId,
      p.ApplicationId,
      p.OrganizationalUnitIds,
      p.GroupIds,
    );
    return EMPTY;
  },
  GetApplicationProvisioningScope: (ctx, p) => ({
    ApplicationProvisioningScope: toWire(
      provisioning.getProvisioningScope(ctx.service, p.InstanceId, p.ApplicationId),
    ),
  }),
};

/** The operations this module implements. */
export const APPLICATION_OPERATIONS = Object.keys(applicationHandlers) as OperationName[];
