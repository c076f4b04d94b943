/**
 * Over-HTTP scenarios of the identity provider family (spread into `SCENARIOS`): each prepares
 * its provider afresh, calls once, and reads the effect back through the project's client.
 */
import type { IDENTITY_PROVIDER_FAMILY } from '../../../src/catalog';
import type { RequestOf } from '../../../src/client';
import type { Scenario } from './operation-scenarios';
import type { InstanceFixture, Setup } from './setup';

type Family = (typeof IDENTITY_PROVIDER_FAMILY)[number];

const DINGTALK_PULL = 'urn:alibaba:idaas:idp:alibaba:dingtalk:pull';
const DINGTALK_PUSH = 'urn:alibaba:idaas:idp:alibaba:dingtalk:push';
const LDAP = 'urn:alibaba:idaas:idp:unknown:ldap:pull';
const OIDC = 'urn:alibaba:idaas:idp:standard:oidc';
const APP_SECRET = 'dingtalk-app-secret-0123456789';
const LDAP_PASSWORD = 'ldap-bind-password-0123456789';

function at(inst: InstanceFixture) {
  return { InstanceId: inst.instanceId };
}

/** The masked form of a secret (first 4 and last 2 characters kept). */
function masked(value: string): string {
  return value.slice(0, 4) + '*'.repeat(value.length - 6) + value.slice(-2);
}

type Kind = 'dingtalk' | 'dingtalk-push' | 'ldap' | 'oidc';

function providerRequest(
  inst: InstanceFixture,
  setup: Setup,
  kind: Kind,
): RequestOf<'CreateIdentityProvider'> {
  const base = { ...at(inst), IdentityProviderName: setup.unique(`idp-${kind}`) };
  if (kind === 'dingtalk' || kind === 'dingtalk-push') {
    return {
      ...base,
      IdentityProviderType: kind === 'dingtalk' ? DINGTALK_PULL : DINGTALK_PUSH,
      DingtalkAppConfig: { AppKey: 'dingkey', AppSecret: APP_SECRET, CorpId: 'ding-corp-1' },
    };
  }
  if (kind === 'ldap') {
    return {
      ...base,
      IdentityProviderType: LDAP,
      LdapConfig: {
        LdapServerHost: '10.0.0.5',
        LdapServerPort: 636,
        LdapProtocol: 'ldaps',
        AdministratorUsername: 'cn=admin,dc=example,dc=com',
        AdministratorPassword: LDAP_PASSWORD,
      },
    };
  }
  return {
    ...base,
    IdentityProviderType: OIDC,
    OidcConfig: {
      AuthnParam: {
        ClientId: 'client-1',
        ClientSecret: 'oidc-client-secret-0123',
        AuthnMethod: 'client_secret_post',
      },
      EndpointConfig: {
        Issuer: 'https://login.example.com',
        AuthorizationEndpoint: 'https://login.example.com/authorize',
        TokenEndpoint: 'https://login.example.com/token',
      },
      GrantScopes: ['openid'],
    },
  };
}

/** A new provider of `kind` in a new (or the given) instance. */
async function provider(setup: Setup, kind: Kind = 'dingtalk', inst?: InstanceFixture) {
  const instance = inst ?? (await setup.instance());
  const res = await setup.client.call('CreateIdentityProvider', providerRequest(instance, setup, kind));
  return { inst: instance, idp: res.IdentityProviderId! };
}

async function detail(setup: Setup, inst: InstanceFixture, idp: string) {
  const res = await setup.client.call('GetIdentityProvider', { ...at(inst), IdentityProviderId: idp });
  return res.IdentityProviderDetail!;
}

function ids(inst: InstanceFixture, idp: string) {
  return { ...at(inst), IdentityProviderId: idp };
}

/** A DingTalk provider with a pull configuration targeting a new unit. */
async function pullReady(setup: Setup) {
  const { inst, idp } = await provider(setup, 'dingtalk');
  const ou = await setup.ou(inst);
  await setup.client.call('SetIdentityProviderUdPullConfiguration', {
    ...ids(inst, idp),
    IncrementalCallbackStatus: 'enabled',
    UdSyncScopeConfig: { TargetScope: ou, SourceScopes: ['1'] },
  });
  return { inst, idp, ou };
}

