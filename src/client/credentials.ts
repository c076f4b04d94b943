/**
 * Credential resolution: explicit options first, then Alibaba Cloud's default credential chain
 * as `@alicloud/credentials` implements it, in this order:
 *
 * 1. explicit options: `accessKeyId` + `accessKeySecret` (+ `securityToken`), then an explicit
 *    `profile` of the aliyun CLI;
 * 2. environment keys: `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` / `ALIBABA_CLOUD_SECURITY_TOKEN`,
 *    then the Terraform-style `ALICLOUD_ACCESS_KEY` / `ALICLOUD_SECRET_KEY` /
 *    `ALICLOUD_SECURITY_TOKEN`;
 * 3. OIDC role assumption (RRSA in ACK): `ALIBABA_CLOUD_ROLE_ARN`,
 *    `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE`;
 * 4. the aliyun CLI config `~/.aliyun/config.json` (profile `ALIBABA_CLOUD_PROFILE`, else the
 *    file's `current`), every mode the library knows: `AK`, `StsToken`, `RamRoleArn`,
 *    `EcsRamRole`, `OIDC`, `ChainableRamRoleArn`, `CloudSSO`, `OAuth`, `External`;
 * 5. the shared credentials file `~/.alibabacloud/credentials` (or
 *    `ALIBABA_CLOUD_CREDENTIALS_FILE`), types `access_key`, `ecs_ram_role`, `ram_role_arn`;
 * 6. the ECS instance RAM role from the instance metadata service, when
 *    `ALIBABA_CLOUD_ECS_METADATA` names the role. Unlike the library's default chain, the
 *    metadata service is never probed without it: a machine that is not an ECS instance would
 *    otherwise wait for a metadata address on every credential miss;
 * 7. a credentials URI: `ALIBABA_CLOUD_CREDENTIALS_URI` (an HTTP endpoint answering
 *    `{ Code: "Success", AccessKeyId, AccessKeySecret, SecurityToken, Expiration }`).
 *
 * `ALIBABA_CLOUD_STS_ENDPOINT` overrides the STS endpoint of OIDC role assumption (a VPC or
 * proxy endpoint); CLI profiles carry their own `sts_endpoint`.
 *
 * The region comes from the `region` option, `ALIBABA_CLOUD_REGION_ID`, `ALICLOUD_REGION`, the
 * CLI profile's `region_id` (when the keys came from that profile), or defaults to
 * `cn-hangzhou`.
 *
 * Messages name sources and keys, never values: a library error is cut before any response
 * body it quotes.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
  type CredentialsProvider,
} from '@alicloud/credentials';
import { EiamCredentialsError } from './errors';

/** Region used when no option, variable or profile names one. */
export const DEFAULT_REGION = 'cn-hangzhou';

/**
 * How long temporary credentials from role assumption, a URI or the metadata service are used
 * before the client resolves them again (the library refreshes them ahead of their expiry).
 */
export const TEMPORARY_CREDENTIALS_TTL_MS = 10 * 60 * 1000;

/** Credentials and region ready for signing. */
export interface ResolvedCredentials {
  /** AccessKey ID. */
  readonly accessKeyId: string;
  /** AccessKey secret. */
  readonly accessKeySecret: string;
  /** STS token, for temporary keys. */
  readonly securityToken?: string;
  /** Region ID, e.g. `cn-hangzhou`. */
  readonly region: string;
  /** Where the keys came from (for debug output; never a secret), e.g. `env ALIBABA_CLOUD_*`. */
  readonly source: string;
  /** For temporary credentials: epoch ms after which they should be resolved again. */
  readonly refreshAfter?: number;
}

