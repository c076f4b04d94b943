/**
 * End-to-end harness: the package is consumed as a user consumes it. It is packed into a tarball
 * (built privately from `src/`), installed with `npm install --prefer-offline` into a Pulumi program in
 * a temporary directory outside the repository, and driven with the real `pulumi` CLI (built from
 * Go modules by `scripts/provision-pulumi.sh`, cached after the first run) against an in-process
 * local EIAM server on a free port, with a local file backend.
 *
 * Set `E2E_VERBOSE=1` to stream every pulumi command's output.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EiamClient } from '../../src/client';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../src/local-server';
import * as toolchain from '../../scripts/lib/toolchain';

/** How long `beforeAll` may take: a cold first run builds the Pulumi CLI (5–15 min on 2 cores). */
export const SETUP_TIMEOUT_MS = 30 * 60_000;
/** How long one scenario may take. */
export const STEP_TIMEOUT_MS = 4 * 60_000;

const VERBOSE = process.env.E2E_VERBOSE === '1';

/** Project name of the programs (config keys of the program are `<project>:<key>`). */
export const PROJECT = 'eiam-e2e';

/** The toolchain shared by the test files of one jest worker. */
export interface Toolchain {
  /** Environment for pulumi and npm (PATH with the CLI and Node 24, PULUMI_HOME, …). */
  readonly env: NodeJS.ProcessEnv;
  /** The packed package. */
  readonly tarball: string;
}

let toolchainPromise: Promise<Toolchain> | undefined;

/** Provisions the Pulumi CLI and packs the package (both cached across runs). */
export function prepareToolchain(): Promise<Toolchain> {
  toolchainPromise ??= (async () => {
    const started = Date.now();
    const env = await toolchain.pulumiEnv({ stream: VERBOSE });
    const tarball = await toolchain.packFreshTarball({ env });
    log(`toolchain ready in ${Date.now() - started} ms (${path.basename(tarball)})`);
    return { env, tarball };
  })();
  return toolchainPromise;
}

/** Writes a line to the test output (jest shows console output per test file). */
export function log(line: string): void {
  process.stdout.write(`[e2e] ${line}\n`);
}

/** A Pulumi program installed in a temporary directory. */
export interface Program {
  /** The program directory (Pulumi.yaml, index.js, node_modules). */
  readonly dir: string;
  /** Scratch root holding the program, the backend and anything else of this test file. */
  readonly root: string;
  /** Removes everything. */
  remove(): void;
}

/**
 * Creates a program from `files` (relative path → content) under a fresh temp dir and installs
 * the package tarball into it. `Pulumi.yaml` is added unless given.
 */
