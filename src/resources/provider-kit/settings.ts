/**
 * Provider configuration. Stack config under the `eiam:` namespace reaches every dynamic
 * provider through its `configure` hook; values left unset fall back to the client's own
 * resolution (environment variables, then the aliyun CLI profile).
 *
 * Settings live only in the provider process's memory: they are read in `configure`, never
 * captured in the serialized provider, and never logged.
 */

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

/** The part of Pulumi's dynamic-provider config object that settings are read from. */
export interface ConfigSource {
  /** The value of a fully qualified key (`eiam:region`), or undefined. */
  get(key: string): string | undefined;
}

/** Reads the provider settings from stack config; empty strings count as unset. */
export function readSettings(config: ConfigSource): ProviderSettings {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS)) {
    const v = config.get(key);
    if (typeof v === 'string' && v !== '') out[name] = v;
  }
  return out as ProviderSettings;
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
