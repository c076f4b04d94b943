'use strict';
/**
 * Local server claim: "Reads and page fetches cost the same at 100 users and at 100,000."
 *
 * Builds two directories through the model (100 and 100,000 users, with OUs, groups and
 * memberships; see lib/directory.js), then times each read operation on both through the
 * operation handlers (exactly what the HTTP dispatcher runs, minus HTTP). Rounds alternate between
 * the two sizes; figures are medians after warm-up. A ratio (100k / 100) near 1 backs the claim; a
 * ratio that grows with the directory means a scan or a sort per call.
 *
 * Then the same directories are served over HTTP by server processes restored from a data-directory
 * snapshot (so no 100k CreateUser calls), and the project client times GetUser and ListUsers
 * pages end to end.
 *
 * Usage: node bench/server-scale.js [--users=100000] [--quick]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { dist, ensureBuilt } = require('./lib/dist');
const { compareSync, compareAsync } = require('./lib/measure');
const { startServerProcess } = require('./lib/child');
const { num, ratio, table } = require('./lib/table');

ensureBuilt();
const { populate, writeDataDir } = require('./lib/directory');
const { runOperation } = require(dist('local-server/operations'));
const { EiamClient } = require(dist('client'));

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const QUICK = args.has('quick');
const SMALL = 100;
const LARGE = Number(args.get('users') ?? 100_000);
/** Page size of every listing here: the API default, so that 100 users still span 5 pages. */
const PAGE = 20;

/** A deterministic shuffle (xorshift), so runs pick the same sample. */
function sample(list, count, seed = 7) {
  let x = seed;
  const out = [];
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(list[(x >>> 0) % list.length]);
  }
  return out;
}

/** The NextToken that fetches the last page, found by walking the token pages from the start. */
function lastPageToken(dir) {
  let token;
  let previous;
  for (;;) {
    const r = runOperation(dir.service, 'ListUsers', {
      InstanceId: dir.instanceId,
      MaxResults: PAGE,
      NextToken: token,
    });
    if (!r.NextToken) return previous;
    previous = token = r.NextToken;
  }
}

/** `count` entries spread evenly over `list`. */
function spread(list, count) {
  const step = list.length / count;
  return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)]);
}

/**
 * The ids a run picks from: 4096 draws over the whole directory, or, given `like` (the small
 * directory), over as many users and OUs as it has, spread over this one: the working set then
 * matches and only the directory size differs.
 */
function picks(dir, like) {
  const users = like ? spread(dir.userIds, like.userIds.length) : dir.userIds;
  const ous = like ? spread(dir.ouIds, like.ouIds.length) : dir.ouIds;
  return { users: sample(users, 4096), ous: sample(ous, 4096) };
}

/**
 * The read operations timed: `[name, (dir, picks) => (i) => call, random]`; `random` ones pick a
 * different user or OU per call (and get a same-working-set column at 100k).
 */
function readOps() {
  const call = (dir, op, params) => runOperation(dir.service, op, { InstanceId: dir.instanceId, ...params });
  const lastPage = (count) => Math.floor(count / PAGE); // the last full page
  return [
    ['GetUser', (d, p) => (i) => call(d, 'GetUser', { UserId: p.users[i & 4095] }), true],
    ['ListUsers page 1', (d) => () => call(d, 'ListUsers', { PageNumber: 1, PageSize: PAGE }), false],
    [
      'ListUsers last page (PageNumber)',
      (d) => {
        const last = lastPage(d.userIds.length);
        return () => call(d, 'ListUsers', { PageNumber: last, PageSize: PAGE });
      },
      false,
    ],
    [
      'ListUsers last page (NextToken)',
      (d) => {
        const token = lastPageToken(d);
        return () => call(d, 'ListUsers', { NextToken: token, MaxResults: PAGE });
      },
      false,
    ],
    [
      'ListUsers in department OU, page 1',
      (d) => (i) => call(d, 'ListUsers', { OrganizationalUnitId: d.departmentIds[i & 3], PageSize: PAGE }),
      false,
    ],
    [
      'ListUsersForGroup page 1 (all users)',
      (d) => () =>
        call(d, 'ListUsersForGroup', { GroupId: d.everyoneGroupId, PageNumber: 1, PageSize: PAGE }),
      false,
    ],
    [
      'ListUsersForGroup last page (all users)',
      (d) => {
        const last = lastPage(d.userIds.length);
        return () =>
          call(d, 'ListUsersForGroup', { GroupId: d.everyoneGroupId, PageNumber: last, PageSize: PAGE });
      },
      false,
    ],
    [
      'ListUsersForGroup page 1 (3 groups)',
      (d) => (i) => call(d, 'ListUsersForGroup', { GroupId: d.groupIds[i % 3], PageSize: PAGE }),
      false,
    ],
    ['ListGroupsForUser', (d, p) => (i) => call(d, 'ListGroupsForUser', { UserId: p.users[i & 4095] }), true],
    [
      'GetOrganizationalUnit',
      (d, p) => (i) => call(d, 'GetOrganizationalUnit', { OrganizationalUnitId: p.ous[i & 4095] }),
      true,
    ],
    [
      'ListOrganizationalUnits page 1',
      (d) => () => call(d, 'ListOrganizationalUnits', { PageSize: PAGE }),
      false,
    ],
    [
      'ListOrganizationalUnits last page',
      (d) => {
        const last = lastPage(d.ouIds.length + 1);
        return () => call(d, 'ListOrganizationalUnits', { PageNumber: last, PageSize: PAGE });
      },
      false,
    ],
    [
      'ListOrganizationalUnits children of a department',
      (d) => (i) => call(d, 'ListOrganizationalUnits', { ParentId: d.departmentIds[i & 3], PageSize: PAGE }),
      false,
    ],
  ];
}

