#!/usr/bin/env node
/**
 * `eiam-local`: runs the EIAM-compatible local server from the command line.
 * Prints the endpoint and the (local, throw-away) key pair on stdout, logs one line per API call
 * on stderr (unless `--quiet`), and stops cleanly on SIGINT/SIGTERM.
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

function number(
  flag: string,
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
      `--${flag} expects ${integer ? 'a non-negative integer' : 'a non-negative number'}${max < Infinity ? ` up to ${max}` : ''}, got "${text}"`,
    );
  }
  return value;
}

/** Parses the command line into server options; `undefined` when `--help` was asked for. */
export function parseCommandLine(argv: readonly string[]): LocalServerOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return undefined;
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
        seed: number('fault-seed', values['fault-seed'], { integer: true }),
        throttleRate: number('fault-throttle-rate', values['fault-throttle-rate'], { max: 1 }),
        errorRate: number('fault-error-rate', values['fault-error-rate'], { max: 1 }),
        dropRate: number('fault-drop-rate', values['fault-drop-rate'], { max: 1 }),
        latencyMs: number('fault-latency-ms', values['fault-latency-ms']),
        latencyJitterMs: number('fault-latency-jitter-ms', values['fault-latency-jitter-ms']),
      }
    : undefined;
  return {
    host: values.host,
    port: number('port', values.port, { integer: true, max: 65535 }),
    accessKeyId: values['access-key-id'],
    accessKeySecret: values['access-key-secret'],
    dataDir: values['data-dir'],
    latencyMs: number('latency-ms', values['latency-ms']),
    instanceCreationDelayMs: number('instance-creation-delay-ms', values['instance-creation-delay-ms']),
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
      ? [`Data directory: ${server.dataDir} (replayed ${server.recovery.replayed} logged calls)`]
      : []),
    `EIAM endpoint: ${server.endpoint}`,
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
