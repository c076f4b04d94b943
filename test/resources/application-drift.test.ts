/**
 * Drift matrix of `Application`: each managed attribute is changed through the API behind the
 * provider's back; a refresh (read) must show it, diff must report exactly that attribute as an
 * in-place update, and an update must put the declared value back.
 */
import { applicationProvider as p, APPLICATION_DIFF } from '../../src/resources/application';
import { attributeDrifts } from '../../src/drift/report';
import { changedFields } from '../../src/resources/provider-kit';
import { checkedInputs, makeGroup, makeUser, startHarness, type Harness } from './harness';

type Bag = Record<string, unknown>;
type Target = { InstanceId: string; ApplicationId: string };

let h: Harness;
const SAML = { SpEntityId: 'urn:example:drift', SpSsoAcsUrl: 'https://sp.example.com/acs' };
const KEY = 'b2'.repeat(32);
const OTHER_KEY = 'c3'.repeat(32);

interface Managed {
  id: string;
  target: Target;
  news: Bag;
  outs: Bag;
}
let samlApp: Managed;
let oidcApp: Managed;

async function manage(inputs: Bag): Promise<Managed> {
  const news = await checkedInputs(p, inputs);
  const res = await p.create(news);
  const [InstanceId, ApplicationId] = res.id.split('/');
  return { id: res.id, target: { InstanceId, ApplicationId }, news, outs: res.outs as Bag };
}

beforeAll(async () => {
  h = await startHarness();
  await h.configure(p);
  const owner = await makeUser(h, 'drift-owner');
  const group = await makeGroup(h, 'drift-group');
  samlApp = await manage({
    instanceId: h.instanceId,
    applicationName: 'Drift SAML',
    ssoType: 'saml2',
    description: 'declared',
    logoUrl: 'https://cdn.example.com/declared.png',
    applicationOwner: { userIds: [owner] },
    enabled: true,
    authorizationType: 'authorize_required',
    apiInvokeEnabled: true,
    grantScopes: ['urn:alibaba:idaas:scope:user:read_all'],
    initLoginType: 'idaas_or_app_init_sso',
    initLoginUrl: 'https://sp.example.com/start',
    samlSsoConfig: { spEntityId: SAML.SpEntityId, spSsoAcsUrl: SAML.SpSsoAcsUrl },
    provisioningConfig: {
      provisionProtocolType: 'idaas_callback',
      callbackProvisioningConfig: {
        callbackUrl: 'https://sp.example.com/events',
        encryptRequired: true,
        encryptKey: KEY,
      },
    },
    provisioningScope: { groupIds: [group] },
    provisioningEnabled: true,
  });
  oidcApp = await manage({
    instanceId: h.instanceId,
    applicationName: 'Drift OIDC',
    ssoType: 'oidc',
    oidcSsoConfig: { grantTypes: ['authorization_code'], redirectUris: ['https://rp.example.com/cb'] },
  });
});
afterAll(() => h.stop());

const callback = (url: string, key: string) => ({
  ProvisionProtocolType: 'idaas_callback',
  CallbackProvisioningConfig: { CallbackUrl: url, EncryptRequired: true, EncryptKey: key },
});

