/**
 * The enum-like inputs of the resources as string-literal union types, so an editor completes
 * them and a typo fails to compile instead of reaching `check`. Every value is spelled once, in
 * the generated catalog (`src/catalog/enums.ts`); this module picks the lists the resources'
 * inputs take, and the resources' `check` enforces the same tuples.
 *
 * ```ts
 * import type { SsoType } from 'pulumi-alicloud-eiam';
 * const protocol: SsoType = 'oidc';
 * ```
 */
import type { Toggle } from '../catalog/enums';

export {
  APPLICATION_IDENTITY_TYPES,
  APPLICATION_SOURCE_TYPES,
  AUTHORIZATION_TYPES,
  FORGET_PASSWORD_CHANNELS,
  INIT_LOGIN_TYPES,
  OIDC_GRANT_TYPES,
  PASSWORD_CHECK_TYPES,
  PASSWORD_EXPIRATION_ACTIONS,
  PASSWORD_EXPIRATION_NOTIFICATION_CHANNELS,
  PASSWORD_INITIALIZATION_NOTIFICATION_CHANNELS,
  PASSWORD_INITIALIZATION_POLICY_PRIORITIES,
  PASSWORD_INITIALIZATION_TYPES,
  PKCE_CHALLENGE_METHODS,
  PROVISION_PROTOCOL_TYPES,
  SAML_NAME_ID_FORMATS,
  SAML_SIGNATURE_ALGORITHMS,
  SCIM_AUTHN_METHODS,
  SCIM_AUTHN_MODES,
  SCIM_GRANT_TYPES,
  SSO_TYPES,
  TOGGLES,
  type ApplicationIdentityType,
  type ApplicationSourceType,
  type AuthorizationType,
  type ForgetPasswordChannel,
  type InitLoginType,
  type OidcGrantType,
  type PasswordCheckType,
  type PasswordExpirationAction,
  type PasswordExpirationNotificationChannel,
  type PasswordInitializationNotificationChannel,
  type PasswordInitializationPolicyPriority,
  type PasswordInitializationType,
  type PkceChallengeMethod,
  type ProvisionProtocolType,
  type SamlNameIdFormat,
  type SamlSignatureAlgorithm,
  type ScimAuthnMethod,
  type ScimAuthnMode,
  type ScimGrantType,
  type SsoType,
  type Toggle,
} from '../catalog/enums';

/** A user's status (`User.status`): `enabled` or `disabled`. */
export type UserStatus = Toggle;

// Custom fields (the user schema).
export {
  CUSTOM_FIELD_DATA_TYPES,
  CUSTOM_FIELD_DISPLAY_TYPES,
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_USER_PERMISSIONS,
  type CustomFieldDataType,
  type CustomFieldDisplayType,
  type CustomFieldEntityType,
  type CustomFieldUserPermission,
} from '../catalog/enums';

// The enum-like inputs of the identity provider resources.
export {
  DINGTALK_VERSIONS,
  EXPRESSION_MAPPING_TYPES,
  IDENTITY_PROVIDER_DIRECTIONS,
  IDENTITY_PROVIDER_TYPES,
  LDAP_PROTOCOLS,
  PERIODIC_SYNC_TYPES,
  type DingtalkVersion,
  type ExpressionMappingType,
  type IdentityProviderDirection,
  type IdentityProviderType,
  type LdapProtocol,
  type PeriodicSyncType,
} from '../catalog/enums';

// Network zones and conditional access policies.
export {
  CONDITIONAL_ACCESS_DECISION_TYPES,
  CONDITIONAL_ACCESS_EFFECTS,
  CONDITIONAL_ACCESS_EVALUATE_POINTS,
  CONDITIONAL_ACCESS_MFA_TYPES,
  CONDITIONAL_ACCESS_POLICY_TYPES,
  MFA_AUTHENTICATION_METHODS,
  NETWORK_ZONE_TYPES,
  type ConditionalAccessDecisionType,
  type ConditionalAccessEffect,
  type ConditionalAccessEvaluatePoint,
  type ConditionalAccessMfaType,
  type ConditionalAccessPolicyType,
  type MfaAuthenticationMethod,
  type NetworkZoneType,
} from '../catalog/enums';
