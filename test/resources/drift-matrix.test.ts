/**
 * Drift matrix: for every attribute the directory resources manage, a change made through the
 * API behind the provider's back must show up in `read` (as live outputs, and as the recorded
 * input) and make `diff` against the program's declared inputs report a change; `update` then
 * puts the declared value back and the diff is clean again. Also: no diff when nothing changed.
 *
 * Not in the matrix, by design: `userExternalId` and `organizationalUnitExternalId` (the API
 * cannot change them, so they cannot drift), `User.password` (write-only: it cannot be read), and
 * every `CustomField` attribute but `status` (the API has no update operation for a field).
 */
import type * as pulumi from '@pulumi/pulumi';
import { attributeDrifts } from '../../src/drift/report';
import { customFieldProvider } from '../../src/resources/custom-field';
import { groupProvider } from '../../src/resources/group';
import { groupMembersProvider, groupMembershipProvider } from '../../src/resources/group-membership';
import { instanceProvider } from '../../src/resources/instance';
import { organizationalUnitProvider } from '../../src/resources/organizational-unit';
import { passwordPolicyProvider } from '../../src/resources/password-policy';
import { userProvider } from '../../src/resources/user';
import {
  checkedInputs,
  createVia,
  PROVIDER_ENTRY,
  startHarness,
  type Created,
  type Harness,
} from './harness';

type Bag = Record<string, unknown>;

/** One managed resource under watch: its provider, declared inputs and current state. */
interface Subject {
  provider: pulumi.dynamic.ResourceProvider;
  declared: Bag;
  current: Created<Bag>;
}

let h: Harness;
const subjects: Record<string, Subject> = {};
let ou2 = '';
let ou3 = '';
let spareUser = '';

async function subject(
  name: string,
  provider: pulumi.dynamic.ResourceProvider,
  declared: Bag,
): Promise<void> {
  subjects[name] = { provider, declared, current: await createVia<Bag>(provider, declared) };
}

const id = (name: string, field: string) => subjects[name].current.outs[field] as string;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(
    instanceProvider,
    organizationalUnitProvider,
    userProvider,
    groupProvider,
    groupMembershipProvider,
    groupMembersProvider,
    passwordPolicyProvider,
    customFieldProvider,
  );
  const I = h.instanceId;
  await subject('Instance', instanceProvider, { description: 'drift instance' });
  await subject('OrganizationalUnit', organizationalUnitProvider, {
    instanceId: I,
    organizationalUnitName: 'Drift',
    description: 'watched unit',
    parentId: h.rootOuId,
  });
  ou2 = (
    await h.client.call('CreateOrganizationalUnit', {
      InstanceId: I,
      OrganizationalUnitName: 'Other',
      ParentId: h.rootOuId,
    })
  ).OrganizationalUnitId!;
  ou3 = (
    await h.client.call('CreateOrganizationalUnit', {
      InstanceId: I,
      OrganizationalUnitName: 'Third',
      ParentId: h.rootOuId,
    })
  ).OrganizationalUnitId!;
  // The user schema the User's values (and the out-of-band one) refer to.
  await subject('CustomField', customFieldProvider, {
    instanceId: I,
    fieldName: 'team',
    fieldDisplayName: 'Team',
    fieldDataType: 'string',
    fieldDisplayType: 'input',
    status: 'enabled',
  });
  await h.client.call('CreateCustomField', {
    InstanceId: I,
    EntityType: 'user',
    FieldName: 'extra',
    FieldDisplayName: 'Extra',
    FieldDataType: 'string',
    FieldDisplayType: 'input',
  });
  await subject('User', userProvider, {
    instanceId: I,
    username: 'drifter',
    displayName: 'Drifter',
    email: 'drifter@example.com',
    emailVerified: true,
    phoneNumber: '13800000001',
    phoneRegion: '86',
    phoneNumberVerified: true,
    description: 'watched user',
    customFields: [{ fieldName: 'team', fieldValue: 'core' }],
    primaryOrganizationalUnitId: h.rootOuId,
    organizationalUnitIds: [ou2],
    status: 'enabled',
  });
  await subject('Group', groupProvider, {
    instanceId: I,
    groupName: 'drift-group',
    description: 'watched group',
    groupExternalId: 'ext-drift',
  });
  spareUser = (
    await h.client.call('CreateUser', {
      InstanceId: I,
      Username: 'spare',
      PrimaryOrganizationalUnitId: h.rootOuId,
    })
  ).UserId!;
  const listGroup = (await h.client.call('CreateGroup', { InstanceId: I, GroupName: 'drift-list' })).GroupId!;
  await subject('GroupMembers', groupMembersProvider, {
    instanceId: I,
    groupId: listGroup,
    userIds: [id('User', 'userId')],
  });
  await subject('PasswordPolicy', passwordPolicyProvider, {
    instanceId: I,
    passwordComplexity: { passwordMinLength: 9, passwordComplexityRules: ['inclusion_number'] },
    passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 3 },
    passwordExpiration: {
      passwordExpirationStatus: 'enabled',
      passwordValidMaxDay: 60,
      passwordExpirationAction: 'remind_update_password',
    },
    passwordInitialization: { passwordInitializationStatus: 'enabled', passwordInitializationType: 'random' },
    forgetPassword: { forgetPasswordStatus: 'enabled', authenticationChannels: ['email'] },
  });
});
afterAll(() => h.stop());

