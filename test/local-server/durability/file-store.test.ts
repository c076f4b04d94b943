/** The data-directory store: log records, torn tails, compaction, and restarts of the in-process server. */
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
    params: { Description: `d${i}` },
    requestId: `r${i}`,
    now: i,
  });

  function reopen(): FileStore {
    return new FileStore(dir);
  }

  it('gives back the appended calls in order, numbered from 1', () => {
    const store = reopen();
    store.load();
    store.append(call(1));
    store.append(call(2));
    store.close();
    const again = reopen();
    const loaded = again.load();
    expect(loaded.snapshot).toBeUndefined();
    expect(loaded.calls.map((c) => [c.seq, c.requestId])).toEqual([
      [1, 'r1'],
      [2, 'r2'],
    ]);
    again.close();
  });

  it('keeps the log, the snapshot and the lock readable by the owner only', () => {
    // The log records provisioning tokens in the parameters of mutating calls.
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
    expect(again.load().calls).toHaveLength(1);
    again.append(call(2));
    again.close();
    const third = reopen();
    expect(third.load().calls.map((c) => c.requestId)).toEqual(['r1', 'r2']);
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
    expect(loaded.calls).toEqual([]);
    again.append(call(3));
    again.close();
    const third = reopen();
    expect(third.load().calls.map((c) => c.seq)).toEqual([3]);
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

  it('rebuilds the same state through snapshots and log replay (compacting every 7 writes)', async () => {
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
    expect(second.recovery.diverged).toBe(0);
    const after = await callApi(second, 'ListUsers', { InstanceId: instanceId, PageSize: 100 });
    expect(after.json.Users).toEqual(before.json.Users);
    await second.stop();
  });

  it('replays a failed call too, so ids drawn before the failure stay drawn', async () => {
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
    expect(second.recovery).toEqual({ replayed: 2, diverged: 0 });
    expect((await callApi(second, 'GetInstance', { InstanceId: instanceId })).status).toBe(200);
    await second.stop();
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
