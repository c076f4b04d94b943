/** `eiam-local` configured by EIAM_LOCAL_* environment variables; a flag wins over its variable. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV_FLAGS, envVarOf, parseCommandLine, UsageError } from '../../../src/local-server/cli';
import { callApi, rawRequest } from '../http/support';
import { startChild } from './child';

jest.setTimeout(60_000);

const VALUES: Record<string, string> = {
  host: '0.0.0.0',
  port: '0',
  'access-key-id': 'id',
  'access-key-secret': 'secret',
  'data-dir': '/tmp/x',
  'latency-ms': '5',
  'instance-creation-delay-ms': '0',
  seed: 'abc',
  'fault-seed': '9',
  'fault-throttle-rate': '0.1',
  'fault-error-rate': '0.2',
  'fault-drop-rate': '0.05',
  'fault-latency-ms': '3',
  'fault-latency-jitter-ms': '4',
  quiet: '1',
};

test('every flag has an environment variable, and both give the same options', () => {
  expect([...ENV_FLAGS].sort()).toEqual(Object.keys(VALUES).sort());
  const env = Object.fromEntries(Object.entries(VALUES).map(([flag, v]) => [envVarOf(flag), v]));
  expect(env.EIAM_LOCAL_PORT).toBe('0');
  expect(env.EIAM_LOCAL_DATA_DIR).toBe('/tmp/x');
  const argv = Object.entries(VALUES).flatMap(([flag, v]) =>
    flag === 'quiet' ? ['--quiet'] : [`--${flag}`, v],
  );
  const fromEnv = parseCommandLine([], env);
  expect(fromEnv).toEqual(parseCommandLine(argv, {}));
  expect(fromEnv).toMatchObject({
    host: '0.0.0.0',
    port: 0,
    dataDir: '/tmp/x',
    log: false,
    faults: { seed: 9 },
  });
});

test('a flag on the command line wins over its variable', () => {
  const env = { EIAM_LOCAL_PORT: '9999', EIAM_LOCAL_QUIET: 'true', EIAM_LOCAL_DATA_DIR: '/tmp/env' };
  expect(parseCommandLine(['--port', '1234', '--data-dir', '/tmp/flag'], env)).toMatchObject({
    port: 1234,
    dataDir: '/tmp/flag',
    log: false,
  });
  expect(parseCommandLine([], { ...env, EIAM_LOCAL_QUIET: 'no' })).toMatchObject({ port: 9999, log: true });
  expect(parseCommandLine([], { EIAM_LOCAL_PORT: '' })).toMatchObject({ port: undefined });
});

test('a bad value in the environment is a usage error naming the variable', () => {
  expect(() => parseCommandLine([], { EIAM_LOCAL_PORT: 'eighty' })).toThrow(
    new UsageError('EIAM_LOCAL_PORT expects a non-negative integer up to 65535, got "eighty"'),
  );
  expect(() => parseCommandLine([], { EIAM_LOCAL_QUIET: 'maybe' })).toThrow(/EIAM_LOCAL_QUIET expects/);
  expect(() => parseCommandLine(['--port', 'eighty'], {})).toThrow(/^--port expects/);
});

test('the process takes its port, data directory and quiet mode from the environment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eiam-cli-env-'));
  try {
    const c = await startChild([], { EIAM_LOCAL_PORT: '0', EIAM_LOCAL_QUIET: '1', EIAM_LOCAL_DATA_DIR: dir });
    expect(c.stdout()).toContain(`Data directory: ${dir}`);
    expect(c.stdout()).toContain(`Directory view: ${c.server.endpoint}/_local/view`);
    expect((await callApi(c.server, 'CreateInstance', { Description: 'from env' })).status).toBe(200);
    expect(existsSync(join(dir, 'LOCK'))).toBe(true);
    const view = await rawRequest(c.server, { method: 'GET', path: '/_local/overview' });
    expect(view.json.instances[0].description).toBe('from env');
    c.child.kill('SIGTERM');
    expect(await c.exited).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
