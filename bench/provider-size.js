'use strict';
/**
 * How big is the dynamic provider Pulumi stores in the state of every resource (`__provider`)?
 *
 * Packs the package (`npm pack`, built privately from src/), installs the tarball into a
 * throw-away Pulumi program outside the repository (as a user installs it), deploys one resource
 * of every type against a local server with the real `pulumi` CLI (provisioned by
 * scripts/provision-pulumi.sh; instant once built), and reads the `__provider` strings from
 * `pulumi stack export`.
 *
 * Baseline: a minimal inline dynamic provider (`{ create }`) in the same program, serialized by
 * value. Reference row: the User provider serialized from a local path (not from node_modules),
 * i.e. captured by value, as happens when a program loads the package through a symlink or from
 * source.
 *
 * Usage: node bench/provider-size.js [--quick]   (--quick changes nothing: one deployment is all)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const toolchain = require('../scripts/lib/toolchain');
const { table, num, ratio } = require('./lib/table');

const PROGRAM = `'use strict';
const pulumi = require('@pulumi/pulumi');
const eiam = require('pulumi-alicloud-eiam');
const instanceId = new eiam.Instance('instance', { description: 'provider-size' }).instanceId;
const unit = new eiam.OrganizationalUnit('unit', { instanceId, organizationalUnitName: 'Unit' });
const user = new eiam.User('user', { instanceId, username: 'user', primaryOrganizationalUnitId: unit.organizationalUnitId });
const group = new eiam.Group('group', { instanceId, groupName: 'Group' });
new eiam.GroupMembership('membership', { instanceId, groupId: group.groupId, userId: user.userId });
new eiam.GroupMembers('members', { instanceId, groupId: new eiam.Group('group2', { instanceId, groupName: 'Group 2' }).groupId, userIds: [user.userId] });
new eiam.Users('set', { instanceId, users: { carol: { primaryOrganizationalUnitId: unit.organizationalUnitId } } });
new eiam.PasswordPolicy('policy', { instanceId, passwordComplexity: { passwordMinLength: 10 } });
const app = new eiam.Application('app', { instanceId, applicationName: 'App', ssoType: 'oidc' });
new eiam.ClientSecret('secret', { instanceId, applicationId: app.applicationId });
new eiam.ApplicationAuthorization('grant', { instanceId, applicationId: app.applicationId, groupId: group.groupId });
new eiam.ApplicationAuthorizations('grants', { instanceId, applicationId: app.applicationId, userIds: [user.userId] });
// Baseline: the smallest useful dynamic provider, written inline.
new pulumi.dynamic.Resource({ async create(inputs) { return { id: 'baseline', outs: inputs }; } }, 'baseline', { n: 1 });
`;

async function byValueSize(programDir) {
  // The program's SDK, so serialization runs exactly as in a deployment.
  const pulumi = require(path.join(programDir, 'node_modules', '@pulumi', 'pulumi'));
  // A copy of the installed user module outside node_modules: captured by value.
  const { userProvider } = require(path.join(toolchain.repoRoot, 'dist', 'resources', 'user.js'));
  const sf = await pulumi.runtime.serializeFunction(() => userProvider, { allowSecrets: true });
  return Buffer.byteLength(sf.text, 'utf8');
}

async function main() {
  const started = Date.now();
  const env = await toolchain.pulumiEnv();
  const tgz = await toolchain.packFreshTarball({ env });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-provider-size-'));
  const programDir = path.join(root, 'program');
  const stateDir = path.join(root, 'state');
  fs.mkdirSync(stateDir, { recursive: true });
  fs.mkdirSync(programDir, { recursive: true });
  fs.writeFileSync(path.join(programDir, 'Pulumi.yaml'), 'name: eiam-provider-size\nruntime: nodejs\n');
  fs.writeFileSync(
    path.join(programDir, 'package.json'),
    '{"name":"eiam-provider-size","private":true,"main":"index.js"}',
  );
  fs.writeFileSync(path.join(programDir, 'index.js'), PROGRAM);
  let server;
  const penv = { ...env, PULUMI_BACKEND_URL: `file://${stateDir}` };
  const pulumi = async (...args) =>
    toolchain.check(
      await toolchain.run('pulumi', [...args, '--stack', 'bench', '--non-interactive'], {
        cwd: programDir,
        env: penv,
      }),
      `pulumi ${args.join(' ')}`,
    );
  try {
    await toolchain.installTarball({ tgz, programDir, env });
    const { startLocalServer } = require(
      path.join(programDir, 'node_modules', 'pulumi-alicloud-eiam', 'dist', 'local-server'),
    );
    server = await startLocalServer({ port: 0, log: false, instanceCreationDelayMs: 0 });
    await toolchain.check(
      await toolchain.run('pulumi', ['stack', 'init', 'bench', '--non-interactive'], {
        cwd: programDir,
        env: penv,
      }),
      'pulumi stack init',
    );
    await pulumi('config', 'set', 'eiam:endpoint', server.endpoint);
    await pulumi('config', 'set', 'eiam:accessKeyId', server.accessKeyId);
    await pulumi('config', 'set', '--secret', 'eiam:accessKeySecret', server.accessKeySecret);
    await pulumi('up', '--yes', '--skip-preview');
    const state = JSON.parse((await pulumi('stack', 'export')).stdout);
    await pulumi('destroy', '--yes', '--skip-preview');

    const sizes = {};
    const stateBytes = {};
    let baseline = 0;
    let baselineState = 0;
    for (const r of state.deployment.resources) {
      const provider = r.inputs && r.inputs.__provider;
      if (typeof provider !== 'string') continue;
      const bytes = Buffer.byteLength(provider, 'utf8');
      // The resource's whole entry in `pulumi stack export` (inputs, outputs, both provider copies).
      const total = Buffer.byteLength(JSON.stringify(r), 'utf8');
      const type = r.type.split(':').pop();
      if (r.type === 'pulumi-nodejs:dynamic:Resource') {
        baseline = bytes;
        baselineState = total;
      } else {
        sizes[type] = Math.max(sizes[type] ?? 0, bytes);
        stateBytes[type] = Math.max(stateBytes[type] ?? 0, total);
      }
    }
    const byValue = await byValueSize(programDir);
    // Where a User's bytes go: its entry split into provider copies, other inputs and outputs,
    // and the engine's own fields (URN, parent, dependencies, timestamps…).
    const userEntry = state.deployment.resources.find((r) => r.type.endsWith(':User'));
    let breakdown;
    if (userEntry) {
      const size = (v) => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');
      const provider = size(userEntry.inputs.__provider);
      const { __provider: _i, ...inputs } = userEntry.inputs;
      const { __provider: _o, ...outputs } = userEntry.outputs ?? {};
      const whole = size(userEntry);
      breakdown = {
        whole,
        providerCopies: provider * 2,
        inputs: size(inputs),
        outputs: size(outputs),
        engine: whole - size(userEntry.inputs) - size(userEntry.outputs),
        engineFields: Object.keys(userEntry).filter((k) => k !== 'inputs' && k !== 'outputs'),
        // The program's call site, recorded by the SDK for every resource.
        sourceAndStack: size(userEntry.sourcePosition) + size(userEntry.stackTrace),
      };
    }
    const rows = Object.entries(sizes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, bytes]) => [type, num(bytes, 0), ratio(bytes / baseline), num(stateBytes[type], 0)]);
    rows.push(['(baseline) inline { create } provider', num(baseline, 0), ratio(1), num(baselineState, 0)]);
    rows.push([
      '(reference) User provider captured by value',
      num(byValue, 0),
      ratio(byValue / baseline),
      '',
    ]);
    console.log('## provider-size: serialized `__provider` per resource, installed from the tarball\n');
    console.log(
      table(
        ['resource type', '`__provider` bytes', 'vs baseline', 'exported state bytes (whole entry)'],
        rows,
      ),
    );
    if (breakdown) {
      console.log(
        `\nA User's ${num(breakdown.whole, 0)} B: __provider ${num(breakdown.providerCopies, 0)} B (both copies),` +
          ` other inputs ${num(breakdown.inputs, 0)} B, other outputs ${num(breakdown.outputs, 0)} B, engine fields` +
          ` ${num(breakdown.engine, 0)} B (${breakdown.engineFields.join(', ')}; sourcePosition and stackTrace` +
          ` alone ${num(breakdown.sourceAndStack, 0)} B).`,
      );
    }
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    console.log(
      `\n${Object.keys(sizes).length} resource types; the state of a directory carries one provider string per` +
        ` resource (e.g. 35 resources ≈ ${num(((total / Object.keys(sizes).length) * 35) / 1024, 1)} KiB).` +
        ` Measured in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (process.env.BENCH_JSON) {
      fs.writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify(
          {
            bench: 'provider-size',
            results: {
              bytes: sizes,
              stateBytes,
              baseline,
              baselineState,
              userByValue: byValue,
              userBreakdown: breakdown,
            },
          },
          null,
          2,
        ),
      );
    }
  } finally {
    if (server) await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
