/**
 * Creates whose answer is lost after the server applied them: through a loopback proxy that drops
 * chosen answers, every resource's create either adopts the object the lost call made or creates
 * it once, so the server ends with exactly one object per create and nothing orphaned. Also: a
 * unique key taken before the create fails with the command that adopts it, and that command's
 * switch adopts it.
 */
import { applicationProvider } from '../../src/resources/application';
import { clientSecretProvider } from '../../src/resources/client-secret';
import { groupMembershipProvider } from '../../src/resources/group-membership';
import { groupProvider } from '../../src/resources/group';
import { instanceProvider } from '../../src/resources/instance';
import { organizationalUnitProvider } from '../../src/resources/organizational-unit';
import { userProvider } from '../../src/resources/user';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ADOPT_EXISTING_ENV,
  clearClientCache,
  createOrAdopt,
  INTENT_DIR_ENV,
  intentFile,
  intentKeyOf,
} from '../../src/resources/provider-kit';
import { configFromMap } from '../../src/settings';
import { EiamApiError } from '../../src/client';
import { startLostAnswerProxy, type LostAnswerProxy } from '../helpers/lost-answer-proxy';
import { checkedInputs, createVia, PROVIDER_ENTRY, startHarness, type Harness } from './harness';

let h: Harness;
let proxy: LostAnswerProxy;
/** Actions whose next successful answer the proxy loses (each entry once). */
let toLose: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  proxy = await startLostAnswerProxy(h.server.endpoint, (action) => {
    const i = toLose.indexOf(action);
    if (i < 0) return false;
    toLose.splice(i, 1);
    return true;
  });
  const config = configFromMap({
    'eiam:endpoint': proxy.endpoint,
    'eiam:region': 'cn-hangzhou',
    'eiam:accessKeyId': h.server.accessKeyId,
    'eiam:accessKeySecret': h.server.accessKeySecret,
  });
  for (const p of [
    applicationProvider,
    clientSecretProvider,
    groupMembershipProvider,
    groupProvider,
    instanceProvider,
    organizationalUnitProvider,
    userProvider,
  ]) {
    await p.configure!({ config });
  }
});
afterAll(async () => {
  clearClientCache();
  await proxy.stop();
  await h.stop();
});
beforeEach(() => {
  toLose = [];
  proxy.lost.length = 0;
  h.server.resetCounters();
});

/** Creates through the proxy while it loses the first answer of `action`. */
async function createLosing<O>(
  action: string,
  provider: Parameters<typeof createVia>[0],
  news: Record<string, unknown>,
) {
  toLose = [action];
  const created = await createVia<O>(provider, news);
  expect(proxy.lost).toEqual([action]);
  return created;
}

