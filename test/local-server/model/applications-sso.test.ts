import { errorOf, fixture } from './application-fixture';

const SAML = {
  SpEntityId: 'urn:alibaba:cloudcomputing',
  SpSsoAcsUrl: 'https://signin.aliyun.com/saml-role/sso',
};
const OIDC = { GrantTypes: ['authorization_code'], RedirectUris: ['https://app.example.com/callback'] };

describe('SetApplicationSsoConfig: the protocol block must fit the SsoType', () => {
  it('refuses a SAML block on an OIDC application and the reverse, naming the field', () => {
    const f = fixture();
    const oidc = f.createApp('oidc');
    const saml = f.createApp('saml2');
    expect(
      errorOf(() => f.call('SetApplicationSsoConfig', { ApplicationId: oidc, SamlSsoConfig: SAML })),
    ).toMatchObject({
      code: 'InvalidParameter.SamlSsoConfig',
      httpStatus: 400,
    });
    expect(
      errorOf(() => f.call('SetApplicationSsoConfig', { ApplicationId: saml, OidcSsoConfig: OIDC })).code,
    ).toBe('InvalidParameter.OidcSsoConfig');
    expect(f.call('GetApplication', { ApplicationId: oidc }).Application.SsoType).toBe('oidc');
  });
});

describe('SAML settings', () => {
  it('requires an entity id and an http(s) ACS URL', () => {
    const f = fixture();
    const id = f.createApp('saml2');
    const set = (cfg: Record<string, unknown>) => () =>
      f.call('SetApplicationSsoConfig', { ApplicationId: id, SamlSsoConfig: cfg });
    expect(errorOf(set({ SpSsoAcsUrl: SAML.SpSsoAcsUrl })).code).toBe(
      'InvalidParameter.SamlSsoConfig.SpEntityId',
    );
    expect(errorOf(set({ ...SAML, SpSsoAcsUrl: 'ftp://x/acs' })).code).toBe(
      'InvalidParameter.SamlSsoConfig.SpSsoAcsUrl',
    );
    expect(errorOf(set({ ...SAML, SpSsoAcsUrl: 'not a url' })).code).toBe(
      'InvalidParameter.SamlSsoConfig.SpSsoAcsUrl',
    );
  });

  it('refuses an unsigned response with an unsigned assertion', () => {
    const f = fixture();
    const id = f.createApp('saml2');
    const err = errorOf(() =>
      f.call('SetApplicationSsoConfig', {
        ApplicationId: id,
        SamlSsoConfig: { ...SAML, ResponseSigned: false, AssertionSigned: false },
      }),
    );
    expect(err.code).toBe('InvalidParameter.SamlSsoConfig.ResponseSigned');
    f.call('SetApplicationSsoConfig', {
      ApplicationId: id,
      SamlSsoConfig: { ...SAML, ResponseSigned: false },
    });
  });

  it('checks enumerations and needs a default RelayState before optional ones', () => {
    const f = fixture();
    const id = f.createApp('saml2');
    const set = (cfg: Record<string, unknown>) => () =>
      f.call('SetApplicationSsoConfig', { ApplicationId: id, SamlSsoConfig: { ...SAML, ...cfg } });
    expect(errorOf(set({ NameIdFormat: 'email' })).code).toBe('InvalidParameter.SamlSsoConfig.NameIdFormat');
    expect(errorOf(set({ SignatureAlgorithm: 'HS256' })).code).toBe(
      'InvalidParameter.SamlSsoConfig.SignatureAlgorithm',
    );
    const relays = [{ DisplayName: 'Console', RelayState: 'https://home.console.aliyun.com' }];
    expect(errorOf(set({ OptionalRelayStates: relays })).code).toBe(
      'InvalidParameter.SamlSsoConfig.OptionalRelayStates',
    );
    set({ OptionalRelayStates: relays, DefaultRelayState: 'https://home.console.aliyun.com' })();
  });

  it('returns what was set plus defaults, the IdP entity id defaulting to the metadata URL', () => {
    const f = fixture();
    const id = f.createApp('saml2');
    f.call('SetApplicationSsoConfig', {
      ApplicationId: id,
      SamlSsoConfig: {
        ...SAML,
        AttributeStatements: [{ AttributeName: 'role', AttributeValueExpression: 'user.username' }],
      },
    });
    const cfg = f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig;
    const domain = `${f.instanceId.replace(/^idaas_/, '').slice(0, 10)}.aliyunidaas.com`;
    expect(cfg).toMatchObject({
      SsoStatus: 'enabled',
      InitLoginType: 'idaas_or_app_init_sso',
      SamlSsoConfig: {
        ...SAML,
        NameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        NameIdValueExpression: 'user.username',
        SignatureAlgorithm: 'RSA-SHA256',
        ResponseSigned: true,
        AssertionSigned: true,
        IdPEntityId: `https://${domain}/api/v2/${id}/saml2/meta`,
        AttributeStatements: [{ AttributeName: 'role', AttributeValueExpression: 'user.username' }],
      },
      ProtocolEndpointDomain: {
        SamlMetaEndpoint: `https://${domain}/api/v2/${id}/saml2/meta`,
        SamlSsoEndpoint: `https://${domain}/login/app/${id}/saml2/sso`,
      },
    });
    expect(cfg.OidcSsoConfig).toBeUndefined();
    expect(cfg.ProtocolEndpointDomain.OidcIssuer).toBeUndefined();
  });

  it('needs InitLoginUrl when a SAML application is initiated only by the application', () => {
    const f = fixture();
    const id = f.createApp('saml2');
    const err = errorOf(() =>
      f.call('SetApplicationSsoConfig', { ApplicationId: id, InitLoginType: 'only_app_init_sso' }),
    );
    expect(err.code).toBe('InvalidParameter.InitLoginUrl');
    f.call('SetApplicationSsoConfig', {
      ApplicationId: id,
      InitLoginType: 'only_app_init_sso',
      InitLoginUrl: 'https://app.example.com/login',
    });
    expect(f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig).toMatchObject({
      InitLoginType: 'only_app_init_sso',
      InitLoginUrl: 'https://app.example.com/login',
    });
    expect(
      errorOf(() => f.call('SetApplicationSsoConfig', { ApplicationId: id, InitLoginType: 'portal' })).code,
    ).toBe('InvalidParameter.InitLoginType');
  });
});

