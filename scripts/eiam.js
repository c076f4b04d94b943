#!/usr/bin/env node
'use strict';
/**
 * `node scripts/eiam.js <Action> [Key=Value ...]`: calls one EIAM API operation with this
 * package's client and prints the JSON response. Handy for changing things behind Pulumi's back
 * during the demo, e.g.
 *
 *   node scripts/eiam.js ListUsers InstanceId=idaas_xxx
 *   node scripts/eiam.js UpdateUser InstanceId=idaas_xxx UserId=user_xxx DisplayName='Edited by hand'
 *   node scripts/eiam.js RemoveUsersFromGroup InstanceId=idaas_xxx GroupId=group_xxx 'UserIds=["user_xxx"]'
 *
 * Values are parsed as JSON when they are valid JSON (numbers, true/false, arrays, objects,
 * "quoted strings"), else taken as plain strings. `--all` collects every page of a List
 * operation.
 *
 * Where it connects: --endpoint/--access-key-id/--access-key-secret, else EIAM_ENDPOINT /
 * EIAM_ACCESS_KEY_ID / EIAM_ACCESS_KEY_SECRET, else the local server the demo started
 * (.demo/server.json). Needs `npm run build` (it loads dist/client).
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const repoRoot = path.resolve(__dirname, '..');
const USAGE = `Usage: node scripts/eiam.js <Action> [Key=Value ...] [--all] [--endpoint URL]
                                [--access-key-id ID] [--access-key-secret SECRET]`;

function parseValue(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function connection(values) {
  let saved = {};
  const file = path.join(repoRoot, '.demo', 'server.json');
  if (fs.existsSync(file)) saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  const pick = (flag, env, key) => values[flag] ?? process.env[env] ?? saved[key];
  return {
    endpoint: pick('endpoint', 'EIAM_ENDPOINT', 'endpoint'),
    accessKeyId: pick('access-key-id', 'EIAM_ACCESS_KEY_ID', 'accessKeyId'),
    accessKeySecret: pick('access-key-secret', 'EIAM_ACCESS_KEY_SECRET', 'accessKeySecret'),
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      endpoint: { type: 'string' },
      'access-key-id': { type: 'string' },
      'access-key-secret': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [action, ...pairs] = positionals;
  if (values.help || !action) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const request = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`expected Key=Value, got "${pair}"`);
    request[pair.slice(0, eq)] = parseValue(pair.slice(eq + 1));
  }
  const conn = connection(values);
  if (!conn.endpoint) {
    throw new Error('no endpoint: start the demo (npm run demo), or pass --endpoint / set EIAM_ENDPOINT');
  }
  const { EiamClient } = require(path.join(repoRoot, 'dist', 'client'));
  const client = new EiamClient({ ...conn, region: process.env.EIAM_REGION || 'cn-hangzhou' });
  try {
    const result = values.all ? await client.listAll(action, request) : await client.call(action, request);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    client.close();
  }
}

main().catch((err) => {
  process.stderr.write(`eiam: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
