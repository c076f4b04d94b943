'use strict';
/**
 * Client throughput against the local server over loopback (the server runs in its own process, as
 * `eiam-local` would, so client and server do not share an event loop).
 *
 * Variants, each sequential and with 8 requests in flight (keep-alive connections everywhere):
 * - raw, presigned: `http.request` sending requests signed before the clock starts (one per call:
 *   the server rejects a reused nonce); the floor: loopback HTTP + server work + JSON.parse;
 * - raw + signing: the same, but encoding and signing (`formEncode` + `signV3`) per request;
 * - axios, presigned: the presigned requests through axios set up as the client's transport sets
 *   it up (keep-alive agent, text response, no proxy/redirects): the transport library's share;
 * - EiamClient: `client.call('GetUser', ...)`: validation, encoding, signing, axios transport,
 *   concurrency limit, retry wrapper, response interpretation.
 * The ratio against "raw, presigned" is the cost of the client's layers.
 *
 * Then the client against a server that throttles 20% of calls (`Throttling.User`, fault seed 1):
 * with the default retry policy (backoff with full jitter, base 200 ms) and with no backoff (the
 * CPU cost of re-signing and re-sending only), against the clean server in the same rounds.
 *
 * Usage: node bench/client-throughput.js [--quick]
 */
const fs = require('node:fs');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { dist, ensureBuilt } = require('./lib/dist');
const { compareAsync } = require('./lib/measure');
const { startServerProcess } = require('./lib/child');
const { prng } = require('./lib/requests');
const { num, ratio, table } = require('./lib/table');

ensureBuilt();
const axios = require('axios');
const client = require(dist('client'));
const { API_VERSION } = require(dist('catalog'));

const QUICK = process.argv.includes('--quick');
const USERS = 1000;
const CONCURRENCY = 8;
const ROUNDS = QUICK ? 3 : 5;
const WARMUP = 100;
const COUNT_SEQ = QUICK ? 200 : 500;
const COUNT_CONC = QUICK ? 400 : 1000;