describe('a create whose answer was lost after the server applied it', () => {
  test('Group: adopted by its unique name, not made twice', async () => {
    const created = await createLosing<{ groupId: string }>('CreateGroup', groupProvider, {
      instanceId: h.instanceId,
      groupName: 'lost-answer-group',
    });
    const groups = await h.client.listAll('ListGroups', {
      InstanceId: h.instanceId,
      GroupName: 'lost-answer-group',
    });
    expect(groups.map((g) => g.GroupId)).toEqual([created.outs.groupId]);
    expect(h.calls().CreateGroup).toBe(1);
  });

  test('OrganizationalUnit: adopted by its name under the parent', async () => {
    const created = await createLosing<{ organizationalUnitId: string }>(
      'CreateOrganizationalUnit',
      organizationalUnitProvider,
      { instanceId: h.instanceId, organizationalUnitName: 'Lost Answer Unit', parentId: h.rootOuId },
    );
    const units = (await h.client.listAll('ListOrganizationalUnits', { InstanceId: h.instanceId })).filter(
      (o) => o.OrganizationalUnitName === 'Lost Answer Unit',
    );
    expect(units.map((o) => o.OrganizationalUnitId)).toEqual([created.outs.organizationalUnitId]);
    expect(h.calls().CreateOrganizationalUnit).toBe(1);
  });

  test('Application: the one application that appeared since the create began is adopted', async () => {
    // A same-named application that existed before is not taken for this one.
    await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Lost Answer App',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    const created = await createLosing<{ applicationId: string }>('CreateApplication', applicationProvider, {
      instanceId: h.instanceId,
      applicationName: 'Lost Answer App',
      ssoType: 'oidc',
    });
    const apps = (await h.client.listAll('ListApplications', { InstanceId: h.instanceId })).filter(
      (a) => a.ApplicationName === 'Lost Answer App',
    );
    expect(apps).toHaveLength(2);
    expect(apps.map((a) => a.ApplicationId)).toContain(created.outs.applicationId);
    expect(h.calls().CreateApplication).toBe(2);
  });

  test('ClientSecret: the new secret is adopted and its value read back', async () => {
    const app = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Secret Holder',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    const applicationId = app.ApplicationId ?? '';
    h.server.resetCounters();
    const created = await createLosing<{ secretId: string; clientSecret: string }>(
      'CreateApplicationClientSecret',
      clientSecretProvider,
      { instanceId: h.instanceId, applicationId },
    );
    const secrets = await h.client.listAll('ListApplicationClientSecrets', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
    });
    expect(secrets.map((s) => s.SecretId)).toEqual([created.outs.secretId]);
    const plain = await h.client.call('ObtainApplicationClientSecret', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
      SecretId: created.outs.secretId,
    });
    expect(created.outs.clientSecret).toBe(plain.ApplicationClientSecret?.ClientSecret);
    expect(h.calls().CreateApplicationClientSecret).toBe(1);
  });

  test('Instance: the new instance is adopted', async () => {
    const before = (await h.client.listAll('ListInstances', {})).length;
    const created = await createLosing<{ instanceId: string }>('CreateInstance', instanceProvider, {
      description: 'lost answer instance',
    });
    const instances = await h.client.listAll('ListInstances', {});
    expect(instances).toHaveLength(before + 1);
    expect(instances.map((i) => i.InstanceId)).toContain(created.id);
    expect(h.calls().CreateInstance).toBe(1);
  });

  test('User: the retry carries the same ClientToken, so one account exists', async () => {
    const created = await createLosing<{ userId: string }>('CreateUser', userProvider, {
      instanceId: h.instanceId,
      username: 'lost-answer-user',
      primaryOrganizationalUnitId: h.rootOuId,
    });
    const users = (await h.client.listAll('ListUsers', { InstanceId: h.instanceId })).filter(
      (u) => u.Username === 'lost-answer-user',
    );
    expect(users.map((u) => u.UserId)).toEqual([created.outs.userId]);
  });

  test('GroupMembership: AddUsersToGroup is repeated as is (idempotent)', async () => {
    const group = await h.client.call('CreateGroup', { InstanceId: h.instanceId, GroupName: 'member-retry' });
    const user = await h.client.call('CreateUser', {
      InstanceId: h.instanceId,
      Username: 'member-retry-user',
      PrimaryOrganizationalUnitId: h.rootOuId,
    });
    h.server.resetCounters();
    await createLosing('AddUsersToGroup', groupMembershipProvider, {
      instanceId: h.instanceId,
      groupId: group.GroupId,
      userId: user.UserId,
    });
    expect(h.calls().AddUsersToGroup).toBe(2);
    const members = await h.client.listAll('ListUsersForGroup', {
      InstanceId: h.instanceId,
      GroupId: group.GroupId ?? '',
    });
    expect(members.map((m) => m.UserId)).toEqual([user.UserId]);
  });
});

