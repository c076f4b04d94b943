#!/usr/bin/env node
'use strict';
/**
 * `node scripts/install-example.js examples/<name>`: packs this package (needs `npm run build`)
 * and installs the tarball into an example (from the npm cache where it can), the way `npm run demo` does for the
 * quickstart, so the example can be run with `pulumi` from its directory:
 *
 *   npm run build && node scripts/install-example.js examples/oidc-app
 *   source scripts/pulumi-env.sh && export PULUMI_BACKEND_URL=file://$PWD/.demo/state
 *   cd examples/oidc-app && pulumi stack select --create oidc && pulumi up
 */
const path = require('node:path');
const toolchain = require('./lib/toolchain');

async function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/install-example.js examples/<name>\n');
    process.exitCode = 2;
    return;
  }
  const env = await toolchain.pulumiEnv({ stream: true });
  const tgz = await toolchain.packRepository({
    outDir: path.join(toolchain.repoRoot, '.demo', 'package'),
    env,
  });
  await toolchain.installTarball({ tgz, programDir: dir, env, save: false });
  process.stdout.write(`installed ${path.relative(process.cwd(), tgz)} into ${dir}\n`);
}

main().catch((err) => {
  process.stderr.write(`install-example: ${err && err.message ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
