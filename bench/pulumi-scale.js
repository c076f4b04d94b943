'use strict';
/**
 * A real directory's size through the real engine: `pulumi up` of a directory of accounts, OUs,
 * groups and memberships against `eiam-local --latency-ms 50`, beside two floors measured in the
 * same run:
 *
 * - raw API: Alibaba's `@alicloud/openapi-client` creating the same objects at the same
 *   concurrency (no engine at all);
 * - engine: a program of as many no-op dynamic resources, whose provider is a module's exports
 *   object (the smallest `__provider` Pulumi allows; no API call at all), wired with the same
 *   dependencies as the scenario (an account after its unit, a membership after its account…).
 *   `--flat-floor` also measures independent no-op resources (no dependencies).
 *
 * Scenarios (each with `--users` accounts, 10 OUs, 50 groups, every account in 2 groups):
 * - `membership`: one `User` and two `GroupMembership` per account (61 + 3 × users resources);
 * - `members`:    one `User` per account, one `GroupMembers` per group (111 + users resources);
 * - `set`:        one `Users` set, one `GroupMembers` per group (112 resources).
 * For each: `up` time, API calls, state bytes, then `preview` and `preview --refresh` (time and
 * calls). The package is packed and installed from its tarball, as a user installs it.
 *
 * Usage: node bench/pulumi-scale.js [--scenarios=set,members] [--users=1000] [--parallel=8]
 *          [--latency-ms=50] [--rps=1000] [--no-floors] [--flat-floor] [--quick]
 * Environment equivalents: BENCH_SCENARIOS, BENCH_USERS (comma-separated sizes: `1000,10000`),
 * BENCH_PARALLEL, BENCH_LATENCY_MS, BENCH_RPS (the provider's `eiam:maxRequestsPerSecond`).
 * `--quick` is 100 users, set and members only. Figures print as Markdown tables; with
 * BENCH_JSON, also as JSON. Never part of `npm test`.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const toolchain = require('../scripts/lib/toolchain');
const { startServerProcess } = require('./lib/child');
const { watchProcesses } = require('./lib/procwatch');
const { dist, ensureBuilt } = require('./lib/dist');
const { table, num, ratio } = require('./lib/table');

const argv = process.argv.slice(2);
const arg = (name, env, fallback) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  if (a) return a.slice(name.length + 3);
  return process.env[env] ?? fallback;
};
const quick = argv.includes('--quick');
const SCENARIOS = arg('scenarios', 'BENCH_SCENARIOS', quick ? 'set,members' : 'membership,members,set').split(
  ',',
);
const SIZES = arg('users', 'BENCH_USERS', quick ? '100' : '1000')
  .split(',')
  .map(Number);
const PARALLEL = Number(arg('parallel', 'BENCH_PARALLEL', '8'));
const LATENCY_MS = Number(arg('latency-ms', 'BENCH_LATENCY_MS', '50'));
const RPS = arg('rps', 'BENCH_RPS', '1000');
const FLOORS = !argv.includes('--no-floors');
const FLAT_FLOOR = argv.includes('--flat-floor') || process.env.BENCH_FLAT_FLOOR === '1';
const OUS = 10;
const GROUPS = 50;

/** The groups of account `i`: two distinct groups. */
const groupsOf = (i) =>
  [i % GROUPS, (i + GROUPS / 2 + Math.floor(i / GROUPS)) % GROUPS].filter((g, k, a) => a.indexOf(g) === k);
const username = (i) => `user-${String(i).padStart(5, '0')}`;

/** Resources each scenario declares. */
function resourceCount(scenario, users) {
  const base = 1 + OUS + GROUPS;
  if (scenario === 'membership') {
    let pairs = 0;
    for (let i = 0; i < users; i++) pairs += groupsOf(i).length;
    return base + users + pairs;
  }
  if (scenario === 'members') return base + users + GROUPS;
  return base + 1 + GROUPS;
}

