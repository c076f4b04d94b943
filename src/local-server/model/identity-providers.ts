/**
 * Identity providers (external directories and logon sources), their authentication,
 * inbound (pull) and outbound (push) synchronization settings, status-check jobs, metadata
 * resolution, and the instance's internal authentication sources.
 *
 * Rules:
 * - The type decides the one configuration block a provider takes: DingTalk (pull or push)
 *   `DingtalkAppConfig`, WeCom `WeComConfig`, Lark `LarkConfig`, AD and LDAP `LdapConfig`, standard
 *   OIDC and SASE `OidcConfig`. The block is required at creation, with the fields a connection
 *   needs; a block of another type is refused (`InvalidParameter.<Block>`). No listed type takes
 *   `SamlConfig`, so it is refused too.
 * - Only the inbound types (DingTalk pull, WeCom, Lark, AD, LDAP) take a pull configuration;
 *   `LdapUdPullConfig` only AD and LDAP. Only DingTalk push, AD and LDAP (write-back) take a push
 *   configuration; `LdapUdPushConfig` only AD and LDAP. Anything else is
 *   `OperationDenied.IdentityProviderType`. Inbound synchronization can be enabled only once a
 *   pull configuration with a target organizational unit is set.
 * - Every provider type but DingTalk push authenticates; enabling authentication on it is refused.
 *   The advanced ability is DingTalk's only.
 * - Organizational units named as auto-create targets or as the pull target must exist; deleting
 *   such a unit removes it from the targets (and turns inbound synchronization off when it was
 *   the pull target). Names are unique per instance.
 * - Secrets (app secrets, encrypt keys, verification tokens, LDAP administrator password, OIDC
 *   client secret, WeCom corp secret) are stored as given and reported masked.
 * - A status-check job completes at once: it checks the stored configuration, and reports the
 *   network check as not performed (this server never connects to an identity provider).
 * - Metadata resolution never does network I/O: it reads a `data:` URL given inline, or the
 *   provider's stored OIDC endpoints; any other URL is `OperationFailed.MetadataUnreachable`.
 */
import type {
  CreateIdentityProviderRequest,
  SetIdentityProviderAuthnConfigurationRequest,
  SetIdentityProviderUdPullConfigurationRequest,
  SetIdentityProviderUdPushConfigurationRequest,
  UpdateIdentityProviderRequest,
} from '../../catalog';
import {
  DINGTALK_LOGIN_VERSIONS,
  DINGTALK_VERSIONS,
  EXPRESSION_MAPPING_TYPES,
  IDENTITY_PROVIDER_DIRECTIONS,
  IDENTITY_PROVIDER_TYPES,
  LDAP_PROTOCOLS,
  PERIODIC_SYNC_TYPES,
  PKCE_CHALLENGE_METHODS,
  SCIM_AUTHN_METHODS,
  TOGGLES,
  IDENTITY_PROVIDER_ADVANCED_TYPES,
  IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES,
  IDENTITY_PROVIDER_CONFIG_BLOCKS,
  IDENTITY_PROVIDER_LDAP_TYPES,
  IDENTITY_PROVIDER_PULL_TYPES,
  IDENTITY_PROVIDER_PUSH_TYPES,
  IDENTITY_PROVIDER_REQUIRED_FIELDS,
  MAX_IDENTITY_PROVIDER_NAME,
  identityProviderAuthenticates,
  type IdentityProviderConfigBlock,
  type IdentityProviderType,
  type Toggle,
} from '../../catalog';
import type { Camel } from '../../catalog/case';
import type { ModelContext } from './context';
import {
  alreadyExists,
  EiamError,
  invalidParameter,
  missingParameter,
  notFound,
  operationDenied,
} from './errors';
import { pageOfSorted, pageRequest, tokenRequest, type Page } from './paging';
import type { InstanceState } from './state';
import { checkHttpUrl, checkIntegerRange, checkOneOf, requiredText } from './validate';
import { maskSecret } from './application-secrets';

type Block<T> = Camel<NonNullable<T>>;
type CreateRequest = CreateIdentityProviderRequest;

/** DingTalk application settings (`DingtalkAppConfig`). */
export type DingtalkAppConfig = Block<CreateRequest['DingtalkAppConfig']> & { dingtalkLoginVersion?: string };
/** WeCom application settings (`WeComConfig`). */
export type WeComConfig = Block<CreateRequest['WeComConfig']>;
/** Lark application settings (`LarkConfig`). */
export type LarkConfig = Block<CreateRequest['LarkConfig']>;
/** AD/LDAP connection settings (the `LdapConfig` fields GetIdentityProvider reports). */
export type LdapConnection = Block<UpdateIdentityProviderRequest['LdapConfig']>;
/** OIDC settings (`OidcConfig`). */
export type OidcConfig = Block<CreateRequest['OidcConfig']>;
type Scoped<T> = Omit<T, 'InstanceId' | 'IdentityProviderId'>;
/** SetIdentityProviderAuthnConfiguration settings. */
export type AuthnConfiguration = Camel<Scoped<SetIdentityProviderAuthnConfigurationRequest>>;
/** SetIdentityProviderUdPullConfiguration settings. */
export type UdPullConfiguration = Camel<Scoped<SetIdentityProviderUdPullConfigurationRequest>>;
/** SetIdentityProviderUdPushConfiguration settings. */
export type UdPushConfiguration = Camel<Scoped<SetIdentityProviderUdPushConfigurationRequest>>;

