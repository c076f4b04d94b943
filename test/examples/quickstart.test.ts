/**
 * The quickstart (examples/quickstart) under `pulumi.runtime.setMocks`: what it declares, how
 * the resources are wired, that every declaration passes the providers' own `check`, and that
 * passwords and the client secret stay secret.
 */
import { checkFailures, installMocks, isSecret, settle, value, type Registrations } from './support';

jest.mock('pulumi-alicloud-eiam', () => jest.requireActual('../../src'), { virtual: true });

// Serializing each provider by value (the program runs from source here) takes a while.
jest.setTimeout(300_000); // see settle()

const PASSWORD = 'Mock-Initial-Passw0rd!';
let registrations: Registrations;
let program: Record<string, unknown>;

beforeAll(async () => {
  registrations = installMocks({ project: 'eiam-quickstart', secretConfig: { initialPassword: PASSWORD } });
  program = require('../../examples/quickstart/index.ts') as Record<string, unknown>;
  await settle(registrations);
});

function byType(type: string) {
  return [...registrations.values()].filter((r) => r.type === `pulumi-nodejs:dynamic/eiam:${type}`);
}

test('declares the directory: an instance, six units, twelve accounts, three groups, two applications', () => {
  expect(byType('Instance')).toHaveLength(1);
  expect(byType('PasswordPolicy')).toHaveLength(1);
  expect(byType('OrganizationalUnit').map((r) => r.inputs.organizationalUnitName)).toEqual(
    expect.arrayContaining(['Example Corp', 'Engineering', 'Platform', 'Web', 'Sales', 'Support']),
  );
  expect(byType('User')).toHaveLength(12);
  expect(
    byType('Group')
      .map((r) => r.inputs.groupName)
      .sort(),
  ).toEqual(['Directory Admins', 'Engineers', 'On-call']);
  expect(
    byType('Application')
      .map((r) => [r.inputs.applicationName, r.inputs.ssoType])
      .sort(),
  ).toEqual([
    ['Ops Dashboard', 'oidc'],
    ['Team Wiki', 'saml2'],
  ]);
  expect(byType('ClientSecret')).toHaveLength(1);
  expect(byType('ApplicationAuthorization')).toHaveLength(4);
});

test('wires the tree: units under their parents, accounts in their units, members by account id', () => {
  const units = new Map(byType('OrganizationalUnit').map((r) => [r.name, r.inputs]));
  expect(units.get('company')?.parentId).toBeUndefined();
  expect(units.get('engineering')?.parentId).toBe('ou_company');
  expect(units.get('platform')?.parentId).toBe('ou_engineering');
  expect(registrations.get('alice')?.inputs).toMatchObject({
    instanceId: 'idaas_mock',
    username: 'alice',
    email: 'alice@example.com',
    emailVerified: true,
    primaryOrganizationalUnitId: 'ou_platform',
    password: PASSWORD,
  });
  expect((registrations.get('engineers-members')?.inputs.userIds as string[]).sort()).toEqual(
    ['alice', 'bob', 'carol', 'dan', 'erin', 'frank', 'grace'].map((u) => `user_${u}`),
  );
  expect(registrations.get('dashboard-secret')?.inputs.applicationId).toBe('app_dashboard');
  expect(registrations.get('dashboard-engineers')?.inputs).toMatchObject({
    applicationId: 'app_dashboard',
    groupId: 'group_engineers',
  });
});

test("every declaration passes the providers' check", async () => {
  expect(await checkFailures(registrations)).toEqual({});
});

test('passwords and the client secret are secret outputs; ids are not', async () => {
  for (const user of byType('User')) expect(user.secretOutputs).toEqual(['password']);
  expect(registrations.get('dashboard-secret')?.secretOutputs).toEqual(['clientSecret']);
  const exported = program.dashboardClientSecret as import('@pulumi/pulumi').Output<string>;
  expect(await isSecret(exported)).toBe(true);
  expect(await value(exported)).toBe('mock-client-secret-dashboardsecret');
  expect(await isSecret(program.directoryInstanceId as import('@pulumi/pulumi').Output<string>)).toBe(false);
});

test('exports the ids and endpoints a user needs', async () => {
  expect(await value(program.directoryInstanceId)).toBe('idaas_mock');
  expect(await value(program.userIds)).toMatchObject({ alice: 'user_alice', lena: 'user_lena' });
  expect(await value(program.organizationalUnitIds)).toMatchObject({ platform: 'ou_platform' });
  expect(await value(program.dashboardClientId)).toBe('app_dashboard');
  expect(await value(program.dashboardIssuer)).toMatch(/\/oidc$/);
  expect(await value(program.wikiSamlMetadataUrl)).toMatch(/\/saml2\/meta$/);
});