const PROGRAM = `'use strict';
const pulumi = require('@pulumi/pulumi');
const cfg = new pulumi.Config('bench');
const scenario = cfg.require('scenario');
const users = Number(cfg.require('users'));
const OUS = ${OUS}, GROUPS = ${GROUPS};
const groupsOf = ${groupsOf.toString()};
const username = ${username.toString()};
if (scenario === 'noop') {
  // Flat engine floor: independent no-op resources with the smallest provider Pulumi allows (a
  // module, serialized as a require).
  const noop = require('bench-noop-provider');
  const count = Number(cfg.require('resources'));
  for (let i = 0; i < count; i++) new pulumi.dynamic.Resource(noop, 'r' + i, { i }, {}, 'bench', 'Noop');
} else if (scenario.startsWith('noop:')) {
  // Shaped engine floor: the same resources and dependencies as the scenario, every one a no-op.
  const shape = scenario.slice(5);
  const noop = require('bench-noop-provider');
  const N = (name, inputs) => new pulumi.dynamic.Resource(noop, name, { i: name, ...inputs }, {}, 'bench', 'Noop');
  const inst = N('instance', {});
  const ous = Array.from({ length: OUS }, (_, k) => N('ou' + k, { instanceId: inst.id }).id);
  const groups = Array.from({ length: GROUPS }, (_, g) => N('group' + g, { instanceId: inst.id }).id);
  const members = Array.from({ length: GROUPS }, () => []);
  if (shape === 'set') {
    // The same declared data as the set form: the entries map, and each group's member list once
    // the set exists (a no-op records its inputs as its outputs, as the set records both).
    const entries = {};
    for (let i = 0; i < users; i++) {
      entries[username(i)] = { displayName: 'User ' + i, primaryOrganizationalUnitId: ous[i % OUS] };
      for (const g of groupsOf(i)) members[g].push(username(i));
    }
    const set = N('users', { instanceId: inst.id, users: entries });
    groups.forEach((groupId, g) => N('members' + g, { groupId, userIds: set.id.apply(() => members[g]) }));
  } else {
    for (let i = 0; i < users; i++) {
      const user = N(username(i), { instanceId: inst.id, ou: ous[i % OUS] }).id;
      for (const g of groupsOf(i)) {
        if (shape === 'membership') N(username(i) + '-g' + g, { groupId: groups[g], userId: user });
        else members[g].push(user);
      }
    }
    if (shape === 'members') groups.forEach((groupId, g) => N('members' + g, { groupId, userIds: members[g] }));
  }
} else {
  const eiam = require('pulumi-alicloud-eiam');
  const instanceId = new eiam.Instance('instance', { description: 'bench' }).instanceId;
  const ous = Array.from({ length: OUS }, (_, k) =>
    new eiam.OrganizationalUnit('ou' + k, { instanceId, organizationalUnitName: 'Unit ' + k }).organizationalUnitId);
  const groups = Array.from({ length: GROUPS }, (_, g) =>
    new eiam.Group('group' + g, { instanceId, groupName: 'Group ' + g }).groupId);
  const members = Array.from({ length: GROUPS }, () => []);
  if (scenario === 'set') {
    const entries = {};
    for (let i = 0; i < users; i++) {
      entries[username(i)] = { displayName: 'User ' + i, primaryOrganizationalUnitId: ous[i % OUS] };
      for (const g of groupsOf(i)) members[g].push(username(i));
    }
    const set = new eiam.Users('users', { instanceId, users: entries });
    groups.forEach((groupId, g) => new eiam.GroupMembers('members' + g, {
      instanceId, groupId, userIds: set.userIds.apply((ids) => members[g].map((u) => ids[u])),
    }));
  } else {
    for (let i = 0; i < users; i++) {
      const user = new eiam.User(username(i), {
        instanceId, username: username(i), displayName: 'User ' + i, primaryOrganizationalUnitId: ous[i % OUS],
      });
      for (const g of groupsOf(i)) {
        if (scenario === 'membership') {
          new eiam.GroupMembership(username(i) + '-g' + g, { instanceId, groupId: groups[g], userId: user.userId });
        } else members[g].push(user.userId);
      }
    }
    if (scenario === 'members') {
      groups.forEach((groupId, g) => new eiam.GroupMembers('members' + g, { instanceId, groupId, userIds: members[g] }));
    }
  }
}
`;

const NOOP_PROVIDER = `'use strict';
// The engine floor's provider: a module's exports object, so Pulumi stores it as a require.
exports.create = async (inputs) => ({ id: 'noop-' + inputs.i, outs: inputs });
`;

/**
 * Alibaba's client against the server (the raw-API floor); with `rps`, every call first waits
 * for a start slot of the project's rate governor, so the floor runs under the same request-rate
 * budget as the provider (its own client has none).
 */
