/**
 * The nested configuration blocks of an `Application` (SSO, provisioning, owner, scopes): their
 * argument types, their plain shapes, how a declared block is compared with what the service
 * reports, and their `check` rules.
 *
 * Comparison rule: the service fills in defaults for every setting a block leaves out
 * (GetApplicationSsoConfig reports `NameIdFormat`, token lifetimes, … even when never set), so a
 * block is compared field by field over the fields the program DECLARED only. Lists of strings
 * are sets; lists of objects are compared in order.
 */
import type * as pulumi from '@pulumi/pulumi';
import type { SetApplicationProvisioningConfigRequest, SetApplicationSsoConfigRequest } from '../catalog';
import type { Camel } from '../wire';
import type {
  OidcGrantType,
  PkceChallengeMethod,
  ProvisionProtocolType,
  SamlNameIdFormat,
  ScimAuthnMethod,
  ScimAuthnMode,
  ScimGrantType,
} from './enums';
import {
  OIDC_GRANT_SCOPES,
  OIDC_GRANT_TYPES,
  OIDC_TTL_RANGES,
  PKCE_CHALLENGE_METHODS,
  RESERVED_CLAIMS,
  RESPONSE_TYPE_TOKENS,
  SAML_SIGNATURE_ALGORITHMS,
} from '../catalog/rules';
import {
  PROVISION_PROTOCOL_TYPES,
  SAML_NAME_ID_FORMATS,
  SCIM_AUTHN_METHODS,
  SCIM_AUTHN_MODES,
  SCIM_GRANT_TYPES,
} from './enums';
import { InputChecker, isUnknown, matchesDeclared, type CheckFailure, type FieldTree } from './provider-kit';

// ---------------------------------------------------------------------------------------------
// Argument types (what a program passes)
// ---------------------------------------------------------------------------------------------

/** One extra attribute of a SAML assertion. */
export interface SamlAttributeStatementArgs {
  /** Name of the attribute in the assertion. */
  readonly attributeName: pulumi.Input<string>;
  /** Expression computing its value, e.g. `user.email`. */
  readonly attributeValueExpression: pulumi.Input<string>;
}

/** One optional RelayState offered on the application card of the portal. */
export interface SamlOptionalRelayStateArgs {
  /** Label shown to the user. */
  readonly displayName: pulumi.Input<string>;
  /** The RelayState value (a URL of the application). */
  readonly relayState: pulumi.Input<string>;
}

/**
 * SAML 2.0 settings of a `saml2` application (SetApplicationSsoConfig `SamlSsoConfig`). Only the
 * fields declared here are managed; the service's defaults apply to the others each time the
 * block is applied.
 */
export interface SamlSsoConfigArgs {
  /** Entity id of the service provider (the application). Required. */
  readonly spEntityId: pulumi.Input<string>;
  /** Assertion consumer service URL of the service provider. Required. */
  readonly spSsoAcsUrl: pulumi.Input<string>;
  /** NameID format, e.g. `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress`. */
  readonly nameIdFormat?: pulumi.Input<SamlNameIdFormat>;
  /** Expression producing the NameID, e.g. `user.email`. */
  readonly nameIdValueExpression?: pulumi.Input<string>;
  /** Signature algorithm, e.g. `RSA-SHA256`. */
  readonly signatureAlgorithm?: pulumi.Input<string>;
  /** Sign the assertion (it and `responseSigned` cannot both be false). */
  readonly assertionSigned?: pulumi.Input<boolean>;
  /** Sign the response. */
  readonly responseSigned?: pulumi.Input<boolean>;
  /** Entity id of the identity provider (EIAM); the service defaults it to the metadata URL. */
  readonly idPEntityId?: pulumi.Input<string>;
  /** RelayState sent when EIAM initiates the sign-in. */
  readonly defaultRelayState?: pulumi.Input<string>;
  /** Extra attributes in the assertion. */
  readonly attributeStatements?: pulumi.Input<pulumi.Input<SamlAttributeStatementArgs>[]>;
  /** Optional RelayStates (needs `defaultRelayState`). */
  readonly optionalRelayStates?: pulumi.Input<pulumi.Input<SamlOptionalRelayStateArgs>[]>;
}

