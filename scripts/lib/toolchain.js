'use strict';
/**
 * Tooling shared by the demo (`scripts/demo.js`), the end-to-end tests (`test/e2e/`) and the
 * benchmarks (`bench/`): the offline Pulumi environment, packing this package into a tarball and
 * installing it into a Pulumi program the way a user would, child processes that can be stopped
 * as a group, and free loopback ports.
 *
 * Plain CommonJS so it runs on Node 24 without a build; types are in `toolchain.d.ts`.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

/** The repository root. */
const repoRoot = path.resolve(__dirname, '..', '..');

/** The package name, as programs import it. */
const PACKAGE_NAME = require(path.join(repoRoot, 'package.json')).name;

/** Children started through {@link run} that are still running, for {@link killChildren}. */
const running = new Set();

/**
 * Runs a command. Resolves with its exit code and output (never rejects on a non-zero exit; use
 * `check`). `stream` copies output to this process's stdout/stderr as it arrives (`onStderr`
 * receives stderr chunks instead, as they arrive). The child is
 * the leader of its own process group so {@link killChildren} stops its descendants too.
 */
function run(command, args, options = {}) {
  const { cwd = repoRoot, env = process.env, stream = false, input, timeoutMs, onStderr } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(child);
    const out = [];
    const err = [];
    let timer;
    if (timeoutMs) {
      timer = setTimeout(() => {
        err.push(Buffer.from(`\n[toolchain] ${command} timed out after ${timeoutMs} ms; killed\n`));
        killGroup(child, 'SIGKILL');
      }, timeoutMs);
    }
    child.stdout.on('data', (chunk) => {
      out.push(chunk);
      if (stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      err.push(chunk);
      if (onStderr) onStderr(chunk);
      else if (stream) process.stderr.write(chunk);
    });
    child.on('error', (e) => {
      running.delete(child);
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({
        code: code ?? (signal ? 128 : 1),
        signal: signal ?? undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        streamedStderr: Boolean(onStderr),
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? '');
  });
}

/** Throws (with the output) unless `result.code` is 0; returns the result otherwise. */
function check(result, what) {
  if (result.code !== 0) {
    const tail = (s) => (s.length > 8000 ? `…${s.slice(-8000)}` : s);
    throw new Error(
      `${what} failed (exit ${result.code})\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`,
    );
  }
  return result;
}

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Sends `signal` to every running child started by {@link run} (and its process group). */
function killChildren(signal = 'SIGTERM') {
  for (const child of running) killGroup(child, signal);
}

/** Number of children started by {@link run} that are still running. */
function runningChildren() {
  return running.size;
}

let cachedEnv;

/**
 * The passphrase of the stacks the demo and the tests create on their own file backends
 * (`.demo/state`, temp dirs). It is public, so it is used only when the caller has set no
 * passphrase of their own, and only for the pulumi these scripts run.
 */
const DEMO_PASSPHRASE = 'eiam-local-only';

/**
 * The environment for running `pulumi`: this process's environment plus what
 * `scripts/pulumi-env.sh` exports (PATH with the provisioned CLI and Node 24, PULUMI_HOME,
 * update check and plugin download off), plus {@link DEMO_PASSPHRASE} when no passphrase is
 * set. Provisions the CLI on first use: minutes the first time on a machine, instant
 * afterwards. The provisioning script's progress lines go to stderr as they come (always: a
 * cold build must not look like a hang), the rest of its output only when `stream` is set.
 */
async function pulumiEnv({ stream = false } = {}) {
  if (!cachedEnv) {
    const script = path.join(repoRoot, 'scripts', 'pulumi-env.sh');
    const shellEnv = { ...process.env };
    if (shellEnv.PULUMI_CONFIG_PASSPHRASE === undefined && !shellEnv.PULUMI_CONFIG_PASSPHRASE_FILE) {
      shellEnv.PULUMI_CONFIG_PASSPHRASE = DEMO_PASSPHRASE;
    }
    const res = await run('bash', ['-c', '. "$1" >&2 || exit 1; env -0', 'pulumi-env', script], {
      env: shellEnv,
      onStderr: (chunk) => process.stderr.write(chunk),
    });
    if (stream && res.stderr && !res.streamedStderr) process.stderr.write(res.stderr);
    check(res, 'provisioning the Pulumi CLI (scripts/pulumi-env.sh)');
    const env = {};
    for (const entry of res.stdout.split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    cachedEnv = env;
  }
  return { ...cachedEnv };
}

/** The npm command line, run with the Node of `env.PATH` (Node 24 once {@link pulumiEnv} ran). */
function npm(args, options) {
  return run('npm', args, options);
}

/**
 * The files the package ships besides `dist/` (README, LICENSE, docs, examples: whatever the
 * `files` list of package.json names), relative to the repository root.
 */
function shippedDocuments() {
  const patterns = require(path.join(repoRoot, 'package.json')).files.filter((p) => !p.startsWith('dist/'));
  const found = new Set();
  for (const pattern of patterns) {
    for (const f of fs.globSync(pattern, { cwd: repoRoot })) {
      if (fs.statSync(path.join(repoRoot, f)).isFile()) found.add(f);
    }
  }
  return [...found].sort();
}

/** Files whose content decides what `npm pack` produces. */
function packageInputs() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) files.push(p);
    }
  };
  walk(path.join(repoRoot, 'src'));
  for (const f of ['package.json', 'tsconfig.json', 'tsconfig.build.json', ...shippedDocuments()]) {
    const p = path.join(repoRoot, f);
    if (fs.existsSync(p) && !files.includes(p)) files.push(p);
  }
  return files.sort();
}