async function mappingsOf(setup: Setup, inst: InstanceFixture, user: string) {
  const res = await setup.client.call('ListUserAuthnSourceMappings', { ...at(inst), UserId: user });
  return res.UserAuthnSourceMappings ?? [];
}

const OIDC_DOCUMENT = JSON.stringify({
  issuer: 'https://sso.example.org',
  authorization_endpoint: 'https://sso.example.org/oauth2/authorize',
  token_endpoint: 'https://sso.example.org/oauth2/token',
  userinfo_endpoint: 'https://sso.example.org/oauth2/userinfo',
  jwks_uri: 'https://sso.example.org/oauth2/keys',
});

/** The scenarios of the identity provider family. */
export const IDENTITY_PROVIDER_SCENARIOS: { readonly [A in Family]: Scenario<A> } = {
  CreateIdentityProvider: async (setup) => {
    const inst = await setup.instance();
    const ou = await setup.ou(inst);
    const request = {
      ...providerRequest(inst, setup, 'dingtalk'),
      AuthnConfig: { AuthnStatus: 'enabled' },
      AutoCreateUserConfig: { AutoCreateUserStatus: 'enabled', TargetOrganizationalUnitIds: [ou] },
      UdPullConfig: { IncrementalCallbackStatus: 'enabled', UdSyncScopeConfig: { TargetScope: ou } },
    };
    return {
      request,
      verify: async (res) => {
        expect(res.IdentityProviderId).toMatch(/^idp_[a-z0-9]{26}$/);
        const got = await detail(setup, inst, res.IdentityProviderId!);
        expect(got).toMatchObject({
          IdentityProviderName: request.IdentityProviderName,
          IdentityProviderType: DINGTALK_PULL,
          AuthnStatus: 'enabled',
          UdPullStatus: 'disabled',
          DingtalkAppConfig: { AppKey: 'dingkey', CorpId: 'ding-corp-1', AppSecret: masked(APP_SECRET) },
          UdPullConfig: { IncrementalCallbackStatus: 'enabled', UdSyncScopeConfig: { TargetScope: ou } },
        });
      },
    };
  },
  UpdateIdentityProvider: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    return {
      request: {
        ...ids(inst, idp),
        IdentityProviderName: setup.unique('renamed'),
        LdapConfig: { LdapServerPort: 389, StartTlsStatus: 'enabled', LdapProtocol: 'ldap' },
      },
      verify: async () => {
        const got = await detail(setup, inst, idp);
        expect(got.IdentityProviderName).toMatch(/^renamed-/);
        expect(got.LdapConfig).toMatchObject({
          LdapServerHost: '10.0.0.5',
          LdapServerPort: 389,
          LdapProtocol: 'ldap',
          StartTlsStatus: 'enabled',
          AdministratorPassword: masked(LDAP_PASSWORD),
        });
      },
    };
  },
  DeleteIdentityProvider: async (setup) => {
    const { inst, idp } = await provider(setup);
    return {
      request: ids(inst, idp),
      verify: () =>
        setup.expectNotFound(
          setup.client.call('GetIdentityProvider', ids(inst, idp)),
          'EntityNotExists.IdentityProvider',
        ),
    };
  },
  GetIdentityProvider: async (setup) => {
    const { inst, idp } = await provider(setup, 'oidc');
    return {
      request: ids(inst, idp),
      verify: (res) =>
        expect(res.IdentityProviderDetail).toMatchObject({
          IdentityProviderId: idp,
          InstanceId: inst.instanceId,
          IdentityProviderType: OIDC,
          AuthnSourceType: 'urn:alibaba:idaas:authntype:oidc',
          AuthnStatus: 'disabled',
          OidcConfig: {
            AuthnParam: { ClientId: 'client-1', ClientSecret: masked('oidc-client-secret-0123') },
            EndpointConfig: { Issuer: 'https://login.example.com' },
          },
        }),
    };
  },
  ListIdentityProviders: async (setup) => {
    const { inst, idp: a } = await provider(setup, 'dingtalk');
    const { idp: b } = await provider(setup, 'oidc', inst);
    const { idp: c } = await provider(setup, 'ldap', inst);
    return {
      request: { ...at(inst), Direction: 'pull' },
      verify: (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.IdentityProviders?.map((i) => i.IdentityProviderId)).toEqual([a, c]);
        expect(res.IdentityProviders?.map((i) => i.IdentityProviderId)).not.toContain(b);
      },
    };
  },
  ListIdentityProvidersForNetworkAccessEndpoint: async (setup) => {
    const inst = await setup.instance();
    const nae = 'nae_officeendpoint';
    const res = await setup.client.call('CreateIdentityProvider', {
      ...providerRequest(inst, setup, 'ldap'),
      NetworkAccessEndpointId: nae,
    });
    await provider(setup, 'ldap', inst);
    return {
      request: { ...at(inst), NetworkAccessEndpointId: nae },
      verify: (out) => {
        expect(out.TotalCount).toBe(1);
        expect(out.IdentityProvidersForNetworkAccessEndpoint).toEqual([
          expect.objectContaining({
            IdentityProviderId: res.IdentityProviderId,
            InstanceId: inst.instanceId,
          }),
        ]);
      },
    };
  },
  EnableIdentityProviderAuthn: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).AuthnStatus).toBe('enabled'),
    };
  },
  DisableIdentityProviderAuthn: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    await setup.client.call('EnableIdentityProviderAuthn', ids(inst, idp));
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).AuthnStatus).toBe('disabled'),
    };
  },
  EnableIdentityProviderAdvancedAbility: async (setup) => {
    const { inst, idp } = await provider(setup, 'dingtalk');
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).AdvancedStatus).toBe('enabled'),
    };
  },
  DisableIdentityProviderAdvancedAbility: async (setup) => {
    const { inst, idp } = await provider(setup, 'dingtalk');
    await setup.client.call('EnableIdentityProviderAdvancedAbility', ids(inst, idp));
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).AdvancedStatus).toBe('disabled'),
    };
  },
  EnableIdentityProviderUdPull: async (setup) => {
    const { inst, idp } = await pullReady(setup);
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).UdPullStatus).toBe('enabled'),
    };
  },
  DisableIdentityProviderUdPull: async (setup) => {
    const { inst, idp } = await pullReady(setup);
    await setup.client.call('EnableIdentityProviderUdPull', ids(inst, idp));
    return {
      request: ids(inst, idp),
      verify: async () => expect((await detail(setup, inst, idp)).UdPullStatus).toBe('disabled'),
    };
  },
  SetIdentityProviderAuthnConfiguration: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    const ou = await setup.ou(inst);
    return {
      request: {
        ...ids(inst, idp),
        AutoCreateUserConfig: { AutoCreateUserStatus: 'enabled', TargetOrganizationalUnitIds: [ou] },
        LdapAuthnConfig: { UserLoginIdentifier: 'mail', UserObjectClass: 'inetOrgPerson' },
      },
      verify: async () => {
        // No operation reads the authentication configuration back; its rules show the effect:
        // the target unit is now referenced, so deleting it clears it, and a later set with an
        // unknown unit is refused.
        await expect(
          setup.client.call('SetIdentityProviderAuthnConfiguration', {
            ...ids(inst, idp),
            AutoCreateUserConfig: {
              AutoCreateUserStatus: 'enabled',
              TargetOrganizationalUnitIds: ['ou_nosuchunit'],
            },
          }),
        ).rejects.toMatchObject({ code: 'EntityNotExists.OrganizationalUnit' });
      },
    };
  },
  SetIdentityProviderUdPullConfiguration: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    const ou = await setup.ou(inst);
    return {
      request: {
        ...ids(inst, idp),
        IncrementalCallbackStatus: 'disabled',
        GroupSyncStatus: 'enabled',
        PeriodicSyncStatus: 'enabled',
        PeriodicSyncConfig: { PeriodicSyncType: 'cron', PeriodicSyncCron: '0 45 1 * * ?' },
        LdapUdPullConfig: { UserObjectClass: 'person', GroupObjectClass: 'group' },
        PullProtectedRule: { UserDeletedThreshold: 30 },
        UdSyncScopeConfig: { TargetScope: ou, SourceScopes: ['ou=people,dc=example,dc=com'] },
      },
      verify: async () => {
        const got = await setup.client.call('GetIdentityProviderUdPullConfiguration', ids(inst, idp));
        expect(got.UdPullConfiguration).toMatchObject({
          GroupSyncStatus: 'enabled',
          PeriodicSyncStatus: 'enabled',
          PeriodicSyncConfig: { PeriodicSyncType: 'cron', PeriodicSyncCron: '0 45 1 * * ?' },
          LdapUdPullConfig: { UserObjectClass: 'person', GroupObjectClass: 'group' },
          PullProtectedRule: { UserDeletedThreshold: 30 },
          UdSyncScopeConfig: { TargetScope: ou, SourceScopes: ['ou=people,dc=example,dc=com'] },
        });
      },
    };
  },
  GetIdentityProviderUdPullConfiguration: async (setup) => {
    const { inst, idp, ou } = await pullReady(setup);
    return {
      request: ids(inst, idp),
      verify: (res) =>
        expect(res.UdPullConfiguration).toMatchObject({
          IdentityProviderId: idp,
          IncrementalCallbackStatus: 'enabled',
          UdSyncScopeConfig: { TargetScope: ou, SourceScopes: ['1'] },
        }),
    };
  },
  SetIdentityProviderUdPushConfiguration: async (setup) => {
    const { inst, idp } = await provider(setup, 'dingtalk-push');
    const ou = await setup.ou(inst);
    return {
      request: {
        ...ids(inst, idp),
        IncrementalCallbackStatus: 'enabled',
        PeriodicSyncConfig: { PeriodicSyncType: 'time', PeriodicSyncTimes: [3, 5] },
        UdSyncScopeConfigs: [{ SourceScopes: [ou], TargetScope: '604352338' }],
      },
      verify: async () => {
        const got = await setup.client.call('GetIdentityProviderUdPushConfiguration', ids(inst, idp));
        expect(got.UdPushConfiguration).toMatchObject({
          IncrementalCallbackStatus: 'enabled',
          PeriodicSyncConfig: { PeriodicSyncType: 'time', PeriodicSyncTimes: ['3', '5'] },
          UdSyncScopeConfigs: [{ SourceScopes: [ou], TargetScope: '604352338' }],
        });
        expect((await detail(setup, inst, idp)).UdPushStatus).toBe('enabled');
      },
    };
  },
  GetIdentityProviderUdPushConfiguration: async (setup) => {
    const { inst, idp } = await provider(setup, 'dingtalk-push');
    return {
      request: ids(inst, idp),
      verify: (res) =>
        expect(res.UdPushConfiguration).toMatchObject({
          IdentityProviderId: idp,
          IncrementalCallbackStatus: 'disabled',
          PeriodicSyncStatus: 'disabled',
        }),
    };
  },
  GetIdentityProviderAdvancedConfiguration: async (setup) => {
    const { inst, idp } = await provider(setup, 'dingtalk');
    return {
      request: ids(inst, idp),
      verify: (res) =>
        expect(res.AdvancedConfiguration).toEqual({
          IdentityProviderId: idp,
          InstanceId: inst.instanceId,
          DingtalkAdvancedConfig: { AppKey: 'dingkey', AppSecret: masked(APP_SECRET) },
        }),
    };
  },
  CreateIdentityProviderStatusCheckJob: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    return {
      request: ids(inst, idp),
      verify: async (res) => {
        expect(res.IdentityProviderStatusCheckJobId).toMatch(/^async_/);
        expect((await detail(setup, inst, idp)).LastStatusCheckJobResult).toBe('success');
      },
    };
  },
  GetIdentityProviderStatusCheckJob: async (setup) => {
    const { inst, idp } = await provider(setup, 'ldap');
    const job = await setup.client.call('CreateIdentityProviderStatusCheckJob', ids(inst, idp));
    return {
      request: { ...ids(inst, idp), IdentityProviderStatusCheckJobId: job.IdentityProviderStatusCheckJobId! },
      verify: (res) => {
        expect(res.IdentityProviderStatusCheckJob).toMatchObject({
          IdentityProviderStatusCheckJobId: job.IdentityProviderStatusCheckJobId,
          IdentityProviderId: idp,
          Status: 'success',
          CheckResult: 'success',
        });
        expect(res.IdentityProviderStatusCheckJob?.JobCheckItems).toContainEqual(
          expect.objectContaining({
            MajorCheckItem: 'network_check',
            Result: 'warning',
            ErrorReason: expect.objectContaining({ ErrorCode: 'NetworkCheck.NotPerformed' }),
          }),
        );
      },
    };
  },
  ExecIdentityProviderMetadataUrlResolution: async (setup) => {
    const inst = await setup.instance();
    return {
      request: {
        ...at(inst),
        OidcIssuer: `data:application/json;base64,${Buffer.from(OIDC_DOCUMENT).toString('base64')}`,
      },
      verify: (res) =>
        expect(res.IdentityProviderMetadata?.OidcOpenIdConfiguration).toEqual({
          Issuer: 'https://sso.example.org',
          AuthorizationEndpoint: 'https://sso.example.org/oauth2/authorize',
          TokenEndpoint: 'https://sso.example.org/oauth2/token',
          UserinfoEndpoint: 'https://sso.example.org/oauth2/userinfo',
          JwksUri: 'https://sso.example.org/oauth2/keys',
        }),
    };
  },
  DisableInternalAuthenticationSource: async (setup) => {
    const inst = await setup.instance();
    return {
      request: { ...at(inst), AuthenticationSourceId: 'ia_otp_sms' },
      verify: async () => {
        // Turning it off twice is fine; turning every source off would lock everybody out.
        for (const id of ['ia_password', 'ia_otp_email', 'ia_totp']) {
          await setup.client.call('DisableInternalAuthenticationSource', {
            ...at(inst),
            AuthenticationSourceId: id,
          });
        }
        await expect(
          setup.client.call('DisableInternalAuthenticationSource', {
            ...at(inst),
            AuthenticationSourceId: 'ia_webauthn',
          }),
        ).rejects.toMatchObject({ code: 'OperationDenied.LastAuthenticationSource' });
      },
    };
  },
  EnableInternalAuthenticationSource: async (setup) => {
    const inst = await setup.instance();
    for (const id of ['ia_password', 'ia_otp_sms', 'ia_otp_email', 'ia_totp']) {
      await setup.client.call('DisableInternalAuthenticationSource', {
        ...at(inst),
        AuthenticationSourceId: id,
      });
    }
    return {
      request: { ...at(inst), AuthenticationSourceId: 'ia_password' },
      verify: async () => {
        // With ia_password back on, the last other source may now be turned off.
        await setup.client.call('DisableInternalAuthenticationSource', {
          ...at(inst),
          AuthenticationSourceId: 'ia_webauthn',
        });
      },
    };
  },
  BindUserAuthnSourceMapping: async (setup) => {
    const { inst, idp } = await provider(setup, 'oidc');
    const user = await setup.user(inst);
    return {
      request: { ...ids(inst, idp), UserId: user, UserExternalId: 'ext-alice' },
      verify: async () =>
        expect(await mappingsOf(setup, inst, user)).toEqual([
          expect.objectContaining({
            IdentityProviderId: idp,
            UserId: user,
            UserExternalId: 'ext-alice',
            AuthnSourceType: 'urn:alibaba:idaas:authntype:oidc',
          }),
        ]),
    };
  },
  UnbindUserAuthnSourceMapping: async (setup) => {
    const { inst, idp } = await provider(setup, 'oidc');
    const user = await setup.user(inst);
    await setup.client.call('BindUserAuthnSourceMapping', {
      ...ids(inst, idp),
      UserId: user,
      UserExternalId: 'ext-bob',
    });
    return {
      request: { ...ids(inst, idp), UserId: user, UserExternalId: 'ext-bob' },
      verify: async () => expect(await mappingsOf(setup, inst, user)).toEqual([]),
    };
  },
  ListUserAuthnSourceMappings: async (setup) => {
    const { inst, idp: a } = await provider(setup, 'oidc');
    const { idp: b } = await provider(setup, 'ldap', inst);
    const user = await setup.user(inst);
    await setup.client.call('BindUserAuthnSourceMapping', {
      ...ids(inst, a),
      UserId: user,
      UserExternalId: 'x-1',
    });
    await setup.client.call('BindUserAuthnSourceMapping', {
      ...ids(inst, b),
      UserId: user,
      UserExternalId: 'x-2',
    });
    return {
      request: { ...at(inst), UserId: user, MaxResults: 1 },
      verify: async (res) => {
        expect(res.TotalCount).toBe(2);
        expect(res.UserAuthnSourceMappings?.map((m) => m.UserExternalId)).toEqual(['x-1']);
        const next = await setup.client.call('ListUserAuthnSourceMappings', {
          ...at(inst),
          UserId: user,
          MaxResults: 1,
          NextToken: res.NextToken!,
        });
        expect(next.UserAuthnSourceMappings?.map((m) => m.UserExternalId)).toEqual(['x-2']);
        expect(next.NextToken).toBeUndefined();
      },
    };
  },
};
