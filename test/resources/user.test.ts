/**
 * The User provider against the local server: create (minimal and full), an in-place update of
 * every updatable field checked through GetUser, replacements, unlock trigger, secrets, check
 * failures without API calls, import, idempotent delete, and multi-step creates that fail
 * halfway (recorded, never orphaned) or at the first step (nothing left behind).
 */
import { handlers } from '../../src/local-server/operations';
import { EiamError } from '../../src/local-server/model/errors';
import { User, userProvider, type UserOutputs } from '../../src/resources/user';
import {
  createVia,
  diffVia,
  expectPartialFailure,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
  recordedFor,
} from './harness';

let h: Harness;
let ouA = '';
let ouB = '';
let ouC = '';

beforeAll(async () => {
  h = await startHarness();
  const ou = async (name: string) =>
    (
      await h.client.call('CreateOrganizationalUnit', {
        InstanceId: h.instanceId,
        OrganizationalUnitName: name,
        ParentId: h.rootOuId,
      })
    ).OrganizationalUnitId ?? '';
  ouA = await ou('A');
  ouB = await ou('B');
  ouC = await ou('C');
  // The user schema the accounts' custom field values refer to.
  for (const fieldName of ['team', 'floor']) {
    await h.client.call('CreateCustomField', {
      InstanceId: h.instanceId,
      EntityType: 'user',
      FieldName: fieldName,
      FieldDisplayName: fieldName,
      FieldDataType: fieldName === 'floor' ? 'number' : 'string',
      FieldDisplayType: 'input',
    });
  }
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function liveUser(userId: string) {
  return (await h.client.call('GetUser', { InstanceId: h.instanceId, UserId: userId })).User!;
}

/** The inputs of a full account (usernames and external ids are unique in an instance). */
function fullInputs(username: string, externalId: string): Record<string, unknown> {
  return {
    instanceId: h.instanceId,
    username,
    displayName: 'Alice',
    email: 'alice@example.com',
    emailVerified: true,
    phoneNumber: '13800000000',
    phoneRegion: '86',
    phoneNumberVerified: false,
    description: 'first user',
    userExternalId: externalId,
    customFields: [{ fieldName: 'team', fieldValue: 'core' }],
    primaryOrganizationalUnitId: ouA,
    organizationalUnitIds: [ouB],
    status: 'disabled',
    password: 'Secret-Pass-1',
    passwordInitializationConfig: { passwordInitializationPolicyPriority: 'global' },
  };
}

let accounts = 0;

/** Each test's own full account (the call counters start again after it). */
async function fullAccount(): Promise<{ alice: Created<UserOutputs>; declared: Record<string, unknown> }> {
  const n = ++accounts;
  const declared = fullInputs(`alice-${n}`, `ext-alice-${n}`);
  const alice = await createVia<UserOutputs>(userProvider, declared);
  h.server.resetCounters();
  return { alice, declared };
}

describe('User', () => {
  // The provider's settings are per process: each block points it at its own server.
  beforeAll(() => h.configure(userProvider));

  test('a minimal account lands in the root unit, enabled', async () => {
    const bob = await createVia<UserOutputs>(userProvider, { instanceId: h.instanceId, username: 'bob' });
    expect(bob.id).toBe(`${h.instanceId}/${bob.outs.userId}`);
    expect(bob.outs).toMatchObject({
      username: 'bob',
      primaryOrganizationalUnitId: h.rootOuId,
      status: 'enabled',
    });
    expect(bob.outs.organizationalUnitIds).toEqual([]);
    await userProvider.delete!(bob.id, bob.outs);
  });

  test('a full account: every attribute reaches the service', async () => {
    const declared = fullInputs('alice', 'ext-alice');
    const alice = await createVia<UserOutputs>(userProvider, declared);
    const live = await liveUser(alice.outs.userId);
    expect(live).toMatchObject({
      Username: 'alice',
      DisplayName: 'Alice',
      Email: 'alice@example.com',
      EmailVerified: true,
      PhoneNumber: '13800000000',
      PhoneRegion: '86',
      PhoneNumberVerified: false,
      Description: 'first user',
      UserExternalId: 'ext-alice',
      PrimaryOrganizationalUnitId: ouA,
      Status: 'disabled',
      PasswordSet: true,
    });
    expect(live.CustomFields).toEqual([{ FieldName: 'team', FieldValue: 'core' }]);
    expect(live.OrganizationalUnits?.map((o) => o.OrganizationalUnitId).sort()).toEqual([ouA, ouB].sort());
    expect(alice.outs).toMatchObject({
      organizationalUnitIds: [ouB],
      password: 'Secret-Pass-1',
      status: 'disabled',
    });
    expect(h.calls().CreateUser).toBe(1);
  });

  test('no diff when nothing changed (sets in any order, the primary unit listed too)', async () => {
    const { alice, declared } = await fullAccount();
    const diff = await diffVia(userProvider, alice, { ...declared, organizationalUnitIds: [ouB, ouA] });
    expect(diff).toMatchObject({ changes: false, replaces: [] });
    const minimal = { instanceId: h.instanceId, username: declared.username };
    expect((await diffVia(userProvider, recordedFor(alice, minimal), minimal)).changes).toBe(false);
  });

  // Values are thunks: the unit ids exist only once beforeAll has run. Each case changes one
  // field of a fresh full account.
  type Live = Awaited<ReturnType<typeof liveUser>>;
  const updates: [string, () => unknown, (u: Live) => unknown, () => unknown][] = [
    ['username', () => 'alice2', (u) => u.Username, () => 'alice2'],
    ['displayName', () => 'Alice Liddell', (u) => u.DisplayName, () => 'Alice Liddell'],
    ['email', () => 'alice@example.org', (u) => u.Email, () => 'alice@example.org'],
    ['emailVerified', () => false, (u) => u.EmailVerified, () => false],
    ['phoneNumber', () => '13900000000', (u) => u.PhoneNumber, () => '13900000000'],
    ['phoneRegion', () => '852', (u) => u.PhoneRegion, () => '852'],
    ['phoneNumberVerified', () => true, (u) => u.PhoneNumberVerified, () => true],
    ['description', () => 'renamed user', (u) => u.Description, () => 'renamed user'],
    [
      'customFields',
      () => [{ fieldName: 'floor', fieldValue: '3' }],
      (u) => u.CustomFields,
      () => [{ FieldName: 'floor', FieldValue: '3' }],
    ],
    ['primaryOrganizationalUnitId', () => ouC, (u) => u.PrimaryOrganizationalUnitId, () => ouC],
    [
      'organizationalUnitIds',
      () => [ouC],
      (u) => u.OrganizationalUnits?.map((o) => o.OrganizationalUnitId).sort(),
      () => [ouA, ouC].sort(),
    ],
    ['status', () => 'enabled', (u) => u.Status, () => 'enabled'],
  ];

  test.each(updates)('a change of %s updates the account in place', async (field, value, pick, expected) => {
    const account = await fullAccount();
    const declared = { ...account.declared, [field]: value() };
    const before = account.alice.id;
    const alice = await updateVia(userProvider, account.alice, declared);
    expect(alice.id).toBe(before);
    expect(pick(await liveUser(alice.outs.userId))).toEqual(expected());
    expect(await diffVia(userProvider, alice, declared)).toMatchObject({ changes: false });
  });

  test('a password change calls UpdateUserPassword and records the new value as a secret output', async () => {
    const account = await fullAccount();
    const declared = { ...account.declared, password: 'Another-Pass-2' };
    const alice = await updateVia(userProvider, account.alice, declared);
    expect(h.calls().UpdateUserPassword).toBe(1);
    expect(alice.outs.password).toBe('Another-Pass-2');
    expect(User.secretOutputs).toContain('password');
  });

  test('a rejected password is reported without echoing it', async () => {
    const { alice, declared } = await fullAccount();
    const weak = 'short';
    const olds = { ...alice.outs, __provider: PROVIDER_ENTRY };
    const err = await userProvider.update!(alice.id, olds, {
      ...declared,
      password: weak,
      __provider: PROVIDER_ENTRY,
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toMatch(/UpdateUserPassword/);
    expect(err!.message).not.toContain(weak);
  });

  test('unlockTrigger: a new value calls UnlockUser, the same value does nothing', async () => {
    const account = await fullAccount();
    const declared = { ...account.declared, unlockTrigger: '2024-06-01' };
    const alice = await updateVia(userProvider, account.alice, declared);
    expect(h.calls().UnlockUser).toBe(1);
    expect(alice.outs.unlockTrigger).toBe('2024-06-01');
    expect((await diffVia(userProvider, alice, declared)).changes).toBe(false);
  });

  test('passwordInitializationConfig is create-only and never causes a diff', async () => {
    const { alice, declared } = await fullAccount();
    const diff = await diffVia(userProvider, alice, {
      ...declared,
      passwordInitializationConfig: {
        passwordInitializationPolicyPriority: 'custom',
        passwordInitializationType: 'random',
      },
    });
    expect(diff.changes).toBe(false);
  });

  test.each([
    ['instanceId', 'idaas_elsewhere'],
    ['userExternalId', 'ext-new'],
  ])('a change of %s replaces the account, deleting the old one first', async (field, value) => {
    const { alice, declared } = await fullAccount();
    const diff = await diffVia(userProvider, alice, { ...declared, [field]: value });
    expect(diff).toMatchObject({ changes: true, replaces: [field], deleteBeforeReplace: true });
  });

  test('import: read from the id and the declared inputs; the declared password is kept as declared', async () => {
    const { alice, declared } = await fullAccount();
    const { username } = declared;
    const read = await userProvider.read!(alice.id, {
      instanceId: h.instanceId,
      username,
      password: 'Secret-Pass-1',
      __provider: PROVIDER_ENTRY,
    });
    expect(read.props).toMatchObject({
      userId: alice.outs.userId,
      username,
      password: 'Secret-Pass-1',
    });
    expect(read.inputs).toEqual({ instanceId: h.instanceId, username, password: 'Secret-Pass-1' });
  });

  test('check failures name the field and make no API call', async () => {
    const r = await userProvider.check!(
      {},
      {
        instanceId: h.instanceId,
        username: 'has space',
        email: 'not-an-email',
        phoneNumber: '12',
        status: 'paused',
        customFields: [
          { fieldName: 'a', fieldValue: '1' },
          { fieldName: 'a', fieldValue: '2' },
        ],
        passwordInitializationConfig: { passwordInitializationType: 'sequential' },
      },
    );
    const props = r.failures!.map((f) => f.property);
    expect(props).toEqual(
      expect.arrayContaining([
        'username',
        'email',
        'emailVerified',
        'phoneNumber',
        'phoneNumberVerified',
        'phoneRegion',
        'status',
        'customFields[1].fieldName',
        'passwordInitializationConfig.passwordInitializationType',
      ]),
    );
    expect(r.failures!.find((f) => f.property.startsWith('passwordInitializationConfig'))!.reason).toContain(
      'passwordInitializationType',
    );
    expect(h.totalCalls()).toBe(0);
  });

  test('delete removes the account; delete and read of a gone account succeed', async () => {
    const { alice } = await fullAccount();
    await userProvider.delete!(alice.id, alice.outs);
    await expect(liveUser(alice.outs.userId)).rejects.toThrow(/EntityNotExists/);
    await expect(userProvider.delete!(alice.id, alice.outs)).resolves.toBeUndefined();
    expect(await refreshVia(userProvider, alice)).toEqual({});
  });

  test('a create whose first call fails leaves nothing behind', async () => {
    await expect(
      createVia(userProvider, {
        instanceId: h.instanceId,
        username: 'carol',
        organizationalUnitIds: ['ou_missing'],
      }),
    ).rejects.toThrow(/CreateUser/);
    const users = await h.client.listAll('ListUsers', {
      InstanceId: h.instanceId,
      UsernameStartsWith: 'carol',
    });
    expect(users).toEqual([]);
  });
});

describe('User create failing after the account exists', () => {
  let f: Harness;
  let failuresLeft = 1;

  beforeAll(async () => {
    // DisableUser fails once (a non-retryable error), as a follow-up step of create.
    f = await startHarness({
      handlers: {
        ...handlers,
        DisableUser: (ctx, params) => {
          if (failuresLeft-- > 0) throw new EiamError('OperationDenied.Injected', 'injected failure', 403);
          return handlers.DisableUser(ctx, params);
        },
      },
    });
    await f.configure(userProvider);
  });
  afterAll(() => f.stop());

  test('the error carries the id and properties (the engine records the account), and the next up finishes', async () => {
    const inputs = {
      instanceId: f.instanceId,
      username: 'dave',
      status: 'disabled',
      password: 'Dave-Pass-123',
    };
    const failure = await expectPartialFailure(
      userProvider.create({ ...inputs, __provider: PROVIDER_ENTRY }),
    );
    expect(failure.message).toMatch(/was created but disabling it failed/);
    expect(failure.message).not.toContain('Dave-Pass-123');
    const [instanceId, userId] = failure.id.split('/');
    expect(instanceId).toBe(f.instanceId);
    expect(failure.properties).toMatchObject({
      userId,
      username: 'dave',
      status: 'enabled',
      __provider: PROVIDER_ENTRY,
    });
    // Not orphaned: it exists, and the state the engine records points at it.
    const live = (await f.client.call('GetUser', { InstanceId: f.instanceId, UserId: userId })).User!;
    expect(live.Status).toBe('enabled');

    // The next `pulumi up`: diff against the recorded properties, then update.
    const diff = await userProvider.diff!(failure.id, failure.properties, {
      ...inputs,
      __provider: PROVIDER_ENTRY,
    });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    await userProvider.update!(failure.id, failure.properties, { ...inputs, __provider: PROVIDER_ENTRY });
    expect((await f.client.call('GetUser', { InstanceId: f.instanceId, UserId: userId })).User!.Status).toBe(
      'disabled',
    );
  });
});
