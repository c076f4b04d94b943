#!/usr/bin/env node
/**
 * `eiam-local`: runs the EIAM-compatible local server from the command line.
 * Prints the endpoint and the (local, throw-away) key pair on stdout, logs one line per API call
 * on stderr (unless `--quiet`), and stops cleanly on SIGINT/SIGTERM.
 *
 * Every flag can also come from the environment: `--fault-drop-rate` is `EIAM_LOCAL_FAULT_DROP_RATE`
 * (`EIAM_LOCAL_` + the flag in upper case, dashes as underscores). A flag on the command line
 * wins over its variable. `EIAM_LOCAL_QUIET` takes `1`/`true`/`yes` or `0`/`false`/`no`.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_INSTANCE_CREATION_DELAY_MS,
  DEFAULT_PORT,
  startLocalServer,
  type LocalServerOptions,
} from './server';

/** The `--help` text. */
export const USAGE = `Usage: eiam-local [options]

Runs a local server that speaks the Alibaba Cloud IDaaS EIAM API (2021-12-01, RPC style).

Options:
  --host <addr>                     interface to listen on (default 127.0.0.1)
  --port <n>                        port (default ${DEFAULT_PORT}; 0 picks a free port)
  --access-key-id <id>              accepted AccessKey ID (default ${DEFAULT_ACCESS_KEY_ID})
  --access-key-secret <secret>      accepted AccessKey secret (default ${DEFAULT_ACCESS_KEY_SECRET})
  --data-dir <dir>                  keep the state in <dir> (survives restarts and kill -9)
  --latency-ms <n>                  latency added to every API call
  --instance-creation-delay-ms <n>  time a new instance stays "creating" (default ${DEFAULT_INSTANCE_CREATION_DELAY_MS})
  --seed <value>                    seed of the id generator (reproducible ids)
  --fault-seed <n>                  seed of the fault sequence (default 1)
  --fault-throttle-rate <0..1>      share of calls answered Throttling.User (400)
  --fault-error-rate <0..1>         share of calls answered ServiceUnavailable (503) / InternalError (500)
  --fault-drop-rate <0..1>          share of calls whose connection is dropped
  --fault-latency-ms <n>            fault latency added to every API call
  --fault-latency-jitter-ms <n>     random extra latency, up to <n> ms
  --quiet                           no request log
  --help                            show this help

Each flag can be set by an environment variable instead: EIAM_LOCAL_ and the flag's name in
capitals with underscores (EIAM_LOCAL_PORT, EIAM_LOCAL_DATA_DIR, EIAM_LOCAL_FAULT_SEED, ...;
EIAM_LOCAL_QUIET=1). A flag given on the command line wins over its variable.

The read-only directory view (this machine only): http://<host>:<port>/_local/view
`;

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'access-key-id': { type: 'string' },
  'access-key-secret': { type: 'string' },
  'data-dir': { type: 'string' },
  'latency-ms': { type: 'string' },
  'instance-creation-delay-ms': { type: 'string' },
  seed: { type: 'string' },
  'fault-seed': { type: 'string' },
  'fault-throttle-rate': { type: 'string' },
  'fault-error-rate': { type: 'string' },
  'fault-drop-rate': { type: 'string' },
  'fault-latency-ms': { type: 'string' },
  'fault-latency-jitter-ms': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** A command-line mistake: reported with the usage hint and exit status 2. */
export class UsageError extends Error {}

