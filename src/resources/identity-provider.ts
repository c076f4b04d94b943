/**
 * `IdentityProvider`: an external directory or logon source of an EIAM instance — DingTalk,
 * WeCom, Lark, AD, LDAP, OIDC or SASE (CreateIdentityProvider / GetIdentityProvider /
 * UpdateIdentityProvider / DeleteIdentityProvider), with its authentication switch and
 * configuration (Enable/DisableIdentityProviderAuthn, SetIdentityProviderAuthnConfiguration),
 * inbound and outbound synchronization (Set/GetIdentityProviderUdPullConfiguration,
 * Enable/DisableIdentityProviderUdPull, Set/GetIdentityProviderUdPushConfiguration) and the
 * DingTalk advanced ability (Enable/DisableIdentityProviderAdvancedAbility).
 *
 * The service reports the secrets of the configuration blocks masked: a refresh keeps the value
 * the provider last sent when the mask agrees with it, and shows the masked value (a drift) when
 * it does not. The authentication configuration (`autoCreateUserConfig`, `autoUpdateUserConfig`,
 * `bindingConfig`, `ldapAuthnConfig`) is not reported by any operation: it is written, never
 * read back.
 *
 * Id: `<instanceId>/<identityProviderId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import {
  DINGTALK_VERSIONS,
  EXPRESSION_MAPPING_TYPES,
  IDENTITY_PROVIDER_ADVANCED_TYPES,
  IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES,
  IDENTITY_PROVIDER_CONFIG_BLOCKS,
  IDENTITY_PROVIDER_IMMUTABLE_FIELDS,
  IDENTITY_PROVIDER_LDAP_TYPES,
  IDENTITY_PROVIDER_PULL_TYPES,
  IDENTITY_PROVIDER_PUSH_TYPES,
  IDENTITY_PROVIDER_REQUIRED_FIELDS,
  IDENTITY_PROVIDER_TYPES,
  LDAP_PROTOCOLS,
  MAX_IDENTITY_PROVIDER_NAME,
  PERIODIC_SYNC_TYPES,
  PKCE_CHALLENGE_METHODS,
  SCIM_AUTHN_METHODS,
  TOGGLES,
  identityProviderAuthenticates,
  type DingtalkVersion,
  type ExpressionMappingType,
  type IdentityProviderType,
  type LdapProtocol,
  type PeriodicSyncType,
  type PkceChallengeMethod,
  type ScimAuthnMethod,
  type Toggle,
} from '../catalog';
import { fromWire, toWire } from '../wire';
import { maskAgrees } from './application-config';
import * as identityProviderProviderModule from './providers/identity-provider';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  containsUnknown,
  createOrAdopt,
  defineProvider,
  field,
  fieldTable,
  followUp,
  hasChange,
  idPart,
  intentKeyOf,
  joinId,
  newClientToken,
  parseId,
  typed,
  typeToken,
  unlessNotFound,
  type DeepInput,
  type InputChecker,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

// ---- nested blocks ------------------------------------------------------------------------------

/** DingTalk application of a DingTalk provider. */
export interface IdentityProviderDingtalkConfig {
  /** AppKey of the DingTalk application. */
  appKey: string;
  /** AppSecret (secret). */
  appSecret: string;
  /** CorpId of the organization. Changing it replaces the provider. */
  corpId: string;
  /** Standard or dedicated DingTalk. Changing it replaces the provider. */
  dingtalkVersion?: DingtalkVersion;
  /** EncryptKey of the event subscription (secret). */
  encryptKey?: string;
  /** VerificationToken of the event subscription (secret). */
  verificationToken?: string;
}

/** WeCom self-built application of a WeCom provider. */
export interface IdentityProviderWeComConfig {
  /** CorpId of the organization. Changing it replaces the provider. */
  corpId: string;
  /** AgentId of the application. */
  agentId: string;
  /** CorpSecret of the application (secret). */
  corpSecret: string;
  /** Authorization callback domain. */
  authorizeCallbackDomain?: string;
  /** Trusted domain. */
  trustableDomain?: string;
}

/** Lark self-built application of a Lark provider. */
export interface IdentityProviderLarkConfig {
  /** AppId of the application. */
  appId: string;
  /** AppSecret (secret). */
  appSecret: string;
  /** Enterprise number. Changing it replaces the provider. */
  enterpriseNumber?: string;
  /** EncryptKey (secret). */
  encryptKey?: string;
  /** VerificationToken (secret). */
  verificationToken?: string;
}

/** Connection to an AD or LDAP server. */
export interface IdentityProviderLdapConfig {
  /** Server address. */
  ldapServerHost: string;
  /** Port, 1 to 65535. */
  ldapServerPort: number;
  /** `ldap` or `ldaps`. */
  ldapProtocol?: LdapProtocol;
  /** Bind account (a DN). */
  administratorUsername: string;
  /** Bind password (secret). */
  administratorPassword: string;
  /** StartTLS on a plain `ldap` connection. */
  startTlsStatus?: Toggle;
  /** Whether the server certificate's fingerprint is verified. */
  certificateFingerprintStatus?: Toggle;
  /** Accepted certificate fingerprints. */
  certificateFingerprints?: string[];
}

/** OIDC client settings of an OIDC or SASE provider. */
export interface IdentityProviderOidcConfig {
  /** Client authentication. */
  authnParam: {
    /** Client id. Changing it replaces the provider. */
    clientId: string;
    /** Client secret (secret). */
    clientSecret?: string;
    /** `client_secret_basic` or `client_secret_post`. */
    authnMethod?: ScimAuthnMethod;
  };
  /** The provider's endpoints (see the `getIdentityProviderMetadata` lookup). */
  endpointConfig: {
    /** Issuer. */
    issuer: string;
    /** Authorization endpoint. */
    authorizationEndpoint: string;
    /** Token endpoint. */
    tokenEndpoint?: string;
    /** UserInfo endpoint. */
    userinfoEndpoint?: string;
    /** JWKS URI. */
    jwksUri?: string;
  };
  /** Scopes requested. */
  grantScopes?: string[];
  /** Grant type (`authorization_code`). */
  grantType?: 'authorization_code';
  /** Whether PKCE is used. */
  pkceRequired?: boolean;
  /** PKCE method. */
  pkceChallengeMethod?: PkceChallengeMethod;
}

