/**
 * `scripts/pulumi-env.sh` sets no passphrase: sourcing it without PULUMI_CONFIG_PASSPHRASE leaves
 * it unset and says so (with the demo's throw-away value for the demo's stacks only); a
 * passphrase the caller set is left alone. Needs the provisioned CLI (instant once cached; the
 * test does not build it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const sdk = JSON.parse(
  readFileSync(join(repoRoot, 'node_modules', '@pulumi', 'pulumi', 'package.json'), 'utf8'),
) as {
  version: string;
};
const cache = process.env.EIAM_PULUMI_CACHE ?? join(homedir(), '.cache', 'pulumi-alicloud-eiam');
const provisioned = existsSync(join(cache, `pulumi-${sdk.version}-r2`, 'bin', 'pulumi'));
const maybe = provisioned ? test : test.skip;

function source(env: Record<string, string | undefined>) {
  // Variables given as undefined are removed from the inherited environment.
  const clean = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  return spawnSync(
    'bash',
    ['-c', '. scripts/pulumi-env.sh || exit 1; echo "passphrase=${PULUMI_CONFIG_PASSPHRASE-<unset>}"'],
    { cwd: repoRoot, env: clean, encoding: 'utf8' },
  );
}

maybe('no passphrase is exported, and the note says so loudly', () => {
  const res = source({ PULUMI_CONFIG_PASSPHRASE: undefined, PULUMI_CONFIG_PASSPHRASE_FILE: undefined });
  expect(res.status).toBe(0);
  expect(res.stdout).toContain('passphrase=<unset>');
  expect(res.stderr).toContain('PULUMI_CONFIG_PASSPHRASE is not set');
  expect(res.stderr).toContain("for the demo's throw-away stack only");
});

maybe("the caller's own passphrase is kept and nothing is said", () => {
  const res = source({ PULUMI_CONFIG_PASSPHRASE: 'mine' });
  expect(res.stdout).toContain('passphrase=mine');
  expect(res.stderr).not.toContain('PULUMI_CONFIG_PASSPHRASE');
});
