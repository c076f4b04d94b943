'use strict';
/**
 * Runs every benchmark, each in its own Node process with a time limit, and prints their figures.
 * Builds `dist/` first when it is missing or older than `src/`.
 *
 * Usage: node bench/run.js [--quick] [--only=signing,server-scale] [--json=results.json]
 *   --quick   fewer rounds and iterations (a smoke run; figures are noisier)
 *   --only    comma-separated benchmark names (file names without .js)
 *   --skip    comma-separated benchmark names to leave out (e.g. --skip=pulumi-scale)
 *   --json    also write every benchmark's figures, as JSON, to this file
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureBuilt } = require('./lib/dist');

/** Benchmarks in run order, with their time limits (all but pulumi-scale take ~3 minutes together). */
const BENCHMARKS = [
  { name: 'server-scale', limitS: 75 },
  { name: 'server-memory', limitS: 30 },
  { name: 'signing', limitS: 25 },
  { name: 'client-throughput', limitS: 45 },
  { name: 'provider-size', limitS: 60, optional: true },
  // Real directories through the real engine: tens of minutes at the sizes (1,000 users
  // with per-pair memberships is the slow one); --quick runs 100 users, set and members only.
  { name: 'pulumi-scale', limitS: 3 * 3600 },
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const skip = args
  .find((a) => a.startsWith('--skip='))
  ?.slice('--skip='.length)
  .split(',');
const jsonOut = args.find((a) => a.startsWith('--json='))?.slice('--json='.length);

function runOne(bench, jsonFile) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [path.join(__dirname, `${bench.name}.js`), ...(quick ? ['--quick'] : [])],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, BENCH_JSON: jsonFile },
      },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, bench.limitS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    console.error(
      `Node ${process.versions.node} is too old: run with Node >= 22 (npm run bench uses the project's).`,
    );
    process.exit(1);
  }
  ensureBuilt();
  const cpus = os.cpus();
  console.log(
    `# pulumi-alicloud-eiam benchmarks — Node ${process.versions.node}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'},` +
      ` ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}${quick ? ' (quick)' : ''}\n`,
  );
  console.log(
    'Every ratio compares figures measured in the same run; absolute figures depend on the machine.\n',
  );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-run-'));
  const summary = [];
  const collected = {};
  let failed = false;
  try {
    for (const bench of BENCHMARKS) {
      if (only && !only.includes(bench.name)) continue;
      if (skip && skip.includes(bench.name)) continue;
      const file = path.join(__dirname, `${bench.name}.js`);
      if (!fs.existsSync(file)) {
        if (!bench.optional) failed = true;
        summary.push([bench.name, bench.optional ? 'not present (skipped)' : 'MISSING']);
        continue;
      }
      const jsonFile = path.join(tmp, `${bench.name}.json`);
      const r = await runOne(bench, jsonFile);
      process.stdout.write('\n');
      let status = `ok (${r.seconds.toFixed(1)} s)`;
      if (r.timedOut) status = `TIMED OUT after ${bench.limitS} s`;
      else if (r.code !== 0) status = `FAILED (exit ${r.code ?? r.signal})`;
      if (r.timedOut || r.code !== 0) failed = true;
      summary.push([bench.name, status]);
      if (fs.existsSync(jsonFile)) collected[bench.name] = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('## Summary\n');
  for (const [name, status] of summary) console.log(`- ${name}: ${status}`);
  if (jsonOut) {
    fs.writeFileSync(
      jsonOut,
      JSON.stringify(
        { node: process.versions.node, cpus: cpus.length, date: new Date().toISOString(), ...collected },
        null,
        2,
      ),
    );
    console.log(`\nfigures written to ${jsonOut}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