async function refresh(s: Subject): Promise<pulumi.dynamic.ReadResult<Bag>> {
  return s.provider.read!(s.current.id, { ...s.current.outs, __provider: PROVIDER_ENTRY });
}

async function diff(s: Subject, outs: Bag): Promise<pulumi.dynamic.DiffResult> {
  return s.provider.diff!(
    s.current.id,
    { ...outs, __provider: PROVIDER_ENTRY },
    await checkedInputs(s.provider, s.declared),
  );
}

const user = () => ({ InstanceId: h.instanceId, UserId: id('User', 'userId') });
const ouKey = () => ({
  InstanceId: h.instanceId,
  OrganizationalUnitId: id('OrganizationalUnit', 'organizationalUnitId'),
});
const groupKey = () => ({ InstanceId: h.instanceId, GroupId: id('Group', 'groupId') });
const I = () => ({ InstanceId: h.instanceId });

/** [resource, attribute, out-of-band change through the API] */
const MATRIX: [string, string, () => Promise<unknown>][] = [
  [
    'Instance',
    'description',
    () =>
      h.client.call('UpdateInstanceDescription', {
        InstanceId: id('Instance', 'instanceId'),
        Description: 'oob',
      }),
  ],
  [
    'OrganizationalUnit',
    'organizationalUnitName',
    () => h.client.call('UpdateOrganizationalUnit', { ...ouKey(), OrganizationalUnitName: 'Renamed' }),
  ],
  [
    'OrganizationalUnit',
    'description',
    () => h.client.call('UpdateOrganizationalUnitDescription', { ...ouKey(), Description: 'oob' }),
  ],
  [
    'OrganizationalUnit',
    'parentId',
    () => h.client.call('UpdateOrganizationalUnitParentId', { ...ouKey(), ParentId: ou3 }),
  ],
  ['User', 'username', () => h.client.call('UpdateUser', { ...user(), Username: 'oob-name' })],
  ['User', 'displayName', () => h.client.call('UpdateUser', { ...user(), DisplayName: 'Oob' })],
  [
    'User',
    'email',
    () => h.client.call('UpdateUser', { ...user(), Email: 'oob@example.com', EmailVerified: true }),
  ],
  ['User', 'emailVerified', () => h.client.call('UpdateUser', { ...user(), EmailVerified: false })],
  [
    'User',
    'phoneNumber',
    () => h.client.call('UpdateUser', { ...user(), PhoneNumber: '13900000009', PhoneNumberVerified: true }),
  ],
  ['User', 'phoneRegion', () => h.client.call('UpdateUser', { ...user(), PhoneRegion: '852' })],
  [
    'User',
    'phoneNumberVerified',
    () => h.client.call('UpdateUser', { ...user(), PhoneNumberVerified: false }),
  ],
  ['User', 'description', () => h.client.call('UpdateUserDescription', { ...user(), Description: 'oob' })],
  [
    'User',
    'customFields',
    () =>
      h.client.call('UpdateUser', {
        ...user(),
        CustomFields: [{ FieldName: 'extra', FieldValue: 'x', Operation: 'add' }],
      }),
  ],
  [
    'User',
    'primaryOrganizationalUnitId',
    () => h.client.call('SetUserPrimaryOrganizationalUnit', { ...user(), OrganizationalUnitId: ou3 }),
  ],
  [
    'User',
    'organizationalUnitIds',
    () => h.client.call('AddUserToOrganizationalUnits', { ...user(), OrganizationalUnitIds: [ou3] }),
  ],
  ['User', 'status', () => h.client.call('DisableUser', user())],
  ['Group', 'groupName', () => h.client.call('UpdateGroup', { ...groupKey(), GroupName: 'oob-group' })],
  [
    'Group',
    'groupExternalId',
    () => h.client.call('UpdateGroup', { ...groupKey(), GroupExternalId: 'oob-ext' }),
  ],
  [
    'Group',
    'description',
    () => h.client.call('UpdateGroupDescription', { ...groupKey(), Description: 'oob' }),
  ],
  [
    'GroupMembers',
    'userIds',
    () =>
      h.client.call('AddUsersToGroup', {
        InstanceId: h.instanceId,
        GroupId: id('GroupMembers', 'groupId'),
        UserIds: [spareUser],
      }),
  ],
  [
    'PasswordPolicy',
    'passwordComplexity',
    () => h.client.call('SetPasswordComplexityConfiguration', { ...I(), PasswordMinLength: 15 }),
  ],
  [
    'PasswordPolicy',
    'passwordHistory',
    () => h.client.call('SetPasswordHistoryConfiguration', { ...I(), PasswordHistoryStatus: 'disabled' }),
  ],
  [
    'PasswordPolicy',
    'passwordExpiration',
    () =>
      h.client.call('SetPasswordExpirationConfiguration', { ...I(), PasswordExpirationStatus: 'disabled' }),
  ],
  [
    'PasswordPolicy',
    'passwordInitialization',
    () =>
      h.client.call('SetPasswordInitializationConfiguration', {
        ...I(),
        PasswordInitializationStatus: 'disabled',
      }),
  ],
  [
    'PasswordPolicy',
    'forgetPassword',
    () => h.client.call('SetForgetPasswordConfiguration', { ...I(), ForgetPasswordStatus: 'disabled' }),
  ],
  [
    'CustomField',
    'status',
    () =>
      h.client.call('DisableCustomField', {
        InstanceId: h.instanceId,
        FieldId: id('CustomField', 'fieldId'),
      }),
  ],
];

