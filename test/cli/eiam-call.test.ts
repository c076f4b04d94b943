/** `eiam-call`: signed calls over real HTTP against the local server, configured by flags or env. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { main, parseCallCommandLine, UsageError } from '../../src/cli/eiam-call';
import type { LocalServer } from '../../src/local-server';
import { startTestServer, stopTestServers } from '../local-server/http/support';

let server: LocalServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => stopTestServers());

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, env);
  const json: unknown = code === 0 && /^[[{]/.test(stdout) ? JSON.parse(stdout) : undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { code, stdout, stderr, json: json as any };
}

const flags = () => [
  '--endpoint',
  server.endpoint,
  '--access-key-id',
  server.accessKeyId,
  '--access-key-secret',
  server.accessKeySecret,
];

test('creates and reads objects with typed values, by flags or by environment, V3 and RPC', async () => {
  const created = await run(['CreateInstance', 'Description=made by eiam-call', ...flags()]);
  expect(created.code).toBe(0);
  const InstanceId = created.json.InstanceId as string;
  const env = {
    EIAM_ENDPOINT: server.endpoint,
    EIAM_ACCESS_KEY_ID: server.accessKeyId,
    EIAM_ACCESS_KEY_SECRET: server.accessKeySecret,
  };
  const root = await run(['GetRootOrganizationalUnit', `InstanceId=${InstanceId}`], env);
  const rootId = root.json.OrganizationalUnit.OrganizationalUnitId as string;
  const user = await run(
    [
      'CreateUser',
      `InstanceId=${InstanceId}`,
      'Username=carol',
      'DisplayName=Carol',
      `PrimaryOrganizationalUnitId=${rootId}`,
    ],
    { ...env, EIAM_SIGNATURE_VERSION: 'rpc' },
  );
  expect(user.code).toBe(0);
  const group = await run(['CreateGroup', `InstanceId=${InstanceId}`, 'GroupName=ops'], env);
  const added = await run(
    [
      'AddUsersToGroup',
      `InstanceId=${InstanceId}`,
      `GroupId=${group.json.GroupId}`,
      `UserIds=${JSON.stringify([user.json.UserId])}`,
    ],
    env,
  );
  expect(added.code).toBe(0);
  const members = await run(
    ['ListUsersForGroup', `InstanceId=${InstanceId}`, `GroupId=${group.json.GroupId}`, '--all'],
    env,
  );
  expect(members.json.map((u: { UserId: string }) => u.UserId)).toEqual([user.json.UserId]);
});

test('a service error exits 1 with code and request id, and echoes no parameter or secret', async () => {
  const res = await run(['GetUser', 'InstanceId=idaas_missing', 'UserId=user_secretish', ...flags()]);
  expect(res.code).toBe(1);
  expect(res.stderr).toMatch(/^eiam-call: .*EntityNotExists/);
  expect(res.stderr).toMatch(/RequestId/);
  expect(res.stderr).not.toContain(server.accessKeySecret);
  const bad = await run(['ListInstances', ...flags().slice(0, 4), '--access-key-secret', 'wrong-secret']);
  expect(bad.code).toBe(1);
  expect(bad.stderr).not.toContain('wrong-secret');
});

test('usage mistakes exit 2 and --help prints the usage', async () => {
  expect((await run(['--help'])).stdout).toContain('Usage: eiam-call <Action>');
  expect((await run([])).code).toBe(2);
  const typo = await run(['listinstances']);
  expect(typo.code).toBe(2);
  expect(typo.stderr).toContain('did you mean ListInstances?');
  expect(() => parseCallCommandLine(['GetUser', 'novalue'], {})).toThrow(UsageError);
  expect(() => parseCallCommandLine(['ListInstances', '--signature-version', 'v2'], {})).toThrow(/v3 or rpc/);
  expect(
    parseCallCommandLine(['ListInstances', '--endpoint', 'http://a'], { EIAM_ENDPOINT: 'http://b' })?.client
      .endpoint,
  ).toBe('http://a');
});

test('runs as a command in its own process', async () => {
  const runner = path.join(__dirname, 'run-eiam-call.js');
  const out = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [runner, 'ListRegions'], {
      env: {
        ...process.env,
        EIAM_ENDPOINT: server.endpoint,
        EIAM_ACCESS_KEY_ID: server.accessKeyId,
        EIAM_ACCESS_KEY_SECRET: server.accessKeySecret,
      },
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout }));
  });
  expect(out.code).toBe(0);
  expect(JSON.parse(out.stdout).Regions.length).toBeGreaterThan(0);
}, 30_000);
