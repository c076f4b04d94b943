/**
 * Single sign-on configuration of an application (SetApplicationSsoConfig /
 * GetApplicationSsoConfig): validation against the application's fixed SsoType, the service
 * defaults merged in on read, and the protocol endpoints derived from the instance.
 */
import type { GetApplicationSsoConfigResponse } from '../../catalog';
import type { Camel } from '../../catalog/case';
import {
  INIT_LOGIN_TYPES,
  OIDC_GRANT_SCOPES,
  OIDC_GRANT_TYPES,
  OIDC_TTL_RANGES,
  PKCE_CHALLENGE_METHODS,
  RESERVED_CLAIMS,
  RESPONSE_TYPE_TOKENS,
  SAML_NAME_ID_FORMATS,
  SAML_SIGNATURE_ALGORITHMS,
} from '../../catalog';
import type {
  ApplicationState,
  OidcSsoConfigState,
  SamlSsoConfigState,
  SsoConfigState,
} from './application-state';
import {
  checkAllOneOf,
  checkHttpUrl,
  checkIntegerRange,
  checkNonBlank,
  checkOneOf,
  distinct,
  readBoolean,
  readInteger,
  readStringList,
} from './validate';
import { invalidParameter } from './errors';
import type { RequestFields } from './inputs';

// The value lists and rules shared with the resources' checks live in the catalog: SSO initiation
// modes (`InitLoginType`), SAML NameID formats, signature algorithms, OIDC grant types and
// scopes, PKCE methods and lifetimes.
export {
  INIT_LOGIN_TYPES,
  OIDC_GRANT_SCOPES,
  OIDC_GRANT_TYPES,
  OIDC_TTL_RANGES,
  PKCE_CHALLENGE_METHODS,
  SAML_NAME_ID_FORMATS,
  SAML_SIGNATURE_ALGORITHMS,
} from '../../catalog';

/** Service defaults filled in by GetApplicationSsoConfig for settings never set. */
export const SSO_DEFAULTS = {
  saml: {
    nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    nameIdValueExpression: 'user.username',
    signatureAlgorithm: 'RSA-SHA256',
    responseSigned: true,
    assertionSigned: true,
  },
  oidc: {
    grantTypes: ['authorization_code'],
    grantScopes: ['openid', 'email', 'profile'],
    accessTokenEffectiveTime: 1200,
    idTokenEffectiveTime: 300,
    refreshTokenEffective: 86_400,
    codeEffectiveTime: 60,
    pkceRequired: false,
    allowedPublicClient: false,
    subjectIdExpression: 'user.userId',
  },
} as const;

/** Where an instance's protocol endpoints live. */
export interface EndpointHosts {
  /** Host of the instance's login portal, e.g. `abcd1234.aliyunidaas.com`. */
  portalDomain: string;
  /** Host of the regional EIAM protocol API, e.g. `eiam-api-cn-hangzhou.aliyuncs.com`. */
  apiHost: string;
}

/** SetApplicationSsoConfig input. */
export type SetApplicationSsoConfigInput = RequestFields<
  'SetApplicationSsoConfig',
  'initLoginType' | 'initLoginUrl' | 'samlSsoConfig' | 'oidcSsoConfig'
>;
type SamlInput = NonNullable<SetApplicationSsoConfigInput['samlSsoConfig']>;
type OidcInput = NonNullable<SetApplicationSsoConfigInput['oidcSsoConfig']>;
/** GetApplicationSsoConfig's `ApplicationSsoConfig` with camelCase keys (handlers apply `toWire`). */
export type SsoView = Camel<NonNullable<GetApplicationSsoConfigResponse['ApplicationSsoConfig']>>;

/** Default `InitLoginType` of each protocol (documented by the API reference). */
function defaultInitLoginType(app: ApplicationState): string {
  return app.ssoType === 'saml2' ? 'idaas_or_app_init_sso' : 'only_app_init_sso';
}

/** True for an absolute URI (any scheme) without a fragment, as OAuth redirect URIs must be. */
function isRedirectUri(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.hash !== '') return false;
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname !== '';
    return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol);
  } catch {
    return false;
  }
}