function rawClient(server, rps) {
  const governor = rps ? new (require(dist('client')).RateGovernor)({ requestsPerSecond: rps }) : undefined;
  const OpenApi = require('@alicloud/openapi-client');
  const OpenApiUtil = require('@alicloud/openapi-util').default;
  const Client = OpenApi.default;
  const client = new Client(
    new OpenApi.Config({
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
      endpoint: server.endpoint.replace('http://', ''),
      protocol: 'HTTP',
    }),
  );
  const params = (action) =>
    new OpenApi.Params({
      action,
      version: '2021-12-01',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json',
    });
  return async (action, query) => {
    if (governor) await governor.acquire();
    const res = await client.callApi(
      params(action),
      new OpenApi.OpenApiRequest({ query: OpenApiUtil.query(query) }),
      {},
    );
    return res.body;
  };
}

/** Runs `tasks` (functions) with at most `limit` at once. */
async function pool(tasks, limit) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * The raw-API floor: the same objects, created with Alibaba's client at `concurrency` (paced at
 * `rps` requests per second when given).
 */
async function rawFloor(scenario, users, concurrency, rps) {
  const server = await startServerProcess({ latencyMs: LATENCY_MS });
  try {
    const call = rawClient(server, rps);
    const started = Date.now();
    const inst = await call('CreateInstance', { Description: 'bench' });
    const InstanceId = inst.InstanceId;
    const root = (await call('GetRootOrganizationalUnit', { InstanceId })).OrganizationalUnit
      .OrganizationalUnitId;
    const ous = [];
    await pool(
      Array.from({ length: OUS }, (_, k) => async () => {
        ous[k] = (
          await call('CreateOrganizationalUnit', {
            InstanceId,
            OrganizationalUnitName: `Unit ${k}`,
            ParentId: root,
          })
        ).OrganizationalUnitId;
      }),
      concurrency,
    );
    const groups = [];
    await pool(
      Array.from({ length: GROUPS }, (_, g) => async () => {
        groups[g] = (await call('CreateGroup', { InstanceId, GroupName: `Group ${g}` })).GroupId;
      }),
      concurrency,
    );
    const ids = [];
    await pool(
      Array.from({ length: users }, (_, i) => async () => {
        ids[i] = (
          await call('CreateUser', {
            InstanceId,
            Username: username(i),
            DisplayName: `User ${i}`,
            PrimaryOrganizationalUnitId: ous[i % OUS],
          })
        ).UserId;
      }),
      concurrency,
    );
    const tasks = [];
    if (scenario === 'membership') {
      for (let i = 0; i < users; i++)
        for (const g of groupsOf(i))
          tasks.push(() => call('AddUsersToGroup', { InstanceId, GroupId: groups[g], UserIds: [ids[i]] }));
    } else {
      const members = Array.from({ length: GROUPS }, () => []);
      for (let i = 0; i < users; i++) for (const g of groupsOf(i)) members[g].push(ids[i]);
      members.forEach((list, g) => {
        for (let k = 0; k < list.length; k += 100)
          tasks.push(() =>
            call('AddUsersToGroup', { InstanceId, GroupId: groups[g], UserIds: list.slice(k, k + 100) }),
          );
      });
    }
    await pool(tasks, concurrency);
    const seconds = (Date.now() - started) / 1000;
    return { seconds, calls: totalCalls((await server.request('counters')).counters) };
  } finally {
    await server.stop();
  }
}

function totalCalls(counters) {
  return Object.values(counters).reduce((a, c) => a + c.calls, 0);
}

/** A program directory with the package installed from the tarball, and a stack runner. */
async function makeProgram(root, tgz, env) {
  const programDir = path.join(root, 'program');
  fs.mkdirSync(programDir, { recursive: true });
  fs.writeFileSync(path.join(programDir, 'Pulumi.yaml'), 'name: eiam-scale\nruntime: nodejs\n');
  fs.writeFileSync(
    path.join(programDir, 'package.json'),
    '{"name":"eiam-scale","private":true,"main":"index.js"}',
  );
  fs.writeFileSync(path.join(programDir, 'index.js'), PROGRAM);
  await toolchain.installTarball({ tgz, programDir, env, save: false });
  const noopDir = path.join(programDir, 'node_modules', 'bench-noop-provider');
  fs.mkdirSync(noopDir, { recursive: true });
  fs.writeFileSync(
    path.join(noopDir, 'package.json'),
    '{"name":"bench-noop-provider","version":"1.0.0","main":"index.js"}',
  );
  fs.writeFileSync(path.join(noopDir, 'index.js'), NOOP_PROVIDER);
  return programDir;
}