/** The environment variable of a flag: `data-dir` → `EIAM_LOCAL_DATA_DIR`. */
export function envVarOf(flag: string): string {
  return `EIAM_LOCAL_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** The flags (without `help`) that an environment variable can set. */
export const ENV_FLAGS = Object.keys(OPTIONS).filter((f) => f !== 'help');

/**
 * Fills every flag the command line left out from its environment variable. Errors name the
 * variable, so a bad value in the environment is found without guessing.
 */
function withEnvironment(
  values: Record<string, string | boolean | undefined>,
  env: Readonly<Record<string, string | undefined>>,
): { values: Record<string, string | boolean | undefined>; sources: Record<string, string> } {
  const out = { ...values };
  const sources: Record<string, string> = {};
  for (const flag of ENV_FLAGS) {
    const name = envVarOf(flag);
    const raw = env[name];
    if (out[flag] !== undefined || raw === undefined || raw === '') continue;
    sources[flag] = name;
    if (OPTIONS[flag as keyof typeof OPTIONS].type === 'boolean') {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes'].includes(v)) out[flag] = true;
      else if (['0', 'false', 'no'].includes(v)) out[flag] = false;
      else throw new UsageError(`${name} expects 1/true/yes or 0/false/no, got "${raw}"`);
    } else {
      out[flag] = raw;
    }
  }
  return { values: out, sources };
}

function number(
  label: string,
  text: string | undefined,
  { integer = false, max = Infinity } = {},
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UsageError(
      `${label} expects ${integer ? 'a non-negative integer' : 'a non-negative number'}${max < Infinity ? ` up to ${max}` : ''}, got "${text}"`,
    );
  }
  return value;
}

/**
 * Parses the command line, then the `EIAM_LOCAL_*` variables of `env` for the flags it left out,
 * into server options; `undefined` when `--help` was asked for.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalServerOptions | undefined {
  let parsed;
  try {
    ({ values: parsed } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.help) return undefined;
  const merged = withEnvironment(parsed, env);
  const values = merged.values as typeof parsed;
  // Messages name where a bad value came from: the flag, or its environment variable.
  const label = (flag: string) => merged.sources[flag] ?? `--${flag}`;
  const faultFlags = [
    'fault-seed',
    'fault-throttle-rate',
    'fault-error-rate',
    'fault-drop-rate',
    'fault-latency-ms',
    'fault-latency-jitter-ms',
  ] as const;
  const faults = faultFlags.some((f) => values[f] !== undefined)
    ? {
        seed: number(label('fault-seed'), values['fault-seed'], { integer: true }),
        throttleRate: number(label('fault-throttle-rate'), values['fault-throttle-rate'], { max: 1 }),
        errorRate: number(label('fault-error-rate'), values['fault-error-rate'], { max: 1 }),
        dropRate: number(label('fault-drop-rate'), values['fault-drop-rate'], { max: 1 }),
        latencyMs: number(label('fault-latency-ms'), values['fault-latency-ms']),
        latencyJitterMs: number(label('fault-latency-jitter-ms'), values['fault-latency-jitter-ms']),
      }
    : undefined;
  return {
    host: values.host,
    port: number(label('port'), values.port, { integer: true, max: 65535 }),
    accessKeyId: values['access-key-id'],
    accessKeySecret: values['access-key-secret'],
    dataDir: values['data-dir'],
    latencyMs: number(label('latency-ms'), values['latency-ms']),
    instanceCreationDelayMs: number(
      label('instance-creation-delay-ms'),
      values['instance-creation-delay-ms'],
    ),
    seed: values.seed,
    faults,
    log: !values.quiet,
  };
}

/** Runs the CLI: starts the server, prints where it is, stops on SIGINT/SIGTERM. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let options: LocalServerOptions | undefined;
  try {
    options = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`eiam-local: ${err.message}\nRun eiam-local --help for the options.\n`);
    process.exitCode = 2;
    return;
  }
  if (options === undefined) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startLocalServer(options);
  const lines = [
    ...(server.dataDir
      ? [`Data directory: ${server.dataDir} (applied ${server.recovery.applied} journal records)`]
      : []),
    `EIAM endpoint: ${server.endpoint}`,
    `Directory view: ${server.viewUrl} (read-only, this machine only)`,
    `Access key id: ${server.accessKeyId}`,
    `Access key secret: ${server.accessKeySecret}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = (signal: NodeJS.Signals) => {
    process.stderr.write(`eiam-local: ${signal} received, stopping\n`);
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`eiam-local: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(1);
  });
}
