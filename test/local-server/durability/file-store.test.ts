/** The data-directory store: journal records, torn tails, compaction, and restarts of the in-process server. */
import {
  appendFileSync,
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { handlers } from '../../../src/local-server/operations';
import { EiamError } from '../../../src/local-server/model/errors';
import { FileStore } from '../../../src/local-server/store/file';
import { createInstance } from '../http/flows';
import { callApi, rawRequest, startTestServer, stopTestServers } from '../http/support';

describe('FileStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const call = (i: number) => ({
    action: 'CreateInstance' as const,
    change: { seq: i, random: [i, 2, 3, 4] as [number, number, number, number], instances: [] },
    requestId: `r${i}`,
    now: i,
  });

  function reopen(): FileStore {
    return new FileStore(dir);
  }

  it('gives back the appended records in order, numbered from 1', () => {
    const store = reopen();
    store.load();
    store.append(call(1));
    store.append(call(2));
    store.close();
    const again = reopen();
    const loaded = again.load();
    expect(loaded.snapshot).toBeUndefined();
    expect(loaded.records.map((c) => [c.seq, c.requestId])).toEqual([
      [1, 'r1'],
      [2, 'r2'],
    ]);
    again.close();
  });

  it('keeps the log, the snapshot and the lock readable by the owner only', () => {
    // The journal and the snapshot hold state: provisioning tokens, password hashes.
    writeFileSync(join(dir, 'wal.log'), '');
    chmodSync(join(dir, 'wal.log'), 0o644);
    const store = reopen();
    store.load();
    store.append({ ...call(1), action: 'CreateInstance' });
    store.compact({ any: 'state' });
    store.append(call(2));
    const mode = (name: string) => statSync(join(dir, name)).mode & 0o777;
    expect([mode('wal.log'), mode('snapshot.json'), mode('LOCK')]).toEqual([0o600, 0o600, 0o600]);
    store.close();
  });

  it('cuts off a torn last record and keeps appending after it', () => {
    const store = reopen();
    store.load();
    store.append(call(1));
    store.close();
    appendFileSync(join(dir, 'wal.log'), '0badc0de {"seq":2,"act');
    const again = reopen();
    expect(again.load().records).toHaveLength(1);
    again.append(call(2));
    again.close();
    const third = reopen();
    expect(third.load().records.map((c) => c.requestId)).toEqual(['r1', 'r2']);
    third.close();
  });

  it('refuses to start when a damaged record is followed by valid ones', () => {
    const store = reopen();
    store.load();
    store.append(call(1));
    store.append(call(2));
    store.close();
    const wal = join(dir, 'wal.log');
    writeFileSync(wal, readFileSync(wal, 'utf8').replace('"r1"', '"rX"'));
    const damaged = reopen();
    expect(() => damaged.load()).toThrow(/corrupt/);
    damaged.close();
  });

  it('refuses a log of calls written before state journaling, rather than misreading it', () => {
    const old = JSON.stringify({ seq: 1, action: 'CreateInstance', params: {}, requestId: 'r1', now: 1 });
    writeFileSync(join(dir, 'wal.log'), `${crc32(old).toString(16).padStart(8, '0')} ${old}\n`);
    const store = reopen();
    expect(() => store.load()).toThrow(/older eiam-local/);
    store.close();
  });

  it('compacts into a snapshot and skips log records the snapshot already covers', () => {
    const store = reopen();
    store.load();
    store.append(call(1));
    store.append(call(2));
    const walBefore = readFileSync(join(dir, 'wal.log'));
    store.compact({ marker: 'after-2' });
    store.close();
    // A crash between the snapshot rename and the log truncation leaves the old records behind.
    writeFileSync(join(dir, 'wal.log'), walBefore);
    const again = reopen();
    const loaded = again.load();
    expect(loaded.snapshot).toEqual({ marker: 'after-2' });
    expect(loaded.records).toEqual([]);
    again.append(call(3));
    again.close();
    const third = reopen();
    expect(third.load().records.map((c) => c.seq)).toEqual([3]);
    third.close();
  });
});

