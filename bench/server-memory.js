'use strict';
/**
 * Memory of the local server once a directory is loaded: RSS and V8 heap of a server process
 * started on a data directory holding 0, 100 or 100,000 users (built through the model, written as
 * a snapshot; see lib/directory.js). Each server runs in its own process with `--expose-gc` and is
 * measured after two full collections, so heapUsed is live data only. RSS also keeps what the
 * process allocated while parsing the snapshot and has not handed back to the OS.
 *
 * Usage: node bench/server-memory.js [--users=100000]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureBuilt } = require('./lib/dist');
const { startServerProcess } = require('./lib/child');
const { mib, num, table } = require('./lib/table');

ensureBuilt();
const { populate, writeDataDir } = require('./lib/directory');

const usersArg = process.argv.find((a) => a.startsWith('--users='));
const LARGE = usersArg ? Number(usersArg.split('=')[1]) : 100_000;

async function measure(users, tmp) {
  const dataDir = path.join(tmp, `users-${users}`);
  let snapshotBytes = 0;
  if (users > 0) {
    const dir = populate(users);
    snapshotBytes = writeDataDir(dir.service, dataDir);
  } else {
    fs.mkdirSync(dataDir);
  }
  const server = await startServerProcess({ dataDir }, { execArgv: ['--expose-gc'] });
  try {
    const { memory } = await server.request('memory');
    return { users, snapshotBytes, startMs: server.startMs, before: server.memoryBefore, after: memory };
  } finally {
    await server.stop();
  }
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-mem-'));
  try {
    const results = [];
    for (const users of [0, 100, LARGE]) results.push(await measure(users, tmp));
    const base = results[0].after;
    const rows = results.map((r) => [
      r.users.toLocaleString('en-US'),
      r.snapshotBytes ? mib(r.snapshotBytes) : '-',
      `${num(r.startMs, 0)} ms`,
      mib(r.after.rss),
      mib(r.after.heapUsed),
      mib(r.after.heapUsed - base.heapUsed),
    ]);
    console.log('## Local server memory with a loaded directory\n');
    console.log(
      'server process started on a data directory (snapshot restore), measured after GC;' +
        ' the directory also has max(84, users/100) OUs, max(10, users/100)+1 groups, 4 group memberships' +
        ' and 1-2 OU memberships per user\n',
    );
    console.log(
      table(['users', 'snapshot.json', 'start (restore)', 'RSS', 'heapUsed', 'heap over empty server'], rows),
    );
    const large = results[results.length - 1];
    const perUser = (large.after.heapUsed - base.heapUsed) / large.users;
    console.log(
      `\nheap per user at ${large.users.toLocaleString('en-US')} users: ${num(perUser / 1024, 2)} KiB`,
    );

    // Reference: the same directory built live through the handlers (never through a snapshot),
    // in a process of its own with no server; its heap growth against its own empty start.
    const built = await startServerProcess({ buildOnly: LARGE }, { execArgv: ['--expose-gc'] });
    let live;
    try {
      live = (await built.request('memory')).memory;
    } finally {
      await built.stop();
    }
    const liveHeap = live.heapUsed - built.memoryBefore.heapUsed;
    const restoredHeap = large.after.heapUsed - base.heapUsed;
    console.log(
      `reference: the same directory built live through the handlers (no snapshot, no server):` +
        ` heap +${mib(liveHeap)}; restored / built live = ${(restoredHeap / liveHeap).toFixed(2)}x`,
    );
    results.push({ users: large.users, builtLive: true, heapGrowth: liveHeap, after: live });
    if (process.env.BENCH_JSON) {
      fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: 'server-memory', results }, null, 2));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
