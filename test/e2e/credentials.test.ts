/**
 * Credentials with the real engine: with no key anywhere the PREVIEW fails (the providers check
 * their configuration when they start) with the keys it looked for and no stack trace; with only
 * `@pulumi/alicloud`'s `alicloud:accessKey` / `alicloud:secretKey` in the stack config, `up`
 * works.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProgram,
  log,
  prepareToolchain,
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

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let emptyHome: string;

beforeAll(async () => {
  const shared = await prepareToolchain();
  fx = await startServer({ instanceCreationDelayMs: 0 });
  program = await createProgram(shared, 'credentials', {
    'index.js': [
      "const eiam = require('pulumi-alicloud-eiam');",
      "const instance = new eiam.Instance('creds', { description: 'credentials e2e' });",
      'exports.instanceId = instance.instanceId;',
      '',
    ].join('\n'),
  });
  // No credential source may leak in from this machine: no ALIBABA_CLOUD_*/ALICLOUD_* variables
  // and an empty home directory (after the install, which needs the real npm cache).
  emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-e2e-home-'));
  const env = Object.fromEntries(
    Object.entries(shared.env).filter(([k]) => !/^(ALIBABA_CLOUD|ALICLOUD)_/.test(k)),
  ) as NodeJS.ProcessEnv;
  tc = { ...shared, env: { ...env, HOME: emptyHome } };
  stack = await Stack.init(tc, program, 'credentials');
  await stack.setConfig('eiam:endpoint', fx.server.endpoint);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await tearDown({ stack, fx, program });
  if (emptyHome) fs.rmSync(emptyHome, { recursive: true, force: true });
});

test(
  'without any credential the preview fails, naming the keys it looked for',
  async () => {
    fx.server.resetCounters();
    const res = await stack.fails(['preview']);
    expect(res.output).toContain('No Alibaba Cloud credentials are configured for pulumi-alicloud-eiam');
    for (const key of [
      'eiam:accessKeyId',
      'alicloud:accessKey',
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_CREDENTIALS_URI',
    ]) {
      expect(res.output).toContain(key);
    }
    expect(Object.values(fx.server.counters()).reduce((n, c) => n + c.calls, 0)).toBe(0);
  },
  STEP_TIMEOUT_MS,
);

test(
  "@pulumi/alicloud's alicloud:accessKey / alicloud:secretKey are enough for up",
  async () => {
    await stack.setConfig('alicloud:accessKey', fx.server.accessKeyId);
    await stack.setConfig('alicloud:secretKey', fx.server.accessKeySecret, true);
    const res = await stack.up();
    if (res.code !== 0) log(res.output);
    const { instanceId } = (await stack.outputs()) as { instanceId: string };
    expect((await serverInventory(fx.client)).instances).toEqual([instanceId]);
    const state = (await stack.ok(['stack', 'export'])).stdout;
    expect(state).not.toContain(fx.server.accessKeySecret);
  },
  STEP_TIMEOUT_MS,
);