/** One check item of a status-check job. */
export interface StatusCheckItem {
  majorCheckItem: string;
  minorCheckItem: string;
  result: string;
  errorReason?: { errorCode: string; errorLevel: string; errorMessage: string };
}

/** A status-check job (kept with its provider; the last {@link MAX_STATUS_CHECK_JOBS}). */
export interface StatusCheckJobState {
  identityProviderStatusCheckJobId: string;
  status: string;
  checkResult: string;
  startTime: number;
  endTime: number;
  jobCheckItems: StatusCheckItem[];
}

/** An identity provider. */
export interface IdentityProviderState {
  identityProviderId: string;
  instanceId: string;
  seq: number;
  identityProviderName: string;
  identityProviderType: IdentityProviderType;
  logoUrl?: string;
  networkAccessEndpointId?: string;
  createTime: number;
  updateTime: number;
  authnStatus: Toggle;
  advancedStatus: Toggle;
  udPullStatus: Toggle;
  lastStatusCheckJobResult?: string;
  dingtalkAppConfig?: DingtalkAppConfig;
  weComConfig?: WeComConfig;
  larkConfig?: LarkConfig;
  ldapConfig?: LdapConnection;
  oidcConfig?: OidcConfig;
  /** Authentication settings (automatic creation, update and binding of accounts). */
  authn: AuthnConfiguration & { autoUpdatePasswordStatus?: Toggle };
  udPull?: UdPullConfiguration;
  udPush?: UdPushConfiguration;
  statusCheckJobs: StatusCheckJobState[];
}

/** Most status-check jobs a provider keeps (the oldest is dropped). */
export const MAX_STATUS_CHECK_JOBS = 10;
/** The internal authentication sources the local server knows, all enabled in a new instance. */
export const INTERNAL_AUTHENTICATION_SOURCES = [
  'ia_password',
  'ia_otp_sms',
  'ia_otp_email',
  'ia_totp',
  'ia_webauthn',
] as const;

type BlockName = IdentityProviderConfigBlock;
const BLOCK_OF = IDENTITY_PROVIDER_CONFIG_BLOCKS;
const REQUIRED_FIELDS = IDENTITY_PROVIDER_REQUIRED_FIELDS;
const PULL_TYPES = IDENTITY_PROVIDER_PULL_TYPES;
const PUSH_TYPES = IDENTITY_PROVIDER_PUSH_TYPES;
const LDAP_TYPES = IDENTITY_PROVIDER_LDAP_TYPES;
const DINGTALK_TYPES = IDENTITY_PROVIDER_ADVANCED_TYPES;

/** Whether providers of this type authenticate users (all but DingTalk push). */
export const authenticates = identityProviderAuthenticates;

/** CreateIdentityProvider input: the request with camelCase keys. */
export type CreateIdentityProviderInput = Camel<Omit<CreateRequest, 'InstanceId'>>;
/** UpdateIdentityProvider input: the request with camelCase keys. */
export type UpdateIdentityProviderInput = Camel<Omit<UpdateIdentityProviderRequest, 'InstanceId'>>;

/** ListIdentityProviders filter. */
export interface ListIdentityProvidersFilter {
  direction?: string;
  pageNumber?: number;
  pageSize?: number;
}

// ---- helpers --------------------------------------------------------------------------------

/** The instance's providers (created on first use for states restored from older snapshots). */
export function providersOf(inst: InstanceState): Map<string, IdentityProviderState> {
  return (inst.identityProviders ??= new Map());
}

/** The provider; `EntityNotExists.IdentityProvider` when unknown in this instance. */
export function requireIdentityProvider(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): { inst: InstanceState; idp: IdentityProviderState } {
  const inst = svc.requireRunningInstance(instanceId);
  const idp = providersOf(inst).get(identityProviderId);
  if (!idp) throw notFound('IdentityProvider', identityProviderId);
  return { inst, idp };
}

function toggle(field: string, value: string | undefined): Toggle | undefined {
  return value === undefined ? undefined : checkOneOf(field, value, TOGGLES);
}

function valueAt(block: unknown, path: string): unknown {
  let v: unknown = block;
  for (const key of path.split('.')) {
    const k = key.charAt(0).toLowerCase() + key.slice(1);
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  }
  return v;
}

function blockOf(input: CreateIdentityProviderInput | UpdateIdentityProviderInput, name: BlockName): unknown {
  return (input as Record<string, unknown>)[name.charAt(0).toLowerCase() + name.slice(1)];
}

function denyType(idp: IdentityProviderState, what: string): EiamError {
  return operationDenied(
    'IdentityProviderType',
    `Identity providers of type ${idp.identityProviderType} have no ${what}.`,
  );
}