function checkRedirectUris(field: string, values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  for (const uri of values) {
    if (!isRedirectUri(uri))
      throw invalidParameter(field, `'${uri}' is not an absolute URI without a fragment.`);
  }
  return distinct(values);
}

function checkUrlOrUrn(field: string, value: string): string {
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(value)) return value;
  return checkHttpUrl(field, value);
}

function parseSaml(input: SamlInput): SamlSsoConfigState {
  const f = (name: string) => `SamlSsoConfig.${name}`;
  const out: SamlSsoConfigState = {
    spEntityId: checkNonBlank(f('SpEntityId'), input.spEntityId),
    spSsoAcsUrl: checkHttpUrl(f('SpSsoAcsUrl'), checkNonBlank(f('SpSsoAcsUrl'), input.spSsoAcsUrl)),
  };
  if (input.nameIdFormat !== undefined) {
    out.nameIdFormat = checkOneOf(f('NameIdFormat'), input.nameIdFormat, SAML_NAME_ID_FORMATS);
  }
  if (input.nameIdValueExpression !== undefined) {
    out.nameIdValueExpression = checkNonBlank(f('NameIdValueExpression'), input.nameIdValueExpression);
  }
  if (input.signatureAlgorithm !== undefined) {
    out.signatureAlgorithm = checkOneOf(
      f('SignatureAlgorithm'),
      input.signatureAlgorithm,
      SAML_SIGNATURE_ALGORITHMS,
    );
  }
  const responseSigned = readBoolean(f('ResponseSigned'), input.responseSigned);
  const assertionSigned = readBoolean(f('AssertionSigned'), input.assertionSigned);
  if (responseSigned !== undefined) out.responseSigned = responseSigned;
  if (assertionSigned !== undefined) out.assertionSigned = assertionSigned;
  if (
    (responseSigned ?? SSO_DEFAULTS.saml.responseSigned) === false &&
    (assertionSigned ?? SSO_DEFAULTS.saml.assertionSigned) === false
  ) {
    throw invalidParameter(f('ResponseSigned'), 'ResponseSigned and AssertionSigned cannot both be false.');
  }
  if (input.idPEntityId !== undefined && input.idPEntityId !== '') {
    out.idPEntityId = checkUrlOrUrn(f('IdPEntityId'), input.idPEntityId);
  }
  if (input.defaultRelayState !== undefined && input.defaultRelayState !== '') {
    out.defaultRelayState = input.defaultRelayState;
  }
  if (input.attributeStatements !== undefined) {
    const seen = new Set<string>();
    out.attributeStatements = input.attributeStatements.map((item) => {
      const name = checkNonBlank(f('AttributeStatements.AttributeName'), item.attributeName);
      if (seen.has(name))
        throw invalidParameter(f('AttributeStatements.AttributeName'), `'${name}' is repeated.`);
      seen.add(name);
      return {
        attributeName: name,
        attributeValueExpression: checkNonBlank(
          f('AttributeStatements.AttributeValueExpression'),
          item.attributeValueExpression,
        ),
      };
    });
  }
  if (input.optionalRelayStates !== undefined && input.optionalRelayStates.length > 0) {
    if (out.defaultRelayState === undefined) {
      throw invalidParameter(
        f('OptionalRelayStates'),
        'a DefaultRelayState must be set before optional ones.',
      );
    }
    out.optionalRelayStates = input.optionalRelayStates.map((item) => ({
      displayName: checkNonBlank(f('OptionalRelayStates.DisplayName'), item.displayName),
      relayState: checkNonBlank(f('OptionalRelayStates.RelayState'), item.relayState),
    }));
  }
  return out;
}

function ttl(name: keyof typeof OIDC_TTL_RANGES, value: unknown): number | undefined {
  const n = readInteger(`OidcSsoConfig.${name}`, value);
  if (n === undefined) return undefined;
  const [min, max] = OIDC_TTL_RANGES[name];
  return checkIntegerRange(`OidcSsoConfig.${name}`, n, min, max);
}

