/**
 * The enum-like inputs of the resources as string-literal union types, so an editor completes
 * them and a typo fails to compile instead of reaching `check`. Each type is derived from the
 * list its resource's `check` enforces, so a value is spelled in one place; the lists that only
 * the types need are declared here.
 *
 * ```ts
 * import type { SsoType } from 'pulumi-alicloud-eiam';
 * const protocol: SsoType = 'oidc';
 * ```
 */
import type {
  APPLICATION_IDENTITY_TYPES,
  AUTHORIZATION_TYPES,
  SOURCE_STANDARD,
  SOURCE_TEMPLATE,
} from './application';
import type {
  INIT_LOGIN_TYPES,
  PROVISION_PROTOCOL_TYPES,
  SAML_NAME_ID_FORMATS,
  SCIM_AUTHN_METHODS,
  SCIM_GRANT_TYPES,
  SSO_TYPES,
} from './application-config';

/** `enabled` or `disabled`: every on/off status of the API. */
export type Toggle = 'enabled' | 'disabled';

/** A user's status (`User.status`). */
export type UserStatus = Toggle;

/** An application's SSO protocol (`Application.ssoType`): `saml2` or `oidc`. */
export type SsoType = (typeof SSO_TYPES)[number];

/** Where an application comes from (`Application.applicationSourceType`). */
export type ApplicationSourceType = typeof SOURCE_STANDARD | typeof SOURCE_TEMPLATE;

/** `Application.applicationIdentityType`: `application` or `agent`. */
export type ApplicationIdentityType = (typeof APPLICATION_IDENTITY_TYPES)[number];

/** Who may use an application (`Application.authorizationType`): `authorize_required` or `default_all`. */
export type AuthorizationType = (typeof AUTHORIZATION_TYPES)[number];

/** Who may start a sign-in (`Application.initLoginType`). */
export type InitLoginType = (typeof INIT_LOGIN_TYPES)[number];

/** A SAML NameID format (`samlSsoConfig.nameIdFormat`). */
export type SamlNameIdFormat = (typeof SAML_NAME_ID_FORMATS)[number];

/** OAuth 2.0 / OIDC grant types of an OIDC application (`oidcSsoConfig.grantTypes`). */
export const OIDC_GRANT_TYPES = [
  'authorization_code',
  'implicit',
  'password',
  'client_credentials',
  'refresh_token',
  'device_code',
  'urn:ietf:params:oauth:grant-type:device_code',
] as const;

/** One OAuth 2.0 / OIDC grant type (`oidcSsoConfig.grantTypes`). */
export type OidcGrantType = (typeof OIDC_GRANT_TYPES)[number];

/** PKCE code-challenge methods (`oidcSsoConfig.pkceChallengeMethods`, RFC 7636). */
export const PKCE_CHALLENGE_METHODS = ['S256', 'plain'] as const;

/** One PKCE code-challenge method. */
export type PkceChallengeMethod = (typeof PKCE_CHALLENGE_METHODS)[number];

/** Provisioning protocol (`provisioningConfig.provisionProtocolType`): `idaas_callback` or `scim2`. */
export type ProvisionProtocolType = (typeof PROVISION_PROTOCOL_TYPES)[number];

/** How EIAM authenticates to a SCIM API (`scimProvisioningConfig.authnConfiguration.grantType`). */
export type ScimGrantType = (typeof SCIM_GRANT_TYPES)[number];

/** Client authentication at a SCIM token endpoint (`authnParam.authnMethod`). */
export type ScimAuthnMethod = (typeof SCIM_AUTHN_METHODS)[number];

/** The only SCIM authentication mode (`authnConfiguration.authnMode`). */
export type ScimAuthnMode = 'oauth2';