/** A periodic synchronization schedule. */
export interface IdentityProviderPeriodicSyncConfig {
  /** `cron` (with `periodicSyncCron`) or `time` (with `periodicSyncTimes`). */
  periodicSyncType?: PeriodicSyncType;
  /** Cron expression. */
  periodicSyncCron?: string;
  /** Hours of the day (0–23). */
  periodicSyncTimes?: number[];
}

/** Inbound synchronization (SetIdentityProviderUdPullConfiguration). */
export interface IdentityProviderUdPullConfig {
  /** Whether the provider's change events are applied (default `disabled`). */
  incrementalCallbackStatus?: Toggle;
  /** Whether groups are synchronized. */
  groupSyncStatus?: Toggle;
  /** Whether differences are checked periodically. */
  periodicSyncStatus?: Toggle;
  /** The schedule of the periodic check. */
  periodicSyncConfig?: IdentityProviderPeriodicSyncConfig;
  /** What is synchronized where. */
  udSyncScopeConfig?: {
    /** Source nodes at the provider. */
    sourceScopes?: string[];
    /** The EIAM organizational unit that receives the accounts (`ou_…`). */
    targetScope?: string;
  };
  /** AD/LDAP object classes and filters (AD and LDAP only). */
  ldapUdPullConfig?: {
    userObjectClass?: string;
    userObjectClassCustomFilter?: string;
    organizationUnitObjectClass?: string;
    groupObjectClass?: string;
    groupObjectClassCustomFilter?: string;
    groupMemberAttributeName?: string;
  };
  /** Thresholds of deletions above which a synchronization stops. */
  pullProtectedRule?: {
    userDeletedThreshold?: number;
    organizationalUnitDeletedThreshold?: number;
    groupDeletedThreshold?: number;
  };
}

/** Outbound synchronization (SetIdentityProviderUdPushConfiguration). */
export interface IdentityProviderUdPushConfig {
  /** Incremental callback status (default `disabled`). */
  incrementalCallbackStatus?: Toggle;
  /** Periodic check status. */
  periodicSyncStatus?: Toggle;
  /** The schedule of the periodic check. */
  periodicSyncConfig?: IdentityProviderPeriodicSyncConfig;
  /** What is pushed where: EIAM units to nodes of the provider. */
  udSyncScopeConfigs?: { sourceScopes?: string[]; targetScope: string }[];
  /** AD/LDAP write-back settings (AD and LDAP only). */
  ldapUdPushConfig?: {
    userObjectClass?: string;
    userRdn?: string;
    organizationUnitObjectClass?: string;
    organizationalUnitRdn?: string;
    passwordSyncStatus?: Toggle;
  };
}

/** Automatic creation of accounts at first logon. */
export interface IdentityProviderAutoCreateUserConfig {
  /** On or off. */
  autoCreateUserStatus?: Toggle;
  /** Units new accounts go to (`ou_…`; required when on). */
  targetOrganizationalUnitIds?: string[];
}

/** Automatic update of accounts at logon. */
export interface IdentityProviderAutoUpdateUserConfig {
  /** On or off. */
  autoUpdateUserStatus?: Toggle;
}

/** How a provider's accounts are bound to EIAM accounts. */
export interface IdentityProviderBindingConfig {
  /** Whether accounts are matched automatically by the expressions. */
  autoMatchUserStatus?: Toggle;
  /** Whether users may bind their account by hand. */
  mappingBindingStatus?: Toggle;
  /** Matching rules. */
  autoMatchUserProfileExpressions?: {
    expressionMappingType?: ExpressionMappingType;
    sourceValueExpression: string;
    targetField: string;
    targetFieldDescription?: string;
  }[];
}

/** AD/LDAP logon settings. */
export interface IdentityProviderLdapAuthnConfig {
  /** Attribute users log on with (`mail`, `userPrincipalName`, …). */
  userLoginIdentifier?: string;
  /** User object class. */
  userObjectClass?: string;
  /** Whether a password changed at logon is updated. */
  autoUpdatePasswordStatus?: Toggle;
}

// ---- arguments and field table -------------------------------------------------------------------

