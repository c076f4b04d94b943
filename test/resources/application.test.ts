import { isNotFound } from '../../src/client';
import {
  Application,
  applicationProvider as p,
  APPLICATION_DIFF,
  SECRET_INPUT_PATHS,
} from '../../src/resources/application';
import { changedFields, UNKNOWN } from '../../src/resources/provider-kit';
import {
  applicationIds,
  checkedInputs,
  makeGroup,
  makeOu,
  makeUser,
  startHarness,
  type Harness,
} from './harness';

type Bag = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.configure(p);
});
afterAll(() => h.stop());

const SAML = { spEntityId: 'urn:example:sp', spSsoAcsUrl: 'https://sp.example.com/acs' };
const OIDC = { grantTypes: ['authorization_code'], redirectUris: ['https://rp.example.com/callback'] };
const ENCRYPT_KEY = 'a1'.repeat(32);

function saml(extra: Bag = {}): Bag {
  return {
    instanceId: h.instanceId,
    applicationName: 'SAML app',
    ssoType: 'saml2',
    samlSsoConfig: SAML,
    ...extra,
  };
}
function oidc(extra: Bag = {}): Bag {
  return {
    instanceId: h.instanceId,
    applicationName: 'OIDC app',
    ssoType: 'oidc',
    oidcSsoConfig: OIDC,
    ...extra,
  };
}

async function create(inputs: Bag): Promise<{ id: string; outs: Bag; news: Bag }> {
  const news = await checkedInputs(p, inputs);
  const res = await p.create(news);
  return { id: res.id, outs: res.outs as Bag, news };
}

function target(id: string) {
  const [InstanceId, ApplicationId] = id.split('/');
  return { InstanceId, ApplicationId };
}