/**
 * Builds the package from `src/` into a private directory and packs it, without touching the
 * repository's own `dist/`: the tarball therefore always matches the current sources, and a
 * concurrent test that reads `dist/` never sees a half-written file. Tarballs are cached under
 * the OS temp dir by a hash of the sources, so several test files (or runs) share one build.
 * Resolves with the absolute path of the `.tgz`.
 */
async function packFreshTarball({ env = process.env } = {}) {
  const hash = crypto.createHash('sha256');
  for (const f of packageInputs()) {
    hash.update(path.relative(repoRoot, f));
    hash.update('\0');
    hash.update(fs.readFileSync(f));
    hash.update('\0');
  }
  const key = hash.digest('hex').slice(0, 16);
  const cacheDir = path.join(os.tmpdir(), `${PACKAGE_NAME}-pack-${key}`);
  const existing = fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).find((f) => f.endsWith('.tgz'));
  if (existing) return path.join(cacheDir, existing);

  const stage = fs.mkdtempSync(path.join(os.tmpdir(), `${PACKAGE_NAME}-stage-`));
  try {
    const tsc = path.join(repoRoot, 'node_modules', '.bin', 'tsc');
    check(
      await run(
        tsc,
        ['-p', path.join(repoRoot, 'tsconfig.build.json'), '--outDir', path.join(stage, 'dist')],
        { env },
      ),
      'compiling the package (tsc -p tsconfig.build.json)',
    );
    for (const f of ['package.json', ...shippedDocuments()]) {
      fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, f), path.join(stage, f));
    }
    const out = path.join(stage, 'out');
    fs.mkdirSync(out);
    const tgz = await packDirectory(stage, out, env);
    // Publish the finished tarball under the cache key atomically; a racing builder may win.
    const ready = path.join(stage, 'ready');
    fs.mkdirSync(ready);
    fs.renameSync(tgz, path.join(ready, path.basename(tgz)));
    try {
      fs.renameSync(ready, cacheDir);
    } catch (e) {
      if (!fs.existsSync(cacheDir)) throw e;
    }
    const name = fs.readdirSync(cacheDir).find((f) => f.endsWith('.tgz'));
    pruneStaleTarballs(cacheDir);
    return path.join(cacheDir, name);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Removes cached tarballs of other sources that nobody has made for an hour. */
function pruneStaleTarballs(keep) {
  const cutoff = Date.now() - 3600_000;
  for (const entry of fs.readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), entry);
    if (!entry.startsWith(`${PACKAGE_NAME}-pack-`) || dir === keep) continue;
    try {
      if (fs.statSync(dir).mtimeMs < cutoff) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // raced with another pruner
    }
  }
}