/** Arguments of an {@link IdentityProvider}. */
export interface IdentityProviderArgs {
  /** Instance the provider belongs to. Changing it replaces the provider. */
  readonly instanceId: pulumi.Input<string>;
  /** Name, unique in the instance, at most 64 characters. Renamed in place. */
  readonly identityProviderName: pulumi.Input<string>;
  /** Kind of provider (`IDENTITY_PROVIDER_TYPES`). Changing it replaces the provider. */
  readonly identityProviderType: pulumi.Input<IdentityProviderType>;
  /** Logo URL. */
  readonly logoUrl?: pulumi.Input<string>;
  /** Network access endpoint the service reaches the provider through (`nae_…`). */
  readonly networkAccessEndpointId?: pulumi.Input<string>;
  /** DingTalk application (the DingTalk types only, required there). */
  readonly dingtalkAppConfig?: pulumi.Input<DeepInput<IdentityProviderDingtalkConfig>>;
  /** WeCom application (the WeCom type only, required there). */
  readonly weComConfig?: pulumi.Input<DeepInput<IdentityProviderWeComConfig>>;
  /** Lark application (the Lark type only, required there). */
  readonly larkConfig?: pulumi.Input<DeepInput<IdentityProviderLarkConfig>>;
  /** AD/LDAP connection (the AD and LDAP types only, required there). */
  readonly ldapConfig?: pulumi.Input<DeepInput<IdentityProviderLdapConfig>>;
  /** OIDC client (the OIDC and SASE types only, required there). */
  readonly oidcConfig?: pulumi.Input<DeepInput<IdentityProviderOidcConfig>>;
  /** Whether users may log on through the provider. Unset: not managed. */
  readonly authnEnabled?: pulumi.Input<boolean>;
  /** Automatic account creation. Written only (no operation reports it). */
  readonly autoCreateUserConfig?: pulumi.Input<DeepInput<IdentityProviderAutoCreateUserConfig>>;
  /** Automatic account update. Written only. */
  readonly autoUpdateUserConfig?: pulumi.Input<DeepInput<IdentityProviderAutoUpdateUserConfig>>;
  /** Account binding rules. Written only. */
  readonly bindingConfig?: pulumi.Input<DeepInput<IdentityProviderBindingConfig>>;
  /** AD/LDAP logon settings (AD and LDAP only). Written only. */
  readonly ldapAuthnConfig?: pulumi.Input<DeepInput<IdentityProviderLdapAuthnConfig>>;
  /** Inbound synchronization settings (inbound types only). */
  readonly udPullConfig?: pulumi.Input<DeepInput<IdentityProviderUdPullConfig>>;
  /** Whether inbound synchronization runs (needs `udPullConfig.udSyncScopeConfig.targetScope`). */
  readonly udPullEnabled?: pulumi.Input<boolean>;
  /** Outbound synchronization settings (DingTalk push, AD, LDAP). */
  readonly udPushConfig?: pulumi.Input<DeepInput<IdentityProviderUdPushConfig>>;
  /** The DingTalk advanced ability (DingTalk types only). */
  readonly advancedEnabled?: pulumi.Input<boolean>;
}

const enabledFromWire = (raw: unknown) => (raw === undefined ? undefined : raw === 'enabled');

/** A configuration block read back, without the ids the Get answers repeat. */
function configFromWire(raw: unknown): never {
  if (raw === undefined || raw === null) return undefined as never;
  const { identityProviderId: _p, instanceId: _i, ...rest } = fromWire(raw) as Record<string, unknown>;
  const periodic = rest.periodicSyncConfig as { periodicSyncTimes?: unknown[] } | undefined;
  // GetIdentityProviderUdPushConfiguration reports the hours as strings.
  if (periodic?.periodicSyncTimes) periodic.periodicSyncTimes = periodic.periodicSyncTimes.map(Number);
  return rest as never;
}

