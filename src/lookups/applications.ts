/**
 * Lookups of applications: one by id or name (ListApplications, GetApplication), listings, client
 * secrets (masked), who an application is granted to, what a user or an organizational unit can
 * use, and the SSO, Developer API and provisioning settings.
 */
import type * as pulumi from '@pulumi/pulumi';
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
import { isNotFound } from '../client';
import { fromWire, type Camel } from '../wire';
import {
  exactlyOne,
  lookupOutput,
  single,
  withLookupClient,
  type LookupInputs,
  type LookupOptions,
  type WithIds,
  withIds,
} from './connection';

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

async function getOrExplain<T>(fn: string, args: ApplicationRefArgs, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isNotFound(err))
      throw new Error(`${fn}: no application ${args.applicationId} in instance ${args.instanceId}`, {
        cause: err,
      });
    throw err;
  }
}

function target(args: ApplicationRefArgs) {
  return { InstanceId: args.instanceId, ApplicationId: args.applicationId };
}

async function applicationById(client: EiamClient, args: ApplicationRefArgs): Promise<ApplicationInfo> {
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

/** One application, by id (GetApplication) or exact name (ListApplications, then GetApplication). */
export async function getApplication(
  args: GetApplicationArgs,
  opts?: LookupOptions,
): Promise<ApplicationInfo> {
  const fn = 'getApplication';
  const by = exactlyOne(fn, args, ['applicationId', 'applicationName']);
  return withLookupClient(opts, async (client) => {
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
}

/** {@link getApplication} as a `pulumi.Output`. */
export function getApplicationOutput(
  args: LookupInputs<GetApplicationArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<ApplicationInfo> {
  return lookupOutput(getApplication, args, opts);
}

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

/** Applications of an instance (ListApplications, every page). */
export async function getApplications(
  args: GetApplicationsArgs,
  opts?: LookupOptions,
): Promise<GetApplicationsResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListApplications', {
      InstanceId: args.instanceId,
      ApplicationName: args.applicationName,
      Status: args.status,
      SsoType: args.ssoType,
      AuthorizationType: args.authorizationType,
    });
    const applications = items.map((i) => fromWire(i));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  });
}

/** {@link getApplications} as a `pulumi.Output`. */
export function getApplicationsOutput(
  args: LookupInputs<GetApplicationsArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationsResult> {
  return lookupOutput(getApplications, args, opts);
}

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

/**
 * The client secrets of an application, values masked (ListApplicationClientSecrets). The plain
 * value of a secret is available only from the `ClientSecret` resource that created it.
 */
export async function getApplicationClientSecrets(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<GetApplicationClientSecretsResult> {
  return withLookupClient(opts, (client) =>
    getOrExplain('getApplicationClientSecrets', args, async () => {
      const res = await client.call('ListApplicationClientSecrets', target(args));
      const clientSecrets = (res.ApplicationClientSecrets ?? []).map((s) => fromWire(s));
      return { clientSecrets, secretIds: clientSecrets.map((s) => s.secretId ?? '') };
    }),
  );
}

/** {@link getApplicationClientSecrets} as a `pulumi.Output`. */
export function getApplicationClientSecretsOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationClientSecretsResult> {
  return lookupOutput(getApplicationClientSecrets, args, opts);
}

/** Result of {@link getApplicationAuthorizations}. */
export interface GetApplicationAuthorizationsResult {
  /** Users granted the application directly. */
  readonly userIds: string[];
  /** Groups granted the application. */
  readonly groupIds: string[];
  /** Organizational units granted the application. */
  readonly organizationalUnitIds: string[];
}

/**
 * Who an application is granted to (ListUsersForApplication, ListGroupsForApplication,
 * ListOrganizationalUnitsForApplication, every page).
 */
export async function getApplicationAuthorizations(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<GetApplicationAuthorizationsResult> {
  return withLookupClient(opts, (client) =>
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
}

/** {@link getApplicationAuthorizations} as a `pulumi.Output`. */
export function getApplicationAuthorizationsOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationAuthorizationsResult> {
  return lookupOutput(getApplicationAuthorizations, args, opts);
}

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

/** The applications a user can use (ListApplicationsForUser, every page). */
export async function getApplicationsForUser(
  args: GetApplicationsForUserArgs,
  opts?: LookupOptions,
): Promise<GetApplicationsForUserResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListApplicationsForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
      QueryMode: args.queryMode,
    });
    const applications = items.map((i) => withIds(fromWire(i), ['applicationId'], 'ListApplicationsForUser'));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  });
}