async function stackRunner(programDir, stateDir, env, stack) {
  const penv = { ...env, PULUMI_BACKEND_URL: `file://${stateDir}` };
  const pulumi = async (...args) => {
    const started = Date.now();
    const res = await toolchain.run('pulumi', [...args, '--stack', stack, '--non-interactive'], {
      cwd: programDir,
      env: penv,
    });
    toolchain.check(res, `pulumi ${args.join(' ')}`);
    return { ...res, seconds: (Date.now() - started) / 1000 };
  };
  toolchain.check(
    await toolchain.run('pulumi', ['stack', 'init', stack, '--non-interactive'], {
      cwd: programDir,
      env: penv,
    }),
    'pulumi stack init',
  );
  return pulumi;
}

/** The engine floor: as many no-op dynamic resources. */
/**
 * The engine floor: as many no-op dynamic resources, with the scenario's dependency graph
 * (`shape`), or independent ones when `shape` is undefined (the issue's original floor).
 */
async function engineFloor(programDir, stateDir, env, resources, shape, users) {
  const pulumi = await stackRunner(
    programDir,
    stateDir,
    env,
    `noop-${shape ?? 'flat'}-${users}-${resources}`,
  );
  await pulumi('config', 'set', 'bench:scenario', shape ? `noop:${shape}` : 'noop');
  await pulumi('config', 'set', 'bench:users', String(users));
  await pulumi('config', 'set', 'bench:resources', String(resources));
  const up = await pulumi('up', '--yes', '--skip-preview', '--parallel', String(PARALLEL));
  const state = JSON.parse((await pulumi('stack', 'export')).stdout);
  const preview = await pulumi('preview', '--parallel', String(PARALLEL));
  return {
    seconds: up.seconds,
    preview: preview.seconds,
    stateBytesPerResource: stateBytesPerResource(state),
  };
}

/**
 * Where the time of an `up` went, from the server's request log: for each action, when its
 * first and last calls finished, in seconds from the start of `pulumi up`; and how long the run
 * went on after its last call (the final checkpoint, the engine and program exiting).
 */
function phasesOf(timeline, started, ended) {
  const actions = Object.entries(timeline)
    .map(([action, w]) => ({
      action,
      calls: w.calls,
      first: (w.first - started) / 1000,
      last: (w.last - started) / 1000,
    }))
    .sort((a, b) => a.first - b.first);
  const lastCall = Math.max(0, ...actions.map((a) => a.last));
  return { actions, total: (ended - started) / 1000, afterLastCall: (ended - started) / 1000 - lastCall };
}

function stateBytesPerResource(state) {
  const rs = state.deployment.resources.filter((r) => r.type.startsWith('pulumi-nodejs:dynamic'));
  const bytes = rs.reduce((a, r) => a + Buffer.byteLength(JSON.stringify(r), 'utf8'), 0);
  return { resources: rs.length, bytes, perResource: rs.length ? bytes / rs.length : 0 };
}

