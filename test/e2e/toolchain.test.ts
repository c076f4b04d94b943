/**
 * The harness itself: the packed package installs into a program outside the repository,
 * a dynamic provider in that program can load the package's client, and it reaches the local
 * server through the real `pulumi` CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProgram,
  prepareToolchain,
  SETUP_TIMEOUT_MS,
  Stack,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const PROGRAM = `'use strict';
const pulumi = require('@pulumi/pulumi');
const cfg = new pulumi.Config('eiam');
const provider = {
  async create(inputs) {
    const { EiamClient } = require('pulumi-alicloud-eiam/client');
    const client = new EiamClient({ endpoint: inputs.endpoint, accessKeyId: inputs.ak, accessKeySecret: inputs.sk });
    try {
      const res = await client.call('CreateInstance', { Description: 'harness' });
      return { id: res.InstanceId, outs: { instanceId: res.InstanceId } };
    } finally {
      client.close();
    }
  },
};
const r = new pulumi.dynamic.Resource(provider, 'probe', {
  instanceId: undefined,
  endpoint: cfg.require('endpoint'),
  ak: cfg.require('accessKeyId'),
  sk: cfg.requireSecret('accessKeySecret'),
});
exports.instanceId = r.instanceId;
`;

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  program = await createProgram(tc, 'harness', { 'index.js': PROGRAM });
  stack = await Stack.init(tc, program, 'harness');
  await stack.configureProvider(fx.server);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await stack?.remove().catch(() => undefined);
  await fx?.stop();
  program?.remove();
});

test('the tarball installs outside the repository with its dependencies, documents and commands', () => {
  const installed = path.join(program.dir, 'node_modules', 'pulumi-alicloud-eiam');
  expect(fs.existsSync(path.join(installed, 'dist', 'client', 'index.js'))).toBe(true);
  expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
  for (const dep of ['axios', '@alicloud/credentials']) {
    expect(fs.existsSync(path.join(program.dir, 'node_modules', dep, 'package.json'))).toBe(true);
  }
  // The README's links resolve in the installed package.
  for (const doc of [
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
    'src/resources/README.md',
    'docs/local-server.md',
    'examples/README.md',
  ]) {
    expect(fs.existsSync(path.join(installed, doc))).toBe(true);
  }
  for (const bin of ['eiam-local', 'eiam-call']) {
    expect(fs.existsSync(path.join(program.dir, 'node_modules', '.bin', bin))).toBe(true);
  }
  expect(program.dir.startsWith(path.resolve(__dirname, '..', '..'))).toBe(false);
});

test(
  'a dynamic provider in the program reaches the local server through the package client',
  async () => {
    await stack.up();
    const outputs = await stack.outputs();
    const instanceId = String(outputs.instanceId);
    const res = await fx.client.call('GetInstance', { InstanceId: instanceId });
    expect(res.Instance?.Description).toBe('harness');
  },
  STEP_TIMEOUT_MS,
);
