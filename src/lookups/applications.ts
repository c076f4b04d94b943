/**
 * Lookups of applications: one by id or name (ListApplications, GetApplication), listings, client
 * secrets (masked), who an application is granted to, what a user or an organizational unit can
 * use, and the SSO, Developer API and provisioning settings.
 */
import type {
  GetApplicationProvisioningConfigResponse,
  GetApplicationProvisioningScopeResponse,
  GetApplicationResponse,
  GetApplicationSsoConfigResponse,
  ListApplicationClientSecretsResponse,
  ListApplicationsForOrganizationalUnitResponse,
  ListApplicationsForUserResponse,
  ListApplicationsResponse,
} from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, type WithIds, withIds } from './connection';

/** An application as GetApplication reports it. */
export type ApplicationInfo = WithIds<
  Camel<NonNullable<GetApplicationResponse['Application']>>,
  'applicationId'
>;
/** An application as ListApplications reports it. */
export type ApplicationSummary = Camel<NonNullable<ListApplicationsResponse['Applications']>[number]>;

/** Arguments naming one application. */
export interface ApplicationRefArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The application. */
  readonly applicationId: string;
}

/** `work`, failing with "`fn`: no application … in instance …" when the application does not exist. */
function getOrExplain<T>(fn: string, args: ApplicationRefArgs, work: () => Promise<T>): Promise<T> {
  return explainNotFound(fn, `application ${args.applicationId} in instance ${args.instanceId}`, work);
}

function target(args: ApplicationRefArgs) {
  return { InstanceId: args.instanceId, ApplicationId: args.applicationId };
}

function applicationById(client: EiamClient, args: ApplicationRefArgs): Promise<ApplicationInfo> {
  return getOrExplain('getApplication', args, async () => {
    const res = await client.call('GetApplication', target(args));
    return withIds(fromWire(res.Application ?? {}), ['applicationId'], 'GetApplication');
  });
}

/** Arguments of {@link getApplication}: the instance and exactly one of `applicationId`, `applicationName`. */
export interface GetApplicationArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The application's id. */
  readonly applicationId?: string;
  /** The application's exact name; must be unique. */
  readonly applicationName?: string;
}

const applicationLookup = defineLookup(async (args: GetApplicationArgs, client): Promise<ApplicationInfo> => {
  const fn = 'getApplication';
  const by = exactlyOne(fn, args, ['applicationId', 'applicationName']);
  if (by === 'applicationId') {
    return applicationById(client, {
      instanceId: args.instanceId,
      applicationId: args.applicationId ?? '',
    });
  }
  const items = await client.listAll('ListApplications', {
    InstanceId: args.instanceId,
    ApplicationName: args.applicationName,
  });
  const matches = items.map((i) => fromWire(i)).filter((a) => a.applicationName === args.applicationName);
  const app = single(
    fn,
    matches,
    `application named "${args.applicationName}" in instance ${args.instanceId}`,
  );
  return applicationById(client, { instanceId: args.instanceId, applicationId: app.applicationId ?? '' });
});
/** One application, by id (GetApplication) or exact name (ListApplications, then GetApplication). */
export const getApplication = applicationLookup.get;
/** {@link getApplication} as a `pulumi.Output`. */
export const getApplicationOutput = applicationLookup.output;

/** Arguments of {@link getApplications}. */
export interface GetApplicationsArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only applications whose name contains this (the service matches substrings). */
  readonly applicationName?: string;
  /** Only `enabled` or `disabled` applications. */
  readonly status?: string;
  /** Only `saml2` or `oidc` applications. */
  readonly ssoType?: string;
  /** Only applications with this authorization type. */
  readonly authorizationType?: string;
}

/** Result of {@link getApplications}. */
export interface GetApplicationsResult {
  /** The applications. */
  readonly applications: ApplicationSummary[];
  /** Their ids. */
  readonly applicationIds: string[];
}

const applicationsLookup = defineLookup(
  async (args: GetApplicationsArgs, client): Promise<GetApplicationsResult> => {
    const items = await client.listAll('ListApplications', {
      InstanceId: args.instanceId,
      ApplicationName: args.applicationName,
      Status: args.status,
      SsoType: args.ssoType,
      AuthorizationType: args.authorizationType,
    });
    const applications = items.map((i) => fromWire(i));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  },
);
/** Applications of an instance (ListApplications, every page). */
export const getApplications = applicationsLookup.get;
/** {@link getApplications} as a `pulumi.Output`. */
export const getApplicationsOutput = applicationsLookup.output;

/** A client secret as ListApplicationClientSecrets reports it: the value is MASKED. */
export type ClientSecretInfo = Camel<
  NonNullable<ListApplicationClientSecretsResponse['ApplicationClientSecrets']>[number]
