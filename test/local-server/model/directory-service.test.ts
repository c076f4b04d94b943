import {
  CONDITIONAL_ACCESS_FAMILY,
  EXTRA_OPERATIONS,
  NETWORK_ZONE_FAMILY,
  SEED_OPERATIONS,
} from '../../../src/catalog';
import { EiamService } from '../../../src/local-server/model/service';
import { handlers, missingOperations, runOperation } from '../../../src/local-server/operations';
import { T0, withInstance } from './directory-fixture';
import * as groups from '../../../src/local-server/model/groups';
import * as instances from '../../../src/local-server/model/instances';
import * as ous from '../../../src/local-server/model/organizational-units';
import * as users from '../../../src/local-server/model/users';

/** A fixed script of directory changes; returns the ids it created. */
function script(service: EiamService, now: number): string[] {
  const run = (op: Parameters<typeof runOperation>[1], params: Record<string, unknown>) =>
    runOperation(service, op, params, { now });
  const instanceId = run('CreateInstance', {}).InstanceId as string;
  const root = ous.getRootOrganizationalUnit(service, instanceId).organizationalUnitId;
  const ou = run('CreateOrganizationalUnit', {
    InstanceId: instanceId,
    OrganizationalUnitName: 'a',
    ParentId: root,
  }).OrganizationalUnitId as string;
  const user = run('CreateUser', {
    InstanceId: instanceId,
    Username: 'alice',
    PrimaryOrganizationalUnitId: ou,
    Password: 'Passw0rdOne',
  }).UserId as string;
  const group = run('CreateGroup', { InstanceId: instanceId, GroupName: 'g' }).GroupId as string;
  run('AddUsersToGroup', { InstanceId: instanceId, GroupId: group, UserIds: [user] });
  return [instanceId, root, ou, user, group];
}

describe('determinism and snapshots', () => {
  it('gives the same ids and state for the same seed and requests', () => {
    const a = new EiamService({ seed: 42, clock: () => T0 });
    const b = new EiamService({ seed: 42, clock: () => T0 });
    expect(script(a, T0)).toEqual(script(b, T0));
    expect(JSON.stringify(a.snapshot())).toEqual(JSON.stringify(b.snapshot()));
    const c = new EiamService({ seed: 43, clock: () => T0 });
    expect(script(c, T0)[0]).not.toEqual(script(new EiamService({ seed: 42 }), T0)[0]);
  });

  it('takes time from the pinned request time, not the clock', () => {
    const service = new EiamService({ seed: 1, clock: () => 999 });
    const [instanceId] = script(service, T0 + 5);
    expect(instances.getInstance(service, instanceId).createTime).toBe(T0 + 5);
  });

  it('snapshots to plain JSON and restores the same state, indexes included', () => {
    const original = new EiamService({ seed: 7, clock: () => T0 });
    const [instanceId, , ou, user, group] = script(original, T0);
    const json = JSON.parse(JSON.stringify(original.snapshot()));
    const restored = EiamService.fromSnapshot(json, { clock: () => T0 });

    expect(restored.snapshot()).toEqual(original.snapshot());
    expect(users.getUser(restored, instanceId, user).groups.map((g) => g.groupId)).toEqual([group]);
    expect(
      users.listUsers(restored, instanceId, { organizationalUnitId: ou }).items.map((s) => s.user.userId),
    ).toEqual([user]);
    expect(() =>
      users.createUser(restored, instanceId, { username: 'ALICE', primaryOrganizationalUnitId: ou }),
    ).toThrow(expect.objectContaining({ code: 'EntityAlreadyExists.User.Username' }));
    expect(() => ous.deleteOrganizationalUnit(restored, instanceId, ou)).toThrow(
      expect.objectContaining({ code: 'OperationConflict.OrganizationalUnit.HasUsers' }),
    );
  });

  it('continues the id sequence after a restore exactly as the original would', () => {
    const original = new EiamService({ seed: 'replay', clock: () => T0 });
    const [instanceId, root] = script(original, T0);
    const restored = EiamService.fromSnapshot(original.snapshot(), { clock: () => T0 });
    const next = (s: EiamService) => groups.createGroup(s, instanceId, { groupName: 'after' }).groupId;
    expect(next(restored)).toBe(next(original));
    const ou = (s: EiamService) =>
      ous.createOrganizationalUnit(s, instanceId, { organizationalUnitName: 'x', parentId: root })
        .organizationalUnitId;
    expect(ou(restored)).toBe(ou(original));
  });

  it('keeps a snapshot independent of later changes', () => {
    const service = new EiamService({ seed: 1, clock: () => T0 });
    const [instanceId] = script(service, T0);
    const snap = service.snapshot();
    const before = JSON.stringify(snap);
    groups.createGroup(service, instanceId, { groupName: 'later' });
    users.setUserStatus(
      service,
      instanceId,
      users.listUsers(service, instanceId, {}).items[0].user.userId,
      'disabled',
    );
    expect(JSON.stringify(snap)).toBe(before);
  });

  it('rejects something that is not a snapshot', () => {
    expect(() => EiamService.fromSnapshot({ hello: 'world' })).toThrow(
      expect.objectContaining({ code: 'InvalidSnapshot' }),
    );
  });

  it('reset empties the service', () => {
    const fx = withInstance();
    fx.service.reset();
    expect(fx.service.state.instances.size).toBe(0);
    expect(fx.errorIn('GetInstance').code).toBe('EntityNotExists.Instance');
  });
});

describe('dispatch table', () => {
  it('has a handler for every catalog operation', () => {
    expect(missingOperations()).toEqual([]);
    for (const op of [
      ...SEED_OPERATIONS,
      ...EXTRA_OPERATIONS,
      ...NETWORK_ZONE_FAMILY,
      ...CONDITIONAL_ACCESS_FAMILY,
    ])
      expect(typeof handlers[op]).toBe('function');
  });

  it('never puts RequestId in a handler body (the HTTP layer adds it)', () => {
    const fx = withInstance();
    expect(fx.call('GetInstance')).not.toHaveProperty('RequestId');
    expect(fx.call('UpdateInstanceDescription', { Description: 'x' })).toEqual({});
  });
});
