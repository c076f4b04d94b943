import { T0, withInstance } from './directory-fixture';
import * as users from '../../../src/local-server/model/users';

/** Defines a user custom field (values need a defined, enabled field). */
function defineField(fx: ReturnType<typeof withInstance>, name: string, dataType = 'string'): void {
  fx.call('CreateCustomField', {
    EntityType: 'user',
    FieldName: name,
    FieldDisplayName: name,
    FieldDataType: dataType,
    FieldDisplayType: 'input',
  });
}

describe('CreateUser and GetUser', () => {
  it('returns the account with its groups and organizational units in one call', () => {
    const fx = withInstance();
    const sales = fx.ou('sales');
    defineField(fx, 'age', 'number');
    const userId = fx.user('alice', {
      DisplayName: 'Alice',
      Description: 'first user',
      Email: 'alice@example.com',
      EmailVerified: true,
      PhoneRegion: '86',
      PhoneNumber: '13800000000',
      PhoneNumberVerified: false,
      OrganizationalUnitIds: [sales],
      CustomFields: [{ FieldName: 'age', FieldValue: '30' }],
    });
    const team = fx.group('team', { Description: 'the team' });
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [userId] });

    const user = fx.call('GetUser', { UserId: userId }).User;
    expect(userId).toMatch(/^user_[a-z0-9]{26}$/);
    expect(user).toEqual({
      UserId: userId,
      InstanceId: fx.instanceId,
      Username: 'alice',
      DisplayName: 'Alice',
      Description: 'first user',
      Email: 'alice@example.com',
      EmailVerified: true,
      PhoneRegion: '86',
      PhoneNumber: '13800000000',
      PhoneNumberVerified: false,
      Status: 'enabled',
      PasswordSet: false,
      UserExternalId: userId,
      UserSourceType: 'build_in',
      UserSourceId: fx.instanceId,
      CreateTime: T0,
      UpdateTime: T0,
      RegisterTime: T0,
      PrimaryOrganizationalUnitId: fx.rootOu,
      CustomFields: [{ FieldName: 'age', FieldValue: '30' }],
      Groups: [{ GroupId: team, GroupName: 'team', Description: 'the team' }],
      OrganizationalUnits: [
        { OrganizationalUnitId: fx.rootOu, OrganizationalUnitName: 'tests', Primary: true },
        { OrganizationalUnitId: sales, OrganizationalUnitName: 'sales', Primary: false },
      ],
    });
  });

  it('keeps usernames unique within the instance, ignoring case', () => {
    const fx = withInstance();
    fx.user('alice');
    expect(
      fx.errorIn('CreateUser', { Username: 'ALICE', PrimaryOrganizationalUnitId: fx.rootOu }),
    ).toMatchObject({
      code: 'EntityAlreadyExists.User.Username',
      httpStatus: 409,
    });
    // Another instance has its own namespace.
    const other = fx.rawCall('CreateInstance').InstanceId;
    const otherRoot = fx.rawCall('GetRootOrganizationalUnit', { InstanceId: other }).OrganizationalUnit
      .OrganizationalUnitId;
    expect(
      fx.rawCall('CreateUser', {
        InstanceId: other,
        Username: 'alice',
        PrimaryOrganizationalUnitId: otherRoot,
      }).UserId,
    ).toBeDefined();
  });

  it('keeps user external ids unique', () => {
    const fx = withInstance();
    fx.user('alice', { UserExternalId: 'ext-1' });
    expect(
      fx.errorIn('CreateUser', {
        Username: 'bob',
        PrimaryOrganizationalUnitId: fx.rootOu,
        UserExternalId: 'ext-1',
      }).code,
    ).toBe('EntityAlreadyExists.User.UserExternalId');
  });

  it.each([
    ['Username', { Username: 'bad name' }, 'InvalidParameter.Username'],
    ['Username', { Username: 'a'.repeat(257) }, 'InvalidParameter.Username'],
    ['Username', { Username: '   ' }, 'MissingUsername'],
    ['Email', { Email: 'not-an-email', EmailVerified: true }, 'InvalidParameter.Email'],
    ['EmailVerified', { Email: 'a@example.com' }, 'MissingEmailVerified'],
    ['PhoneNumber', { PhoneNumber: '12ab', PhoneNumberVerified: true }, 'InvalidParameter.PhoneNumber'],
    ['PhoneNumberVerified', { PhoneNumber: '13800000000' }, 'MissingPhoneNumberVerified'],
    ['PhoneRegion', { PhoneRegion: '+86' }, 'InvalidParameter.PhoneRegion'],
    ['DisplayName', { DisplayName: 'x'.repeat(257) }, 'InvalidParameter.DisplayName'],
    ['Description', { Description: 'x'.repeat(257) }, 'InvalidParameter.Description'],
  ])('validates %s', (_name, extra, code) => {
    const fx = withInstance();
    const err = fx.errorIn('CreateUser', {
      Username: 'alice',
      PrimaryOrganizationalUnitId: fx.rootOu,
      ...extra,
    });
    expect(err.code).toBe(code);
    expect(err.httpStatus).toBe(400);
    expect(fx.state().users.size).toBe(0);
  });

  it('accepts the username characters the service allows', () => {
    const fx = withInstance();
    expect(fx.user('a.b_c-d@corp')).toBeDefined();
  });

  it('requires an existing primary organizational unit', () => {
    const fx = withInstance();
    expect(
      fx.errorIn('CreateUser', { Username: 'alice', PrimaryOrganizationalUnitId: 'ou_missing' }),
    ).toMatchObject({
      code: 'EntityNotExists.OrganizationalUnit',
      httpStatus: 404,
    });
    expect(
      fx.errorIn('CreateUser', {
        Username: 'alice',
        PrimaryOrganizationalUnitId: fx.rootOu,
        OrganizationalUnitIds: ['ou_x'],
      }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
  });

  it('returns the first account for a retried request with the same ClientToken', () => {
    const fx = withInstance();
    const first = fx.user('alice', { ClientToken: 'token-1' });
    expect(fx.user('alice', { ClientToken: 'token-1' })).toBe(first);
    expect(
      fx.errorIn('CreateUser', {
        Username: 'alice',
        PrimaryOrganizationalUnitId: fx.rootOu,
        ClientToken: 't2',
      }).code,
    ).toBe('EntityAlreadyExists.User.Username');
  });

  it('answers EntityNotExists.User for an unknown user', () => {
    const fx = withInstance();
    expect(fx.errorIn('GetUser', { UserId: 'user_nope' })).toMatchObject({
      code: 'EntityNotExists.User',
      httpStatus: 404,
    });
  });
});

