/**
 * A cold `scripts/provision-pulumi.sh` is never silent: it says at once that it is building, and
 * while it waits or builds it prints a heartbeat line (every EIAM_PROVISION_HEARTBEAT_S seconds),
 * which stops on every exit path. Exercised without building anything: the cache is an empty
 * temp dir, another process holds its lock for a while, and `go` is not on PATH, so the script
 * ends with its "go is not on PATH" error once the lock is free.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');
const hasFlock = spawnSync('bash', ['-c', 'command -v flock']).status === 0;
const maybe = hasFlock ? test : test.skip;

maybe(
  'prints that it builds, heartbeats while waiting, and stops the heartbeat when it exits',
  async () => {
    const cache = mkdtempSync(join(tmpdir(), 'eiam-provision-'));
    const sdk = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules', '@pulumi', 'pulumi', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const dest = join(cache, `pulumi-${sdk.version}-r2`);
    mkdirSync(dest, { recursive: true });
    const holder = spawn('flock', [join(dest, '.lock'), 'sleep', '2.5'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300)); // the holder has the lock
      const out = await new Promise<{ code: number | null; stderr: string }>((res) => {
        const child = spawn('bash', [join(repoRoot, 'scripts', 'provision-pulumi.sh')], {
          env: {
            PATH: '/usr/bin:/bin',
            HOME: cache,
            EIAM_PULUMI_CACHE: cache,
            EIAM_PROVISION_HEARTBEAT_S: '1',
          },
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => res({ code, stderr }));
      });
      const lines = out.stderr.split('\n');
      expect(lines[0]).toMatch(
        /^provision-pulumi: the Pulumi CLI is not built yet: building it from Go modules/,
      );
      expect(out.stderr).toContain('another process is provisioning');
      expect(lines.filter((l) => /still working \(\d+s so far/.test(l)).length).toBeGreaterThanOrEqual(1);
      expect(out.stderr).toContain('go is not on PATH');
      expect(out.code).toBe(1);
    } finally {
      holder.kill();
      rmSync(cache, { recursive: true, force: true });
    }
  },
  30_000,
);
