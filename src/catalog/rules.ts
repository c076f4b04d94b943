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