function checkUniqueName(inst: InstanceState, name: string, self?: string): void {
  for (const other of providersOf(inst).values()) {
    if (other.identityProviderName === name && other.identityProviderId !== self) {
      throw alreadyExists('IdentityProvider.IdentityProviderName', `named '${name}'`);
    }
  }
}

function checkOus(svc: ModelContext, inst: InstanceState, ids: readonly string[] | undefined): string[] {
  const list = [...new Set(ids ?? [])];
  for (const id of list) svc.requireOrganizationalUnit(inst, id);
  return list;
}

/** Checks the block's enum and URL fields (shared by create and update). */
function checkBlockValues(input: CreateIdentityProviderInput | UpdateIdentityProviderInput): void {
  const d = input.dingtalkAppConfig as DingtalkAppConfig | undefined;
  if (d?.dingtalkVersion !== undefined)
    checkOneOf('DingtalkAppConfig.DingtalkVersion', d.dingtalkVersion, DINGTALK_VERSIONS);
  if (d?.dingtalkLoginVersion !== undefined)
    checkOneOf('DingtalkAppConfig.DingtalkLoginVersion', d.dingtalkLoginVersion, DINGTALK_LOGIN_VERSIONS);
  const l = input.ldapConfig;
  if (l?.ldapProtocol !== undefined) checkOneOf('LdapConfig.LdapProtocol', l.ldapProtocol, LDAP_PROTOCOLS);
  if (l?.ldapServerPort !== undefined)
    checkIntegerRange('LdapConfig.LdapServerPort', l.ldapServerPort, 1, 65535);
  toggle('LdapConfig.StartTlsStatus', l?.startTlsStatus);
  toggle('LdapConfig.CertificateFingerprintStatus', l?.certificateFingerprintStatus);
  const o = input.oidcConfig;
  if (o?.authnParam?.authnMethod !== undefined)
    checkOneOf('OidcConfig.AuthnParam.AuthnMethod', o.authnParam.authnMethod, SCIM_AUTHN_METHODS);
  if (o?.pkceChallengeMethod !== undefined)
    checkOneOf('OidcConfig.PkceChallengeMethod', o.pkceChallengeMethod, PKCE_CHALLENGE_METHODS);
  if (o?.grantType !== undefined && o.grantType !== 'authorization_code')
    throw invalidParameter('OidcConfig.GrantType', 'identity providers support authorization_code only.');
  for (const [key, url] of Object.entries(o?.endpointConfig ?? {}))
    checkHttpUrl(`OidcConfig.EndpointConfig.${key.charAt(0).toUpperCase()}${key.slice(1)}`, url as string);
  if (input.logoUrl) checkHttpUrl('LogoUrl', input.logoUrl);
}

/** Refuses the blocks the type does not take (and `SamlConfig`, which no listed type takes). */
function checkBlocksForType(
  type: IdentityProviderType,
  input: CreateIdentityProviderInput | UpdateIdentityProviderInput,
) {
  const own = BLOCK_OF[type];
  for (const name of IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES) {
    if (name !== own && blockOf(input, name) !== undefined) {
      throw invalidParameter(name, `identity providers of type ${type} take ${own}, not ${name}.`);
    }
  }
  if (input.samlConfig !== undefined)
    throw invalidParameter('SamlConfig', 'none of the identity provider types takes a SAML configuration.');
}

function merge<T extends object>(current: T | undefined, patch: Partial<T> | undefined): T | undefined {
  if (patch === undefined) return current;
  const out: Record<string, unknown> = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const old = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && old && typeof old === 'object' && !Array.isArray(old)
        ? merge(old as object, v as object)
        : v;
  }
  return out as T;
}

function checkExpressions(field: string, config: AuthnConfiguration['bindingConfig']): void {
  for (const e of config?.autoMatchUserProfileExpressions ?? []) {
    if (e.expressionMappingType !== undefined)
      checkOneOf(`${field}.ExpressionMappingType`, e.expressionMappingType, EXPRESSION_MAPPING_TYPES);
    if (!e.sourceValueExpression) throw missingParameter(`${field}.SourceValueExpression`);
    if (!e.targetField) throw missingParameter(`${field}.TargetField`);
  }
}

function checkAuthn(svc: ModelContext, inst: InstanceState, config: AuthnConfiguration): AuthnConfiguration {
  toggle('AutoCreateUserConfig.AutoCreateUserStatus', config.autoCreateUserConfig?.autoCreateUserStatus);
  toggle('AutoUpdateUserConfig.AutoUpdateUserStatus', config.autoUpdateUserConfig?.autoUpdateUserStatus);
  toggle('BindingConfig.AutoMatchUserStatus', config.bindingConfig?.autoMatchUserStatus);
  toggle('BindingConfig.MappingBindingStatus', config.bindingConfig?.mappingBindingStatus);
  toggle('LdapAuthnConfig.AutoUpdatePasswordStatus', config.ldapAuthnConfig?.autoUpdatePasswordStatus);
  checkExpressions('BindingConfig.AutoMatchUserProfileExpressions', config.bindingConfig);
  const create = config.autoCreateUserConfig;
  if (create) {
    const targets = checkOus(svc, inst, create.targetOrganizationalUnitIds);
    if (create.autoCreateUserStatus === 'enabled' && targets.length === 0)
      throw missingParameter('AutoCreateUserConfig.TargetOrganizationalUnitIds');
    return { ...config, autoCreateUserConfig: { ...create, targetOrganizationalUnitIds: targets } };
  }
  return config;
}

