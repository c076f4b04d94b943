#!/usr/bin/env node
/**
 * `eiam-call <Action> [Key=Value ...]`: one signed EIAM API call against any endpoint (the real
 * service or `eiam-local`), printing the JSON response. For poking at a directory behind
 * Pulumi's back, scripting, and checking credentials.
 *
 * Values are parsed as JSON when they are valid JSON (numbers, booleans, arrays, objects,
 * "quoted strings"), else taken as plain strings; nested values are flattened onto the wire by
 * the client. Errors print the service's code, message and request id, never parameters.
 */
import { parseArgs } from 'node:util';
import { OPERATIONS, type OperationName } from '../catalog';
import { EiamClient, type EiamClientOptions } from '../client';

/** The `--help` text. */
export const USAGE = `Usage: eiam-call <Action> [Key=Value ...] [options]

Calls one Alibaba Cloud IDaaS EIAM API operation (2021-12-01) and prints the JSON response.

  eiam-call ListInstances
  eiam-call GetUser InstanceId=idaas_xxx UserId=user_xxx
  eiam-call UpdateUser InstanceId=idaas_xxx UserId=user_xxx DisplayName='Edited by hand'
  eiam-call AddUsersToGroup InstanceId=idaas_xxx GroupId=group_xxx 'UserIds=["user_xxx"]'
  eiam-call ListUsers InstanceId=idaas_xxx --all

Values that are valid JSON are sent as such (numbers, true/false, arrays, objects); anything
else is a string.

Options (each with its environment variable):
  --endpoint <url>            EIAM_ENDPOINT           e.g. http://127.0.0.1:8848 (default: the region's)
  --region <id>               EIAM_REGION             region id (default: the credential chain's, else cn-hangzhou)
  --access-key-id <id>        EIAM_ACCESS_KEY_ID      AccessKey id
  --access-key-secret <s>     EIAM_ACCESS_KEY_SECRET  AccessKey secret (prefer the variable: flags show in ps)
  --security-token <t>        EIAM_SECURITY_TOKEN     STS token
  --profile <name>            EIAM_PROFILE            aliyun CLI profile
  --signature-version <v>     EIAM_SIGNATURE_VERSION  v3 (default) or rpc
  --all                       collect every page of a List operation
  --help                      show this help

Without a key pair, the client's credential chain applies (ALIBABA_CLOUD_* variables, then the
aliyun CLI profile). Against eiam-local, use the key pair it prints.
`;

const OPTIONS = {
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'access-key-id': { type: 'string' },
  'access-key-secret': { type: 'string' },
  'security-token': { type: 'string' },
  profile: { type: 'string' },
  'signature-version': { type: 'string' },
  all: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** A command-line mistake: reported with the usage hint and exit status 2. */
export class UsageError extends Error {}

/** A parsed command line. */
export interface CallRequest {
  readonly action: OperationName;
  readonly params: Record<string, unknown>;
  readonly all: boolean;
  readonly client: EiamClientOptions;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Parses argv (and `env` for the options left out); `undefined` when help was asked for. */
export function parseCallCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): CallRequest | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  const [action, ...pairs] = positionals;
  if (!action) throw new UsageError('missing the action, e.g. eiam-call ListInstances');
  if (!Object.prototype.hasOwnProperty.call(OPERATIONS, action)) {
    const near = Object.keys(OPERATIONS).filter((op) => op.toLowerCase() === action.toLowerCase());
    throw new UsageError(`unknown action "${action}"${near.length ? `; did you mean ${near[0]}?` : ''}`);
  }
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`expected Key=Value, got "${pair}"`);
    params[pair.slice(0, eq)] = parseValue(pair.slice(eq + 1));
  }
  const pick = (flag: keyof typeof OPTIONS, variable: string): string | undefined => {
    const v = (values[flag] as string | undefined) ?? env[variable];
    return v === undefined || v === '' ? undefined : v;
  };
  const signatureVersion = pick('signature-version', 'EIAM_SIGNATURE_VERSION');
  if (signatureVersion !== undefined && signatureVersion !== 'v3' && signatureVersion !== 'rpc') {
    throw new UsageError(`--signature-version expects v3 or rpc, got "${signatureVersion}"`);
  }
  return {
    action: action as OperationName,
    params,
    all: values.all === true,
    client: {
      endpoint: pick('endpoint', 'EIAM_ENDPOINT'),
      region: pick('region', 'EIAM_REGION'),
      accessKeyId: pick('access-key-id', 'EIAM_ACCESS_KEY_ID'),
      accessKeySecret: pick('access-key-secret', 'EIAM_ACCESS_KEY_SECRET'),
      securityToken: pick('security-token', 'EIAM_SECURITY_TOKEN'),
      profile: pick('profile', 'EIAM_PROFILE'),
      signatureVersion,
      env,
    },
  };
}

/** Runs the command; resolves with the exit status (0 ok, 1 call failed, 2 usage). */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let request: CallRequest | undefined;
  try {
    request = parseCallCommandLine(argv, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`eiam-call: ${err.message}\nRun eiam-call --help for the options.\n`);
    return 2;
  }
  if (!request) {
    io.stdout(USAGE);
    return 0;
  }
  let client: EiamClient | undefined;
  try {
    client = new EiamClient(request.client);
    const call = client.call.bind(client) as (a: OperationName, p: unknown) => Promise<unknown>;
    const list = client.listAll.bind(client) as (a: OperationName, p: unknown) => Promise<unknown>;
    const result = request.all
      ? await list(request.action, request.params)
      : await call(request.action, request.params);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    io.stderr(`eiam-call: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  } finally {
    client?.close();
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