/** Reference row: an attribute filter is documented as a scan, so it should grow with the size. */
function scanOp(dir) {
  return () =>
    runOperation(dir.service, 'ListUsers', {
      InstanceId: dir.instanceId,
      UsernameStartsWith: 'user1',
      PageSize: PAGE,
    });
}

function modelSection(small, large) {
  const rows = [];
  const results = [];
  const opts = QUICK ? { rounds: 5, targetMs: 10, warmupMs: 50 } : { rounds: 7, targetMs: 25, warmupMs: 150 };
  const us = (ns) => num(ns / 1000, 2);
  const smallPicks = picks(small);
  const largePicks = picks(large);
  const hotPicks = picks(large, small);
  for (const [name, make, random] of readOps()) {
    const fns = [make(small, smallPicks), make(large, largePicks)];
    if (random) fns.push(make(large, hotPicks));
    const [a, b, c] = compareSync(fns, opts);
    rows.push([name, us(a), us(b), ratio(b / a), random ? us(c) : '-', random ? ratio(c / a) : '-']);
    results.push({
      op: name,
      usSmall: a / 1000,
      usLarge: b / 1000,
      ratio: b / a,
      usLargeSameWorkingSet: random ? c / 1000 : undefined,
      ratioSameWorkingSet: random ? c / a : undefined,
    });
  }
  // The scan at 100k is slow: fewer rounds are enough to show the trend.
  const name = 'ListUsers UsernameStartsWith (scan; reference)';
  const [a, b] = compareSync([scanOp(small), scanOp(large)], { rounds: 3, targetMs: 20, warmupMs: 50 });
  rows.push([name, us(a), us(b), ratio(b / a), '-', '-']);
  results.push({ op: name, usSmall: a / 1000, usLarge: b / 1000, ratio: b / a, reference: true });
  return { rows, results };
}