/** One custom claim of the ID token. */
export interface OidcCustomClaimArgs {
  /** Claim name (not a registered claim such as `sub`). */
  readonly claimName: pulumi.Input<string>;
  /** Expression computing its value. */
  readonly claimValueExpression: pulumi.Input<string>;
}

/**
 * OpenID Connect settings of an `oidc` application (SetApplicationSsoConfig `OidcSsoConfig`).
 * Only the fields declared here are managed.
 */
export interface OidcSsoConfigArgs {
  /** Grant types, e.g. `["authorization_code", "refresh_token"]` (service default: `authorization_code`). */
  readonly grantTypes?: pulumi.Input<pulumi.Input<OidcGrantType>[]>;
  /** OIDC scopes the application may ask for, e.g. `["openid", "email", "profile"]`. */
  readonly grantScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Redirect URIs; required with the `authorization_code` or `implicit` grant. */
  readonly redirectUris?: pulumi.Input<pulumi.Input<string>[]>;
  /** Where to send the user after logout. */
  readonly postLogoutRedirectUris?: pulumi.Input<pulumi.Input<string>[]>;
  /** Response types of the implicit grant, e.g. `["token id_token"]`. */
  readonly responseTypes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Access token lifetime in seconds. */
  readonly accessTokenEffectiveTime?: pulumi.Input<number>;
  /** ID token lifetime in seconds. */
  readonly idTokenEffectiveTime?: pulumi.Input<number>;
  /** Refresh token lifetime in seconds. */
  readonly refreshTokenEffective?: pulumi.Input<number>;
  /** Authorization code lifetime in seconds. */
  readonly codeEffectiveTime?: pulumi.Input<number>;
  /** Require PKCE (RFC 7636). */
  readonly pkceRequired?: pulumi.Input<boolean>;
  /** PKCE challenge methods, e.g. `["S256"]`. */
  readonly pkceChallengeMethods?: pulumi.Input<pulumi.Input<PkceChallengeMethod>[]>;
  /** Allow the application to act as a public client (code and device grants only). */
  readonly allowedPublicClient?: pulumi.Input<boolean>;
  /** Authentication source of the password grant. */
  readonly passwordAuthenticationSourceId?: pulumi.Input<string>;
  /** Require TOTP with the password grant. */
  readonly passwordTotpMfaRequired?: pulumi.Input<boolean>;
  /** Expression producing the `sub` claim. */
  readonly subjectIdExpression?: pulumi.Input<string>;
  /** Custom claims of the ID token. */
  readonly customClaims?: pulumi.Input<pulumi.Input<OidcCustomClaimArgs>[]>;
}

/** Credentials EIAM uses to call the application's SCIM API. Secret fields: `accessToken`, `clientSecret`. */
export interface ScimAuthnParamArgs {
  /** Bearer token (grant `bearer_token`). Secret. */
  readonly accessToken?: pulumi.Input<string>;
  /** OAuth client id (grant `client_credentials`). */
  readonly clientId?: pulumi.Input<string>;
  /** OAuth client secret (grant `client_credentials`). Secret. */
  readonly clientSecret?: pulumi.Input<string>;
  /** Token endpoint (grant `client_credentials`). */
  readonly tokenEndpoint?: pulumi.Input<string>;
  /** `client_secret_basic` or `client_secret_post` (grant `client_credentials`). */
  readonly authnMethod?: pulumi.Input<ScimAuthnMethod>;
}

/** How EIAM authenticates to the application's SCIM API. */
export interface ScimAuthnConfigurationArgs {
  /** `oauth2` (the only mode). */
  readonly authnMode?: pulumi.Input<ScimAuthnMode>;
  /** `bearer_token` or `client_credentials`. Required. */
  readonly grantType: pulumi.Input<ScimGrantType>;
  /** The credentials for the grant. */
  readonly authnParam?: pulumi.Input<ScimAuthnParamArgs>;
}

/** SCIM 2.0 provisioning settings (protocol `scim2`). */
export interface ScimProvisioningConfigArgs {
  /** Base URL of the application's SCIM API. Required. */
  readonly scimBaseUrl: pulumi.Input<string>;
  /** Actions pushed, e.g. `urn:alibaba:idaas:app:scim:User:CREATE`. */
  readonly provisioningActions?: pulumi.Input<pulumi.Input<string>[]>;
  /** Full-push scopes, e.g. `urn:alibaba:idaas:app:scim:User:PUSH`. */
  readonly fullPushScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Authentication to the SCIM API. Required. */
  readonly authnConfiguration: pulumi.Input<ScimAuthnConfigurationArgs>;
}

