/**
 * Import of something that is not there: the read the engine makes for an import (the declared
 * inputs only) fails saying the object does not exist and what is wrong with the id's shape,
 * while a refresh of a recorded object that was deleted still reads as gone.
 */
import { applicationProvider } from '../../src/resources/application';
import { groupProvider } from '../../src/resources/group';
import { groupMembersProvider, groupMembershipProvider } from '../../src/resources/group-membership';
import { passwordPolicyProvider } from '../../src/resources/password-policy';
import { instanceProvider } from '../../src/resources/instance';
import { organizationalUnitProvider } from '../../src/resources/organizational-unit';
import { userProvider } from '../../src/resources/user';
import { createVia, PROVIDER_ENTRY, refreshVia, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.configure(
    applicationProvider,
    groupProvider,
    groupMembersProvider,
    groupMembershipProvider,
    instanceProvider,
    passwordPolicyProvider,
    organizationalUnitProvider,
    userProvider,
  );
});
afterAll(() => h.stop());

/** The read an import makes: the declared inputs (and the provider entry), no outputs. */
const importRead = (provider: typeof groupProvider, id: string, declared: Record<string, unknown>) =>
  provider.read!(id, { ...declared, __provider: PROVIDER_ENTRY });

test.each([
  ['Group', groupProvider, 'group_doesnotexist', { groupName: 'g' }],
  ['OrganizationalUnit', organizationalUnitProvider, 'ou_doesnotexist', { organizationalUnitName: 'u' }],
  ['User', userProvider, 'user_doesnotexist', { username: 'u' }],
  ['Application', applicationProvider, 'app_doesnotexist', { applicationName: 'a', ssoType: 'oidc' }],
] as const)('import of a %s that does not exist says so', async (kind, provider, objectId, declared) => {
  const id = `${h.instanceId}/${objectId}`;
  await expect(importRead(provider, id, { instanceId: h.instanceId, ...declared })).rejects.toThrow(
    `Cannot import ${kind} ${id}: it does not exist.`,
  );
});

test('import of an instance that does not exist says so', async () => {
  await expect(importRead(instanceProvider, 'idaas_doesnotexist', {})).rejects.toThrow(
    'Cannot import Instance idaas_doesnotexist: it does not exist.',
  );
});

test('import with an id of the wrong kind names the part and the kinds', async () => {
  const id = `${h.instanceId}/user_abc`;
  await expect(importRead(groupProvider, id, { instanceId: h.instanceId, groupName: 'g' })).rejects.toThrow(
    'its groupId part must be a group id (group_ followed by lowercase letters and digits); the value is a user id (user_…)',
  );
});

test('import with an id of the wrong shape shows the expected format', async () => {
  await expect(importRead(groupProvider, 'just-one-part', { groupName: 'g' })).rejects.toThrow(
    'expected instanceId/groupId',
  );
});

test('a refresh of a recorded group deleted elsewhere still reads as gone', async () => {
  const g = await createVia<{ groupId: string }>(groupProvider, {
    instanceId: h.instanceId,
    groupName: 'to-vanish',
  });
  await h.client.call('DeleteGroup', { InstanceId: h.instanceId, GroupId: g.outs.groupId });
  expect(await refreshVia(groupProvider, g)).toEqual({});
});

describe('resources whose outputs repeat their inputs', () => {
  let groupId: string;
  let userId: string;
  beforeAll(async () => {
    groupId = (
      await createVia<{ groupId: string }>(groupProvider, {
        instanceId: h.instanceId,
        groupName: 'import-probe',
      })
    ).outs.groupId;
    userId = (
      await createVia<{ userId: string }>(userProvider, { instanceId: h.instanceId, username: 'probe' })
    ).outs.userId;
  });

  test('import of a membership that does not exist says so', async () => {
    const id = `${h.instanceId}/${groupId}/${userId}`;
    await expect(
      importRead(groupMembershipProvider, id, { instanceId: h.instanceId, groupId, userId }),
    ).rejects.toThrow(`Cannot import GroupMembership ${id}: it does not exist.`);
  });

  test('import of the members of a group that does not exist says so', async () => {
    const id = `${h.instanceId}/group_doesnotexist`;
    await expect(
      importRead(groupMembersProvider, id, {
        instanceId: h.instanceId,
        groupId: 'group_doesnotexist',
        userIds: [userId],
      }),
    ).rejects.toThrow(`Cannot import GroupMembers ${id}: it does not exist.`);
  });

  test('import of the password policy of an instance that does not exist says so', async () => {
    await expect(importRead(passwordPolicyProvider, 'idaas_doesnotexist', {})).rejects.toThrow(
      'Cannot import PasswordPolicy idaas_doesnotexist: it does not exist.',
    );
  });

  test('a refresh of a recorded membership removed elsewhere still reads as gone', async () => {
    const m = await createVia(groupMembershipProvider, { instanceId: h.instanceId, groupId, userId });
    await h.client.call('RemoveUsersFromGroup', {
      InstanceId: h.instanceId,
      GroupId: groupId,
      UserIds: [userId],
    });
    expect(await refreshVia(groupMembershipProvider, m)).toEqual({});
  });
});
