/**
 * The nested configuration blocks of an `Application` (SSO, provisioning, owner, scopes): their
 * argument types, their plain shapes, the secrets the service masks, and the field tables of the
 * SSO and provisioning blocks (members, check rules, wire names, secret members), which the
 * application's table uses as `field.block`s.
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
import {
  argsMatchTable,
  field,
  fieldTable,
  InputChecker,
  isPlainObject,
  isUnknown,
  typed,
  valueAt,
  type CheckFailure,
  type InputsOf,
} from './provider-kit';

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
// Masked secrets of the provisioning configuration
// ---------------------------------------------------------------------------------------------

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
    const liveValue = valueAt(out, path);
    const knownValue = valueAt(known, path);
    if (typeof liveValue !== 'string' || typeof knownValue !== 'string' || !liveValue.includes('*')) continue;
    if (maskAgrees(liveValue, knownValue)) setPath(out, path, knownValue);
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// The blocks' field tables (their members, check rules and wire names)
// ---------------------------------------------------------------------------------------------

type Bag = Readonly<Record<string, unknown>>;

function isKnownString(value: unknown): value is string {
  return typeof value === 'string' && !isUnknown(value);
}

function knownList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || isUnknown(v))) return undefined;
  return value as string[];
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

/** A list of objects with the members `keys` (checked by the block's rules). */
const objectList = <T extends object>(keys: readonly (keyof T & string)[]) =>
  field.list(typed<T>(), { fields: Object.fromEntries(keys.map((k) => [k, true] as const)) });

/**
 * The members of `samlSsoConfig`. Failures inside a block are named by the application's
 * table under the block (`samlSsoConfig.spEntityId`); messages naming a second member spell
 * its full path.
 */
export const SAML_SSO_CONFIG_FIELDS = fieldTable({
  inputs: {
    spEntityId: field.string({ required: true }),
    spSsoAcsUrl: field.string({ required: true, format: 'url' }),
    nameIdFormat: field.enum(SAML_NAME_ID_FORMATS),
    nameIdValueExpression: field.string({ minLength: 1 }),
    signatureAlgorithm: field.string({ oneOf: SAML_SIGNATURE_ALGORITHMS }),
    assertionSigned: field.boolean(),
    responseSigned: field.boolean(),
    idPEntityId: field.string(),
    defaultRelayState: field.string(),
    attributeStatements: objectList<pulumi.Unwrap<SamlAttributeStatementArgs>>([
      'attributeName',
      'attributeValueExpression',
    ]),
    optionalRelayStates: objectList<pulumi.Unwrap<SamlOptionalRelayStateArgs>>(['displayName', 'relayState']),
  },
  rules: (n, value) => {
    const p = 'samlSsoConfig';
    if (value.assertionSigned === false && value.responseSigned === false) {
      n.fail('responseSigned', `assertionSigned and ${p}.responseSigned cannot both be false`);
    }
    checkObjectList(
      n,
      value.attributeStatements,
      'attributeStatements',
      ['attributeName', 'attributeValueExpression'],
      'attributeName',
    );
    checkObjectList(n, value.optionalRelayStates, 'optionalRelayStates', ['displayName', 'relayState']);
    if (
      Array.isArray(value.optionalRelayStates) &&
      value.optionalRelayStates.length > 0 &&
      !n.present('defaultRelayState')
    ) {
      n.fail('defaultRelayState', `defaultRelayState is required when ${p}.optionalRelayStates is set`);
    }
  },
});
argsMatchTable<SamlSsoConfigArgs, typeof SAML_SSO_CONFIG_FIELDS>();

/** Grants with which an application may be a public client. */
const PUBLIC_CLIENT_GRANTS = [
  'authorization_code',
  'device_code',
  'urn:ietf:params:oauth:grant-type:device_code',
];

/** Grants that send the user back to a redirect URI (the service's default grant is one). */
const REDIRECTING_GRANTS = ['authorization_code', 'implicit'];

/** An OIDC lifetime in seconds, within its range of `OIDC_TTL_RANGES`. */
const lifetime = ([min, max]: readonly [number, number]) => field.integer({ min, max });

/** A list of redirect URIs (checked by the block's rules). */
const redirectUris = () => field.stringSet({ check: false });

