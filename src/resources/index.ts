/**
 * Every export of the resource modules, providers included: the package's internal barrel
 * (tests and the serialization checks use it). The public entry point, `src/index.ts`, picks
 * the public names from it explicitly. `provider-kit` holds what the modules share (not
 * re-exported here).
 */

// Directory resources (instance, organization, accounts, groups, password policy).
export * from './instance';
export * from './organizational-unit';
export * from './user';
export * from './users';
export * from './group';
export * from './group-membership';
export * from './password-policy';

// Application resources (Application, ApplicationAuthorization(s), ClientSecret).
export * from './application';
export * from './application-authorization';
export * from './application-authorizations';
export * from './client-secret';

// The user schema (custom fields).
export * from './custom-field';
// Identity providers (IdentityProvider, UserAuthnSourceMapping, InternalAuthenticationSource).
export * from './identity-provider';
export * from './user-authn-source-mapping';
export * from './internal-authentication-source';

// String-literal union types of the enum-like inputs.
export * from './enums';
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
} from './application-config';

// Network zones and conditional access policies.
export * from './network-zone';
export * from './conditional-access-policy';
