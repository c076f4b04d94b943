/**
 * Value rules of the API that both sides apply: the local server refuses a request that breaks
 * them (`InvalidParameter.<Name>`), and the resources fail `check` at preview before any call.
 * Where the API reference is silent, the values are this project's choice (marked so) and are
 * listed in docs/local-server.md.
 */

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
