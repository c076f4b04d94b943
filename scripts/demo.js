#!/usr/bin/env node
'use strict';
/**
 * `npm run demo` (= `npm run build && node scripts/demo.js`): the quickstart directory
 * (examples/quickstart) deployed by the real `pulumi` CLI against the bundled local EIAM server,
 * with nothing to install and no cloud account.
 *
 *   1. provisions the Pulumi CLI (scripts/provision-pulumi.sh: built from Go modules on first
 *      use, a few minutes; cached afterwards),
 *   2. packs this package and installs the tarball into examples/quickstart/node_modules, as a
 *      user's `npm install` would,
 *   3. starts the local server on 127.0.0.1:8848 (or the next free port) with its data in
 *      .demo/data, so the directory survives between runs,
 *   4. selects (or creates) stack `demo` on a file backend in .demo/state and sets its config,
 *   5. runs `pulumi up`, prints the stack outputs and what to try next,
 *   6. on a terminal (and not in CI) keeps the server running until Ctrl-C; otherwise stops it
 *      and exits 0.
 *
 * Re-running is idempotent: the second `pulumi up` reports no changes. Ctrl-C stops cleanly at
 * any point (the running pulumi is cancelled, then the server stops). Everything the demo makes
 * lives in .demo/ (git-ignored): `rm -rf .demo` starts over.
 *
 * Environment: DEMO_PORT (preferred port, default 8848), EIAM_DEMO_DIR (instead of .demo).
 */
const fs = require('node:fs');
const path = require('node:path');
const toolchain = require('./lib/toolchain');
const { nextSteps, renderSteps } = require('./lib/demo-steps');

const { repoRoot } = toolchain;
// EIAM_DEMO_DIR moves everything the demo writes (tests use a temp dir).
const DEMO_DIR = process.env.EIAM_DEMO_DIR
  ? path.resolve(process.env.EIAM_DEMO_DIR)
  : path.join(repoRoot, '.demo');
const STATE_DIR = path.join(DEMO_DIR, 'state');
const DATA_DIR = path.join(DEMO_DIR, 'data');
const SERVER_FILE = path.join(DEMO_DIR, 'server.json');
const SERVER_LOG = path.join(DEMO_DIR, 'eiam-local.log');
const PROGRAM_DIR = path.join(repoRoot, 'examples', 'quickstart');
const STACK = 'demo';
/** The quickstart's initial password (a throw-away value; it satisfies the quickstart's policy). */
const DEMO_PASSWORD = 'Quickstart-Passw0rd!';
const PREFERRED_PORT = Number(process.env.DEMO_PORT || 8848);

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && !process.env.CI);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (color ? `\x1b[2m${s}\x1b[0m` : s);

let server;
let stopping = false;
/** True while the demo only waits for Ctrl-C (then Ctrl-C is the normal end: exit 0). */
let idle = false;
const startedAt = Date.now();

