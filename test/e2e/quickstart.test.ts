/**
 * The shipped quickstart (examples/quickstart, TypeScript) as a user runs it: copied into a
 * program directory outside the repository with the package installed from its tarball, then
 * a `pulumi preview` of the fresh stack (every input still unknown), `pulumi up`, a clean
 * `pulumi preview`, and `pulumi destroy` against a local server.
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
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'quickstart');
const PASSWORD = 'Quickstart-Passw0rd!';

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  program = await createProgram(tc, 'quickstart', {
    'Pulumi.yaml': `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`,
    'index.ts': fs.readFileSync(path.join(EXAMPLE, 'index.ts'), 'utf8'),
    'tsconfig.json': fs.readFileSync(path.join(EXAMPLE, 'tsconfig.json'), 'utf8'),
  });
  stack = await Stack.init(tc, program, 'quickstart');
  await stack.configureProvider(fx.server);
  await stack.setConfig(`${PROJECT}:initialPassword`, PASSWORD, true);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (stack) {
    for (const t of stack.timings) log(`  ${(t.ms / 1000).toFixed(1).padStart(5)} s  ${t.command}`);
  }
  await tearDown({ stack, fx, program });
});

interface QuickstartOutputs {
  directoryInstanceId: string;
  organizationalUnitIds: Record<string, string>;
  userIds: Record<string, string>;
  groupIds: Record<string, string>;
  wikiApplicationId: string;
  dashboardApplicationId: string;
  dashboardClientId: string;
  dashboardIssuer: string;
  dashboardClientSecret: string;
}

test(
  'a preview of the fresh stack plans every create and writes nothing',
  async () => {
    // Before the first `up`, every id is unknown: check and diff of each resource must take the
    // engine's unknown sentinel in their inputs, and the preview must make no write.
    fx.server.resetCounters();
    const res = await stack.run(['preview', '--diff']);
    if (res.code !== 0) log(res.output);
    expect(res.code).toBe(0);
    expect(res.output).toMatch(/\+ eiam:User\b|pulumi-nodejs:dynamic\/eiam:User/);
    expect(res.output).toMatch(/\d+ to create/);
    expect(fx.writes()).toEqual({});
    expect(await serverInventory(fx.client)).toEqual({ instances: [] });
  },
  STEP_TIMEOUT_MS,
);

test(
  'up creates the quickstart directory',
  async () => {
    await stack.up();
    const o = (await stack.outputs()) as unknown as QuickstartOutputs;
    const InstanceId = o.directoryInstanceId;
    expect(Object.keys(o.userIds)).toHaveLength(12);

    const users = await fx.client.listAll('ListUsers', { InstanceId });
    expect(users).toHaveLength(12);
    const alice = await fx.client.call('GetUser', { InstanceId, UserId: o.userIds.alice });
    expect(alice.User?.PrimaryOrganizationalUnitId).toBe(o.organizationalUnitIds.platform);
    expect(alice.User?.PasswordSet).toBe(true);

    const engineers = await fx.client.listAll('ListUsersForGroup', {
      InstanceId,
      GroupId: o.groupIds.engineers,
    });
    expect(engineers).toHaveLength(7);

    const wiki = await fx.client.call('GetApplication', { InstanceId, ApplicationId: o.wikiApplicationId });
    expect(wiki.Application?.SsoType).toBe('saml2');
    const dashboard = await fx.client.call('GetApplication', {
      InstanceId,
      ApplicationId: o.dashboardApplicationId,
    });
    expect(dashboard.Application?.SsoType).toBe('oidc');
    expect(o.dashboardClientSecret).toBeTruthy();

    const complexity = await fx.client.call('GetPasswordComplexityConfiguration', { InstanceId });
    expect(complexity.PasswordComplexityConfiguration?.PasswordMinLength).toBe(12);
  },
  STEP_TIMEOUT_MS,
);

test(
  'a second preview shows no changes',
  async () => {
    const res = await stack.cleanPreview();
    expect(res.code).toBe(0);
  },
  STEP_TIMEOUT_MS,
);

test(
  'destroy removes the whole directory',
  async () => {
    await stack.ok(['destroy', '--yes', '--skip-preview']);
    expect(await serverInventory(fx.client)).toEqual({ instances: [] });
  },
  STEP_TIMEOUT_MS,
);