/** [attribute, which application, the change made behind the provider's back]. */
const matrix: [string, () => Managed, (t: Target) => Promise<unknown>][] = [
  [
    'applicationName',
    () => samlApp,
    (t) => h.client.call('UpdateApplicationInfo', { ...t, ApplicationName: 'Renamed elsewhere' }),
  ],
  [
    'logoUrl',
    () => samlApp,
    (t) => h.client.call('UpdateApplicationInfo', { ...t, LogoUrl: 'https://elsewhere.example.com/l.png' }),
  ],
  [
    'applicationOwner',
    () => samlApp,
    async (t) =>
      h.client.call('UpdateApplicationInfo', {
        ...t,
        ApplicationOwner: { UserIds: [await makeUser(h, 'someone-else')] },
      }),
  ],
  [
    'description',
    () => samlApp,
    (t) => h.client.call('UpdateApplicationDescription', { ...t, Description: 'edited elsewhere' }),
  ],
  ['enabled', () => samlApp, (t) => h.client.call('DisableApplication', t)],
  [
    'authorizationType',
    () => samlApp,
    (t) => h.client.call('UpdateApplicationAuthorizationType', { ...t, AuthorizationType: 'default_all' }),
  ],
  ['apiInvokeEnabled', () => samlApp, (t) => h.client.call('DisableApplicationApiInvoke', t)],
  [
    'grantScopes',
    () => samlApp,
    (t) =>
      h.client.call('SetApplicationGrantScope', {
        ...t,
        GrantScopes: ['urn:alibaba:idaas:scope:user:manage_all'],
      }),
  ],
  [
    'initLoginType',
    () => samlApp,
    (t) =>
      h.client.call('SetApplicationSsoConfig', {
        ...t,
        InitLoginType: 'only_app_init_sso',
        InitLoginUrl: 'https://sp.example.com/start',
      }),
  ],
  [
    'initLoginUrl',
    () => samlApp,
    (t) => h.client.call('SetApplicationSsoConfig', { ...t, InitLoginUrl: 'https://sp.example.com/other' }),
  ],
  [
    'samlSsoConfig',
    () => samlApp,
    (t) =>
      h.client.call('SetApplicationSsoConfig', {
        ...t,
        SamlSsoConfig: { ...SAML, SpSsoAcsUrl: 'https://sp.example.com/moved' },
      }),
  ],
  ['provisioningEnabled', () => samlApp, (t) => h.client.call('DisableApplicationProvisioning', t)],
  [
    'provisioningConfig',
    () => samlApp,
    (t) =>
      h.client.call('SetApplicationProvisioningConfig', {
        ...t,
        ...callback('https://sp.example.com/moved', KEY),
      }),
  ],
  [
    'provisioningConfig (key rotated elsewhere)',
    () => samlApp,
    (t) =>
      h.client.call('SetApplicationProvisioningConfig', {
        ...t,
        ...callback('https://sp.example.com/events', OTHER_KEY),
      }),
  ],
  [
    'provisioningScope',
    () => samlApp,
    (t) => h.client.call('SetApplicationProvisioningScope', { ...t, GroupIds: [] }),
  ],
  [
    'oidcSsoConfig',
    () => oidcApp,
    (t) =>
      h.client.call('SetApplicationSsoConfig', {
        ...t,
        OidcSsoConfig: { GrantTypes: ['authorization_code'], RedirectUris: ['https://evil.example.com/cb'] },
      }),
  ],
];

describe('drift', () => {
  it('shows no change when nothing was changed elsewhere', async () => {
    for (const app of [samlApp, oidcApp]) {
      const read = await p.read!(app.id, app.outs);
      expect(changedFields(APPLICATION_DIFF, read.props, app.news)).toEqual([]);
      expect(await p.diff!(app.id, read.props, app.news)).toMatchObject({ changes: false, replaces: [] });
    }
  });

  it.each(matrix)('detects %s changed elsewhere, and an update puts it back', async (name, pick, change) => {
    const app = pick();
    const attribute = name.split(' ')[0];
    await change(app.target);

    const read = await p.read!(app.id, app.outs);
    expect(changedFields(APPLICATION_DIFF, read.props, app.news).map((c) => c.property)).toEqual([attribute]);
    expect(await p.diff!(app.id, read.props, app.news)).toMatchObject({ changes: true, replaces: [] });
    // What a plan shows (recorded inputs against declared ones): that attribute and nothing
    // else, nested settings as their changed leaves; a rotated key is a secret, shown masked.
    const shown = attributeDrifts(read.inputs as Bag, app.news);
    const secretOnly = name.includes('key rotated');
    expect([...new Set(shown.map((a) => a.path.split('.')[0]))]).toEqual(secretOnly ? [] : [attribute]);
    expect(shown.length).toBe(secretOnly ? 0 : 1);

    app.outs = (await p.update!(app.id, read.props, app.news)).outs as Bag;
    const again = await p.read!(app.id, app.outs);
    expect(changedFields(APPLICATION_DIFF, again.props, app.news)).toEqual([]);
  });

  it('ignores changes to settings the program does not declare (service defaults stay unmanaged)', async () => {
    await h.client.call('SetApplicationSsoConfig', {
      ...samlApp.target,
      SamlSsoConfig: { ...SAML, NameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' },
    });
    await h.client.call('SetApplicationSsoConfig', {
      ...oidcApp.target,
      OidcSsoConfig: {
        GrantTypes: ['authorization_code'],
        RedirectUris: ['https://rp.example.com/cb'],
        AccessTokenEffectiveTime: 600,
      },
    });
    for (const app of [samlApp, oidcApp]) {
      const read = await p.read!(app.id, app.outs);
      expect(await p.diff!(app.id, read.props, app.news)).toMatchObject({ changes: false });
    }
  });
});