/** Every field of an identity provider, once. */
export const IDENTITY_PROVIDER_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    identityProviderName: field.string({ required: true, maxLength: MAX_IDENTITY_PROVIDER_NAME }),
    identityProviderType: field.enum(IDENTITY_PROVIDER_TYPES, { required: true, action: 'replace' }),
    logoUrl: field.string({ format: 'url' }),
    networkAccessEndpointId: field.string({ minLength: 1, maxLength: 128 }),
    dingtalkAppConfig: field.object(typed<IdentityProviderDingtalkConfig>(), {
      secretPaths: [['appSecret'], ['encryptKey'], ['verificationToken']],
      fields: {
        appKey: true,
        appSecret: true,
        corpId: true,
        dingtalkVersion: true,
        encryptKey: true,
        verificationToken: true,
      },
    }),
    weComConfig: field.object(typed<IdentityProviderWeComConfig>(), {
      secretPaths: [['corpSecret']],
      fields: {
        corpId: true,
        agentId: true,
        corpSecret: true,
        authorizeCallbackDomain: true,
        trustableDomain: true,
      },
    }),
    larkConfig: field.object(typed<IdentityProviderLarkConfig>(), {
      secretPaths: [['appSecret'], ['encryptKey'], ['verificationToken']],
      fields: {
        appId: true,
        appSecret: true,
        enterpriseNumber: true,
        encryptKey: true,
        verificationToken: true,
      },
    }),
    ldapConfig: field.object(typed<IdentityProviderLdapConfig>(), {
      secretPaths: [['administratorPassword']],
      fields: {
        ldapServerHost: true,
        ldapServerPort: true,
        ldapProtocol: true,
        administratorUsername: true,
        administratorPassword: true,
        startTlsStatus: true,
        certificateFingerprintStatus: true,
        certificateFingerprints: true,
      },
    }),
    oidcConfig: field.object(typed<IdentityProviderOidcConfig>(), {
      secretPaths: [['authnParam', 'clientSecret']],
      fields: {
        authnParam: { clientId: true, clientSecret: true, authnMethod: true },
        endpointConfig: {
          issuer: true,
          authorizationEndpoint: true,
          tokenEndpoint: true,
          userinfoEndpoint: true,
          jwksUri: true,
        },
        grantScopes: true,
        grantType: true,
        pkceRequired: true,
        pkceChallengeMethod: true,
      },
    }),
    authnEnabled: field.boolean({ wire: false, read: 'AuthnStatus', fromWire: enabledFromWire }),
    autoCreateUserConfig: field.object(typed<IdentityProviderAutoCreateUserConfig>(), {
      wire: false,
      writeOnly: true,
      fields: { autoCreateUserStatus: true, targetOrganizationalUnitIds: true },
    }),
    autoUpdateUserConfig: field.object(typed<IdentityProviderAutoUpdateUserConfig>(), {
      wire: false,
      writeOnly: true,
      fields: { autoUpdateUserStatus: true },
    }),
    bindingConfig: field.object(typed<IdentityProviderBindingConfig>(), {
      wire: false,
      writeOnly: true,
      fields: {
        autoMatchUserStatus: true,
        mappingBindingStatus: true,
        autoMatchUserProfileExpressions: {
          expressionMappingType: true,
          sourceValueExpression: true,
          targetField: true,
          targetFieldDescription: true,
        },
      },
    }),
    ldapAuthnConfig: field.object(typed<IdentityProviderLdapAuthnConfig>(), {
      wire: false,
      writeOnly: true,
      fields: { userLoginIdentifier: true, userObjectClass: true, autoUpdatePasswordStatus: true },
    }),
    udPullConfig: field.object(typed<IdentityProviderUdPullConfig>(), {
      wire: false,
      read: 'UdPullConfiguration',
      fromWire: configFromWire,
      fields: {
        incrementalCallbackStatus: true,
        groupSyncStatus: true,
        periodicSyncStatus: true,
        periodicSyncConfig: { periodicSyncType: true, periodicSyncCron: true, periodicSyncTimes: true },
        udSyncScopeConfig: { sourceScopes: true, targetScope: true },
        ldapUdPullConfig: {
          userObjectClass: true,
          userObjectClassCustomFilter: true,
          organizationUnitObjectClass: true,
          groupObjectClass: true,
          groupObjectClassCustomFilter: true,
          groupMemberAttributeName: true,
        },
        pullProtectedRule: {
          userDeletedThreshold: true,
          organizationalUnitDeletedThreshold: true,
          groupDeletedThreshold: true,
        },
      },
    }),
    udPullEnabled: field.boolean({ wire: false, read: 'UdPullStatus', fromWire: enabledFromWire }),
    udPushConfig: field.object(typed<IdentityProviderUdPushConfig>(), {
      wire: false,
      read: 'UdPushConfiguration',
      fromWire: configFromWire,
      fields: {
        incrementalCallbackStatus: true,
        periodicSyncStatus: true,
        periodicSyncConfig: { periodicSyncType: true, periodicSyncCron: true, periodicSyncTimes: true },
        udSyncScopeConfigs: { sourceScopes: true, targetScope: true },
        ldapUdPushConfig: {
          userObjectClass: true,
          userRdn: true,
          organizationUnitObjectClass: true,
          organizationalUnitRdn: true,
          passwordSyncStatus: true,
        },
      },
    }),
    advancedEnabled: field.boolean({ wire: false, read: 'AdvancedStatus', fromWire: enabledFromWire }),
  },
  outputs: {
    /** Identity provider id (`idp_…`). */
    identityProviderId: field.string({ required: true }),
    /** The product behind the provider (`urn:alibaba:idaas:idp:alibaba:dingtalk`, …). */
    authnSourceSupplier: field.string(),
    /** The logon protocol (`urn:alibaba:idaas:authntype:oidc` for OIDC and SASE). */
    authnSourceType: field.string(),
    /** Whether outbound synchronization is configured (`enabled`/`disabled`). */
    udPushStatus: field.string(),
    /** Result of the last status check (see the `getIdentityProviderStatusCheck` lookup). */
    lastStatusCheckJobResult: field.string(),
    /** External id (the organization's CorpId or enterprise number, if any). */
    identityProviderExternalId: field.string(),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
  deleteBeforeReplace: true,
});
argsMatchTable<IdentityProviderArgs, typeof IDENTITY_PROVIDER_FIELDS>();

/** Checked inputs of an identity provider. */
export type IdentityProviderInputs = InputsOf<typeof IDENTITY_PROVIDER_FIELDS>;
/** Outputs of an identity provider. */
export type IdentityProviderOutputs = OutputsOf<typeof IDENTITY_PROVIDER_FIELDS>;
/** What a change to each input means. */
export const IDENTITY_PROVIDER_DIFF = IDENTITY_PROVIDER_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'identityProviderId'] as const;
const F = IDENTITY_PROVIDER_FIELDS;
type Bag = Record<string, unknown>;
type BlockKey = 'dingtalkAppConfig' | 'weComConfig' | 'larkConfig' | 'ldapConfig' | 'oidcConfig';
const AUTHN_KEYS = [
  'autoCreateUserConfig',
  'autoUpdateUserConfig',
  'bindingConfig',
  'ldapAuthnConfig',
] as const;

const camel = (wire: string) =>
  wire
    .split('.')
    .map((p) => p.charAt(0).toLowerCase() + p.slice(1))
    .join('.');
const blockKey = (wire: string) => camel(wire) as BlockKey;

function valueAt(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Bag)[key] : undefined;
  return v;
}

/** Where the configuration blocks keep secrets (the service masks them when read). */
export const IDENTITY_PROVIDER_SECRET_PATHS: readonly (readonly string[])[] = F.secretInputs;

/**
 * `live` with each masked secret replaced by the value last sent (`known`) when the mask agrees
 * with it; a secret changed elsewhere stays masked and shows as drift.
 */
function restoreSecrets(live: Bag, known: Bag): void {
  for (const path of IDENTITY_PROVIDER_SECRET_PATHS) {
    const [block, ...rest] = path;
    const liveBlock = live[block] as Bag | undefined;
    const masked = valueAt(liveBlock, rest.join('.'));
    const plain = valueAt(known[block], rest.join('.'));
    if (typeof masked !== 'string' || typeof plain !== 'string' || !maskAgrees(masked, plain)) continue;
    let cur = liveBlock as Bag;
    for (const key of rest.slice(0, -1)) cur = cur[key] as Bag;
    cur[rest[rest.length - 1]] = plain;
  }
}

