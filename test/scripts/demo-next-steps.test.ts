/**
 * The demo's "what to try next", run as printed after a demo without a terminal: its server
 * has stopped, so the first printed command starts it again on the demo's data directory, and
 * the API steps then change and read the demo's account. The `pulumi` steps run with the real
 * engine in test/e2e/demo-next-steps.test.ts.
 *
 * Runs the built commands (`dist/`, which `.ci/run` builds before the tests); without a build
 * it is skipped on a developer's machine and fails in CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EiamClient } from '../../src/client';
import { startLocalServer } from '../../src/local-server';
const { nextSteps, renderSteps } = require('../../scripts/lib/demo-steps') as {
  nextSteps: (o: Record<string, unknown>) => { kind: string; command: string; comment?: string }[];
  renderSteps: (s: unknown[]) => string[];
};

const repoRoot = resolve(__dirname, '..', '..');
const built =
  existsSync(join(repoRoot, 'dist', 'local-server', 'cli.js')) &&
  existsSync(join(repoRoot, 'dist', 'cli', 'eiam-call.js'));
if (!built && process.env.CI) throw new Error('dist/ is missing: .ci/run builds before the tests');
const maybe = built ? test : test.skip;

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/_local/health`);
      if (r.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Polls until the instance reports running (bounded). */
async function untilRunning(client: EiamClient, instanceId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { Instance } = await client.call('GetInstance', { InstanceId: instanceId });
    if (Instance?.Status === 'running') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instanceId} did not start running`);
}

maybe(
  'the printed next steps restart the server on the demo data and the API steps work',
  async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'eiam-demo-steps-'));
    const dataDir = join(demoDir, 'data');
    const port = await freePort();
    let restartedPid: number | undefined;
    try {
      // What the demo leaves behind: a directory in the data dir, server.json, a stopped server.
      // The demo's server settings (default creation delay), which the printed restart repeats.
      const server = await startLocalServer({ port, dataDir, log: false });
      const client = new EiamClient({
        endpoint: server.endpoint,
        accessKeyId: server.accessKeyId,
        accessKeySecret: server.accessKeySecret,
      });
      const instanceId = (await client.call('CreateInstance', { Description: 'demo' })).InstanceId!;
      await untilRunning(client, instanceId);
      const root = await client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
      const userId = (
        await client.call('CreateUser', {
          InstanceId: instanceId,
          Username: 'alice',
          DisplayName: 'Alice',
          PrimaryOrganizationalUnitId: root.OrganizationalUnit!.OrganizationalUnitId!,
        })
      ).UserId!;
      client.close();
      writeFileSync(
        join(demoDir, 'server.json'),
        JSON.stringify({
          endpoint: server.endpoint,
          accessKeyId: server.accessKeyId,
          accessKeySecret: server.accessKeySecret,
        }),
      );
      await server.stop();

      const steps = nextSteps({
        serverRunning: false,
        port,
        dataDir,
        logFile: join(demoDir, 'eiam-local.log'),
        backend: `file://${join(demoDir, 'state')}`,
        stack: 'demo',
        passphrase: 'eiam-local-only',
        instanceId,
        userId,
      });
      const printed = renderSteps(steps).join('\n');
      expect(printed).toContain(`--port ${port} --data-dir ${dataDir}`);
      expect(printed).toContain('export PULUMI_CONFIG_PASSPHRASE=eiam-local-only');
      const env = {
        ...process.env,
        EIAM_DEMO_DIR: demoDir,
        PATH: `${join(repoRoot, 'node_modules', '.bin')}:${process.env.PATH}`,
      };
      const sh = (command: string) =>
        spawnSync('bash', ['-c', command], { cwd: repoRoot, env, encoding: 'utf8' });

      const start = steps.find((s) => s.kind === 'server')!;
      const started = sh(`${start.command}\necho "pid=$!"`);
      restartedPid = Number(/pid=(\d+)/.exec(started.stdout)?.[1]);
      expect(await healthy(port)).toBe(true);
      for (const step of steps.filter((s) => s.kind === 'api')) {
        const res = sh(step.command);
        expect({ command: step.command, code: res.status, stderr: res.stderr }).toMatchObject({
          code: 0,
          stderr: '',
        });
        if (step.command.includes('GetUser')) {
          expect(JSON.parse(res.stdout).User).toMatchObject({
            UserId: userId,
            DisplayName: 'Alice (edited by hand)',
          });
        }
      }
      const curl = steps.find((s) => s.command.startsWith('curl'));
      if (curl && spawnSync('bash', ['-c', 'command -v curl']).status === 0) {
        expect(sh(curl.command).stdout).toContain(instanceId);
      }
    } finally {
      if (restartedPid) {
        try {
          process.kill(restartedPid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      rmSync(demoDir, { recursive: true, force: true });
    }
  },
  60_000,
);