describe('check', () => {
  const cases: [string, () => Bag, string][] = [
    ['a missing instanceId', () => ({ ...saml(), instanceId: undefined }), 'instanceId'],
    ['a missing applicationName', () => ({ ...saml(), applicationName: undefined }), 'applicationName'],
    ['an unknown ssoType', () => saml({ ssoType: 'cas' }), 'ssoType'],
    ['a SAML config on an OIDC application', () => oidc({ samlSsoConfig: SAML }), 'samlSsoConfig'],
    ['an OIDC config on a SAML application', () => saml({ oidcSsoConfig: OIDC }), 'oidcSsoConfig'],
    [
      'a template application without template id',
      () => saml({ applicationSourceType: 'urn:alibaba:idaas:app:source:template' }),
      'applicationTemplateId',
    ],
    [
      'a template id on a standard application',
      () => saml({ applicationTemplateId: 'apt_x' }),
      'applicationTemplateId',
    ],
    [
      'a SAML config without ACS URL',
      () => saml({ samlSsoConfig: { spEntityId: 'urn:x' } }),
      'samlSsoConfig.spSsoAcsUrl',
    ],
    [
      'a SAML config signing nothing',
      () => saml({ samlSsoConfig: { ...SAML, assertionSigned: false, responseSigned: false } }),
      'samlSsoConfig.responseSigned',
    ],
    [
      'an OIDC code flow without redirect URI',
      () => oidc({ oidcSsoConfig: { grantScopes: ['openid'] } }),
      'oidcSsoConfig.redirectUris',
    ],
    [
      'app-initiated SAML SSO without URL',
      () => saml({ initLoginType: 'only_app_init_sso' }),
      'initLoginUrl',
    ],
    ['an unknown authorization type', () => saml({ authorizationType: 'everyone' }), 'authorizationType'],
    ['a logo that is not a URL', () => saml({ logoUrl: 'logo.png' }), 'logoUrl'],
    ['a non-boolean enabled', () => saml({ enabled: 'yes' }), 'enabled'],
    [
      'scim2 provisioning without SCIM settings',
      () => saml({ provisioningConfig: { provisionProtocolType: 'scim2' } }),
      'provisioningConfig.scimProvisioningConfig',
    ],
    [
      'callback settings on scim2 provisioning',
      () =>
        saml({
          provisioningConfig: {
            provisionProtocolType: 'scim2',
            callbackProvisioningConfig: { callbackUrl: 'https://x.example.com' },
            scimProvisioningConfig: {
              scimBaseUrl: 'https://scim.example.com',
              authnConfiguration: { grantType: 'bearer_token', authnParam: { accessToken: 't' } },
            },
          },
        }),
      'provisioningConfig.callbackProvisioningConfig',
    ],
    [
      'a bearer-token SCIM grant without token',
      () =>
        saml({
          provisioningConfig: {
            provisionProtocolType: 'scim2',
            scimProvisioningConfig: {
              scimBaseUrl: 'https://scim.example.com',
              authnConfiguration: { grantType: 'bearer_token' },
            },
          },
        }),
      'provisioningConfig.scimProvisioningConfig.authnConfiguration.authnParam.accessToken',
    ],
    [
      'encrypted callbacks without key',
      () =>
        saml({
          provisioningConfig: {
            provisionProtocolType: 'idaas_callback',
            callbackProvisioningConfig: { callbackUrl: 'https://cb.example.com', encryptRequired: true },
          },
        }),
      'provisioningConfig.callbackProvisioningConfig.encryptKey',
    ],
    [
      'an owner list that is not a list',
      () => saml({ applicationOwner: { userIds: 'u1' } }),
      'applicationOwner.userIds',
    ],
  ];

  it.each(cases)('refuses %s, naming the field, without calling the API', async (_name, inputs, property) => {
    h.server.resetCounters();
    const result = await p.check!({}, inputs());
    // A failure on a whole block names it in the reason only (the engine would print the block).
    expect(result.failures?.map((f) => f.property || f.reason.split(' ')[0])).toContain(property);
    for (const f of result.failures ?? []) expect(f.reason).toContain(f.property.split(/[.[]/)[0]);
    expect(h.totalCalls()).toBe(0);
  });

  it('accepts values not known yet (preview)', async () => {
    const result = await p.check!(
      {},
      {
        instanceId: UNKNOWN,
        applicationName: UNKNOWN,
        ssoType: UNKNOWN,
        samlSsoConfig: { spEntityId: UNKNOWN, spSsoAcsUrl: UNKNOWN },
        oidcSsoConfig: UNKNOWN,
        applicationOwner: { userIds: [UNKNOWN] },
      },
    );
    expect(result.failures ?? []).toEqual([]);
  });
});

describe('create and read', () => {
  it('creates a SAML application with every setting and reads it back from the service', async () => {
    const userId = await makeUser(h, 'owner-1');
    const groupId = await makeGroup(h, 'scope-group');
    const { id, outs, news } = await create(
      saml({
        description: 'made by a test',
        logoUrl: 'https://cdn.example.com/logo.png',
        applicationOwner: { userIds: [userId] },
        authorizationType: 'default_all',
        apiInvokeEnabled: true,
        grantScopes: ['urn:alibaba:idaas:scope:user:read_all'],
        initLoginType: 'only_app_init_sso',
        initLoginUrl: 'https://sp.example.com/start',
        samlSsoConfig: { ...SAML, nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' },
        provisioningConfig: {
          provisionProtocolType: 'idaas_callback',
          callbackProvisioningConfig: {
            callbackUrl: 'https://sp.example.com/events',
            encryptRequired: true,
            encryptKey: ENCRYPT_KEY,
          },
        },
        provisioningScope: { groupIds: [groupId] },
        provisioningEnabled: true,
        enabled: false,
      }),
    );
    const t = target(id);
    expect(id).toBe(`${h.instanceId}/${outs.applicationId}`);

    const app = (await h.client.call('GetApplication', t)).Application!;
    expect(app).toMatchObject({
      ApplicationName: 'SAML app',
      Description: 'made by a test',
      LogoUrl: 'https://cdn.example.com/logo.png',
      SsoType: 'saml2',
      Status: 'disabled',
      AuthorizationType: 'default_all',
      ApiInvokeStatus: 'enabled',
    });
    expect(app.ApplicationOwner?.UserIds).toEqual([userId]);
    const sso = (await h.client.call('GetApplicationSsoConfig', t)).ApplicationSsoConfig!;
    expect(sso.InitLoginType).toBe('only_app_init_sso');
    expect(sso.InitLoginUrl).toBe('https://sp.example.com/start');
    expect(sso.SamlSsoConfig).toMatchObject({
      SpSsoAcsUrl: SAML.spSsoAcsUrl,
      NameIdFormat: expect.stringContaining('emailAddress'),
    });
    expect((await h.client.call('GetApplicationGrantScope', t)).ApplicationGrantScope?.GrantScopes).toEqual([
      'urn:alibaba:idaas:scope:user:read_all',
    ]);
    const prov = (await h.client.call('GetApplicationProvisioningConfig', t)).ApplicationProvisioningConfig!;
    expect(prov).toMatchObject({ Status: 'enabled', ProvisionProtocolType: 'idaas_callback' });
    expect(
      (await h.client.call('GetApplicationProvisioningScope', t)).ApplicationProvisioningScope?.GroupIds,
    ).toEqual([groupId]);

    expect(outs).toMatchObject({
      clientId: app.ClientId,
      status: 'disabled',
      enabled: false,
      samlMetaEndpoint: sso.ProtocolEndpointDomain?.SamlMetaEndpoint,
    });
    expect(outs.samlIdpEntityId).toBe(sso.SamlSsoConfig?.IdPEntityId);
    // The provisioning key is masked by the service but kept in plain text (as a secret) in the outputs.
    expect(prov.CallbackProvisioningConfig?.EncryptKey).toContain('*');
    expect((outs.provisioningConfig as Bag).callbackProvisioningConfig).toMatchObject({
      encryptKey: ENCRYPT_KEY,
    });
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: false, replaces: [] });
  });

  it('creates an OIDC application and outputs its protocol endpoints and client id', async () => {
    const { id, outs } = await create(oidc());
    const sso = (await h.client.call('GetApplicationSsoConfig', target(id))).ApplicationSsoConfig!;
    const endpoints = sso.ProtocolEndpointDomain!;
    expect(outs).toMatchObject({
      oidcIssuer: endpoints.OidcIssuer,
      oidcJwksEndpoint: endpoints.OidcJwksEndpoint,
      oauth2AuthorizationEndpoint: endpoints.Oauth2AuthorizationEndpoint,
      oauth2TokenEndpoint: endpoints.Oauth2TokenEndpoint,
      oauth2UserinfoEndpoint: endpoints.Oauth2UserinfoEndpoint,
    });
    expect(outs.oidcIssuer).toMatch(/^https:\/\//);
    expect(outs.clientId).toBeTruthy();
    // Service defaults (token lifetimes, scopes, AllowedPublicClient as a string) do not show as
    // changes: the recorded block keeps the declared keys only. A read that declares nothing (an
    // import) reports the block in full.
    expect(outs.oidcSsoConfig).not.toHaveProperty('accessTokenEffectiveTime');
    const full = await p.read!(id, { instanceId: outs.instanceId, __provider: 'test' });
    expect((full.props!.oidcSsoConfig as Bag).accessTokenEffectiveTime).toBe(1200);
    expect((full.props!.oidcSsoConfig as Bag).allowedPublicClient).toBe(false);
  });

  it('reads live outputs and the inputs to record, with no diff when nothing changed', async () => {
    const { id, outs, news } = await create(saml({ description: 'read me' }));
    const read = await p.read!(id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toEqual(outs);
    expect(read.inputs).toMatchObject({ applicationName: 'SAML app', description: 'read me' });
    expect(read.inputs).not.toHaveProperty('provisioningConfig');
    expect(await p.diff!(id, read.props, news)).toMatchObject({ changes: false });

    // On import only the declared inputs arrive; only they are reported back.
    const imported = await p.read!(id, {
      instanceId: h.instanceId,
      applicationName: 'SAML app',
      ssoType: 'saml2',
    });
    expect(Object.keys(imported.inputs ?? {}).sort()).toEqual(['applicationName', 'instanceId', 'ssoType']);
  });
});

describe('update in place', () => {
  let id: string;
  let outs: Bag;
  let news: Bag;
  let clientId: unknown;

  beforeAll(async () => {
    ({ id, outs, news } = await create(saml()));
    clientId = outs.clientId;
  });

  const get = async () => (await h.client.call('GetApplication', target(id))).Application!;
  const sso = async () => (await h.client.call('GetApplicationSsoConfig', target(id))).ApplicationSsoConfig!;

  const steps: [string, () => Promise<Bag>, () => Promise<void>][] = [
    [
      'applicationName',
      async () => ({ applicationName: 'Renamed' }),
      async () => expect((await get()).ApplicationName).toBe('Renamed'),
    ],
    [
      'logoUrl',
      async () => ({ logoUrl: 'https://cdn.example.com/new.png' }),
      async () => expect((await get()).LogoUrl).toBe('https://cdn.example.com/new.png'),
    ],
    [
      'applicationOwner',
      async () => ({ applicationOwner: { userIds: [await makeUser(h, 'owner-2')] } }),
      async () => expect((await get()).ApplicationOwner?.UserIds).toHaveLength(1),
    ],
    [
      'description',
      async () => ({ description: 'now described' }),
      async () => expect((await get()).Description).toBe('now described'),
    ],
    [
      'description (cleared)',
      async () => ({ description: '' }),
      async () => expect((await get()).Description).toBeUndefined(),
    ],
    ['enabled', async () => ({ enabled: false }), async () => expect((await get()).Status).toBe('disabled')],
    [
      'authorizationType',
      async () => ({ authorizationType: 'default_all' }),
      async () => expect((await get()).AuthorizationType).toBe('default_all'),
    ],
    [
      'apiInvokeEnabled',
      async () => ({ apiInvokeEnabled: true }),
      async () => expect((await get()).ApiInvokeStatus).toBe('enabled'),
    ],
    [
      'grantScopes',
      async () => ({ grantScopes: ['urn:alibaba:idaas:scope:group:read_all'] }),
      async () =>
        expect(
          (await h.client.call('GetApplicationGrantScope', target(id))).ApplicationGrantScope?.GrantScopes,
        ).toEqual(['urn:alibaba:idaas:scope:group:read_all']),
    ],
    [
      'initLoginType',
      async () => ({ initLoginType: 'only_app_init_sso', initLoginUrl: 'https://sp.example.com/login' }),
      async () =>
        expect(await sso()).toMatchObject({
          InitLoginType: 'only_app_init_sso',
          InitLoginUrl: 'https://sp.example.com/login',
        }),
    ],
    [
      'initLoginUrl',
      async () => ({ initLoginUrl: 'https://sp.example.com/login2' }),
      async () => expect((await sso()).InitLoginUrl).toBe('https://sp.example.com/login2'),
    ],
    [
      'samlSsoConfig',
      async () => ({
        samlSsoConfig: {
          ...SAML,
          spSsoAcsUrl: 'https://sp.example.com/acs2',
          defaultRelayState: 'https://sp.example.com/',
        },
      }),
      async () =>
        expect((await sso()).SamlSsoConfig).toMatchObject({ SpSsoAcsUrl: 'https://sp.example.com/acs2' }),
    ],
    [
      'provisioningConfig',
      async () => ({
        provisioningConfig: {
          provisionProtocolType: 'scim2',
          scimProvisioningConfig: {
            scimBaseUrl: 'https://scim.example.com/v2',
            authnConfiguration: {
              grantType: 'bearer_token',
              authnParam: { accessToken: 'token-0123456789' },
            },
          },
        },
      }),
      async () =>
        expect(
          (await h.client.call('GetApplicationProvisioningConfig', target(id))).ApplicationProvisioningConfig,
        ).toMatchObject({
          ProvisionProtocolType: 'scim2',
          ScimProvisioningConfig: { ScimBaseUrl: 'https://scim.example.com/v2' },
        }),
    ],
    [
      'provisioningEnabled',
      async () => ({ provisioningEnabled: true }),
      async () =>
        expect(
          (await h.client.call('GetApplicationProvisioningConfig', target(id))).ApplicationProvisioningConfig
            ?.Status,
        ).toBe('enabled'),
    ],
    [
      'provisioningScope',
      async () => ({ provisioningScope: { organizationalUnitIds: [await makeOu(h, 'Provisioned')] } }),
      async () =>
        expect(
          (await h.client.call('GetApplicationProvisioningScope', target(id))).ApplicationProvisioningScope
            ?.OrganizationalUnitIds,
        ).toHaveLength(1),
    ],
    [
      'enabled (again)',
      async () => ({ enabled: true }),
      async () => expect((await get()).Status).toBe('enabled'),
    ],
  ];

  it.each(steps)('updates %s in place and the service reports it', async (name, change, verify) => {
    const next = await checkedInputs(p, { ...news, ...(await change()) });
    const diff = await p.diff!(id, outs, next);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    expect(changedFields(APPLICATION_DIFF, outs, next).map((c) => c.property)).toContain(name.split(' ')[0]);
    outs = (await p.update!(id, outs, next)).outs as Bag;
    news = next;
    await verify();
    expect(outs.clientId).toBe(clientId);
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: false });
  });

  it('refuses to remove every owner (the API cannot express an empty owner list), naming the step', async () => {
    const next = await checkedInputs(p, { ...news, applicationOwner: { userIds: [], groupIds: [] } });
    await expect(p.update!(id, outs, next)).rejects.toThrow(
      /updating the application info failed: the API cannot remove every owner/,
    );
    expect((await get()).ApplicationOwner?.UserIds).toHaveLength(1);
  });

  it('updates the OIDC configuration of an OIDC application', async () => {
    const app = await create(oidc());
    const next = await checkedInputs(p, {
      ...app.news,
      oidcSsoConfig: { ...OIDC, redirectUris: ['https://rp.example.com/cb2'], pkceRequired: true },
    });
    expect(await p.diff!(app.id, app.outs, next)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await p.update!(app.id, app.outs, next)).outs as Bag;
    const live = (await h.client.call('GetApplicationSsoConfig', target(app.id))).ApplicationSsoConfig!
      .OidcSsoConfig!;
    expect(live).toMatchObject({ RedirectUris: ['https://rp.example.com/cb2'], PkceRequired: true });
    expect(await p.diff!(app.id, updated, next)).toMatchObject({ changes: false });
  });
});

