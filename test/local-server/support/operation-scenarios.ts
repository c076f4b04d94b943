/**
 * One scenario per EIAM operation for the over-HTTP tests: each builds what its call needs
 * (through {@link Setup}, so afresh for every client and signature combination), returns the
 * request, and a check of the outcome: the response itself and what the setup client reads back
 * afterwards (Create → Get shows it, Delete → Get is `EntityNotExists.*`, Set → Get reflects it,
 * List → contains the prepared items).
 */
import type { OperationName } from '../../../src/catalog';
import type { RequestOf, ResponseOf } from '../../../src/client';
import type { InstanceFixture, Setup } from './setup';
import { CUSTOM_FIELD_SCENARIOS, defineCustomField } from './scenarios-custom-fields';
import { IDENTITY_PROVIDER_SCENARIOS } from './scenarios-identity-providers';
import { CONDITIONAL_ACCESS_SCENARIOS } from './scenarios-conditional-access';
import { NETWORK_ZONE_SCENARIOS } from './scenarios-network-zones';

/** A prepared call: its request and the check of its outcome. */
export interface Prepared<A extends OperationName> {
  /** Nested request parameters, as the operation's request type declares them. */
  readonly request: RequestOf<A>;
  /** Asserts the outcome from the parsed response and by reading the state back. */
  readonly verify: (response: ResponseOf<A>) => Promise<void> | void;
}

/** Builds fresh prerequisites for one call of operation `A`. */
export type Scenario<A extends OperationName> = (setup: Setup) => Promise<Prepared<A>>;

/** A scenario for every operation of the catalog. */
export type ScenarioTable = { readonly [A in OperationName]: Scenario<A> };

const STANDARD_SOURCE = 'urn:alibaba:idaas:app:source:standard';
const USER_READ = 'urn:alibaba:idaas:scope:user:read_all';
const OU_READ = 'urn:alibaba:idaas:scope:organizational_unit:read_all';
const SCIM_CREATE = 'urn:alibaba:idaas:app:scim:User:CREATE';
const SCIM_UPDATE = 'urn:alibaba:idaas:app:scim:User:UPDATE';
const ENCRYPT_KEY = '0123456789abcdef'.repeat(4);

/** `{ InstanceId }` of a fixture. */
function at(inst: InstanceFixture): { InstanceId: string } {
  return { InstanceId: inst.instanceId };
}

/** Reads a user back. */
async function getUser(setup: Setup, inst: InstanceFixture, userId: string) {
  const res = await setup.client.call('GetUser', { ...at(inst), UserId: userId });
  return res.User!;
}

/** Reads an application back. */
async function getApplication(setup: Setup, inst: InstanceFixture, applicationId: string) {
  const res = await setup.client.call('GetApplication', { ...at(inst), ApplicationId: applicationId });
  return res.Application!;
}

/** Reads an OU back. */
async function getOu(setup: Setup, inst: InstanceFixture, ouId: string) {
  const res = await setup.client.call('GetOrganizationalUnit', { ...at(inst), OrganizationalUnitId: ouId });
  return res.OrganizationalUnit!;
}

/** Reads a group back. */
async function getGroup(setup: Setup, inst: InstanceFixture, groupId: string) {
  const res = await setup.client.call('GetGroup', { ...at(inst), GroupId: groupId });
  return res.Group!;
}

/** The user's OU memberships as `[id, primary]` pairs. */
async function userOus(setup: Setup, inst: InstanceFixture, userId: string) {
  const user = await getUser(setup, inst, userId);
  return (user.OrganizationalUnits ?? []).map((o) => [o.OrganizationalUnitId, o.Primary] as const);
}

/** Ids of the group's members. */
async function groupMembers(setup: Setup, inst: InstanceFixture, groupId: string): Promise<string[]> {
  const res = await setup.client.call('ListUsersForGroup', { ...at(inst), GroupId: groupId });
  return (res.Users ?? []).map((u) => u.UserId!);
}

/** An application with a client secret; `status` disables it first when asked. */
async function appWithSecret(setup: Setup, status: 'enabled' | 'disabled' = 'enabled') {
  const inst = await setup.instance();
  const app = await setup.application(inst);
  const secret = await setup.clientSecret(inst, app);
  if (status === 'disabled') {
    await setup.client.call('DisableApplicationClientSecret', {
      ...at(inst),
      ApplicationId: app,
      SecretId: secret.secretId,
    });
  }
  return { inst, app, secret };
}

/** Status of one client secret, as ListApplicationClientSecrets reports it. */
async function secretStatus(setup: Setup, inst: InstanceFixture, app: string, secretId: string) {
  const res = await setup.client.call('ListApplicationClientSecrets', { ...at(inst), ApplicationId: app });
  return res.ApplicationClientSecrets?.find((s) => s.SecretId === secretId)?.Status;
}

/** An application whose provisioning is configured (callback), optionally enabled. */
async function appWithProvisioning(setup: Setup, enabled: boolean) {
  const inst = await setup.instance();
  const app = await setup.application(inst);
  await setup.client.call('SetApplicationProvisioningConfig', {
    ...at(inst),
    ApplicationId: app,
    ProvisionProtocolType: 'idaas_callback',
    CallbackProvisioningConfig: {
      CallbackUrl: 'https://hooks.example.com/idaas',
      EncryptRequired: true,
      EncryptKey: ENCRYPT_KEY,
      ListenEventScopes: ['urn:alibaba:idaas:app:event:ud:user:create'],
    },
  });
  if (enabled) {
    await setup.client.call('EnableApplicationProvisioning', { ...at(inst), ApplicationId: app });
  }
  return { inst, app };
}

async function provisioningConfig(setup: Setup, inst: InstanceFixture, app: string) {
  const res = await setup.client.call('GetApplicationProvisioningConfig', {
    ...at(inst),
    ApplicationId: app,
  });
  return res.ApplicationProvisioningConfig!;
}

/** The masked form of a secret (first 4 and last 2 characters kept). */
function masked(value: string): string {
  return value.slice(0, 4) + '*'.repeat(value.length - 6) + value.slice(-2);
}

