/**
 * Value rules of the API that both sides apply: the local server refuses a request that breaks
 * them (`InvalidParameter.<Name>`), and the resources fail `check` at preview before any call.
 * Where the API reference is silent, the values are this project's choice (marked so) and are
 * listed in docs/local-server.md.
 */

import type { IdentityProviderType } from './enums';

// Enumerations live in the generated catalog (src/catalog/enums.ts); the rules refer to them.
export {
  DEVELOPER_API_SCOPES,
  OIDC_GRANT_SCOPES,
  OIDC_GRANT_TYPES,
  PKCE_CHALLENGE_METHODS,
  SAML_SIGNATURE_ALGORITHMS,
} from './enums';

/** Tokens that may be combined (space-separated) in one `OidcSsoConfig.ResponseTypes` item. */
export const RESPONSE_TYPE_TOKENS = ['code', 'token', 'id_token'] as const;

/** Claims an OIDC provider sets itself; `CustomClaims` may not override them. */
export const RESERVED_CLAIMS: readonly string[] = [
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'auth_time',
  'nonce',
  'azp',
  'at_hash',
];

/** Accepted ranges (seconds) of the OIDC lifetimes: [min, max] (our choice). */
export const OIDC_TTL_RANGES = {
  AccessTokenEffectiveTime: [300, 86_400],
  IdTokenEffectiveTime: [300, 86_400],
  RefreshTokenEffective: [300, 31_536_000],
  CodeEffectiveTime: [30, 600],
} as const;

/** Longest application name accepted (our choice). */
export const MAX_APPLICATION_NAME = 128;

/** Shortest lifetime an expiring client secret may be given (one day), in ms. */
export const MIN_SECRET_LIFETIME_MS = 24 * 3600 * 1000;
/** Longest lifetime an expiring client secret may be given (three years), in ms. */
export const MAX_SECRET_LIFETIME_MS = 3 * 365 * 24 * 3600 * 1000;

/** Most passwords a history rule may remember (`PasswordHistoryMaxRetention`). */
export const MAX_PASSWORD_HISTORY = 24;

// ---- custom fields (the user schema) -----------------------------------------------------------

/** A custom field's identifier: a lower-case letter, then lower-case letters, digits or `_`. */
export const CUSTOM_FIELD_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Limits of CreateCustomField, as the API reference states them (characters, items). */
export const CUSTOM_FIELD_LIMITS = {
  fieldName: 40,
  fieldDisplayName: 64,
  description: 512,
  defaultValue: 1024,
  itemValue: 64,
  itemDisplayName: 128,
  items: 100,
  numberValue: 32,
} as const;

/** The data types each display type supports (API reference of CreateCustomField). */
export const CUSTOM_FIELD_DISPLAY_DATA_TYPES = {
  input: ['string', 'number'],
  select: ['string', 'boolean'],
  checkbox: ['string'],
} as const;

/** A `number` field's value: digits with an optional decimal part (positive numbers only). */
export const CUSTOM_FIELD_NUMBER_PATTERN = /^[0-9]+(\.[0-9]+)?$/;
// ---- Identity providers (the local server refuses, the IdentityProvider resource fails check) --

/** The configuration block of each identity provider type (its wire name). */
export const IDENTITY_PROVIDER_CONFIG_BLOCKS = {
  'urn:alibaba:idaas:idp:alibaba:dingtalk:pull': 'DingtalkAppConfig',
  'urn:alibaba:idaas:idp:alibaba:dingtalk:push': 'DingtalkAppConfig',
  'urn:alibaba:idaas:idp:tencent:wecom:pull': 'WeComConfig',
  'urn:alibaba:idaas:idp:bytedance:lark:pull': 'LarkConfig',
  'urn:alibaba:idaas:idp:microsoft:ad:pull': 'LdapConfig',
  'urn:alibaba:idaas:idp:unknown:ldap:pull': 'LdapConfig',
  'urn:alibaba:idaas:idp:standard:oidc': 'OidcConfig',
  'urn:alibaba:idaas:idp:alibaba:sase': 'OidcConfig',
} as const satisfies Record<IdentityProviderType, string>;

/** A configuration block of an identity provider. */
export type IdentityProviderConfigBlock = (typeof IDENTITY_PROVIDER_CONFIG_BLOCKS)[IdentityProviderType];

/** Every configuration block, in the order the API lists them. */
export const IDENTITY_PROVIDER_CONFIG_BLOCK_NAMES: readonly IdentityProviderConfigBlock[] = [
  'DingtalkAppConfig',
  'WeComConfig',
  'LarkConfig',
  'LdapConfig',
  'OidcConfig',
];

