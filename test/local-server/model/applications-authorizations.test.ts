import { errorOf, fixture } from './application-fixture';
import * as groups from '../../../src/local-server/model/groups';
import * as ous from '../../../src/local-server/model/organizational-units';
import * as users from '../../../src/local-server/model/users';

type Listed = { ApplicationId: string; HasDirectAuthorization: boolean; HasInheritAuthorization: boolean };

describe('Authorize / Revoke', () => {
  it('lists authorized users, groups and OUs in grant order', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.bob, f.alice] });
    f.call('AuthorizeApplicationToGroups', { ApplicationId: id, GroupIds: [f.group] });
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: id,
      OrganizationalUnitIds: [f.parentOu],
    });
    expect(f.call('ListUsersForApplication', { ApplicationId: id })).toEqual({
      TotalCount: 2,
      Users: [{ UserId: f.bob }, { UserId: f.alice }],
    });
    expect(f.call('ListGroupsForApplication', { ApplicationId: id })).toEqual({
      TotalCount: 1,
      Groups: [{ GroupId: f.group }],
    });
    expect(f.call('ListOrganizationalUnitsForApplication', { ApplicationId: id })).toEqual({
      TotalCount: 1,
      OrganizationalUnits: [{ OrganizationalUnitId: f.parentOu }],
    });
    expect(f.call('ListUsersForApplication', { ApplicationId: id, UserIds: [f.alice] }).Users).toEqual([
      { UserId: f.alice },
    ]);
    expect(
      f.call('ListUsersForApplication', { ApplicationId: id, PageSize: 1, PageNumber: 2 }).Users,
    ).toEqual([{ UserId: f.alice }]);
  });

  it('refuses unknown principals, naming the kind, and grants nothing from that batch', () => {
    const f = fixture();
    const id = f.createApp();
    expect(
      errorOf(() =>
        f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice, 'user_missing'] }),
      ),
    ).toMatchObject({ code: 'EntityNotExists.User', httpStatus: 404 });
    expect(
      errorOf(() => f.call('AuthorizeApplicationToGroups', { ApplicationId: id, GroupIds: ['group_x'] }))
        .code,
    ).toBe('EntityNotExists.Group');
    expect(
      errorOf(() =>
        f.call('AuthorizeApplicationToOrganizationalUnits', {
          ApplicationId: id,
          OrganizationalUnitIds: ['ou_x'],
        }),
      ).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).TotalCount).toBe(0);
  });

  it('is idempotent; revoking what was never granted succeeds', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice] });
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice, f.alice] });
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).TotalCount).toBe(1);
    f.call('RevokeApplicationFromUsers', { ApplicationId: id, UserIds: [f.bob, 'user_never_existed'] });
    f.call('RevokeApplicationFromGroups', { ApplicationId: id, GroupIds: [f.group] });
    f.call('RevokeApplicationFromOrganizationalUnits', {
      ApplicationId: id,
      OrganizationalUnitIds: [f.rootOu],
    });
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).TotalCount).toBe(1);
    f.call('RevokeApplicationFromUsers', { ApplicationId: id, UserIds: [f.alice] });
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).TotalCount).toBe(0);
  });

  it('tracks application roles per principal and revokes one role at a time', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('AuthorizeApplicationToUsers', {
      ApplicationId: id,
      UserIds: [f.alice],
      ApplicationRoleId: 'role_b',
    });
    f.call('AuthorizeApplicationToUsers', {
      ApplicationId: id,
      UserIds: [f.alice, f.bob],
      ApplicationRoleId: 'role_a',
    });
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).Users).toEqual([
      {
        UserId: f.alice,
        ApplicationRoles: [{ ApplicationRoleId: 'role_a' }, { ApplicationRoleId: 'role_b' }],
      },
      { UserId: f.bob, ApplicationRoles: [{ ApplicationRoleId: 'role_a' }] },
    ]);
    expect(
      f.call('ListUsersForApplication', { ApplicationId: id, ApplicationRoleId: 'role_b' }).Users,
    ).toEqual([
      {
        UserId: f.alice,
        ApplicationRoles: [{ ApplicationRoleId: 'role_a' }, { ApplicationRoleId: 'role_b' }],
      },
    ]);
    f.call('RevokeApplicationFromUsers', {
      ApplicationId: id,
      UserIds: [f.alice, f.bob],
      ApplicationRoleId: 'role_a',
    });
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).Users).toEqual([
      { UserId: f.alice, ApplicationRoles: [{ ApplicationRoleId: 'role_b' }] },
    ]);
  });

  it('forgets principals deleted from the directory', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('AuthorizeApplicationToUsers', { ApplicationId: id, UserIds: [f.alice, f.bob] });
    f.call('AuthorizeApplicationToGroups', { ApplicationId: id, GroupIds: [f.group] });
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: id,
      OrganizationalUnitIds: [f.childOu],
    });
    users.deleteUser(f.service, f.instanceId, f.bob);
    groups.deleteGroup(f.service, f.instanceId, f.group);
    ous.deleteOrganizationalUnitChildren(f.service, f.instanceId, f.childOu);
    expect(f.call('ListUsersForApplication', { ApplicationId: id }).TotalCount).toBe(0);
    expect(f.call('ListGroupsForApplication', { ApplicationId: id }).TotalCount).toBe(0);
    expect(f.call('ListOrganizationalUnitsForApplication', { ApplicationId: id }).TotalCount).toBe(0);
    const app = f.service.state.instances.get(f.instanceId)!.applications.get(id)!;
    expect(
      app.authorizations.users.size +
        app.authorizations.groups.size +
        app.authorizations.organizationalUnits.size,
    ).toBe(0);
  });
});