/** IDaaS event-callback provisioning settings (protocol `idaas_callback`). Secret field: `encryptKey`. */
export interface CallbackProvisioningConfigArgs {
  /** Where EIAM posts its events. Required. */
  readonly callbackUrl: pulumi.Input<string>;
  /** Encrypt the events (then `encryptKey` is required). */
  readonly encryptRequired?: pulumi.Input<boolean>;
  /** AES-256 key, 64 hexadecimal characters. Secret. */
  readonly encryptKey?: pulumi.Input<string>;
  /** Event types to send, e.g. `urn:alibaba:idaas:app:event:ud:user:create`. */
  readonly listenEventScopes?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Account provisioning configuration (SetApplicationProvisioningConfig). The block matching
 * `provisionProtocolType` is required, the other one is refused. Wrap secrets in
 * `pulumi.secret(...)`; the `provisioningConfig` output is always secret.
 */
export interface ProvisioningConfigArgs {
  /** `idaas_callback` or `scim2`. Required. */
  readonly provisionProtocolType: pulumi.Input<ProvisionProtocolType>;
  /** Push passwords too. */
  readonly provisionPassword?: pulumi.Input<boolean>;
  /** Network access endpoint for private networks. */
  readonly networkAccessEndpointId?: pulumi.Input<string>;
  /** Settings of protocol `idaas_callback`. */
  readonly callbackProvisioningConfig?: pulumi.Input<CallbackProvisioningConfigArgs>;
  /** Settings of protocol `scim2`. */
  readonly scimProvisioningConfig?: pulumi.Input<ScimProvisioningConfigArgs>;
}

/** Owners of an application. Each declared list is managed as a set. */
export interface ApplicationOwnerArgs {
  /** Owning users. */
  readonly userIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Owning groups. */
  readonly groupIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/** Directory entities whose accounts are provisioned. Each declared list is managed as a set. */
export interface ProvisioningScopeArgs {
  /** Organizational units in scope. */
  readonly organizationalUnitIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Groups in scope. */
  readonly groupIds?: pulumi.Input<pulumi.Input<string>[]>;
}

// ---------------------------------------------------------------------------------------------
// Plain shapes (what the provider handles)
// ---------------------------------------------------------------------------------------------

/** A SAML block as the provider handles it. */
export type SamlSsoConfig = Camel<NonNullable<SetApplicationSsoConfigRequest['SamlSsoConfig']>>;
/** An OIDC block as the provider handles it (`allowedPublicClient` normalized to a boolean). */
export type OidcSsoConfig = Camel<NonNullable<SetApplicationSsoConfigRequest['OidcSsoConfig']>>;
/** A provisioning configuration as the provider handles it. */
export type ProvisioningConfig = Camel<
  Omit<SetApplicationProvisioningConfigRequest, 'InstanceId' | 'ApplicationId'>
>;
/** Owners as the provider handles them. */
export interface ApplicationOwner {
  /** Owning users. */
  userIds?: string[];
  /** Owning groups. */
  groupIds?: string[];
}
/** Provisioning scope as the provider handles it. */
export interface ProvisioningScope {
  /** Organizational units in scope. */
  organizationalUnitIds?: string[];
  /** Groups in scope. */
  groupIds?: string[];
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * True when every field the program declared in `declared` has the same value in `live`.
 * Undeclared fields (service defaults, settings made elsewhere) are not compared. String lists
 * are sets; object lists are compared in order and in full; `''` equals an absent string.
 * (The kit's rule, under the name the application code uses; `check` sorts the string lists
 * of fields compared with it.)
 */
export const declaredMatches = matchesDeclared;

// ---------------------------------------------------------------------------------------------
// Masked secrets of the provisioning configuration
// ---------------------------------------------------------------------------------------------

/** Where the provisioning configuration keeps secrets (the service masks them when read). */
export const PROVISIONING_SECRET_PATHS: readonly (readonly string[])[] = [
  ['callbackProvisioningConfig', 'encryptKey'],
  ['scimProvisioningConfig', 'authnConfiguration', 'authnParam', 'accessToken'],
  ['scimProvisioningConfig', 'authnConfiguration', 'authnParam', 'clientSecret'],
];

function getPath(value: unknown, path: readonly string[]): unknown {
  let cur = value;
  for (const key of path) cur = isPlainObject(cur) ? cur[key] : undefined;
  return cur;
}

function setPath(value: Record<string, unknown>, path: readonly string[], leaf: unknown): void {
  let cur: Record<string, unknown> = value;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(cur[key])) return;
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]] = leaf;
}

