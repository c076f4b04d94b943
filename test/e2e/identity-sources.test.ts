/**
 * The shipped examples/identity-sources as a user runs it against an existing directory, on the
 * real engine: an LDAP identity provider that creates accounts in a unit and pulls into it, a
 * custom field with a value on an account, the office as a network zone and MFA for one
 * application outside it. A preview of the fresh stack writes nothing; `up` leaves exactly that
 * on the server; previews with and without `--refresh` are clean; the bind password never reaches
 * the state in plain; a policy switched off by hand is drift that `up --refresh` undoes; `destroy`
 * leaves the directory as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProgram,
  log,
  prepareToolchain,
  PROJECT,
  serverInventory,
  SETUP_TIMEOUT_MS,
  Stack,
  tearDown,
  startServer,
  STEP_TIMEOUT_MS,
  waitForInstance,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'identity-sources');
const BIND_PASSWORD = 'ldap-bind-Secret-4711';

interface Outputs {
  organizationalUnitId: string;
  identityProviderId: string;
  customFieldId: string;
  payrollAdminUserId: string;
  networkZoneId: string;
  applicationId: string;
  conditionalAccessPolicyId: string;
}

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let instanceId = '';
let out: Outputs;
/** What the server held before the stack existed. */
let before: Record<string, string[]>;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  instanceId =
    (await fx.client.call('CreateInstance', { Description: 'existing directory' })).InstanceId ?? '';
  await waitForInstance(fx.client, instanceId);
  before = await serverInventory(fx.client);
  program = await createProgram(tc, 'identity-sources', {
    'Pulumi.yaml': `name: ${PROJECT}\nruntime: nodejs\nmain: index.ts\n`,
    'index.ts': fs.readFileSync(path.join(EXAMPLE, 'index.ts'), 'utf8'),
    'tsconfig.json': fs.readFileSync(path.join(EXAMPLE, 'tsconfig.json'), 'utf8'),
  });
  stack = await Stack.init(tc, program, 'identity-sources');
  await stack.configureProvider(fx.server);
  await stack.setConfig(`${PROJECT}:instanceId`, instanceId);
  await stack.setConfig(`${PROJECT}:ldapBindPassword`, BIND_PASSWORD, true);
  await stack.setConfig(`${PROJECT}:officeCidrs`, '["198.51.100.0/24","203.0.113.0/25"]');
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await tearDown({ stack, fx, program });
});

const I = () => ({ InstanceId: instanceId });

test(
  'a preview of the fresh stack plans every create and writes nothing',
  async () => {
    fx.server.resetCounters();
    const res = await stack.run(['preview', '--diff']);
    if (res.code !== 0) log(res.output);
    expect(res.code).toBe(0);
    expect(res.output).toMatch(/\+ 9 to create/); // the stack and its 8 resources
    expect(res.output).not.toContain(BIND_PASSWORD);
    expect(fx.writes()).toEqual({});
  },
  STEP_TIMEOUT_MS,
);