/**
 * Packs the repository as it is (its `dist/` must be built, e.g. by `npm run build`) into
 * `outDir`. Resolves with the absolute path of the `.tgz`.
 */
async function packRepository({ outDir, env = process.env }) {
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run build` first');
  }
  fs.mkdirSync(outDir, { recursive: true });
  return packDirectory(repoRoot, outDir, env);
}

async function packDirectory(dir, outDir, env) {
  const res = check(
    await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', outDir], { cwd: dir, env }),
    `npm pack in ${dir}`,
  );
  const start = res.stdout.indexOf('[');
  const info = JSON.parse(res.stdout.slice(start));
  return path.join(outDir, info[0].filename);
}

/**
 * Installs the tarball into the Pulumi program in `programDir` the way a user would
 * (`npm install <tgz>`), preferring the npm cache: the package's own dependencies (axios,
 * @alicloud/credentials) come from it when they can. `@pulumi/pulumi`, a peer dependency, is not fetched (`--legacy-peer-deps`: its full
 * tree is not in every npm cache); {@link provideSdk} puts this repository's copy next to the
 * package instead. `save: false` leaves the program's package.json alone.
 *
 * A program inside this repository needs a package.json of its own: without one, Node resolves
 * `require('pulumi-alicloud-eiam')` to the repository itself (package self-reference through the
 * root package.json's `exports`, which wins over node_modules), and Pulumi then serializes every
 * provider by value (~0.5 MB per resource) from the repository's dist/.
 */
async function installTarball({ tgz: tarball, programDir: dir, env = process.env, save = true }) {
  const tgz = path.resolve(tarball);
  const programDir = path.resolve(dir);
  fs.mkdirSync(programDir, { recursive: true });
  // --prefer-offline, not --offline: the package's dependencies come from the npm cache when it
  // has them, and from the registry the first time on a machine (npm ci caches their tarballs,
  // not the metadata an install resolves ranges with).
  const args = [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--legacy-peer-deps',
    '--ignore-scripts',
  ];
  args.push('--prefix', programDir);
  if (!save) args.push('--no-save', '--no-package-lock');
  args.push(tgz);
  check(await npm(args, { cwd: programDir, env }), `npm install ${path.basename(tgz)} into ${programDir}`);
  provideSdk(programDir);
}

/**
 * Puts this repository's `@pulumi/pulumi` into `<programDir>/node_modules/@pulumi/pulumi` as a
 * real copy, the layout a user's `npm install` produces (SDK and package side by side). A
 * symlink would not do: Node resolves a symlinked module by its real path, and the closure
 * serializer looks up the package.json of each captured module (to honour its `exports` map)
 * from the SDK's own location, where this package would not be found.
 *
 * The SDK's own dependencies are linked into the copy's private `node_modules`, so they are
 * visible to the SDK only and cannot hide a dependency this package forgot to declare. (A
 * program inside the repository finds them by walking up to the repository's node_modules.)
 */
function provideSdk(programDir) {
  const source = path.join(repoRoot, 'node_modules', '@pulumi', 'pulumi');
  const target = path.join(programDir, 'node_modules', '@pulumi', 'pulumi');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
  const inside = !path.relative(repoRoot, path.resolve(programDir)).startsWith('..');
  if (inside) return;
  const manifest = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const names = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ];
  for (const name of names) {
    const link = path.join(target, 'node_modules', name);
    const real = path.join(repoRoot, 'node_modules', name);
    if (fs.existsSync(link) || !fs.existsSync(real)) continue;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(real, link, 'dir');
  }
}

/** Whether `port` on 127.0.0.1 can be listened on right now. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free port above it (up to 100 tries), else 0. */
async function findFreePort(preferred) {
  for (let port = preferred; port < preferred + 100 && port <= 65535; port++) {
    if (await portIsFree(port)) return port;
  }
  return 0;
}

module.exports = {
  repoRoot,
  DEMO_PASSPHRASE,
  PACKAGE_NAME,
  shippedDocuments,
  run,
  check,
  killChildren,
  runningChildren,
  pulumiEnv,
  npm,
  packFreshTarball,
  packRepository,
  installTarball,
  provideSdk,
  portIsFree,
  findFreePort,
};
