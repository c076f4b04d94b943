#!/usr/bin/env node
'use strict';
/**
 * `node scripts/eiam.js <Action> [Key=Value ...]`: the package's `eiam-call` command (see
 * `eiam-call --help`), aimed at the local server the demo started when no endpoint is given:
 * the endpoint and key pair then come from `.demo/server.json` (or `$EIAM_DEMO_DIR/server.json`).
 * Needs `npm run build`.
 */
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const env = { ...process.env };
const demoDir = process.env.EIAM_DEMO_DIR
  ? path.resolve(process.env.EIAM_DEMO_DIR)
  : path.join(repoRoot, '.demo');
const saved = path.join(demoDir, 'server.json');
if (!env.EIAM_ENDPOINT && !process.argv.includes('--endpoint') && fs.existsSync(saved)) {
  const s = JSON.parse(fs.readFileSync(saved, 'utf8'));
  env.EIAM_ENDPOINT = s.endpoint;
  env.EIAM_ACCESS_KEY_ID ??= s.accessKeyId;
  env.EIAM_ACCESS_KEY_SECRET ??= s.accessKeySecret;
}
const { main } = require(path.join(repoRoot, 'dist', 'cli', 'eiam-call'));
main(process.argv.slice(2), undefined, env).then((code) => {
  process.exitCode = code;
});
