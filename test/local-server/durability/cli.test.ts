/** The `eiam-local` command line: flags, usage errors, and a clean stop on SIGTERM. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine, UsageError } from '../../../src/local-server/cli';
import { callApi } from '../http/support';
import { startChild } from './child';

jest.setTimeout(60_000);

describe('eiam-local flags', () => {
  it('maps every flag onto the server options', () => {
    expect(
      parseCommandLine([
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--access-key-id',
        'id',
        '--access-key-secret',
        'secret',
        '--data-dir',
        '/tmp/x',
        '--latency-ms',
        '5',
        '--instance-creation-delay-ms',
        '0',
        '--fault-seed',
        '9',
        '--fault-throttle-rate',
        '0.1',
        '--fault-error-rate',
        '0.2',
        '--fault-drop-rate',
        '0.05',
        '--quiet',
      ]),
    ).toEqual({
      host: '0.0.0.0',
      port: 0,
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      dataDir: '/tmp/x',
      latencyMs: 5,
      instanceCreationDelayMs: 0,
      seed: undefined,
      faults: {
        seed: 9,
        throttleRate: 0.1,
        errorRate: 0.2,
        dropRate: 0.05,
        latencyMs: undefined,
        latencyJitterMs: undefined,
      },
      log: false,
    });
  });

  it('returns undefined for --help and throws UsageError for bad input', () => {
    expect(parseCommandLine(['--help'])).toBeUndefined();
    expect(() => parseCommandLine(['--port', 'eighty'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--fault-drop-rate', '2'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--no-such-flag'])).toThrow(UsageError);
  });
});

describe('eiam-local process', () => {
  it('prints endpoint and keys, serves calls, and stops on SIGTERM releasing its data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eiam-cli-'));
    try {
      const c = await startChild(['--port', '0', '--quiet', '--data-dir', dir]);
      expect(c.stdout()).toContain('Access key id: LTAI5tLocalEiamKey00001');
      expect((await callApi(c.server, 'ListRegions')).status).toBe(200);
      expect(existsSync(join(dir, 'LOCK'))).toBe(true);
      c.child.kill('SIGTERM');
      expect(await c.exited).toBe(0);
      expect(existsSync(join(dir, 'LOCK'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