function checkPeriodic(field: string, config: UdPullConfiguration['periodicSyncConfig']): void {
  if (!config) return;
  if (config.periodicSyncType !== undefined)
    checkOneOf(`${field}.PeriodicSyncType`, config.periodicSyncType, PERIODIC_SYNC_TYPES);
  if (config.periodicSyncType === 'cron' && !config.periodicSyncCron)
    throw missingParameter(`${field}.PeriodicSyncCron`);
  if (config.periodicSyncType === 'time' && !config.periodicSyncTimes?.length)
    throw missingParameter(`${field}.PeriodicSyncTimes`);
  for (const hour of config.periodicSyncTimes ?? [])
    checkIntegerRange(`${field}.PeriodicSyncTimes`, hour, 0, 23);
}

function checkPull(
  svc: ModelContext,
  inst: InstanceState,
  idp: IdentityProviderState,
  config: UdPullConfiguration,
): UdPullConfiguration {
  if (!PULL_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'inbound synchronization');
  if (config.ldapUdPullConfig && !LDAP_TYPES.includes(idp.identityProviderType))
    throw invalidParameter(
      'LdapUdPullConfig',
      `identity providers of type ${idp.identityProviderType} are not AD/LDAP.`,
    );
  toggle('GroupSyncStatus', config.groupSyncStatus);
  toggle('IncrementalCallbackStatus', config.incrementalCallbackStatus);
  toggle('PeriodicSyncStatus', config.periodicSyncStatus);
  checkPeriodic('PeriodicSyncConfig', config.periodicSyncConfig);
  const target = config.udSyncScopeConfig?.targetScope;
  if (target) svc.requireOrganizationalUnit(inst, target);
  for (const [key, n] of Object.entries(config.pullProtectedRule ?? {}))
    checkIntegerRange(
      `PullProtectedRule.${key.charAt(0).toUpperCase()}${key.slice(1)}`,
      n as number,
      0,
      100000,
    );
  return config;
}

function checkPush(idp: IdentityProviderState, config: UdPushConfiguration): UdPushConfiguration {
  if (!PUSH_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'outbound synchronization');
  if (config.ldapUdPushConfig && !LDAP_TYPES.includes(idp.identityProviderType))
    throw invalidParameter(
      'LdapUdPushConfig',
      `identity providers of type ${idp.identityProviderType} are not AD/LDAP.`,
    );
  toggle('IncrementalCallbackStatus', config.incrementalCallbackStatus);
  toggle('PeriodicSyncStatus', config.periodicSyncStatus);
  toggle('LdapUdPushConfig.PasswordSyncStatus', config.ldapUdPushConfig?.passwordSyncStatus);
  checkPeriodic('PeriodicSyncConfig', config.periodicSyncConfig);
  for (const scope of config.udSyncScopeConfigs ?? []) {
    if (!scope.targetScope) throw missingParameter('UdSyncScopeConfigs.TargetScope');
  }
  return config;
}

/** The `LdapConfig` fields of CreateIdentityProvider that belong to other settings. */
function splitLdap(ldap: NonNullable<CreateIdentityProviderInput['ldapConfig']>) {
  const {
    groupMemberAttributeName,
    groupObjectClass,
    groupObjectClassCustomFilter,
    organizationUnitObjectClass,
    organizationalUnitRdn,
    passwordSyncStatus,
    userLoginIdentifier,
    userObjectClass,
    userObjectClassCustomFilter,
    userRdn,
    ...connection
  } = ldap;
  toggle('LdapConfig.PasswordSyncStatus', passwordSyncStatus);
  const pull = {
    groupMemberAttributeName,
    groupObjectClass,
    groupObjectClassCustomFilter,
    organizationUnitObjectClass,
    userObjectClass,
    userObjectClassCustomFilter,
  };
  const push = {
    organizationUnitObjectClass,
    organizationalUnitRdn,
    passwordSyncStatus,
    userObjectClass,
    userRdn,
  };
  return { connection, pull, push, authn: { userLoginIdentifier, userObjectClass } };
}

