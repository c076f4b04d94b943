/**
 * The Users set resource against the local server: create in batch (calls counted), check
 * failures with entry paths, per-entry diff, update (add, remove, change, recreate) that never
 * touches unlisted accounts, refresh at one ListUsers call per 100 accounts, drift, partial
 * failure recorded, import, adoption, delete, and secrets kept out of the plain outputs.
 */
import { Users, usersProvider, type UsersOutputs } from '../../src/resources/users';
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
const provider = usersProvider as Provider;

let h: Harness;
let ouA = '';
let ouB = '';

beforeAll(async () => {
  h = await startHarness();
  await h.configure(usersProvider);
  const ou = async (name: string) =>
    (
      await h.client.call('CreateOrganizationalUnit', {
        InstanceId: h.instanceId,
        OrganizationalUnitName: name,
        ParentId: h.rootOuId,
      })
    ).OrganizationalUnitId ?? '';
  ouA = await ou('Users A');
  ouB = await ou('Users B');
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function liveUser(userId: string) {
  return (await h.client.call('GetUser', { InstanceId: h.instanceId, UserId: userId })).User!;
}

async function userExists(userId: string): Promise<boolean> {
  return h.client.call('GetUser', { InstanceId: h.instanceId, UserId: userId }).then(
    () => true,
    () => false,
  );
}

/** `n` plain entries `<prefix>-000`… in unit A. */
function entries(prefix: string, n: number): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `${prefix}-${String(i).padStart(3, '0')}`,
      { displayName: `${prefix} ${i}`, primaryOrganizationalUnitId: ouA },
    ]),
  );
}