/** The members of `oidcSsoConfig` (see {@link SAML_SSO_CONFIG_FIELDS} for the names of failures). */
export const OIDC_SSO_CONFIG_FIELDS = fieldTable({
  inputs: {
    grantTypes: field.enumSet(OIDC_GRANT_TYPES),
    grantScopes: field.stringSet({ oneOf: OIDC_GRANT_SCOPES }),
    redirectUris: redirectUris(),
    postLogoutRedirectUris: redirectUris(),
    responseTypes: field.stringSet({ minLength: 1 }),
    accessTokenEffectiveTime: lifetime(OIDC_TTL_RANGES.AccessTokenEffectiveTime),
    idTokenEffectiveTime: lifetime(OIDC_TTL_RANGES.IdTokenEffectiveTime),
    refreshTokenEffective: lifetime(OIDC_TTL_RANGES.RefreshTokenEffective),
    codeEffectiveTime: lifetime(OIDC_TTL_RANGES.CodeEffectiveTime),
    pkceRequired: field.boolean(),
    pkceChallengeMethods: field.enumSet(PKCE_CHALLENGE_METHODS),
    allowedPublicClient: field.boolean(),
    passwordAuthenticationSourceId: field.string(),
    passwordTotpMfaRequired: field.boolean(),
    subjectIdExpression: field.string(),
    customClaims: objectList<pulumi.Unwrap<OidcCustomClaimArgs>>(['claimName', 'claimValueExpression']),
  },
  rules: (n, value) => {
    const p = 'oidcSsoConfig';
    n.redirectUriList('redirectUris').redirectUriList('postLogoutRedirectUris');
    checkResponseTypes(n, 'responseTypes', value.responseTypes);
    checkObjectList(
      n,
      value.customClaims,
      'customClaims',
      ['claimName', 'claimValueExpression'],
      'claimName',
    );
    if (Array.isArray(value.customClaims)) {
      value.customClaims.forEach((claim, i) => {
        const name = isPlainObject(claim) ? claim.claimName : undefined;
        if (isKnownString(name) && RESERVED_CLAIMS.includes(name)) {
          n.fail(
            `customClaims[${i}].claimName`,
            `customClaims[${i}].claimName must not be a claim the provider sets itself (${RESERVED_CLAIMS.join(', ')})`,
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
      n.fail('responseTypes', `responseTypes applies only when ${p}.grantTypes includes implicit`);
    }
    if (
      grants &&
      value.allowedPublicClient === true &&
      !grants.some((g) => PUBLIC_CLIENT_GRANTS.includes(g))
    ) {
      n.fail(
        'allowedPublicClient',
        `allowedPublicClient needs the authorization_code or a device code grant in ${p}.grantTypes`,
      );
    }
    const redirects = value.redirectUris === undefined ? [] : knownList(value.redirectUris);
    if (grants && redirects && redirects.length === 0 && grants.some((g) => REDIRECTING_GRANTS.includes(g))) {
      n.fail(
        'redirectUris',
        'redirectUris needs at least one URI with the authorization_code or implicit grant ' +
          '(authorization_code is the default when grantTypes is unset)',
      );
    }
  },
});
argsMatchTable<OidcSsoConfigArgs, typeof OIDC_SSO_CONFIG_FIELDS>();

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

const PROVISIONING = 'provisioningConfig';
const CALLBACK = `${PROVISIONING}.callbackProvisioningConfig`;

/** The members of `provisioningConfig.callbackProvisioningConfig`. */
const CALLBACK_PROVISIONING_FIELDS = fieldTable({
  inputs: {
    callbackUrl: field.string({ required: true, format: 'url' }),
    encryptRequired: field.boolean(),
    encryptKey: field.string({
      secret: true,
      pattern: /^[0-9a-fA-F]{64}$/,
      patternDescription: '64 hexadecimal characters (an AES-256 key)',
    }),
    listenEventScopes: field.stringSet({ minLength: 1 }),
  },
  rules: (n, value) => {
    if (value.encryptRequired === true && !n.present('encryptKey')) {
      n.fail('encryptKey', `encryptKey is required when ${CALLBACK}.encryptRequired is true`);
    }
  },
});
argsMatchTable<CallbackProvisioningConfigArgs, typeof CALLBACK_PROVISIONING_FIELDS>();

/** The members of `…authnConfiguration.authnParam`; which are needed depends on the grant. */
const SCIM_AUTHN_PARAM_FIELDS = fieldTable({
  inputs: {
    accessToken: field.string({ secret: true, check: false }),
    clientId: field.string({ check: false }),
    clientSecret: field.string({ secret: true, check: false }),
    tokenEndpoint: field.string({ check: false }),
    authnMethod: field.enum(SCIM_AUTHN_METHODS, { check: false }),
  },
});
argsMatchTable<ScimAuthnParamArgs, typeof SCIM_AUTHN_PARAM_FIELDS>();

const CLIENT_CREDENTIALS_PARAMS = ['clientId', 'clientSecret', 'tokenEndpoint', 'authnMethod'] as const;

/** The members of `provisioningConfig.scimProvisioningConfig.authnConfiguration`. */
const SCIM_AUTHN_CONFIGURATION_FIELDS = fieldTable({
  inputs: {
    authnMode: field.enum(SCIM_AUTHN_MODES),
    grantType: field.enum(SCIM_GRANT_TYPES, { required: true }),
    authnParam: field.block(typed<InputsOf<typeof SCIM_AUTHN_PARAM_FIELDS>>(), SCIM_AUTHN_PARAM_FIELDS),
  },
  rules: (n, value) => {
    const grant = value.grantType;
    const params: Bag = isPlainObject(value.authnParam) ? value.authnParam : {};
    const param = (name: string) => `authnParam.${name}`;
    const needs = (names: readonly string[], why: string) => {
      for (const name of names)
        if (params[name] === undefined || params[name] === null)
          n.fail(param(name), `${param(name)} is required ${why}`);
    };
    const forbids = (names: readonly string[], why: string) => {
      for (const name of names)
        if (params[name] !== undefined && params[name] !== null)
          n.fail(param(name), `${param(name)} applies only ${why}`);
    };
    if (isKnownString(grant) && grant === 'bearer_token') {
      needs(['accessToken'], 'with the bearer_token grant');
      forbids(CLIENT_CREDENTIALS_PARAMS, 'to the client_credentials grant');
    } else if (isKnownString(grant) && grant === 'client_credentials') {
      needs(CLIENT_CREDENTIALS_PARAMS, 'with the client_credentials grant');
      forbids(['accessToken'], 'to the bearer_token grant');
      const p = new InputChecker(params).url('tokenEndpoint').oneOf('authnMethod', SCIM_AUTHN_METHODS);
      for (const f of p.failures) n.fail(param(f.property), `authnParam.${f.reason}`);
    }
  },
});
argsMatchTable<ScimAuthnConfigurationArgs, typeof SCIM_AUTHN_CONFIGURATION_FIELDS>();

/** The members of `provisioningConfig.scimProvisioningConfig`. */
const SCIM_PROVISIONING_FIELDS = fieldTable({
  inputs: {
    scimBaseUrl: field.string({ required: true, format: 'url' }),
    provisioningActions: field.stringSet({ minLength: 1 }),
    fullPushScopes: field.stringSet({ minLength: 1 }),
    authnConfiguration: field.block(
      typed<InputsOf<typeof SCIM_AUTHN_CONFIGURATION_FIELDS>>(),
      SCIM_AUTHN_CONFIGURATION_FIELDS,
      { required: true },
    ),
  },
});
argsMatchTable<ScimProvisioningConfigArgs, typeof SCIM_PROVISIONING_FIELDS>();

/**
 * The members of `provisioningConfig`: the block matching `provisionProtocolType` is required,
 * the other one refused. Its secrets (`secret: true` members of the nested blocks) are
 * {@link PROVISIONING_SECRET_PATHS}.
 */
export const PROVISIONING_CONFIG_FIELDS = fieldTable({
  inputs: {
    provisionProtocolType: field.enum(PROVISION_PROTOCOL_TYPES, { required: true }),
    provisionPassword: field.boolean(),
    networkAccessEndpointId: field.string({ minLength: 1 }),
    callbackProvisioningConfig: field.block(
      typed<InputsOf<typeof CALLBACK_PROVISIONING_FIELDS>>(),
      CALLBACK_PROVISIONING_FIELDS,
    ),
    scimProvisioningConfig: field.block(
      typed<InputsOf<typeof SCIM_PROVISIONING_FIELDS>>(),
      SCIM_PROVISIONING_FIELDS,
    ),
  },
  rules: (n, value) => {
    const protocol = value.provisionProtocolType;
    const [callback, scim] = ['callbackProvisioningConfig', 'scimProvisioningConfig'];
    const type = `${PROVISIONING}.provisionProtocolType`;
    if (protocol === 'idaas_callback') {
      if (n.present(scim)) n.fail(scim, `${scim} applies only when ${type} is scim2`);
      if (!n.present(callback)) n.fail(callback, `${callback} is required when ${type} is idaas_callback`);
    } else if (protocol === 'scim2') {
      if (n.present(callback)) n.fail(callback, `${callback} applies only when ${type} is idaas_callback`);
      if (!n.present(scim)) n.fail(scim, `${scim} is required when ${type} is scim2`);
    }
  },
});
argsMatchTable<ProvisioningConfigArgs, typeof PROVISIONING_CONFIG_FIELDS>();

/** Where the provisioning configuration keeps secrets (the service masks them when read). */
export const PROVISIONING_SECRET_PATHS: readonly (readonly string[])[] =
  PROVISIONING_CONFIG_FIELDS.secretInputs;

/** Failures as plain data (for tests and messages). */
export type { CheckFailure };
