'use strict';
/**
 * Locating, and when needed rebuilding, the compiled package in `dist/`. The benchmarks measure the
 * shipped JavaScript, so they always run against `dist/`, never against the TypeScript sources.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

/** Absolute path of a module under `dist/`, e.g. `dist('local-server/model')`. */
function dist(rel) {
  return path.join(DIST, rel);
}

function* tsFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

/** Source files whose compiled `.js` is missing from `dist/` or older than the source. */
function staleSources() {
  const stale = [];
  for (const file of tsFiles(SRC)) {
    const out = path.join(DIST, path.relative(SRC, file)).replace(/\.ts$/, '.js');
    let outTime = 0;
    try {
      outTime = fs.statSync(out).mtimeMs;
    } catch {
      // missing: stale
    }
    if (outTime < fs.statSync(file).mtimeMs) stale.push(path.relative(ROOT, file));
  }
  return stale;
}

/** Runs `tsc -p tsconfig.build.json` when `dist/` is missing or older than `src/`. */
function ensureBuilt({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const stale = staleSources();
  if (stale.length === 0) return false;
  log(`dist/ is missing or stale (${stale.length} file(s), e.g. ${stale[0]}): building...`);
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  } catch (err) {
    // tsc emits despite type errors; go on if everything was emitted, with a warning.
    if (staleSources().length > 0) throw err;
    log('warning: tsc reported errors, but dist/ was emitted; benchmarking it anyway.');
  }
  return true;
}

module.exports = { ROOT, DIST, dist, ensureBuilt, staleSources };
