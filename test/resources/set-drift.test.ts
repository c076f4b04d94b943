/**
 * Drift matrix of the set forms, as `drift-matrix.test.ts` is for the single ones: for every
 * attribute a `Users` entry or an `ApplicationAuthorizations` list manages, a change made through
 * the API behind the provider's back shows up in `read` (live outputs and recorded inputs), the
 * plan names that attribute of that entry and nothing else, `update` puts the declared value back
 * with only the calls it needs, and the diff is clean again.
 *
 * Not in the matrix, by design: an entry's units and custom fields (ListUsers does not report
 * them; the set keeps their recorded values, see `src/resources/users.ts`), `userExternalId` (the
 * API cannot change it) and `password` (write-only).
 */
import { attributeDrifts } from '../../src/drift/report';
import {
  applicationAuthorizationsProvider,
  type ApplicationAuthorizationsOutputs,
} from '../../src/resources/application-authorizations';
import { usersProvider, type UsersOutputs } from '../../src/resources/users';
import {
  checkedInputs,
  createVia,
  diffVia,
  makeGroup,
  makeOu,
  makeUser,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

type Bag = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.configure(usersProvider, applicationAuthorizationsProvider);
});
afterAll(() => h.stop());

/** Paths a plan shows between recorded and declared inputs. */
async function shownPaths(provider: Parameters<typeof checkedInputs>[0], recorded: Bag, declared: Bag) {
  return attributeDrifts(recorded, await checkedInputs(provider, declared)).map((a) => a.path);
}