function step(title) {
  const secs = ((Date.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(`\n${bold(`==> ${title}`)} ${dim(`(+${secs}s)`)}\n`);
}

class Interrupted extends Error {}

/** Runs pulumi in the repository root (where Pulumi.yaml is), output straight to the terminal. */
async function pulumi(env, args, { capture = false, allowFail = false } = {}) {
  if (stopping) throw new Interrupted();
  // Flags go before a `--` separator (config values may start with a dash).
  const flags = ['--non-interactive', ...(capture ? [] : ['--color', color ? 'always' : 'never'])];
  const sep = args.indexOf('--');
  const argv = sep < 0 ? [...args, ...flags] : [...args.slice(0, sep), ...flags, ...args.slice(sep)];
  const res = await toolchain.run('pulumi', argv, {
    cwd: repoRoot,
    env,
    stream: !capture,
  });
  if (stopping) throw new Interrupted();
  if (res.code !== 0 && !allowFail) {
    if (capture) process.stderr.write(res.stdout + res.stderr);
    throw new Error(`pulumi ${args.join(' ')} failed (exit ${res.code})`);
  }
  return res;
}

async function startServer() {
  // In-process, from the build `npm run build` just made (the CLI `eiam-local` is the same).
  const { startLocalServer } = require(path.join(repoRoot, 'dist', 'local-server'));
  const port = await toolchain.findFreePort(PREFERRED_PORT);
  if (port !== PREFERRED_PORT) {
    process.stdout.write(`port ${PREFERRED_PORT} is taken; using ${port || 'a random port'} instead\n`);
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const logStream = fs.createWriteStream(SERVER_LOG, { flags: 'a' });
  const s = await startLocalServer({
    port,
    dataDir: DATA_DIR,
    log: (line) => logStream.write(`${line}\n`),
  });
  const stop = s.stop.bind(s);
  server = {
    ...s,
    stop: async () => {
      await stop();
      await new Promise((resolve) => logStream.end(resolve));
    },
  };
  fs.writeFileSync(
    SERVER_FILE,
    `${JSON.stringify({ endpoint: s.endpoint, accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret }, null, 2)}\n`,
  );
  process.stdout.write(
    `EIAM endpoint: ${s.endpoint}\n` +
      `Data directory: ${path.relative(repoRoot, DATA_DIR)} (replayed ${s.recovery.replayed} logged calls)\n` +
      `Request log: ${path.relative(repoRoot, SERVER_LOG)}\n`,
  );
  return server;
}

/**
 * Looks at the stack's state: drops pending operations a previous interrupted run may have left
 * (so `up` can proceed), and tells whether the state's provider still points at another
 * endpoint (the port changed since the last run).
 */
async function inspectState(env, endpoint) {
  const res = await pulumi(env, ['stack', 'export', '--stack', STACK], { capture: true });
  const deployment = JSON.parse(res.stdout).deployment ?? {};
  const pending = deployment.pending_operations ?? [];
  if (pending.length > 0) {
    process.stdout.write(
      `the previous run was interrupted with ${pending.length} operation(s) in flight; clearing them\n`,
    );
    await pulumi(env, ['refresh', '--yes', '--clear-pending-creates', '--stack', STACK]);
  }
  const provider = (deployment.resources ?? []).find((r) => r.type === 'pulumi:providers:pulumi-nodejs');
  const recorded = provider?.inputs?.['eiam:endpoint'];
  return { endpointMoved: typeof recorded === 'string' && recorded !== endpoint };
}

/**
 * Warns when a provider was captured by value instead of as `require("pulumi-alicloud-eiam/…")`:
 * that happens when the program loads the package from outside node_modules (a symlink, the
 * sources, or the repository itself through package self-reference) and makes every resource
 * carry ~0.5 MB of code in the state.
 */
async function checkSerializedProviders(env) {
  const res = await pulumi(env, ['stack', 'export', '--stack', STACK], { capture: true });
  const resources = JSON.parse(res.stdout).deployment?.resources ?? [];
  const byValue = resources.filter(
    (r) =>
      typeof r.inputs?.__provider === 'string' &&
      !r.inputs.__provider.includes('require("pulumi-alicloud-eiam/resources/'),
  );
  if (byValue.length > 0) {
    process.stdout.write(
      `warning: ${byValue.length} resource(s) carry a provider serialized by value (the program did not load ` +
        'pulumi-alicloud-eiam from examples/quickstart/node_modules)\n',
    );
  }
}

async function configureStack(env, endpoint) {
  await pulumi(env, ['stack', 'select', '--create', STACK], { capture: true });
  const set = (key, value, secret = false) =>
    pulumi(env, ['config', 'set', ...(secret ? ['--secret'] : []), '--stack', STACK, key, '--', value], {
      capture: true,
    });
  await set('eiam:endpoint', endpoint);
  await set('eiam:accessKeyId', server.accessKeyId);
  await set('eiam:accessKeySecret', server.accessKeySecret, true);
  const existing = await pulumi(env, ['config', 'get', '--stack', STACK, 'initialPassword'], {
    capture: true,
    allowFail: true,
  });
  // Set once: re-encrypting the same value on every run would rewrite Pulumi.demo.yaml.
  if (existing.code !== 0) await set('initialPassword', DEMO_PASSWORD, true);
}

function printNextSteps(outputs, env) {
  const steps = nextSteps({
    serverRunning: interactive,
    port: server.port,
    dataDir: path.relative(repoRoot, DATA_DIR),
    logFile: path.relative(repoRoot, SERVER_LOG),
    backend: `file://${STATE_DIR}`,
    stack: STACK,
    passphrase:
      env.PULUMI_CONFIG_PASSPHRASE === toolchain.DEMO_PASSPHRASE ? toolchain.DEMO_PASSPHRASE : undefined,
    instanceId: outputs.directoryInstanceId ?? '<instanceId>',
    userId: outputs.userIds?.alice ?? '<userId>',
  });
  const lines = [
    '',
    bold('What to try next') +
      (interactive ? ' (in another terminal, from the repository root):' : ' (from the repository root):'),
    '',
    ...renderSteps(steps),
    '',
    `  # or edit examples/quickstart/index.ts and run: pulumi up --stack ${STACK}`,
    `  # tear down: pulumi destroy --yes --stack ${STACK}   start over: rm -rf .demo Pulumi.demo.yaml`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function shutdown(code) {
  if (server) {
    const s = server;
    server = undefined;
    await s.stop().catch(() => undefined);
    process.stdout.write('local EIAM server stopped\n');
  }
  process.exit(code);
}

function onSignal(signal) {
  if (stopping) {
    // Second Ctrl-C: no more waiting.
    toolchain.killChildren('SIGKILL');
    return;
  }
  stopping = true;
  process.stdout.write(`\n${signal} received: stopping (Ctrl-C again to force)\n`);
  if (toolchain.runningChildren() === 0) {
    void shutdown(idle ? 0 : 130);
    return;
  }
  // Let a running pulumi cancel cleanly (it finishes in-flight API calls); force after 20 s.
  toolchain.killChildren('SIGINT');
  const force = setTimeout(() => toolchain.killChildren('SIGKILL'), 20_000);
  force.unref();
}

async function main() {
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  fs.mkdirSync(DEMO_DIR, { recursive: true });

  step('Pulumi CLI (scripts/provision-pulumi.sh; the first run builds it from Go modules, a few minutes)');
  const env = await toolchain.pulumiEnv({ stream: true });
  if (stopping) throw new Interrupted();
  const version = await pulumi(env, ['version'], { capture: true });
  process.stdout.write(`pulumi ${version.stdout.trim()}\n`);

  step('Package: npm pack, then npm install the tarball into examples/quickstart');
  const tgz = await toolchain.packRepository({ outDir: path.join(DEMO_DIR, 'package'), env });
  if (stopping) throw new Interrupted();
  await toolchain.installTarball({ tgz, programDir: PROGRAM_DIR, env, save: false });
  if (stopping) throw new Interrupted();
  process.stdout.write(`installed ${path.relative(repoRoot, tgz)}\n`);

  step('Local EIAM server');
  await startServer();

  step(`Stack "${STACK}" (state in ${path.relative(repoRoot, STATE_DIR)})`);
  fs.mkdirSync(STATE_DIR, { recursive: true });
  env.PULUMI_BACKEND_URL = `file://${STATE_DIR}`;
  await configureStack(env, server.endpoint);
  const { endpointMoved } = await inspectState(env, server.endpoint);

  step('pulumi up');
  // --refresh: if .demo/data was deleted but not .demo/state, the directory is re-created.
  // --skip-preview: the update shows every step anyway; a preview would run the program twice.
  // --run-program: a refresh reads with the provider configuration recorded in the state; when
  // the server moved to another port since, the refresh must use the current configuration.
  const up = ['up', '--yes', '--refresh', '--skip-preview', '--stack', STACK];
  if (endpointMoved) {
    process.stdout.write(
      `the server moved to ${server.endpoint}; refreshing with the current configuration\n`,
    );
    up.push('--run-program');
  }
  await pulumi(env, up);

  await checkSerializedProviders(env);

  step('Stack outputs');
  await pulumi(env, ['stack', 'output', '--stack', STACK]);
  const outputs = JSON.parse(
    (await pulumi(env, ['stack', 'output', '--json', '--stack', STACK], { capture: true })).stdout,
  );
  printNextSteps(outputs, env);

  if (interactive) {
    process.stdout.write(
      `${bold(`The local EIAM server keeps running at ${server.endpoint}`)} (directory view: ${server.viewUrl}); press Ctrl-C to stop it.\n`,
    );
    idle = true;
    await new Promise(() => {}); // until a signal handler exits
  }
  process.stdout.write(`demo finished in ${((Date.now() - startedAt) / 1000).toFixed(1)}s\n`);
  await shutdown(0);
}

main().catch(async (err) => {
  if (err instanceof Interrupted || stopping) {
    await shutdown(130);
    return;
  }
  process.stderr.write(`\ndemo failed: ${err && err.message ? err.message : String(err)}\n`);
  await shutdown(1);
});