function parseOidc(input: OidcInput): OidcSsoConfigState {
  const f = (name: string) => `OidcSsoConfig.${name}`;
  const out: OidcSsoConfigState = {};
  const grantTypes = readStringList(f('GrantTypes'), input.grantTypes);
  if (grantTypes !== undefined) out.grantTypes = checkAllOneOf(f('GrantTypes'), grantTypes, OIDC_GRANT_TYPES);
  const effectiveGrants: readonly string[] = out.grantTypes ?? SSO_DEFAULTS.oidc.grantTypes;
  const hasGrant = (...names: string[]) => names.some((n) => effectiveGrants.includes(n));

  out.redirectUris = checkRedirectUris(
    f('RedirectUris'),
    readStringList(f('RedirectUris'), input.redirectUris),
  );
  out.postLogoutRedirectUris = checkRedirectUris(
    f('PostLogoutRedirectUris'),
    readStringList(f('PostLogoutRedirectUris'), input.postLogoutRedirectUris),
  );
  if (hasGrant('authorization_code', 'implicit') && (out.redirectUris ?? []).length === 0) {
    throw invalidParameter(
      f('RedirectUris'),
      'at least one redirect URI is required for authorization_code or implicit.',
    );
  }

  const scopes = readStringList(f('GrantScopes'), input.grantScopes);
  if (scopes !== undefined) out.grantScopes = checkAllOneOf(f('GrantScopes'), scopes, OIDC_GRANT_SCOPES);

  const responseTypes = readStringList(f('ResponseTypes'), input.responseTypes);
  if (responseTypes !== undefined) {
    if (!hasGrant('implicit')) {
      throw invalidParameter(
        f('ResponseTypes'),
        'response types apply only when GrantTypes includes implicit.',
      );
    }
    out.responseTypes = distinct(
      responseTypes.map((item) => {
        const tokens = item.split(' ').filter((t) => t !== '');
        if (tokens.length === 0 || new Set(tokens).size !== tokens.length) {
          throw invalidParameter(f('ResponseTypes'), `'${item}' is not a valid response type.`);
        }
        checkAllOneOf(f('ResponseTypes'), tokens, RESPONSE_TYPE_TOKENS);
        return tokens.join(' ');
      }),
    );
  }

  const access = ttl('AccessTokenEffectiveTime', input.accessTokenEffectiveTime);
  const id = ttl('IdTokenEffectiveTime', input.idTokenEffectiveTime);
  const refresh = ttl('RefreshTokenEffective', input.refreshTokenEffective);
  const code = ttl('CodeEffectiveTime', input.codeEffectiveTime);
  if (access !== undefined) out.accessTokenEffectiveTime = access;
  if (id !== undefined) out.idTokenEffectiveTime = id;
  if (refresh !== undefined) out.refreshTokenEffective = refresh;
  if (code !== undefined) out.codeEffectiveTime = code;

  const pkceRequired = readBoolean(f('PkceRequired'), input.pkceRequired);
  if (pkceRequired !== undefined) out.pkceRequired = pkceRequired;
  const methods = readStringList(f('PkceChallengeMethods'), input.pkceChallengeMethods);
  if (methods !== undefined) {
    out.pkceChallengeMethods = checkAllOneOf(f('PkceChallengeMethods'), methods, PKCE_CHALLENGE_METHODS);
  } else if (pkceRequired) {
    out.pkceChallengeMethods = ['S256'];
  }

  const publicClient = readBoolean(f('AllowedPublicClient'), input.allowedPublicClient);
  if (publicClient !== undefined) {
    if (
      publicClient &&
      !hasGrant('authorization_code', 'device_code', 'urn:ietf:params:oauth:grant-type:device_code')
    ) {
      throw invalidParameter(
        f('AllowedPublicClient'),
        'a public client is possible only with the authorization_code or device code grant.',
      );
    }
    out.allowedPublicClient = publicClient;
  }

  if (input.passwordAuthenticationSourceId !== undefined && input.passwordAuthenticationSourceId !== '') {
    out.passwordAuthenticationSourceId = input.passwordAuthenticationSourceId;
  }
  const totp = readBoolean(f('PasswordTotpMfaRequired'), input.passwordTotpMfaRequired);
  if (totp !== undefined) out.passwordTotpMfaRequired = totp;
  if (input.subjectIdExpression !== undefined && input.subjectIdExpression !== '') {
    out.subjectIdExpression = input.subjectIdExpression;
  }
  if (input.customClaims !== undefined) {
    const seen = new Set<string>();
    out.customClaims = input.customClaims.map((claim) => {
      const name = checkNonBlank(f('CustomClaims.ClaimName'), claim.claimName);
      if (RESERVED_CLAIMS.includes(name)) {
        throw invalidParameter(f('CustomClaims.ClaimName'), `'${name}' is a reserved claim.`);
      }
      if (seen.has(name)) throw invalidParameter(f('CustomClaims.ClaimName'), `'${name}' is repeated.`);
      seen.add(name);
      return {
        claimName: name,
        claimValueExpression: checkNonBlank(
          f('CustomClaims.ClaimValueExpression'),
          claim.claimValueExpression,
        ),
      };
    });
  }
  for (const key of Object.keys(out) as (keyof OidcSsoConfigState)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

/**
 * Applies SetApplicationSsoConfig to an application. The protocol block given replaces the stored
 * one wholesale (omitted fields fall back to the defaults); `InitLoginType`/`InitLoginUrl` change
 * only when given. A block of the other protocol is refused: an application's SsoType is fixed.
 * Validation completes before anything is changed.
 */
export function applySsoConfig(app: ApplicationState, req: SetApplicationSsoConfigInput): void {
  const next: SsoConfigState = { ...app.sso };
  if (req.samlSsoConfig !== undefined) {
    if (app.ssoType !== 'saml2') {
      throw invalidParameter('SamlSsoConfig', `the application uses ${app.ssoType}, not saml2.`);
    }
    next.saml = parseSaml(req.samlSsoConfig);
  }
  if (req.oidcSsoConfig !== undefined) {
    if (app.ssoType !== 'oidc') {
      throw invalidParameter('OidcSsoConfig', `the application uses ${app.ssoType}, not oidc.`);
    }
    next.oidc = parseOidc(req.oidcSsoConfig);
  }
  if (req.initLoginType !== undefined && req.initLoginType !== '') {
    next.initLoginType = checkOneOf('InitLoginType', req.initLoginType, INIT_LOGIN_TYPES);
    if (req.initLoginUrl === undefined) delete next.initLoginUrl;
  }
  if (req.initLoginUrl !== undefined) {
    if (req.initLoginUrl === '') delete next.initLoginUrl;
    else next.initLoginUrl = checkHttpUrl('InitLoginUrl', req.initLoginUrl);
  }
  const loginType = next.initLoginType ?? defaultInitLoginType(app);
  const urlNeeded =
    (app.ssoType === 'saml2' && loginType === 'only_app_init_sso') ||
    (app.ssoType === 'oidc' && loginType === 'idaas_or_app_init_sso');
  if (urlNeeded && next.initLoginUrl === undefined) {
    throw invalidParameter(
      'InitLoginUrl',
      `it is required when a ${app.ssoType} application uses ${loginType}.`,
    );
  }
  app.sso = next;
}

/** The protocol endpoints of an application, as GetApplicationSsoConfig reports them. */
export function protocolEndpoints(
  app: ApplicationState,
  hosts: EndpointHosts,
): NonNullable<SsoView['protocolEndpointDomain']> {
  const portal = `https://${hosts.portalDomain}`;
  const api = `https://${hosts.apiHost}/v2/${app.instanceId}/${app.applicationId}`;
  if (app.ssoType === 'saml2') {
    return {
      samlMetaEndpoint: `${portal}/api/v2/${app.applicationId}/saml2/meta`,
      samlSsoEndpoint: `${portal}/login/app/${app.applicationId}/saml2/sso`,
    };
  }
  return {
    oidcIssuer: `${api}/oidc`,
    oidcJwksEndpoint: `${api}/oidc/jwks`,
    oauth2AuthorizationEndpoint: `${portal}/login/app/${app.applicationId}/oauth2/authorize`,
    oauth2TokenEndpoint: `${api}/oauth2/token`,
    oauth2UserinfoEndpoint: `${api}/oauth2/userinfo`,
    oauth2RevokeEndpoint: `${api}/oauth2/revoke`,
    oauth2DeviceAuthorizationEndpoint: `${api}/oauth2/device/code`,
    oidcLogoutEndpoint: `${portal}/login/app/${app.applicationId}/oauth2/logout`,
  };
}

function nonEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values !== undefined && values.length > 0 ? values : undefined;
}

/**
 * GetApplicationSsoConfig's `ApplicationSsoConfig`: what was set, with the service defaults for
 * the rest, the block of the application's protocol only, and its endpoints. SAML's `IdPEntityId`
 * defaults to the metadata URL. `AllowedPublicClient` is a string (`"true"`/`"false"`) in this
 * response, as the API declares it.
 */
export function ssoConfigView(app: ApplicationState, hosts: EndpointHosts): SsoView {
  const endpoints = protocolEndpoints(app, hosts);
  const view: SsoView = {
    ssoStatus: 'enabled',
    initLoginType: app.sso.initLoginType ?? defaultInitLoginType(app),
    initLoginUrl: app.sso.initLoginUrl,
    protocolEndpointDomain: endpoints,
  };
  if (app.ssoType === 'saml2') {
    const s = app.sso.saml ?? {};
    const d = SSO_DEFAULTS.saml;
    view.samlSsoConfig = {
      spEntityId: s.spEntityId,
      spSsoAcsUrl: s.spSsoAcsUrl,
      nameIdFormat: s.nameIdFormat ?? d.nameIdFormat,
      nameIdValueExpression: s.nameIdValueExpression ?? d.nameIdValueExpression,
      signatureAlgorithm: s.signatureAlgorithm ?? d.signatureAlgorithm,
      responseSigned: s.responseSigned ?? d.responseSigned,
      assertionSigned: s.assertionSigned ?? d.assertionSigned,
      idPEntityId: s.idPEntityId ?? endpoints.samlMetaEndpoint,
      defaultRelayState: s.defaultRelayState,
      attributeStatements: nonEmpty(
        s.attributeStatements?.map((a) => ({
          attributeName: a.attributeName,
          attributeValueExpression: a.attributeValueExpression,
        })),
      ),
      optionalRelayStates: nonEmpty(
        s.optionalRelayStates?.map((r) => ({ displayName: r.displayName, relayState: r.relayState })),
      ),
    };
  } else {
    const o = app.sso.oidc ?? {};
    const d = SSO_DEFAULTS.oidc;
    const grantTypes = o.grantTypes ?? [...d.grantTypes];
    view.oidcSsoConfig = {
      grantTypes: grantTypes,
      grantScopes: o.grantScopes ?? [...d.grantScopes],
      redirectUris: nonEmpty(o.redirectUris),
      postLogoutRedirectUris: nonEmpty(o.postLogoutRedirectUris),
      responseTypes: grantTypes.includes('implicit') ? nonEmpty(o.responseTypes) : undefined,
      accessTokenEffectiveTime: o.accessTokenEffectiveTime ?? d.accessTokenEffectiveTime,
      idTokenEffectiveTime: o.idTokenEffectiveTime ?? d.idTokenEffectiveTime,
      refreshTokenEffective: o.refreshTokenEffective ?? d.refreshTokenEffective,
      codeEffectiveTime: o.codeEffectiveTime ?? d.codeEffectiveTime,
      pkceRequired: o.pkceRequired ?? d.pkceRequired,
      pkceChallengeMethods: nonEmpty(o.pkceChallengeMethods),
      allowedPublicClient: String(o.allowedPublicClient ?? d.allowedPublicClient),
      passwordAuthenticationSourceId: o.passwordAuthenticationSourceId,
      passwordTotpMfaRequired: o.passwordTotpMfaRequired,
      subjectIdExpression: o.subjectIdExpression ?? d.subjectIdExpression,
      customClaims: nonEmpty(
        o.customClaims?.map((c) => ({
          claimName: c.claimName,
          claimValueExpression: c.claimValueExpression,
        })),
      ),
    };
  }
  return view;
}