describe('organizational unit memberships', () => {
  it('makes the primary OU a membership that RemoveUserFromOrganizationalUnits cannot remove', () => {
    const fx = withInstance();
    const sales = fx.ou('sales');
    const userId = fx.user('alice', { PrimaryOrganizationalUnitId: sales });
    const err = fx.errorIn('RemoveUserFromOrganizationalUnits', {
      UserId: userId,
      OrganizationalUnitIds: [sales],
    });
    expect(err).toMatchObject({ code: 'OperationDenied.User.PrimaryOrganizationalUnit', httpStatus: 403 });
    expect(fx.call('GetUser', { UserId: userId }).User.OrganizationalUnits).toEqual([
      { OrganizationalUnitId: sales, OrganizationalUnitName: 'sales', Primary: true },
    ]);
  });

  it('adds memberships idempotently and removes non-primary ones', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const b = fx.ou('b');
    const userId = fx.user('alice');
    fx.call('AddUserToOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a, b] });
    fx.call('AddUserToOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a] });
    const ous = () =>
      fx
        .call('GetUser', { UserId: userId })
        .User.OrganizationalUnits.map((o: { OrganizationalUnitId: string }) => o.OrganizationalUnitId);
    expect(ous()).toEqual([fx.rootOu, a, b]);
    expect(fx.call('ListUsers', { OrganizationalUnitId: a }).TotalCount).toBe(1);
    fx.call('RemoveUserFromOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a] });
    expect(ous()).toEqual([fx.rootOu, b]);
    expect(fx.call('ListUsers', { OrganizationalUnitId: a }).TotalCount).toBe(0);
    // Removing a membership that no longer exists is not an error.
    fx.call('RemoveUserFromOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a] });
  });

  it('adds nothing when one of the OUs does not exist', () => {
    const fx = withInstance();
    const a = fx.ou('a');
    const userId = fx.user('alice');
    expect(
      fx.errorIn('AddUserToOrganizationalUnits', { UserId: userId, OrganizationalUnitIds: [a, 'ou_x'] }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    expect(fx.call('GetUser', { UserId: userId }).User.OrganizationalUnits).toHaveLength(1);
  });

  it('moves the primary OU: leaves the old one, joins the new one', () => {
    const fx = withInstance();
    const sales = fx.ou('sales');
    const userId = fx.user('alice');
    fx.advance(5);
    fx.call('SetUserPrimaryOrganizationalUnit', { UserId: userId, OrganizationalUnitId: sales });
    const user = fx.call('GetUser', { UserId: userId }).User;
    expect(user.PrimaryOrganizationalUnitId).toBe(sales);
    expect(user.OrganizationalUnits).toEqual([
      { OrganizationalUnitId: sales, OrganizationalUnitName: 'sales', Primary: true },
    ]);
    expect(user.UpdateTime).toBe(T0 + 5);
    expect(fx.call('ListUsers', { OrganizationalUnitId: fx.rootOu }).TotalCount).toBe(0);
    expect(
      fx.errorIn('SetUserPrimaryOrganizationalUnit', { UserId: userId, OrganizationalUnitId: 'ou_x' }).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
  });
});

describe('UpdateUser', () => {
  it('changes only the fields given; empty values mean "not updated"', () => {
    const fx = withInstance();
    const userId = fx.user('alice', {
      DisplayName: 'Alice',
      Email: 'alice@example.com',
      EmailVerified: true,
    });
    fx.advance(10);
    fx.call('UpdateUser', { UserId: userId, DisplayName: 'Alice L.' });
    fx.call('UpdateUser', { UserId: userId, Username: '', Email: '', DisplayName: '' });
    const user = fx.call('GetUser', { UserId: userId }).User;
    expect(user).toMatchObject({
      Username: 'alice',
      DisplayName: 'Alice L.',
      Email: 'alice@example.com',
      EmailVerified: true,
      UpdateTime: T0 + 10,
    });
  });

  it('renames with the uniqueness rule and frees the old username', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    fx.user('bob');
    expect(fx.errorIn('UpdateUser', { UserId: alice, Username: 'Bob' }).code).toBe(
      'EntityAlreadyExists.User.Username',
    );
    fx.call('UpdateUser', { UserId: alice, Username: 'alicia' });
    expect(fx.call('GetUser', { UserId: alice }).User.Username).toBe('alicia');
    expect(fx.user('alice')).toBeDefined();
  });

  it('adds, replaces and removes custom fields', () => {
    const fx = withInstance();
    defineField(fx, 'age', 'number');
    defineField(fx, 'team');
    const userId = fx.user('alice', { CustomFields: [{ FieldName: 'age', FieldValue: '30' }] });
    fx.call('UpdateUser', {
      UserId: userId,
      CustomFields: [
        { FieldName: 'team', FieldValue: 'red', Operation: 'add' },
        { FieldName: 'age', FieldValue: '31', Operation: 'replace' },
      ],
    });
    expect(fx.call('GetUser', { UserId: userId }).User.CustomFields).toEqual([
      { FieldName: 'age', FieldValue: '31' },
      { FieldName: 'team', FieldValue: 'red' },
    ]);
    fx.call('UpdateUser', { UserId: userId, CustomFields: [{ FieldName: 'age', Operation: 'remove' }] });
    expect(fx.call('GetUser', { UserId: userId }).User.CustomFields).toEqual([
      { FieldName: 'team', FieldValue: 'red' },
    ]);
    expect(
      fx.errorIn('UpdateUser', { UserId: userId, CustomFields: [{ FieldName: 'x', Operation: 'merge' }] })
        .code,
    ).toBe('InvalidParameter.CustomFields.Operation');
  });

  it('sets and clears the description', () => {
    const fx = withInstance();
    const userId = fx.user('alice');
    fx.call('UpdateUserDescription', { UserId: userId, Description: 'hello' });
    expect(fx.call('GetUser', { UserId: userId }).User.Description).toBe('hello');
    fx.call('UpdateUserDescription', { UserId: userId, Description: '' });
    expect(fx.call('GetUser', { UserId: userId }).User.Description).toBeUndefined();
  });
});

describe('status and lock', () => {
  it('disables and enables accounts, visibly in reads and listings', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    fx.user('bob');
    fx.call('DisableUser', { UserId: alice });
    expect(fx.call('GetUser', { UserId: alice }).User.Status).toBe('disabled');
    expect(
      fx.call('ListUsers', { Status: 'disabled' }).Users.map((u: { UserId: string }) => u.UserId),
    ).toEqual([alice]);
    expect(fx.call('ListUsers', { Status: 'enabled' }).TotalCount).toBe(1);
    fx.call('DisableUser', { UserId: alice });
    fx.call('EnableUser', { UserId: alice });
    expect(fx.call('GetUser', { UserId: alice }).User.Status).toBe('enabled');
  });

  it('shows a lock until it expires or UnlockUser clears it', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    users.lockUser(fx.service, fx.instanceId, alice, T0 + 60_000);
    expect(fx.call('GetUser', { UserId: alice }).User.LockExpireTime).toBe(T0 + 60_000);
    expect(fx.call('ListUsers').Users[0].LockExpireTime).toBe(T0 + 60_000);
    fx.call('UnlockUser', { UserId: alice });
    expect(fx.call('GetUser', { UserId: alice }).User.LockExpireTime).toBeUndefined();

    users.lockUser(fx.service, fx.instanceId, alice, T0 + 1000);
    fx.advance(1000);
    expect(fx.call('GetUser', { UserId: alice }).User.LockExpireTime).toBeUndefined();
  });
});

describe('DeleteUser', () => {
  it('removes the account, its memberships and its application authorizations', () => {
    const fx = withInstance();
    const sales = fx.ou('sales');
    const alice = fx.user('alice', { OrganizationalUnitIds: [sales] });
    const team = fx.group('team');
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [alice] });
    const appId = fx.call('CreateApplication', {
      ApplicationName: 'app',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    }).ApplicationId;
    fx.call('AuthorizeApplicationToUsers', { ApplicationId: appId, UserIds: [alice] });
    expect(fx.call('ListUsersForApplication', { ApplicationId: appId }).TotalCount).toBe(1);
    const heard: string[] = [];
    fx.service.onPrincipalDeleted((_inst, kind, id) => heard.push(`${kind}:${id}`));

    fx.call('DeleteUser', { UserId: alice });

    expect(fx.errorIn('GetUser', { UserId: alice }).code).toBe('EntityNotExists.User');
    expect(fx.call('ListUsersForGroup', { GroupId: team }).TotalCount).toBe(0);
    expect(fx.call('ListUsers', { OrganizationalUnitId: sales }).TotalCount).toBe(0);
    expect(fx.call('ListUsersForApplication', { ApplicationId: appId }).TotalCount).toBe(0);
    expect(heard).toEqual([`user:${alice}`]);
    // The username is free again.
    expect(fx.user('alice')).not.toBe(alice);
  });
});

describe('ListUsers', () => {
  it('pages in creation order with PageNumber/PageSize and reports TotalCount', () => {
    const fx = withInstance();
    const ids = Array.from({ length: 25 }, (_, i) => fx.user(`user${String(i).padStart(2, '0')}`));
    const first = fx.call('ListUsers');
    expect(first.TotalCount).toBe(25);
    expect(first.Users).toHaveLength(20);
    expect(first.NextToken).toBeUndefined();
    const second = fx.call('ListUsers', { PageNumber: 2, PageSize: 20 });
    expect(second.Users.map((u: { UserId: string }) => u.UserId)).toEqual(ids.slice(20));
    expect(fx.call('ListUsers', { PageNumber: 9 }).Users).toEqual([]);
    expect(fx.errorIn('ListUsers', { PageSize: 101 }).code).toBe('InvalidParameter.PageSize');
  });

  it('pages with NextToken/MaxResults', () => {
    const fx = withInstance();
    const ids = Array.from({ length: 7 }, (_, i) => fx.user(`u${i}`));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = fx.call('ListUsers', { MaxResults: 3, ...(token ? { NextToken: token } : {}) });
      expect(page.TotalCount).toBe(7);
      expect(page.MaxResults).toBe(3);
      seen.push(...page.Users.map((u: { UserId: string }) => u.UserId));
      token = page.NextToken;
      pages += 1;
    } while (token);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    expect(fx.errorIn('ListUsers', { NextToken: 'garbage' }).code).toBe('InvalidParameter.NextToken');
    expect(fx.errorIn('ListUsers', { MaxResults: 500 }).code).toBe('InvalidParameter.MaxResults');
  });

  it('keeps token paging stable when earlier users are deleted between pages', () => {
    const fx = withInstance();
    const ids = Array.from({ length: 6 }, (_, i) => fx.user(`u${i}`));
    const first = fx.call('ListUsers', { MaxResults: 3 });
    fx.call('DeleteUser', { UserId: ids[0] });
    const second = fx.call('ListUsers', { MaxResults: 3, NextToken: first.NextToken });
    expect(second.Users.map((u: { UserId: string }) => u.UserId)).toEqual(ids.slice(3));
  });

  it('filters by username and display name prefix, ids, email, phone and external id', () => {
    const fx = withInstance();
    const alice = fx.user('alice', { DisplayName: 'Alice', Email: 'a@example.com', EmailVerified: true });
    const alan = fx.user('alan', {
      PhoneNumber: '13800000000',
      PhoneNumberVerified: true,
      PhoneRegion: '86',
    });
    const bob = fx.user('bob', { UserExternalId: 'hr-7' });
    const ids = (params: Record<string, unknown>) =>
      fx.call('ListUsers', params).Users.map((u: { UserId: string }) => u.UserId);
    expect(ids({ UsernameStartsWith: 'al' })).toEqual([alice, alan]);
    expect(ids({ UsernameStartsWith: 'AL', PageSize: 1, PageNumber: 2 })).toEqual([alan]);
    expect(ids({ DisplayNameStartsWith: 'Ali' })).toEqual([alice]);
    expect(ids({ UserIds: [bob, alice, 'user_gone'] })).toEqual([alice, bob]);
    expect(ids({ Email: 'a@example.com' })).toEqual([alice]);
    expect(ids({ PhoneNumber: '13800000000', PhoneRegion: '86' })).toEqual([alan]);
    expect(ids({ UserExternalId: 'hr-7' })).toEqual([bob]);
    expect(ids({ UserExternalId: 'hr-7', UsernameStartsWith: 'al' })).toEqual([]);
    expect(ids({ UserSourceType: 'build_in', UserSourceId: fx.instanceId })).toEqual([alice, alan, bob]);
    expect(fx.call('ListUsers', { UsernameStartsWith: 'al' }).TotalCount).toBe(2);
  });

  it('answers EntityNotExists.OrganizationalUnit for an unknown OrganizationalUnitId filter', () => {
    const fx = withInstance();
    expect(fx.errorIn('ListUsers', { OrganizationalUnitId: 'ou_x' }).code).toBe(
      'EntityNotExists.OrganizationalUnit',
    );
  });
});
