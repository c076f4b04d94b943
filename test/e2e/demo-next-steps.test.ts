/**
 * The demo's printed "what to try next", with the real engine: the API step changes an account
 * behind Pulumi's back, the printed `pulumi preview --refresh --diff` shows that drift, and the
 * printed `pulumi up --refresh --yes` puts the declared value back. The program is a small
 * stand-in for the quickstart with the outputs the steps use; the restart of a stopped server is
 * covered by test/scripts/demo-next-steps.test.ts. Needs `dist/` (the API step runs
 * `scripts/eiam.js`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProgram,
  prepareToolchain,
  SETUP_TIMEOUT_MS,
  Stack,
  tearDown,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';
import * as toolchain from '../../scripts/lib/toolchain';

const { nextSteps } = require('../../scripts/lib/demo-steps') as {
  nextSteps: (o: Record<string, unknown>) => { kind: string; command: string }[];
};

const repoRoot = path.resolve(__dirname, '..', '..');
const built = fs.existsSync(path.join(repoRoot, 'dist', 'cli', 'eiam-call.js'));
if (!built && process.env.CI) throw new Error('dist/ is missing: .ci/run builds before the tests');
const maybe = built ? test : test.skip;

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let demoDir: string;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  program = await createProgram(tc, 'next-steps', {
    'index.js': [
      "const pulumi = require('@pulumi/pulumi');",
      "const eiam = require('pulumi-alicloud-eiam');",
      "const instance = new eiam.Instance('directory', { description: 'next steps' });",
      "const alice = new eiam.User('alice', { instanceId: instance.instanceId, username: 'alice', displayName: 'Alice' });",
      'exports.directoryInstanceId = instance.instanceId;',
      'exports.userIds = { alice: alice.userId };',
      "exports.dashboardClientSecret = pulumi.secret('stand-in');",
      '',
    ].join('\n'),
  });
  stack = await Stack.init(tc, program, 'demo');
  await stack.configureProvider(fx.server);
  await stack.up();
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-e2e-demo-'));
  fs.writeFileSync(
    path.join(demoDir, 'server.json'),
    JSON.stringify({
      endpoint: fx.server.endpoint,
      accessKeyId: fx.server.accessKeyId,
      accessKeySecret: fx.server.accessKeySecret,
    }),
  );
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await tearDown({ stack, fx, program });
  if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
});

maybe(
  'the API step makes drift that the printed preview shows and the printed up puts back',
  async () => {
    const outputs = (await stack.outputs()) as { directoryInstanceId: string; userIds: { alice: string } };
    const steps = nextSteps({
      serverRunning: true,
      port: fx.server.port,
      dataDir: '.demo/data',
      logFile: '.demo/eiam-local.log',
      backend: 'file:///unused',
      stack: stack.name,
      passphrase: 'eiam-local-only',
      instanceId: outputs.directoryInstanceId,
      userId: outputs.userIds.alice,
    });
    expect(steps.some((s) => s.kind === 'server')).toBe(false);
    const seen: string[] = [];
    for (const step of steps) {
      if (step.kind === 'api') {
        // Asynchronously: the server runs in this process.
        const res = await toolchain.run('bash', ['-c', step.command], {
          cwd: repoRoot,
          env: { ...process.env, EIAM_DEMO_DIR: demoDir },
        });
        expect({ command: step.command, code: res.code, stderr: res.stderr }).toMatchObject({
          code: 0,
          stderr: '',
        });
        seen.push(res.stdout);
      } else if (step.kind === 'pulumi') {
        // `pulumi <args> --stack demo`: the harness adds the stack and backend flags itself.
        const args = step.command.split(' ').slice(1);
        const at = args.indexOf('--stack');
        args.splice(at, 2);
        const res = await stack.run(args);
        expect({ command: step.command, code: res.code }).toEqual({ command: step.command, code: 0 });
        seen.push(res.output);
      }
    }
    const [secret, updated, read, preview] = seen;
    expect(secret).toContain('stand-in');
    expect(updated).toContain('RequestId');
    expect(JSON.parse(read).User.DisplayName).toBe('Alice (edited by hand)');
    expect(preview).toContain('Alice (edited by hand)');
    const live = await fx.client.call('GetUser', {
      InstanceId: outputs.directoryInstanceId,
      UserId: outputs.userIds.alice,
    });
    expect(live.User?.DisplayName).toBe('Alice');
  },
  STEP_TIMEOUT_MS,
);