async function fetchProvider(
  ctx: ProviderContext,
  instanceId: string,
  identityProviderId: string,
  known: Partial<IdentityProviderInputs>,
): Promise<IdentityProviderOutputs | undefined> {
  const key = { InstanceId: instanceId, IdentityProviderId: identityProviderId };
  const res = await unlessNotFound(ctx.client.call('GetIdentityProvider', key));
  const detail = res?.IdentityProviderDetail;
  if (!detail) return undefined;
  const type = detail.IdentityProviderType as IdentityProviderType;
  const item: Bag = { ...detail };
  if (IDENTITY_PROVIDER_PULL_TYPES.includes(type))
    item.UdPullConfiguration = (
      await ctx.client.call('GetIdentityProviderUdPullConfiguration', key)
    ).UdPullConfiguration;
  if (IDENTITY_PROVIDER_PUSH_TYPES.includes(type))
    item.UdPushConfiguration = (
      await ctx.client.call('GetIdentityProviderUdPushConfiguration', key)
    ).UdPushConfiguration;
  const outs = F.read(item, { instanceId, ...F.carried(known) }) as IdentityProviderOutputs & Bag;
  restoreSecrets(outs, known as Bag);
  // GetIdentityProviderUdPullConfiguration does not report the hours of a `time` schedule.
  const hours = known.udPullConfig?.periodicSyncConfig?.periodicSyncTimes;
  const periodic = outs.udPullConfig?.periodicSyncConfig;
  if (hours && periodic && periodic.periodicSyncTimes === undefined) periodic.periodicSyncTimes = hours;
  return outs;
}

function authnRequest(inputs: Partial<IdentityProviderInputs>) {
  return {
    AutoCreateUserConfig: inputs.autoCreateUserConfig && toWire(inputs.autoCreateUserConfig),
    AutoUpdateUserConfig: inputs.autoUpdateUserConfig && toWire(inputs.autoUpdateUserConfig),
    BindingConfig: inputs.bindingConfig && toWire(inputs.bindingConfig),
    LdapAuthnConfig: inputs.ldapAuthnConfig && toWire(inputs.ldapAuthnConfig),
  };
}

function pullRequest(config: IdentityProviderUdPullConfig) {
  return { ...toWire(config), IncrementalCallbackStatus: config.incrementalCallbackStatus ?? 'disabled' };
}

function pushRequest(config: IdentityProviderUdPushConfig) {
  return { ...toWire(config), IncrementalCallbackStatus: config.incrementalCallbackStatus ?? 'disabled' };
}

/** The block request of UpdateIdentityProvider: the fields it cannot change left out. */
function updatableBlock(blockName: string, value: unknown): unknown {
  const wire = structuredClone(value) as Bag;
  for (const path of IDENTITY_PROVIDER_IMMUTABLE_FIELDS[
    blockName as keyof typeof IDENTITY_PROVIDER_IMMUTABLE_FIELDS
  ] ?? []) {
    const keys = path.split('.');
    let cur: Bag | undefined = wire;
    for (const k of keys.slice(0, -1)) cur = cur?.[k] as Bag | undefined;
    if (cur) delete cur[keys[keys.length - 1]];
  }
  return wire;
}

// ---- check and diff -----------------------------------------------------------------------------

const NESTED_ENUMS: readonly [string, readonly string[]][] = [
  ['dingtalkAppConfig.dingtalkVersion', DINGTALK_VERSIONS],
  ['ldapConfig.ldapProtocol', LDAP_PROTOCOLS],
  ['ldapConfig.startTlsStatus', TOGGLES],
  ['ldapConfig.certificateFingerprintStatus', TOGGLES],
  ['oidcConfig.authnParam.authnMethod', SCIM_AUTHN_METHODS],
  ['oidcConfig.pkceChallengeMethod', PKCE_CHALLENGE_METHODS],
  ['oidcConfig.grantType', ['authorization_code']],
  ['autoCreateUserConfig.autoCreateUserStatus', TOGGLES],
  ['autoUpdateUserConfig.autoUpdateUserStatus', TOGGLES],
  ['bindingConfig.autoMatchUserStatus', TOGGLES],
  ['bindingConfig.mappingBindingStatus', TOGGLES],
  ['ldapAuthnConfig.autoUpdatePasswordStatus', TOGGLES],
  ['udPullConfig.incrementalCallbackStatus', TOGGLES],
  ['udPullConfig.groupSyncStatus', TOGGLES],
  ['udPullConfig.periodicSyncStatus', TOGGLES],
  ['udPullConfig.periodicSyncConfig.periodicSyncType', PERIODIC_SYNC_TYPES],
  ['udPushConfig.incrementalCallbackStatus', TOGGLES],
  ['udPushConfig.periodicSyncStatus', TOGGLES],
  ['udPushConfig.periodicSyncConfig.periodicSyncType', PERIODIC_SYNC_TYPES],
  ['udPushConfig.ldapUdPushConfig.passwordSyncStatus', TOGGLES],
];