/** {@link getApplicationsForUser} as a `pulumi.Output`. */
export function getApplicationsForUserOutput(
  args: LookupInputs<GetApplicationsForUserArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationsForUserResult> {
  return lookupOutput(getApplicationsForUser, args, opts);
}

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

/** The applications granted to an organizational unit itself (ListApplicationsForOrganizationalUnit, every page). */
export async function getApplicationsForOrganizationalUnit(
  args: GetApplicationsForOrganizationalUnitArgs,
  opts?: LookupOptions,
): Promise<GetApplicationsForOrganizationalUnitResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListApplicationsForOrganizationalUnit', {
      InstanceId: args.instanceId,
      OrganizationalUnitId: args.organizationalUnitId,
    });
    const applications = items.map((i) => fromWire(i));
    return { applications, applicationIds: applications.map((a) => a.applicationId ?? '') };
  });
}

/** {@link getApplicationsForOrganizationalUnit} as a `pulumi.Output`. */
export function getApplicationsForOrganizationalUnitOutput(
  args: LookupInputs<GetApplicationsForOrganizationalUnitArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationsForOrganizationalUnitResult> {
  return lookupOutput(getApplicationsForOrganizationalUnit, args, opts);
}

/**
 * The SSO configuration of an application as GetApplicationSsoConfig reports it, except that
 * `oidcSsoConfig.allowedPublicClient` is a boolean (the service sends it as a string).
 */
export type ApplicationSsoConfigInfo = Camel<
  NonNullable<GetApplicationSsoConfigResponse['ApplicationSsoConfig']>
>;

/** The SSO configuration and protocol endpoints of an application (GetApplicationSsoConfig). */
export async function getApplicationSsoConfig(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<ApplicationSsoConfigInfo> {
  return withLookupClient(opts, (client) =>
    getOrExplain('getApplicationSsoConfig', args, async () => {
      const res = await client.call('GetApplicationSsoConfig', target(args));
      const info = fromWire(res.ApplicationSsoConfig ?? {});
      const oidc = info.oidcSsoConfig as Record<string, unknown> | undefined;
      if (oidc && typeof oidc.allowedPublicClient === 'string')
        oidc.allowedPublicClient = oidc.allowedPublicClient === 'true';
      return info;
    }),
  );
}

/** {@link getApplicationSsoConfig} as a `pulumi.Output`. */
export function getApplicationSsoConfigOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<ApplicationSsoConfigInfo> {
  return lookupOutput(getApplicationSsoConfig, args, opts);
}

/** Result of {@link getApplicationGrantScope}. */
export interface GetApplicationGrantScopeResult {
  /** Developer API scopes of the application. */
  readonly grantScopes: string[];
}

/** The Developer API scopes of an application (GetApplicationGrantScope). */
export async function getApplicationGrantScope(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<GetApplicationGrantScopeResult> {
  return withLookupClient(opts, (client) =>
    getOrExplain('getApplicationGrantScope', args, async () => {
      const res = await client.call('GetApplicationGrantScope', target(args));
      return { grantScopes: res.ApplicationGrantScope?.GrantScopes ?? [] };
    }),
  );
}

/** {@link getApplicationGrantScope} as a `pulumi.Output`. */
export function getApplicationGrantScopeOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetApplicationGrantScopeResult> {
  return lookupOutput(getApplicationGrantScope, args, opts);
}

/** The provisioning configuration of an application; keys and tokens come back MASKED. */
export type ApplicationProvisioningConfigInfo = Camel<
  NonNullable<GetApplicationProvisioningConfigResponse['ApplicationProvisioningConfig']>
>;

/** The provisioning configuration of an application, secrets masked (GetApplicationProvisioningConfig). */
export async function getApplicationProvisioningConfig(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<ApplicationProvisioningConfigInfo> {
  return withLookupClient(opts, (client) =>
    getOrExplain('getApplicationProvisioningConfig', args, async () => {
      const res = await client.call('GetApplicationProvisioningConfig', target(args));
      return fromWire(res.ApplicationProvisioningConfig ?? {});
    }),
  );
}

/** {@link getApplicationProvisioningConfig} as a `pulumi.Output`. */
export function getApplicationProvisioningConfigOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<ApplicationProvisioningConfigInfo> {
  return lookupOutput(getApplicationProvisioningConfig, args, opts);
}

/** The provisioning scope of an application. */
export type ApplicationProvisioningScopeInfo = Camel<
  NonNullable<GetApplicationProvisioningScopeResponse['ApplicationProvisioningScope']>
>;

/** The organizational units and groups an application provisions (GetApplicationProvisioningScope). */
export async function getApplicationProvisioningScope(
  args: ApplicationRefArgs,
  opts?: LookupOptions,
): Promise<ApplicationProvisioningScopeInfo> {
  return withLookupClient(opts, (client) =>
    getOrExplain('getApplicationProvisioningScope', args, async () => {
      const res = await client.call('GetApplicationProvisioningScope', target(args));
      return fromWire(res.ApplicationProvisioningScope ?? {});
    }),
  );
}

/** {@link getApplicationProvisioningScope} as a `pulumi.Output`. */
export function getApplicationProvisioningScopeOutput(
  args: LookupInputs<ApplicationRefArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<ApplicationProvisioningScopeInfo> {
  return lookupOutput(getApplicationProvisioningScope, args, opts);
}
