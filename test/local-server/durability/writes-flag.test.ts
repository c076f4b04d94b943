/**
 * The journal holds exactly the calls of the operations the catalog marks as writing
 * (`OPERATIONS[...].writes`, from the overlay's `readOnly` list), and a restart applies their journaled changes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATIONS, type OperationName } from '../../../src/catalog';
import { callApi, startTestServer, stopTestServers } from '../http/support';

describe('write-ahead log follows the catalog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-writes-'));
  });
  afterEach(async () => {
    await stopTestServers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs the writing calls, in order, and none of the reading ones', async () => {
    const options = { dataDir: dir, compactEvery: 100_000, seed: 'writes' };
    const server = await startTestServer(options);
    const calls: OperationName[] = [];
    const call = async (action: OperationName, params: Record<string, unknown>) => {
      const res = await callApi(server, action, params);
      expect(`${action} ${res.status}`).toBe(`${action} 200`);
      calls.push(action);
      return res.json;
    };
    const { InstanceId } = (await call('CreateInstance', { Description: 'writes' })) as {
      InstanceId: string;
    };
    await call('GetInstance', { InstanceId });
    await call('ListInstances', {});
    const group = await call('CreateGroup', { InstanceId, GroupName: 'g1' });
    await call('ListGroups', { InstanceId });
    await call('UpdateGroupDescription', { InstanceId, GroupId: group.GroupId, Description: 'd' });
    await call('GetPasswordComplexityConfiguration', { InstanceId });
    await call('SetPasswordHistoryConfiguration', { InstanceId, PasswordHistoryStatus: 'disabled' });
    await server.stop();

    const logged = readFileSync(join(dir, 'wal.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line.slice(9)) as { action: string }).action);
    expect(logged).toEqual(calls.filter((action) => OPERATIONS[action].writes));
    expect(logged).toEqual([
      'CreateInstance',
      'CreateGroup',
      'UpdateGroupDescription',
      'SetPasswordHistoryConfiguration',
    ]);

    const restarted = await startTestServer(options);
    expect(restarted.recovery).toEqual({ applied: 4 });
    const read = await callApi(restarted, 'GetGroup', { InstanceId, GroupId: group.GroupId });
    expect(read.json.Group.Description).toBe('d');
  });
});