describe('Users: every listed attribute of an entry', () => {
  const WATCHED = 'watched';
  let declared: Bag;
  let set: Created<UsersOutputs>;
  const userId = () => set.outs.userIds[WATCHED];
  const key = () => ({ InstanceId: h.instanceId, UserId: userId() });

  beforeAll(async () => {
    declared = {
      instanceId: h.instanceId,
      users: {
        [WATCHED]: {
          displayName: 'Watched',
          email: 'watched@example.com',
          emailVerified: true,
          phoneNumber: '13800000002',
          phoneRegion: '86',
          phoneNumberVerified: true,
          description: 'watched entry',
          status: 'enabled',
        },
        bystander: { displayName: 'Bystander' },
      },
    };
    set = await createVia<UsersOutputs>(usersProvider, declared);
  });

  test('no drift: read reports what was created and the diff is clean', async () => {
    const read = await refreshVia(usersProvider, set);
    expect(read.props).toEqual(set.outs);
    expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false });
  });

  /** [attribute, out-of-band change, the call that puts it back] */
  const MATRIX: [string, () => Promise<unknown>, string][] = [
    ['displayName', () => h.client.call('UpdateUser', { ...key(), DisplayName: 'Oob' }), 'UpdateUser'],
    [
      'email',
      () => h.client.call('UpdateUser', { ...key(), Email: 'oob@example.com', EmailVerified: true }),
      'UpdateUser',
    ],
    ['emailVerified', () => h.client.call('UpdateUser', { ...key(), EmailVerified: false }), 'UpdateUser'],
    [
      'phoneNumber',
      () => h.client.call('UpdateUser', { ...key(), PhoneNumber: '13900000008', PhoneNumberVerified: true }),
      'UpdateUser',
    ],
    ['phoneRegion', () => h.client.call('UpdateUser', { ...key(), PhoneRegion: '852' }), 'UpdateUser'],
    [
      'phoneNumberVerified',
      () => h.client.call('UpdateUser', { ...key(), PhoneNumberVerified: false }),
      'UpdateUser',
    ],
    [
      'description',
      () => h.client.call('UpdateUserDescription', { ...key(), Description: 'oob' }),
      'UpdateUserDescription',
    ],
    ['status', () => h.client.call('DisableUser', key()), 'EnableUser'],
  ];

  test.each(MATRIX)(
    '%s changed behind the provider’s back: read and the plan show that attribute of that entry, update repairs it',
    async (attribute, mutate, repair) => {
      const before = (await refreshVia(usersProvider, set)).props as UsersOutputs;
      await mutate();
      const read = await refreshVia(usersProvider, set);
      const after = read.props as UsersOutputs;
      const live = after.users[WATCHED] as unknown as Bag;
      expect(live[attribute]).not.toEqual((before.users[WATCHED] as unknown as Bag)[attribute]);
      expect((read.inputs as { users: Record<string, Bag> }).users[WATCHED][attribute]).toEqual(
        live[attribute],
      );
      expect(after.users.bystander).toEqual(before.users.bystander);

      const refreshed: Created<UsersOutputs> = { id: set.id, outs: after };
      expect(await diffVia(usersProvider, refreshed, declared)).toMatchObject({
        changes: true,
        replaces: [],
      });
      expect(await shownPaths(usersProvider, read.inputs as unknown as Bag, declared)).toEqual([
        `users.${WATCHED}.${attribute}`,
      ]);

      h.server.resetCounters();
      set = await updateVia(usersProvider, refreshed, declared);
      expect(Object.keys(h.calls())).toContain(repair);
      expect(h.calls()).not.toHaveProperty('CreateUser');
      expect(h.calls()).not.toHaveProperty('DeleteUser');
      expect(set.outs.userIds[WATCHED]).toBe(before.userIds[WATCHED]);
      const repaired = await refreshVia(usersProvider, set);
      expect((repaired.props as UsersOutputs).users[WATCHED]).toMatchObject(
        (declared.users as Record<string, Bag>)[WATCHED],
      );
      expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false });
    },
  );

  test('declaring a field whose value already matches is a change that records it, and the next refresh keeps it', async () => {
    const users = declared.users as Record<string, Bag>;
    const withStatus = {
      ...declared,
      users: { ...users, bystander: { ...users.bystander, status: 'enabled' } },
    };
    expect(await diffVia(usersProvider, set, withStatus)).toMatchObject({ changes: true, replaces: [] });
    h.server.resetCounters();
    const updated = await updateVia(usersProvider, set, withStatus);
    expect(h.calls()).toEqual({});
    const read = await refreshVia(usersProvider, updated);
    expect((read.inputs as unknown as { users: Record<string, Bag> }).users.bystander).toEqual({
      displayName: 'Bystander',
      status: 'enabled',
    });
    expect(await shownPaths(usersProvider, read.inputs as unknown as Bag, withStatus)).toEqual([]);
    // And dropping it again is a change back.
    expect(
      await diffVia(usersProvider, { id: set.id, outs: read.props as UsersOutputs }, declared),
    ).toMatchObject({
      changes: true,
    });
    set = await updateVia(usersProvider, { id: set.id, outs: read.props as UsersOutputs }, declared);
    expect(await diffVia(usersProvider, set, declared)).toMatchObject({ changes: false });
  });

  test('an account renamed behind the provider’s back reads as gone; the update creates the declared one', async () => {
    const renamed = userId();
    await h.client.call('UpdateUser', { ...key(), Username: 'renamed-outside' });
    const read = await refreshVia(usersProvider, set);
    const after = read.props as UsersOutputs;
    expect(after.users[WATCHED]).toBeUndefined();
    expect(await shownPaths(usersProvider, read.inputs as unknown as Bag, declared)).toEqual([
      `users.${WATCHED}`,
    ]);
    h.server.resetCounters();
    set = await updateVia(usersProvider, { id: set.id, outs: after }, declared);
    expect(h.calls()).toMatchObject({ CreateUser: 1 });
    expect(set.outs.userIds[WATCHED]).not.toBe(renamed);
    // The renamed account is no longer the set's: it is left alone.
    const kept = await h.client.call('GetUser', { InstanceId: h.instanceId, UserId: renamed });
    expect(kept.User?.Username).toBe('renamed-outside');
  });
});