describe('ListApplicationsForUser', () => {
  it('lists only direct grants by default, and inherited ones (groups, OUs and their ancestors) on request', () => {
    const f = fixture();
    const direct = f.createApp();
    const viaParentOu = f.createApp();
    const viaGroup = f.createApp();
    const unrelated = f.createApp();
    f.call('AuthorizeApplicationToUsers', { ApplicationId: direct, UserIds: [f.alice] });
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: viaParentOu,
      OrganizationalUnitIds: [f.parentOu],
    });
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: direct,
      OrganizationalUnitIds: [f.childOu],
    });
    f.call('AuthorizeApplicationToGroups', { ApplicationId: viaGroup, GroupIds: [f.group] });
    f.call('AuthorizeApplicationToUsers', { ApplicationId: unrelated, UserIds: [f.bob] });

    expect(f.call('ListApplicationsForUser', { UserId: f.alice })).toEqual({
      TotalCount: 1,
      Applications: [{ ApplicationId: direct, HasDirectAuthorization: true, HasInheritAuthorization: true }],
    });
    const all = f.call('ListApplicationsForUser', { UserId: f.alice, QueryMode: 'IncludeInherit' });
    expect(
      all.Applications.map((a: Listed) => [
        a.ApplicationId,
        a.HasDirectAuthorization,
        a.HasInheritAuthorization,
      ]),
    ).toEqual([
      [direct, true, true],
      [viaParentOu, false, true],
    ]);
    groups.addUsersToGroup(f.service, f.instanceId, f.group, [f.alice]);
    const withGroup = f.call('ListApplicationsForUser', { UserId: f.alice, QueryMode: 'IncludeInherit' });
    expect(withGroup.Applications.map((a: Listed) => a.ApplicationId)).toEqual([
      direct,
      viaParentOu,
      viaGroup,
    ]);
    expect(
      f.call('ListApplicationsForUser', {
        UserId: f.alice,
        QueryMode: 'IncludeInherit',
        ApplicationIds: [viaGroup],
      }).TotalCount,
    ).toBe(1);
  });

  it('counts default_all applications as inherited access', () => {
    const f = fixture();
    const open = f.createApp();
    f.call('UpdateApplicationAuthorizationType', { ApplicationId: open, AuthorizationType: 'default_all' });
    expect(f.call('ListApplicationsForUser', { UserId: f.bob }).TotalCount).toBe(0);
    expect(
      f.call('ListApplicationsForUser', { UserId: f.bob, QueryMode: 'IncludeInherit' }).Applications,
    ).toEqual([{ ApplicationId: open, HasDirectAuthorization: false, HasInheritAuthorization: true }]);
  });

  it('reports roles with how each was obtained', () => {
    const f = fixture();
    const id = f.createApp();
    f.call('AuthorizeApplicationToUsers', {
      ApplicationId: id,
      UserIds: [f.bob],
      ApplicationRoleId: 'r_direct',
    });
    f.call('AuthorizeApplicationToGroups', {
      ApplicationId: id,
      GroupIds: [f.group],
      ApplicationRoleId: 'r_group',
    });
    const [entry] = f.call('ListApplicationsForUser', {
      UserId: f.bob,
      QueryMode: 'IncludeInherit',
    }).Applications;
    expect(entry.ApplicationRoles).toEqual([
      { ApplicationRoleId: 'r_direct', HasDirectAuthorization: true, HasInheritAuthorization: false },
      { ApplicationRoleId: 'r_group', HasDirectAuthorization: false, HasInheritAuthorization: true },
    ]);
  });

  it('refuses an unknown QueryMode and an unknown user', () => {
    const f = fixture();
    expect(errorOf(() => f.call('ListApplicationsForUser', { UserId: f.alice, QueryMode: 'All' })).code).toBe(
      'InvalidParameter.QueryMode',
    );
    expect(errorOf(() => f.call('ListApplicationsForUser', { UserId: 'user_missing' })).code).toBe(
      'EntityNotExists.User',
    );
  });
});

describe('ListApplicationsForOrganizationalUnit', () => {
  it('lists only applications granted to the OU itself', () => {
    const f = fixture();
    const a = f.createApp();
    const b = f.createApp();
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: a,
      OrganizationalUnitIds: [f.parentOu],
    });
    f.call('AuthorizeApplicationToOrganizationalUnits', {
      ApplicationId: b,
      OrganizationalUnitIds: [f.childOu],
      ApplicationRoleId: 'r1',
    });
    expect(f.call('ListApplicationsForOrganizationalUnit', { OrganizationalUnitId: f.childOu })).toEqual({
      TotalCount: 1,
      Applications: [{ ApplicationId: b, ApplicationRoles: [{ ApplicationRoleId: 'r1' }] }],
    });
    expect(
      f.call('ListApplicationsForOrganizationalUnit', { OrganizationalUnitId: f.parentOu }).Applications,
    ).toEqual([{ ApplicationId: a }]);
    expect(
      errorOf(() => f.call('ListApplicationsForOrganizationalUnit', { OrganizationalUnitId: 'ou_x' })).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
  });
});
