/**
 * The EIAM resources. Each module holds one resource's `<Name>Args`, its class and its dynamic
 * provider; `provider-kit` holds what they share (not re-exported here).
 */

// Directory resources (instance, organization, accounts, groups, password policy).
export * from './instance';
export * from './organizational-unit';
export * from './user';
export * from './users';
export * from './group';
export * from './group-membership';
export * from './password-policy';

// Application resources (Application, ApplicationAuthorization, ClientSecret): added by their
// module's author below this line.
export * from './application';
export * from './application-authorization';
export * from './application-authorizations';
export * from './client-secret';

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
