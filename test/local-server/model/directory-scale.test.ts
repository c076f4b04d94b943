/**
 * Listing cost does not grow with the directory: at 100,000 users a page fetch reads only the
 * users on the page. Work is measured by counting reads of the user table, not by timing.
 */
import { EiamService } from '../../../src/local-server/model/service';
import type { InstanceState, UserState } from '../../../src/local-server/model/state';
import { T0 } from './directory-fixture';
import * as instances from '../../../src/local-server/model/instances';
import * as ous from '../../../src/local-server/model/organizational-units';
import * as users from '../../../src/local-server/model/users';

const USERS = 100_000;

/** Counts per-user reads (`get`) and whole-table iterations of `inst.users` while `fn` runs. */
function countReads<T>(inst: InstanceState, fn: () => T): { result: T; gets: number; scans: number } {
  const table = inst.users;
  const original = { get: table.get, values: table.values, entries: table.entries, forEach: table.forEach };
  let gets = 0;
  let scans = 0;
  table.get = (key: string) => {
    gets += 1;
    return original.get.call(table, key);
  };
  const scan = <F extends (...args: never[]) => unknown>(f: F) =>
    ((...args: Parameters<F>) => {
      scans += 1;
      return f.apply(table, args);
    }) as unknown as F;
  table.values = scan(original.values) as typeof table.values;
  table.entries = scan(original.entries) as typeof table.entries;
  table.forEach = scan(original.forEach) as typeof table.forEach;
  try {
    return { result: fn(), gets, scans };
  } finally {
    // The wrappers are own properties shadowing Map.prototype; deleting them restores the table.
    for (const key of ['get', 'values', 'entries', 'forEach'])
      delete (table as unknown as Record<string, unknown>)[key];
  }
}

describe('directory at 100,000 users', () => {
  const service = new EiamService({ seed: 'scale', clock: () => T0 });
  const instanceId = instances.createInstance(service, {}).instanceId;
  const root = ous.getRootOrganizationalUnit(service, instanceId).organizationalUnitId;
  const team = ous.createOrganizationalUnit(service, instanceId, {
    organizationalUnitName: 'team',
    parentId: root,
  }).organizationalUnitId;
  const inst = service.requireInstance(instanceId);
  const ids: string[] = [];
  const small = new EiamService({ seed: 'small', clock: () => T0 });
  const smallInstance = instances.createInstance(small, {}).instanceId;
  const smallRoot = ous.getRootOrganizationalUnit(small, smallInstance).organizationalUnitId;

  beforeAll(() => {
    for (let i = 0; i < USERS; i++) {
      // Every 10th user also belongs to `team`, so the OU listing has 10,000 members.
      const extra = i % 10 === 0 ? [team] : undefined;
      ids.push(
        users.createUser(service, instanceId, {
          username: `user${i}`,
          primaryOrganizationalUnitId: root,
          organizationalUnitIds: extra,
        }).userId,
      );
    }
    for (let i = 0; i < 100; i++)
      users.createUser(small, smallInstance, {
        username: `user${i}`,
        primaryOrganizationalUnitId: smallRoot,
      });
  }, 30_000);

  it('holds every user', () => {
    expect(inst.users.size).toBe(USERS);
    expect(users.listUsers(service, instanceId, {}).totalCount).toBe(USERS);
  });

  it('reads only the page when fetching a page deep in the listing', () => {
    const deep = countReads(inst, () =>
      users.listUsers(service, instanceId, { pageNumber: 4000, pageSize: 20 }),
    );
    expect(deep.result.items.map((s) => s.user.userId)).toEqual(ids.slice(79_980, 80_000));
    expect(deep.scans).toBe(0);
    expect(deep.gets).toBe(20);

    const smallInst = small.requireInstance(smallInstance);
    const shallow = countReads(smallInst, () =>
      users.listUsers(small, smallInstance, { pageNumber: 2, pageSize: 20 }),
    );
    // Same work for a page at 100 users and at 100,000 users.
    expect(deep.gets).toBe(shallow.gets);
  });

  it('walks continuation tokens without scanning', () => {
    const first = users.listUsers(service, instanceId, { maxResults: 100 });
    const next = countReads(inst, () =>
      users.listUsers(service, instanceId, { maxResults: 100, nextToken: first.nextToken }),
    );
    expect(next.result.items.map((s) => s.user.userId)).toEqual(ids.slice(100, 200));
    expect(next.scans).toBe(0);
    expect(next.gets).toBe(100);
  });

  it('pages an OU’s members off its index', () => {
    const page = countReads(inst, () =>
      users.listUsers(service, instanceId, { organizationalUnitId: team, pageNumber: 500, pageSize: 20 }),
    );
    expect(page.result.totalCount).toBe(10_000);
    expect(page.result.items.map((s) => s.user.userId)).toEqual(
      ids.filter((_, i) => i % 10 === 0).slice(9_980, 10_000),
    );
    expect(page.gets).toBe(20);
    expect(page.scans).toBe(0);
  });

  it('looks users up by username, external id and id without scanning', () => {
    const probe = countReads(inst, () => {
      expect(() =>
        users.createUser(service, instanceId, { username: 'USER99999', primaryOrganizationalUnitId: root }),
      ).toThrow(expect.objectContaining({ code: 'EntityAlreadyExists.User.Username' }));
      return users.listUsers(service, instanceId, { userExternalId: ids[54_321] });
    });
    expect(probe.result.items.map((s) => s.user.userId)).toEqual([ids[54_321]]);
    expect(probe.scans).toBe(0);
    expect(probe.gets).toBeLessThanOrEqual(3);
  });

  it('keeps pages consistent after deletions in the middle', () => {
    const victim = ids[50_000];
    users.deleteUser(service, instanceId, victim);
    const page = users.listUsers(service, instanceId, { pageNumber: 2501, pageSize: 20 });
    expect(page.items.map((s) => s.user.userId)).toEqual(ids.slice(50_001, 50_021));
    expect(page.totalCount).toBe(USERS - 1);
  });

  it('serves GetUser for a user in a large directory', () => {
    const user: UserState = users.getUser(service, instanceId, ids[99_999]).user;
    expect(user.username).toBe('user99999');
  });
});