function defined<T extends object>(value: T): T | undefined {
  return Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

// ---- operations -----------------------------------------------------------------------------

/** CreateIdentityProvider (one provider per `ClientToken`). */
export function createIdentityProvider(
  svc: ModelContext,
  instanceId: string,
  input: CreateIdentityProviderInput,
): IdentityProviderState {
  const inst = svc.requireRunningInstance(instanceId);
  const providers = providersOf(inst);
  const id = svc.idempotent(
    inst,
    'CreateIdentityProvider',
    input.clientToken,
    (x) => providers.has(x),
    () => {
      const name = requiredText(
        'IdentityProviderName',
        input.identityProviderName,
        MAX_IDENTITY_PROVIDER_NAME,
      );
      if (input.identityProviderType === undefined) throw missingParameter('IdentityProviderType');
      const type = checkOneOf('IdentityProviderType', input.identityProviderType, IDENTITY_PROVIDER_TYPES);
      checkUniqueName(inst, name);
      checkBlocksForType(type, input);
      const own = BLOCK_OF[type];
      const block = blockOf(input, own);
      if (block === undefined) throw missingParameter(own);
      for (const path of REQUIRED_FIELDS[own]) {
        const v = valueAt(block, path);
        if (v === undefined || v === '') throw missingParameter(`${own}.${path}`);
      }
      checkBlockValues(input);
      const authnStatus = toggle('AuthnConfig.AuthnStatus', input.authnConfig?.authnStatus) ?? 'disabled';
      if (authnStatus === 'enabled' && !authenticates(type))
        throw operationDenied(
          'IdentityProviderType',
          `Identity providers of type ${type} do not authenticate.`,
        );
      const ldap = input.ldapConfig ? splitLdap(input.ldapConfig) : undefined;
      const authn = checkAuthn(svc, inst, {
        autoCreateUserConfig: input.autoCreateUserConfig,
        autoUpdateUserConfig: input.autoUpdateUserConfig,
        bindingConfig: input.bindingConfig,
        ldapAuthnConfig: ldap && defined(ldap.authn),
      });
      const now = svc.now();
      const idp: IdentityProviderState = {
        identityProviderId: svc.newId('idp'),
        instanceId: inst.instanceId,
        seq: svc.nextSeq(),
        identityProviderName: name,
        identityProviderType: type,
        logoUrl: input.logoUrl || undefined,
        networkAccessEndpointId: input.networkAccessEndpointId || undefined,
        createTime: now,
        updateTime: now,
        authnStatus,
        advancedStatus: 'disabled',
        udPullStatus: 'disabled',
        dingtalkAppConfig: input.dingtalkAppConfig,
        weComConfig: input.weComConfig,
        larkConfig: input.larkConfig,
        ldapConfig: ldap?.connection,
        oidcConfig: input.oidcConfig,
        authn: {
          ...authn,
          autoUpdatePasswordStatus: toggle(
            'AuthnConfig.AutoUpdatePasswordStatus',
            input.authnConfig?.autoUpdatePasswordStatus,
          ),
        },
        statusCheckJobs: [],
      };
      if (input.udPullConfig || (ldap && defined(ldap.pull))) {
        idp.udPull = checkPull(svc, inst, idp, {
          ...input.udPullConfig,
          incrementalCallbackStatus: input.udPullConfig?.incrementalCallbackStatus ?? 'disabled',
          ldapUdPullConfig: ldap && defined(ldap.pull),
        });
      }
      if (input.udPushConfig || (ldap && defined(ldap.push) && ldap.push.passwordSyncStatus)) {
        idp.udPush = checkPush(idp, {
          ...input.udPushConfig,
          incrementalCallbackStatus: input.udPushConfig?.incrementalCallbackStatus ?? 'disabled',
          ldapUdPushConfig: ldap && defined(ldap.push),
        });
      }
      providers.set(idp.identityProviderId, idp);
      return idp.identityProviderId;
    },
  );
  return providers.get(id)!;
}

/** UpdateIdentityProvider: renames, and changes the fields given in the type's block. */
export function updateIdentityProvider(
  svc: ModelContext,
  instanceId: string,
  input: UpdateIdentityProviderInput,
): void {
  const { inst, idp } = requireIdentityProvider(svc, instanceId, input.identityProviderId);
  checkBlocksForType(idp.identityProviderType, input);
  checkBlockValues(input);
  if (input.identityProviderName !== undefined && input.identityProviderName !== '') {
    const name = requiredText('IdentityProviderName', input.identityProviderName, MAX_IDENTITY_PROVIDER_NAME);
    checkUniqueName(inst, name, idp.identityProviderId);
    idp.identityProviderName = name;
  }
  if (input.logoUrl !== undefined) idp.logoUrl = input.logoUrl || undefined;
  if (input.networkAccessEndpointId !== undefined)
    idp.networkAccessEndpointId = input.networkAccessEndpointId || undefined;
  idp.dingtalkAppConfig = merge(idp.dingtalkAppConfig, input.dingtalkAppConfig);
  idp.weComConfig = merge(idp.weComConfig, input.weComConfig);
  idp.larkConfig = merge(idp.larkConfig, input.larkConfig);
  idp.ldapConfig = merge(idp.ldapConfig, input.ldapConfig);
  idp.oidcConfig = merge(idp.oidcConfig, input.oidcConfig);
  idp.updateTime = svc.now();
}

/** DeleteIdentityProvider: its user bindings go with it. */
export function deleteIdentityProvider(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): void {
  const { inst } = requireIdentityProvider(svc, instanceId, identityProviderId);
  providersOf(inst).delete(identityProviderId);
  const mappings = inst.userAuthnSourceMappings;
  if (mappings) {
    for (const [key, m] of mappings) if (m.identityProviderId === identityProviderId) mappings.delete(key);
  }
}

/** GetIdentityProvider. */
export function getIdentityProvider(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): IdentityProviderState {
  return requireIdentityProvider(svc, instanceId, identityProviderId).idp;
}

/** ListIdentityProviders in creation order; `Direction` keeps the inbound or the outbound types. */
export function listIdentityProviders(
  svc: ModelContext,
  instanceId: string,
  filter: ListIdentityProvidersFilter,
): Page<IdentityProviderState> {
  const inst = svc.requireRunningInstance(instanceId);
  const direction = filter.direction
    ? checkOneOf('Direction', filter.direction, IDENTITY_PROVIDER_DIRECTIONS)
    : undefined;
  const { offset, limit } = pageRequest(filter.pageNumber, filter.pageSize);
  const matches = [...providersOf(inst).values()]
    .filter((idp) => !direction || idp.identityProviderType.endsWith(`:${direction}`))
    .sort((a, b) => a.seq - b.seq);
  return { items: matches.slice(offset, offset + limit), totalCount: matches.length };
}

/** ListIdentityProvidersForNetworkAccessEndpoint: the providers that reach out through it. */
export function listIdentityProvidersForNetworkAccessEndpoint(
  svc: ModelContext,
  instanceId: string,
  filter: { networkAccessEndpointId: string; nextToken?: string; maxResults?: number },
): Page<IdentityProviderState> {
  const inst = svc.requireRunningInstance(instanceId);
  const endpoint = requiredText('NetworkAccessEndpointId', filter.networkAccessEndpointId, 128);
  const matches = [...providersOf(inst).values()]
    .filter((idp) => idp.networkAccessEndpointId === endpoint)
    .sort((a, b) => a.seq - b.seq);
  return pageOfSorted(matches, { kind: 'token', ...tokenRequest(filter.nextToken, filter.maxResults) });
}

/** Enable/DisableIdentityProviderAuthn. */
export function setIdentityProviderAuthn(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  status: Toggle,
): void {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (status === 'enabled' && !authenticates(idp.identityProviderType)) throw denyType(idp, 'authentication');
  idp.authnStatus = status;
  idp.updateTime = svc.now();
}

/** Enable/DisableIdentityProviderAdvancedAbility (DingTalk only). */
export function setIdentityProviderAdvancedAbility(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  status: Toggle,
): void {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!DINGTALK_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'advanced ability');
  idp.advancedStatus = status;
  idp.updateTime = svc.now();
}