describe('a unique key taken before the create began', () => {
  const news = () => ({ instanceId: h.instanceId, groupName: 'taken-before' });

  test('fails with the existing id and the command that adopts it, and creates nothing', async () => {
    const existing = await h.client.call('CreateGroup', {
      InstanceId: h.instanceId,
      GroupName: 'taken-before',
    });
    h.server.resetCounters();
    const inputs = await checkedInputs(groupProvider, news());
    const failure = groupProvider.create({ ...inputs, __provider: PROVIDER_ENTRY });
    await expect(failure).rejects.toThrow(`(${existing.GroupId})`);
    await expect(groupProvider.create({ ...inputs, __provider: PROVIDER_ENTRY })).rejects.toThrow(
      `${ADOPT_EXISTING_ENV}=1 pulumi up`,
    );
    expect(h.calls().CreateGroup).toBe(2);
    const groups = await h.client.listAll('ListGroups', {
      InstanceId: h.instanceId,
      GroupName: 'taken-before',
    });
    expect(groups).toHaveLength(1);
  });

  test(`with ${ADOPT_EXISTING_ENV}=1 the existing object is adopted`, async () => {
    const existing = await h.client.listAll('ListGroups', {
      InstanceId: h.instanceId,
      GroupName: 'taken-before',
    });
    process.env[ADOPT_EXISTING_ENV] = '1';
    try {
      const created = await createVia<{ groupId: string }>(groupProvider, news());
      expect(created.outs.groupId).toBe(existing[0].GroupId);
    } finally {
      delete process.env[ADOPT_EXISTING_ENV];
    }
  });
});

describe(`after an interrupted run, ${ADOPT_EXISTING_ENV}=1`, () => {
  afterEach(() => {
    delete process.env[ADOPT_EXISTING_ENV];
  });

  test('adopts the one application of that name and type instead of making a second', async () => {
    const made = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Interrupted App',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    h.server.resetCounters();
    process.env[ADOPT_EXISTING_ENV] = '1';
    const created = await createVia<{ applicationId: string }>(applicationProvider, {
      instanceId: h.instanceId,
      applicationName: 'Interrupted App',
      ssoType: 'oidc',
    });
    expect(created.outs.applicationId).toBe(made.ApplicationId);
    expect(h.calls().CreateApplication).toBeUndefined();
  });

  test('refuses to choose between two candidates', async () => {
    for (let i = 0; i < 2; i++) {
      await h.client.call('CreateApplication', {
        InstanceId: h.instanceId,
        ApplicationName: 'Twin App',
        SsoType: 'oidc',
        ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      });
    }
    process.env[ADOPT_EXISTING_ENV] = '1';
    await expect(
      createVia(applicationProvider, {
        instanceId: h.instanceId,
        applicationName: 'Twin App',
        ssoType: 'oidc',
      }),
    ).rejects.toThrow(/2 objects match .*not guessing which to adopt/);
  });
});

