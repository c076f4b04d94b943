import * as pulumi from '@pulumi/pulumi';
import * as lookups from '../../src/lookups';
import { makeOu, makeUser, startHarness, type Harness } from '../resources/harness';

const SECRET = 'ldap-admin-password-never-shown';
const LDAP = 'urn:alibaba:idaas:idp:unknown:ldap:pull';
const OIDC = 'urn:alibaba:idaas:idp:standard:oidc';
const DINGTALK_PUSH = 'urn:alibaba:idaas:idp:alibaba:dingtalk:push';

let h: Harness;
let opts: lookups.LookupOptions;
let ldap: string;
let oidc: string;
let push: string;
let ou: string;
let alice: string;

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

beforeAll(async () => {
  h = await startHarness();
  opts = {
    endpoint: h.settings.endpoint,
    region: h.settings.region,
    accessKeyId: h.settings.accessKeyId,
    accessKeySecret: h.settings.accessKeySecret,
  };
  const I = h.instanceId;
  ou = await makeOu(h, 'Imported');
  alice = await makeUser(h, 'alice', 'alice@example.com');
  const create = async (req: Record<string, unknown>) =>
    (await h.client.call('CreateIdentityProvider', { InstanceId: I, ...req } as never)).IdentityProviderId ??
    '';
  ldap = await create({
    IdentityProviderName: 'Corp LDAP',
    IdentityProviderType: LDAP,
    NetworkAccessEndpointId: 'nae_office',
    LdapConfig: {
      LdapServerHost: '10.0.0.1',
      LdapServerPort: 636,
      AdministratorUsername: 'cn=admin',
      AdministratorPassword: SECRET,
    },
  });
  oidc = await create({
    IdentityProviderName: 'Partner SSO',
    IdentityProviderType: OIDC,
    OidcConfig: {
      AuthnParam: { ClientId: 'partner', ClientSecret: 'partner-client-secret' },
      EndpointConfig: {
        Issuer: 'https://partner.example.com',
        AuthorizationEndpoint: 'https://partner.example.com/a',
      },
    },
  });
  push = await create({
    IdentityProviderName: 'DingTalk out',
    IdentityProviderType: DINGTALK_PUSH,
    DingtalkAppConfig: { AppKey: 'key', AppSecret: 'dingtalk-secret-value', CorpId: 'corp' },
  });
  const ref = { InstanceId: I, IdentityProviderId: ldap };
  await h.client.call('SetIdentityProviderUdPullConfiguration', {
    ...ref,
    IncrementalCallbackStatus: 'enabled',
    UdSyncScopeConfig: { TargetScope: ou, SourceScopes: ['ou=staff'] },
  });
  await h.client.call('SetIdentityProviderUdPushConfiguration', {
    InstanceId: I,
    IdentityProviderId: push,
    IncrementalCallbackStatus: 'disabled',
    UdSyncScopeConfigs: [{ SourceScopes: [ou], TargetScope: '1' }],
  });
  await h.client.call('BindUserAuthnSourceMapping', {
    InstanceId: I,
    IdentityProviderId: oidc,
    UserId: alice,
    UserExternalId: 'partner-alice',
  });
});
afterAll(() => h.stop());