/** Enable/DisableIdentityProviderUdPull: enabling needs a pull configuration with a target unit. */
export function setIdentityProviderUdPull(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  status: Toggle,
): void {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!PULL_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'inbound synchronization');
  if (status === 'enabled' && !idp.udPull?.udSyncScopeConfig?.targetScope) {
    throw operationDenied(
      'UdPullConfigurationMissing',
      'Set an inbound synchronization configuration with a target organizational unit first.',
    );
  }
  idp.udPullStatus = status;
  idp.updateTime = svc.now();
}

/** SetIdentityProviderAuthnConfiguration: replaces each block given. */
export function setIdentityProviderAuthnConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  input: AuthnConfiguration,
): void {
  const { inst, idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!authenticates(idp.identityProviderType)) throw denyType(idp, 'authentication');
  if (input.ldapAuthnConfig && !LDAP_TYPES.includes(idp.identityProviderType))
    throw invalidParameter(
      'LdapAuthnConfig',
      `identity providers of type ${idp.identityProviderType} are not AD/LDAP.`,
    );
  const checked = checkAuthn(svc, inst, input);
  for (const key of [
    'autoCreateUserConfig',
    'autoUpdateUserConfig',
    'bindingConfig',
    'ldapAuthnConfig',
  ] as const) {
    if (checked[key] !== undefined) (idp.authn as Record<string, unknown>)[key] = checked[key];
  }
  idp.updateTime = svc.now();
}

/** SetIdentityProviderUdPullConfiguration: replaces the pull configuration. */
export function setIdentityProviderUdPullConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  input: UdPullConfiguration,
): void {
  const { inst, idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  idp.udPull = checkPull(svc, inst, idp, input);
  if (!idp.udPull.udSyncScopeConfig?.targetScope) idp.udPullStatus = 'disabled';
  idp.updateTime = svc.now();
}

/** SetIdentityProviderUdPushConfiguration: replaces the push configuration. */
export function setIdentityProviderUdPushConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  input: UdPushConfiguration,
): void {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  idp.udPush = checkPush(idp, input);
  idp.updateTime = svc.now();
}

/** GetIdentityProviderUdPullConfiguration: `EntityNotExists.UdPullConfiguration` before one is set. */
export function getIdentityProviderUdPullConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): UdPullConfiguration {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!PULL_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'inbound synchronization');
  return (
    idp.udPull ?? {
      incrementalCallbackStatus: 'disabled',
      groupSyncStatus: 'disabled',
      periodicSyncStatus: 'disabled',
    }
  );
}

