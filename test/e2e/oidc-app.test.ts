/**
 * The shipped examples/oidc-app (TypeScript) as a user runs it against an existing directory:
 * copied into a program outside the repository with the package installed from its tarball, then
 * a preview of the fresh stack (no write), `pulumi up`, clean previews with and without
 * `--refresh`, no plaintext client secret in the exported state, and `pulumi destroy` leaving
 * the directory as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProgram,
  log,
  prepareToolchain,
  PROJECT,
  serverInventory,
  SETUP_TIMEOUT_MS,
  Stack,
  tearDown,
  startServer,
  STEP_TIMEOUT_MS,
  waitForInstance,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'oidc-app');

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let instanceId = '';
let groupId = '';
/** What the server held before the stack existed: the directory the example adds to. */
let before: Record<string, string[]>;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  instanceId =
    (await fx.client.call('CreateInstance', { Description: 'existing directory' })).InstanceId ?? '';
  await waitForInstance(fx.client, instanceId);
  groupId =
    (await fx.client.call('CreateGroup', { InstanceId: instanceId, GroupName: 'Engineers' })).GroupId ?? '';
  before = await serverInventory(fx.client);
  program = await createProgram(tc, 'oidc-app', {
    'Pulumi.yaml': `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`,
    'index.ts': fs.readFileSync(path.join(EXAMPLE, 'index.ts'), 'utf8'),
    'tsconfig.json': fs.readFileSync(path.join(EXAMPLE, 'tsconfig.json'), 'utf8'),
  });
  stack = await Stack.init(tc, program, 'oidc-app');
  await stack.configureProvider(fx.server);
  await stack.setConfig(`${PROJECT}:instanceId`, instanceId);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await tearDown({ stack, fx, program });
});

test(
  'an empty instanceId (a failed `$(pulumi stack output …)`) fails the preview with one clear message',
  async () => {
    await stack.setConfig(`${PROJECT}:instanceId`, '');
    fx.server.resetCounters();
    try {
      const res = await stack.run(['preview']);
      expect(res.code).not.toBe(0);
      expect(res.output).toContain(
        'config instanceId must be an EIAM instance id (idaas_…), but it is empty',
      );
      expect(res.output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
      expect(fx.writes()).toEqual({});
    } finally {
      await stack.setConfig(`${PROJECT}:instanceId`, instanceId);
    }
  },
  STEP_TIMEOUT_MS,
);

test(
  'a preview of the fresh stack plans the creates and writes nothing',
  async () => {
    fx.server.resetCounters();
    const res = await stack.run(['preview', '--diff']);
    if (res.code !== 0) log(res.output);
    expect(res.code).toBe(0);
    expect(res.output).toMatch(/\+ 4 to create/);
    expect(fx.writes()).toEqual({});
  },
  STEP_TIMEOUT_MS,
);

test(
  'up adds the application, its secret and the group authorization; the next previews are clean',
  async () => {
    await stack.up();
    const out = (await stack.outputs()) as {
      authorizedGroupId: string;
      oidc: { clientId: string; clientSecret: string; issuer: string };
    };
    expect(out.authorizedGroupId).toBe(groupId);
    const apps = await fx.client.listAll('ListApplications', { InstanceId: instanceId });
    expect(apps).toHaveLength(1);
    expect(apps[0].ClientId).toBe(out.oidc.clientId);
    const groups = await fx.client.listAll('ListGroupsForApplication', {
      InstanceId: instanceId,
      ApplicationId: apps[0].ApplicationId ?? '',
    });
    expect(groups.map((g) => g.GroupId)).toEqual([groupId]);
    expect(out.oidc.clientSecret).toBeTruthy();
    expect(await stack.exportText()).not.toContain(out.oidc.clientSecret);

    for (const refresh of [false, true]) {
      const res = await stack.cleanPreview({ refresh });
      expect(res.code).toBe(0);
    }
  },
  STEP_TIMEOUT_MS,
);

test(
  'destroy leaves the directory as it was',
  async () => {
    await stack.ok(['destroy', '--yes', '--skip-preview']);
    expect(await serverInventory(fx.client)).toEqual(before);
  },
  STEP_TIMEOUT_MS,
);