/** Grants of an application by principal kind, as `[id, roleIds]` pairs. */
async function grantsOf(
  setup: Setup,
  inst: InstanceFixture,
  app: string,
  kind: 'users' | 'groups' | 'ous',
): Promise<Array<[string, string[]]>> {
  const req = { ...at(inst), ApplicationId: app };
  const roles = (r?: { ApplicationRoleId?: string }[]) => (r ?? []).map((x) => x.ApplicationRoleId!);
  if (kind === 'users') {
    const res = await setup.client.call('ListUsersForApplication', req);
    return (res.Users ?? []).map((u) => [u.UserId!, roles(u.ApplicationRoles)]);
  }
  if (kind === 'groups') {
    const res = await setup.client.call('ListGroupsForApplication', req);
    return (res.Groups ?? []).map((g) => [g.GroupId!, roles(g.ApplicationRoles)]);
  }
  const res = await setup.client.call('ListOrganizationalUnitsForApplication', req);
  return (res.OrganizationalUnits ?? []).map((o) => [o.OrganizationalUnitId!, roles(o.ApplicationRoles)]);
}

/** An application, a user, an OU and a group, plus the user and the OU granted with roles. */
async function grantedApp(setup: Setup) {
  const inst = await setup.instance();
  const app = await setup.application(inst);
  const ou = await setup.ou(inst);
  const user = await setup.user(inst, ou);
  const group = await setup.group(inst);
  return { inst, app, ou, user, group };
}

