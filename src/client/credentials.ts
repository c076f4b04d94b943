/**
 * Credential resolution, in this order:
 * 1. explicit options (`accessKeyId` + `accessKeySecret`, then an explicit `profile`);
 * 2. environment: `ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` / `ALIBABA_CLOUD_SECURITY_TOKEN`,
 *    then `ALICLOUD_ACCESS_KEY` / `ALICLOUD_SECRET_KEY` / `ALICLOUD_SECURITY_TOKEN`;
 * 3. the aliyun CLI profile file `~/.aliyun/config.json` (profile from `ALIBABA_CLOUD_PROFILE`,
 *    else the file's `current`), modes `AK` and `StsToken`.
 * The region comes from the `region` option, `ALIBABA_CLOUD_REGION_ID`, `ALICLOUD_REGION`, the
 * profile's `region_id` (when the keys came from that profile), or defaults to `cn-hangzhou`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EiamCredentialsError } from './errors';

/** Region used when no option, variable or profile names one. */
export const DEFAULT_REGION = 'cn-hangzhou';

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
  /** Home directory holding `.aliyun/config.json`; default `os.homedir()`. */
  readonly homeDir?: string;
}

interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  region?: string;
  source: string;
}

/** One profile of the aliyun CLI config file (only the fields used here). */
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

function keysFromProfile(profile: CliProfile, path: string): Keys {
  const name = profile.name ?? '(unnamed)';
  const mode = nonEmpty(profile.mode) ?? 'AK';
  if (mode !== 'AK' && mode !== 'StsToken') {
    throw new EiamCredentialsError(
      `The aliyun CLI profile "${name}" in ${path} uses mode ${mode}; only AK and StsToken are supported.`,
    );
  }
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

function findProfile(config: CliConfig, name: string): CliProfile | undefined {
  return (config.profiles ?? []).find((p) => p.name === name);
}

/**
 * Resolves credentials and region (see the module comment for the order). Throws an
 * {@link EiamCredentialsError} listing every place it looked when nothing usable is found;
 * the message names sources, never values.
 */
export async function resolveCredentials(options: CredentialOptions = {}): Promise<ResolvedCredentials> {
  const env = options.env ?? process.env;
  const path = cliConfigPath(options.homeDir ?? homedir());
  const looked: string[] = [];

  const explicitId = nonEmpty(options.accessKeyId);
  const explicitSecret = nonEmpty(options.accessKeySecret);
  if ((explicitId === undefined) !== (explicitSecret === undefined)) {
    throw new EiamCredentialsError(
      `Explicit credentials need both accessKeyId and accessKeySecret; only ${explicitId ? 'accessKeyId' : 'accessKeySecret'} was given.`,
    );
  }

  let keys: Keys | undefined;
  let config: CliConfig | undefined;
  let configLoaded = false;
  const loadConfig = async (): Promise<CliConfig | undefined> => {
    if (!configLoaded) {
      config = await readCliConfig(path);
      configLoaded = true;
    }
    return config;
  };

  if (explicitId && explicitSecret) {
    keys = {
      accessKeyId: explicitId,
      accessKeySecret: explicitSecret,
      securityToken: nonEmpty(options.securityToken),
      source: 'explicit options',
    };
  } else if (nonEmpty(options.profile)) {
    const name = nonEmpty(options.profile) as string;
    const cfg = await loadConfig();
    const profile = cfg && findProfile(cfg, name);
    if (!profile) {
      throw new EiamCredentialsError(
        cfg
          ? `The aliyun CLI profile "${name}" (from the profile option) is not in ${path}.`
          : `The profile option names "${name}", but there is no aliyun CLI config file at ${path}.`,
      );
    }
    keys = keysFromProfile(profile, path);
  }

  if (!keys) {
    looked.push('explicit options accessKeyId/accessKeySecret (not set)');
    const families = [
      ['ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_SECURITY_TOKEN'],
      ['ALICLOUD_ACCESS_KEY', 'ALICLOUD_SECRET_KEY', 'ALICLOUD_SECURITY_TOKEN'],
    ] as const;
    for (const [idVar, secretVar, tokenVar] of families) {
      const id = nonEmpty(env[idVar]);
      const secret = nonEmpty(env[secretVar]);
      if (id && secret) {
        keys = {
          accessKeyId: id,
          accessKeySecret: secret,
          securityToken: nonEmpty(env[tokenVar]),
          source: `env ${idVar}`,
        };
        break;
      }
      const state = id ? `${secretVar} missing` : secret ? `${idVar} missing` : 'not set';
      looked.push(`environment ${idVar}/${secretVar} (${state})`);
    }
  }

  if (!keys) {
    const cfg = await loadConfig();
    const envProfile = nonEmpty(env.ALIBABA_CLOUD_PROFILE);
    const name = envProfile ?? nonEmpty(cfg?.current) ?? 'default';
    if (!cfg) {
      looked.push(`aliyun CLI config file ${path} (not found)`);
    } else {
      const profile = findProfile(cfg, name);
      if (profile) {
        keys = keysFromProfile(profile, path);
      } else if (envProfile) {
        throw new EiamCredentialsError(
          `The aliyun CLI profile "${name}" (from ALIBABA_CLOUD_PROFILE) is not in ${path}.`,
        );
      } else {
        looked.push(`aliyun CLI config file ${path} (no profile "${name}")`);
      }
    }
  }

  if (!keys) {
    throw new EiamCredentialsError(
      `No Alibaba Cloud credentials found. Looked in:\n  - ${looked.join('\n  - ')}\n` +
        'Set accessKeyId/accessKeySecret in the provider options, export ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile with `aliyun configure`.',
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
  };
}
