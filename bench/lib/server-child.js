'use strict';
/**
 * A local server in its own process, for benchmarks whose client side must not share an event
 * loop (or a core) with the server. Started with `fork(__filename, [JSON options])`; options:
 * `{ users, faults, dataDir, buildOnly, latencyMs }`.
 * - With `users`, a directory of that size is built through the model and served from a data
 *   directory snapshot; without it the server starts from `dataDir` as it is (or empty).
 * - With `buildOnly: n`, no server: the process builds an n-user directory and keeps it (a memory
 *   reference for a directory that was never through a snapshot).
 *
 * Messages to the parent: `{ type: 'ready', endpoint, accessKeyId, accessKeySecret, instanceId,
 * userIds, startMs, memory }`, then `{ type: 'counters', counters }` / `{ type: 'memory', memory }`
 * in answer to `{ type: 'counters' }` / `{ type: 'memory' }`; `{ type: 'reset' }` zeroes the counters
 * and the timeline. `{ type: 'timeline' }` answers `{ type: 'timeline', timeline }`: for each
 * action, when its first and last calls since the reset finished (epoch ms) and how many there
 * were, read from the request log (so a benchmark can tell which phase of a run took the time).
 * `{ type: 'stop' }` stops and exits.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { dist } = require('./dist');

const { startLocalServer } = require(dist('local-server'));

function memory() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

/** `buildOnly`: builds the directory through the handlers and keeps it, with no server at all. */
async function buildOnly(users) {
  const before = memory();
  const { populate } = require('./directory');
  const kept = populate(users);
  process.on('message', (msg) => {
    if (msg.type === 'memory') process.send({ type: 'memory', memory: memory(), users: kept.userIds.length });
    else if (msg.type === 'stop') process.exit(0);
  });
  process.send({ type: 'ready', memoryBefore: before });
}

async function main() {
  const options = JSON.parse(process.argv[2] ?? '{}');
  if (options.buildOnly) return buildOnly(options.buildOnly);
  const before = memory();
  let dataDir = options.dataDir;
  let tmp;
  let info = {};
  if (options.users) {
    const { populate, writeDataDir } = require('./directory');
    const dir = populate(options.users);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-child-'));
    dataDir = path.join(tmp, 'data');
    writeDataDir(dir.service, dataDir);
    info = { instanceId: dir.instanceId, userIds: dir.userIds.slice(0, 1000) };
  }
  const t0 = Date.now();
  let timeline = new Map();
  // Request log lines: `<ISO time> <action> <status> …`.
  const recordLine = (line) => {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    const at = Date.parse(line.slice(0, a));
    const action = line.slice(a + 1, b);
    const w = timeline.get(action);
    if (w) {
      w.last = at;
      w.calls++;
    } else timeline.set(action, { first: at, last: at, calls: 1 });
  };
  const server = await startLocalServer({
    port: 0,
    dataDir,
    faults: options.faults,
    log: recordLine,
    latencyMs: options.latencyMs,
    instanceCreationDelayMs: 0,
  });
  const startMs = Date.now() - t0;
  process.on('message', async (msg) => {
    if (msg.type === 'counters') process.send({ type: 'counters', counters: server.counters() });
    else if (msg.type === 'timeline')
      process.send({ type: 'timeline', timeline: Object.fromEntries(timeline) });
    else if (msg.type === 'reset') {
      server.resetCounters();
      timeline = new Map();
      process.send({ type: 'reset' });
    } else if (msg.type === 'memory') process.send({ type: 'memory', memory: memory() });
    else if (msg.type === 'stop') {
      await server.stop();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send({
    type: 'ready',
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    startMs,
    memoryBefore: before,
    ...info,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