/**
 * True when `masked` (e.g. `ad3b****73`) can be the masked form of `plain`: the characters the
 * service left visible at either end agree.
 */
export function maskAgrees(masked: string, plain: string): boolean {
  const first = masked.indexOf('*');
  if (first < 0) return masked === plain;
  const last = masked.lastIndexOf('*');
  return plain.startsWith(masked.slice(0, first)) && plain.endsWith(masked.slice(last + 1));
}

/**
 * The live provisioning configuration with each masked secret replaced by the plain value the
 * provider last sent (`known`), when the masked form agrees with it. A secret changed elsewhere
 * (mask disagrees) stays masked, so comparing it with the declared value shows the drift; a secret
 * the provider never saw (import) stays masked too.
 */
export function restoreMaskedSecrets<T>(live: T, known: unknown): T {
  if (!isPlainObject(live)) return live;
  const out = structuredClone(live) as Record<string, unknown>;
  for (const path of PROVISIONING_SECRET_PATHS) {
    const liveValue = getPath(out, path);
    const knownValue = getPath(known, path);
    if (typeof liveValue !== 'string' || typeof knownValue !== 'string' || !liveValue.includes('*')) continue;
    if (maskAgrees(liveValue, knownValue)) setPath(out, path, knownValue);
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Check rules
// ---------------------------------------------------------------------------------------------

/** The fields of `samlSsoConfig`. */
export const SAML_SSO_FIELDS: FieldTree = {
  spEntityId: true,
  spSsoAcsUrl: true,
  nameIdFormat: true,
  nameIdValueExpression: true,
  signatureAlgorithm: true,
  assertionSigned: true,
  responseSigned: true,
  idPEntityId: true,
  defaultRelayState: true,
  attributeStatements: { attributeName: true, attributeValueExpression: true },
  optionalRelayStates: { displayName: true, relayState: true },
};

/** The fields of `oidcSsoConfig`. */
export const OIDC_SSO_FIELDS: FieldTree = {
  grantTypes: true,
  grantScopes: true,
  redirectUris: true,
  postLogoutRedirectUris: true,
  responseTypes: true,
  accessTokenEffectiveTime: true,
  idTokenEffectiveTime: true,
  refreshTokenEffective: true,
  codeEffectiveTime: true,
  pkceRequired: true,
  pkceChallengeMethods: true,
  allowedPublicClient: true,
  passwordAuthenticationSourceId: true,
  passwordTotpMfaRequired: true,
  subjectIdExpression: true,
  customClaims: { claimName: true, claimValueExpression: true },
};

/** The fields of `provisioningConfig`. */
export const PROVISIONING_CONFIG_FIELDS: FieldTree = {
  provisionProtocolType: true,
  provisionPassword: true,
  networkAccessEndpointId: true,
  callbackProvisioningConfig: {
    callbackUrl: true,
    encryptRequired: true,
    encryptKey: true,
    listenEventScopes: true,
  },
  scimProvisioningConfig: {
    scimBaseUrl: true,
    provisioningActions: true,
    fullPushScopes: true,
    authnConfiguration: {
      authnMode: true,
      grantType: true,
      authnParam: {
        accessToken: true,
        clientId: true,
        clientSecret: true,
        tokenEndpoint: true,
        authnMethod: true,
      },
    },
  },
};

/** OIDC lifetimes and their accepted ranges in seconds (see `OIDC_TTL_RANGES`). */
const OIDC_TTLS: ReadonlyArray<readonly [string, readonly [number, number]]> = [
  ['accessTokenEffectiveTime', OIDC_TTL_RANGES.AccessTokenEffectiveTime],
  ['idTokenEffectiveTime', OIDC_TTL_RANGES.IdTokenEffectiveTime],
  ['refreshTokenEffective', OIDC_TTL_RANGES.RefreshTokenEffective],
  ['codeEffectiveTime', OIDC_TTL_RANGES.CodeEffectiveTime],
];

/** Grants with which an application may be a public client. */
const PUBLIC_CLIENT_GRANTS = [
  'authorization_code',
  'device_code',
  'urn:ietf:params:oauth:grant-type:device_code',
];

/** Grants that send the user back to a redirect URI (the service's default grant is one). */
const REDIRECTING_GRANTS = ['authorization_code', 'implicit'];

function flattenDotted(value: Record<string, unknown>, prefix: string, out: Record<string, unknown>): void {
  for (const [key, item] of Object.entries(value)) {
    const name = `${prefix}.${key}`;
    out[name] = item;
    if (isPlainObject(item)) flattenDotted(item, name, out);
  }
}

/**
 * Runs `rules` over the nested object `c`'s input `property`, naming each field by its dotted
 * path (`samlSsoConfig.spEntityId`), and adds their failures to `c`. Skipped when the object is
 * absent, not an object, or not known yet.
 */
export function checkNested(
  c: InputChecker,
  inputs: Readonly<Record<string, unknown>>,
  property: string,
  rules: (nested: InputChecker, value: Record<string, unknown>) => void,
): void {
  const value = inputs[property];
  if (!isPlainObject(value)) return;
  const flat: Record<string, unknown> = {};
  flattenDotted(value, property, flat);
  const nested = new InputChecker(flat);
  rules(nested, value);
  for (const failure of nested.failures) c.fail(failure.property, failure.reason);
}

function isKnownString(value: unknown): value is string {
  return typeof value === 'string' && !isUnknown(value);
}

function knownList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || isUnknown(v))) return undefined;
  return value as string[];
}