>;

/** Result of {@link getApplicationClientSecrets}. */
export interface GetApplicationClientSecretsResult {
  /** The secrets, values masked. */
  readonly clientSecrets: ClientSecretInfo[];
  /** Their ids. */
  readonly secretIds: string[];
}

const applicationClientSecretsLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<GetApplicationClientSecretsResult> =>
    getOrExplain('getApplicationClientSecrets', args, async () => {
      const res = await client.call('ListApplicationClientSecrets', target(args));
      const clientSecrets = (res.ApplicationClientSecrets ?? []).map((s) => fromWire(s));
      return { clientSecrets, secretIds: clientSecrets.map((s) => s.secretId ?? '') };
    }),
);
/**
 * The client secrets of an application, values masked (ListApplicationClientSecrets). The plain
 * value of a secret is available only from the `ClientSecret` resource that created it.
 */
export const getApplicationClientSecrets = applicationClientSecretsLookup.get;
/** {@link getApplicationClientSecrets} as a `pulumi.Output`. */
export const getApplicationClientSecretsOutput = applicationClientSecretsLookup.output;

/** Result of {@link getApplicationAuthorizations}. */
export interface GetApplicationAuthorizationsResult {
  /** Users granted the application directly. */
  readonly userIds: string[];
  /** Groups granted the application. */
  readonly groupIds: string[];
  /** Organizational units granted the application. */
  readonly organizationalUnitIds: string[];
}

const applicationAuthorizationsLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<GetApplicationAuthorizationsResult> =>
    getOrExplain('getApplicationAuthorizations', args, async () => {
      const [users, groups, units] = await Promise.all([
        client.listAll('ListUsersForApplication', target(args)),
        client.listAll('ListGroupsForApplication', target(args)),
        client.listAll('ListOrganizationalUnitsForApplication', target(args)),
      ]);
      return {
        userIds: users.map((u) => u.UserId ?? ''),
        groupIds: groups.map((g) => g.GroupId ?? ''),
        organizationalUnitIds: units.map((o) => o.OrganizationalUnitId ?? ''),
      };
    }),
);
/**
 * Who an application is granted to (ListUsersForApplication, ListGroupsForApplication,
 * ListOrganizationalUnitsForApplication, every page).
 */
export const getApplicationAuthorizations = applicationAuthorizationsLookup.get;
/** {@link getApplicationAuthorizations} as a `pulumi.Output`. */
export const getApplicationAuthorizationsOutput = applicationAuthorizationsLookup.output;

/** An application a user can use, and how (ListApplicationsForUser). */
export type UserApplicationInfo = WithIds<
  Camel<NonNullable<ListApplicationsForUserResponse['Applications']>[number]>,
  'applicationId'
>;

/** Arguments of {@link getApplicationsForUser}. */
export interface GetApplicationsForUserArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user. */
  readonly userId: string;
  /**
   * `OnlyDirect` (default): applications granted to the user itself; `IncludeInherit`: also
   * through its groups and organizational units.
   */
  readonly queryMode?: string;
}

/** Result of {@link getApplicationsForUser}. */
export interface GetApplicationsForUserResult {
  /** The applications and how they were granted. */
  readonly applications: UserApplicationInfo[];
  /** Their ids. */
  readonly applicationIds: string[];
}

const applicationsForUserLookup = defineLookup(
  async (args: GetApplicationsForUserArgs, client): Promise<GetApplicationsForUserResult> => {
    const items = await client.listAll('ListApplicationsForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
      QueryMode: args.queryMode,
    });
    const applications = items.map((i) => withIds(fromWire(i), ['applicationId'], 'ListApplicationsForUser'));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  },
);
/** The applications a user can use (ListApplicationsForUser, every page). */
export const getApplicationsForUser = applicationsForUserLookup.get;
/** {@link getApplicationsForUser} as a `pulumi.Output`. */
export const getApplicationsForUserOutput = applicationsForUserLookup.output;

/** An application granted to an organizational unit (ListApplicationsForOrganizationalUnit). */
export type OrganizationalUnitApplicationInfo = Camel<
  NonNullable<ListApplicationsForOrganizationalUnitResponse['Applications']>[number]
>;

/** Arguments of {@link getApplicationsForOrganizationalUnit}. */
export interface GetApplicationsForOrganizationalUnitArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The organizational unit. */
  readonly organizationalUnitId: string;
}

/** Result of {@link getApplicationsForOrganizationalUnit}. */
export interface GetApplicationsForOrganizationalUnitResult {
  /** The applications. */
  readonly applications: OrganizationalUnitApplicationInfo[];
  /** Their ids. */
  readonly applicationIds: string[];
}