/** `pulumi up`, `preview`, `preview --refresh` of a scenario against a fresh server. */
async function measureScenario(programDir, stateDir, env, scenario, users) {
  const server = await startServerProcess({ latencyMs: LATENCY_MS });
  try {
    const pulumi = await stackRunner(programDir, stateDir, env, `${scenario}-${users}`);
    await pulumi('config', 'set', 'bench:scenario', scenario);
    await pulumi('config', 'set', 'bench:users', String(users));
    await pulumi('config', 'set', 'eiam:endpoint', server.endpoint);
    await pulumi('config', 'set', 'eiam:accessKeyId', server.accessKeyId);
    await pulumi('config', 'set', '--secret', 'eiam:accessKeySecret', server.accessKeySecret);
    await pulumi('config', 'set', 'eiam:maxRequestsPerSecond', RPS);
    const counted = async (work) => {
      await server.request('reset');
      const r = await work();
      return { ...r, calls: totalCalls((await server.request('counters')).counters) };
    };
    const watch = watchProcesses();
    const upStarted = Date.now();
    const up = await counted(() => pulumi('up', '--yes', '--skip-preview', '--parallel', String(PARALLEL)));
    const upEnded = Date.now();
    const processes = watch.stop();
    const timeline = phasesOf((await server.request('timeline')).timeline, upStarted, upEnded);
    const state = JSON.parse((await pulumi('stack', 'export')).stdout);
    const preview = await counted(() => pulumi('preview', '--parallel', String(PARALLEL)));
    const watchRefresh = watchProcesses();
    const refresh = await counted(() => pulumi('preview', '--refresh', '--parallel', String(PARALLEL)));
    const refreshProcesses = watchRefresh.stop();
    const byType = {};
    for (const r of state.deployment.resources) {
      if (!r.type.startsWith('pulumi-nodejs:dynamic')) continue;
      const t = r.type.split(':').pop();
      byType[t] ??= { count: 0, bytes: 0 };
      byType[t].count++;
      byType[t].bytes += Buffer.byteLength(JSON.stringify(r), 'utf8');
    }
    return {
      seconds: up.seconds,
      calls: up.calls,
      preview: preview.seconds,
      previewCalls: preview.calls,
      refresh: refresh.seconds,
      refreshCalls: refresh.calls,
      state: stateBytesPerResource(state),
      byType,
      processes,
      refreshProcesses,
      timeline,
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const started = Date.now();
  ensureBuilt();
  const env = await toolchain.pulumiEnv();
  const tgz = await toolchain.packFreshTarball({ env });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-scale-'));
  const stateDir = path.join(root, 'state');
  fs.mkdirSync(stateDir, { recursive: true });
  const results = [];
  try {
    const programDir = await makeProgram(root, tgz, env);
    console.log(
      `## pulumi-scale: directories through the engine (latency ${LATENCY_MS} ms, --parallel ${PARALLEL},` +
        ` eiam:maxRequestsPerSecond ${RPS}, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})\n`,
    );
    for (const users of SIZES) {
      for (const scenario of SCENARIOS) {
        const resources = resourceCount(scenario, users);
        const row = { scenario, users, resources };
        const t0 = Date.now();
        row.eiam = await measureScenario(programDir, stateDir, env, scenario, users);
        if (FLOORS) {
          row.raw = await rawFloor(scenario, users, PARALLEL);
          // The set form runs up to 64 calls at once inside one step: the raw API at that
          // concurrency is the fairer floor for it.
          if (scenario === 'set') {
            row.raw64 = await rawFloor(scenario, users, 64);
            // ... and under the same request-rate budget as the provider.
            row.raw64paced = await rawFloor(scenario, users, 64, Number(RPS));
          }
          row.engine = await engineFloor(programDir, stateDir, env, resources, scenario, users);
          if (FLAT_FLOOR) row.flat = await engineFloor(programDir, stateDir, env, resources, undefined, 0);
        }
        results.push(row);
        console.error(
          `[pulumi-scale] ${scenario} ${users}: up ${row.eiam.seconds.toFixed(1)} s` +
            (row.raw
              ? `, raw ${row.raw.seconds.toFixed(1)} s, engine ${row.engine.seconds.toFixed(1)} s`
              : '') +
            ` (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`,
        );
      }
    }
    printResults(results);
    if (process.env.BENCH_JSON) {
      fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: 'pulumi-scale', results }, null, 2));
    }
    console.log(`\nMeasured in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    if (process.env.BENCH_KEEP) console.log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

function printResults(results) {
  const rows = results.map((r) => [
    `${r.scenario} ${num(r.users, 0)}`,
    num(r.resources, 0),
    num(r.eiam.seconds, 1),
    r.raw ? num(r.raw.seconds, 1) : '-',
    r.raw ? ratio(r.eiam.seconds / r.raw.seconds) : '-',
    r.engine ? num(r.engine.seconds, 1) : '-',
    r.engine ? ratio(r.eiam.seconds / r.engine.seconds) : '-',
    `${num(r.eiam.calls, 0)}${r.raw ? ` / ${num(r.raw.calls, 0)}` : ''}`,
    num(r.eiam.calls / r.resources, 2),
    num(r.eiam.state.perResource, 0),
  ]);
  console.log(
    table(
      [
        'directory',
        'resources',
        '`up` s',
        'raw API s',
        'vs raw',
        'engine floor s',
        'vs engine',
        'API calls (ours / raw)',
        'calls per resource',
        'state B per resource',
      ],
      rows,
    ),
  );
  const flats = results.filter((r) => r.flat);
  if (flats.length) {
    console.log('');
    console.log(
      table(
        ['directory', 'engine floor, same graph s', 'engine floor, independent resources s'],
        flats.map((r) => [
          `${r.scenario} ${num(r.users, 0)}`,
          num(r.engine.seconds, 1),
          num(r.flat.seconds, 1),
        ]),
      ),
    );
  }
  const sets = results.filter((r) => r.raw64);
  if (sets.length) {
    console.log('');
    console.log(
      table(
        [
          'set form',
          '`up` s',
          'raw API s at 64 in flight',
          'vs raw at 64',
          `raw at 64, ${RPS} requests/s budget, s`,
          'vs raw at 64 with budget',
        ],
        sets.map((r) => [
          `${r.scenario} ${num(r.users, 0)}`,
          num(r.eiam.seconds, 1),
          num(r.raw64.seconds, 1),
          ratio(r.eiam.seconds / r.raw64.seconds),
          r.raw64paced ? num(r.raw64paced.seconds, 1) : '-',
          r.raw64paced ? ratio(r.eiam.seconds / r.raw64paced.seconds) : '-',
        ]),
      ),
    );
  }
  console.log('');
  console.log(
    table(
      ['directory', '`preview` s', 'calls', '`preview --refresh` s', 'calls', 'engine floor `preview` s'],
      results.map((r) => [
        `${r.scenario} ${num(r.users, 0)}`,
        num(r.eiam.preview, 1),
        num(r.eiam.previewCalls, 0),
        num(r.eiam.refresh, 1),
        num(r.eiam.refreshCalls, 0),
        r.engine ? num(r.engine.preview, 1) : '-',
      ]),
    ),
  );
  const growth = [];
  for (const scenario of SCENARIOS) {
    const rs = results.filter((r) => r.scenario === scenario).sort((a, b) => a.users - b.users);
    for (let k = 1; k < rs.length; k++) {
      growth.push([
        scenario,
        `${num(rs[0].users, 0)} → ${num(rs[k].users, 0)}`,
        ratio(rs[k].users / rs[0].users),
        ratio(rs[k].eiam.seconds / rs[0].eiam.seconds),
        rs[k].raw && rs[0].raw ? ratio(rs[k].raw.seconds / rs[0].raw.seconds) : '-',
        ratio(rs[k].eiam.refresh / rs[0].eiam.refresh),
      ]);
    }
  }
  if (growth.length) {
    console.log('');
    console.log(
      table(
        ['scenario', 'accounts', 'accounts ×', '`up` time ×', 'raw API time ×', '`preview --refresh` time ×'],
        growth,
      ),
    );
  }
  console.log('');
  console.log(
    table(
      ['run', 'engine CPU s', 'program CPU s', 'provider CPU s', 'server CPU s', 'program peak RSS MiB'],
      results.flatMap((r) =>
        [
          ['`up`', r.eiam.processes],
          ['`preview --refresh`', r.eiam.refreshProcesses],
        ].map(([what, procs]) => {
          const p = procs ?? {};
          const cpu = (k) => (p[k] ? num(p[k].cpuSeconds, 1) : '-');
          return [
            `${what} of ${r.scenario} ${num(r.users, 0)}`,
            cpu('engine'),
            cpu('program'),
            cpu('provider'),
            cpu('server'),
            p.program ? num(p.program.peakRssMiB, 0) : '-',
          ];
        }),
      ),
    ),
  );
  for (const r of results) {
    const t = r.eiam.timeline;
    if (!t) continue;
    console.log('');
    console.log(
      `Where the \`up\` of ${r.scenario} ${num(r.users, 0)} went (${num(t.total, 1)} s; server request log):`,
    );
    console.log('');
    console.log(
      table(
        ['action', 'calls', 'first call ends, s', 'last call ends, s', 'span s'],
        [
          ...t.actions
            .filter((a) => a.calls >= 10 || t.actions.length <= 8)
            .map((a) => [
              a.action,
              num(a.calls, 0),
              num(a.first, 1),
              num(a.last, 1),
              num(a.last - a.first, 1),
            ]),
          ['_after the last call_', '', '', '', num(t.afterLastCall, 1)],
        ],
      ),
    );
  }
  console.log('');
  for (const r of results) {
    const parts = Object.entries(r.eiam.state.perResource ? r.eiam.byType : {})
      .map(([t, v]) => `${t} ${num(v.bytes / v.count, 0)} B × ${num(v.count, 0)}`)
      .join(', ');
    console.log(`- ${r.scenario} ${num(r.users, 0)}: state per type: ${parts}`);
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