/** Rules of `samlSsoConfig`. */
export function checkSamlSsoConfig(n: InputChecker, value: Record<string, unknown>): void {
  const p = 'samlSsoConfig';
  n.string(`${p}.spEntityId`, { required: true })
    .url(`${p}.spSsoAcsUrl`, { required: true })
    .oneOf(`${p}.nameIdFormat`, SAML_NAME_ID_FORMATS)
    .string(`${p}.nameIdValueExpression`, { minLength: 1 })
    .oneOf(`${p}.signatureAlgorithm`, SAML_SIGNATURE_ALGORITHMS)
    .boolean(`${p}.assertionSigned`)
    .boolean(`${p}.responseSigned`)
    .string(`${p}.idPEntityId`)
    .string(`${p}.defaultRelayState`);
  if (value.assertionSigned === false && value.responseSigned === false) {
    n.fail(`${p}.responseSigned`, `${p}.assertionSigned and ${p}.responseSigned cannot both be false`);
  }
  checkObjectList(
    n,
    value.attributeStatements,
    `${p}.attributeStatements`,
    ['attributeName', 'attributeValueExpression'],
    'attributeName',
  );
  checkObjectList(n, value.optionalRelayStates, `${p}.optionalRelayStates`, ['displayName', 'relayState']);
  if (
    Array.isArray(value.optionalRelayStates) &&
    value.optionalRelayStates.length > 0 &&
    !n.present(`${p}.defaultRelayState`)
  ) {
    n.fail(
      `${p}.defaultRelayState`,
      `${p}.defaultRelayState is required when ${p}.optionalRelayStates is set`,
    );
  }
}