test(
  'up connects the LDAP server to the unit, defines the field and requires MFA outside the office',
  async () => {
    const res = await stack.up();
    expect(res.output).not.toContain(BIND_PASSWORD);
    out = (await stack.outputs()) as unknown as Outputs;

    const idp = (
      await fx.client.call('GetIdentityProvider', { ...I(), IdentityProviderId: out.identityProviderId })
    ).IdentityProviderDetail;
    expect(idp).toMatchObject({
      IdentityProviderName: 'Corporate LDAP',
      IdentityProviderType: 'urn:alibaba:idaas:idp:unknown:ldap:pull',
      AuthnStatus: 'enabled',
      UdPullStatus: 'enabled',
    });
    // The service masks the bind password; it still knows the one sent.
    expect(JSON.stringify(idp)).not.toContain(BIND_PASSWORD);
    const pull = (
      await fx.client.call('GetIdentityProviderUdPullConfiguration', {
        ...I(),
        IdentityProviderId: out.identityProviderId,
      })
    ).UdPullConfiguration;
    expect(pull?.UdSyncScopeConfig).toEqual({
      SourceScopes: ['ou=people,dc=example,dc=com'],
      TargetScope: out.organizationalUnitId,
    });
    expect(pull?.GroupSyncStatus).toBe('enabled');

    const unit = await fx.client.call('GetOrganizationalUnit', {
      ...I(),
      OrganizationalUnitId: out.organizationalUnitId,
    });
    expect(unit.OrganizationalUnit?.OrganizationalUnitName).toBe('LDAP people');

    const field = (await fx.client.call('GetCustomField', { ...I(), FieldId: out.customFieldId }))
      .CustomField;
    expect(field).toMatchObject({ FieldName: 'employee_number', Unique: true, Status: 'enabled' });
    const admin = (await fx.client.call('GetUser', { ...I(), UserId: out.payrollAdminUserId })).User;
    expect(admin?.CustomFields).toEqual([{ FieldName: 'employee_number', FieldValue: 'S-0001' }]);
    expect(admin?.PrimaryOrganizationalUnitId).toBe(out.organizationalUnitId);

    const zone = (await fx.client.call('GetNetworkZone', { ...I(), NetworkZoneId: out.networkZoneId }))
      .NetworkZone;
    expect([...(zone?.Ipv4Cidrs ?? [])].sort()).toEqual(['198.51.100.0/24', '203.0.113.0/25']);

    const policy = (
      await fx.client.call('GetConditionalAccessPolicy', {
        ...I(),
        ConditionalAccessPolicyId: out.conditionalAccessPolicyId,
      })
    ).ConditionalAccessPolicy;
    expect(policy?.Status).toBe('enabled');
    expect(policy?.ConditionsConfig?.Applications?.IncludeApplications).toEqual([out.applicationId]);
    expect(policy?.ConditionsConfig?.NetworkZones?.ExcludeNetworkZones).toEqual([out.networkZoneId]);
    expect(policy?.ConditionsConfig?.Users?.IncludeOrganizationalUnits).toEqual([out.organizationalUnitId]);
    expect(policy?.DecisionConfig).toMatchObject({
      Effect: 'allow',
      MfaType: 'mfa_required',
      MfaAuthenticationIntervalSeconds: 8 * 3600,
    });
    expect([...(policy?.DecisionConfig?.MfaAuthenticationMethods ?? [])].sort()).toEqual([
      'ia_totp',
      'ia_webauthn',
    ]);
    const forZone = await fx.client.listAll('ListConditionalAccessPoliciesForNetworkZone', {
      ...I(),
      NetworkZoneId: out.networkZoneId,
    });
    expect(forZone.map((p) => p.ConditionalAccessPolicyId)).toEqual([out.conditionalAccessPolicyId]);

    const state = await stack.exportText();
    expect(state).not.toContain(BIND_PASSWORD);
    for (const refresh of [false, true]) {
      const clean = await stack.cleanPreview({ refresh });
      expect(clean.code).toBe(0);
    }
  },
  STEP_TIMEOUT_MS,
);

test(
  'the policy switched off by hand is drift: preview --refresh shows it, up --refresh turns it on again',
  async () => {
    const key = { ...I(), ConditionalAccessPolicyId: out.conditionalAccessPolicyId };
    await fx.client.call('DisableConditionalAccessPolicy', key);
    const preview = await stack.run(['preview', '--refresh', '--diff']);
    if (preview.code !== 0) log(preview.output);
    expect(preview.code).toBe(0);
    expect(preview.output).toMatch(/~ 1 to update/);
    expect(preview.output).toMatch(/status\s*:\s*"disabled"\s*=>\s*"enabled"/);

    await stack.up({ refresh: true });
    const policy = await fx.client.call('GetConditionalAccessPolicy', key);
    expect(policy.ConditionalAccessPolicy?.Status).toBe('enabled');
    expect((await stack.previewNoChanges({ refresh: true })).code).toBe(0);
  },
  STEP_TIMEOUT_MS,
);

test(
  'destroy leaves the directory as it was, the custom field included',
  async () => {
    await stack.ok(['destroy', '--yes', '--skip-preview']);
    expect(await serverInventory(fx.client)).toEqual(before);
    await expect(fx.client.call('GetCustomField', { ...I(), FieldId: out.customFieldId })).rejects.toThrow(
      /EntityNotExists/,
    );
  },
  STEP_TIMEOUT_MS,
);