describe('identity provider lookups', () => {
  it('finds a provider by id or by name, secrets masked', async () => {
    const byId = await lookups.getIdentityProvider(
      { instanceId: h.instanceId, identityProviderId: ldap },
      opts,
    );
    const byName = await promiseOf(
      lookups.getIdentityProviderOutput(
        { instanceId: h.instanceId, identityProviderName: 'Corp LDAP' },
        opts,
      ),
    );
    expect(byName).toEqual(byId);
    expect(byId).toMatchObject({ identityProviderType: LDAP, ldapConfig: { ldapServerHost: '10.0.0.1' } });
    expect(JSON.stringify(byId)).not.toContain(SECRET);
    await expect(
      lookups.getIdentityProvider({ instanceId: h.instanceId, identityProviderId: 'idp_missing' }, opts),
    ).rejects.toThrow(/no identity provider idp_missing/);
  });

  it('lists providers, by direction and by network access endpoint', async () => {
    const all = await lookups.getIdentityProviders({ instanceId: h.instanceId }, opts);
    expect(all.identityProviderIds).toEqual([ldap, oidc, push]);
    const pull = await lookups.getIdentityProviders({ instanceId: h.instanceId, direction: 'pull' }, opts);
    expect(pull.identityProviderIds).toEqual([ldap]);
    const nae = await lookups.getIdentityProvidersForNetworkAccessEndpoint(
      { instanceId: h.instanceId, networkAccessEndpointId: 'nae_office' },
      opts,
    );
    expect(nae.identityProviderIds).toEqual([ldap]);
  });

  it('reads the synchronization and advanced configurations', async () => {
    const ref = { instanceId: h.instanceId, identityProviderId: ldap };
    expect(await lookups.getIdentityProviderUdPullConfiguration(ref, opts)).toMatchObject({
      incrementalCallbackStatus: 'enabled',
      udSyncScopeConfig: { targetScope: ou, sourceScopes: ['ou=staff'] },
    });
    const pushRef = { instanceId: h.instanceId, identityProviderId: push };
    expect(await lookups.getIdentityProviderUdPushConfiguration(pushRef, opts)).toMatchObject({
      udSyncScopeConfigs: [{ sourceScopes: [ou], targetScope: '1' }],
    });
    const advanced = await lookups.getIdentityProviderAdvancedConfiguration(pushRef, opts);
    expect(advanced.dingtalkAdvancedConfig?.appKey).toBe('key');
    expect(JSON.stringify(advanced)).not.toContain('dingtalk-secret-value');
  });

  it('runs a status check and reads it again by id', async () => {
    const ref = { instanceId: h.instanceId, identityProviderId: ldap };
    const job = await lookups.getIdentityProviderStatusCheck(ref, opts);
    expect(job).toMatchObject({ status: 'success', checkResult: 'success', identityProviderId: ldap });
    const again = await lookups.getIdentityProviderStatusCheck(
      { ...ref, identityProviderStatusCheckJobId: job.identityProviderStatusCheckJobId },
      opts,
    );
    expect(again).toEqual(job);
    const provider = await lookups.getIdentityProvider(ref, opts);
    expect(provider.lastStatusCheckJobResult).toBe('success');
  });

  it('resolves metadata from an inline document or a stored provider, never the network', async () => {
    const doc = {
      issuer: 'https://login.example.net',
      authorization_endpoint: 'https://login.example.net/auth',
    };
    const inline = await lookups.getIdentityProviderMetadata(
      {
        instanceId: h.instanceId,
        oidcIssuer: `data:application/json,${encodeURIComponent(JSON.stringify(doc))}`,
      },
      opts,
    );
    expect(inline.oidcOpenIdConfiguration).toEqual({
      issuer: 'https://login.example.net',
      authorizationEndpoint: 'https://login.example.net/auth',
    });
    const stored = await lookups.getIdentityProviderMetadata(
      { instanceId: h.instanceId, identityProviderId: oidc },
      opts,
    );
    expect(stored.oidcOpenIdConfiguration?.issuer).toBe('https://partner.example.com');
    await expect(
      lookups.getIdentityProviderMetadata(
        { instanceId: h.instanceId, oidcIssuer: 'https://unknown.example.org' },
        opts,
      ),
    ).rejects.toMatchObject({ code: 'OperationFailed.MetadataUnreachable' });
    await expect(lookups.getIdentityProviderMetadata({ instanceId: h.instanceId }, opts)).rejects.toThrow(
      /exactly one/,
    );
  });

  it('gives every lookup an Output form that takes Output arguments', async () => {
    const instanceId = pulumi.output(h.instanceId);
    const ref = { instanceId: h.instanceId, identityProviderId: ldap };
    const pushRef = { instanceId: h.instanceId, identityProviderId: push };
    const job = await lookups.getIdentityProviderStatusCheck(ref, opts);
    const pairs: [unknown, unknown][] = [
      [
        await promiseOf(lookups.getIdentityProvidersOutput({ instanceId, direction: 'pull' }, opts)),
        await lookups.getIdentityProviders({ instanceId: h.instanceId, direction: 'pull' }, opts),
      ],
      [
        await promiseOf(
          lookups.getIdentityProvidersForNetworkAccessEndpointOutput(
            { instanceId, networkAccessEndpointId: pulumi.output('nae_office') },
            opts,
          ),
        ),
        await lookups.getIdentityProvidersForNetworkAccessEndpoint(
          { instanceId: h.instanceId, networkAccessEndpointId: 'nae_office' },
          opts,
        ),
      ],
      [
        await promiseOf(lookups.getIdentityProviderUdPullConfigurationOutput({ ...ref, instanceId }, opts)),
        await lookups.getIdentityProviderUdPullConfiguration(ref, opts),
      ],
      [
        await promiseOf(
          lookups.getIdentityProviderUdPushConfigurationOutput({ ...pushRef, instanceId }, opts),
        ),
        await lookups.getIdentityProviderUdPushConfiguration(pushRef, opts),
      ],
      [
        await promiseOf(
          lookups.getIdentityProviderAdvancedConfigurationOutput({ ...pushRef, instanceId }, opts),
        ),
        await lookups.getIdentityProviderAdvancedConfiguration(pushRef, opts),
      ],
      [
        await promiseOf(
          lookups.getIdentityProviderStatusCheckOutput(
            { ...ref, instanceId, identityProviderStatusCheckJobId: job.identityProviderStatusCheckJobId },
            opts,
          ),
        ),
        job,
      ],
      [
        await promiseOf(
          lookups.getIdentityProviderMetadataOutput({ instanceId, identityProviderId: oidc }, opts),
        ),
        await lookups.getIdentityProviderMetadata(
          { instanceId: h.instanceId, identityProviderId: oidc },
          opts,
        ),
      ],
      [
        await promiseOf(lookups.getUserAuthnSourceMappingsOutput({ instanceId, userId: alice }, opts)),
        await lookups.getUserAuthnSourceMappings({ instanceId: h.instanceId, userId: alice }, opts),
      ],
    ];
    for (const [fromOutput, fromPromise] of pairs) expect(fromOutput).toEqual(fromPromise);
    expect(pairs[0][0]).toMatchObject({ identityProviderIds: [ldap] });
  });

  it("lists a user's bindings", async () => {
    const res = await lookups.getUserAuthnSourceMappings({ instanceId: h.instanceId, userId: alice }, opts);
    expect(res.mappings).toEqual([
      expect.objectContaining({ identityProviderId: oidc, userId: alice, userExternalId: 'partner-alice' }),
    ]);
    const none = await lookups.getUserAuthnSourceMappings(
      { instanceId: h.instanceId, userId: alice, identityProviderId: ldap },
      opts,
    );
    expect(none.mappings).toEqual([]);
  });
});