/** The fields (dotted wire paths) a block needs at creation: what a connection cannot do without (our choice). */
export const IDENTITY_PROVIDER_REQUIRED_FIELDS: Readonly<
  Record<IdentityProviderConfigBlock, readonly string[]>
> = {
  DingtalkAppConfig: ['AppKey', 'AppSecret', 'CorpId'],
  WeComConfig: ['CorpId', 'AgentId', 'CorpSecret'],
  LarkConfig: ['AppId', 'AppSecret'],
  LdapConfig: ['LdapServerHost', 'LdapServerPort', 'AdministratorUsername', 'AdministratorPassword'],
  OidcConfig: ['AuthnParam.ClientId', 'EndpointConfig.Issuer', 'EndpointConfig.AuthorizationEndpoint'],
};

/**
 * Block fields UpdateIdentityProvider cannot change (its request lacks them): a change replaces
 * the provider.
 */
export const IDENTITY_PROVIDER_IMMUTABLE_FIELDS: Readonly<
  Record<IdentityProviderConfigBlock, readonly string[]>
> = {
  DingtalkAppConfig: ['CorpId', 'DingtalkVersion'],
  WeComConfig: ['CorpId'],
  LarkConfig: ['EnterpriseNumber'],
  LdapConfig: [],
  OidcConfig: ['AuthnParam.ClientId'],
};

/** Types that synchronize accounts into EIAM (take a pull configuration). */
export const IDENTITY_PROVIDER_PULL_TYPES: readonly IdentityProviderType[] = [
  'urn:alibaba:idaas:idp:alibaba:dingtalk:pull',
  'urn:alibaba:idaas:idp:tencent:wecom:pull',
  'urn:alibaba:idaas:idp:bytedance:lark:pull',
  'urn:alibaba:idaas:idp:microsoft:ad:pull',
  'urn:alibaba:idaas:idp:unknown:ldap:pull',
];
/** Types that take a push configuration: DingTalk push, and AD/LDAP write-back (our choice). */
export const IDENTITY_PROVIDER_PUSH_TYPES: readonly IdentityProviderType[] = [
  'urn:alibaba:idaas:idp:alibaba:dingtalk:push',
  'urn:alibaba:idaas:idp:microsoft:ad:pull',
  'urn:alibaba:idaas:idp:unknown:ldap:pull',
];
/** Types with AD/LDAP settings (`LdapUdPullConfig`, `LdapUdPushConfig`, `LdapAuthnConfig`). */
export const IDENTITY_PROVIDER_LDAP_TYPES: readonly IdentityProviderType[] = [
  'urn:alibaba:idaas:idp:microsoft:ad:pull',
  'urn:alibaba:idaas:idp:unknown:ldap:pull',
];
/** Types with the advanced ability (DingTalk). */
export const IDENTITY_PROVIDER_ADVANCED_TYPES: readonly IdentityProviderType[] = [
  'urn:alibaba:idaas:idp:alibaba:dingtalk:pull',
  'urn:alibaba:idaas:idp:alibaba:dingtalk:push',
];

/** Whether providers of `type` authenticate users (every type but DingTalk push). */
export function identityProviderAuthenticates(type: string): boolean {
  return type !== 'urn:alibaba:idaas:idp:alibaba:dingtalk:push';
}

/** Longest identity provider name (our choice). */
export const MAX_IDENTITY_PROVIDER_NAME = 64;
// ---- Network zones and conditional access policies (issue #13) ------------------------------

export { cidrListProblem, cidrProblem, type CidrListProblem, type IpFamily } from './cidr';

/** Limits of a network zone (our choice): name and description lengths, CIDR blocks per family. */
export const NETWORK_ZONE_LIMITS = { name: 64, description: 256, cidrsPerFamily: 100 } as const;

/** Limits of a conditional access policy (our choice): name and description lengths, ids per list. */
export const CONDITIONAL_ACCESS_LIMITS = { name: 64, description: 256, idsPerList: 100 } as const;

/** Accepted policy priorities, [min, max]; a smaller value is evaluated first (API reference). */
export const CONDITIONAL_ACCESS_PRIORITY_RANGE = [1, 100] as const;

/** Priority of a policy created without one: the lowest (our choice). */
export const DEFAULT_CONDITIONAL_ACCESS_PRIORITY = 100;

/** Accepted MFA re-authentication intervals in seconds, [min, max] (API reference). */
export const MFA_INTERVAL_RANGE = [300, 86_400] as const;

/** A VPC id as a `vpc` network zone takes it: `vpc-` (or `vpc_`) and 1–64 letters or digits. */
export const VPC_ID_PATTERN = /^vpc[-_][A-Za-z0-9]{1,64}$/;