describe('after a run killed in the middle of a create (its intent left on disk)', () => {
  let dir: string;
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env[INTENT_DIR_ENV];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-intents-'));
    process.env[INTENT_DIR_ENV] = dir;
  });
  afterAll(() => {
    process.env[INTENT_DIR_ENV] = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A pid that is certainly gone: a child that has exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

  /** Leaves the intent an interrupted run would have left for `what`. */
  function leaveIntent(what: string, before: string[]): void {
    const key = intentKeyOf({ endpoint: proxy.endpoint }, what);
    const file = intentFile(process.env, key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ key, before, pid: deadPid(), run: 'killed-run', startedAt: Date.now() }),
    );
  }

  test('plain create adopts the group the interrupted run made, and removes the intent', async () => {
    const made = await h.client.call('CreateGroup', {
      InstanceId: h.instanceId,
      GroupName: 'interrupted-group',
    });
    leaveIntent(`Group 'interrupted-group' in instance ${h.instanceId}`, []);
    h.server.resetCounters();
    const created = await createVia<{ groupId: string }>(groupProvider, {
      instanceId: h.instanceId,
      groupName: 'interrupted-group',
    });
    expect(created.outs.groupId).toBe(made.GroupId);
    expect(h.calls().CreateGroup).toBeUndefined();
    // The intent now records the object until the engine shows it recorded it (a diff of its id).
    expect(fs.readdirSync(dir)).toHaveLength(2);
    await groupProvider.diff!(
      created.id,
      { ...created.outs, __provider: PROVIDER_ENTRY },
      {
        instanceId: h.instanceId,
        groupName: 'interrupted-group',
      },
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('an object made and answered, but never recorded by the killed engine, is adopted by its id', async () => {
    const made = await createVia<{ groupId: string }>(groupProvider, {
      instanceId: h.instanceId,
      groupName: 'answered-not-recorded',
    });
    // The engine died before it recorded the object; the intent is rewritten as a dead run's.
    const key = intentKeyOf(
      { endpoint: proxy.endpoint },
      `Group 'answered-not-recorded' in instance ${h.instanceId}`,
    );
    const file = intentFile(process.env, key);
    const intent = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(intent.made).toBe(made.outs.groupId);
    fs.writeFileSync(file, JSON.stringify({ ...intent, pid: deadPid(), run: 'killed-run' }));
    h.server.resetCounters();
    const again = await createVia<{ groupId: string }>(groupProvider, {
      instanceId: h.instanceId,
      groupName: 'answered-not-recorded',
    });
    expect(again.outs.groupId).toBe(made.outs.groupId);
    expect(h.calls().CreateGroup).toBeUndefined();
    // A resource renamed without an alias: the old name's delete in the same run leaves the
    // object to the new name, which adopted it.
    await groupProvider.delete!(made.id, { ...made.outs, __provider: PROVIDER_ENTRY });
    const live = await h.client.listAll('ListGroups', {
      InstanceId: h.instanceId,
      GroupName: 'answered-not-recorded',
    });
    expect(live.map((g) => g.GroupId)).toEqual([made.outs.groupId]);
  });

  test('plain create adopts only the application that appeared after the interrupted run began', async () => {
    const older = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Interrupted Portal',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    leaveIntent(`Application 'Interrupted Portal' in instance ${h.instanceId} oidc`, [
      older.ApplicationId ?? '',
    ]);
    const made = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Interrupted Portal',
      SsoType: 'oidc',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    });
    h.server.resetCounters();
    const created = await createVia<{ applicationId: string }>(applicationProvider, {
      instanceId: h.instanceId,
      applicationName: 'Interrupted Portal',
      ssoType: 'oidc',
    });
    expect(created.outs.applicationId).toBe(made.ApplicationId);
    expect(h.calls().CreateApplication).toBeUndefined();
  });

  test('a create whose interrupted attempt never reached the service creates it', async () => {
    leaveIntent(`Group 'never-made' in instance ${h.instanceId}`, []);
    const created = await createVia<{ groupId: string }>(groupProvider, {
      instanceId: h.instanceId,
      groupName: 'never-made',
    });
    const groups = await h.client.listAll('ListGroups', {
      InstanceId: h.instanceId,
      GroupName: 'never-made',
    });
    expect(groups.map((g) => g.GroupId)).toEqual([created.outs.groupId]);
  });
});

describe('createOrAdopt', () => {
  const ambiguous = () =>
    new EiamApiError({ action: 'CreateApplication', code: 'InternalError', message: 'm', httpStatus: 500 });

  test('never guesses between two candidates that appeared since the create began', async () => {
    let listed = 0;
    const outcome = createOrAdopt({
      what: "Application 'twin'",
      uniqueKey: false,
      create: () => Promise.reject(ambiguous()),
      find: async () => (listed++ === 0 ? ['app_old'] : ['app_old', 'app_a', 'app_b']),
    });
    await expect(outcome).rejects.toThrow(
      /2 objects that match appeared since \(app_a, app_b\); not guessing/,
    );
  });

  test('creates again when nothing appeared, and stops after maxCreates', async () => {
    let creates = 0;
    const outcome = createOrAdopt({
      what: "Group 'g'",
      uniqueKey: true,
      maxCreates: 3,
      create: () => {
        creates++;
        return Promise.reject(ambiguous());
      },
      find: async () => [],
    });
    await expect(outcome).rejects.toMatchObject({ code: 'InternalError' });
    expect(creates).toBe(3);
  });
});
