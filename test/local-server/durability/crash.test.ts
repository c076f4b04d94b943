/**
 * Durability across `kill -9`: every write the server acknowledged is there after a restart on
 * the same data directory, ids keep being unique afterwards, and a second server cannot take a
 * directory that is in use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstance } from '../http/flows';
import { callApi, type Reply } from '../http/support';
import { startChild, type ChildServer } from './child';

jest.setTimeout(90_000);

describe('the eiam-local CLI with --data-dir', () => {
  let dir: string;
  const running: ChildServer[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-durability-'));
  });
  afterEach(async () => {
    for (const c of running.splice(0)) {
      c.child.kill('SIGKILL');
      await c.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const c = await startChild([
      '--port',
      '0',
      '--quiet',
      '--instance-creation-delay-ms',
      '0',
      '--data-dir',
      dir,
    ]);
    running.push(c);
    return c;
  };

  it('keeps every acknowledged write across kill -9 and a restart', async () => {
    const first = await start();
    const { instanceId, rootOuId } = await createInstance(first.server);
    const users = new Map<string, string>();
    for (let i = 0; i < 25; i++) {
      const reply = await callApi(first.server, 'CreateUser', {
        InstanceId: instanceId,
        PrimaryOrganizationalUnitId: rootOuId,
        Username: `durable${i}`,
        DisplayName: `Durable ${i}`,
      });
      expect(reply.status).toBe(200);
      users.set(reply.json.UserId as string, `durable${i}`);
    }
    const [deletedId] = users.keys();
    expect(
      (await callApi(first.server, 'DeleteUser', { InstanceId: instanceId, UserId: deletedId })).status,
    ).toBe(200);
    users.delete(deletedId);
    const [renamedId] = users.keys();
    expect(
      (
        await callApi(first.server, 'UpdateUser', {
          InstanceId: instanceId,
          UserId: renamedId,
          DisplayName: 'Renamed',
        })
      ).status,
    ).toBe(200);

    // A burst in flight when the process dies (killed as soon as the first answer arrives):
    // whatever was acknowledged must survive.
    const burst: Array<Promise<Reply | undefined>> = [];
    for (let i = 0; i < 40; i++) {
      burst.push(
        callApi(first.server, 'CreateUser', {
          InstanceId: instanceId,
          PrimaryOrganizationalUnitId: rootOuId,
          Username: `burst${i}`,
        }).catch(() => undefined),
      );
    }
    await Promise.race(burst);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const burstReplies = await Promise.all(burst);
    for (const reply of burstReplies) {
      if (reply?.status === 200) users.set(reply.json.UserId as string, reply.json.UserId as string);
    }
    expect(burstReplies.some((r) => r?.status === 200)).toBe(true);

    const second = await start();
    expect(second.stdout()).toMatch(/applied \d+ journal records/);
    for (const [userId, name] of users) {
      const got = await callApi(second.server, 'GetUser', { InstanceId: instanceId, UserId: userId });
      expect(got.status).toBe(200);
      if (name.startsWith('durable')) expect(got.json.User.Username).toBe(name);
    }
    expect(
      (await callApi(second.server, 'GetUser', { InstanceId: instanceId, UserId: deletedId })).json.Code,
    ).toBe('EntityNotExists.User');
    const renamed = await callApi(second.server, 'GetUser', { InstanceId: instanceId, UserId: renamedId });
    expect(renamed.json.User.DisplayName).toBe('Renamed');

    // The id generator resumed where it was: new ids do not collide with recovered ones.
    const fresh = await callApi(second.server, 'CreateUser', {
      InstanceId: instanceId,
      PrimaryOrganizationalUnitId: rootOuId,
      Username: 'after-restart',
    });
    expect(fresh.status).toBe(200);
    expect(users.has(fresh.json.UserId as string)).toBe(false);
  });

  it('refuses to share a data directory with a live server', async () => {
    await start();
    await expect(start()).rejects.toThrow(/in use by process/);
  });
});