function checkNested(c: InputChecker, news: Bag): void {
  for (const [path, allowed] of NESTED_ENUMS) {
    const v = valueAt(news, path);
    if (v !== undefined && !containsUnknown(v) && !(allowed as readonly unknown[]).includes(v))
      c.fail(path, `${path} must be one of: ${allowed.join(', ')}`);
  }
  const port = valueAt(news, 'ldapConfig.ldapServerPort');
  if (
    port !== undefined &&
    !containsUnknown(port) &&
    !(Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535)
  )
    c.fail('ldapConfig.ldapServerPort', 'ldapConfig.ldapServerPort must be an integer between 1 and 65535');
  for (const [i, e] of (
    (valueAt(news, 'bindingConfig.autoMatchUserProfileExpressions') as Bag[] | undefined) ?? []
  ).entries()) {
    const where = `bindingConfig.autoMatchUserProfileExpressions[${i}]`;
    if (
      e.expressionMappingType !== undefined &&
      !containsUnknown(e.expressionMappingType) &&
      !(EXPRESSION_MAPPING_TYPES as readonly unknown[]).includes(e.expressionMappingType)
    )
      c.fail(
        `${where}.expressionMappingType`,
        `${where}.expressionMappingType must be one of: ${EXPRESSION_MAPPING_TYPES.join(', ')}`,
      );
    for (const k of ['sourceValueExpression', 'targetField'])
      if (!e[k]) c.fail(`${where}.${k}`, `${where}.${k} is required`);
  }
  const create = news.autoCreateUserConfig as Bag | undefined;
  const targets = create?.targetOrganizationalUnitIds;
  if (create && !containsUnknown(create)) {
    if (create.autoCreateUserStatus === 'enabled' && !(Array.isArray(targets) && targets.length))
      c.fail(
        'autoCreateUserConfig.targetOrganizationalUnitIds',
        'autoCreateUserConfig.targetOrganizationalUnitIds is required when autoCreateUserStatus is enabled',
      );
    for (const [i, id] of (Array.isArray(targets) ? targets : []).entries())
      if (typeof id !== 'string' || !/^ou_[a-z0-9]+$/.test(id))
        c.fail(
          `autoCreateUserConfig.targetOrganizationalUnitIds[${i}]`,
          `autoCreateUserConfig.targetOrganizationalUnitIds[${i}] must be an organizational unit id (ou_…)`,
        );
  }
  const target = valueAt(news, 'udPullConfig.udSyncScopeConfig.targetScope');
  if (typeof target === 'string' && !containsUnknown(target) && !/^ou_[a-z0-9]+$/.test(target))
    c.fail(
      'udPullConfig.udSyncScopeConfig.targetScope',
      'udPullConfig.udSyncScopeConfig.targetScope must be an organizational unit id (ou_…)',
    );
}

function checkForType(c: InputChecker, news: Bag, type: IdentityProviderType): void {
  const ownWire = IDENTITY_PROVIDER_CONFIG_BLOCKS[type];
  const own = blockKey(ownWire);
  for (const wire of IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES) {
    const name = blockKey(wire);
    if (name !== own && c.present(name))
      c.fail(name, `${name} does not apply to identity providers of type ${type}; they take ${own}`);
  }
  if (!c.present(own)) c.fail(own, `${own} is required for identity providers of type ${type}`);
  else if (!containsUnknown(news[own]) || typeof news[own] === 'object') {
    for (const path of IDENTITY_PROVIDER_REQUIRED_FIELDS[ownWire]) {
      const v = valueAt(news[own], camel(path));
      if (v === undefined || v === null || v === '')
        c.fail(`${own}.${camel(path)}`, `${own}.${camel(path)} is required`);
    }
  }
  const ldap = IDENTITY_PROVIDER_LDAP_TYPES.includes(type);
  const rules: [boolean, string, string][] = [
    [
      c.present('udPullConfig') && !IDENTITY_PROVIDER_PULL_TYPES.includes(type),
      'udPullConfig',
      'inbound synchronization',
    ],
    [
      news.udPullEnabled === true && !IDENTITY_PROVIDER_PULL_TYPES.includes(type),
      'udPullEnabled',
      'inbound synchronization',
    ],
    [
      c.present('udPushConfig') && !IDENTITY_PROVIDER_PUSH_TYPES.includes(type),
      'udPushConfig',
      'outbound synchronization',
    ],
    [news.authnEnabled === true && !identityProviderAuthenticates(type), 'authnEnabled', 'authentication'],
    [
      news.advancedEnabled === true && !IDENTITY_PROVIDER_ADVANCED_TYPES.includes(type),
      'advancedEnabled',
      'advanced ability',
    ],
    [c.present('ldapAuthnConfig') && !ldap, 'ldapAuthnConfig', 'AD/LDAP logon settings'],
    [
      valueAt(news, 'udPullConfig.ldapUdPullConfig') !== undefined && !ldap,
      'udPullConfig.ldapUdPullConfig',
      'AD/LDAP settings',
    ],
    [
      valueAt(news, 'udPushConfig.ldapUdPushConfig') !== undefined && !ldap,
      'udPushConfig.ldapUdPushConfig',
      'AD/LDAP settings',
    ],
  ];
  for (const [broken, property, what] of rules)
    if (broken) c.fail(property, `identity providers of type ${type} have no ${what} (${property})`);
}

/** The configuration blocks whose fields UpdateIdentityProvider cannot change, where they changed. */
function immutableChanges(olds: Bag, news: Bag): string[] {
  const out: string[] = [];
  for (const wire of IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES) {
    const name = blockKey(wire);
    if (news[name] === undefined || olds[name] === undefined) continue;
    for (const path of IDENTITY_PROVIDER_IMMUTABLE_FIELDS[wire]) {
      const before = valueAt(olds[name], camel(path));
      const after = valueAt(news[name], camel(path));
      if (after !== undefined && (containsUnknown(after) || before !== after)) out.push(name);
    }
  }
  return [...new Set(out)];
}

// ---- provider -----------------------------------------------------------------------------------