describe('OIDC settings', () => {
  const setOn = (f: ReturnType<typeof fixture>, id: string, cfg: Record<string, unknown>) => () =>
    f.call('SetApplicationSsoConfig', { ApplicationId: id, OidcSsoConfig: { ...OIDC, ...cfg } });

  it('accepts only known grant types and absolute redirect URIs', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(errorOf(setOn(f, id, { GrantTypes: ['magic'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.GrantTypes',
    );
    expect(errorOf(setOn(f, id, { RedirectUris: ['/relative'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.RedirectUris',
    );
    expect(errorOf(setOn(f, id, { RedirectUris: ['https://a.example.com/cb#frag'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.RedirectUris',
    );
    expect(errorOf(setOn(f, id, { PostLogoutRedirectUris: ['nope'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.PostLogoutRedirectUris',
    );
    setOn(f, id, { RedirectUris: ['com.example.app:/oauth2redirect'] })();
  });

  it('needs a redirect URI for the authorization code grant, not for client credentials', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(errorOf(setOn(f, id, { RedirectUris: undefined })).code).toBe(
      'InvalidParameter.OidcSsoConfig.RedirectUris',
    );
    setOn(f, id, { GrantTypes: ['client_credentials'], RedirectUris: undefined })();
  });

  it('keeps token lifetimes within range', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(errorOf(setOn(f, id, { AccessTokenEffectiveTime: 60 })).code).toBe(
      'InvalidParameter.OidcSsoConfig.AccessTokenEffectiveTime',
    );
    expect(errorOf(setOn(f, id, { IdTokenEffectiveTime: 86_401 })).code).toBe(
      'InvalidParameter.OidcSsoConfig.IdTokenEffectiveTime',
    );
    expect(errorOf(setOn(f, id, { CodeEffectiveTime: 3600 })).code).toBe(
      'InvalidParameter.OidcSsoConfig.CodeEffectiveTime',
    );
    expect(errorOf(setOn(f, id, { RefreshTokenEffective: 10 })).code).toBe(
      'InvalidParameter.OidcSsoConfig.RefreshTokenEffective',
    );
  });

  it('allows response types only with the implicit grant', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(errorOf(setOn(f, id, { ResponseTypes: ['token'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.ResponseTypes',
    );
    expect(errorOf(setOn(f, id, { GrantTypes: ['implicit'], ResponseTypes: ['token token'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.ResponseTypes',
    );
    setOn(f, id, { GrantTypes: ['implicit'], ResponseTypes: ['token id_token'] })();
    const cfg = f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig.OidcSsoConfig;
    expect(cfg.ResponseTypes).toEqual(['token id_token']);
  });

  it('allows a public client only with the code or device grant, and checks PKCE and claims', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    expect(
      errorOf(
        setOn(f, id, {
          GrantTypes: ['client_credentials'],
          RedirectUris: undefined,
          AllowedPublicClient: true,
        }),
      ).code,
    ).toBe('InvalidParameter.OidcSsoConfig.AllowedPublicClient');
    expect(errorOf(setOn(f, id, { PkceChallengeMethods: ['S512'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.PkceChallengeMethods',
    );
    expect(
      errorOf(setOn(f, id, { CustomClaims: [{ ClaimName: 'sub', ClaimValueExpression: 'user.email' }] }))
        .code,
    ).toBe('InvalidParameter.OidcSsoConfig.CustomClaims.ClaimName');
    expect(errorOf(setOn(f, id, { GrantScopes: ['admin'] })).code).toBe(
      'InvalidParameter.OidcSsoConfig.GrantScopes',
    );
  });

  it('returns what was set plus documented defaults and the OIDC endpoints', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    setOn(f, id, { PkceRequired: true, AllowedPublicClient: true, AccessTokenEffectiveTime: 3600 })();
    const cfg = f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig;
    const domain = `${f.instanceId.replace(/^idaas_/, '').slice(0, 10)}.aliyunidaas.com`;
    const api = `https://eiam-api-cn-hangzhou.aliyuncs.com/v2/${f.instanceId}/${id}`;
    expect(cfg).toMatchObject({
      SsoStatus: 'enabled',
      InitLoginType: 'only_app_init_sso',
      OidcSsoConfig: {
        GrantTypes: ['authorization_code'],
        RedirectUris: ['https://app.example.com/callback'],
        GrantScopes: ['openid', 'email', 'profile'],
        AccessTokenEffectiveTime: 3600,
        IdTokenEffectiveTime: 300,
        RefreshTokenEffective: 86_400,
        CodeEffectiveTime: 60,
        PkceRequired: true,
        PkceChallengeMethods: ['S256'],
        AllowedPublicClient: 'true',
        SubjectIdExpression: 'user.userId',
      },
      ProtocolEndpointDomain: {
        OidcIssuer: `${api}/oidc`,
        OidcJwksEndpoint: `${api}/oidc/jwks`,
        Oauth2TokenEndpoint: `${api}/oauth2/token`,
        Oauth2UserinfoEndpoint: `${api}/oauth2/userinfo`,
        Oauth2RevokeEndpoint: `${api}/oauth2/revoke`,
        Oauth2DeviceAuthorizationEndpoint: `${api}/oauth2/device/code`,
        Oauth2AuthorizationEndpoint: `https://${domain}/login/app/${id}/oauth2/authorize`,
        OidcLogoutEndpoint: `https://${domain}/login/app/${id}/oauth2/logout`,
      },
    });
    expect(cfg.SamlSsoConfig).toBeUndefined();
  });

  it('replaces the whole block on each call', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    setOn(f, id, {
      AccessTokenEffectiveTime: 3600,
      PostLogoutRedirectUris: ['https://app.example.com/bye'],
    })();
    setOn(f, id, {})();
    const cfg = f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig.OidcSsoConfig;
    expect(cfg.AccessTokenEffectiveTime).toBe(1200);
    expect(cfg.PostLogoutRedirectUris).toBeUndefined();
  });

  it('needs InitLoginUrl when an OIDC application may be started from the portal', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    const err = errorOf(() =>
      f.call('SetApplicationSsoConfig', { ApplicationId: id, InitLoginType: 'idaas_or_app_init_sso' }),
    );
    expect(err.code).toBe('InvalidParameter.InitLoginUrl');
  });

  it('returns defaults before anything was set', () => {
    const f = fixture();
    const id = f.createApp('oidc');
    const cfg = f.call('GetApplicationSsoConfig', { ApplicationId: id }).ApplicationSsoConfig;
    expect(cfg.OidcSsoConfig).toMatchObject({
      GrantTypes: ['authorization_code'],
      AllowedPublicClient: 'false',
    });
  });
});
