/**
 * pulumi-alicloud-eiam: Alibaba Cloud IDaaS EIAM (API Eiam 2021-12-01) as Pulumi dynamic
 * resources and lookup functions.
 *
 * ```ts
 * import * as eiam from 'pulumi-alicloud-eiam';
 * const instance = new eiam.Instance('main', { description: 'staff directory' });
 * ```
 *
 * The API client lives at `pulumi-alicloud-eiam/client` and the EIAM-compatible local server
 * at `pulumi-alicloud-eiam/local-server` (also the `eiam-local` command); neither is loaded by
 * a program that only declares resources.
 *
 * Every name here is public API, so the list is explicit: the resource classes with their
 * `Args` and nested types, their type tokens, the enum values, the lookups and their options.
 * The dynamic providers (`…Provider`, `…Implementation`) and the check and diff tables are
 * internals; a serialized provider reaches them through `pulumi-alicloud-eiam/resources/*`.
 */

// Directory resources.
export { Instance, INSTANCE_TYPE, type InstanceArgs } from './resources/instance';
export {
  OrganizationalUnit,
  ORGANIZATIONAL_UNIT_TYPE,
  type OrganizationalUnitArgs,
} from './resources/organizational-unit';
export {
  User,
  USER_TYPE,
  type UserArgs,
  type UserCustomField,
  type UserPasswordInitializationConfig,
} from './resources/user';
export { Users, USERS_TYPE, type UsersArgs, type UsersEntry, type UsersEntryArgs } from './resources/users';
export { Group, GROUP_TYPE, type GroupArgs } from './resources/group';
export {
  GroupMembership,
  GROUP_MEMBERSHIP_TYPE,
  type GroupMembershipArgs,
  GroupMembers,
  GROUP_MEMBERS_TYPE,
  type GroupMembersArgs,
} from './resources/group-membership';
export {
  PasswordPolicy,
  PASSWORD_POLICY_TYPE,
  PASSWORD_POLICY_DEFAULTS,
  type PasswordPolicyArgs,
  type PasswordPolicySections,
  type PasswordComplexity,
  type PasswordHistory,
  type PasswordExpiration,
  type PasswordInitialization,
  type ForgetPassword,
} from './resources/password-policy';

// Application resources.
export {
  Application,
  APPLICATION_TYPE,
  type ApplicationArgs,
  type ApplicationEndpoints,
} from './resources/application';
export {
  ApplicationAuthorization,
  APPLICATION_AUTHORIZATION_TYPE,
  type ApplicationAuthorizationArgs,
  type PrincipalType,
} from './resources/application-authorization';
export {
  ApplicationAuthorizations,
  APPLICATION_AUTHORIZATIONS_TYPE,
  type ApplicationAuthorizationsArgs,
} from './resources/application-authorizations';
export { ClientSecret, CLIENT_SECRET_TYPE, type ClientSecretArgs } from './resources/client-secret';
export type {
  ApplicationOwner,
  ApplicationOwnerArgs,
  CallbackProvisioningConfigArgs,
  OidcCustomClaimArgs,
  OidcSsoConfig,
  OidcSsoConfigArgs,
  ProvisioningConfig,
  ProvisioningConfigArgs,
  ProvisioningScope,
  ProvisioningScopeArgs,
  SamlAttributeStatementArgs,
  SamlOptionalRelayStateArgs,
  SamlSsoConfig,
  SamlSsoConfigArgs,
  ScimAuthnConfigurationArgs,
  ScimAuthnParamArgs,
  ScimProvisioningConfigArgs,
} from './resources/application-config';

// The user schema.
export {
  CustomField,
  CUSTOM_FIELD_TYPE,
  type CustomFieldArgs,
  type CustomFieldItem,
} from './resources/custom-field';
// Identity provider resources.
export {
  IdentityProvider,
  IDENTITY_PROVIDER_TYPE,
  type IdentityProviderArgs,
  type IdentityProviderAutoCreateUserConfig,
  type IdentityProviderAutoUpdateUserConfig,
  type IdentityProviderBindingConfig,
  type IdentityProviderDingtalkConfig,
  type IdentityProviderLarkConfig,
  type IdentityProviderLdapAuthnConfig,
  type IdentityProviderLdapConfig,
  type IdentityProviderOidcConfig,
  type IdentityProviderPeriodicSyncConfig,
  type IdentityProviderUdPullConfig,
  type IdentityProviderUdPushConfig,
  type IdentityProviderWeComConfig,
} from './resources/identity-provider';
export {
  UserAuthnSourceMapping,
  USER_AUTHN_SOURCE_MAPPING_TYPE,
  type UserAuthnSourceMappingArgs,
} from './resources/user-authn-source-mapping';
export {
  InternalAuthenticationSource,
  INTERNAL_AUTHENTICATION_SOURCE_TYPE,
  type InternalAuthenticationSourceArgs,
} from './resources/internal-authentication-source';
// Network access resources.
export { NetworkZone, NETWORK_ZONE_TYPE, type NetworkZoneArgs } from './resources/network-zone';
export {
  ConditionalAccessPolicy,
  CONDITIONAL_ACCESS_POLICY_TYPE,
  type ConditionalAccessPolicyArgs,
} from './resources/conditional-access-policy';

// Enum values of the inputs, as tuples and string-literal union types.
export * from './resources/enums';

// Lookups and their connection options.
export type { LookupInputs, LookupOptions } from './lookups/connection';
export * from './lookups/regions';
export * from './lookups/organizational-units';
export * from './lookups/users';
export * from './lookups/groups';
export * from './lookups/applications';
export * from './lookups/password-policy';
export * from './lookups/custom-fields';
export * from './lookups/identity-providers';
export * from './lookups/network-zones';
export * from './lookups/conditional-access';
