import { T0, withInstance } from './directory-fixture';

const groupIds = (list: { GroupId: string }[]) => list.map((g) => g.GroupId);
const userIds = (list: { UserId: string }[]) => list.map((u) => u.UserId);

describe('groups', () => {
  it('creates a group and reads it back', () => {
    const fx = withInstance();
    const id = fx.group('team', { Description: 'the team', GroupExternalId: 'ext-team' });
    expect(id).toMatch(/^group_[a-z0-9]{26}$/);
    expect(fx.call('GetGroup', { GroupId: id }).Group).toEqual({
      GroupId: id,
      InstanceId: fx.instanceId,
      GroupName: 'team',
      Description: 'the team',
      GroupExternalId: 'ext-team',
      GroupSourceType: 'build_in',
      GroupSourceId: fx.instanceId,
      CreateTime: T0,
      UpdateTime: T0,
    });
    expect(fx.call('GetGroup', { GroupId: fx.group('other') }).Group.GroupExternalId).not.toBe('ext-team');
  });

  it('keeps group names and external ids unique in the instance', () => {
    const fx = withInstance();
    fx.group('team', { GroupExternalId: 'e1' });
    expect(fx.errorIn('CreateGroup', { GroupName: 'team' })).toMatchObject({
      code: 'EntityAlreadyExists.Group.GroupName',
      httpStatus: 409,
    });
    expect(fx.errorIn('CreateGroup', { GroupName: 'team2', GroupExternalId: 'e1' }).code).toBe(
      'EntityAlreadyExists.Group.GroupExternalId',
    );
    expect(fx.errorIn('CreateGroup', { GroupName: 'x'.repeat(65) }).code).toBe('InvalidParameter.GroupName');
  });

  it('updates only the fields given', () => {
    const fx = withInstance();
    const id = fx.group('team', { GroupExternalId: 'e1' });
    fx.group('other');
    fx.advance(3);
    fx.call('UpdateGroup', { GroupId: id });
    fx.call('UpdateGroup', { GroupId: id, GroupName: '', GroupExternalId: '' });
    expect(fx.call('GetGroup', { GroupId: id }).Group).toMatchObject({
      GroupName: 'team',
      GroupExternalId: 'e1',
      UpdateTime: T0,
    });
    fx.call('UpdateGroup', { GroupId: id, GroupName: 'team2' });
    expect(fx.call('GetGroup', { GroupId: id }).Group).toMatchObject({
      GroupName: 'team2',
      GroupExternalId: 'e1',
      UpdateTime: T0 + 3,
    });
    expect(fx.errorIn('UpdateGroup', { GroupId: id, GroupName: 'other' }).code).toBe(
      'EntityAlreadyExists.Group.GroupName',
    );
    // The old name is free; the renamed group is found by its new name.
    expect(fx.group('team')).toBeDefined();
    expect(groupIds(fx.call('ListGroups', { GroupName: 'team2' }).Groups)).toEqual([id]);
  });

  it('sets and clears the description', () => {
    const fx = withInstance();
    const id = fx.group('team');
    fx.call('UpdateGroupDescription', { GroupId: id, Description: 'hi' });
    expect(fx.call('GetGroup', { GroupId: id }).Group.Description).toBe('hi');
    fx.call('UpdateGroupDescription', { GroupId: id, Description: '' });
    expect(fx.call('GetGroup', { GroupId: id }).Group.Description).toBeUndefined();
  });

  it('answers EntityNotExists.Group for an unknown group', () => {
    const fx = withInstance();
    expect(fx.errorIn('GetGroup', { GroupId: 'group_x' })).toMatchObject({
      code: 'EntityNotExists.Group',
      httpStatus: 404,
    });
  });
});

