/** Many parallel mutating calls over keep-alive connections leave a consistent state. */
import http from 'node:http';
import type { LocalServer } from '../../../src/local-server';
import { createInstance } from './flows';
import { callApi, startTestServer } from './support';

describe('local server under concurrent writes', () => {
  let server: LocalServer;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    agent.destroy();
    await server.stop();
  });

  it('creates every distinct user once and refuses every duplicate username', async () => {
    const { instanceId, rootOuId } = await createInstance(server);
    const usernames = [
      ...Array.from({ length: 150 }, (_, i) => `member${i}`),
      ...Array.from({ length: 30 }, () => 'contested'),
    ];
    const replies = await Promise.all(
      usernames.map((Username) =>
        callApi(
          server,
          'CreateUser',
          { InstanceId: instanceId, PrimaryOrganizationalUnitId: rootOuId, Username },
          { agent },
        ),
      ),
    );
    const ok = replies.filter((r) => r.status === 200);
    expect(ok).toHaveLength(151);
    const conflicts = replies.filter((r) => r.status !== 200);
    expect(new Set(conflicts.map((r) => r.json.Code))).toEqual(
      new Set(['EntityAlreadyExists.User.Username']),
    );
    const ids = ok.map((r) => r.json.UserId as string);
    expect(new Set(ids).size).toBe(ids.length);

    const listed: string[] = [];
    for (let page = 1; listed.length < 151 && page < 10; page++) {
      const reply = await callApi(server, 'ListUsers', {
        InstanceId: instanceId,
        PageNumber: page,
        PageSize: 100,
      });
      expect(reply.json.TotalCount).toBe(151);
      listed.push(...(reply.json.Users as Array<{ UserId: string }>).map((u) => u.UserId));
    }
    expect(listed.sort()).toEqual(ids.sort());
  });

  it('keeps group membership consistent under parallel add/remove of the same users', async () => {
    const { instanceId, rootOuId } = await createInstance(server);
    const users = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callApi(
          server,
          'CreateUser',
          { InstanceId: instanceId, PrimaryOrganizationalUnitId: rootOuId, Username: `g${i}` },
          { agent },
        ),
      ),
    );
    const userIds = users.map((r) => r.json.UserId as string);
    const group = await callApi(server, 'CreateGroup', { InstanceId: instanceId, GroupName: 'team' });
    const GroupId = group.json.GroupId as string;
    await Promise.all(
      userIds.flatMap((id, i) => [
        callApi(server, 'AddUsersToGroup', { InstanceId: instanceId, GroupId, UserIds: [id] }, { agent }),
        ...(i % 2 === 0
          ? []
          : [
              callApi(
                server,
                'RemoveUsersFromGroup',
                { InstanceId: instanceId, GroupId, UserIds: [id] },
                { agent },
              ),
            ]),
      ]),
    );
    const members = await callApi(server, 'ListUsersForGroup', {
      InstanceId: instanceId,
      GroupId,
      PageSize: 100,
    });
    const listed = (members.json.Users as Array<{ UserId: string }>).map((u) => u.UserId);
    expect(members.json.TotalCount).toBe(listed.length);
    for (const [i, id] of userIds.entries()) {
      const groups = await callApi(server, 'ListGroupsForUser', { InstanceId: instanceId, UserId: id });
      const inGroup = (groups.json.Groups as Array<{ GroupId: string }>).some((g) => g.GroupId === GroupId);
      expect(inGroup).toBe(listed.includes(id));
      if (i % 2 === 0) expect(inGroup).toBe(true);
    }
  });
});
