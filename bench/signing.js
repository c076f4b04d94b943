'use strict';
/**
 * Signing throughput: the project's signers (`dist/client/signing`) against Alibaba Cloud's
 * `@alicloud/openapi-util` on the same generated requests (same keys, dates, nonces, bodies).
 *
 * Two levels per scheme:
 * - "sign request": everything a client does per attempt: V3 = hash the body, assemble the
 *   x-acs-* headers, canonicalize, HMAC-SHA256, format Authorization; RPC = assemble the common
 *   parameters and compute the HMAC-SHA1 signature over them plus the business parameters;
 * - "signature only": the same prepared input (headers / parameter map) handed to each side's
 *   signature function.
 * Before timing, both sides' outputs are compared on every request: a benchmark of signers that
 * disagree would be meaningless.
 *
 * Usage: node bench/signing.js [--quick]
 */
const fs = require('node:fs');
const { dist, ensureBuilt } = require('./lib/dist');
const { compareSync } = require('./lib/measure');
const { generateRequests } = require('./lib/requests');
const { num, ratio, table } = require('./lib/table');

ensureBuilt();
const OpenApiUtil = require('@alicloud/openapi-util').default;
const client = require(dist('client'));
const { API_VERSION } = require(dist('catalog'));

const QUICK = process.argv.includes('--quick');
const ALGORITHM = 'ACS3-HMAC-SHA256';
const HOST = 'eiam.cn-hangzhou.aliyuncs.com';
const CONTENT_TYPE = 'application/x-www-form-urlencoded';
const CREDENTIALS = { accessKeyId: 'LTAI5tBenchKeyId0001', accessKeySecret: 'bench-secret-0123456789abcdef' };
const N = 512;

/** What both sides sign: body, flat parameters, date, nonce. */
const requests = generateRequests(N).map((r, i) => {
  const flat = client.flatten(r.params);
  const date = new Date(Date.UTC(2024, 4, 1, 8, 30, i % 60));
  return {
    action: r.action,
    flat,
    body: client.formEncode(flat),
    date,
    timestamp: date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    nonce: `3f1c1b8e-7a6d-4c1f-9f0e-${String(i).padStart(12, '0')}`,
  };
});

// ---- V3 -----------------------------------------------------------------------------------------

function oursV3(r) {
  return client.signV3({
    host: HOST,
    action: r.action,
    version: API_VERSION,
    body: r.body,
    contentType: CONTENT_TYPE,
    credentials: CREDENTIALS,
    date: r.date,
    nonce: r.nonce,
  }).headers.authorization;
}

/** The headers the Tea SDK builds before signing (as in openapi-client's doRequest). */
function theirsV3Headers(r, payloadHash) {
  return {
    host: HOST,
    'content-type': CONTENT_TYPE,
    'x-acs-action': r.action,
    'x-acs-version': API_VERSION,
    'x-acs-date': r.timestamp,
    'x-acs-signature-nonce': r.nonce,
    'x-acs-content-sha256': payloadHash,
  };
}

function theirsV3(r) {
  const payloadHash = OpenApiUtil.hexEncode(OpenApiUtil.hash(Buffer.from(r.body), ALGORITHM));
  const request = { method: 'POST', pathname: '/', query: {}, headers: theirsV3Headers(r, payloadHash) };
  return OpenApiUtil.getAuthorization(
    request,
    ALGORITHM,
    payloadHash,
    CREDENTIALS.accessKeyId,
    CREDENTIALS.accessKeySecret,
  );
}

// Signature only: identical prepared headers on both sides.
const prepared = requests.map((r) => {
  const payloadHash = client.hashPayload(r.body);
  const headers = theirsV3Headers(r, payloadHash);
  return { headers, payloadHash, tea: { method: 'POST', pathname: '/', query: {}, headers } };
});

function oursV3Only(p) {
  const signedHeaders = client.signedHeaderNames(p.headers);
  const signature = client.computeV3Signature(
    { method: 'POST', path: '/', query: {}, headers: p.headers, signedHeaders, hashedPayload: p.payloadHash },
    CREDENTIALS.accessKeySecret,
  );
  return client.formatV3Authorization(CREDENTIALS.accessKeyId, signedHeaders, signature);
}

function theirsV3Only(p) {
  return OpenApiUtil.getAuthorization(
    p.tea,
    ALGORITHM,
    p.payloadHash,
    CREDENTIALS.accessKeyId,
    CREDENTIALS.accessKeySecret,
  );
}

// ---- RPC ----------------------------------------------------------------------------------------

function oursRpc(r) {
  return client.signRpc({
    action: r.action,
    version: API_VERSION,
    params: r.flat,
    credentials: CREDENTIALS,
    date: r.date,
    nonce: r.nonce,
  }).signature;
}

function rpcCommon(r) {
  return {
    AccessKeyId: CREDENTIALS.accessKeyId,
    Action: r.action,
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: r.nonce,
    SignatureVersion: '1.0',
    Timestamp: r.timestamp,
    Version: API_VERSION,
  };
}

function theirsRpc(r) {
  return OpenApiUtil.getRPCSignature({ ...r.flat, ...rpcCommon(r) }, 'POST', CREDENTIALS.accessKeySecret);
}

const rpcPrepared = requests.map((r) => ({ ...r.flat, ...rpcCommon(r) }));
const oursRpcOnly = (p) => client.computeRpcSignature('POST', p, CREDENTIALS.accessKeySecret);
const theirsRpcOnly = (p) => OpenApiUtil.getRPCSignature(p, 'POST', CREDENTIALS.accessKeySecret);

// ---- run ----------------------------------------------------------------------------------------

const cases = [
  ['V3 sign request', requests, oursV3, theirsV3],
  ['V3 signature only', prepared, oursV3Only, theirsV3Only],
  ['RPC sign request', requests, oursRpc, theirsRpc],
  ['RPC signature only', rpcPrepared, oursRpcOnly, theirsRpcOnly],
];

for (const [name, inputs, ours, theirs] of cases) {
  inputs.forEach((input, i) => {
    const a = ours(input);
    const b = theirs(input);
    if (a !== b) throw new Error(`${name}: request ${i} signs differently:\n  ours   ${a}\n  theirs ${b}`);
  });
}

const opts = QUICK ? { rounds: 5, targetMs: 20, warmupMs: 100 } : { rounds: 9, targetMs: 40, warmupMs: 300 };
const rows = [];
const results = [];
for (const [name, inputs, ours, theirs] of cases) {
  const mask = inputs.length - 1; // N is a power of two
  const [a, b] = compareSync([(i) => ours(inputs[i & mask]), (i) => theirs(inputs[i & mask])], opts);
  const oursOps = 1e9 / a;
  const theirsOps = 1e9 / b;
  rows.push([name, num(oursOps, 0), num(theirsOps, 0), ratio(oursOps / theirsOps)]);
  results.push({
    case: name,
    oursOpsPerSec: oursOps,
    theirsOpsPerSec: theirsOps,
    ratio: oursOps / theirsOps,
  });
}

const avgBody = requests.reduce((s, r) => s + r.body.length, 0) / requests.length;
console.log('## Signing throughput: ours vs @alicloud/openapi-util\n');
console.log(
  `${N} generated requests (CreateUser, UpdateUser, ListUsers, AddUsersToGroup; mean form body ` +
    `${Math.round(avgBody)} bytes); outputs checked identical before timing.\n`,
);
console.log(table(['case', 'ours ops/s', 'openapi-util ops/s', 'ours/theirs'], rows));
if (process.env.BENCH_JSON) {
  fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ bench: 'signing', results }, null, 2));
}