describe('ApplicationAuthorizations: every managed list', () => {
  let declared: Bag;
  let res: Created<ApplicationAuthorizationsOutputs>;
  let applicationId = '';
  const principals: Record<string, string[]> = {};

  beforeAll(async () => {
    const app = await h.client.call('CreateApplication', {
      InstanceId: h.instanceId,
      ApplicationName: 'Drift portal',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    });
    applicationId = app.ApplicationId ?? '';
    // A grant the resource does not manage: it must survive every repair.
    await h.client.call('AuthorizeApplicationToUsers', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
      UserIds: [await makeUser(h, 'grant-outsider')],
    });
    principals.userIds = [await makeUser(h, 'grant-a'), await makeUser(h, 'grant-b')];
    principals.groupIds = [await makeGroup(h, 'grant-group-a'), await makeGroup(h, 'grant-group-b')];
    principals.organizationalUnitIds = [await makeOu(h, 'Grant A'), await makeOu(h, 'Grant B')];
    declared = { instanceId: h.instanceId, applicationId, ...principals };
    res = await createVia<ApplicationAuthorizationsOutputs>(applicationAuthorizationsProvider, declared);
  });

  test('no drift: read reports the grants made and the diff is clean', async () => {
    const read = await refreshVia(applicationAuthorizationsProvider, res);
    expect(read.props).toEqual(res.outs);
    expect(await diffVia(applicationAuthorizationsProvider, res, declared)).toMatchObject({ changes: false });
  });

  /** [list, revoke one grant behind the provider's back, the call that grants it again] */
  const MATRIX: [string, (id: string) => Promise<unknown>, string][] = [
    [
      'userIds',
      (id) =>
        h.client.call('RevokeApplicationFromUsers', {
          InstanceId: h.instanceId,
          ApplicationId: applicationId,
          UserIds: [id],
        }),
      'AuthorizeApplicationToUsers',
    ],
    [
      'groupIds',
      (id) =>
        h.client.call('RevokeApplicationFromGroups', {
          InstanceId: h.instanceId,
          ApplicationId: applicationId,
          GroupIds: [id],
        }),
      'AuthorizeApplicationToGroups',
    ],
    [
      'organizationalUnitIds',
      (id) =>
        h.client.call('RevokeApplicationFromOrganizationalUnits', {
          InstanceId: h.instanceId,
          ApplicationId: applicationId,
          OrganizationalUnitIds: [id],
        }),
      'AuthorizeApplicationToOrganizationalUnits',
    ],
  ];

  test.each(MATRIX)(
    '%s: a grant revoked behind the provider’s back is drift on that list only, and the update grants it again',
    async (list, revoke, repair) => {
      const revoked = principals[list][1];
      await revoke(revoked);
      const read = await refreshVia(applicationAuthorizationsProvider, res);
      const after = read.props as unknown as Bag;
      expect(after[list]).toEqual([principals[list][0]]);
      expect((read.inputs as unknown as Bag)[list]).toEqual([principals[list][0]]);
      const refreshed = { id: res.id, outs: read.props as ApplicationAuthorizationsOutputs };
      expect(await diffVia(applicationAuthorizationsProvider, refreshed, declared)).toMatchObject({
        changes: true,
        replaces: [],
      });
      const shown = attributeDrifts(
        read.inputs as unknown as Bag,
        await checkedInputs(applicationAuthorizationsProvider, declared),
      );
      expect(shown).toEqual([expect.objectContaining({ path: list, added: [revoked], removed: [] })]);

      h.server.resetCounters();
      res = await updateVia(applicationAuthorizationsProvider, refreshed, declared);
      expect(h.calls()).toEqual({ [repair]: 1 });
      expect((res.outs as unknown as Bag)[list]).toEqual([...principals[list]].sort());
      expect(await diffVia(applicationAuthorizationsProvider, res, declared)).toMatchObject({
        changes: false,
      });
    },
  );
});
