/**
 * ApplicationAuthorizations (many grants of one application in one resource) against the local
 * server: batched create, authoritative over the listed principals only, refresh at one call per
 * 100 principals, drift, partial failure, import and delete.
 */
import {
  applicationAuthorizationsProvider,
  type ApplicationAuthorizationsOutputs,
} from '../../src/resources/application-authorizations';
import {
  checkedInputs,
  createVia,
  diffVia,
  expectPartialFailure,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

type Provider = Required<import('@pulumi/pulumi').dynamic.ResourceProvider>;
const provider = applicationAuthorizationsProvider as Provider;

let h: Harness;
const users: string[] = [];
const groups: string[] = [];
let outsider = '';

beforeAll(async () => {
  h = await startHarness();
  await h.configure(applicationAuthorizationsProvider);
  for (let i = 0; i < 130; i++) {
    const res = await h.client.call('CreateUser', {
      InstanceId: h.instanceId,
      Username: `grantee-${i}`,
      PrimaryOrganizationalUnitId: h.rootOuId,
    });
    users.push(res.UserId ?? '');
  }
  for (let i = 0; i < 2; i++) {
    groups.push(
      (await h.client.call('CreateGroup', { InstanceId: h.instanceId, GroupName: `g${i}` })).GroupId ?? '',
    );
  }
  outsider = users.pop() ?? '';
}, 30_000);
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

let apps = 0;

/** A new application whose only grant (to `outsider`) is not managed by the resource. */
async function newApplication(): Promise<string> {
  const app = await h.client.call('CreateApplication', {
    InstanceId: h.instanceId,
    ApplicationName: `Portal ${++apps}`,
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'oidc',
  });
  const applicationId = app.ApplicationId ?? '';
  await h.client.call('AuthorizeApplicationToUsers', {
    InstanceId: h.instanceId,
    ApplicationId: applicationId,
    UserIds: [outsider],
  });
  return applicationId;
}

/** Each test's own application, with every user and group granted by the resource. */
async function granted() {
  const applicationId = await newApplication();
  const declared: Record<string, unknown> = {
    instanceId: h.instanceId,
    applicationId,
    userIds: users,
    groupIds: groups,
  };
  const res: Created<ApplicationAuthorizationsOutputs> = await createVia(
    applicationAuthorizationsProvider,
    declared,
  );
  h.server.resetCounters();
  return { applicationId, declared, res };
}

async function grantedUsers(applicationId: string): Promise<string[]> {
  const rows = await h.client.listAll('ListUsersForApplication', {
    InstanceId: h.instanceId,
    ApplicationId: applicationId,
  });
  return rows.map((r) => r.UserId ?? '').sort();
}

describe('ApplicationAuthorizations', () => {
  test('create grants every listed principal in batches of 100', async () => {
    const applicationId = await newApplication();
    h.server.resetCounters();
    const declared = { instanceId: h.instanceId, applicationId, userIds: users, groupIds: groups };
    const res = await createVia<ApplicationAuthorizationsOutputs>(
      applicationAuthorizationsProvider,
      declared,
    );
    expect(h.calls()).toEqual({ AuthorizeApplicationToUsers: 2, AuthorizeApplicationToGroups: 1 });
    expect(res.id).toBe(`${h.instanceId}/${applicationId}`);
    expect(res.outs.userIds).toEqual([...users].sort());
    expect(await grantedUsers(applicationId)).toEqual([...users, outsider].sort());
  });

  test('refresh costs one call per 100 principals; the same lists are no change', async () => {
    const { res, declared } = await granted();
    const read = await refreshVia(applicationAuthorizationsProvider, res);
    expect(h.calls()).toEqual({ ListUsersForApplication: 2, ListGroupsForApplication: 1 });
    expect(read.props).toEqual(res.outs);
    expect(await diffVia(applicationAuthorizationsProvider, res, declared)).toMatchObject({ changes: false });
  });

  test('a grant revoked outside Pulumi is drift, and the update grants it again', async () => {
    const { applicationId, res, declared } = await granted();
    await h.client.call('RevokeApplicationFromUsers', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
      UserIds: [users[5]],
    });
    const read = await refreshVia(applicationAuthorizationsProvider, res);
    const refreshed = { id: res.id, outs: read.props as ApplicationAuthorizationsOutputs };
    expect(refreshed.outs.userIds).not.toContain(users[5]);
    await updateVia(applicationAuthorizationsProvider, refreshed, declared);
    expect(await grantedUsers(applicationId)).toContain(users[5]);
  });

  test('removing a principal from a list revokes only that grant; unlisted grants stay', async () => {
    const { applicationId, res, declared } = await granted();
    await updateVia(applicationAuthorizationsProvider, res, { ...declared, userIds: users.slice(1) });
    expect(await grantedUsers(applicationId)).toEqual([...users.slice(1), outsider].sort());
  });

  test('check names the field and calls nothing', async () => {
    const applicationId = 'app_unchecked';
    const none = await provider.check(
      {},
      { instanceId: h.instanceId, applicationId, __provider: PROVIDER_ENTRY },
    );
    expect(none.failures?.map((f) => f.property)).toEqual(['userIds']);
    const bad = await provider.check(
      {},
      { instanceId: h.instanceId, applicationId, groupIds: [''], __provider: PROVIDER_ENTRY },
    );
    expect(bad.failures?.[0].property).toBe('groupIds[0]');
    expect(h.calls()).toEqual({});
  });

  test('import reads the declared principals', async () => {
    const { applicationId, res } = await granted();
    const read = await provider.read(res.id, {
      instanceId: h.instanceId,
      applicationId,
      // As the engine passes them: checked inputs, sets in their sorted order.
      groupIds: [...groups].sort(),
      __provider: PROVIDER_ENTRY,
    });
    expect(read.props).toEqual({
      instanceId: h.instanceId,
      applicationId,
      groupIds: [...groups].sort(),
      declaredInputs: ['instanceId', 'applicationId', 'groupIds'],
    });
    expect(read.inputs).toEqual({ instanceId: h.instanceId, applicationId, groupIds: [...groups].sort() });
  });

  test('delete revokes the managed grants only', async () => {
    const { applicationId, res } = await granted();
    await provider.delete(res.id, { ...res.outs, __provider: PROVIDER_ENTRY });
    expect(await grantedUsers(applicationId)).toEqual([outsider]);
    expect(
      await h.client.listAll('ListGroupsForApplication', {
        InstanceId: h.instanceId,
        ApplicationId: applicationId,
      }),
    ).toEqual([]);
  });

  test('a failing batch records the grants that were made', async () => {
    const applicationId = await newApplication();
    const inputs = await checkedInputs(applicationAuthorizationsProvider, {
      instanceId: h.instanceId,
      applicationId,
      userIds: [users[0]],
      groupIds: ['group_doesnotexist0'],
    });
    const failure = await expectPartialFailure(provider.create({ ...inputs, __provider: PROVIDER_ENTRY }));
    expect(failure.properties).toMatchObject({ userIds: [users[0]], groupIds: [] });
    expect(failure.message).toMatch(/groupIds/);
    await provider.delete(failure.id, failure.properties);
  });
});