describe('replacement', () => {
  let id: string;
  let outs: Bag;
  let news: Bag;
  beforeAll(async () => ({ id, outs, news } = await create(saml())));

  it.each([
    ['ssoType', { ssoType: 'oidc', samlSsoConfig: undefined }],
    [
      'applicationSourceType',
      { applicationSourceType: 'urn:alibaba:idaas:app:source:template', applicationTemplateId: 'apt_x' },
    ],
    ['applicationTemplateId', { applicationTemplateId: 'apt_other' }],
    ['applicationIdentityType', { applicationIdentityType: 'agent' }],
    ['instanceId', { instanceId: 'idaas_other' }],
  ])('replaces the application when %s changes', async (property, change) => {
    const diff = await p.diff!(id, outs, { ...news, ...change });
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toContain(property);
  });

  it('never replaces on a rename (the client id must survive)', async () => {
    expect(await p.diff!(id, outs, { ...news, applicationName: 'Other name' })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it('reports a change, not a replacement, for a value not known yet', async () => {
    expect(await p.diff!(id, outs, { ...news, description: UNKNOWN })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });
});

describe('delete', () => {
  it('deletes the application, and succeeds when it is already gone', async () => {
    const { id, outs } = await create(saml());
    await p.delete!(id, outs);
    const gone = await h.client.call('GetApplication', target(id)).catch((e: unknown) => e);
    expect(isNotFound(gone)).toBe(true);
    await expect(p.delete!(id, outs)).resolves.toBeUndefined();
    expect(await p.read!(id, outs)).toEqual({});
  });
});

describe('a failure after CreateApplication', () => {
  it('records the application (id and live properties) so nothing is orphaned', async () => {
    const before = await applicationIds(h);
    // Enabling provisioning needs a provisioning configuration: the service refuses that step.
    const news = await checkedInputs(
      p,
      saml({ applicationName: 'Half made', description: 'x', provisioningEnabled: true }),
    );
    const err = await p.create(news).then(
      () => undefined,
      (e: unknown) => e as Error & { id?: string; properties?: Bag },
    );
    expect(err).toBeInstanceOf(Error);
    expect(err?.message).toMatch(/was created but enabling provisioning failed/);
    const after = await applicationIds(h);
    const made = after.filter((a) => !before.includes(a));
    expect(made).toHaveLength(1);
    expect(err?.id).toBe(`${h.instanceId}/${made[0]}`);
    // The recorded properties are the live state: the next `pulumi up` sees what is missing.
    expect(err?.properties).toMatchObject({
      applicationId: made[0],
      provisioningEnabled: false,
      description: 'x',
    });
    expect(changedFields(APPLICATION_DIFF, err!.properties!, news).map((c) => c.property)).toEqual([
      'provisioningEnabled',
    ]);
    // And `pulumi destroy` (delete with the recorded state) leaves nothing behind.
    await p.delete!(err!.id!, err!.properties!);
    expect(await applicationIds(h)).toEqual(before);
  });
});

describe('secrets', () => {
  it('marks no output secret as a whole: the provisioning keys and tokens are secret leaf by leaf', () => {
    expect(Application.secretOutputs).toEqual([]);
    expect(SECRET_INPUT_PATHS.map((p) => p.join('.'))).toEqual([
      'provisioningConfig.callbackProvisioningConfig.encryptKey',
      'provisioningConfig.scimProvisioningConfig.authnConfiguration.authnParam.accessToken',
      'provisioningConfig.scimProvisioningConfig.authnConfiguration.authnParam.clientSecret',
    ]);
  });

  it('keeps the plain SCIM token across reads while the service masks it', async () => {
    const token = 'scim-token-ABCDEFGHIJ';
    const { id, outs, news } = await create(
      saml({
        provisioningConfig: {
          provisionProtocolType: 'scim2',
          scimProvisioningConfig: {
            scimBaseUrl: 'https://scim.example.com/v2',
            authnConfiguration: { grantType: 'bearer_token', authnParam: { accessToken: token } },
          },
        },
      }),
    );
    const path = (o: Bag) =>
      (
        (((o.provisioningConfig as Bag).scimProvisioningConfig as Bag).authnConfiguration as Bag)
          .authnParam as Bag
      ).accessToken;
    expect(path(outs)).toBe(token);
    const read = await p.read!(id, outs);
    expect(path(read.props as Bag)).toBe(token);
    expect(await p.diff!(id, read.props, news)).toMatchObject({ changes: false });
  });
});
