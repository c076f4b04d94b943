/**
 * The IdentityProvider provider against the local server: lifecycle, in-place updates,
 * replacements, drift of every attribute the service reports, masked secrets, import, check
 * failures without API calls (secrets never in a message), partial failure, idempotent delete.
 */
import {
  identityProviderProvider,
  type IdentityProviderOutputs,
} from '../../src/resources/identity-provider';
import { DECLARED_INPUTS } from '../../src/resources/provider-kit';
import {
  checkedInputs,
  createVia,
  diffVia,
  expectPartialFailure,
  PROVIDER_ENTRY,
  recordedFor,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

const LDAP = 'urn:alibaba:idaas:idp:unknown:ldap:pull';
const OIDC = 'urn:alibaba:idaas:idp:standard:oidc';
const DINGTALK_PULL = 'urn:alibaba:idaas:idp:alibaba:dingtalk:pull';
const DINGTALK_PUSH = 'urn:alibaba:idaas:idp:alibaba:dingtalk:push';
const BIND_PASSWORD = 'bind-password-that-never-leaks';
const APP_SECRET = 'dingtalk-secret-that-never-leaks';

let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(identityProviderProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

type Bag = Record<string, unknown>;

async function makeOu(name = `ou-${++serial}`): Promise<string> {
  const res = await h.client.call('CreateOrganizationalUnit', {
    InstanceId: h.instanceId,
    ParentId: h.rootOuId,
    OrganizationalUnitName: name,
  });
  return res.OrganizationalUnitId!;
}

async function live(idp: string) {
  return (await h.client.call('GetIdentityProvider', { InstanceId: h.instanceId, IdentityProviderId: idp }))
    .IdentityProviderDetail!;
}

function ldapInputs(extra: Bag = {}): Bag {
  return {
    instanceId: h.instanceId,
    identityProviderName: `ldap-${++serial}`,
    identityProviderType: LDAP,
    ldapConfig: {
      ldapServerHost: '10.0.0.5',
      ldapServerPort: 636,
      ldapProtocol: 'ldaps',
      administratorUsername: 'cn=admin,dc=example,dc=com',
      administratorPassword: BIND_PASSWORD,
    },
    ...extra,
  };
}

function dingtalkInputs(extra: Bag = {}, type = DINGTALK_PULL): Bag {
  return {
    instanceId: h.instanceId,
    identityProviderName: `ding-${++serial}`,
    identityProviderType: type,
    dingtalkAppConfig: { appKey: 'dingkey', appSecret: APP_SECRET, corpId: 'corp-1' },
    ...extra,
  };
}

/** The inputs of a created provider, as a program that declared them would pass them again. */
function inputsOf(created: Created<IdentityProviderOutputs>, names?: readonly string[]): Bag {
  const outs = created.outs as unknown as Bag;
  const declared = (names ?? outs[DECLARED_INPUTS]) as string[];
  return Object.fromEntries(declared.filter((n) => outs[n] !== undefined).map((n) => [n, outs[n]]));
}

async function failuresOf(news: Bag): Promise<{ property: string; reason: string }[]> {
  const result = await identityProviderProvider.check!({}, { ...news, __provider: PROVIDER_ENTRY });
  return result.failures ?? [];
}

describe('IdentityProvider', () => {
  test('create makes an LDAP provider with its authentication and synchronization settings', async () => {
    const ou = await makeOu();
    const created = await createVia<IdentityProviderOutputs>(
      identityProviderProvider,
      ldapInputs({
        authnEnabled: true,
        autoCreateUserConfig: { autoCreateUserStatus: 'enabled', targetOrganizationalUnitIds: [ou] },
        ldapAuthnConfig: { userLoginIdentifier: 'mail' },
        udPullConfig: {
          incrementalCallbackStatus: 'enabled',
          udSyncScopeConfig: { targetScope: ou, sourceScopes: ['ou=staff,dc=example,dc=com'] },
          ldapUdPullConfig: { userObjectClass: 'inetOrgPerson' },
        },
        udPullEnabled: true,
        udPushConfig: {
          udSyncScopeConfigs: [{ sourceScopes: [ou], targetScope: 'ou=eiam,dc=example,dc=com' }],
        },
      }),
    );
    expect(created.id).toBe(`${h.instanceId}/${created.outs.identityProviderId}`);
    expect(created.outs).toMatchObject({
      identityProviderType: LDAP,
      authnEnabled: true,
      udPullEnabled: true,
      udPushStatus: 'enabled',
      ldapConfig: { ldapServerPort: 636, administratorPassword: BIND_PASSWORD },
      udPullConfig: { udSyncScopeConfig: { targetScope: ou } },
      autoCreateUserConfig: { targetOrganizationalUnitIds: [ou] },
    });
    const got = await live(created.outs.identityProviderId);
    expect(got).toMatchObject({ AuthnStatus: 'enabled', UdPullStatus: 'enabled' });
    expect(got.LdapConfig?.AdministratorPassword).not.toBe(BIND_PASSWORD);
    // The target unit is referenced: deleting it clears the target and stops the pull.
    const noDiff = await diffVia(identityProviderProvider, created, inputsOf(created));
    expect(noDiff).toMatchObject({ changes: false, replaces: [] });
  });

  test('no diff when nothing changed; unset optional inputs are not managed; masked secrets refresh unchanged', async () => {
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, ldapInputs());
    const declared = inputsOf(created, [
      'instanceId',
      'identityProviderName',
      'identityProviderType',
      'ldapConfig',
    ]);
    expect(await diffVia(identityProviderProvider, created, declared)).toMatchObject({ changes: false });
    const read = await refreshVia(identityProviderProvider, created);
    expect((read.props as unknown as Bag).ldapConfig).toMatchObject({ administratorPassword: BIND_PASSWORD });
    const refreshed = { id: created.id, outs: read.props! };
    expect(await diffVia(identityProviderProvider, recordedFor(refreshed, declared), declared)).toMatchObject(
      {
        changes: false,
      },
    );
  });

  test.each([
    ['identityProviderName', () => `renamed-${++serial}`, (d: Bag) => d.IdentityProviderName],
    ['logoUrl', () => 'https://cdn.example.com/ldap.png', (d: Bag) => d.LogoUrl],
    ['networkAccessEndpointId', () => 'nae_branchoffice', (d: Bag) => d.NetworkAccessEndpointId],
    ['authnEnabled', () => true, (d: Bag) => d.AuthnStatus === 'enabled'],
  ])('a change of %s updates the provider in place', async (name, value, liveValue) => {
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, ldapInputs());
    const v = value();
    const updated = await updateVia(identityProviderProvider, created, {
      ...inputsOf(created),
      [name]: v,
    });
    expect((updated.outs as unknown as Bag)[name]).toEqual(v);
    expect(liveValue((await live(created.outs.identityProviderId)) as Bag)).toEqual(v);
  });

  test('block, synchronization and switch changes update in place', async () => {
    const ou = await makeOu();
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, ldapInputs());
    const base = inputsOf(created);
    const updated = await updateVia(identityProviderProvider, created, {
      ...base,
      ldapConfig: {
        ...(base.ldapConfig as Bag),
        ldapServerPort: 389,
        ldapProtocol: 'ldap',
        startTlsStatus: 'enabled',
      },
      udPullConfig: { groupSyncStatus: 'enabled', udSyncScopeConfig: { targetScope: ou } },
      udPullEnabled: true,
      udPushConfig: { udSyncScopeConfigs: [{ targetScope: 'ou=x' }] },
      bindingConfig: { mappingBindingStatus: 'enabled' },
    });
    const got = await live(created.outs.identityProviderId);
    expect(got.LdapConfig).toMatchObject({
      LdapServerPort: 389,
      LdapProtocol: 'ldap',
      StartTlsStatus: 'enabled',
    });
    expect(got.UdPullStatus).toBe('enabled');
    expect(updated.outs.udPullConfig).toMatchObject({
      groupSyncStatus: 'enabled',
      udSyncScopeConfig: { targetScope: ou },
    });
    // Turning inbound synchronization off again.
    await updateVia(identityProviderProvider, updated, {
      ...inputsOf(updated),
      udPullEnabled: false,
    });
    expect((await live(created.outs.identityProviderId)).UdPullStatus).toBe('disabled');
  });

  test('the DingTalk advanced ability switches in place', async () => {
    const created = await createVia<IdentityProviderOutputs>(
      identityProviderProvider,
      dingtalkInputs({ advancedEnabled: true }),
    );
    expect((await live(created.outs.identityProviderId)).AdvancedStatus).toBe('enabled');
    await updateVia(identityProviderProvider, created, {
      ...inputsOf(created),
      advancedEnabled: false,
    });
    expect((await live(created.outs.identityProviderId)).AdvancedStatus).toBe('disabled');
  });

  test('a change of type, instance or an immutable block field asks for a replacement', async () => {
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, dingtalkInputs());
    const base = inputsOf(created);
    expect(
      await diffVia(identityProviderProvider, created, { ...base, identityProviderType: DINGTALK_PUSH }),
    ).toMatchObject({ changes: true, replaces: ['identityProviderType'], deleteBeforeReplace: true });
    const corp = await diffVia(identityProviderProvider, created, {
      ...base,
      dingtalkAppConfig: { ...(base.dingtalkAppConfig as Bag), corpId: 'corp-2' },
    });
    expect(corp).toMatchObject({ changes: true, replaces: ['dingtalkAppConfig'] });
    const key = await diffVia(identityProviderProvider, created, {
      ...base,
      dingtalkAppConfig: { ...(base.dingtalkAppConfig as Bag), appKey: 'other-key' },
    });
    expect(key).toMatchObject({ changes: true, replaces: [] });
  });

  test('refresh reports out-of-band changes of every reported attribute as drift', async () => {
    const ou = await makeOu();
    const created = await createVia<IdentityProviderOutputs>(
      identityProviderProvider,
      ldapInputs({
        logoUrl: 'https://cdn.example.com/a.png',
        networkAccessEndpointId: 'nae_first',
        authnEnabled: false,
        udPullConfig: { udSyncScopeConfig: { targetScope: ou } },
        udPullEnabled: false,
        udPushConfig: { udSyncScopeConfigs: [{ targetScope: 'ou=a' }] },
      }),
    );
    const ou2 = await makeOu();
    const idp = created.outs.identityProviderId;
    const key = { InstanceId: h.instanceId, IdentityProviderId: idp };
    await h.client.call('UpdateIdentityProvider', {
      ...key,
      IdentityProviderName: `drifted-${++serial}`,
      LogoUrl: 'https://cdn.example.com/b.png',
      NetworkAccessEndpointId: 'nae_second',
      LdapConfig: { LdapServerPort: 1636, AdministratorPassword: 'changed-by-someone-else' },
    });
    await h.client.call('EnableIdentityProviderAuthn', key);
    await h.client.call('SetIdentityProviderUdPullConfiguration', {
      ...key,
      IncrementalCallbackStatus: 'enabled',
      UdSyncScopeConfig: { TargetScope: ou2 },
    });
    await h.client.call('EnableIdentityProviderUdPull', key);
    await h.client.call('SetIdentityProviderUdPushConfiguration', {
      ...key,
      IncrementalCallbackStatus: 'disabled',
      UdSyncScopeConfigs: [{ TargetScope: 'ou=b' }],
    });
    const read = await refreshVia(identityProviderProvider, created);
    const props = read.props as unknown as Bag;
    expect(props).toMatchObject({
      identityProviderName: expect.stringMatching(/^drifted-/),
      logoUrl: 'https://cdn.example.com/b.png',
      networkAccessEndpointId: 'nae_second',
      authnEnabled: true,
      udPullEnabled: true,
      udPullConfig: { udSyncScopeConfig: { targetScope: ou2 } },
      udPushConfig: { udSyncScopeConfigs: [{ targetScope: 'ou=b' }] },
    });
    const ldap = props.ldapConfig as Bag;
    expect(ldap.ldapServerPort).toBe(1636);
    // The secret changed elsewhere: its mask no longer agrees, so the masked value shows the drift.
    expect(ldap.administratorPassword).not.toBe(BIND_PASSWORD);
    expect(ldap.administratorPassword).toMatch(/\*/);
    const refreshed = { id: created.id, outs: read.props! };
    const declared = inputsOf(created);
    const diff = await diffVia(identityProviderProvider, refreshed, declared);
    expect(diff.changes).toBe(true);
    const repaired = await updateVia(identityProviderProvider, refreshed, declared);
    expect(repaired.outs).toMatchObject({
      logoUrl: 'https://cdn.example.com/a.png',
      authnEnabled: false,
      udPullEnabled: false,
    });
    expect((await live(idp)).LdapConfig?.LdapServerPort).toBe(636);
  });

  test('import: read with only the id and the declared inputs', async () => {
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, ldapInputs());
    const declared = inputsOf(created, [
      'instanceId',
      'identityProviderName',
      'identityProviderType',
      'ldapConfig',
    ]);
    const read = await identityProviderProvider.read!(created.id, declared);
    expect(read.props).toMatchObject({
      identityProviderId: created.outs.identityProviderId,
      ldapConfig: { administratorPassword: BIND_PASSWORD },
    });
    expect(Object.keys(read.inputs ?? {}).sort()).toEqual(Object.keys(declared).sort());
    await expect(
      identityProviderProvider.read!(created.id, { instanceId: 'idaas_someoneelse' }),
    ).rejects.toThrow(/instanceId/);
    await expect(identityProviderProvider.read!('not-an-id', {})).rejects.toThrow(/IdentityProvider/);
  });

  test('delete removes it; deleting again is a no-op and a refresh finds it gone', async () => {
    const created = await createVia<IdentityProviderOutputs>(identityProviderProvider, dingtalkInputs());
    await identityProviderProvider.delete!(created.id, created.outs);
    await expect(live(created.outs.identityProviderId)).rejects.toMatchObject({
      code: 'EntityNotExists.IdentityProvider',
    });
    await identityProviderProvider.delete!(created.id, created.outs);
    expect(await refreshVia(identityProviderProvider, created)).toEqual({});
  });

  test('a failing follow-up step records the provider (partial failure)', async () => {
    const news = await checkedInputs(
      identityProviderProvider,
      ldapInputs({ udPullConfig: { udSyncScopeConfig: { targetScope: 'ou_doesnotexist' } } }),
    );
    const failure = await expectPartialFailure(
      identityProviderProvider.create({ ...news, __provider: PROVIDER_ENTRY }),
    );
    expect(failure.id).toMatch(new RegExp(`^${h.instanceId}/idp_`));
    expect(failure.message).toMatch(/inbound synchronization/);
    expect(failure.message).not.toContain(BIND_PASSWORD);
    await identityProviderProvider.delete!(failure.id, failure.properties);
  });

  test('check names the field of each broken rule, never a secret, and calls nothing', async () => {
    const cases: [Bag, string][] = [
      [ldapInputs({ ldapConfig: undefined }), 'ldapConfig'],
      [
        ldapInputs({ dingtalkAppConfig: { appKey: 'k', appSecret: APP_SECRET, corpId: 'c' } }),
        'dingtalkAppConfig',
      ],
      [
        ldapInputs({
          ldapConfig: { ldapServerHost: 'h', ldapServerPort: 389, administratorUsername: 'cn=a' },
        }),
        'ldapConfig.administratorPassword',
      ],
      [
        ldapInputs({
          ldapConfig: {
            ldapServerHost: 'h',
            ldapServerPort: 70000,
            administratorUsername: 'cn=a',
            administratorPassword: BIND_PASSWORD,
          },
        }),
        'ldapConfig.ldapServerPort',
      ],
      [
        {
          instanceId: h.instanceId,
          identityProviderName: 'sso',
          identityProviderType: OIDC,
          oidcConfig: {
            authnParam: { clientId: 'c', clientSecret: 'oidc-client-secret-xyz' },
            endpointConfig: {
              issuer: 'https://i.example.com',
              authorizationEndpoint: 'https://i.example.com/a',
            },
          },
          udPullConfig: { incrementalCallbackStatus: 'enabled' },
        },
        'udPullConfig',
      ],
      [dingtalkInputs({ authnEnabled: true }, DINGTALK_PUSH), 'authnEnabled'],
      [ldapInputs({ advancedEnabled: true }), 'advancedEnabled'],
      [ldapInputs({ udPullEnabled: true }), 'udPullEnabled'],
      [
        ldapInputs({ autoCreateUserConfig: { autoCreateUserStatus: 'enabled' } }),
        'autoCreateUserConfig.targetOrganizationalUnitIds',
      ],
      [
        ldapInputs({ udPullConfig: { udSyncScopeConfig: { targetScope: 'user_notaunit' } } }),
        'udPullConfig.udSyncScopeConfig.targetScope',
      ],
      [ldapInputs({ identityProviderType: 'urn:alibaba:idaas:idp:okta' }), 'identityProviderType'],
    ];
    for (const [news, property] of cases) {
      const failures = await failuresOf(news);
      // An object-valued input is named in the reason only (the engine would print its value).
      const named = failures.filter(
        (f) => f.property === property || f.reason.startsWith(property) || f.reason.includes(`(${property})`),
      );
      expect([property, named.length > 0]).toEqual([property, true]);
      const text = JSON.stringify(failures);
      expect(text).not.toContain(BIND_PASSWORD);
      expect(text).not.toContain(APP_SECRET);
    }
    const typo = await failuresOf(ldapInputs({ ldapConfig: { ldapServerHots: 'x' } }));
    expect(typo.map((f) => f.reason).join('\n')).toMatch(/did you mean ldapConfig\.ldapServerHost\?/);
    expect(h.totalCalls()).toBe(0);
  });
});