describe('group members', () => {
  it('adds members idempotently and lists them both ways', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    const bob = fx.user('bob');
    const team = fx.group('team');
    const ops = fx.group('ops');
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [bob, alice] });
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [alice] });
    fx.call('AddUsersToGroup', { GroupId: ops, UserIds: [alice] });
    const members = fx.call('ListUsersForGroup', { GroupId: team });
    expect(members.TotalCount).toBe(2);
    expect(members.Users).toEqual([
      {
        UserId: alice,
        GroupMemberRelationSourceType: 'build_in',
        GroupMemberRelationSourceId: fx.instanceId,
      },
      { UserId: bob, GroupMemberRelationSourceType: 'build_in', GroupMemberRelationSourceId: fx.instanceId },
    ]);
    expect(userIds(fx.call('ListUsersForGroup', { GroupId: team, UserIds: [bob] }).Users)).toEqual([bob]);
    expect(
      userIds(fx.call('ListUsersForGroup', { GroupId: team, PageNumber: 2, PageSize: 1 }).Users),
    ).toEqual([bob]);
    const groups = fx.call('ListGroupsForUser', { UserId: alice });
    expect(groups.TotalCount).toBe(2);
    expect(groupIds(groups.Groups)).toEqual([team, ops]);
    expect(groups.Groups[0]).toEqual({
      GroupId: team,
      GroupMemberRelationSourceType: 'build_in',
      GroupMemberRelationSourceId: fx.instanceId,
    });
  });

  it('adds nobody when one of the users does not exist', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    const team = fx.group('team');
    expect(fx.errorIn('AddUsersToGroup', { GroupId: team, UserIds: [alice, 'user_x'] }).code).toBe(
      'EntityNotExists.User',
    );
    expect(fx.call('ListUsersForGroup', { GroupId: team }).TotalCount).toBe(0);
  });

  it('removes members; non-members are ignored', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    const bob = fx.user('bob');
    const team = fx.group('team');
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [alice] });
    fx.call('RemoveUsersFromGroup', { GroupId: team, UserIds: [alice, bob] });
    expect(fx.call('ListUsersForGroup', { GroupId: team }).TotalCount).toBe(0);
    expect(fx.call('GetUser', { UserId: alice }).User.Groups).toEqual([]);
  });

  it('DeleteGroup drops memberships and application authorizations', () => {
    const fx = withInstance();
    const alice = fx.user('alice');
    const team = fx.group('team');
    fx.call('AddUsersToGroup', { GroupId: team, UserIds: [alice] });
    const appId = fx.call('CreateApplication', {
      ApplicationName: 'app',
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    }).ApplicationId;
    fx.call('AuthorizeApplicationToGroups', { ApplicationId: appId, GroupIds: [team] });
    expect(fx.call('ListGroupsForApplication', { ApplicationId: appId }).TotalCount).toBe(1);

    fx.call('DeleteGroup', { GroupId: team });

    expect(fx.errorIn('GetGroup', { GroupId: team }).code).toBe('EntityNotExists.Group');
    expect(fx.call('GetUser', { UserId: alice }).User.Groups).toEqual([]);
    expect(fx.call('ListGroupsForUser', { UserId: alice }).TotalCount).toBe(0);
    expect(fx.call('ListGroupsForApplication', { ApplicationId: appId }).TotalCount).toBe(0);
    expect(fx.group('team')).not.toBe(team);
  });
});

describe('ListGroups', () => {
  it('pages in creation order and filters by name, prefix, external id and ids', () => {
    const fx = withInstance();
    const a = fx.group('alpha', { GroupExternalId: 'x-a' });
    const b = fx.group('beta');
    const c = fx.group('alpine');
    const list = (p: Record<string, unknown> = {}) => groupIds(fx.call('ListGroups', p).Groups);
    expect(list()).toEqual([a, b, c]);
    expect(fx.call('ListGroups').TotalCount).toBe(3);
    expect(list({ PageNumber: 2, PageSize: 2 })).toEqual([c]);
    expect(list({ GroupName: 'beta' })).toEqual([b]);
    expect(list({ GroupNameStartsWith: 'al' })).toEqual([a, c]);
    expect(list({ GroupExternalId: 'x-a' })).toEqual([a]);
    expect(list({ GroupIds: [c, a] })).toEqual([a, c]);
    expect(fx.errorIn('ListGroups', { PageSize: 1000 }).code).toBe('InvalidParameter.PageSize');
  });
});