describe('Users', () => {
  const SIZE = 120;
  let set: Created<UsersOutputs>;
  let declared: Record<string, unknown>;
  let bystander = '';

  test('create makes every account in one step: one CreateUser each, read back in batches of 100', async () => {
    bystander =
      (
        await h.client.call('CreateUser', {
          InstanceId: h.instanceId,
          Username: 'not-managed',
          PrimaryOrganizationalUnitId: h.rootOuId,
        })
      ).UserId ?? '';
    const users = entries('staff', SIZE);
    users['staff-000'] = {
      ...users['staff-000'],
      organizationalUnitIds: [ouB],
      email: 'a@example.com',
      emailVerified: true,
    };
    users['staff-001'] = { displayName: 'in the root unit', status: 'disabled', password: 'Secret-Pass-123' };
    declared = { instanceId: h.instanceId, users };
    h.server.resetCounters();
    set = await createVia<UsersOutputs>(usersProvider, declared);
    expect(h.calls()).toEqual({
      CreateUser: SIZE,
      DisableUser: 1,
      GetRootOrganizationalUnit: 1,
      ListUsers: Math.ceil(SIZE / 100),
    });
    expect(set.id).toBe(h.instanceId);
    expect(Object.keys(set.outs.users)).toHaveLength(SIZE);
    expect(set.outs.users['staff-000']).toMatchObject({
      displayName: 'staff 0',
      email: 'a@example.com',
      primaryOrganizationalUnitId: ouA,
      organizationalUnitIds: [ouB],
      status: 'enabled',
    });
    expect(set.outs.users['staff-001']).toMatchObject({
      primaryOrganizationalUnitId: h.rootOuId,
      status: 'disabled',
    });
    const live = await liveUser(set.outs.userIds['staff-000']);
    expect(live).toMatchObject({
      Username: 'staff-000',
      DisplayName: 'staff 0',
      PrimaryOrganizationalUnitId: ouA,
    });
    expect(live.OrganizationalUnits?.map((o) => o.OrganizationalUnitId).sort()).toEqual([ouA, ouB].sort());
    expect((await liveUser(set.outs.userIds['staff-001'])).Status).toBe('disabled');
  });

  test('an entry records its id and the User inputs, not what only the service sets', async () => {
    // An undeclared external id equal to the account id, and undeclared empty lists, are left out.
    expect(set.outs.users['staff-002']).toEqual({
      displayName: 'staff 2',
      primaryOrganizationalUnitId: ouA,
      status: 'enabled',
      userId: set.outs.userIds['staff-002'],
    });
    expect(Object.keys(set.outs.users['staff-000']).sort()).toEqual(
      [
        'declaredInputs',
        'displayName',
        'email',
        'emailVerified',
        'organizationalUnitIds',
        'primaryOrganizationalUnitId',
        'status',
        'userId',
      ].sort(),
    );
    // The fields most entries declare are recorded once; an entry declaring others lists its own.
    expect(set.outs.entryInputs).toEqual(['displayName', 'primaryOrganizationalUnitId']);
    expect((set.outs.users['staff-002'] as Record<string, unknown>).declaredInputs).toBeUndefined();
    expect((set.outs.users['staff-001'] as Record<string, unknown>).declaredInputs).toEqual([
      'displayName',
      'status',
    ]);
  });

  test('passwords are kept out of the plain outputs, in a secret output', async () => {
    expect(JSON.stringify(set.outs.users)).not.toContain('Secret-Pass-123');
    expect(set.outs.passwords).toEqual({ 'staff-001': 'Secret-Pass-123' });
    expect(Users.secretOutputs).toEqual(['passwords']);
    expect((await liveUser(set.outs.userIds['staff-001'])).PasswordSet).toBe(true);
  });

  test('the same declaration is no change; an edited entry, an added or a removed key is', async () => {
    expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false, replaces: [] });
    const users = declared.users as Record<string, Record<string, unknown>>;
    const edited = { ...users, 'staff-002': { ...users['staff-002'], displayName: 'renamed' } };
    expect(await diffVia(usersProvider, set, { ...declared, users: edited })).toMatchObject({
      changes: true,
      replaces: [],
    });
    const { ['staff-003']: _gone, ...fewer } = users;
    expect((await diffVia(usersProvider, set, { ...declared, users: fewer })).changes).toBe(true);
    expect(
      (await diffVia(usersProvider, set, { ...declared, users: { ...users, newcomer: {} } })).changes,
    ).toBe(true);
    expect(await diffVia(usersProvider, set, { ...declared, instanceId: 'idaas_other' })).toMatchObject({
      replaces: ['instanceId'],
      deleteBeforeReplace: true,
    });
    expect(h.totalCalls()).toBe(0);
  });

  test('check names the entry and field of every failure, never echoing a password', async () => {
    const res = await provider.check(
      {},
      {
        instanceId: h.instanceId,
        users: {
          ok: {},
          'bad name!': {},
          mail: { email: 'not-an-email', emailVerified: true },
          long: { password: 'p'.repeat(80) },
          keyed: { username: 'other' },
          scalar: 'x',
        },
        __provider: PROVIDER_ENTRY,
      },
    );
    const reasons = (res.failures ?? []).map((f) => `${f.property}: ${f.reason}`);
    expect(reasons.some((r) => r.startsWith('users: users["bad name!"].username'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('users: users["mail"].email'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('users: users["long"].password'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('users: users["keyed"].username is not allowed'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('users: users["scalar"] must be an object'))).toBe(true);
    expect(reasons.some((r) => r.includes('"ok"'))).toBe(false);
    expect(JSON.stringify(res.failures)).not.toContain('p'.repeat(80));
    const missing = await provider.check({}, { instanceId: h.instanceId, __provider: PROVIDER_ENTRY });
    expect(missing.failures?.map((f) => f.property)).toEqual(['users']);
    expect(h.totalCalls()).toBe(0);
  });

  test('refresh costs one ListUsers call per 100 accounts and reports what it read', async () => {
    const read = await refreshVia(usersProvider, set);
    expect(h.calls()).toEqual({ ListUsers: Math.ceil(SIZE / 100) });
    expect(read.id).toBe(set.id);
    expect(read.props).toEqual(set.outs);
    const inputs = read.inputs as { users: Record<string, Record<string, unknown>> };
    expect(inputs.users['staff-000']).toMatchObject({
      displayName: 'staff 0',
      primaryOrganizationalUnitId: ouA,
    });
    // The password is carried in the recorded inputs, as `User` carries it (it cannot be read;
    // the engine keeps it secret at that path: test/e2e/users-set.test.ts), never in the outputs.
    expect(inputs.users['staff-001']).toEqual({
      displayName: 'in the root unit',
      status: 'disabled',
      password: 'Secret-Pass-123',
    });
    expect(JSON.stringify((read.props as UsersOutputs).users)).not.toContain('Secret-Pass-123');
  });

  test('drift: an out-of-band edit and a deleted account show up, and the next update repairs both', async () => {
    await h.client.call('UpdateUser', {
      InstanceId: h.instanceId,
      UserId: set.outs.userIds['staff-004'],
      DisplayName: 'edited outside',
    });
    await h.client.call('DeleteUser', { InstanceId: h.instanceId, UserId: set.outs.userIds['staff-005'] });
    const read = await refreshVia(usersProvider, set);
    const refreshed: Created<UsersOutputs> = { id: set.id, outs: read.props as UsersOutputs };
    expect(refreshed.outs.users['staff-004'].displayName).toBe('edited outside');
    expect(refreshed.outs.users['staff-005']).toBeUndefined();
    expect((await diffVia(usersProvider, refreshed, declared)).changes).toBe(true);
    h.server.resetCounters();
    set = await updateVia(usersProvider, refreshed, declared);
    expect(h.calls()).toMatchObject({ CreateUser: 1, UpdateUser: 1 });
    expect((await liveUser(set.outs.userIds['staff-004'])).DisplayName).toBe('staff 4');
    expect(await userExists(set.outs.userIds['staff-005'])).toBe(true);
    expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false });
  });

  test('an update adds, removes, edits and recreates entries, and never touches unlisted accounts', async () => {
    const users = { ...(declared.users as Record<string, Record<string, unknown>>) };
    const removedId = set.outs.userIds['staff-006'];
    const recreatedId = set.outs.userIds['staff-007'];
    const editedId = set.outs.userIds['staff-008'];
    delete users['staff-006'];
    users['staff-007'] = { ...users['staff-007'], userExternalId: 'ext-007' };
    users['staff-008'] = { ...users['staff-008'], displayName: 'edited', description: 'now described' };
    users['staff-new'] = { displayName: 'new one' };
    declared = { ...declared, users };
    set = await updateVia(usersProvider, set, declared);
    expect(await userExists(removedId)).toBe(false);
    expect(set.outs.users['staff-006']).toBeUndefined();
    expect(set.outs.userIds['staff-007']).not.toBe(recreatedId);
    expect(await userExists(recreatedId)).toBe(false);
    expect((await liveUser(set.outs.userIds['staff-007'])).UserExternalId).toBe('ext-007');
    expect(set.outs.userIds['staff-008']).toBe(editedId);
    expect(await liveUser(editedId)).toMatchObject({ DisplayName: 'edited', Description: 'now described' });
    expect(set.outs.users['staff-new'].displayName).toBe('new one');
    expect(await userExists(bystander)).toBe(true);
    expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false });
  });

  test('import finds the listed accounts by username and records them as they are', async () => {
    const listed = { 'staff-010': { displayName: 'staff 10' }, 'staff-011': { displayName: 'staff 11' } };
    const read = await provider.read(h.instanceId, {
      instanceId: h.instanceId,
      users: listed,
      __provider: PROVIDER_ENTRY,
    });
    const outs = read.props as UsersOutputs;
    expect(Object.keys(outs.users)).toEqual(['staff-010', 'staff-011']);
    expect(outs.userIds['staff-010']).toBe(set.outs.userIds['staff-010']);
    expect(outs.users['staff-010'].primaryOrganizationalUnitId).toBe(ouA);
    expect(read.inputs).toEqual({ instanceId: h.instanceId, users: listed });
    await expect(
      provider.read(h.instanceId, { instanceId: 'idaas_other', users: listed, __provider: PROVIDER_ENTRY }),
    ).rejects.toThrow(/does not match/);
  });

  test('delete removes the managed accounts only; deleting again succeeds', async () => {
    await provider.delete(set.id, { ...set.outs, __provider: PROVIDER_ENTRY });
    for (const id of Object.values(set.outs.userIds).slice(0, 5)) expect(await userExists(id)).toBe(false);
    expect(await userExists(bystander)).toBe(true);
    await expect(
      provider.delete(set.id, { ...set.outs, __provider: PROVIDER_ENTRY }),
    ).resolves.toBeUndefined();
  });
});

