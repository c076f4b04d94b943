/**
 * examples/identity-sources under `pulumi.runtime.setMocks`: the LDAP provider creates accounts
 * in and pulls into the unit the program declares, its connection block (bind password inside)
 * is secret, the account's custom field value names the declared field, and the policy ties the
 * application, the unit and the office zone together. Every declaration passes its provider's
 * check. The same program runs on the real engine in test/e2e/identity-sources.test.ts.
 */
import { checkFailures, installMocks, settle, value, type Registrations } from './support';

jest.mock('pulumi-alicloud-eiam', () => jest.requireActual('../../src'), { virtual: true });

jest.setTimeout(300_000); // see settle()

const instanceId = 'idaas_examplesources';
let registrations: Registrations;
let program: Record<string, unknown>;

beforeAll(async () => {
  registrations = installMocks({
    project: 'eiam-identity-sources',
    config: { instanceId, 'eiam:endpoint': 'http://127.0.0.1:9' },
    secretConfig: { ldapBindPassword: 'bind-pw-from-config', 'eiam:accessKeySecret': 'unused' },
  });
  program = require('../../examples/identity-sources/index.ts') as Record<string, unknown>;
  await value(program.conditionalAccessPolicyId);
  await settle(registrations);
});

test('the LDAP provider signs in, creates accounts and pulls into the declared unit', () => {
  const ldap = registrations.get('corp-ldap');
  expect(ldap?.inputs).toMatchObject({
    identityProviderType: 'urn:alibaba:idaas:idp:unknown:ldap:pull',
    authnEnabled: true,
    autoCreateUserConfig: { autoCreateUserStatus: 'enabled', targetOrganizationalUnitIds: ['ou_ldappeople'] },
    udPullConfig: { udSyncScopeConfig: { targetScope: 'ou_ldappeople' } },
    udPullEnabled: true,
    ldapConfig: { administratorPassword: 'bind-pw-from-config', ldapServerPort: 636 },
  });
});

test('the account holds a value of the declared custom field, in the LDAP unit', () => {
  expect(registrations.get('payroll-admin')?.inputs).toMatchObject({
    customFields: [{ fieldName: 'employee_number', fieldValue: 'S-0001' }],
    primaryOrganizationalUnitId: 'ou_ldappeople',
  });
});

test('MFA is required for the payroll application outside the office zone', () => {
  expect(registrations.get('payroll-mfa-outside-office')?.inputs).toMatchObject({
    includeApplications: ['app_payroll'],
    includeOrganizationalUnits: ['ou_ldappeople'],
    excludeNetworkZones: ['network_office'],
    effect: 'allow',
    mfaType: 'mfa_required',
    status: 'enabled',
  });
});

test("every declaration passes the providers' check", async () => {
  expect(await checkFailures(registrations)).toEqual({});
});