export async function createProgram(
  tc: Toolchain,
  label: string,
  files: Record<string, string>,
): Promise<Program> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `eiam-e2e-${label}-`));
  const dir = path.join(root, 'program');
  fs.mkdirSync(dir);
  const all: Record<string, string> = {
    'Pulumi.yaml': `name: ${PROJECT}\nruntime: nodejs\ndescription: end-to-end test program (${label})\n`,
    'package.json': JSON.stringify({
      name: `${PROJECT}-${label}`,
      version: '0.0.0',
      private: true,
      main: 'index.js',
    }),
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  await toolchain.installTarball({ tgz: tc.tarball, programDir: dir, env: tc.env });
  return { dir, root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The spec-driven program in `test/e2e/program/` (see its module comment). */
export function specProgramFiles(): Record<string, string> {
  return { 'index.js': fs.readFileSync(path.join(__dirname, 'program', 'index.js'), 'utf8') };
}

/** Outcome of a pulumi command. */
export interface CommandResult extends toolchain.RunResult {
  /** The command line, for messages. */
  readonly command: string;
  /** stdout and stderr together. */
  readonly output: string;
  /** Wall time in ms. */
  readonly ms: number;
}

/** A stack of a program on a local file backend. */
export class Stack {
  /** Timings of every command run, for the summary. */
  readonly timings: { command: string; ms: number }[] = [];

  private constructor(
    private readonly tc: Toolchain,
    readonly program: Program,
    readonly name: string,
    /** The file backend's directory. */
    readonly backendDir: string,
  ) {}

  /** Creates (`pulumi stack init`) a stack on a backend under the program's scratch root. */
  static async init(tc: Toolchain, program: Program, name: string): Promise<Stack> {
    const backendDir = path.join(program.root, 'state');
    fs.mkdirSync(backendDir, { recursive: true });
    const stack = new Stack(tc, program, name, backendDir);
    await stack.ok(['stack', 'init']);
    return stack;
  }

  /** Variables added to the environment of the next commands (e.g. a provider switch). */
  extraEnv: NodeJS.ProcessEnv = {};

  /** The environment of pulumi commands. */
  get env(): NodeJS.ProcessEnv {
    return {
      ...this.tc.env,
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_STACK: undefined,
      ...this.extraEnv,
    };
  }

  /** Runs `pulumi <args> --stack <name> --non-interactive --color never`. */
  async run(args: readonly string[]): Promise<CommandResult> {
    // Flags go before a `--` separator (config values may start with a dash).
    const flags = ['--stack', this.name, '--non-interactive', '--color', 'never'];
    const sep = args.indexOf('--');
    const full = sep < 0 ? [...args, ...flags] : [...args.slice(0, sep), ...flags, ...args.slice(sep)];
    const command = `pulumi ${args.join(' ')}`;
    if (VERBOSE) log(`$ ${command}`);
    const started = Date.now();
    const res = await toolchain.run('pulumi', full, {
      cwd: this.program.dir,
      env: this.env,
      stream: VERBOSE,
      timeoutMs: STEP_TIMEOUT_MS,
    });
    const ms = Date.now() - started;
    this.timings.push({ command, ms });
    return { ...res, command, output: `${res.stdout}\n${res.stderr}`, ms };
  }

  /** Runs a command that must succeed. */
  async ok(args: readonly string[]): Promise<CommandResult> {
    const res = await this.run(args);
    if (res.code !== 0) throw new Error(`${res.command} failed (exit ${res.code}):\n${tail(res.output)}`);
    return res;
  }

  /** Runs a command that must fail. */
  async fails(args: readonly string[]): Promise<CommandResult> {
    const res = await this.run(args);
    if (res.code === 0)
      throw new Error(`${res.command} was expected to fail but succeeded:\n${tail(res.output)}`);
    return res;
  }

  /** Sets a config value (plain or secret). */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.ok(['config', 'set', ...(secret ? ['--secret'] : []), key, '--', value]);
  }

  /** Sets the provider config to talk to `server`. */
  async configureProvider(server: LocalServer): Promise<void> {
    await this.setConfig('eiam:endpoint', server.endpoint);
    await this.setConfig('eiam:region', 'cn-hangzhou');
    await this.setConfig('eiam:accessKeyId', server.accessKeyId);
    await this.setConfig('eiam:accessKeySecret', server.accessKeySecret, true);
  }

  /** `pulumi up --yes` (without its preview unless `preview`), optionally with `--refresh`. */
  up(options: { refresh?: boolean; preview?: boolean } = {}): Promise<CommandResult> {
    return this.ok(upArgs(options));
  }

  /** `pulumi up` that must fail. */
  upFails(options: { refresh?: boolean; preview?: boolean } = {}): Promise<CommandResult> {
    return this.fails(upArgs(options));
  }

  /** `pulumi preview [--refresh] --expect-no-changes --diff`, returning the result either way. */
  previewNoChanges(options: { refresh?: boolean } = {}): Promise<CommandResult> {
    return this.run(['preview', '--expect-no-changes', '--diff', ...(options.refresh ? ['--refresh'] : [])]);
  }

  /**
   * {@link previewNoChanges} where a clean plan is expected: when it is not, its output goes to
   * the log, so the failing assertion on the exit code comes with the plan that broke it.
   */
  async cleanPreview(options: { refresh?: boolean } = {}): Promise<CommandResult> {
    const res = await this.previewNoChanges(options);
    if (res.code !== 0) log(res.output);
    return res;
  }

  /** The stack outputs, secrets shown. */
  async outputs(): Promise<Record<string, unknown>> {
    const res = await this.ok(['stack', 'output', '--json', '--show-secrets']);
    return JSON.parse(res.stdout) as Record<string, unknown>;
  }

  /** `pulumi stack export` as text (secrets stay encrypted). */
  async exportText(): Promise<string> {
    return (await this.ok(['stack', 'export'])).stdout;
  }

  /** Removes the stack and its history. */
  async remove(): Promise<void> {
    await this.ok(['stack', 'rm', '--yes', '--force']);
  }

  /** Writes `spec.json` for the spec-driven program. */
  writeSpec(spec: unknown): void {
    fs.writeFileSync(path.join(this.program.dir, 'spec.json'), JSON.stringify(spec, null, 2));
  }
}

function upArgs(options: { refresh?: boolean; preview?: boolean }): string[] {
  return [
    'up',
    '--yes',
    ...(options.preview ? [] : ['--skip-preview']),
    ...(options.refresh ? ['--refresh'] : []),
  ];
}

function tail(text: string, max = 12_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** A local server on a free port, with an API client for arranging and inspecting state. */
export interface ServerFixture {
  /** The server. */
  readonly server: LocalServer;
  /** A client that talks to it (no retries: the server is local). */
  readonly client: EiamClient;
  /** Actions that changed state since the last `server.resetCounters()`, with their call counts. */
  writes(): Record<string, number>;
  /** Stops client and server. */
  stop(): Promise<void>;
}

/** Starts a silent local server on a free loopback port. */
export async function startServer(options: LocalServerOptions = {}): Promise<ServerFixture> {
  const server = await startLocalServer({ port: 0, log: false, instanceCreationDelayMs: 300, ...options });
  const client = new EiamClient({
    endpoint: server.endpoint,
    region: 'cn-hangzhou',
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    retry: { maxAttempts: 1 },
  });
  return {
    server,
    client,
    writes: () => {
      const out: Record<string, number> = {};
      for (const [action, c] of Object.entries(server.counters())) {
        if (!/^(Get|List)/.test(action) && c.calls > 0) out[action] = c.calls;
      }
      return out;
    },
    stop: async () => {
      client.close();
      await server.stop();
    },
  };
}

/** Polls the instance until it reports `running` (instances are created asynchronously). */
export async function waitForInstance(
  client: EiamClient,
  instanceId: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.call('GetInstance', { InstanceId: instanceId });
    if (res.Instance?.Status === 'running') return;
    if (Date.now() > deadline) throw new Error(`instance ${instanceId} is not running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * What {@link serverInventory} lists per instance: key, list operation, and the id and name
 * fields of its rows.
 */
const INVENTORY = [
  ['ous', 'ListOrganizationalUnits', 'OrganizationalUnitId', 'OrganizationalUnitName'],
  ['users', 'ListUsers', 'UserId', 'Username'],
  ['groups', 'ListGroups', 'GroupId', 'GroupName'],
  ['applications', 'ListApplications', 'ApplicationId', 'ApplicationName'],
  ['identityProviders', 'ListIdentityProviders', 'IdentityProviderId', 'IdentityProviderName'],
  ['networkZones', 'ListNetworkZones', 'NetworkZoneId', 'NetworkZoneName'],
  [
    'conditionalAccessPolicies',
    'ListConditionalAccessPolicies',
    'ConditionalAccessPolicyId',
    'ConditionalAccessPolicyName',
  ],
] as const;

/** A comparable listing of everything the server holds (ids and names, sorted). */
export async function serverInventory(client: EiamClient): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const instances = await client.listAll('ListInstances', {});
  out.instances = instances.map((i) => `${i.InstanceId}`).sort();
  for (const inst of instances) {
    const InstanceId = inst.InstanceId ?? '';
    if (inst.Status !== 'running') continue;
    for (const [key, operation, id, name] of INVENTORY) {
      const rows = (await client.listAll(operation, { InstanceId })) as Record<string, unknown>[];
      out[`${InstanceId}/${key}`] = rows.map((r) => `${r[id]}:${r[name]}`).sort();
    }
  }
  return out;
}

/** Best-effort end of a test file: destroys and removes the stack, stops the server, removes the program. */
export async function tearDown(parts: {
  stack?: Stack;
  fx?: ServerFixture;
  program?: Program;
}): Promise<void> {
  if (parts.stack) {
    await parts.stack.run(['destroy', '--yes', '--skip-preview']).catch(() => undefined);
    await parts.stack.remove().catch(() => undefined);
  }
  await parts.fx?.stop();
  parts.program?.remove();
}

/**
 * Kills every process whose command line mentions `dir`. The engine starts its plugins (the
 * dynamic provider's node process) outside its own process group, so a test that SIGKILLs
 * `pulumi` leaves them running; this ends them once the test is done with the program.
 */
export function killProcessesUnder(dir: string): number {
  let killed = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (!cmdline.includes(dir)) continue;
    try {
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