describe('Users partial failure and adoption', () => {
  test('a failing entry fails the step, the accounts made are recorded, and the next update adds only the rest', async () => {
    const users: Record<string, Record<string, unknown>> = {
      ...entries('part', 3),
      'part-bad': { primaryOrganizationalUnitId: 'ou_doesnotexist0' },
    };
    const inputs = await checkedInputs(usersProvider, { instanceId: h.instanceId, users });
    const failure = await expectPartialFailure(provider.create({ ...inputs, __provider: PROVIDER_ENTRY }));
    expect(failure.id).toBe(h.instanceId);
    expect(failure.message).toMatch(/part-bad/);
    const recorded = failure.properties as unknown as UsersOutputs;
    expect(Object.keys(recorded.users).sort()).toEqual(['part-000', 'part-001', 'part-002']);
    expect(failure.properties.__provider).toBe(PROVIDER_ENTRY);
    const fixed = { ...users, 'part-bad': { primaryOrganizationalUnitId: ouB } };
    h.server.resetCounters();
    const after = await updateVia<UsersOutputs>(
      usersProvider,
      { id: failure.id, outs: recorded },
      { instanceId: h.instanceId, users: fixed },
    );
    expect(h.calls().CreateUser).toBe(1);
    expect(after.outs.users['part-bad'].primaryOrganizationalUnitId).toBe(ouB);
    await provider.delete(after.id, { ...after.outs, __provider: PROVIDER_ENTRY });
  });

  test('when nothing could be created, the error records nothing', async () => {
    const inputs = await checkedInputs(usersProvider, {
      instanceId: h.instanceId,
      users: { lonely: { primaryOrganizationalUnitId: 'ou_doesnotexist0' } },
    });
    const err = await provider.create({ ...inputs, __provider: PROVIDER_ENTRY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { id?: unknown }).id).toBeUndefined();
    expect((err as Error).message).toMatch(/lonely/);
  });

  test('an existing username fails without adoptExisting, and is taken over (same account) with it', async () => {
    const existing =
      (
        await h.client.call('CreateUser', {
          InstanceId: h.instanceId,
          Username: 'moving-in',
          DisplayName: 'before',
          PrimaryOrganizationalUnitId: h.rootOuId,
        })
      ).UserId ?? '';
    const users = { 'moving-in': { displayName: 'after', primaryOrganizationalUnitId: ouA } };
    const refused = await provider
      .create({
        ...(await checkedInputs(usersProvider, { instanceId: h.instanceId, users })),
        __provider: PROVIDER_ENTRY,
      })
      .catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/moving-in/);
    const adopted = await createVia<UsersOutputs>(usersProvider, {
      instanceId: h.instanceId,
      users,
      adoptExisting: true,
    });
    expect(adopted.outs.userIds['moving-in']).toBe(existing);
    expect(await liveUser(existing)).toMatchObject({
      DisplayName: 'after',
      PrimaryOrganizationalUnitId: ouA,
    });
    expect(
      await diffVia(usersProvider, adopted, { instanceId: h.instanceId, users, adoptExisting: true }),
    ).toMatchObject({ changes: false });
  });
});