/** Rules of `oidcSsoConfig`. */
export function checkOidcSsoConfig(n: InputChecker, value: Record<string, unknown>): void {
  const p = 'oidcSsoConfig';
  n.stringList(`${p}.grantTypes`, { allowed: OIDC_GRANT_TYPES })
    .stringList(`${p}.grantScopes`, { allowed: OIDC_GRANT_SCOPES })
    .stringList(`${p}.pkceChallengeMethods`, { allowed: PKCE_CHALLENGE_METHODS })
    .redirectUriList(`${p}.redirectUris`)
    .redirectUriList(`${p}.postLogoutRedirectUris`)
    .stringList(`${p}.responseTypes`, { minLength: 1 });
  for (const [ttl, [min, max]] of OIDC_TTLS) n.integer(`${p}.${ttl}`, { min, max });
  checkResponseTypes(n, `${p}.responseTypes`, value.responseTypes);
  n.boolean(`${p}.pkceRequired`)
    .boolean(`${p}.allowedPublicClient`)
    .boolean(`${p}.passwordTotpMfaRequired`)
    .string(`${p}.passwordAuthenticationSourceId`)
    .string(`${p}.subjectIdExpression`);
  checkObjectList(
    n,
    value.customClaims,
    `${p}.customClaims`,
    ['claimName', 'claimValueExpression'],
    'claimName',
  );
  if (Array.isArray(value.customClaims)) {
    value.customClaims.forEach((claim, i) => {
      const name = isPlainObject(claim) ? claim.claimName : undefined;
      if (isKnownString(name) && RESERVED_CLAIMS.includes(name)) {
        n.fail(
          `${p}.customClaims[${i}].claimName`,
          `${p}.customClaims[${i}].claimName must not be a claim the provider sets itself (${RESERVED_CLAIMS.join(', ')})`,
        );
      }
    });
  }
  const grants = value.grantTypes === undefined ? ['authorization_code'] : knownList(value.grantTypes);
  if (
    grants &&
    value.responseTypes !== undefined &&
    value.responseTypes !== null &&
    !grants.includes('implicit')
  ) {
    n.fail(`${p}.responseTypes`, `${p}.responseTypes applies only when ${p}.grantTypes includes implicit`);
  }
  if (grants && value.allowedPublicClient === true && !grants.some((g) => PUBLIC_CLIENT_GRANTS.includes(g))) {
    n.fail(
      `${p}.allowedPublicClient`,
      `${p}.allowedPublicClient needs the authorization_code or a device code grant in ${p}.grantTypes`,
    );
  }
  const redirects = value.redirectUris === undefined ? [] : knownList(value.redirectUris);
  if (grants && redirects && redirects.length === 0 && grants.some((g) => REDIRECTING_GRANTS.includes(g))) {
    n.fail(
      `${p}.redirectUris`,
      `${p}.redirectUris needs at least one URI with the authorization_code or implicit grant ` +
        '(authorization_code is the default when grantTypes is unset)',
    );
  }
}

/** Each item of `responseTypes`: distinct tokens among `code`, `token`, `id_token`, space-separated. */
function checkResponseTypes(n: InputChecker, property: string, value: unknown): void {
  if (!Array.isArray(value)) return;
  value.forEach((item, i) => {
    if (!isKnownString(item)) return;
    const tokens = item.split(' ').filter((t) => t !== '');
    const valid =
      tokens.length > 0 &&
      new Set(tokens).size === tokens.length &&
      tokens.every((t) => (RESPONSE_TYPE_TOKENS as readonly string[]).includes(t));
    if (!valid) {
      n.fail(
        `${property}[${i}]`,
        `${property}[${i}] must be distinct tokens among ${RESPONSE_TYPE_TOKENS.join(', ')} separated by spaces`,
      );
    }
  });
}

/**
 * A list of objects each carrying the non-blank string `requiredKeys`; with `uniqueKey`, no two
 * items share that key's value.
 */
function checkObjectList(
  n: InputChecker,
  value: unknown,
  property: string,
  requiredKeys: readonly string[],
  uniqueKey?: string,
): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  if (!Array.isArray(value)) {
    n.fail(property, `${property} must be a list`);
    return;
  }
  value.forEach((item, i) => {
    if (isUnknown(item)) return;
    if (!isPlainObject(item)) {
      n.fail(`${property}[${i}]`, `${property}[${i}] must be an object`);
      return;
    }
    for (const key of requiredKeys) {
      const v = item[key];
      if (isUnknown(v)) continue;
      if (typeof v !== 'string' || v.trim() === '')
        n.fail(`${property}[${i}].${key}`, `${property}[${i}].${key} is required`);
    }
  });
  if (uniqueKey) {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const v = isPlainObject(item) ? item[uniqueKey] : undefined;
      if (!isKnownString(v) || v === '') return;
      if (seen.has(v))
        n.fail(`${property}[${i}].${uniqueKey}`, `${property}[${i}].${uniqueKey} repeats an earlier item's`);
      seen.add(v);
    });
  }
}