function rawSender(server) {
  const url = new URL(server.endpoint);
  const agent = new http.Agent({ keepAlive: true });
  const send = ({ headers, body }) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${parsed.Code}`));
            else resolve(parsed);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, host: url.host, close: () => agent.destroy() };
}

/** A signed GetUser request for the i-th user, signed now with a fresh nonce. */
function signGetUser(server, host, i) {
  const flat = client.flatten({
    InstanceId: server.instanceId,
    UserId: server.userIds[i % server.userIds.length],
  });
  const body = client.formEncode(flat);
  const { headers } = client.signV3({
    host,
    action: 'GetUser',
    version: API_VERSION,
    body,
    contentType: 'application/x-www-form-urlencoded',
    credentials: { accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret },
    date: new Date(),
    nonce: randomUUID(),
  });
  return { headers, body };
}

function newClient(server, retry) {
  const rnd = prng(99); // seeded backoff jitter: the same sleeps on every run
  return new client.EiamClient({
    random: rnd,
    endpoint: server.endpoint,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    region: 'cn-hangzhou',
    maxConcurrency: CONCURRENCY,
    // This measures the client's own cost: no rate budget in the way.
    maxRequestsPerSecond: 1e6,
    retry,
    env: {},
  });
}

async function cleanSection(server) {
  const raw = rawSender(server);
  // Presign every request the raw variants will send (warm-up + rounds), before any timing.
  // Two variants consume them.
  const needed = 2 * (WARMUP + ROUNDS * COUNT_SEQ + (WARMUP + ROUNDS * COUNT_CONC));
  const presigned = Array.from({ length: needed }, (_, i) => signGetUser(server, raw.host, i));
  let next = 0;
  const c = newClient(server);
  const getUser = (i) =>
    c.call('GetUser', { InstanceId: server.instanceId, UserId: server.userIds[i % server.userIds.length] });
  // axios configured as the client's transport configures it, sending presigned requests: splits
  // the client's overhead into transport (axios) and the layers above it.
  const axiosAgent = new http.Agent({ keepAlive: true });
  const ax = axios.create({
    httpAgent: axiosAgent,
    proxy: false,
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data) => data],
    validateStatus: () => true,
  });
  const axiosSend = async ({ headers, body }) => {
    const res = await ax.request({ method: 'POST', url: `${server.endpoint}/`, headers, data: body });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(res.data);
  };
  const variants = [
    ['raw http.request, presigned', () => raw.send(presigned[next++])],
    ['raw http.request + formEncode/signV3', (i) => raw.send(signGetUser(server, raw.host, i))],
    ['axios (as the client sets it up), presigned', () => axiosSend(presigned[next++])],
    ['EiamClient.call', getUser],
  ];
  const runs = [];
  for (const concurrency of [1, CONCURRENCY]) {
    const count = concurrency === 1 ? COUNT_SEQ : COUNT_CONC;
    const ns = await compareAsync(
      variants.map(([, task]) => ({ task, count, concurrency })),
      { rounds: ROUNDS, warmup: WARMUP },
    );
    runs.push({ concurrency, ns });
  }
  raw.close();
  axiosAgent.destroy();
  c.close();
  const rows = [];
  const results = [];
  variants.forEach(([name], k) => {
    const [seq, conc] = runs.map((r) => r.ns[k]);
    const [seqBase, concBase] = runs.map((r) => r.ns[0]);
    rows.push([name, num(1e9 / seq, 0), ratio(seq / seqBase), num(1e9 / conc, 0), ratio(conc / concBase)]);
    results.push({
      variant: name,
      seqRps: 1e9 / seq,
      seqCostRatio: seq / seqBase,
      concRps: 1e9 / conc,
      concCostRatio: conc / concBase,
    });
  });
  return { rows, results };
}

async function faultSection(clean, faulty) {
  const clients = [newClient(clean), newClient(faulty), newClient(faulty, { baseDelayMs: 0 })];
  let failures = 0;
  const call = (c, server) => (i) =>
    c
      .call('GetUser', { InstanceId: server.instanceId, UserId: server.userIds[i % server.userIds.length] })
      .catch(() => {
        failures += 1;
      });
  const count = QUICK ? 150 : 300;
  const before = await faulty.request('counters');
  const ns = await compareAsync(
    [
      { task: call(clients[0], clean), count, concurrency: CONCURRENCY },
      { task: call(clients[1], faulty), count, concurrency: CONCURRENCY },
      { task: call(clients[2], faulty), count, concurrency: CONCURRENCY },
    ],
    { rounds: QUICK ? 2 : 3, warmup: 50 },
  );
  const after = await faulty.request('counters');
  for (const c of clients) c.close();
  const calls = (snap) => snap.counters.GetUser?.calls ?? 0;
  const throttled = (snap) => snap.counters.GetUser?.errors?.['Throttling.User'] ?? 0;
  const served = calls(after) - calls(before);
  const thr = throttled(after) - throttled(before);
  const names = ['clean server', 'throttling 20%, default backoff', 'throttling 20%, no backoff'];
  const rows = names.map((name, k) => [name, num(1e9 / ns[k], 0), num(ns[k] / 1e6, 2), ratio(ns[k] / ns[0])]);
  return {
    rows,
    attemptsPerCall: served / (served - thr),
    throttledShare: thr / served,
    failures,
    results: names.map((name, k) => ({ variant: name, rps: 1e9 / ns[k], costRatio: ns[k] / ns[0] })),
  };
}

async function main() {
  const [clean, faulty] = await Promise.all([
    startServerProcess({ users: USERS }),
    startServerProcess({ users: USERS, faults: { seed: 1, throttleRate: 0.2 } }),
  ]);
  try {
    console.log('## Client throughput: EiamClient vs raw http.request (loopback, GetUser, signature V3)\n');
    console.log(
      `server: separate process, ${USERS} users; keep-alive on; ${ROUNDS} alternating rounds, medians;` +
        ` cost ratio = time per request / raw presigned\n`,
    );
    const cleanResult = await cleanSection(clean);
    console.log(
      table(
        ['variant', 'req/s sequential', 'cost', `req/s ×${CONCURRENCY} in flight`, 'cost'],
        cleanResult.rows,
      ),
    );
    const faultResult = await faultSection(clean, faulty);
    console.log(`\n### Retries: 20% of calls throttled (${CONCURRENCY} in flight)\n`);
    console.log(table(['variant', 'req/s', 'wall ms per request', 'cost'], faultResult.rows));
    // Expected backoff sleep per call with the default policy (5 attempts, base 200 ms, full
    // jitter): the n-th retry happens with probability p^n and sleeps 100 * 2^(n-1) ms on average.
    const p = 0.2;
    let sleepMs = 0;
    for (let n = 1; n < 5; n++) sleepMs += p ** n * 100 * 2 ** (n - 1);
    console.log(
      `\nthrottled share of attempts: ${(faultResult.throttledShare * 100).toFixed(1)}%; attempts per` +
        ` call: ${faultResult.attemptsPerCall.toFixed(2)}; calls failed after all retries: ${faultResult.failures}` +
        `\nexpected backoff sleep with the default policy: ${sleepMs.toFixed(1)} ms per call, i.e.` +
        ` ~${(sleepMs / CONCURRENCY).toFixed(1)} ms of wall time per request at ${CONCURRENCY} in flight`,
    );
    if (process.env.BENCH_JSON) {
      fs.writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify(
          { bench: 'client-throughput', clean: cleanResult.results, faults: faultResult },
          null,
          2,
        ),
      );
    }
  } finally {
    await Promise.all([clean.stop(), faulty.stop()]);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
