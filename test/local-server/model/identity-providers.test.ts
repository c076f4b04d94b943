import { withInstance } from './directory-fixture';

const DINGTALK_PULL = 'urn:alibaba:idaas:idp:alibaba:dingtalk:pull';
const DINGTALK_PUSH = 'urn:alibaba:idaas:idp:alibaba:dingtalk:push';
const WECOM = 'urn:alibaba:idaas:idp:tencent:wecom:pull';
const LDAP = 'urn:alibaba:idaas:idp:unknown:ldap:pull';
const OIDC = 'urn:alibaba:idaas:idp:standard:oidc';
const SECRET = 'app-secret-must-not-leak-42';

const DINGTALK = { AppKey: 'k', AppSecret: SECRET, CorpId: 'corp' };
const LDAP_CONFIG = {
  LdapServerHost: '10.1.1.1',
  LdapServerPort: 389,
  AdministratorUsername: 'cn=admin',
  AdministratorPassword: SECRET,
};
const OIDC_CONFIG = {
  AuthnParam: { ClientId: 'c', ClientSecret: SECRET },
  EndpointConfig: {
    Issuer: 'https://idp.example.com',
    AuthorizationEndpoint: 'https://idp.example.com/auth',
  },
};

type Fx = ReturnType<typeof withInstance>;

function create(fx: Fx, type: string, extra: Record<string, unknown>): string {
  return fx.call('CreateIdentityProvider', {
    IdentityProviderName: `idp-${Math.random().toString(36).slice(2)}`,
    IdentityProviderType: type,
    ...extra,
  }).IdentityProviderId;
}

const dingtalk = (fx: Fx, extra: Record<string, unknown> = {}) =>
  create(fx, DINGTALK_PULL, { DingtalkAppConfig: DINGTALK, ...extra });
const ldap = (fx: Fx, extra: Record<string, unknown> = {}) =>
  create(fx, LDAP, { LdapConfig: LDAP_CONFIG, ...extra });
const oidc = (fx: Fx) => create(fx, OIDC, { OidcConfig: OIDC_CONFIG });

