/**
 * Provider configuration. Stack config under the `eiam:` namespace reaches every dynamic
 * provider through its `configure` hook. Keys `@pulumi/alicloud` users already have
 * (`alicloud:accessKey`, `alicloud:secretKey`, `alicloud:securityToken`, `alicloud:region`,
 * `alicloud:profile`) are the fallback after `eiam:*`; values left unset in both fall back to
 * the client's own resolution (environment, aliyun CLI profile, the rest of Alibaba's default
 * credential chain).
 *
 * `configure` runs before the first `check`, so {@link checkSettings} makes a missing or
 * half-set credential fail at preview, with the keys it looked for, instead of first at `up`.
 *
 * Settings live only in the provider process's memory: they are read in `configure`, never
 * captured in the serialized provider, and never logged.
 */
import { CREDENTIALS_ADVICE, findCredentialSource } from './client/credentials';

/** Settings from which each provider call builds its API client. */
export interface ProviderSettings {
  /** Region id, e.g. `cn-hangzhou` (config `eiam:region`). */
  readonly region?: string;
  /** Full endpoint URL overriding the regional one, e.g. a local server (config `eiam:endpoint`). */
  readonly endpoint?: string;
  /** AccessKey id (config `eiam:accessKeyId`). */
  readonly accessKeyId?: string;
  /** AccessKey secret (config `eiam:accessKeySecret`, set it with `--secret`). */
  readonly accessKeySecret?: string;
  /** STS security token for temporary credentials (config `eiam:securityToken`). */
  readonly securityToken?: string;
  /** aliyun CLI profile name (config `eiam:profile`). */
  readonly profile?: string;
  /** Request signature version, as the client names it (config `eiam:signatureVersion`). */
  readonly signatureVersion?: string;
  /**
   * Request-rate budget of the provider process, requests per second (config
   * `eiam:maxRequestsPerSecond`; default `EIAM_MAX_REQUESTS_PER_SECOND`, else 100).
   */
  readonly maxRequestsPerSecond?: string;
}

/** The stack config key of each setting. */
export const CONFIG_KEYS: { readonly [K in keyof ProviderSettings]-?: string } = {
  region: 'eiam:region',
  endpoint: 'eiam:endpoint',
  accessKeyId: 'eiam:accessKeyId',
  accessKeySecret: 'eiam:accessKeySecret',
  securityToken: 'eiam:securityToken',
  profile: 'eiam:profile',
  signatureVersion: 'eiam:signatureVersion',
  maxRequestsPerSecond: 'eiam:maxRequestsPerSecond',
};

/** The `alicloud:` key read when the `eiam:` key of a setting is unset. */
export const ALICLOUD_FALLBACK_KEYS: { readonly [K in keyof ProviderSettings]?: string } = {
  region: 'alicloud:region',
  accessKeyId: 'alicloud:accessKey',
  accessKeySecret: 'alicloud:secretKey',
  securityToken: 'alicloud:securityToken',
  profile: 'alicloud:profile',
};

/** The settings that make up one key pair: taken together from one namespace, never mixed. */
const KEY_PAIR: readonly (keyof ProviderSettings)[] = ['accessKeyId', 'accessKeySecret', 'securityToken'];

/** The part of Pulumi's dynamic-provider config object that settings are read from. */
export interface ConfigSource {
  /** The value of a fully qualified key (`eiam:region`), or undefined. */
  get(key: string): string | undefined;
}

/**
 * Reads the provider settings from stack config, `eiam:*` first, then the `alicloud:*`
 * fallbacks; empty strings count as unset. A key pair comes whole from one namespace: when
 * any `eiam:` key of the pair is set, the `alicloud:` pair is ignored.
 */
export function readSettings(config: ConfigSource): ProviderSettings {
  const get = (key: string | undefined): string | undefined => {
    const v = key === undefined ? undefined : config.get(key);
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const out: Record<string, string> = {};
  const eiamPair = KEY_PAIR.some((name) => get(CONFIG_KEYS[name]) !== undefined);
  for (const name of Object.keys(CONFIG_KEYS) as (keyof ProviderSettings)[]) {
    const inPair = KEY_PAIR.includes(name);
    const v = get(CONFIG_KEYS[name]) ?? (inPair && eiamPair ? undefined : get(ALICLOUD_FALLBACK_KEYS[name]));
    if (v !== undefined) out[name] = v;
  }
  return out as ProviderSettings;
}

/** Signature versions `eiam:signatureVersion` accepts. */
export const SIGNATURE_VERSIONS = ['v3', 'rpc'] as const;

/**
 * Checks settings without any network call: the signature version and endpoint are valid, and
 * some credential source exists (explicit keys, a profile, or a source of the default chain in
 * the environment or home directory). Throws an error naming the keys and places looked at;
 * never a value. `env` and `homeDir` are injectable for tests.
 */
export function checkSettings(
  settings: ProviderSettings,
  options: { env?: Readonly<Record<string, string | undefined>>; homeDir?: string } = {},
): ProviderSettings {
  if (
    settings.signatureVersion !== undefined &&
    !(SIGNATURE_VERSIONS as readonly string[]).includes(settings.signatureVersion)
  ) {
    throw new Error(`${CONFIG_KEYS.signatureVersion} must be one of ${SIGNATURE_VERSIONS.join(', ')}`);
  }
  if (settings.endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(settings.endpoint)) {
    throw new Error(`${CONFIG_KEYS.endpoint} must be an http(s) URL such as http://127.0.0.1:8848`);
  }
  const pairKeys = `${CONFIG_KEYS.accessKeyId} and ${CONFIG_KEYS.accessKeySecret} (or ${ALICLOUD_FALLBACK_KEYS.accessKeyId} and ${ALICLOUD_FALLBACK_KEYS.accessKeySecret})`;
  if ((settings.accessKeyId === undefined) !== (settings.accessKeySecret === undefined)) {
    const missing = settings.accessKeyId === undefined ? 'the AccessKey id' : 'the AccessKey secret';
    throw new Error(
      `The stack config sets only half of a key pair: ${missing} is missing. Set both ${pairKeys}.`,
    );
  }
  const report = findCredentialSource({
    accessKeyId: settings.accessKeyId,
    accessKeySecret: settings.accessKeySecret,
    profile: settings.profile,
    env: options.env,
    homeDir: options.homeDir,
  });
  if (report.found === undefined) {
    const looked = [
      `stack config ${pairKeys}`,
      `stack config ${CONFIG_KEYS.profile} (or ${ALICLOUD_FALLBACK_KEYS.profile})`,
      ...report.looked.filter((l) => l.startsWith('environment') || l.includes('file')),
    ];
    throw new Error(
      `No Alibaba Cloud credentials are configured for pulumi-alicloud-eiam. Looked for:\n  - ${looked.join('\n  - ')}\n` +
        `Set them with \`pulumi config set ${CONFIG_KEYS.accessKeyId} <id>\` and ` +
        `\`pulumi config set --secret ${CONFIG_KEYS.accessKeySecret} <secret>\`, or: ${CREDENTIALS_ADVICE}`,
    );
  }
  return settings;
}

/** A config source over a plain map of keys to values (tests, tools). */
export function configFromMap(values: Readonly<Record<string, string | undefined>>): ConfigSource & {
  require(key: string): string;
} {
  return {
    get: (key) => values[key],
    require: (key) => {
      const v = values[key];
      if (v === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return v;
    },
  };
}