const applicationsForOrganizationalUnitLookup = defineLookup(
  async (
    args: GetApplicationsForOrganizationalUnitArgs,
    client,
  ): Promise<GetApplicationsForOrganizationalUnitResult> => {
    const items = await client.listAll('ListApplicationsForOrganizationalUnit', {
      InstanceId: args.instanceId,
      OrganizationalUnitId: args.organizationalUnitId,
    });
    const applications = items.map((i) => fromWire(i));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  },
);
/** The applications granted to an organizational unit itself (ListApplicationsForOrganizationalUnit, every page). */
export const getApplicationsForOrganizationalUnit = applicationsForOrganizationalUnitLookup.get;
/** {@link getApplicationsForOrganizationalUnit} as a `pulumi.Output`. */
export const getApplicationsForOrganizationalUnitOutput = applicationsForOrganizationalUnitLookup.output;

/**
 * The SSO configuration of an application as GetApplicationSsoConfig reports it, except that
 * `oidcSsoConfig.allowedPublicClient` is a boolean (the service sends it as a string).
 */
export type ApplicationSsoConfigInfo = Camel<
  NonNullable<GetApplicationSsoConfigResponse['ApplicationSsoConfig']>
>;

const applicationSsoConfigLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<ApplicationSsoConfigInfo> =>
    getOrExplain('getApplicationSsoConfig', args, async () => {
      const res = await client.call('GetApplicationSsoConfig', target(args));
      const info = fromWire(res.ApplicationSsoConfig ?? {});
      const oidc = info.oidcSsoConfig as Record<string, unknown> | undefined;
      if (oidc && typeof oidc.allowedPublicClient === 'string')
        oidc.allowedPublicClient = oidc.allowedPublicClient === 'true';
      return info;
    }),
);
/** The SSO configuration and protocol endpoints of an application (GetApplicationSsoConfig). */
export const getApplicationSsoConfig = applicationSsoConfigLookup.get;
/** {@link getApplicationSsoConfig} as a `pulumi.Output`. */
export const getApplicationSsoConfigOutput = applicationSsoConfigLookup.output;

/** Result of {@link getApplicationGrantScope}. */
export interface GetApplicationGrantScopeResult {
  /** Developer API scopes of the application. */
  readonly grantScopes: string[];
}

const applicationGrantScopeLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<GetApplicationGrantScopeResult> =>
    getOrExplain('getApplicationGrantScope', args, async () => {
      const res = await client.call('GetApplicationGrantScope', target(args));
      return { grantScopes: res.ApplicationGrantScope?.GrantScopes ?? [] };
    }),
);
/** The Developer API scopes of an application (GetApplicationGrantScope). */
export const getApplicationGrantScope = applicationGrantScopeLookup.get;
/** {@link getApplicationGrantScope} as a `pulumi.Output`. */
export const getApplicationGrantScopeOutput = applicationGrantScopeLookup.output;

/** The provisioning configuration of an application; keys and tokens come back MASKED. */
export type ApplicationProvisioningConfigInfo = Camel<
  NonNullable<GetApplicationProvisioningConfigResponse['ApplicationProvisioningConfig']>
>;

const applicationProvisioningConfigLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<ApplicationProvisioningConfigInfo> =>
    getOrExplain('getApplicationProvisioningConfig', args, async () => {
      const res = await client.call('GetApplicationProvisioningConfig', target(args));
      return fromWire(res.ApplicationProvisioningConfig ?? {});
    }),
);
/** The provisioning configuration of an application, secrets masked (GetApplicationProvisioningConfig). */
export const getApplicationProvisioningConfig = applicationProvisioningConfigLookup.get;
/** {@link getApplicationProvisioningConfig} as a `pulumi.Output`. */
export const getApplicationProvisioningConfigOutput = applicationProvisioningConfigLookup.output;

/** The provisioning scope of an application. */
export type ApplicationProvisioningScopeInfo = Camel<
  NonNullable<GetApplicationProvisioningScopeResponse['ApplicationProvisioningScope']>
>;

const applicationProvisioningScopeLookup = defineLookup(
  (args: ApplicationRefArgs, client): Promise<ApplicationProvisioningScopeInfo> =>
    getOrExplain('getApplicationProvisioningScope', args, async () => {
      const res = await client.call('GetApplicationProvisioningScope', target(args));
      return fromWire(res.ApplicationProvisioningScope ?? {});
    }),
);
/** The organizational units and groups an application provisions (GetApplicationProvisioningScope). */
export const getApplicationProvisioningScope = applicationProvisioningScopeLookup.get;
/** {@link getApplicationProvisioningScope} as a `pulumi.Output`. */
export const getApplicationProvisioningScopeOutput = applicationProvisioningScopeLookup.output;