/** Rules of `provisioningConfig`. */
export function checkProvisioningConfig(n: InputChecker, value: Record<string, unknown>): void {
  const p = 'provisioningConfig';
  n.oneOf(`${p}.provisionProtocolType`, PROVISION_PROTOCOL_TYPES, { required: true })
    .boolean(`${p}.provisionPassword`)
    .string(`${p}.networkAccessEndpointId`, { minLength: 1 })
    .object(`${p}.callbackProvisioningConfig`)
    .object(`${p}.scimProvisioningConfig`);
  const protocol = value.provisionProtocolType;
  const callback = `${p}.callbackProvisioningConfig`;
  const scim = `${p}.scimProvisioningConfig`;
  if (protocol === 'idaas_callback') {
    if (n.present(scim)) n.fail(scim, `${scim} applies only when ${p}.provisionProtocolType is scim2`);
    if (!n.present(callback))
      n.fail(callback, `${callback} is required when ${p}.provisionProtocolType is idaas_callback`);
  } else if (protocol === 'scim2') {
    if (n.present(callback))
      n.fail(callback, `${callback} applies only when ${p}.provisionProtocolType is idaas_callback`);
    if (!n.present(scim)) n.fail(scim, `${scim} is required when ${p}.provisionProtocolType is scim2`);
  }

  if (isPlainObject(value.callbackProvisioningConfig)) {
    n.url(`${callback}.callbackUrl`, { required: true })
      .boolean(`${callback}.encryptRequired`)
      .string(`${callback}.encryptKey`, {
        pattern: /^[0-9a-fA-F]{64}$/,
        patternDescription: '64 hexadecimal characters (an AES-256 key)',
      })
      .stringList(`${callback}.listenEventScopes`, { minLength: 1 });
    if (value.callbackProvisioningConfig.encryptRequired === true && !n.present(`${callback}.encryptKey`)) {
      n.fail(
        `${callback}.encryptKey`,
        `${callback}.encryptKey is required when ${callback}.encryptRequired is true`,
      );
    }
  }

  if (isPlainObject(value.scimProvisioningConfig)) {
    const authn = `${scim}.authnConfiguration`;
    const param = `${authn}.authnParam`;
    n.url(`${scim}.scimBaseUrl`, { required: true })
      .stringList(`${scim}.provisioningActions`, { minLength: 1 })
      .stringList(`${scim}.fullPushScopes`, { minLength: 1 })
      .object(authn, { required: true });
    const authnValue = value.scimProvisioningConfig.authnConfiguration;
    if (isPlainObject(authnValue)) {
      n.oneOf(`${authn}.authnMode`, SCIM_AUTHN_MODES)
        .oneOf(`${authn}.grantType`, SCIM_GRANT_TYPES, { required: true })
        .object(param);
      const grant = authnValue.grantType;
      const params = isPlainObject(authnValue.authnParam) ? authnValue.authnParam : {};
      const needs = (names: readonly string[], why: string) => {
        for (const name of names)
          if (params[name] === undefined || params[name] === null)
            n.fail(`${param}.${name}`, `${param}.${name} is required ${why}`);
      };
      const forbids = (names: readonly string[], why: string) => {
        for (const name of names)
          if (params[name] !== undefined && params[name] !== null)
            n.fail(`${param}.${name}`, `${param}.${name} applies only ${why}`);
      };
      if (isKnownString(grant) && grant === 'bearer_token') {
        needs(['accessToken'], 'with the bearer_token grant');
        forbids(
          ['clientId', 'clientSecret', 'tokenEndpoint', 'authnMethod'],
          'to the client_credentials grant',
        );
      } else if (isKnownString(grant) && grant === 'client_credentials') {
        needs(
          ['clientId', 'clientSecret', 'tokenEndpoint', 'authnMethod'],
          'with the client_credentials grant',
        );
        forbids(['accessToken'], 'to the bearer_token grant');
        n.url(`${param}.tokenEndpoint`).oneOf(`${param}.authnMethod`, SCIM_AUTHN_METHODS);
      }
    }
  }
}

/** Rules of an object holding id lists only (`applicationOwner`, `provisioningScope`). */
export function checkIdLists(
  n: InputChecker,
  property: string,
  lists: Readonly<Record<string, 'user' | 'group' | 'organizationalUnit'>>,
): void {
  for (const [list, kind] of Object.entries(lists)) n.idList(`${property}.${list}`, kind, { maxItems: 100 });
}

/** Failures as plain data (for tests and messages). */
export type { CheckFailure };
