/**
 * Passwords never reach the write-ahead journal: it holds the state a call left, so a password
 * is only there as the salted hash the user keeps, and a restart still rebuilds exactly the same
 * state (password history included) and draws the same ids afterwards.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalServer, LocalServerOptions } from '../../../src/local-server';
import { handlers } from '../../../src/local-server/operations';
import { EiamError } from '../../../src/local-server/model/errors';
import { createInstance } from '../http/flows';
import { callApi, startTestServer, stopTestServers } from '../http/support';

const FIRST = 'Initial#Pass1';
const SECOND = 'Changed#Pass2';
const WEAK = 'weakpassword9';
const WEAK_CREATE = 'nodigitsHere';
const THIRD = 'Another#Pass3';

/** Creates an instance and a user with a password, changes it, and tries two weak passwords. */
async function passwordCalls(server: LocalServer): Promise<{ instanceId: string; userId: string }> {
  const { instanceId, rootOuId } = await createInstance(server);
  const created = await callApi(server, 'CreateUser', {
    InstanceId: instanceId,
    PrimaryOrganizationalUnitId: rootOuId,
    Username: 'alice',
    Password: FIRST,
  });
  expect(created.status).toBe(200);
  const userId = created.json.UserId as string;
  const weakCreate = await callApi(server, 'CreateUser', {
    InstanceId: instanceId,
    PrimaryOrganizationalUnitId: rootOuId,
    Username: 'bob',
    Password: WEAK_CREATE,
  });
  expect(weakCreate.json.Code).toBe('InvalidPassword.Number');
  const changed = await callApi(server, 'UpdateUserPassword', {
    InstanceId: instanceId,
    UserId: userId,
    Password: SECOND,
  });
  expect(changed.status).toBe(200);
  const weak = await callApi(server, 'UpdateUserPassword', {
    InstanceId: instanceId,
    UserId: userId,
    Password: WEAK,
  });
  expect(weak.json.Code).toBe('InvalidPassword.UpperCase');
  return { instanceId, userId };
}

/** Calls made after the (possible) restart; returns the id of a user created last. */
async function laterCalls(server: LocalServer, instanceId: string, userId: string): Promise<string> {
  const history = await callApi(server, 'SetPasswordHistoryConfiguration', {
    InstanceId: instanceId,
    PasswordHistoryStatus: 'enabled',
    PasswordHistoryMaxRetention: 3,
  });
  expect(history.status).toBe(200);
  for (const reused of [SECOND, FIRST]) {
    const refused = await callApi(server, 'UpdateUserPassword', {
      InstanceId: instanceId,
      UserId: userId,
      Password: reused,
    });
    expect(refused.json.Code).toBe('InvalidPassword.History');
  }
  const accepted = await callApi(server, 'UpdateUserPassword', {
    InstanceId: instanceId,
    UserId: userId,
    Password: THIRD,
  });
  expect(accepted.status).toBe(200);
  const root = await callApi(server, 'GetRootOrganizationalUnit', { InstanceId: instanceId });
  const later = await callApi(server, 'CreateUser', {
    InstanceId: instanceId,
    PrimaryOrganizationalUnitId: root.json.OrganizationalUnit.OrganizationalUnitId as string,
    Username: 'carol',
    Password: 'Carol#Pass4',
  });
  expect(later.status).toBe(200);
  return later.json.UserId as string;
}

describe('passwords and the write-ahead journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-passwords-'));
  });
  afterEach(async () => {
    await stopTestServers();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = (): LocalServerOptions => ({ dataDir: dir, compactEvery: 100_000, seed: 'pw' });

  it('journals no password, accepted or rejected, yet restores the stored hashes exactly', async () => {
    const first = await startTestServer(options());
    const { instanceId, userId } = await passwordCalls(first);
    await first.stop();

    const wal = readFileSync(join(dir, 'wal.log'), 'utf8');
    for (const password of [FIRST, SECOND, WEAK, WEAK_CREATE]) expect(wal).not.toContain(password);
    const entries = wal
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line.slice(9)) as { action: string; change: { instances: unknown[] } });
    // The user's record carries the hash it stores, never the password.
    const userPuts = entries
      .flatMap((e) => e.change.instances as { put?: { users?: [string, { password?: unknown }][] } }[])
      .flatMap((c) => c.put?.users ?? [])
      .filter(([id]) => id === userId);
    expect(userPuts.length).toBeGreaterThanOrEqual(2);
    for (const [, user] of userPuts) {
      expect(user.password).toEqual({
        salt: expect.stringMatching(/^[0-9a-z]{16}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }

    const second = await startTestServer(options());
    expect(second.recovery).toEqual({ applied: entries.length });
    const afterRestart = await laterCalls(second, instanceId, userId);

    // A server that never restarted draws the same ids.
    const control = await startTestServer({ seed: 'pw' });
    const ids = await passwordCalls(control);
    expect(ids).toEqual({ instanceId, userId });
    expect(await laterCalls(control, instanceId, userId)).toBe(afterRestart);
  });

  it('restores the generator after a failed password call that drew from it', async () => {
    const flaky = {
      ...handlers,
      UpdateUserPassword: (ctx: Parameters<(typeof handlers)['UpdateUserPassword']>[0]) => {
        ctx.service.newId('x');
        throw new EiamError('InvalidPassword.History', 'refused after drawing an id', 400);
      },
    };
    const run = async (server: LocalServer, restart: boolean): Promise<string[]> => {
      const { instanceId, rootOuId } = await createInstance(server);
      const refused = await callApi(server, 'UpdateUserPassword', {
        InstanceId: instanceId,
        UserId: 'user_x',
        Password: FIRST,
      });
      expect(refused.json.Code).toBe('InvalidPassword.History');
      if (restart) {
        await server.stop();
        expect(readFileSync(join(dir, 'wal.log'), 'utf8')).not.toContain(FIRST);
        server = await startTestServer({ ...options(), handlers: flaky });
        expect(server.recovery.applied).toBeGreaterThan(0);
      }
      const user = await callApi(server, 'CreateUser', {
        InstanceId: instanceId,
        PrimaryOrganizationalUnitId: rootOuId,
        Username: 'dave',
      });
      return [instanceId, user.json.UserId as string];
    };
    const restarted = await run(await startTestServer({ ...options(), handlers: flaky }), true);
    const control = await run(await startTestServer({ seed: 'pw', handlers: flaky }), false);
    expect(restarted).toEqual(control);
  });
});