/** The scenario of every operation. */
export const SCENARIOS: ScenarioTable = {
  // ---- Instances -------------------------------------------------------------------------
  ListRegions: async () => ({
    request: {},
    verify: (res) => {
      expect(res.Regions).toContainEqual({
        RegionId: 'cn-hangzhou',
        LocalName: expect.any(String),
        RegionEndpoint: 'eiam.cn-hangzhou.aliyuncs.com',
      });
    },
  }),
  CreateInstance: async (setup) => ({
    request: { Description: 'created over HTTP' },
    verify: async (res) => {
      expect(res.InstanceId).toMatch(/^idaas_[a-z0-9]{26}$/);
      const got = await setup.client.call('GetInstance', { InstanceId: res.InstanceId! });
      expect(got.Instance).toMatchObject({
        InstanceId: res.InstanceId,
        Description: 'created over HTTP',
        Status: 'running',
      });
    },
  }),
  DeleteInstance: async (setup) => {
    const inst = await setup.instance();
    return {
      request: at(inst),
      verify: () =>
        setup.expectNotFound(setup.client.call('GetInstance', at(inst)), 'EntityNotExists.Instance'),
    };
  },
  UpdateInstanceDescription: async (setup) => {
    const inst = await setup.instance('before');
    return {
      request: { ...at(inst), Description: 'after: 中文 & symbols *()~' },
      verify: async () => {
        const got = await setup.client.call('GetInstance', at(inst));
        expect(got.Instance?.Description).toBe('after: 中文 & symbols *()~');
      },
    };
  },
  ListInstances: async (setup) => {
    const a = await setup.instance();
    const b = await setup.instance();
    return {
      request: { InstanceIds: [a.instanceId, b.instanceId], Status: 'running' },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Instances?.map((i) => i.InstanceId)).toEqual([a.instanceId, b.instanceId]);
      },
    };
  },
  GetInstance: async (setup) => {
    const inst = await setup.instance('get me');
    return {
      request: at(inst),
      verify: (res) => {
        expect(res.Instance).toMatchObject({
          InstanceId: inst.instanceId,
          Description: 'get me',
          Status: 'running',
          DefaultEndpoint: { Status: 'resolved', Endpoint: expect.stringMatching(/\.aliyunidaas\.com$/) },
        });
      },
    };
  },

  // ---- Applications ----------------------------------------------------------------------
  CreateApplication: async (setup) => {
    const inst = await setup.instance();
    const owner = await setup.user(inst);
    return {
      request: {
        ...at(inst),
        ApplicationName: 'Wiki',
        ApplicationSourceType: STANDARD_SOURCE,
        SsoType: 'saml2',
        Description: 'team wiki',
        LogoUrl: 'https://cdn.example.com/wiki.png',
        ApplicationOwner: { UserIds: [owner] },
        CustomFields: [{ FieldName: 'costCenter', FieldValue: 'R&D 42' }],
      },
      verify: async (res) => {
        const app = await getApplication(setup, inst, res.ApplicationId!);
        expect(app).toMatchObject({
          ApplicationId: res.ApplicationId,
          ClientId: res.ApplicationId,
          ApplicationName: 'Wiki',
          SsoType: 'saml2',
          Status: 'enabled',
          AuthorizationType: 'authorize_required',
          Description: 'team wiki',
          ApplicationOwner: { UserIds: [owner], GroupIds: [] },
          CustomFields: [{ FieldName: 'costCenter', FieldValue: 'R&D 42' }],
        });
      },
    };
  },
  DeleteApplication: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: () => setup.expectNotFound(getApplication(setup, inst, app), 'EntityNotExists.Application'),
    };
  },
  UpdateApplicationDescription: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst, 'oidc', { Description: 'old' });
    return {
      request: { ...at(inst), ApplicationId: app, Description: 'new description' },
      verify: async () =>
        expect((await getApplication(setup, inst, app)).Description).toBe('new description'),
    };
  },
  EnableApplication: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    await setup.client.call('DisableApplication', { ...at(inst), ApplicationId: app });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await getApplication(setup, inst, app)).Status).toBe('enabled'),
    };
  },
  DisableApplication: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await getApplication(setup, inst, app)).Status).toBe('disabled'),
    };
  },
  GetApplication: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst, 'oidc', { ApplicationName: 'Portal' });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => {
        expect(res.Application).toMatchObject({
          ApplicationId: app,
          ApplicationName: 'Portal',
          InstanceId: inst.instanceId,
          SsoType: 'oidc',
          ApiInvokeStatus: 'disabled',
          ApplicationSourceType: STANDARD_SOURCE,
        });
        expect(JSON.parse(res.Application!.Features!)).toEqual(['sso', 'provision', 'api_invoke']);
      },
    };
  },
  ListApplications: async (setup) => {
    const inst = await setup.instance();
    const a = await setup.application(inst, 'oidc');
    const b = await setup.application(inst, 'saml2');
    return {
      request: { ...at(inst), PageSize: 10 },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Applications?.map((x) => [x.ApplicationId, x.SsoType])).toEqual([
          [a, 'oidc'],
          [b, 'saml2'],
        ]);
      },
    };
  },
  SetApplicationSsoConfig: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst, 'saml2');
    return {
      request: {
        ...at(inst),
        ApplicationId: app,
        InitLoginType: 'only_app_init_sso',
        InitLoginUrl: 'https://sp.example.com/login',
        SamlSsoConfig: {
          SpEntityId: 'urn:example:sp',
          SpSsoAcsUrl: 'https://sp.example.com/saml/acs',
          NameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
          NameIdValueExpression: 'user.email',
          SignatureAlgorithm: 'RSA-SHA512',
          ResponseSigned: true,
          AssertionSigned: false,
          AttributeStatements: [{ AttributeName: 'department', AttributeValueExpression: 'user.department' }],
          DefaultRelayState: 'https://sp.example.com/home',
          OptionalRelayStates: [{ DisplayName: 'Docs', RelayState: 'https://sp.example.com/docs' }],
        },
      },
      verify: async () => {
        const got = await setup.client.call('GetApplicationSsoConfig', { ...at(inst), ApplicationId: app });
        expect(got.ApplicationSsoConfig).toMatchObject({
          InitLoginType: 'only_app_init_sso',
          InitLoginUrl: 'https://sp.example.com/login',
          SamlSsoConfig: {
            SpEntityId: 'urn:example:sp',
            SpSsoAcsUrl: 'https://sp.example.com/saml/acs',
            NameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            SignatureAlgorithm: 'RSA-SHA512',
            ResponseSigned: true,
            AssertionSigned: false,
            AttributeStatements: [
              { AttributeName: 'department', AttributeValueExpression: 'user.department' },
            ],
            OptionalRelayStates: [{ DisplayName: 'Docs', RelayState: 'https://sp.example.com/docs' }],
          },
        });
        expect(got.ApplicationSsoConfig?.OidcSsoConfig).toBeUndefined();
      },
    };
  },
  GetApplicationSsoConfig: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst, 'oidc');
    await setup.client.call('SetApplicationSsoConfig', {
      ...at(inst),
      ApplicationId: app,
      OidcSsoConfig: {
        GrantTypes: ['authorization_code', 'refresh_token'],
        RedirectUris: ['https://app.example.com/callback'],
        PkceRequired: true,
        AllowedPublicClient: true,
        AccessTokenEffectiveTime: 3600,
        CustomClaims: [{ ClaimName: 'dept', ClaimValueExpression: 'user.department' }],
      },
    });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => {
        expect(res.ApplicationSsoConfig).toMatchObject({
          SsoStatus: 'enabled',
          InitLoginType: 'only_app_init_sso',
          OidcSsoConfig: {
            GrantTypes: ['authorization_code', 'refresh_token'],
            RedirectUris: ['https://app.example.com/callback'],
            PkceRequired: true,
            PkceChallengeMethods: ['S256'],
            // The API's quirk: a string on Get, a boolean on Set.
            AllowedPublicClient: 'true',
            AccessTokenEffectiveTime: 3600,
            CustomClaims: [{ ClaimName: 'dept', ClaimValueExpression: 'user.department' }],
          },
          ProtocolEndpointDomain: {
            OidcIssuer: expect.stringContaining(`/${inst.instanceId}/${app}/oidc`),
          },
        });
        expect(res.ApplicationSsoConfig?.SamlSsoConfig).toBeUndefined();
      },
    };
  },
  AuthorizeApplicationToUsers: async (setup) => {
    const { inst, app, user } = await grantedApp(setup);
    const other = await setup.user(inst);
    return {
      request: {
        ...at(inst),
        ApplicationId: app,
        UserIds: [user, other],
        ApplicationRoleId: 'app_role_reader',
      },
      verify: async () =>
        expect(await grantsOf(setup, inst, app, 'users')).toEqual([
          [user, ['app_role_reader']],
          [other, ['app_role_reader']],
        ]),
    };
  },
  AuthorizeApplicationToOrganizationalUnits: async (setup) => {
    const { inst, app, ou } = await grantedApp(setup);
    return {
      request: { ...at(inst), ApplicationId: app, OrganizationalUnitIds: [ou, inst.rootOuId] },
      verify: async () =>
        expect(await grantsOf(setup, inst, app, 'ous')).toEqual([
          [ou, []],
          [inst.rootOuId, []],
        ]),
    };
  },
  AuthorizeApplicationToGroups: async (setup) => {
    const { inst, app, group } = await grantedApp(setup);
    return {
      request: { ...at(inst), ApplicationId: app, GroupIds: [group], ApplicationRoleId: 'app_role_admin' },
      verify: async () =>
        expect(await grantsOf(setup, inst, app, 'groups')).toEqual([[group, ['app_role_admin']]]),
    };
  },
  RevokeApplicationFromUsers: async (setup) => {
    const { inst, app, user } = await grantedApp(setup);
    const kept = await setup.user(inst);
    await setup.client.call('AuthorizeApplicationToUsers', {
      ...at(inst),
      ApplicationId: app,
      UserIds: [user, kept],
    });
    return {
      request: { ...at(inst), ApplicationId: app, UserIds: [user] },
      verify: async () => expect(await grantsOf(setup, inst, app, 'users')).toEqual([[kept, []]]),
    };
  },
  RevokeApplicationFromOrganizationalUnits: async (setup) => {
    const { inst, app, ou } = await grantedApp(setup);
    await setup.client.call('AuthorizeApplicationToOrganizationalUnits', {
      ...at(inst),
      ApplicationId: app,
      OrganizationalUnitIds: [ou],
    });
    return {
      request: { ...at(inst), ApplicationId: app, OrganizationalUnitIds: [ou] },
      verify: async () => expect(await grantsOf(setup, inst, app, 'ous')).toEqual([]),
    };
  },
  RevokeApplicationFromGroups: async (setup) => {
    const { inst, app, group } = await grantedApp(setup);
    for (const role of ['app_role_a', 'app_role_b']) {
      await setup.client.call('AuthorizeApplicationToGroups', {
        ...at(inst),
        ApplicationId: app,
        GroupIds: [group],
        ApplicationRoleId: role,
      });
    }
    return {
      request: { ...at(inst), ApplicationId: app, GroupIds: [group], ApplicationRoleId: 'app_role_a' },
      verify: async () =>
        expect(await grantsOf(setup, inst, app, 'groups')).toEqual([[group, ['app_role_b']]]),
    };
  },
  UpdateApplicationAuthorizationType: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: { ...at(inst), ApplicationId: app, AuthorizationType: 'default_all' },
      verify: async () =>
        expect((await getApplication(setup, inst, app)).AuthorizationType).toBe('default_all'),
    };
  },
  ListUsersForApplication: async (setup) => {
    const { inst, app, user } = await grantedApp(setup);
    await setup.client.call('AuthorizeApplicationToUsers', {
      ...at(inst),
      ApplicationId: app,
      UserIds: [user],
      ApplicationRoleId: 'app_role_reader',
    });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => {
        expect(res.TotalCount).toBe(1);
        expect(res.Users).toEqual([
          { UserId: user, ApplicationRoles: [{ ApplicationRoleId: 'app_role_reader' }] },
        ]);
      },
    };
  },
  ListOrganizationalUnitsForApplication: async (setup) => {
    const { inst, app, ou } = await grantedApp(setup);
    await setup.client.call('AuthorizeApplicationToOrganizationalUnits', {
      ...at(inst),
      ApplicationId: app,
      OrganizationalUnitIds: [ou],
    });
    return {
      request: { ...at(inst), ApplicationId: app, OrganizationalUnitIds: [ou] },
      verify: (res) => {
        expect(res.TotalCount).toBe(1);
        expect(res.OrganizationalUnits?.map((o) => o.OrganizationalUnitId)).toEqual([ou]);
      },
    };
  },
  ListGroupsForApplication: async (setup) => {
    const { inst, app, group } = await grantedApp(setup);
    const other = await setup.group(inst);
    await setup.client.call('AuthorizeApplicationToGroups', {
      ...at(inst),
      ApplicationId: app,
      GroupIds: [group, other],
    });
    return {
      request: { ...at(inst), ApplicationId: app, PageNumber: 2, PageSize: 1 },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Groups?.map((g) => g.GroupId)).toEqual([other]);
      },
    };
  },
  ListApplicationsForUser: async (setup) => {
    const { inst, app, ou, user } = await grantedApp(setup);
    const inherited = await setup.application(inst);
    await setup.client.call('AuthorizeApplicationToUsers', {
      ...at(inst),
      ApplicationId: app,
      UserIds: [user],
    });
    await setup.client.call('AuthorizeApplicationToOrganizationalUnits', {
      ...at(inst),
      ApplicationId: inherited,
      OrganizationalUnitIds: [ou],
    });
    return {
      request: { ...at(inst), UserId: user, QueryMode: 'IncludeInherit' },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        const byId = new Map(res.Applications?.map((a) => [a.ApplicationId, a]));
        expect(byId.get(app)).toMatchObject({ HasDirectAuthorization: true, HasInheritAuthorization: false });
        expect(byId.get(inherited)).toMatchObject({
          HasDirectAuthorization: false,
          HasInheritAuthorization: true,
        });
      },
    };
  },
  ListApplicationsForOrganizationalUnit: async (setup) => {
    const { inst, app, ou } = await grantedApp(setup);
    await setup.client.call('AuthorizeApplicationToOrganizationalUnits', {
      ...at(inst),
      ApplicationId: app,
      OrganizationalUnitIds: [ou],
      ApplicationRoleId: 'app_role_member',
    });
    return {
      request: { ...at(inst), OrganizationalUnitId: ou },
      verify: (res) => {
        expect(res.TotalCount).toBe(1);
        expect(res.Applications).toEqual([
          { ApplicationId: app, ApplicationRoles: [{ ApplicationRoleId: 'app_role_member' }] },
        ]);
      },
    };
  },
  CreateApplicationClientSecret: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    const expiration = Date.now() + 30 * 86_400_000;
    return {
      request: { ...at(inst), ApplicationId: app, ExpirationTime: expiration },
      verify: async (res) => {
        const created = res.ApplicationClientSecret!;
        expect(created).toMatchObject({
          ClientId: app,
          SecretId: expect.stringMatching(/^sci_/),
          ClientSecret: expect.stringMatching(/^CS[A-Za-z0-9]{38}$/),
        });
        const got = await setup.client.call('ObtainApplicationClientSecret', {
          ...at(inst),
          ApplicationId: app,
          SecretId: created.SecretId!,
        });
        expect(got.ApplicationClientSecret).toMatchObject({
          ClientSecret: created.ClientSecret,
          ExpirationTime: expiration,
          Status: 'enabled',
        });
      },
    };
  },
  DeleteApplicationClientSecret: async (setup) => {
    const { inst, app, secret } = await appWithSecret(setup);
    return {
      request: { ...at(inst), ApplicationId: app, SecretId: secret.secretId },
      verify: () =>
        setup.expectNotFound(
          setup.client.call('ObtainApplicationClientSecret', {
            ...at(inst),
            ApplicationId: app,
            SecretId: secret.secretId,
          }),
          'EntityNotExists.ApplicationClientSecret',
        ),
    };
  },
  DisableApplicationClientSecret: async (setup) => {
    const { inst, app, secret } = await appWithSecret(setup);
    return {
      request: { ...at(inst), ApplicationId: app, SecretId: secret.secretId },
      verify: async () => expect(await secretStatus(setup, inst, app, secret.secretId)).toBe('disabled'),
    };
  },
  EnableApplicationClientSecret: async (setup) => {
    const { inst, app, secret } = await appWithSecret(setup, 'disabled');
    return {
      request: { ...at(inst), ApplicationId: app, SecretId: secret.secretId },
      verify: async () => expect(await secretStatus(setup, inst, app, secret.secretId)).toBe('enabled'),
    };
  },
  ListApplicationClientSecrets: async (setup) => {
    const { inst, app, secret } = await appWithSecret(setup);
    const second = await setup.clientSecret(inst, app);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.ApplicationClientSecrets?.map((s) => [s.SecretId, s.ClientSecret])).toEqual([
          [secret.secretId, masked(secret.clientSecret)],
          [second.secretId, masked(second.clientSecret)],
        ]);
      },
    };
  },
  ObtainApplicationClientSecret: async (setup) => {
    const { inst, app, secret } = await appWithSecret(setup);
    return {
      request: { ...at(inst), ApplicationId: app, SecretId: secret.secretId },
      verify: (res) =>
        expect(res.ApplicationClientSecret).toMatchObject({
          ApplicationId: app,
          InstanceId: inst.instanceId,
          SecretId: secret.secretId,
          ClientSecret: secret.clientSecret,
          Status: 'enabled',
        }),
    };
  },
  EnableApplicationApiInvoke: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await getApplication(setup, inst, app)).ApiInvokeStatus).toBe('enabled'),
    };
  },
  DisableApplicationApiInvoke: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    await setup.client.call('EnableApplicationApiInvoke', { ...at(inst), ApplicationId: app });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await getApplication(setup, inst, app)).ApiInvokeStatus).toBe('disabled'),
    };
  },
  SetApplicationGrantScope: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: { ...at(inst), ApplicationId: app, GrantScopes: [USER_READ, OU_READ] },
      verify: async () => {
        const got = await setup.client.call('GetApplicationGrantScope', { ...at(inst), ApplicationId: app });
        expect(got.ApplicationGrantScope?.GrantScopes).toEqual([USER_READ, OU_READ]);
      },
    };
  },
  GetApplicationGrantScope: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    await setup.client.call('SetApplicationGrantScope', {
      ...at(inst),
      ApplicationId: app,
      GrantScopes: [OU_READ],
    });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => expect(res.ApplicationGrantScope?.GrantScopes).toEqual([OU_READ]),
    };
  },
  DisableApplicationProvisioning: async (setup) => {
    const { inst, app } = await appWithProvisioning(setup, true);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await provisioningConfig(setup, inst, app)).Status).toBe('disabled'),
    };
  },
  EnableApplicationProvisioning: async (setup) => {
    const { inst, app } = await appWithProvisioning(setup, false);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: async () => expect((await provisioningConfig(setup, inst, app)).Status).toBe('enabled'),
    };
  },
  SetApplicationProvisioningConfig: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    return {
      request: {
        ...at(inst),
        ApplicationId: app,
        ProvisionProtocolType: 'scim2',
        ProvisionPassword: true,
        ScimProvisioningConfig: {
          ScimBaseUrl: 'https://scim.example.com/v2',
          AuthnConfiguration: {
            AuthnMode: 'oauth2',
            GrantType: 'bearer_token',
            AuthnParam: { AccessToken: 'token-0123456789' },
          },
          ProvisioningActions: [SCIM_CREATE, SCIM_UPDATE],
          FullPushScopes: ['urn:alibaba:idaas:app:scim:User:PUSH'],
        },
      },
      verify: async () => {
        const got = await provisioningConfig(setup, inst, app);
        expect(got).toMatchObject({
          ProvisionProtocolType: 'scim2',
          ProvisionPassword: true,
          Status: 'disabled',
          ScimProvisioningConfig: {
            ScimBaseUrl: 'https://scim.example.com/v2',
            AuthnConfiguration: {
              GrantType: 'bearer_token',
              AuthnParam: { AccessToken: masked('token-0123456789') },
            },
            ProvisioningActions: [SCIM_CREATE, SCIM_UPDATE],
            FullPushScopes: ['urn:alibaba:idaas:app:scim:User:PUSH'],
          },
        });
      },
    };
  },
  SetApplicationProvisioningScope: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    const ou = await setup.ou(inst);
    const group = await setup.group(inst);
    return {
      request: { ...at(inst), ApplicationId: app, OrganizationalUnitIds: [ou], GroupIds: [group] },
      verify: async () => {
        const got = await setup.client.call('GetApplicationProvisioningScope', {
          ...at(inst),
          ApplicationId: app,
        });
        expect(got.ApplicationProvisioningScope).toEqual({
          OrganizationalUnitIds: [ou],
          GroupIds: [group],
          UsedQuota: 2,
          MaxQuota: 1000,
        });
      },
    };
  },
  GetApplicationProvisioningConfig: async (setup) => {
    const { inst, app } = await appWithProvisioning(setup, true);
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) =>
        expect(res.ApplicationProvisioningConfig).toMatchObject({
          ApplicationId: app,
          InstanceId: inst.instanceId,
          ProvisionProtocolType: 'idaas_callback',
          Status: 'enabled',
          ConfigOperateMode: 'standard',
          CallbackProvisioningConfig: {
            CallbackUrl: 'https://hooks.example.com/idaas',
            EncryptRequired: true,
            EncryptKey: masked(ENCRYPT_KEY),
            ListenEventScopes: ['urn:alibaba:idaas:app:event:ud:user:create'],
          },
        }),
    };
  },
  GetApplicationProvisioningScope: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    const ou = await setup.ou(inst);
    await setup.client.call('SetApplicationProvisioningScope', {
      ...at(inst),
      ApplicationId: app,
      OrganizationalUnitIds: [ou, inst.rootOuId],
    });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) =>
        expect(res.ApplicationProvisioningScope).toMatchObject({
          OrganizationalUnitIds: [ou, inst.rootOuId],
          UsedQuota: 2,
          MaxQuota: 1000,
        }),
    };
  },
  UpdateApplicationInfo: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    const app = await setup.application(inst, 'oidc', {
      CustomFields: [
        { FieldName: 'keep', FieldValue: '1' },
        { FieldName: 'drop', FieldValue: '2' },
      ],
    });
    return {
      request: {
        ...at(inst),
        ApplicationId: app,
        ApplicationName: 'Renamed',
        LogoUrl: 'https://cdn.example.com/new.png',
        ApplicationOwner: { GroupIds: [group] },
        ApplicationVisibility: ['portal'],
        CustomFields: [
          { FieldName: 'drop', Operation: 'remove' },
          { FieldName: 'added', FieldValue: 'x y', Operation: 'add' },
        ],
      },
      verify: async () => {
        const got = await getApplication(setup, inst, app);
        expect(got).toMatchObject({
          ApplicationId: app,
          ApplicationName: 'Renamed',
          LogoUrl: 'https://cdn.example.com/new.png',
          ApplicationOwner: { GroupIds: [group] },
          ApplicationVisibility: ['portal'],
        });
        expect(got.CustomFields).toEqual([
          { FieldName: 'keep', FieldValue: '1' },
          { FieldName: 'added', FieldValue: 'x y' },
        ]);
      },
    };
  },

  // ---- Users -----------------------------------------------------------------------------
  CreateUser: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    await defineCustomField(setup, inst, 'dept');
    return {
      request: {
        ...at(inst),
        Username: 'alice.o-brien@corp',
        DisplayName: 'Alice O’Brien 中文',
        PrimaryOrganizationalUnitId: ou,
        OrganizationalUnitIds: [inst.rootOuId],
        Email: 'alice@example.com',
        EmailVerified: true,
        PhoneRegion: '86',
        PhoneNumber: '13800000000',
        PhoneNumberVerified: false,
        Password: 'Str0ng-Passw0rd!',
        UserExternalId: 'ext-alice',
        Description: 'a & b = c',
        CustomFields: [{ FieldName: 'dept', FieldValue: 'R&D' }],
      },
      verify: async (res) => {
        const user = await getUser(setup, inst, res.UserId!);
        expect(user).toMatchObject({
          UserId: res.UserId,
          Username: 'alice.o-brien@corp',
          DisplayName: 'Alice O’Brien 中文',
          PrimaryOrganizationalUnitId: ou,
          Email: 'alice@example.com',
          EmailVerified: true,
          PhoneRegion: '86',
          PhoneNumber: '13800000000',
          PhoneNumberVerified: false,
          PasswordSet: true,
          UserExternalId: 'ext-alice',
          Description: 'a & b = c',
          Status: 'enabled',
          CustomFields: [{ FieldName: 'dept', FieldValue: 'R&D' }],
        });
        expect(user.OrganizationalUnits?.map((o) => o.OrganizationalUnitId).sort()).toEqual(
          [ou, inst.rootOuId].sort(),
        );
      },
    };
  },
  AddUserToOrganizationalUnits: async (setup) => {
    const inst = await setup.instance();
    const [a, b] = [await setup.ou(inst), await setup.ou(inst)];
    const user = await setup.user(inst);
    return {
      request: { ...at(inst), UserId: user, OrganizationalUnitIds: [a, b] },
      verify: async () =>
        expect(await userOus(setup, inst, user)).toEqual(
          expect.arrayContaining([
            [inst.rootOuId, true],
            [a, false],
            [b, false],
          ]),
        ),
    };
  },
  DeleteUser: async (setup) => {
    const inst = await setup.instance();
    const user = await setup.user(inst);
    return {
      request: { ...at(inst), UserId: user },
      verify: () => setup.expectNotFound(getUser(setup, inst, user), 'EntityNotExists.User'),
    };
  },
  RemoveUserFromOrganizationalUnits: async (setup) => {
    const inst = await setup.instance();
    const [a, b] = [await setup.ou(inst), await setup.ou(inst)];
    const user = await setup.user(inst, inst.rootOuId, { OrganizationalUnitIds: [a, b] });
    return {
      request: { ...at(inst), UserId: user, OrganizationalUnitIds: [a] },
      verify: async () => {
        const ous = await userOus(setup, inst, user);
        expect(ous.map(([id]) => id).sort()).toEqual([inst.rootOuId, b].sort());
      },
    };
  },
  UpdateUser: async (setup) => {
    const inst = await setup.instance();
    for (const name of ['a', 'b']) await defineCustomField(setup, inst, name);
    const user = await setup.user(inst, inst.rootOuId, {
      DisplayName: 'Old',
      CustomFields: [
        { FieldName: 'a', FieldValue: '1' },
        { FieldName: 'b', FieldValue: '2' },
      ],
    });
    return {
      request: {
        ...at(inst),
        UserId: user,
        DisplayName: 'New Name',
        Email: 'new@example.com',
        EmailVerified: true,
        CustomFields: [
          { FieldName: 'a', FieldValue: '10', Operation: 'replace' },
          { FieldName: 'b', Operation: 'remove' },
        ],
      },
      verify: async () => {
        const got = await getUser(setup, inst, user);
        expect(got).toMatchObject({ DisplayName: 'New Name', Email: 'new@example.com', EmailVerified: true });
        expect(got.CustomFields).toEqual([{ FieldName: 'a', FieldValue: '10' }]);
      },
    };
  },
  UpdateUserPassword: async (setup) => {
    const inst = await setup.instance();
    const user = await setup.user(inst);
    return {
      request: {
        ...at(inst),
        UserId: user,
        Password: 'N3w-Passw0rd!',
        PasswordForcedUpdateStatus: 'disabled',
      },
      verify: async () => expect((await getUser(setup, inst, user)).PasswordSet).toBe(true),
    };
  },
  UpdateUserDescription: async (setup) => {
    const inst = await setup.instance();
    const user = await setup.user(inst, inst.rootOuId, { Description: 'before' });
    return {
      request: { ...at(inst), UserId: user, Description: 'after' },
      verify: async () => expect((await getUser(setup, inst, user)).Description).toBe('after'),
    };
  },
  DisableUser: async (setup) => {
    const inst = await setup.instance();
    const user = await setup.user(inst);
    return {
      request: { ...at(inst), UserId: user },
      verify: async () => expect((await getUser(setup, inst, user)).Status).toBe('disabled'),
    };
  },
  EnableUser: async (setup) => {
    const inst = await setup.instance();
    const user = await setup.user(inst);
    await setup.client.call('DisableUser', { ...at(inst), UserId: user });
    return {
      request: { ...at(inst), UserId: user },
      verify: async () => expect((await getUser(setup, inst, user)).Status).toBe('enabled'),
    };
  },
  UnlockUser: async (setup) => {
    // Locks come only from failed logons (not reachable over the API): unlocking an unlocked
    // user succeeds and leaves no lock.
    const inst = await setup.instance();
    const user = await setup.user(inst);
    return {
      request: { ...at(inst), UserId: user },
      verify: async () => {
        const got = await getUser(setup, inst, user);
        expect(got.LockExpireTime).toBeUndefined();
        expect(got.Status).toBe('enabled');
      },
    };
  },
  SetUserPrimaryOrganizationalUnit: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    const user = await setup.user(inst);
    return {
      request: { ...at(inst), UserId: user, OrganizationalUnitId: ou },
      verify: async () => {
        expect((await getUser(setup, inst, user)).PrimaryOrganizationalUnitId).toBe(ou);
        // The emulator moves the user: the old primary OU is left (README, "Primary OU").
        expect(await userOus(setup, inst, user)).toEqual([[ou, true]]);
      },
    };
  },
  GetUser: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    const user = await setup.user(inst, inst.rootOuId, {
      DisplayName: 'Bob',
      Email: 'bob@example.com',
      EmailVerified: false,
    });
    await setup.client.call('AddUsersToGroup', { ...at(inst), GroupId: group, UserIds: [user] });
    return {
      request: { ...at(inst), UserId: user },
      verify: (res) => {
        expect(res.User).toMatchObject({
          UserId: user,
          InstanceId: inst.instanceId,
          DisplayName: 'Bob',
          Email: 'bob@example.com',
          EmailVerified: false,
          PasswordSet: false,
          PrimaryOrganizationalUnitId: inst.rootOuId,
          OrganizationalUnits: [{ OrganizationalUnitId: inst.rootOuId, Primary: true }],
          Groups: [{ GroupId: group }],
        });
      },
    };
  },
  ListUsers: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    const a = await setup.user(inst, ou);
    const b = await setup.user(inst, ou);
    await setup.user(inst);
    return {
      request: { ...at(inst), OrganizationalUnitId: ou },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Users?.map((u) => u.UserId)).toEqual([a, b]);
      },
    };
  },

  // ---- Organizational units --------------------------------------------------------------
  CreateOrganizationalUnit: async (setup) => {
    const inst = await setup.instance();
    const parent = await setup.ou(inst);
    return {
      request: {
        ...at(inst),
        ParentId: parent,
        OrganizationalUnitName: 'Engineering & Ops',
        OrganizationalUnitExternalId: 'ext-eng',
        Description: 'builds things',
      },
      verify: async (res) => {
        expect(await getOu(setup, inst, res.OrganizationalUnitId!)).toMatchObject({
          OrganizationalUnitId: res.OrganizationalUnitId,
          OrganizationalUnitName: 'Engineering & Ops',
          OrganizationalUnitExternalId: 'ext-eng',
          Description: 'builds things',
          ParentId: parent,
          Leaf: true,
        });
        expect((await getOu(setup, inst, parent)).Leaf).toBe(false);
      },
    };
  },
  DeleteOrganizationalUnit: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    return {
      request: { ...at(inst), OrganizationalUnitId: ou },
      verify: () => setup.expectNotFound(getOu(setup, inst, ou), 'EntityNotExists.OrganizationalUnit'),
    };
  },
  DeleteOrganizationalUnitChildren: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    const child = await setup.ou(inst, ou);
    const member = await setup.user(inst, child);
    return {
      request: { ...at(inst), OrganizationalUnitId: ou },
      verify: async () => {
        await setup.expectNotFound(getOu(setup, inst, ou), 'EntityNotExists.OrganizationalUnit');
        await setup.expectNotFound(getOu(setup, inst, child), 'EntityNotExists.OrganizationalUnit');
        await setup.expectNotFound(getUser(setup, inst, member), 'EntityNotExists.User');
      },
    };
  },
  UpdateOrganizationalUnit: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    return {
      request: { ...at(inst), OrganizationalUnitId: ou, OrganizationalUnitName: 'Renamed OU' },
      verify: async () => expect((await getOu(setup, inst, ou)).OrganizationalUnitName).toBe('Renamed OU'),
    };
  },
  UpdateOrganizationalUnitDescription: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst, inst.rootOuId, { Description: 'before' });
    return {
      request: { ...at(inst), OrganizationalUnitId: ou, Description: 'after' },
      verify: async () => expect((await getOu(setup, inst, ou)).Description).toBe('after'),
    };
  },
  UpdateOrganizationalUnitParentId: async (setup) => {
    const inst = await setup.instance();
    const target = await setup.ou(inst);
    const ou = await setup.ou(inst);
    return {
      request: { ...at(inst), OrganizationalUnitId: ou, ParentId: target },
      verify: async () => expect((await getOu(setup, inst, ou)).ParentId).toBe(target),
    };
  },
  GetRootOrganizationalUnit: async (setup) => {
    const inst = await setup.instance('Acme Corp');
    return {
      request: at(inst),
      verify: (res) =>
        expect(res.OrganizationalUnit).toMatchObject({
          OrganizationalUnitId: inst.rootOuId,
          OrganizationalUnitName: 'Acme Corp',
          InstanceId: inst.instanceId,
        }),
    };
  },
  GetOrganizationalUnit: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst, inst.rootOuId, { OrganizationalUnitName: 'Sales', Description: 'sells' });
    return {
      request: { ...at(inst), OrganizationalUnitId: ou },
      verify: (res) =>
        expect(res.OrganizationalUnit).toMatchObject({
          OrganizationalUnitId: ou,
          OrganizationalUnitName: 'Sales',
          Description: 'sells',
          ParentId: inst.rootOuId,
          Leaf: true,
        }),
    };
  },
  ListOrganizationalUnits: async (setup) => {
    const inst = await setup.instance();
    const parent = await setup.ou(inst);
    const a = await setup.ou(inst, parent);
    const b = await setup.ou(inst, parent);
    await setup.ou(inst, a);
    return {
      request: { ...at(inst), ParentId: parent },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.OrganizationalUnits?.map((o) => [o.OrganizationalUnitId, o.Leaf])).toEqual([
          [a, false],
          [b, true],
        ]);
      },
    };
  },

  // ---- Groups ----------------------------------------------------------------------------
  CreateGroup: async (setup) => {
    const inst = await setup.instance();
    return {
      request: { ...at(inst), GroupName: 'admins', GroupExternalId: 'ext-admins', Description: 'the admins' },
      verify: async (res) =>
        expect(await getGroup(setup, inst, res.GroupId!)).toMatchObject({
          GroupId: res.GroupId,
          GroupName: 'admins',
          GroupExternalId: 'ext-admins',
          Description: 'the admins',
        }),
    };
  },
  AddUsersToGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    const [a, b] = [await setup.user(inst), await setup.user(inst)];
    return {
      request: { ...at(inst), GroupId: group, UserIds: [a, b] },
      verify: async () => expect(await groupMembers(setup, inst, group)).toEqual([a, b]),
    };
  },
  DeleteGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    return {
      request: { ...at(inst), GroupId: group },
      verify: () => setup.expectNotFound(getGroup(setup, inst, group), 'EntityNotExists.Group'),
    };
  },
  RemoveUsersFromGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    const [a, b] = [await setup.user(inst), await setup.user(inst)];
    await setup.client.call('AddUsersToGroup', { ...at(inst), GroupId: group, UserIds: [a, b] });
    return {
      request: { ...at(inst), GroupId: group, UserIds: [a] },
      verify: async () => expect(await groupMembers(setup, inst, group)).toEqual([b]),
    };
  },
  UpdateGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    return {
      request: { ...at(inst), GroupId: group, GroupName: 'renamed', GroupExternalId: 'ext-renamed' },
      verify: async () =>
        expect(await getGroup(setup, inst, group)).toMatchObject({
          GroupName: 'renamed',
          GroupExternalId: 'ext-renamed',
        }),
    };
  },
  UpdateGroupDescription: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst, { Description: 'before' });
    return {
      request: { ...at(inst), GroupId: group, Description: 'after' },
      verify: async () => expect((await getGroup(setup, inst, group)).Description).toBe('after'),
    };
  },
  GetGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst, { GroupName: 'readers', Description: 'read only' });
    return {
      request: { ...at(inst), GroupId: group },
      verify: (res) =>
        expect(res.Group).toMatchObject({
          GroupId: group,
          GroupName: 'readers',
          Description: 'read only',
          GroupExternalId: group,
          InstanceId: inst.instanceId,
        }),
    };
  },
  ListGroups: async (setup) => {
    const inst = await setup.instance();
    const a = await setup.group(inst, { GroupName: 'team-alpha' });
    const b = await setup.group(inst, { GroupName: 'team-beta' });
    await setup.group(inst, { GroupName: 'other' });
    return {
      request: { ...at(inst), GroupNameStartsWith: 'team-' },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Groups?.map((g) => [g.GroupId, g.GroupName])).toEqual([
          [a, 'team-alpha'],
          [b, 'team-beta'],
        ]);
      },
    };
  },
  ListUsersForGroup: async (setup) => {
    const inst = await setup.instance();
    const group = await setup.group(inst);
    const [a, b] = [await setup.user(inst), await setup.user(inst)];
    await setup.client.call('AddUsersToGroup', { ...at(inst), GroupId: group, UserIds: [a, b] });
    return {
      request: { ...at(inst), GroupId: group, UserIds: [b] },
      verify: (res) => {
        expect(res.TotalCount).toBe(1);
        expect(res.Users?.map((u) => u.UserId)).toEqual([b]);
      },
    };
  },
  ListGroupsForUser: async (setup) => {
    const inst = await setup.instance();
    const [g1, g2] = [await setup.group(inst), await setup.group(inst)];
    await setup.group(inst);
    const user = await setup.user(inst);
    for (const g of [g2, g1]) {
      await setup.client.call('AddUsersToGroup', { ...at(inst), GroupId: g, UserIds: [user] });
    }
    return {
      request: { ...at(inst), UserId: user },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.Groups?.map((g) => g.GroupId)).toEqual([g1, g2]);
      },
    };
  },

  // ---- Password policies -----------------------------------------------------------------
  SetForgetPasswordConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: { ...at(inst), ForgetPasswordStatus: 'enabled', AuthenticationChannels: ['email'] },
      verify: async () => {
        const got = await setup.client.call('GetForgetPasswordConfiguration', at(inst));
        expect(got.OpenForgetPasswordConfiguration).toMatchObject({
          ForgetPasswordStatus: 'enabled',
          AuthenticationChannels: ['email'],
          EnableEmail: true,
          EnableSms: false,
        });
      },
    };
  },
  SetPasswordInitializationConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: {
        ...at(inst),
        PasswordInitializationStatus: 'enabled',
        PasswordInitializationType: 'random',
        PasswordInitializationNotificationChannels: ['email'],
        PasswordForcedUpdateStatus: 'enabled',
      },
      verify: async () => {
        const got = await setup.client.call('GetPasswordInitializationConfiguration', at(inst));
        expect(got.PasswordInitializationConfiguration).toEqual({
          PasswordInitializationStatus: 'enabled',
          PasswordInitializationType: 'random',
          PasswordInitializationNotificationChannels: ['email'],
          PasswordForcedUpdateStatus: 'enabled',
        });
      },
    };
  },
  SetPasswordHistoryConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: { ...at(inst), PasswordHistoryStatus: 'enabled', PasswordHistoryMaxRetention: 5 },
      verify: async () => {
        const got = await setup.client.call('GetPasswordHistoryConfiguration', at(inst));
        expect(got.PasswordHistoryConfiguration).toEqual({
          PasswordHistoryStatus: 'enabled',
          PasswordHistoryMaxRetention: 5,
        });
      },
    };
  },
  SetPasswordExpirationConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: {
        ...at(inst),
        PasswordExpirationStatus: 'enabled',
        PasswordValidMaxDay: 90,
        PasswordExpirationAction: 'force_update_password',
        PasswordExpirationNotificationStatus: 'enabled',
        PasswordExpirationNotificationDuration: 7,
        PasswordExpirationNotificationChannels: ['email', 'login'],
      },
      verify: async () => {
        const got = await setup.client.call('GetPasswordExpirationConfiguration', at(inst));
        expect(got.PasswordExpirationConfiguration).toMatchObject({
          PasswordExpirationStatus: 'enabled',
          PasswordValidMaxDay: 90,
          PasswordExpirationAction: 'force_update_password',
          PasswordExpirationNotificationStatus: 'enabled',
          PasswordExpirationNotificationDuration: 7,
          PasswordExpirationNotificationChannels: ['email', 'login'],
        });
      },
    };
  },
  SetPasswordComplexityConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: {
        ...at(inst),
        PasswordMinLength: 12,
        DisabledWeakPasswordLogin: true,
        PasswordComplexityRules: [
          { PasswordCheckType: 'inclusion_special_case' },
          { PasswordCheckType: 'exclusion_username' },
        ],
      },
      verify: async () => {
        const got = await setup.client.call('GetPasswordComplexityConfiguration', at(inst));
        expect(got.PasswordComplexityConfiguration).toMatchObject({
          PasswordMinLength: 12,
          DisabledWeakPasswordLogin: true,
          PasswordComplexityRules: [
            { PasswordCheckType: 'inclusion_special_case' },
            { PasswordCheckType: 'exclusion_username' },
          ],
        });
        // The new policy is enforced: a short password is refused.
        await expect(
          setup.client.call('CreateUser', {
            ...at(inst),
            Username: setup.unique('short'),
            PrimaryOrganizationalUnitId: inst.rootOuId,
            Password: 'Sh0rt!',
          }),
        ).rejects.toMatchObject({ code: 'InvalidPassword.MinLength' });
      },
    };
  },
  GetForgetPasswordConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: at(inst),
      verify: (res) =>
        expect(res.OpenForgetPasswordConfiguration).toMatchObject({
          ForgetPasswordStatus: 'enabled',
          AuthenticationChannels: ['email', 'sms'],
          Enable: true,
        }),
    };
  },
  GetPasswordInitializationConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: at(inst),
      verify: (res) =>
        expect(res.PasswordInitializationConfiguration?.PasswordInitializationStatus).toBe('disabled'),
    };
  },
  GetPasswordHistoryConfiguration: async (setup) => {
    const inst = await setup.instance();
    await setup.client.call('SetPasswordHistoryConfiguration', {
      ...at(inst),
      PasswordHistoryStatus: 'enabled',
      PasswordHistoryMaxRetention: 24,
    });
    return {
      request: at(inst),
      verify: (res) =>
        expect(res.PasswordHistoryConfiguration).toEqual({
          PasswordHistoryStatus: 'enabled',
          PasswordHistoryMaxRetention: 24,
        }),
    };
  },
  GetPasswordExpirationConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: at(inst),
      verify: (res) => expect(res.PasswordExpirationConfiguration?.PasswordExpirationStatus).toBe('disabled'),
    };
  },
  GetPasswordComplexityConfiguration: async (setup) => {
    const inst = await setup.instance();
    return {
      request: at(inst),
      verify: (res) =>
        expect(res.PasswordComplexityConfiguration).toMatchObject({
          PasswordMinLength: 8,
          DisabledWeakPasswordLogin: false,
          PasswordComplexityRules: [
            { PasswordCheckType: 'inclusion_upper_case' },
            { PasswordCheckType: 'inclusion_lower_case' },
            { PasswordCheckType: 'inclusion_number' },
          ],
        }),
    };
  },
  ...CUSTOM_FIELD_SCENARIOS,
  ...IDENTITY_PROVIDER_SCENARIOS,
  ...NETWORK_ZONE_SCENARIOS,
  ...CONDITIONAL_ACCESS_SCENARIOS,
};