/** Inputs of {@link resolveCredentials}; `env` and `homeDir` are injectable for tests. */
export interface CredentialOptions {
  /** Explicit AccessKey ID (needs `accessKeySecret`). */
  readonly accessKeyId?: string;
  /** Explicit AccessKey secret (needs `accessKeyId`). */
  readonly accessKeySecret?: string;
  /** Explicit STS token, used with explicit keys. */
  readonly securityToken?: string;
  /** Explicit region. */
  readonly region?: string;
  /** aliyun CLI profile to use; an explicit choice, so it beats environment keys. */
  readonly profile?: string;
  /** Environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Home directory holding `.aliyun/config.json` and `.alibabacloud/credentials`; default `os.homedir()`. */
  readonly homeDir?: string;
  /** Clock for `refreshAfter`, epoch ms (default `Date.now`). */
  readonly now?: () => number;
}

type Env = Readonly<Record<string, string | undefined>>;

interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  region?: string;
  source: string;
  temporary?: boolean;
}

/** One profile of the aliyun CLI config file (only the fields read here). */
interface CliProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
}

interface CliConfig {
  current?: string;
  profiles?: CliProfile[];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Path of the aliyun CLI config file under a home directory. */
export function cliConfigPath(homeDir: string): string {
  return join(homeDir, '.aliyun', 'config.json');
}

/** Path of the shared credentials file (`ALIBABA_CLOUD_CREDENTIALS_FILE` wins). */
export function sharedCredentialsPath(homeDir: string, env: Env): string {
  return nonEmpty(env.ALIBABA_CLOUD_CREDENTIALS_FILE) ?? join(homeDir, '.alibabacloud', 'credentials');
}

async function readCliConfig(path: string): Promise<CliConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EiamCredentialsError(
      `Cannot read the aliyun CLI config file ${path}: ${(err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as CliConfig;
  } catch {
    throw new EiamCredentialsError(`The aliyun CLI config file ${path} is not valid JSON.`);
  }
}

/**
 * A library error as a credentials error naming the source. Library messages may quote the
 * answer of an STS or URI endpoint (`message = …`, `result: …`); that part is dropped.
 */
function sourceFailed(source: string, err: unknown): EiamCredentialsError {
  let message = (err as Error)?.message ?? String(err);
  // Every library message that quotes an answer does so after one of these, or as JSON.
  for (const marker of [
    ' message =',
    ' result:',
    ', json parse failed',
    ' with OIDC:',
    ' fail:',
    ' failed:',
    '{',
    'POST ',
    'GET ',
    'http://',
    'https://',
  ]) {
    const at = message.indexOf(marker);
    if (at >= 0) message = message.slice(0, at + (marker.endsWith(':') ? marker.length - 1 : 0));
  }
  if (message.length > 300) message = `${message.slice(0, 300)}…`;
  return new EiamCredentialsError(`${source}: cannot get credentials: ${message}`);
}

/** Runs a library provider and turns its answer into keys (temporary: resolved again later). */
async function fromLibrary(
  source: string,
  make: () => CredentialsProvider,
  extra: { region?: string; temporary?: boolean } = {},
): Promise<Keys> {
  let creds;
  try {
    creds = await make().getCredentials();
  } catch (err) {
    throw sourceFailed(source, err);
  }
  const accessKeyId = nonEmpty(creds.accessKeyId);
  const accessKeySecret = nonEmpty(creds.accessKeySecret);
  if (!accessKeyId || !accessKeySecret) {
    throw new EiamCredentialsError(`${source}: the answer has no AccessKeyId/AccessKeySecret.`);
  }
  return {
    accessKeyId,
    accessKeySecret,
    securityToken: nonEmpty(creds.securityToken),
    region: extra.region,
    source,
    temporary: extra.temporary ?? true,
  };
}

/** Keys of an `AK` or `StsToken` profile, read here so the messages can be exact. */
function staticProfileKeys(profile: CliProfile, mode: string, path: string): Keys {
  const name = profile.name ?? '(unnamed)';
  const accessKeyId = nonEmpty(profile.access_key_id);
  const accessKeySecret = nonEmpty(profile.access_key_secret);
  const securityToken = nonEmpty(profile.sts_token);
  if (!accessKeyId || !accessKeySecret || (mode === 'StsToken' && !securityToken)) {
    const fields =
      mode === 'StsToken'
        ? 'access_key_id, access_key_secret and sts_token'
        : 'access_key_id and access_key_secret';
    throw new EiamCredentialsError(
      `The aliyun CLI profile "${name}" in ${path} (mode ${mode}) needs ${fields}.`,
    );
  }
  return {
    accessKeyId,
    accessKeySecret,
    securityToken: mode === 'StsToken' ? securityToken : undefined,
    region: nonEmpty(profile.region_id),
    source: `aliyun CLI profile "${name}" (${path})`,
  };
}

/** Keys of one CLI profile: static modes here, every other mode through the library. */
function keysFromProfile(profile: CliProfile, path: string, homeDir: string): Promise<Keys> | Keys {
  const name = profile.name ?? '(unnamed)';
  const mode = nonEmpty(profile.mode) ?? 'AK';
  if (mode === 'AK' || mode === 'StsToken') return staticProfileKeys(profile, mode, path);
  return fromLibrary(
    `aliyun CLI profile "${name}" (${path}, mode ${mode})`,
    () => {
      const provider = CLIProfileCredentialsProvider.builder().withProfileName(name).build();
      // The library reads `<homedir>/.aliyun/config.json`; point it at the same file.
      (provider as unknown as { homedir: string }).homedir = homeDir;
      return provider;
    },
    { region: nonEmpty(profile.region_id) },
  );
}

function findProfile(config: CliConfig, name: string): CliProfile | undefined {
  return (config.profiles ?? []).find((p) => p.name === name);
}

const ENV_KEY_FAMILIES = [
  ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'],
  ['ALICLOUD_ACCESS_KEY', 'ALICLOUD_SECRET_KEY', 'ALICLOUD_SECURITY_TOKEN'],
] as const;

const OIDC_VARS = [
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
] as const;

function ecsRoleName(env: Env): string | undefined {
  if (nonEmpty(env.ALIBABA_CLOUD_ECS_METADATA_DISABLED)?.toLowerCase() === 'true') return undefined;
  return nonEmpty(env.ALIBABA_CLOUD_ECS_METADATA);
}

/** What {@link findCredentialSource} reports. */
export interface CredentialSourceReport {
  /** The first source that is configured (not yet asked for keys), or undefined. */
  readonly found?: string;
  /** Every place looked at before it, with why it did not count. */
  readonly looked: readonly string[];
}

/** The explicit AccessKey pair of `options`, if any; throws when only half of it is set. */
function explicitPair(options: CredentialOptions): { id: string; secret: string } | undefined {
  const id = nonEmpty(options.accessKeyId);
  const secret = nonEmpty(options.accessKeySecret);
  if ((id === undefined) !== (secret === undefined)) {
    throw new EiamCredentialsError(
      `Explicit credentials need both accessKeyId and accessKeySecret; only ${id ? 'accessKeyId' : 'accessKeySecret'} was given.`,
    );
  }
  return id && secret ? { id, secret } : undefined;
}

/**
 * Which source of the chain would be used, without asking any of them for keys: no network
 * call, no role assumption. Used at preview time so that a missing credential fails there, not
 * first at `up`. A half-set explicit pair throws.
 */
export function findCredentialSource(options: CredentialOptions = {}): CredentialSourceReport {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const looked: string[] = [];
  const explicit = explicitPair(options);
  if (explicit) return { found: 'explicit keys', looked };
  looked.push('explicit accessKeyId/accessKeySecret (not set)');
  if (nonEmpty(options.profile))
    return { found: `aliyun CLI profile "${nonEmpty(options.profile)}"`, looked };
  looked.push('explicit profile (not set)');
  for (const [idVar, secretVar] of ENV_KEY_FAMILIES) {
    const id = nonEmpty(env[idVar]);
    const secret = nonEmpty(env[secretVar]);
    if (id && secret) return { found: `environment ${idVar}`, looked };
    const state = id ? `${secretVar} missing` : secret ? `${idVar} missing` : 'not set';
    looked.push(`environment ${idVar}/${secretVar} (${state})`);
  }
  const oidcSet = OIDC_VARS.filter((v) => nonEmpty(env[v]));
  if (oidcSet.length === OIDC_VARS.length)
    return { found: 'OIDC role assumption (ALIBABA_CLOUD_ROLE_ARN)', looked };
  looked.push(
    `environment ${OIDC_VARS.join('/')} (${oidcSet.length === 0 ? 'not set' : `only ${oidcSet.join(', ')}`})`,
  );
  const cliPath = cliConfigPath(home);
  if (existsSync(cliPath)) return { found: `aliyun CLI config file ${cliPath}`, looked };
  looked.push(`aliyun CLI config file ${cliPath} (not found)`);
  const iniPath = sharedCredentialsPath(home, env);
  if (existsSync(iniPath)) return { found: `credentials file ${iniPath}`, looked };
  looked.push(`credentials file ${iniPath} (not found)`);
  if (ecsRoleName(env)) return { found: 'ECS instance RAM role (ALIBABA_CLOUD_ECS_METADATA)', looked };
  looked.push('environment ALIBABA_CLOUD_ECS_METADATA (ECS instance RAM role; not set)');
  if (nonEmpty(env.ALIBABA_CLOUD_CREDENTIALS_URI))
    return { found: 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)', looked };
  looked.push('environment ALIBABA_CLOUD_CREDENTIALS_URI (not set)');
  return { looked };
}

/** The advice that ends a "no credentials" message. */
export const CREDENTIALS_ADVICE =
  'Set an AccessKey pair (export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET), ' +
  'configure a profile with `aliyun configure`, or use one of the role modes of the default credential chain.';

/**
 * Resolves credentials and region (see the module comment for the order). Throws an
 * {@link EiamCredentialsError} listing every place it looked when nothing usable is found;
 * the message names sources, never values.
 */
export async function resolveCredentials(options: CredentialOptions = {}): Promise<ResolvedCredentials> {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const path = cliConfigPath(home);
  const now = options.now ?? Date.now;
  const looked: string[] = [];

  const explicit = explicitPair(options);

  let config: CliConfig | undefined;
  let configLoaded = false;
  const loadConfig = async (): Promise<CliConfig | undefined> => {
    if (!configLoaded) {
      config = await readCliConfig(path);
      configLoaded = true;
    }
    return config;
  };

  const find = async (): Promise<Keys | undefined> => {
    if (explicit) {
      return {
        accessKeyId: explicit.id,
        accessKeySecret: explicit.secret,
        securityToken: nonEmpty(options.securityToken),
        source: 'explicit options',
      };
    }
    const explicitProfile = nonEmpty(options.profile);
    if (explicitProfile) {
      const cfg = await loadConfig();
      const profile = cfg && findProfile(cfg, explicitProfile);
      if (!profile) {
        throw new EiamCredentialsError(
          cfg
            ? `The aliyun CLI profile "${explicitProfile}" (from the profile option) is not in ${path}.`
            : `The profile option names "${explicitProfile}", but there is no aliyun CLI config file at ${path}.`,
        );
      }
      return keysFromProfile(profile, path, home);
    }
    looked.push('explicit options accessKeyId/accessKeySecret (not set)');

    for (const [idVar, secretVar, tokenVar] of ENV_KEY_FAMILIES) {
      const id = nonEmpty(env[idVar]);
      const secret = nonEmpty(env[secretVar]);
      if (id && secret) {
        return {
          accessKeyId: id,
          accessKeySecret: secret,
          securityToken: nonEmpty(env[tokenVar]),
          source: `env ${idVar}`,
        };
      }
      const state = id ? `${secretVar} missing` : secret ? `${idVar} missing` : 'not set';
      looked.push(`environment ${idVar}/${secretVar} (${state})`);
    }

    const oidcSet = OIDC_VARS.filter((v) => nonEmpty(env[v]));
    if (oidcSet.length === OIDC_VARS.length) {
      return fromLibrary('OIDC role assumption (ALIBABA_CLOUD_ROLE_ARN)', () => {
        let builder = OIDCRoleArnCredentialsProvider.builder()
          .withRoleArn(nonEmpty(env.ALIBABA_CLOUD_ROLE_ARN) as string)
          .withOIDCProviderArn(nonEmpty(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN) as string)
          .withOIDCTokenFilePath(nonEmpty(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE) as string);
        const session = nonEmpty(env.ALIBABA_CLOUD_ROLE_SESSION_NAME);
        if (session) builder = builder.withRoleSessionName(session);
        const region = nonEmpty(env.ALIBABA_CLOUD_STS_REGION);
        if (region) builder = builder.withStsRegionId(region);
        const endpoint = nonEmpty(env.ALIBABA_CLOUD_STS_ENDPOINT);
        if (endpoint) builder = builder.withStsEndpoint(endpoint);
        return builder.build();
      });
    }
    looked.push(
      `environment ${OIDC_VARS.join('/')} (${oidcSet.length === 0 ? 'not set' : `only ${oidcSet.join(', ')}`})`,
    );

    const cfg = await loadConfig();
    const envProfile = nonEmpty(env.ALIBABA_CLOUD_PROFILE);
    const name = envProfile ?? nonEmpty(cfg?.current) ?? 'default';
    if (!cfg) {
      looked.push(`aliyun CLI config file ${path} (not found)`);
    } else {
      const profile = findProfile(cfg, name);
      if (profile) return keysFromProfile(profile, path, home);
      if (envProfile && !existsSync(sharedCredentialsPath(home, env))) {
        throw new EiamCredentialsError(
          `The aliyun CLI profile "${name}" (from ALIBABA_CLOUD_PROFILE) is not in ${path}.`,
        );
      }
      looked.push(`aliyun CLI config file ${path} (no profile "${name}")`);
    }

    const iniPath = sharedCredentialsPath(home, env);
    if (existsSync(iniPath)) {
      const section = envProfile ?? 'default';
      return fromLibrary(`credentials file ${iniPath} (profile "${section}")`, () => {
        const provider = ProfileCredentialsProvider.builder().withProfileName(section).build();
        (provider as unknown as { homedir: string }).homedir = home;
        return provider;
      }).then((keys) => (keys.securityToken ? keys : { ...keys, temporary: false }));
    }
    looked.push(`credentials file ${iniPath} (not found)`);

    const role = ecsRoleName(env);
    if (role) {
      return fromLibrary(`ECS instance RAM role "${role}"`, () =>
        ECSRAMRoleCredentialsProvider.builder().withRoleName(role).build(),
      );
    }
    looked.push('environment ALIBABA_CLOUD_ECS_METADATA (ECS instance RAM role; not set)');

    const uri = nonEmpty(env.ALIBABA_CLOUD_CREDENTIALS_URI);
    if (uri) {
      return fromLibrary('credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)', () =>
        URICredentialsProvider.builder().withCredentialsURI(uri).build(),
      );
    }
    looked.push('environment ALIBABA_CLOUD_CREDENTIALS_URI (not set)');
    return undefined;
  };

  const keys = await find();
  if (!keys) {
    throw new EiamCredentialsError(
      `No Alibaba Cloud credentials found. Looked in:\n  - ${looked.join('\n  - ')}\n${CREDENTIALS_ADVICE}`,
    );
  }

  const region =
    nonEmpty(options.region) ??
    nonEmpty(env.ALIBABA_CLOUD_REGION_ID) ??
    nonEmpty(env.ALICLOUD_REGION) ??
    keys.region ??
    DEFAULT_REGION;
  return {
    accessKeyId: keys.accessKeyId,
    accessKeySecret: keys.accessKeySecret,
    securityToken: keys.securityToken,
    region,
    source: keys.source,
    ...(keys.temporary ? { refreshAfter: now() + TEMPORARY_CREDENTIALS_TTL_MS } : {}),
  };
}