/** GetIdentityProviderUdPushConfiguration. */
export function getIdentityProviderUdPushConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): UdPushConfiguration {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!PUSH_TYPES.includes(idp.identityProviderType)) throw denyType(idp, 'outbound synchronization');
  return idp.udPush ?? { incrementalCallbackStatus: 'disabled', periodicSyncStatus: 'disabled' };
}

/** Whether outbound synchronization is on: a push configuration with at least one scope. */
export function udPushStatus(idp: IdentityProviderState): Toggle {
  return idp.udPush?.udSyncScopeConfigs?.length ? 'enabled' : 'disabled';
}

/** CreateIdentityProviderStatusCheckJob: checks the stored configuration; see the module comment. */
export function createIdentityProviderStatusCheckJob(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): StatusCheckJobState {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  const now = svc.now();
  const block = BLOCK_OF[idp.identityProviderType];
  const stored = storedBlock(idp);
  const missing = REQUIRED_FIELDS[block].filter((p) => {
    const v = valueAt(stored, p);
    return v === undefined || v === '';
  });
  const configItem: StatusCheckItem = {
    majorCheckItem: 'config_check',
    minorCheckItem: 'required_fields',
    result: missing.length ? 'failed' : 'success',
    errorReason: missing.length
      ? {
          errorCode: 'ConfigCheck.MissingField',
          errorLevel: 'high',
          errorMessage: `${block} lacks ${missing.join(', ')}.`,
        }
      : undefined,
  };
  const networkItem: StatusCheckItem = {
    majorCheckItem: 'network_check',
    minorCheckItem: 'network_access_status',
    result: 'warning',
    errorReason: {
      errorCode: 'NetworkCheck.NotPerformed',
      errorLevel: 'low',
      errorMessage: 'The local server does not connect to identity providers; connectivity was not checked.',
    },
  };
  const job: StatusCheckJobState = {
    identityProviderStatusCheckJobId: svc.newId('async'),
    status: 'success',
    checkResult: configItem.result,
    startTime: now,
    endTime: now,
    jobCheckItems: [configItem, networkItem],
  };
  idp.statusCheckJobs = [...idp.statusCheckJobs, job].slice(-MAX_STATUS_CHECK_JOBS);
  idp.lastStatusCheckJobResult = job.checkResult;
  return job;
}

/** GetIdentityProviderStatusCheckJob. */
export function getIdentityProviderStatusCheckJob(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
  jobId: string,
): StatusCheckJobState {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  const job = idp.statusCheckJobs.find((j) => j.identityProviderStatusCheckJobId === jobId);
  if (!job) throw notFound('IdentityProviderStatusCheckJob', jobId);
  return job;
}

function storedBlock(idp: IdentityProviderState): unknown {
  return idp.dingtalkAppConfig ?? idp.weComConfig ?? idp.larkConfig ?? idp.ldapConfig ?? idp.oidcConfig;
}

/** GetIdentityProviderAdvancedConfiguration: DingTalk's app key and (masked) secret. */
export function getIdentityProviderAdvancedConfiguration(
  svc: ModelContext,
  instanceId: string,
  identityProviderId: string,
): { appKey?: string; appSecret?: string } | undefined {
  const { idp } = requireIdentityProvider(svc, instanceId, identityProviderId);
  if (!DINGTALK_TYPES.includes(idp.identityProviderType)) return undefined;
  const d = idp.dingtalkAppConfig;
  return { appKey: d?.appKey, appSecret: d?.appSecret === undefined ? undefined : maskSecret(d.appSecret) };
}

// ---- metadata resolution --------------------------------------------------------------------

/** ExecIdentityProviderMetadataUrlResolution input. */
export interface MetadataResolutionInput {
  identityProviderId?: string;
  oidcIssuer?: string;
  samlMetadataUrl?: string;
}

/** What ExecIdentityProviderMetadataUrlResolution reports. */
export interface ResolvedMetadata {
  oidc?: Record<string, string | undefined>;
  saml?: { idPEntityId?: string; idPSsoUrl?: string; certificates: string[] };
}

function unreachable(field: string, url: string): EiamError {
  return new EiamError(
    'OperationFailed.MetadataUnreachable',
    `The local server does not fetch ${field} '${url}': pass the document inline as a data: URL.`,
    400,
  );
}

function readDataUrl(field: string, url: string): string {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (!match) throw unreachable(field, url);
  try {
    return match[2] ? Buffer.from(match[3], 'base64').toString('utf8') : decodeURIComponent(match[3]);
  } catch {
    throw invalidParameter(field, 'the data: URL is not decodable.');
  }
}

function oidcFromDocument(text: string): Record<string, string | undefined> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw invalidParameter('OidcIssuer', 'the document is not an OpenID configuration (JSON).');
  }
  const str = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : undefined);
  if (!str('issuer')) throw invalidParameter('OidcIssuer', 'the OpenID configuration has no issuer.');
  return {
    issuer: str('issuer'),
    authorizationEndpoint: str('authorization_endpoint'),
    tokenEndpoint: str('token_endpoint'),
    userinfoEndpoint: str('userinfo_endpoint'),
    jwksUri: str('jwks_uri'),
  };
}

