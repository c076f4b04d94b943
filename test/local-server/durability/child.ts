/** Starts the `eiam-local` CLI in a child process (from the TypeScript sources) and talks to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LocalServer } from '../../../src/local-server';

/** A CLI child process and the server it reported. */
export interface ChildServer {
  readonly child: ChildProcess;
  /** Enough of a `LocalServer` for the test helpers to sign and send calls. */
  readonly server: LocalServer;
  readonly stdout: () => string;
  /** Resolves with the exit code or signal once the child is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

const RUNNER = join(__dirname, 'run-cli.js');

/**
 * Spawns `eiam-local <args>` (with `env` added to this process's environment) and waits for its
 * `EIAM endpoint:` line (up to 30 s).
 */
export function startChild(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<ChildServer> {
  const child = spawn(process.execPath, [RUNNER, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start: ${out}${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const endpoint = /EIAM endpoint: http:\/\/127\.0\.0\.1:(\d+)\n/.exec(out);
      const id = /Access key id: (\S+)\n/.exec(out);
      const secret = /Access key secret: (\S+)\n/.exec(out);
      if (endpoint && id && secret) {
        clearTimeout(timer);
        const port = Number(endpoint[1]);
        const server = {
          endpoint: `http://127.0.0.1:${port}`,
          host: '127.0.0.1',
          port,
          accessKeyId: id[1],
          accessKeySecret: secret[1],
        } as LocalServer;
        resolve({ child, server, stdout: () => out, exited });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${String(how)}) before starting: ${out}${err}`));
    });
  });
}
