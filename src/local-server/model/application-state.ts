/**
 * Stored shape of an EIAM application and everything hanging off it (SSO configuration, client
 * secrets, authorizations, developer-API scopes, provisioning). Plain data only, so that
 * `EiamService.snapshot()` can serialize it with `structuredClone` (no Sets, no class instances); Maps are keyed by id and
 * keep insertion order, which the listing operations rely on for a stable order.
 */

import type { AuthorizationType, SsoType, Toggle } from '../../catalog/enums';

// The API's value types (`Toggle` for every on/off status field, `SsoType` fixed at creation,
// `AuthorizationType`) come from the catalog, where each value is spelled once.
export type { AuthorizationType, SsoType, Toggle };

/** Kinds of directory principal an application can be authorized to. */
export type PrincipalKind = 'user' | 'group' | 'organizationalUnit';

/** A `FieldName`/`FieldValue` pair as stored in `CustomFields`. */
export interface CustomField {
  fieldName: string;
  fieldValue: string;
}

/** SAML 2.0 settings as set through SetApplicationSsoConfig. Unset fields are absent. */
export interface SamlSsoConfigState {
  spEntityId?: string;
  spSsoAcsUrl?: string;
  nameIdFormat?: string;
  nameIdValueExpression?: string;
  signatureAlgorithm?: string;
  assertionSigned?: boolean;
  responseSigned?: boolean;
  idPEntityId?: string;
  defaultRelayState?: string;
  attributeStatements?: { attributeName: string; attributeValueExpression: string }[];
  optionalRelayStates?: { displayName: string; relayState: string }[];
}

/** OIDC settings as set through SetApplicationSsoConfig. Unset fields are absent. */
export interface OidcSsoConfigState {
  grantTypes?: string[];
  responseTypes?: string[];
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  grantScopes?: string[];
  accessTokenEffectiveTime?: number;
  idTokenEffectiveTime?: number;
  refreshTokenEffective?: number;
  codeEffectiveTime?: number;
  pkceRequired?: boolean;
  pkceChallengeMethods?: string[];
  allowedPublicClient?: boolean;
  passwordAuthenticationSourceId?: string;
  passwordTotpMfaRequired?: boolean;
  subjectIdExpression?: string;
  customClaims?: { claimName: string; claimValueExpression: string }[];
}

/** SSO configuration of one application; only the block matching the app's SsoType is ever set. */
export interface SsoConfigState {
  initLoginType?: string;
  initLoginUrl?: string;
  saml?: SamlSsoConfigState;
  oidc?: OidcSsoConfigState;
}

/** One OAuth client secret. The plain value is kept (ObtainApplicationClientSecret returns it). */
export interface ClientSecretState {
  secretId: string;
  /** Plain secret value. Never log it. */
  clientSecret: string;
  status: Toggle;
  createTime: number;
  /** Epoch ms; 0 or absent = never expires. */
  expirationTime?: number;
  lastUsedTime?: number;
}

/**
 * Principals granted access, by kind, in grant order. Each principal maps to the sorted, distinct
 * ApplicationRoleIds it was granted with (`''` stands for the plain grant without a role).
 */
export interface AuthorizationsState {
  users: Map<string, string[]>;
  groups: Map<string, string[]>;
  organizationalUnits: Map<string, string[]>;
}

/** SCIM 2.0 outbound provisioning settings. */
export interface ScimProvisioningConfigState {
  scimBaseUrl?: string;
  provisioningActions?: string[];
  fullPushScopes?: string[];
  authnConfiguration?: {
    authnMode?: string;
    grantType?: string;
    authnParam?: {
      accessToken?: string;
      authnMethod?: string;
      clientId?: string;
      clientSecret?: string;
      tokenEndpoint?: string;
    };
  };
}

/** IDaaS event-callback provisioning settings. */
export interface CallbackProvisioningConfigState {
  callbackUrl?: string;
  encryptKey?: string;
  encryptRequired?: boolean;
  listenEventScopes?: string[];
}

/** Provisioning (account synchronisation) of one application. */
export interface ProvisioningState {
  status: Toggle;
  protocolType?: 'idaas_callback' | 'scim2';
  provisionPassword?: boolean;
  networkAccessEndpointId?: string;
  callback?: CallbackProvisioningConfigState;
  scim?: ScimProvisioningConfigState;
  /** Provisioning scope: directory entities whose members are pushed to the app. */
  scopeOrganizationalUnitIds: string[];
  scopeGroupIds: string[];
}

/** One application in an EIAM instance. */
export interface ApplicationState {
  applicationId: string;
  instanceId: string;
  /** Creation sequence number (`EiamService.nextSeq()`): the listing order. */
  seq: number;
  clientId: string;
  applicationName: string;
  description?: string;
  logoUrl?: string;
  applicationSourceType: string;
  applicationTemplateId?: string;
  applicationIdentityType: string;
  applicationCreationType: string;
  ssoType: SsoType;
  status: Toggle;
  authorizationType: AuthorizationType;
  apiInvokeStatus: Toggle;
  owner: { userIds: string[]; groupIds: string[] };
  visibility: string[];
  customFields: CustomField[];
  createTime: number;
  updateTime: number;
  sso: SsoConfigState;
  /** Client secrets by SecretId, in creation order. */
  clientSecrets: Map<string, ClientSecretState>;
  authorizations: AuthorizationsState;
  /** Developer-API scopes (SetApplicationGrantScope). */
  grantScopes: string[];
  provisioning: ProvisioningState;
}