function samlFromDocument(text: string): NonNullable<ResolvedMetadata['saml']> {
  const entityId = /<(?:\w+:)?EntityDescriptor\b[^>]*\bentityID="([^"]+)"/.exec(text)?.[1];
  if (!entityId)
    throw invalidParameter('SamlMetadataUrl', 'the document is not SAML metadata (no EntityDescriptor).');
  const sso = /<(?:\w+:)?SingleSignOnService\b[^>]*\bLocation="([^"]+)"/.exec(text)?.[1];
  const certificates = [...text.matchAll(/<(?:\w+:)?X509Certificate>\s*([^<]+?)\s*<\//g)].map(
    (m) => `-----BEGIN CERTIFICATE-----\n${m[1].replace(/\s+/g, '')}\n-----END CERTIFICATE-----`,
  );
  return { idPEntityId: entityId, idPSsoUrl: sso, certificates: [...new Set(certificates)] };
}

/** ExecIdentityProviderMetadataUrlResolution: no network I/O; see the module comment. */
export function execIdentityProviderMetadataUrlResolution(
  svc: ModelContext,
  instanceId: string,
  input: MetadataResolutionInput,
): ResolvedMetadata {
  const inst = svc.requireRunningInstance(instanceId);
  if (input.oidcIssuer) {
    const url = input.oidcIssuer;
    if (!url.startsWith('data:')) {
      const stored = [...providersOf(inst).values()].find(
        (idp) =>
          idp.oidcConfig?.endpointConfig?.issuer === url.replace(/\/\.well-known\/openid-configuration$/, ''),
      );
      if (!stored) throw unreachable('OidcIssuer', url);
      return { oidc: { ...stored.oidcConfig!.endpointConfig } };
    }
    return { oidc: oidcFromDocument(readDataUrl('OidcIssuer', url)) };
  }
  if (input.samlMetadataUrl) {
    return { saml: samlFromDocument(readDataUrl('SamlMetadataUrl', input.samlMetadataUrl)) };
  }
  if (input.identityProviderId) {
    const { idp } = requireIdentityProvider(svc, instanceId, input.identityProviderId);
    if (!idp.oidcConfig?.endpointConfig)
      throw invalidParameter('IdentityProviderId', 'the identity provider has no OIDC endpoints to resolve.');
    return { oidc: { ...idp.oidcConfig.endpointConfig } };
  }
  throw missingParameter('OidcIssuer');
}

// ---- internal authentication sources --------------------------------------------------------

/** The status of each internal authentication source of the instance. */
export function internalAuthenticationSources(inst: InstanceState): Record<string, Toggle> {
  const current = inst.internalAuthenticationSources ?? {};
  return Object.fromEntries(INTERNAL_AUTHENTICATION_SOURCES.map((id) => [id, current[id] ?? 'enabled']));
}

/**
 * Enable/DisableInternalAuthenticationSource. The last enabled internal source cannot be turned
 * off while no identity provider authenticates: nobody could log on any more.
 */
export function setInternalAuthenticationSource(
  svc: ModelContext,
  instanceId: string,
  authenticationSourceId: string | undefined,
  status: Toggle,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  if (!authenticationSourceId) throw missingParameter('AuthenticationSourceId');
  if (!(INTERNAL_AUTHENTICATION_SOURCES as readonly string[]).includes(authenticationSourceId))
    throw notFound('AuthenticationSource', authenticationSourceId);
  const sources = internalAuthenticationSources(inst);
  if (status === 'disabled') {
    const othersOn = Object.entries(sources).some(
      ([id, s]) => id !== authenticationSourceId && s === 'enabled',
    );
    const idpOn = [...providersOf(inst).values()].some((idp) => idp.authnStatus === 'enabled');
    if (!othersOn && !idpOn) {
      throw operationDenied(
        'LastAuthenticationSource',
        `Disabling '${authenticationSourceId}' would leave the instance without any way to log on.`,
      );
    }
  }
  inst.internalAuthenticationSources = { ...sources, [authenticationSourceId]: status };
}

// ---- references -----------------------------------------------------------------------------

/**
 * Principal-deletion hook: a deleted organizational unit leaves the auto-create targets and the
 * pull target (inbound synchronization then stops); a deleted user loses its bindings.
 */
export function forgetIdentityProviderReferences(inst: InstanceState, kind: string, id: string): void {
  if (kind === 'user') {
    const mappings = inst.userAuthnSourceMappings;
    if (mappings) for (const [key, m] of mappings) if (m.userId === id) mappings.delete(key);
    return;
  }
  if (kind !== 'organizationalUnit' || !inst.identityProviders) return;
  for (const idp of inst.identityProviders.values()) {
    const create = idp.authn.autoCreateUserConfig;
    if (create?.targetOrganizationalUnitIds?.includes(id)) {
      create.targetOrganizationalUnitIds = create.targetOrganizationalUnitIds.filter((x) => x !== id);
    }
    if (idp.udPull?.udSyncScopeConfig?.targetScope === id) {
      idp.udPull.udSyncScopeConfig = { ...idp.udPull.udSyncScopeConfig, targetScope: undefined };
      idp.udPullStatus = 'disabled';
    }
  }
}