test.each(
  Object.keys({
    Instance: 1,
    OrganizationalUnit: 1,
    User: 1,
    Group: 1,
    GroupMembers: 1,
    PasswordPolicy: 1,
    CustomField: 1,
  }),
)('%s: no drift, no diff', async (name) => {
  const s = subjects[name];
  const read = await refresh(s);
  expect(read.id).toBe(s.current.id);
  expect(await diff(s, read.props!)).toMatchObject({ changes: false, replaces: [] });
});

test.each(MATRIX)(
  '%s.%s changed behind the provider’s back: read and diff report it, update repairs it',
  async (name, attribute, mutate) => {
    const s = subjects[name];
    const before = (await refresh(s)).props!;
    await mutate();
    const after = await refresh(s);
    expect(after.props![attribute]).not.toEqual(before[attribute]);
    expect((after.inputs as Bag)[attribute]).toEqual(after.props![attribute]);
    const d = await diff(s, after.props!);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    // What a plan shows (recorded inputs against declared ones): that attribute and nothing else.
    const shown = attributeDrifts(after.inputs as Bag, await checkedInputs(s.provider, s.declared));
    expect([...new Set(shown.map((a) => a.path.split('.')[0]))]).toEqual([attribute]);

    const refreshed = { ...after.props!, __provider: PROVIDER_ENTRY };
    const news = { ...(await checkedInputs(s.provider, s.declared)), __provider: PROVIDER_ENTRY };
    const updated = await s.provider.update!(s.current.id, refreshed, news);
    s.current = { id: s.current.id, outs: updated.outs as Bag };
    expect(await diff(s, (await refresh(s)).props!)).toMatchObject({ changes: false });
  },
);

test('GroupMembership: a membership removed behind the provider’s back reads as gone', async () => {
  const m = await createVia(groupMembershipProvider, {
    instanceId: h.instanceId,
    groupId: id('Group', 'groupId'),
    userId: spareUser,
  });
  expect((await groupMembershipProvider.read!(m.id, { ...(m.outs as Bag) })).id).toBe(m.id);
  await h.client.call('RemoveUsersFromGroup', { ...groupKey(), UserIds: [spareUser] });
  expect(await groupMembershipProvider.read!(m.id, { ...(m.outs as Bag) })).toEqual({});
});