/** The identity provider's implementation (called through {@link identityProviderProvider}). */
export const identityProviderImplementation = defineProvider({
  kind: 'IdentityProvider',
  table: IDENTITY_PROVIDER_FIELDS,
  recordedOutput: 'identityProviderId',
  idParts: ID_PARTS,

  check(_olds, news) {
    const c = F.checker(news);
    const type = news.identityProviderType;
    if (typeof type === 'string' && (IDENTITY_PROVIDER_TYPES as readonly string[]).includes(type))
      checkForType(c, news, type as IdentityProviderType);
    if (news.udPullEnabled === true && !containsUnknown(news.udPullConfig)) {
      if (!valueAt(news, 'udPullConfig.udSyncScopeConfig.targetScope'))
        c.fail('udPullEnabled', 'udPullEnabled needs udPullConfig.udSyncScopeConfig.targetScope');
    }
    checkNested(c, news);
    return c.result(news as IdentityProviderInputs);
  },

  diff(_id, olds, news) {
    const result = F.diff(olds, news);
    const replaced = immutableChanges(olds as Bag, news as Bag);
    if (!replaced.length) return result;
    return {
      ...result,
      changes: true,
      replaces: [...new Set([...(result.replaces ?? []), ...replaced])],
      deleteBeforeReplace: true,
    };
  },

  async create(ctx, inputs) {
    const what = `IdentityProvider '${inputs.identityProviderName}' in instance ${inputs.instanceId}`;
    const token = newClientToken('idp');
    const { id: identityProviderId } = await createOrAdopt({
      what,
      intentKey: intentKeyOf(ctx.settings, what),
      uniqueKey: true,
      create: async () =>
        (
          await ctx.client.call('CreateIdentityProvider', {
            ...F.request(inputs, { create: true }),
            ClientToken: token,
            AuthnConfig:
              inputs.authnEnabled === undefined ? undefined : { AuthnStatus: toggle(inputs.authnEnabled) },
          })
        ).IdentityProviderId ?? '',
      find: async () =>
        (await ctx.client.listAll('ListIdentityProviders', { InstanceId: inputs.instanceId }))
          .filter((p) => p.IdentityProviderName === inputs.identityProviderName)
          .map((p) => p.IdentityProviderId ?? ''),
    });
    const id = joinId(inputs.instanceId, identityProviderId);
    const key = { InstanceId: inputs.instanceId, IdentityProviderId: identityProviderId };
    const known = { ...inputs, identityProviderId };
    const step = (what: string, work: () => Promise<unknown>) =>
      followUp('IdentityProvider', id, known, what, work);
    if (AUTHN_KEYS.some((k) => inputs[k] !== undefined))
      await step('setting its authentication configuration', () =>
        ctx.client.call('SetIdentityProviderAuthnConfiguration', { ...key, ...authnRequest(inputs) }),
      );
    if (inputs.udPullConfig)
      await step('setting its inbound synchronization', () =>
        ctx.client.call('SetIdentityProviderUdPullConfiguration', {
          ...key,
          ...pullRequest(inputs.udPullConfig!),
        }),
      );
    if (inputs.udPushConfig)
      await step('setting its outbound synchronization', () =>
        ctx.client.call('SetIdentityProviderUdPushConfiguration', {
          ...key,
          ...pushRequest(inputs.udPushConfig!),
        }),
      );
    if (inputs.udPullEnabled)
      await step('enabling inbound synchronization', () =>
        ctx.client.call('EnableIdentityProviderUdPull', key),
      );
    if (inputs.advancedEnabled)
      await step('enabling the advanced ability', () =>
        ctx.client.call('EnableIdentityProviderAdvancedAbility', key),
      );
    const outs = await step('reading it back', () =>
      fetchProvider(ctx, inputs.instanceId, identityProviderId, inputs),
    );
    return { id, outs: (outs as IdentityProviderOutputs | undefined) ?? known };
  },

  async read(ctx, id, props) {
    const { instanceId, identityProviderId } = parseId('IdentityProvider', id, ID_PARTS);
    assertDeclaredMatches('IdentityProvider', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchProvider(ctx, instanceId, identityProviderId, props);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, identityProviderId } = parseId('IdentityProvider', id, ID_PARTS);
    const key = { InstanceId: instanceId, IdentityProviderId: identityProviderId };
    const changes = F.changes(olds, news);
    const changed = (name: string) => hasChange(changes, name);
    const fetchOrOlds = async () =>
      ((await fetchProvider(ctx, instanceId, identityProviderId, news)) ?? olds) as Bag;
    const step = (what: string, work: () => Promise<unknown>) =>
      followUp('IdentityProvider', id, () => fetchOrOlds(), what, work, 'updated');
    if (changed('udPullEnabled') && news.udPullEnabled === false)
      await step('disabling inbound synchronization', () =>
        ctx.client.call('DisableIdentityProviderUdPull', key),
      );
    const basics = F.request(news, {
      only: [
        'identityProviderName',
        'logoUrl',
        'networkAccessEndpointId',
        'dingtalkAppConfig',
        'weComConfig',
        'larkConfig',
        'ldapConfig',
        'oidcConfig',
      ],
      changes,
    });
    if (basics) {
      const request: Bag = { ...key, ...basics };
      for (const wire of IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES)
        if (request[wire] !== undefined) request[wire] = updatableBlock(wire, request[wire]);
      await ctx.client.call('UpdateIdentityProvider', request as never);
    }
    if (AUTHN_KEYS.some(changed))
      await step('setting its authentication configuration', () =>
        ctx.client.call('SetIdentityProviderAuthnConfiguration', { ...key, ...authnRequest(news) }),
      );
    if (changed('udPullConfig') && news.udPullConfig)
      await step('setting its inbound synchronization', () =>
        ctx.client.call('SetIdentityProviderUdPullConfiguration', {
          ...key,
          ...pullRequest(news.udPullConfig!),
        }),
      );
    if (changed('udPushConfig') && news.udPushConfig)
      await step('setting its outbound synchronization', () =>
        ctx.client.call('SetIdentityProviderUdPushConfiguration', {
          ...key,
          ...pushRequest(news.udPushConfig!),
        }),
      );
    if (changed('authnEnabled') && news.authnEnabled !== undefined)
      await step('switching authentication', () =>
        ctx.client.call(
          news.authnEnabled ? 'EnableIdentityProviderAuthn' : 'DisableIdentityProviderAuthn',
          key,
        ),
      );
    if (changed('advancedEnabled') && news.advancedEnabled !== undefined)
      await step('switching the advanced ability', () =>
        ctx.client.call(
          news.advancedEnabled
            ? 'EnableIdentityProviderAdvancedAbility'
            : 'DisableIdentityProviderAdvancedAbility',
          key,
        ),
      );
    if (changed('udPullEnabled') && news.udPullEnabled === true)
      await step('enabling inbound synchronization', () =>
        ctx.client.call('EnableIdentityProviderUdPull', key),
      );
    const outs = await fetchProvider(ctx, instanceId, identityProviderId, news);
    if (!outs) throw new Error(`IdentityProvider ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, identityProviderId } = parseId('IdentityProvider', id, ID_PARTS);
    await unlessNotFound(
      ctx.client.call('DeleteIdentityProvider', {
        InstanceId: instanceId,
        IdentityProviderId: identityProviderId,
      }),
    );
  },
});

function toggle(on: boolean): Toggle {
  return on ? 'enabled' : 'disabled';
}

/** The serializable provider of {@link IdentityProvider} (its provider module, stored as a `require`). */
export const identityProviderProvider: pulumi.dynamic.ResourceProvider = identityProviderProviderModule;

/**
 * An identity provider of an EIAM instance: an AD/LDAP directory, a DingTalk, WeCom or Lark
 * organization, or an OIDC (or SASE) logon source.
 *
 * ```ts
 * const ldap = new eiam.IdentityProvider('corp-ldap', {
 *   instanceId: instance.instanceId,
 *   identityProviderName: 'Corp LDAP',
 *   identityProviderType: 'urn:alibaba:idaas:idp:unknown:ldap:pull',
 *   ldapConfig: { ldapServerHost: '10.0.0.5', ldapServerPort: 636, ldapProtocol: 'ldaps',
 *     administratorUsername: 'cn=admin,dc=example,dc=com', administratorPassword: bindPassword },
 *   authnEnabled: true,
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/idp_xxx' }` (declare the same `instanceId`,
 * name, type and configuration block; secrets are not reported, so declare them too).
 */
export class IdentityProvider extends EiamResource {
  /** Outputs marked secret in state (the secrets inside the blocks are secret leaf by leaf). */
  static readonly secretOutputs: readonly string[] = F.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Identity provider id (`idp_…`). */
  declare readonly identityProviderId: pulumi.Output<string>;
  /** Name. */
  declare readonly identityProviderName: pulumi.Output<string>;
  /** Kind of provider. */
  declare readonly identityProviderType: pulumi.Output<IdentityProviderType>;
  /** Logo URL. */
  declare readonly logoUrl: pulumi.Output<string | undefined>;
  /** Network access endpoint. */
  declare readonly networkAccessEndpointId: pulumi.Output<string | undefined>;
  /** DingTalk application, as last sent (secrets as sent, secret in state). */
  declare readonly dingtalkAppConfig: pulumi.Output<IdentityProviderDingtalkConfig | undefined>;
  /** WeCom application. */
  declare readonly weComConfig: pulumi.Output<IdentityProviderWeComConfig | undefined>;
  /** Lark application. */
  declare readonly larkConfig: pulumi.Output<IdentityProviderLarkConfig | undefined>;
  /** AD/LDAP connection. */
  declare readonly ldapConfig: pulumi.Output<IdentityProviderLdapConfig | undefined>;
  /** OIDC client. */
  declare readonly oidcConfig: pulumi.Output<IdentityProviderOidcConfig | undefined>;
  /** Whether users may log on through the provider. */
  declare readonly authnEnabled: pulumi.Output<boolean | undefined>;
  /** Automatic account creation, as declared. */
  declare readonly autoCreateUserConfig: pulumi.Output<IdentityProviderAutoCreateUserConfig | undefined>;
  /** Automatic account update, as declared. */
  declare readonly autoUpdateUserConfig: pulumi.Output<IdentityProviderAutoUpdateUserConfig | undefined>;
  /** Account binding rules, as declared. */
  declare readonly bindingConfig: pulumi.Output<IdentityProviderBindingConfig | undefined>;
  /** AD/LDAP logon settings, as declared. */
  declare readonly ldapAuthnConfig: pulumi.Output<IdentityProviderLdapAuthnConfig | undefined>;
  /** Inbound synchronization settings. */
  declare readonly udPullConfig: pulumi.Output<IdentityProviderUdPullConfig | undefined>;
  /** Whether inbound synchronization runs. */
  declare readonly udPullEnabled: pulumi.Output<boolean | undefined>;
  /** Outbound synchronization settings. */
  declare readonly udPushConfig: pulumi.Output<IdentityProviderUdPushConfig | undefined>;
  /** Whether the advanced ability is on. */
  declare readonly advancedEnabled: pulumi.Output<boolean | undefined>;
  /** The product behind the provider. */
  declare readonly authnSourceSupplier: pulumi.Output<string | undefined>;
  /** The logon protocol. */
  declare readonly authnSourceType: pulumi.Output<string | undefined>;
  /** Whether outbound synchronization is configured. */
  declare readonly udPushStatus: pulumi.Output<string | undefined>;
  /** Result of the last status check. */
  declare readonly lastStatusCheckJobResult: pulumi.Output<string | undefined>;
  /** External id. */
  declare readonly identityProviderExternalId: pulumi.Output<string | undefined>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;

  /** Declares an identity provider. */
  constructor(name: string, args: IdentityProviderArgs, opts?: pulumi.CustomResourceOptions) {
    super(identityProviderProvider, 'IdentityProvider', F, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.identityProviderId = idPart(this.id, 1);
  }
}

classMatchesTable<IdentityProvider, typeof IDENTITY_PROVIDER_FIELDS>();

/** The type token of {@link IdentityProvider}. */
export const IDENTITY_PROVIDER_TYPE = typeToken('IdentityProvider');