describe('local server restarts on a data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eiam-restart-'));
  });
  afterEach(async () => {
    await stopTestServers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the same state through snapshots and the journal (compacting every 7 writes)', async () => {
    const first = await startTestServer({ dataDir: dir, compactEvery: 7 });
    const { instanceId, rootOuId } = await createInstance(first);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await callApi(first, 'CreateUser', {
        InstanceId: instanceId,
        PrimaryOrganizationalUnitId: rootOuId,
        Username: `u${i}`,
      });
      ids.push(reply.json.UserId as string);
    }
    const before = await callApi(first, 'ListUsers', { InstanceId: instanceId, PageSize: 100 });
    await first.stop();

    const second = await startTestServer({ dataDir: dir, compactEvery: 7 });
    // 21 writes, compacted after the 7th, 14th and 21st: the journal is empty.
    expect(second.recovery).toEqual({ applied: 0 });
    const after = await callApi(second, 'ListUsers', { InstanceId: instanceId, PageSize: 100 });
    expect(after.json.Users).toEqual(before.json.Users);
    await second.stop();
  });

  it('journals a failed call too, so ids drawn before the failure stay drawn', async () => {
    const flaky = {
      ...handlers,
      CreateGroup: (ctx: Parameters<(typeof handlers)['CreateGroup']>[0]) => {
        ctx.service.newId('group');
        throw new EiamError('InvalidParameter.GroupName', 'refused after drawing an id', 400);
      },
    };
    const first = await startTestServer({ dataDir: dir, handlers: flaky });
    const failed = await callApi(first, 'CreateGroup', { InstanceId: 'x', GroupName: 'g' });
    expect(failed.json.Code).toBe('InvalidParameter.GroupName');
    const { instanceId } = await createInstance(first);
    await first.stop();

    const second = await startTestServer({ dataDir: dir, handlers: flaky });
    expect(second.recovery).toEqual({ applied: 2 });
    expect((await callApi(second, 'GetInstance', { InstanceId: instanceId })).status).toBe(200);
    await second.stop();
  });

  it('keeps what was made in a running instance across a restart with a longer creation delay', async () => {
    // Replaying calls re-ran CreateInstance with the new delay, so the instance was `creating`
    // again and every later call into it failed on replay, losing the user and the group.
    const first = await startTestServer({ dataDir: dir, instanceCreationDelayMs: 0 });
    const { instanceId, rootOuId } = await createInstance(first);
    const user = await callApi(first, 'CreateUser', {
      InstanceId: instanceId,
      PrimaryOrganizationalUnitId: rootOuId,
      Username: 'kept',
    });
    const group = await callApi(first, 'CreateGroup', { InstanceId: instanceId, GroupName: 'kept' });
    expect([user.status, group.status]).toEqual([200, 200]);
    await first.stop();

    const second = await startTestServer({ dataDir: dir, instanceCreationDelayMs: 3_600_000 });
    expect(second.recovery.applied).toBeGreaterThanOrEqual(3);
    const instance = await callApi(second, 'GetInstance', { InstanceId: instanceId });
    expect(instance.json.Instance.Status).toBe('running');
    const users = await callApi(second, 'ListUsers', { InstanceId: instanceId });
    expect(users.json.Users.map((u: { Username: string }) => u.Username)).toEqual(['kept']);
    const groups = await callApi(second, 'ListGroups', { InstanceId: instanceId });
    expect(groups.json.Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['kept']);
    await second.stop();
  });

  it('journals the entities a call changed, not the whole instance', async () => {
    const first = await startTestServer({ dataDir: dir, compactEvery: 100_000 });
    const { instanceId, rootOuId } = await createInstance(first);
    for (let i = 0; i < 5; i++) {
      const reply = await callApi(first, 'CreateUser', {
        InstanceId: instanceId,
        PrimaryOrganizationalUnitId: rootOuId,
        Username: `u${i}`,
      });
      expect(reply.status).toBe(200);
    }
    await first.stop();
    const lines = readFileSync(join(dir, 'wal.log'), 'utf8').trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1].slice(9)) as {
      action: string;
      change: { instances: { instanceId: string; put?: { users?: [string, unknown][] } }[] };
    };
    expect(last.action).toBe('CreateUser');
    expect(last.change.instances.map((c) => c.instanceId)).toEqual([instanceId]);
    expect(last.change.instances[0].put?.users).toHaveLength(1);
  });

  it('refuses a second server on a directory this process already serves', async () => {
    await startTestServer({ dataDir: dir });
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/in use by this process/);
  });

  it('wipes the persisted state on POST /_local/reset', async () => {
    const first = await startTestServer({ dataDir: dir });
    const { instanceId } = await createInstance(first);
    expect((await callApi(first, 'GetInstance', { InstanceId: instanceId })).status).toBe(200);
    expect((await rawRequest(first, { path: '/_local/reset' })).status).toBe(200);
    expect((await callApi(first, 'GetInstance', { InstanceId: instanceId })).status).toBe(404);
    await first.stop();
    const second = await startTestServer({ dataDir: dir });
    expect((await callApi(second, 'ListInstances', {})).json.TotalCount).toBe(0);
    await second.stop();
  });
});
