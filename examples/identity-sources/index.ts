/**
 * Where accounts come from and when they must prove more: an existing EIAM directory gets
 *
 * - an organizational unit for the accounts an LDAP server brings in,
 * - the LDAP server as an identity provider: people sign in with their LDAP password, an
 *   account is created in that unit at a first sign-in, and the directory is pulled into it,
 * - a custom field of the user schema (the employee number the HR system knows people by),
 * - the office network as a network zone, and
 * - a payroll application that asks for a second factor when a sign-in comes from outside the
 *   office (a conditional access policy).
 *
 * Config: `instanceId` (required: the directory, `idaas_…`), `ldapBindPassword` (required,
 * secret: `pulumi config set --secret ldapBindPassword …`), `ldapHost` (default `10.0.0.5`),
 * `officeCidrs` (default `["203.0.113.0/24"]`), and the provider's `eiam:*` settings.
 */
import * as pulumi from '@pulumi/pulumi';
import * as eiam from 'pulumi-alicloud-eiam';

const config = new pulumi.Config();
const instanceId = config.require('instanceId');
// An empty value (e.g. from a `$(…)` that failed) would only fail later, inside a lookup.
if (!/^idaas_[a-z0-9]+$/.test(instanceId)) {
  throw new pulumi.RunError(
    `config instanceId must be an EIAM instance id (idaas_…), but it is ${instanceId === '' ? 'empty' : `"${instanceId}"`}. ` +
      'Set it with: pulumi config set instanceId idaas_… (the quickstart prints it as directoryInstanceId).',
  );
}
const ldapHost = config.get('ldapHost') ?? '10.0.0.5';
const officeCidrs = config.getObject<string[]>('officeCidrs') ?? ['203.0.113.0/24'];

// The unit LDAP accounts land in, directly under the directory's root.
const ldapPeople = new eiam.OrganizationalUnit('ldap-people', {
  instanceId,
  organizationalUnitName: 'LDAP people',
  description: 'Accounts created and kept in step by the corporate LDAP server',
});

// The user schema: every account may carry an employee number, unique in the directory.
const employeeNumber = new eiam.CustomField('employee-number', {
  instanceId,
  fieldName: 'employee_number',
  fieldDisplayName: 'Employee number',
  fieldDataType: 'string',
  fieldDisplayType: 'input',
  unique: true,
  userPermission: 'read_only',
});

const ldap = new eiam.IdentityProvider('corp-ldap', {
  instanceId,
  identityProviderName: 'Corporate LDAP',
  identityProviderType: 'urn:alibaba:idaas:idp:unknown:ldap:pull',
  // Built from a secret, so the whole block is secret in state and in the plan.
  ldapConfig: config.requireSecret('ldapBindPassword').apply((administratorPassword) => ({
    ldapServerHost: ldapHost,
    ldapServerPort: 636,
    ldapProtocol: 'ldaps' as const,
    administratorUsername: 'cn=eiam-sync,ou=services,dc=example,dc=com',
    administratorPassword,
  })),
  authnEnabled: true,
  // A first sign-in with an LDAP password creates the account in the unit above.
  autoCreateUserConfig: {
    autoCreateUserStatus: 'enabled',
    targetOrganizationalUnitIds: [ldapPeople.organizationalUnitId],
  },
  autoUpdateUserConfig: { autoUpdateUserStatus: 'enabled' },
  udPullConfig: {
    incrementalCallbackStatus: 'disabled',
    groupSyncStatus: 'enabled',
    udSyncScopeConfig: {
      sourceScopes: ['ou=people,dc=example,dc=com'],
      targetScope: ldapPeople.organizationalUnitId,
    },
    ldapUdPullConfig: { userObjectClass: 'inetOrgPerson', groupObjectClass: 'groupOfNames' },
  },
  udPullEnabled: true,
});

// A service account managed here rather than in LDAP, with its value of the custom field.
// The value names the field through the field's output, so the field is created first.
const payrollAdmin = new eiam.User('payroll-admin', {
  instanceId,
  username: 'payroll-admin',
  displayName: 'Payroll administrator',
  email: 'payroll-admin@example.com',
  emailVerified: true,
  primaryOrganizationalUnitId: ldapPeople.organizationalUnitId,
  customFields: [employeeNumber.fieldName.apply((fieldName) => ({ fieldName, fieldValue: 'S-0001' }))],
});

const office = new eiam.NetworkZone('office', {
  instanceId,
  networkZoneName: 'Office',
  description: 'Egress addresses of the office network',
  ipv4Cidrs: officeCidrs,
});

const payroll = new eiam.Application('payroll', {
  instanceId,
  applicationName: 'Payroll',
  ssoType: 'oidc',
  description: 'Salaries and payslips',
  oidcSsoConfig: {
    grantTypes: ['authorization_code'],
    grantScopes: ['openid', 'email'],
    redirectUris: ['https://payroll.example.com/oidc/callback'],
    pkceRequired: true,
    pkceChallengeMethods: ['S256'],
  },
});

new eiam.ApplicationAuthorization('payroll-people', {
  instanceId,
  applicationId: payroll.applicationId,
  organizationalUnitId: ldapPeople.organizationalUnitId,
});

// Everyone in the unit who signs in to payroll from outside the office proves it with a
// one-time code or a security key, asked again after eight hours.
const mfaOutsideOffice = new eiam.ConditionalAccessPolicy('payroll-mfa-outside-office', {
  instanceId,
  conditionalAccessPolicyName: 'Payroll: MFA outside the office',
  description: 'A second factor for payroll unless the sign-in comes from the office network',
  includeOrganizationalUnits: [ldapPeople.organizationalUnitId],
  includeApplications: [payroll.applicationId],
  excludeNetworkZones: [office.networkZoneId],
  effect: 'allow',
  mfaType: 'mfa_required',
  mfaAuthenticationMethods: ['ia_totp', 'ia_webauthn'],
  mfaAuthenticationIntervalSeconds: 8 * 3600,
  priority: 10,
  status: 'enabled',
});

export const organizationalUnitId = ldapPeople.organizationalUnitId;
export const identityProviderId = ldap.identityProviderId;
export const customFieldId = employeeNumber.fieldId;
export const payrollAdminUserId = payrollAdmin.userId;
export const networkZoneId = office.networkZoneId;
export const applicationId = payroll.applicationId;
export const conditionalAccessPolicyId = mfaOutsideOffice.conditionalAccessPolicyId;
