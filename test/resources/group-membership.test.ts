/**
 * GroupMembership (one account in one group) and GroupMembers (the authoritative list) against
 * the local server.
 */
import {
  groupMembershipProvider,
  groupMembersProvider,
  MEMBERSHIP_BATCH_SIZE,
  type GroupMembersOutputs,
  type GroupMembershipOutputs,
} from '../../src/resources/group-membership';
import {
  createVia,
  diffVia,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(groupMembershipProvider, groupMembersProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function makeUser(username: string): Promise<string> {
  const res = await h.client.call('CreateUser', {
    InstanceId: h.instanceId,
    Username: username,
    PrimaryOrganizationalUnitId: h.rootOuId,
  });
  return res.UserId ?? '';
}

async function makeGroup(groupName: string): Promise<string> {
  return (
    (await h.client.call('CreateGroup', { InstanceId: h.instanceId, GroupName: groupName })).GroupId ?? ''
  );
}

async function members(groupId: string): Promise<string[]> {
  const rows = await h.client.listAll('ListUsersForGroup', { InstanceId: h.instanceId, GroupId: groupId });
  return rows.map((r) => r.UserId ?? '').sort();
}

describe('GroupMembership', () => {
  let groupId = '';
  let u1 = '';
  let u2 = '';
  let m: Created<GroupMembershipOutputs>;

  beforeAll(async () => {
    groupId = await makeGroup('g-single');
    u1 = await makeUser('m-one');
    u2 = await makeUser('m-two');
  });

  test('create adds the account to the group; id is instance/group/user', async () => {
    m = await createVia(groupMembershipProvider, { instanceId: h.instanceId, groupId, userId: u1 });
    expect(m.id).toBe(`${h.instanceId}/${groupId}/${u1}`);
    expect(await members(groupId)).toEqual([u1]);
  });

  test('create costs one call (no listing to confirm it) and records what a refresh reads', async () => {
    const g = await makeGroup('g-one-call');
    h.server.resetCounters();
    const one = await createVia(groupMembershipProvider, {
      instanceId: h.instanceId,
      groupId: g,
      userId: u2,
    });
    expect(h.calls()).toEqual({ AddUsersToGroup: 1 });
    expect((await refreshVia(groupMembershipProvider, one)).props).toEqual(one.outs);
  });

  test('memberships of other accounts are left alone', async () => {
    await h.client.call('AddUsersToGroup', { InstanceId: h.instanceId, GroupId: groupId, UserIds: [u2] });
    const read = await refreshVia(groupMembershipProvider, m);
    expect(read.id).toBe(m.id);
    expect(await members(groupId)).toEqual([u1, u2].sort());
  });

  test('every input identifies the membership: any change replaces it', async () => {
    const base = { instanceId: h.instanceId, groupId, userId: u1 };
    expect(await diffVia(groupMembershipProvider, m, base)).toMatchObject({ changes: false, replaces: [] });
    for (const field of ['instanceId', 'groupId', 'userId']) {
      const other = { instanceId: 'idaas_other', groupId: 'group_other', userId: 'user_other' }[field];
      const diff = await diffVia(groupMembershipProvider, m, { ...base, [field]: other });
      expect(diff).toMatchObject({ changes: true, replaces: [field] });
    }
  });

  test('import checks the declared ids against the id', async () => {
    const read = await groupMembershipProvider.read!(m.id, {
      instanceId: h.instanceId,
      groupId,
      userId: u1,
      __provider: PROVIDER_ENTRY,
    });
    expect(read.inputs).toEqual({ instanceId: h.instanceId, groupId, userId: u1 });
    await expect(groupMembershipProvider.read!(m.id, { userId: u2 })).rejects.toThrow(/userId/);
  });

  test('removal behind the provider’s back reads as gone', async () => {
    await h.client.call('RemoveUsersFromGroup', {
      InstanceId: h.instanceId,
      GroupId: groupId,
      UserIds: [u1],
    });
    expect(await refreshVia(groupMembershipProvider, m)).toEqual({});
    m = await createVia(groupMembershipProvider, { instanceId: h.instanceId, groupId, userId: u1 });
  });

  test('delete removes only this account; deleting again, or after the user is gone, succeeds', async () => {
    await groupMembershipProvider.delete!(m.id, m.outs);
    expect(await members(groupId)).toEqual([u2]);
    await expect(groupMembershipProvider.delete!(m.id, m.outs)).resolves.toBeUndefined();
    const gone = await makeUser('m-gone');
    const g = await createVia(groupMembershipProvider, { instanceId: h.instanceId, groupId, userId: gone });
    await h.client.call('DeleteUser', { InstanceId: h.instanceId, UserId: gone });
    expect(await refreshVia(groupMembershipProvider, g)).toEqual({});
    await expect(groupMembershipProvider.delete!(g.id, g.outs)).resolves.toBeUndefined();
  });

  test('check failures name the field and make no API call', async () => {
    const r = await groupMembershipProvider.check!({}, { instanceId: h.instanceId, groupId: '' });
    expect(r.failures?.map((f) => f.property).sort()).toEqual(['groupId', 'userId']);
    expect(h.totalCalls()).toBe(0);
  });
});

describe('GroupMembers', () => {
  let groupId = '';
  let users: string[] = [];
  let gm: Created<GroupMembersOutputs>;

  beforeAll(async () => {
    groupId = await makeGroup('g-list');
    users = [];
    for (let i = 0; i < 4; i++) users.push(await makeUser(`list-${i}`));
  });

  test('create makes the member list exactly the declared one (removing others)', async () => {
    await h.client.call('AddUsersToGroup', {
      InstanceId: h.instanceId,
      GroupId: groupId,
      UserIds: [users[3]],
    });
    h.server.resetCounters();
    gm = await createVia(groupMembersProvider, {
      instanceId: h.instanceId,
      groupId,
      userIds: [users[0], users[1]],
    });
    // One listing, one call per batch, and no second listing to read the result back.
    expect(h.calls()).toEqual({ ListUsersForGroup: 1, AddUsersToGroup: 1, RemoveUsersFromGroup: 1 });
    expect(gm.id).toBe(`${h.instanceId}/${groupId}`);
    expect(await members(groupId)).toEqual([users[0], users[1]].sort());
    expect(gm.outs.userIds.sort()).toEqual([users[0], users[1]].sort());
  });

  test('order and duplicates do not matter', async () => {
    const diff = await diffVia(groupMembersProvider, gm, {
      instanceId: h.instanceId,
      groupId,
      userIds: [users[1], users[0], users[1]],
    });
    expect(diff).toMatchObject({ changes: false, replaces: [] });
  });

  test('an update adds missing accounts and removes unlisted ones', async () => {
    gm = await updateVia(groupMembersProvider, gm, {
      instanceId: h.instanceId,
      groupId,
      userIds: [users[1], users[2]],
    });
    expect(await members(groupId)).toEqual([users[1], users[2]].sort());
    expect(h.calls()).toMatchObject({ AddUsersToGroup: 1, RemoveUsersFromGroup: 1 });
  });

  test('an account added behind its back is drift: read reports it and diff wants to remove it', async () => {
    await h.client.call('AddUsersToGroup', {
      InstanceId: h.instanceId,
      GroupId: groupId,
      UserIds: [users[3]],
    });
    const read = await refreshVia(groupMembersProvider, gm);
    expect(read.props!.userIds.sort()).toEqual([users[1], users[2], users[3]].sort());
    const refreshed = { id: gm.id, outs: read.props! };
    const declared = { instanceId: h.instanceId, groupId, userIds: [users[1], users[2]] };
    expect((await diffVia(groupMembersProvider, refreshed, declared)).changes).toBe(true);
    gm = await updateVia(groupMembersProvider, refreshed, declared);
    expect(await members(groupId)).toEqual([users[1], users[2]].sort());
  });

  test('changing the group replaces the resource', async () => {
    const diff = await diffVia(groupMembersProvider, gm, {
      instanceId: h.instanceId,
      groupId: 'group_other',
      userIds: [],
    });
    expect(diff.replaces).toEqual(['groupId']);
  });

  test(`more than ${MEMBERSHIP_BATCH_SIZE} accounts go in batches`, async () => {
    const many: string[] = [];
    for (let i = 0; i < MEMBERSHIP_BATCH_SIZE + 5; i++) many.push(await makeUser(`bulk-${i}`));
    h.server.resetCounters();
    gm = await updateVia(groupMembersProvider, gm, { instanceId: h.instanceId, groupId, userIds: many });
    expect(await members(groupId)).toEqual([...many].sort());
    expect(h.calls()).toMatchObject({ AddUsersToGroup: 2, RemoveUsersFromGroup: 1 });
  });

  test('delete removes the managed accounts; a group that is gone reads as gone', async () => {
    await groupMembersProvider.delete!(gm.id, gm.outs);
    expect(await members(groupId)).toEqual([]);
    await h.client.call('DeleteGroup', { InstanceId: h.instanceId, GroupId: groupId });
    expect(await refreshVia(groupMembersProvider, gm)).toEqual({});
    await expect(groupMembersProvider.delete!(gm.id, gm.outs)).resolves.toBeUndefined();
  });

  test('check failures name the field and make no API call', async () => {
    const r = await groupMembersProvider.check!(
      {},
      { instanceId: h.instanceId, groupId: 'group_1', userIds: 'u1' },
    );
    // A string where a list belongs: named, and the engine may print it (a plain string).
    expect(r.failures).toEqual([{ property: 'userIds', reason: 'userIds must be a list of strings' }]);
    expect(h.totalCalls()).toBe(0);
  });
});