describe('identity providers', () => {
  it('requires the configuration block of the type, with its connection fields', () => {
    const fx = withInstance();
    const base = { IdentityProviderName: 'x', IdentityProviderType: DINGTALK_PULL };
    expect(fx.errorIn('CreateIdentityProvider', base).code).toBe('MissingDingtalkAppConfig');
    expect(
      fx.errorIn('CreateIdentityProvider', { ...base, DingtalkAppConfig: { AppKey: 'k', CorpId: 'c' } }).code,
    ).toBe('MissingDingtalkAppConfigAppSecret');
    expect(
      fx.errorIn('CreateIdentityProvider', { IdentityProviderName: 'x', IdentityProviderType: LDAP }).code,
    ).toBe('MissingLdapConfig');
    expect(
      fx.errorIn('CreateIdentityProvider', { ...base, DingtalkAppConfig: DINGTALK, LdapConfig: LDAP_CONFIG }),
    ).toMatchObject({ code: 'InvalidParameter.LdapConfig', httpStatus: 400 });
    expect(
      fx.errorIn('CreateIdentityProvider', {
        ...base,
        DingtalkAppConfig: DINGTALK,
        SamlConfig: { IdPEntityId: 'e' },
      }).code,
    ).toBe('InvalidParameter.SamlConfig');
    expect(
      fx.errorIn('CreateIdentityProvider', { IdentityProviderName: 'x', IdentityProviderType: 'urn:nope' })
        .code,
    ).toBe('InvalidParameter.IdentityProviderType');
  });

  it('keeps names unique and creates once per ClientToken', () => {
    const fx = withInstance();
    const req = { IdentityProviderName: 'corp', IdentityProviderType: WECOM, ClientToken: 't-1' };
    const wecom = { WeComConfig: { CorpId: 'c', AgentId: 'a', CorpSecret: SECRET } };
    const a = fx.call('CreateIdentityProvider', { ...req, ...wecom }).IdentityProviderId;
    expect(fx.call('CreateIdentityProvider', { ...req, ...wecom }).IdentityProviderId).toBe(a);
    expect(fx.errorIn('CreateIdentityProvider', { ...req, ...wecom, ClientToken: 't-2' }).code).toBe(
      'EntityAlreadyExists.IdentityProvider.IdentityProviderName',
    );
  });

  it('masks every secret it reports', () => {
    const fx = withInstance();
    for (const id of [dingtalk(fx), ldap(fx), oidc(fx)]) {
      const text = JSON.stringify(fx.call('GetIdentityProvider', { IdentityProviderId: id }));
      expect(text).not.toContain(SECRET);
      expect(text).toContain('app-');
    }
    const advanced = fx.call('GetIdentityProviderAdvancedConfiguration', {
      IdentityProviderId: dingtalk(fx),
    });
    expect(JSON.stringify(advanced)).not.toContain(SECRET);
  });

  it('refuses a pull configuration for a type that has none, and LDAP settings for non-LDAP types', () => {
    const fx = withInstance();
    const push = create(fx, DINGTALK_PUSH, { DingtalkAppConfig: DINGTALK });
    const sso = oidc(fx);
    for (const id of [push, sso]) {
      expect(
        fx.errorIn('SetIdentityProviderUdPullConfiguration', {
          IdentityProviderId: id,
          IncrementalCallbackStatus: 'disabled',
        }),
      ).toMatchObject({ code: 'OperationDenied.IdentityProviderType', httpStatus: 403 });
    }
    expect(fx.errorIn('GetIdentityProviderUdPullConfiguration', { IdentityProviderId: sso }).code).toBe(
      'OperationDenied.IdentityProviderType',
    );
    expect(
      fx.errorIn('SetIdentityProviderUdPushConfiguration', {
        IdentityProviderId: sso,
        IncrementalCallbackStatus: 'disabled',
      }).code,
    ).toBe('OperationDenied.IdentityProviderType');
    expect(
      fx.errorIn('SetIdentityProviderUdPullConfiguration', {
        IdentityProviderId: dingtalk(fx),
        IncrementalCallbackStatus: 'disabled',
        LdapUdPullConfig: { UserObjectClass: 'person' },
      }).code,
    ).toBe('InvalidParameter.LdapUdPullConfig');
    expect(
      fx.errorIn('SetIdentityProviderAuthnConfiguration', {
        IdentityProviderId: sso,
        LdapAuthnConfig: { UserLoginIdentifier: 'mail' },
      }).code,
    ).toBe('InvalidParameter.LdapAuthnConfig');
  });

  it('enables inbound synchronization only with a pull target, which must exist', () => {
    const fx = withInstance();
    const id = ldap(fx);
    expect(fx.errorIn('EnableIdentityProviderUdPull', { IdentityProviderId: id }).code).toBe(
      'OperationDenied.UdPullConfigurationMissing',
    );
    const pull = { IdentityProviderId: id, IncrementalCallbackStatus: 'disabled' };
    expect(
      fx.errorIn('SetIdentityProviderUdPullConfiguration', {
        ...pull,
        UdSyncScopeConfig: { TargetScope: 'ou_missing' },
      }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    const ou = fx.ou('imported');
    fx.call('SetIdentityProviderUdPullConfiguration', {
      ...pull,
      UdSyncScopeConfig: { TargetScope: ou },
    });
    fx.call('EnableIdentityProviderUdPull', { IdentityProviderId: id });
    expect(
      fx.call('GetIdentityProvider', { IdentityProviderId: id }).IdentityProviderDetail.UdPullStatus,
    ).toBe('enabled');
    // Deleting the target unit stops the synchronization and clears the target.
    fx.call('DeleteOrganizationalUnit', { OrganizationalUnitId: ou });
    const detail = fx.call('GetIdentityProvider', { IdentityProviderId: id }).IdentityProviderDetail;
    expect(detail.UdPullStatus).toBe('disabled');
    expect(detail.UdPullConfig.UdSyncScopeConfig?.TargetScope).toBeUndefined();
  });

  it('checks auto-create target units and drops deleted ones', () => {
    const fx = withInstance();
    const id = ldap(fx);
    expect(
      fx.errorIn('SetIdentityProviderAuthnConfiguration', {
        IdentityProviderId: id,
        AutoCreateUserConfig: { AutoCreateUserStatus: 'enabled', TargetOrganizationalUnitIds: ['ou_gone'] },
      }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    expect(
      fx.errorIn('SetIdentityProviderAuthnConfiguration', {
        IdentityProviderId: id,
        AutoCreateUserConfig: { AutoCreateUserStatus: 'enabled' },
      }).code,
    ).toBe('MissingAutoCreateUserConfigTargetOrganizationalUnitIds');
    const a = fx.ou('a');
    const b = fx.ou('b');
    fx.call('SetIdentityProviderAuthnConfiguration', {
      IdentityProviderId: id,
      AutoCreateUserConfig: { AutoCreateUserStatus: 'enabled', TargetOrganizationalUnitIds: [a, b] },
    });
    fx.call('DeleteOrganizationalUnit', { OrganizationalUnitId: a });
    const stored = fx.state().identityProviders.get(id)!;
    expect(stored.authn.autoCreateUserConfig?.targetOrganizationalUnitIds).toEqual([b]);
  });

  it('enables authentication only for types that authenticate; the advanced ability is DingTalk only', () => {
    const fx = withInstance();
    const push = create(fx, DINGTALK_PUSH, { DingtalkAppConfig: DINGTALK });
    expect(fx.errorIn('EnableIdentityProviderAuthn', { IdentityProviderId: push }).code).toBe(
      'OperationDenied.IdentityProviderType',
    );
    expect(
      fx.errorIn('CreateIdentityProvider', {
        IdentityProviderName: 'p2',
        IdentityProviderType: DINGTALK_PUSH,
        DingtalkAppConfig: DINGTALK,
        AuthnConfig: { AuthnStatus: 'enabled' },
      }).code,
    ).toBe('OperationDenied.IdentityProviderType');
    expect(fx.errorIn('EnableIdentityProviderAdvancedAbility', { IdentityProviderId: ldap(fx) }).code).toBe(
      'OperationDenied.IdentityProviderType',
    );
  });

  it('updates only the given fields of its own block', () => {
    const fx = withInstance();
    const id = ldap(fx);
    expect(
      fx.errorIn('UpdateIdentityProvider', {
        IdentityProviderId: id,
        OidcConfig: { GrantScopes: ['openid'] },
      }).code,
    ).toBe('InvalidParameter.OidcConfig');
    fx.call('UpdateIdentityProvider', { IdentityProviderId: id, LdapConfig: { LdapServerPort: 636 } });
    expect(
      fx.call('GetIdentityProvider', { IdentityProviderId: id }).IdentityProviderDetail.LdapConfig,
    ).toMatchObject({
      LdapServerHost: '10.1.1.1',
      LdapServerPort: 636,
    });
    expect(
      fx.errorIn('UpdateIdentityProvider', { IdentityProviderId: id, LdapConfig: { LdapServerPort: 70000 } })
        .code,
    ).toBe('InvalidParameter.LdapConfig.LdapServerPort');
  });

  it('runs status checks at once and reports the network check as not performed', () => {
    const fx = withInstance();
    const id = ldap(fx);
    const jobId = fx.call('CreateIdentityProviderStatusCheckJob', {
      IdentityProviderId: id,
    }).IdentityProviderStatusCheckJobId;
    const job = fx.call('GetIdentityProviderStatusCheckJob', {
      IdentityProviderId: id,
      IdentityProviderStatusCheckJobId: jobId,
    }).IdentityProviderStatusCheckJob;
    expect(job).toMatchObject({ Status: 'success', CheckResult: 'success' });
    expect(job.JobCheckItems.map((i: { Result: string }) => i.Result)).toEqual(['success', 'warning']);
    expect(
      fx.errorIn('GetIdentityProviderStatusCheckJob', {
        IdentityProviderId: id,
        IdentityProviderStatusCheckJobId: 'async_nope',
      }).code,
    ).toBe('EntityNotExists.IdentityProviderStatusCheckJob');
  });

  it('resolves metadata without network I/O: inline documents and stored endpoints only', () => {
    const fx = withInstance();
    expect(
      fx.errorIn('ExecIdentityProviderMetadataUrlResolution', { OidcIssuer: 'https://elsewhere.example.net' })
        .code,
    ).toBe('OperationFailed.MetadataUnreachable');
    const id = oidc(fx);
    expect(
      fx.call('ExecIdentityProviderMetadataUrlResolution', {
        OidcIssuer: 'https://idp.example.com/.well-known/openid-configuration',
      }).IdentityProviderMetadata.OidcOpenIdConfiguration,
    ).toMatchObject({ Issuer: 'https://idp.example.com' });
    expect(
      fx.call('ExecIdentityProviderMetadataUrlResolution', { IdentityProviderId: id })
        .IdentityProviderMetadata.OidcOpenIdConfiguration.AuthorizationEndpoint,
    ).toBe('https://idp.example.com/auth');
    const xml =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://adfs.example.com/trust">' +
      '<md:IDPSSODescriptor><md:KeyDescriptor><ds:X509Certificate>MIIB\nAAA=</ds:X509Certificate></md:KeyDescriptor>' +
      '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://adfs.example.com/ls/"/>' +
      '</md:IDPSSODescriptor></md:EntityDescriptor>';
    const saml = fx.call('ExecIdentityProviderMetadataUrlResolution', {
      SamlMetadataUrl: `data:application/xml,${encodeURIComponent(xml)}`,
    }).IdentityProviderMetadata.SamlMetadataConfiguration;
    expect(saml).toEqual({
      IdPEntityId: 'https://adfs.example.com/trust',
      IdPSsoUrl: 'https://adfs.example.com/ls/',
      Certificates: [{ Content: '-----BEGIN CERTIFICATE-----\nMIIBAAA=\n-----END CERTIFICATE-----' }],
    });
  });

  it('switches internal authentication sources but never the last way to log on', () => {
    const fx = withInstance();
    expect(
      fx.errorIn('DisableInternalAuthenticationSource', { AuthenticationSourceId: 'ia_magic' }).code,
    ).toBe('EntityNotExists.AuthenticationSource');
    for (const id of ['ia_otp_sms', 'ia_otp_email', 'ia_totp', 'ia_webauthn'])
      fx.call('DisableInternalAuthenticationSource', { AuthenticationSourceId: id });
    expect(
      fx.errorIn('DisableInternalAuthenticationSource', { AuthenticationSourceId: 'ia_password' }).code,
    ).toBe('OperationDenied.LastAuthenticationSource');
    // With an identity provider that authenticates, the last internal source may go.
    const id = ldap(fx, { AuthnConfig: { AuthnStatus: 'enabled' } });
    fx.call('DisableInternalAuthenticationSource', { AuthenticationSourceId: 'ia_password' });
    expect(fx.state().internalAuthenticationSources?.ia_password).toBe('disabled');
    expect(id).toMatch(/^idp_/);
  });
});

describe('user authentication source mappings', () => {
  it('binds existing users to existing providers, one external id each', () => {
    const fx = withInstance();
    const idp = oidc(fx);
    const alice = fx.user('alice');
    const bob = fx.user('bob');
    const bind = (user: string, ext: string) =>
      fx.call('BindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: user,
        UserExternalId: ext,
      });
    bind(alice, 'a-1');
    bind(alice, 'a-1');
    expect(
      fx.errorIn('BindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: bob,
        UserExternalId: 'a-1',
      }).code,
    ).toBe('EntityAlreadyExists.UserAuthnSourceMapping');
    expect(
      fx.errorIn('BindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: alice,
        UserExternalId: 'a-2',
      }).code,
    ).toBe('EntityAlreadyExists.UserAuthnSourceMapping');
    expect(
      fx.errorIn('BindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: 'user_nobody',
        UserExternalId: 'z',
      }).code,
    ).toBe('EntityNotExists.User');
    expect(
      fx.errorIn('BindUserAuthnSourceMapping', {
        IdentityProviderId: 'idp_nothing',
        UserId: bob,
        UserExternalId: 'z',
      }).code,
    ).toBe('EntityNotExists.IdentityProvider');
    expect(
      fx.errorIn('UnbindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: alice,
        UserExternalId: 'other',
      }).code,
    ).toBe('EntityNotExists.UserAuthnSourceMapping');
  });

  it('removes bindings when the user or the provider is deleted', () => {
    const fx = withInstance();
    const a = oidc(fx);
    const b = ldap(fx);
    const alice = fx.user('alice');
    const bob = fx.user('bob');
    for (const [idp, user, ext] of [
      [a, alice, 'x1'],
      [b, alice, 'x2'],
      [a, bob, 'x3'],
    ])
      fx.call('BindUserAuthnSourceMapping', {
        IdentityProviderId: idp,
        UserId: user,
        UserExternalId: ext,
      });
    fx.call('DeleteIdentityProvider', { IdentityProviderId: b });
    expect(
      fx
        .call('ListUserAuthnSourceMappings', { UserId: alice })
        .UserAuthnSourceMappings.map((m: { UserExternalId: string }) => m.UserExternalId),
    ).toEqual(['x1']);
    fx.call('DeleteUser', { UserId: bob });
    expect([...fx.state().userAuthnSourceMappings.values()].map((m) => m.userExternalId)).toEqual(['x1']);
  });
});
