/**
 * The UserAuthnSourceMapping provider against the local server: bind, no diff, replacement on
 * every change, drift (unbound or rebound elsewhere), import, check failures, idempotent delete,
 * and the binding going away with its user.
 */
import {
  userAuthnSourceMappingProvider,
  type UserAuthnSourceMappingOutputs,
} from '../../src/resources/user-authn-source-mapping';
import { createVia, diffVia, PROVIDER_ENTRY, refreshVia, startHarness, type Harness } from './harness';

let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(userAuthnSourceMappingProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function oidcProvider(): Promise<string> {
  const res = await h.client.call('CreateIdentityProvider', {
    InstanceId: h.instanceId,
    IdentityProviderName: `partner-${++serial}`,
    IdentityProviderType: 'urn:alibaba:idaas:idp:standard:oidc',
    OidcConfig: {
      AuthnParam: { ClientId: 'c', ClientSecret: 'client-secret-value' },
      EndpointConfig: {
        Issuer: 'https://partner.example.com',
        AuthorizationEndpoint: 'https://partner.example.com/a',
      },
    },
  });
  return res.IdentityProviderId!;
}

async function user(): Promise<string> {
  const res = await h.client.call('CreateUser', {
    InstanceId: h.instanceId,
    Username: `u${++serial}`,
    PrimaryOrganizationalUnitId: h.rootOuId,
  });
  return res.UserId!;
}

async function bindings(userId: string) {
  const res = await h.client.call('ListUserAuthnSourceMappings', {
    InstanceId: h.instanceId,
    UserId: userId,
  });
  return (res.UserAuthnSourceMappings ?? []).map((m) => [m.IdentityProviderId, m.UserExternalId]);
}

async function bound(extra: Record<string, unknown> = {}) {
  const identityProviderId = await oidcProvider();
  const userId = await user();
  const inputs = {
    instanceId: h.instanceId,
    identityProviderId,
    userId,
    userExternalId: `ext-${++serial}`,
    ...extra,
  };
  const created = await createVia<UserAuthnSourceMappingOutputs>(userAuthnSourceMappingProvider, inputs);
  return { inputs, created, identityProviderId, userId };
}

describe('UserAuthnSourceMapping', () => {
  test('create binds the user and reports the binding', async () => {
    const { inputs, created, identityProviderId, userId } = await bound();
    expect(created.id).toBe(`${h.instanceId}/${identityProviderId}/${userId}`);
    expect(created.outs).toMatchObject({
      ...inputs,
      authnSourceType: 'urn:alibaba:idaas:authntype:oidc',
      createTime: expect.any(Number),
    });
    expect(await bindings(userId)).toEqual([[identityProviderId, inputs.userExternalId]]);
    expect(await diffVia(userAuthnSourceMappingProvider, created, inputs)).toMatchObject({ changes: false });
  });

  test.each(['identityProviderId', 'userId', 'userExternalId', 'instanceId'])(
    'a change of %s replaces the binding',
    async (name) => {
      const { inputs, created } = await bound();
      const value = {
        identityProviderId: 'idp_another',
        userId: 'user_another',
        userExternalId: 'ext-other',
        instanceId: 'idaas_another',
      }[name];
      const diff = await diffVia(userAuthnSourceMappingProvider, created, { ...inputs, [name]: value });
      expect(diff).toMatchObject({ changes: true, replaces: [name] });
    },
  );

  test('refresh sees a binding changed or removed elsewhere', async () => {
    const { inputs, created, identityProviderId, userId } = await bound();
    const key = { InstanceId: h.instanceId, IdentityProviderId: identityProviderId, UserId: userId };
    await h.client.call('UnbindUserAuthnSourceMapping', { ...key, UserExternalId: inputs.userExternalId });
    await h.client.call('BindUserAuthnSourceMapping', { ...key, UserExternalId: 'rebound-elsewhere' });
    const read = await refreshVia(userAuthnSourceMappingProvider, created);
    expect(read.props?.userExternalId).toBe('rebound-elsewhere');
    const diff = await diffVia(userAuthnSourceMappingProvider, { id: created.id, outs: read.props! }, inputs);
    expect(diff).toMatchObject({ changes: true, replaces: ['userExternalId'] });
    await h.client.call('UnbindUserAuthnSourceMapping', { ...key, UserExternalId: 'rebound-elsewhere' });
    expect(await refreshVia(userAuthnSourceMappingProvider, created)).toEqual({});
  });

  test('import reads the binding from its id; an unknown binding is refused', async () => {
    const { inputs, created } = await bound();
    const read = await userAuthnSourceMappingProvider.read!(created.id, inputs);
    expect(read.props).toMatchObject({
      userExternalId: inputs.userExternalId,
      createTime: expect.any(Number),
    });
    await expect(
      userAuthnSourceMappingProvider.read!(`${h.instanceId}/idp_nothing/user_nobody`, inputs),
    ).rejects.toThrow(/UserAuthnSourceMapping/);
  });

  test('delete unbinds; again is a no-op; deleting the user removes the binding too', async () => {
    const { created, userId } = await bound();
    await userAuthnSourceMappingProvider.delete!(created.id, created.outs);
    expect(await bindings(userId)).toEqual([]);
    await userAuthnSourceMappingProvider.delete!(created.id, created.outs);
    const other = await bound();
    await h.client.call('DeleteUser', { InstanceId: h.instanceId, UserId: other.userId });
    expect(await refreshVia(userAuthnSourceMappingProvider, other.created)).toEqual({});
    await userAuthnSourceMappingProvider.delete!(other.created.id, other.created.outs);
  });

  test('check names the field of a wrong id kind and calls nothing', async () => {
    const result = await userAuthnSourceMappingProvider.check!(
      {},
      {
        instanceId: h.instanceId,
        identityProviderId: 'user_notaprovider',
        userId: 'idp_notauser',
        userExternalId: '',
        __provider: PROVIDER_ENTRY,
      },
    );
    expect((result.failures ?? []).map((f) => f.property).sort()).toEqual(
      ['identityProviderId', 'userExternalId', 'userId'].sort(),
    );
    expect(JSON.stringify(result.failures)).toMatch(/an identity provider id \(idp_/);
    expect(h.totalCalls()).toBe(0);
  });
});
