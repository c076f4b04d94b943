import {
  applicationAuthorizationProvider as p,
  APPLICATION_AUTHORIZATION_DIFF,
} from '../../src/resources/application-authorization';
import { changedFields, UNKNOWN } from '../../src/resources/provider-kit';
import { checkedInputs, makeGroup, makeOu, makeUser, startHarness, type Harness } from './harness';

type Bag = Record<string, unknown>;

let h: Harness;
let applicationId: string;
let userId: string;
let groupId: string;
let ouId: string;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(p);
  const app = await h.client.call('CreateApplication', {
    InstanceId: h.instanceId,
    ApplicationName: 'Granted',
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'oidc',
  });
  applicationId = app.ApplicationId ?? '';
  userId = await makeUser(h, 'grantee');
  groupId = await makeGroup(h, 'grantees');
  ouId = await makeOu(h, 'Grantee unit');
});
afterAll(() => h.stop());

const base = () => ({ instanceId: h.instanceId, applicationId });
const appTarget = () => ({ InstanceId: h.instanceId, ApplicationId: applicationId });

async function grantedUsers(): Promise<string[]> {
  return (await h.client.listAll('ListUsersForApplication', appTarget())).map((u) => u.UserId ?? '');
}

describe('check', () => {
  it.each([
    ['no principal', {}, 'userId'],
    ['two principals', { userId: 'user_1', groupId: 'group_1' }, 'groupId'],
    ['three principals', { userId: 'user_1', groupId: 'group_1', organizationalUnitId: 'ou_1' }, 'groupId'],
  ])('refuses %s, naming the field, without calling the API', async (_name, principal, property) => {
    h.server.resetCounters();
    const result = await p.check!({}, { ...base(), ...principal });
    expect(result.failures).toEqual([
      expect.objectContaining({ property, reason: expect.stringContaining('exactly one of') }),
    ]);
    expect(h.totalCalls()).toBe(0);
  });

  it('refuses a missing applicationId', async () => {
    const result = await p.check!({}, { instanceId: h.instanceId, userId: 'user_1' });
    expect(result.failures?.map((f) => f.property)).toEqual(['applicationId']);
  });

  it('accepts a principal not known yet', async () => {
    expect((await p.check!({}, { ...base(), groupId: UNKNOWN })).failures ?? []).toEqual([]);
  });
});

describe('lifecycle', () => {
  it.each([
    ['user', () => ({ userId }), 'ListUsersForApplication'],
    ['group', () => ({ groupId }), 'ListGroupsForApplication'],
    ['organizationalUnit', () => ({ organizationalUnitId: ouId }), 'ListOrganizationalUnitsForApplication'],
  ] as const)(
    'grants the application to one %s, reads it, and revokes it',
    async (kind, principal, listOp) => {
      const news = await checkedInputs(p, { ...base(), ...principal() });
      const principalId = Object.values(principal())[0];
      const { id, outs } = await p.create(news);
      expect(id).toBe(`${h.instanceId}/${applicationId}/${kind}/${principalId}`);
      expect(outs).toMatchObject({ principalType: kind, principalId, ...principal() });

      const listed = await h.client.call(listOp, appTarget());
      expect(JSON.stringify(listed)).toContain(principalId);

      const read = await p.read!(id, outs);
      expect(read).toMatchObject({ id, props: outs });
      expect(await p.diff!(id, read.props, news)).toMatchObject({ changes: false, replaces: [] });

      await p.delete!(id, outs);
      expect(JSON.stringify(await h.client.call(listOp, appTarget()))).not.toContain(principalId);
      // Gone: read reports it, a second delete succeeds.
      expect(await p.read!(id, outs)).toEqual({});
      await expect(p.delete!(id, outs)).resolves.toBeUndefined();
    },
  );

  it('refuses an import whose declared principal does not match the id', async () => {
    const id = `${h.instanceId}/${applicationId}/user/${userId}`;
    await expect(p.read!(id, { ...base(), groupId })).rejects.toThrow(
      /the id names a user, but groupId is declared/,
    );
    await expect(p.read!(id, { ...base(), userId: 'user_other' })).rejects.toThrow(/declared userId/);
  });

  it('shows up in what the user can access', async () => {
    const { id, outs } = await p.create(await checkedInputs(p, { ...base(), userId }));
    const apps = await h.client.listAll('ListApplicationsForUser', {
      InstanceId: h.instanceId,
      UserId: userId,
    });
    expect(apps.map((a) => a.ApplicationId)).toContain(applicationId);
    await p.delete!(id, outs);
  });

  it('never touches the application itself', async () => {
    const before = (await h.client.call('GetApplication', appTarget())).Application;
    h.server.resetCounters();
    const { id, outs } = await p.create(await checkedInputs(p, { ...base(), groupId }));
    await p.read!(id, outs);
    await p.delete!(id, outs);
    const touched = Object.keys(h.server.counters()).filter((op) => !/^(Authorize|Revoke|List)/.test(op));
    expect(touched).toEqual([]);
    expect((await h.client.call('GetApplication', appTarget())).Application).toEqual(before);
  });

  it('notices a grant revoked elsewhere (read reports it gone)', async () => {
    const { id, outs } = await p.create(await checkedInputs(p, { ...base(), userId }));
    await h.client.call('RevokeApplicationFromUsers', { ...appTarget(), UserIds: [userId] });
    expect(await grantedUsers()).not.toContain(userId);
    expect(await p.read!(id, outs)).toEqual({});
  });

  it('treats a deleted application as a revoked grant', async () => {
    const app = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Short lived',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'saml2',
    });
    const { id, outs } = await p.create(
      await checkedInputs(p, { instanceId: h.instanceId, applicationId: app.ApplicationId, userId }),
    );
    await h.client.call('DeleteApplication', {
      InstanceId: h.instanceId,
      ApplicationId: app.ApplicationId ?? '',
    });
    expect(await p.read!(id, outs)).toEqual({});
    await expect(p.delete!(id, outs)).resolves.toBeUndefined();
  });
});

describe('diff', () => {
  let outs: Bag;
  beforeAll(async () => {
    outs = (await p.create(await checkedInputs(p, { ...base(), userId }))).outs as Bag;
  });

  it.each([
    ['another user', () => ({ userId: 'user_other' }), 'userId'],
    ['a group instead of the user', () => ({ groupId }), 'groupId'],
    ['another application', () => ({ applicationId: 'app_other', userId }), 'applicationId'],
  ])('replaces the grant for %s', async (_name, change, property) => {
    const news = { ...base(), ...change() };
    const diff = await p.diff!('x', outs, news);
    expect(diff).toMatchObject({ changes: true });
    expect(diff.replaces).toContain(property);
    expect(
      changedFields(APPLICATION_AUTHORIZATION_DIFF, outs, news).every((c) => c.action === 'replace'),
    ).toBe(true);
  });
});