async function httpSection(small, large) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eiam-bench-'));
  const servers = [];
  const clients = [];
  try {
    const variants = [];
    for (const [label, dir] of [
      ['small', small],
      ['large', large],
    ]) {
      const dataDir = path.join(tmp, label);
      writeDataDir(dir.service, dataDir);
      // The server runs in its own process (as `eiam-local` does): its heap holds only its own
      // directory, and this process's garbage collections do not land in its timings.
      const server = await startServerProcess({ dataDir });
      const startMs = server.startMs;
      servers.push(server);
      const client = new EiamClient({
        endpoint: server.endpoint,
        accessKeyId: server.accessKeyId,
        accessKeySecret: server.accessKeySecret,
        region: 'cn-hangzhou',
        env: {},
      });
      clients.push(client);
      const users = sample(dir.userIds, 4096);
      const last = Math.floor(dir.userIds.length / PAGE);
      const token = lastPageToken(dir);
      const base = { InstanceId: dir.instanceId };
      variants.push({
        startMs,
        ops: [
          ['GetUser (random user)', (i) => client.call('GetUser', { ...base, UserId: users[i & 4095] })],
          ['ListUsers page 1', () => client.call('ListUsers', { ...base, PageNumber: 1, PageSize: PAGE })],
          [
            'ListUsers last page (PageNumber)',
            () => client.call('ListUsers', { ...base, PageNumber: last, PageSize: PAGE }),
          ],
          [
            'ListUsers last page (NextToken)',
            () => client.call('ListUsers', { ...base, NextToken: token, MaxResults: PAGE }),
          ],
        ],
      });
    }
    const count = QUICK ? 100 : 250;
    const rows = [];
    const results = [];
    for (let k = 0; k < variants[0].ops.length; k++) {
      const [name, fnSmall] = variants[0].ops[k];
      const fnLarge = variants[1].ops[k][1];
      const [a, b] = await compareAsync(
        [
          { task: fnSmall, count },
          { task: fnLarge, count },
        ],
        { rounds: QUICK ? 3 : 5, warmup: 100 },
      );
      rows.push([`HTTP ${name}`, num(a / 1000, 1), num(b / 1000, 1), ratio(b / a)]);
      results.push({ op: `HTTP ${name}`, usSmall: a / 1000, usLarge: b / 1000, ratio: b / a });
    }
    return { rows, results, startMs: variants.map((v) => v.startMs) };
  } finally {
    for (const c of clients) c.close();
    for (const s of servers) await s.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const t0 = Date.now();
  const small = populate(SMALL);
  const tSmall = Date.now() - t0;
  const t1 = Date.now();
  const large = populate(LARGE);
  const tLarge = Date.now() - t1;
  const describe = (d) =>
    `${d.userIds.length.toLocaleString('en-US')} users, ${d.ouIds.length + 1} OUs, ` +
    `${d.groupIds.length + 1} groups`;
  console.log(`## Local server: read cost at ${SMALL} vs ${LARGE.toLocaleString('en-US')} users\n`);
  console.log(`small: ${describe(small)} (built in ${tSmall} ms through the handlers)`);
  console.log(`large: ${describe(large)} (built in ${tLarge} ms through the handlers)`);
  console.log(
    `pages of ${PAGE}; a department OU holds 1/4 of the users; each user is in 3 groups and in "everyone"\n`,
  );

  const model = modelSection(small, large);
  console.log('### Model + operation handlers (no HTTP)\n');
  const k = `${LARGE / 1000}k`;
  console.log(
    table(
      [
        'operation',
        `µs/op @${SMALL}`,
        `µs/op @${k}`,
        'ratio',
        `µs/op @${k}, ${SMALL}-user working set`,
        'ratio',
      ],
      model.rows,
    ),
  );
  console.log(
    `\n(random rows pick a random user/OU per call; the working-set column draws them from ${SMALL}` +
      ` users / ${small.ouIds.length} OUs of the ${k} directory, separating the directory size from` +
      ` cache misses.)`,
  );

  const http = await httpSection(small, large);
  console.log('\n### Over HTTP: project client -> local server process (loopback, signed V3, sequential)\n');
  console.log(table(['operation', `µs/op @${SMALL}`, `µs/op @${LARGE / 1000}k`, 'ratio'], http.rows));
  console.log(
    `\nserver start with the data directory restored: ${http.startMs[0]} ms @${SMALL}, ` +
      `${http.startMs[1]} ms @${LARGE / 1000}k`,
  );

  // Verdict. The work a call does is compared with the working set matched (random rows use the
  // same-working-set column); random picks over the whole 100k directory are reported apart,
  // since their extra cost is cache misses on a larger heap, not more work per call.
  const claimed = model.results
    .filter((r) => !r.reference)
    .map((r) => ({ op: r.op, ratio: r.ratioSameWorkingSet ?? r.ratio }))
    .concat(http.results);
  const worst = claimed.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(
    `\nclaim check (model with matched working set, and HTTP): worst ratio ${ratio(worst.ratio)}` +
      ` (${worst.op}) -> ${worst.ratio <= 2 ? 'holds' : 'DOES NOT HOLD (ratio above 2)'}`,
  );
  const spread = model.results.filter((r) => r.ratioSameWorkingSet !== undefined && r.ratio > 2);
  if (spread.length > 0) {
    console.log(
      `random picks over all ${LARGE.toLocaleString('en-US')} users cost more per call: ` +
        spread.map((r) => `${r.op} ${ratio(r.ratio)}`).join(', ') +
        ` (cache misses; the same calls on ${SMALL} users of the large directory:` +
        ` ${spread.map((r) => ratio(r.ratioSameWorkingSet)).join(', ')})`,
    );
  }
  if (process.env.BENCH_JSON) {
    fs.writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify({ bench: 'server-scale', model: model.results, http: http.results }, null, 2),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
