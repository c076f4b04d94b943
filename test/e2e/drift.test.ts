/**
 * The plan tells the truth, on the real engine: one stack declaring every resource kind with
 * every attribute it manages (spec program, program/index.js), then
 *
 *  1. after `up`, and again after `refresh`, `preview --refresh` shows no refresh diff and no
 *     change, and the refresh leaves the recorded state exactly as it was;
 *  2. a password and provisioning keys passed as PLAIN strings never show in the output of
 *     `up` or `preview --diff`, nor in `pulumi stack export`;
 *  3. every managed attribute of every kind is changed through the API at once; the drift gate
 *     shipped in the package (`eiam-drift`, installed from the tarball) reports, per resource,
 *     exactly the changed attributes with their live and declared values (and nothing else),
 *     the objects removed out of band as creates, and exits 1, with a Markdown report;
 *  4. `up` puts everything back; the gate then reports no drift and exits 0.
 *
 * Lean by design: one program, one batch of changes, previews asserted through JSON.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EiamClient } from '../../src/client';
import type { DriftReport, ResourceDrift } from '../../src/drift/report';
import * as toolchain from '../../scripts/lib/toolchain';
import {
  createProgram,
  log,
  prepareToolchain,
  SETUP_TIMEOUT_MS,
  specProgramFiles,
  Stack,
  tearDown,
  startServer,
  STEP_TIMEOUT_MS,
  type Program,
  type ServerFixture,
  type Toolchain,
} from './harness';

const I = '${main.instanceId}';
const PLAIN_PASSWORD = 'Plain-E2e-Passw0rd!';
const ENCRYPT_KEY = 'd4'.repeat(32);
const SCIM_TOKEN = 'scim-plain-token-0123456789';
const WIKI_SAML = {
  spEntityId: 'https://wiki.example.com/saml',
  spSsoAcsUrl: 'https://wiki.example.com/acs',
};
const SCIM = (baseUrl: string) => ({
  scimBaseUrl: baseUrl,
  authnConfiguration: { grantType: 'bearer_token', authnParam: { accessToken: SCIM_TOKEN } },
});

const ou = (name: string, ouName: string, extra: Record<string, unknown> = {}) => ({
  type: 'OrganizationalUnit',
  name,
  args: { instanceId: I, organizationalUnitName: ouName, ...extra },
});

/** Every resource kind, with every attribute the drift below changes declared. */
const SPEC = {
  resources: [
    { type: 'Instance', name: 'main', args: { description: 'drift e2e' } },
    ou('other', 'Other'),
    ou('third', 'Third'),
    ou('eng', 'Eng', { description: 'engineering', parentId: '${other.organizationalUnitId}' }),
    {
      type: 'CustomField',
      name: 'team',
      args: {
        instanceId: I,
        fieldName: 'team',
        fieldDisplayName: 'Team',
        fieldDataType: 'string',
        fieldDisplayType: 'input',
        status: 'enabled',
      },
    },
    {
      type: 'User',
      name: 'alice',
      args: {
        instanceId: I,
        username: 'alice',
        displayName: 'Alice',
        email: 'alice@example.com',
        emailVerified: true,
        phoneNumber: '13800000001',
        phoneRegion: '86',
        phoneNumberVerified: true,
        description: 'watched',
        customFields: [{ fieldName: '${team.fieldName}', fieldValue: 'core' }],
        primaryOrganizationalUnitId: '${eng.organizationalUnitId}',
        organizationalUnitIds: ['${other.organizationalUnitId}'],
        status: 'enabled',
        // A plain string on purpose: the resource class must still make it a secret.
        password: PLAIN_PASSWORD,
      },
    },
    { type: 'User', name: 'bob', args: { instanceId: I, username: 'bob' } },
    { type: 'User', name: 'carol', args: { instanceId: I, username: 'carol' } },
    {
      type: 'Group',
      name: 'devs',
      args: { instanceId: I, groupName: 'devs', description: 'developers', groupExternalId: 'devs-ext' },
    },
    { type: 'Group', name: 'ops', args: { instanceId: I, groupName: 'ops' } },
    {
      type: 'GroupMembers',
      name: 'devs-members',
      args: { instanceId: I, groupId: '${devs.groupId}', userIds: ['${alice.userId}', '${bob.userId}'] },
    },
    {
      type: 'GroupMembership',
      name: 'ops-alice',
      args: { instanceId: I, groupId: '${ops.groupId}', userId: '${alice.userId}' },
    },
    {
      type: 'Application',
      name: 'wiki',
      args: {
        instanceId: I,
        applicationName: 'Wiki',
        ssoType: 'saml2',
        description: 'declared',
        logoUrl: 'https://cdn.example.com/wiki.png',
        applicationOwner: { userIds: ['${alice.userId}'] },
        enabled: true,
        authorizationType: 'authorize_required',
        apiInvokeEnabled: true,
        grantScopes: ['urn:alibaba:idaas:scope:user:read_all'],
        initLoginType: 'idaas_or_app_init_sso',
        initLoginUrl: 'https://wiki.example.com/start',
        samlSsoConfig: WIKI_SAML,
        provisioningConfig: {
          provisionProtocolType: 'idaas_callback',
          callbackProvisioningConfig: {
            callbackUrl: 'https://wiki.example.com/events',
            encryptRequired: true,
            encryptKey: ENCRYPT_KEY,
          },
        },
        provisioningScope: { groupIds: ['${devs.groupId}'] },
        provisioningEnabled: true,
      },
    },
    {
      type: 'Application',
      name: 'portal',
      args: {
        instanceId: I,
        applicationName: 'Portal',
        ssoType: 'oidc',
        oidcSsoConfig: {
          grantTypes: ['authorization_code'],
          redirectUris: ['https://portal.example.com/cb'],
        },
        provisioningConfig: {
          provisionProtocolType: 'scim2',
          scimProvisioningConfig: SCIM('https://scim.example.com/v2'),
        },
      },
    },
    {
      type: 'ClientSecret',
      name: 'portal-secret',
      args: { instanceId: I, applicationId: '${portal.applicationId}', enabled: true },
    },
    {
      type: 'ApplicationAuthorization',
      name: 'wiki-devs',
      args: { instanceId: I, applicationId: '${wiki.applicationId}', groupId: '${devs.groupId}' },
    },
    {
      type: 'PasswordPolicy',
      name: 'policy',
      args: {
        instanceId: I,
        passwordComplexity: { passwordMinLength: 10 },
        passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 3 },
        passwordExpiration: {
          passwordExpirationStatus: 'enabled',
          passwordValidMaxDay: 60,
          passwordExpirationAction: 'remind_update_password',
        },
        passwordInitialization: {
          passwordInitializationStatus: 'enabled',
          passwordInitializationType: 'random',
        },
        forgetPassword: { forgetPasswordStatus: 'enabled', authenticationChannels: ['email'] },
      },
    },
  ],
  exports: {},
};

let tc: Toolchain;
let fx: ServerFixture;
let program: Program;
let stack: Stack;
let client: EiamClient;

beforeAll(async () => {
  tc = await prepareToolchain();
  fx = await startServer();
  client = fx.client;
  program = await createProgram(tc, 'drift', specProgramFiles());
  stack = await Stack.init(tc, program, 'drift');
  await stack.configureProvider(fx.server);
  stack.writeSpec(SPEC);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (stack) {
    const total = stack.timings.reduce((n, t) => n + t.ms, 0);
    log(`drift: ${stack.timings.length} pulumi commands, ${(total / 1000).toFixed(1)} s in total`);
  }
  await tearDown({ stack, fx, program });
});

/** Runs the `eiam-drift` bin installed in the program. */
async function gate(args: string[]): Promise<toolchain.RunResult> {
  const bin = path.join(program.dir, 'node_modules', '.bin', 'eiam-drift');
  return toolchain.run(bin, ['--stack', stack.name, ...args], {
    cwd: program.dir,
    env: stack.env,
    timeoutMs: STEP_TIMEOUT_MS,
  });
}

/** Every custom resource's recorded inputs and outputs (secret ciphertexts masked). */
async function recordedState(): Promise<Record<string, unknown>> {
  const exported = JSON.parse(await stack.exportText()) as {
    deployment: { resources: { urn: string; custom?: boolean; inputs?: unknown; outputs?: unknown }[] };
  };
  const masked = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v ?? null), (_k, x: unknown) =>
      x && typeof x === 'object' && 'ciphertext' in x ? '[secret]' : x,
    );
  return Object.fromEntries(
    exported.deployment.resources
      .filter((r) => r.custom && !r.urn.includes('pulumi:providers:'))
      .map((r) => [r.urn, { inputs: masked(r.inputs), outputs: masked(r.outputs) }]),
  );
}

/** `preview --refresh --diff` shows neither a refresh diff nor a change. */
async function expectCleanPreview(): Promise<void> {
  const res = await stack.previewNoChanges({ refresh: true });
  const noisy = res.output.split('\n').filter((l) => /pulumi-nodejs:dynamic\/eiam:\w+: \(/.test(l));
  if (res.code !== 0 || noisy.length) log(res.output);
  expect(noisy).toEqual([]);
  expect(res.code).toBe(0);
}

describe('the plan tells the truth', () => {
  test(
    '1. after up and after refresh: no refresh diff, no change, and refresh rewrites nothing',
    async () => {
      const up = await stack.up({ preview: true });
      expect(up.output).not.toContain(PLAIN_PASSWORD);
      await expectCleanPreview();
      const before = await recordedState();
      await stack.ok(['refresh', '--yes', '--skip-preview']);
      expect(await recordedState()).toEqual(before);
      await expectCleanPreview();
    },
    STEP_TIMEOUT_MS,
  );

  test(
    '2. plain-string password and provisioning keys are secrets in every output and in the state',
    async () => {
      const diff = await stack.ok(['preview', '--diff']);
      const exported = await stack.exportText();
      for (const text of [diff.output, exported]) {
        expect(text).not.toContain(PLAIN_PASSWORD);
        expect(text).not.toContain(ENCRYPT_KEY);
        expect(text).not.toContain(SCIM_TOKEN);
      }
      // Only the leaves are secret: the rest of the provisioning configuration stays readable.
      expect(exported).toContain('https://wiki.example.com/events');
      expect(exported).toContain('https://scim.example.com/v2');
    },
    STEP_TIMEOUT_MS,
  );

  test(
    '3. every managed attribute changed out of band: the gate shows each, and nothing else',
    async () => {
      const ids = (await stack.outputs()).ids as Record<string, string>;
      const last = (name: string) => ids[name].split('/').pop() ?? '';
      const InstanceId = ids.main;
      const user = { InstanceId, UserId: last('alice') };
      const ouKey = { InstanceId, OrganizationalUnitId: last('eng') };
      const group = { InstanceId, GroupId: last('devs') };
      const wiki = { InstanceId, ApplicationId: last('wiki') };
      const portal = { InstanceId, ApplicationId: last('portal') };
      const c = client;
      await c.call('UpdateInstanceDescription', { InstanceId, Description: 'oob' });
      await c.call('UpdateOrganizationalUnit', { ...ouKey, OrganizationalUnitName: 'Eng renamed' });
      await c.call('UpdateOrganizationalUnitDescription', { ...ouKey, Description: 'oob' });
      await c.call('UpdateOrganizationalUnitParentId', { ...ouKey, ParentId: last('third') });
      await c.call('UpdateUser', {
        ...user,
        Username: 'alice-oob',
        DisplayName: 'Alice OOB',
        Email: 'oob@example.com',
        EmailVerified: false,
        PhoneNumber: '13900000009',
        PhoneRegion: '852',
        PhoneNumberVerified: false,
        CustomFields: [{ FieldName: 'team', FieldValue: 'edge', Operation: 'replace' }],
      });
      await c.call('UpdateUserDescription', { ...user, Description: 'oob' });
      await c.call('AddUserToOrganizationalUnits', { ...user, OrganizationalUnitIds: [last('third')] });
      await c.call('SetUserPrimaryOrganizationalUnit', { ...user, OrganizationalUnitId: last('other') });
      await c.call('DisableUser', user);
      await c.call('UpdateGroup', { ...group, GroupName: 'devs-oob', GroupExternalId: 'ext-oob' });
      await c.call('UpdateGroupDescription', { ...group, Description: 'oob' });
      // A swap of members is no drift; an addition and a removal are.
      await c.call('RemoveUsersFromGroup', { ...group, UserIds: [last('bob')] });
      await c.call('AddUsersToGroup', { ...group, UserIds: [last('carol')] });
      await c.call('RemoveUsersFromGroup', { InstanceId, GroupId: last('ops'), UserIds: [last('alice')] });
      await c.call('UpdateApplicationInfo', {
        ...wiki,
        ApplicationName: 'Wiki OOB',
        LogoUrl: 'https://cdn.example.com/oob.png',
        ApplicationOwner: { UserIds: [last('bob')] },
      });
      await c.call('UpdateApplicationDescription', { ...wiki, Description: 'oob' });
      await c.call('UpdateApplicationAuthorizationType', { ...wiki, AuthorizationType: 'default_all' });
      await c.call('DisableApplicationApiInvoke', wiki);
      await c.call('SetApplicationGrantScope', {
        ...wiki,
        GrantScopes: ['urn:alibaba:idaas:scope:user:manage_all'],
      });
      await c.call('SetApplicationSsoConfig', {
        ...wiki,
        InitLoginType: 'only_app_init_sso',
        InitLoginUrl: 'https://wiki.example.com/other',
        SamlSsoConfig: { SpEntityId: WIKI_SAML.spEntityId, SpSsoAcsUrl: 'https://wiki.example.com/moved' },
      });
      await c.call('SetApplicationProvisioningConfig', {
        ...wiki,
        ProvisionProtocolType: 'idaas_callback',
        CallbackProvisioningConfig: {
          CallbackUrl: 'https://wiki.example.com/moved',
          EncryptRequired: true,
          EncryptKey: ENCRYPT_KEY,
        },
      });
      await c.call('SetApplicationProvisioningScope', { ...wiki, GroupIds: [] });
      await c.call('DisableApplicationProvisioning', wiki);
      await c.call('DisableApplication', wiki);
      await c.call('RevokeApplicationFromGroups', { ...wiki, GroupIds: [last('devs')] });
      await c.call('SetApplicationSsoConfig', {
        ...portal,
        OidcSsoConfig: { GrantTypes: ['authorization_code'], RedirectUris: ['https://evil.example.com/cb'] },
      });
      await c.call('SetApplicationProvisioningConfig', {
        ...portal,
        ProvisionProtocolType: 'scim2',
        ScimProvisioningConfig: {
          ScimBaseUrl: 'https://scim.example.com/moved',
          AuthnConfiguration: { GrantType: 'bearer_token', AuthnParam: { AccessToken: SCIM_TOKEN } },
        },
      });
      await c.call('DisableApplicationClientSecret', { ...portal, SecretId: last('portal-secret') });
      await c.call('SetPasswordComplexityConfiguration', { InstanceId, PasswordMinLength: 15 });
      await c.call('SetPasswordHistoryConfiguration', {
        InstanceId,
        PasswordHistoryStatus: 'enabled',
        PasswordHistoryMaxRetention: 7,
      });
      await c.call('SetPasswordExpirationConfiguration', {
        InstanceId,
        PasswordExpirationStatus: 'enabled',
        PasswordValidMaxDay: 90,
        PasswordExpirationAction: 'remind_update_password',
      });
      await c.call('SetPasswordInitializationConfiguration', {
        InstanceId,
        PasswordInitializationStatus: 'disabled',
      });
      await c.call('SetForgetPasswordConfiguration', {
        InstanceId,
        ForgetPasswordStatus: 'enabled',
        AuthenticationChannels: ['sms'],
      });
      // Last: a disabled field refuses new values (the account's above included).
      await c.call('DisableCustomField', { InstanceId, FieldId: last('team') });

      fx.server.resetCounters();
      const mdFile = path.join(program.root, 'drift.md');
      const res = await gate(['--format', 'json', '--markdown-file', mdFile]);
      if (res.code !== 1) log(`${res.stdout}\n${res.stderr}`);
      expect(res.code).toBe(1);
      // The gate only looks: nothing was written to the service.
      expect(fx.writes()).toEqual({});
      const report = JSON.parse(res.stdout) as DriftReport;
      const byName = new Map<string, ResourceDrift>(report.resources.map((r) => [r.name, r]));
      const drift = (name: string) =>
        Object.fromEntries((byName.get(name)?.attributes ?? []).map((a) => [a.path, [a.live, a.declared]]));
      const paths = (name: string) => Object.keys(drift(name)).sort();

      expect(drift('main')).toEqual({ description: ['oob', 'drift e2e'] });
      expect(drift('eng')).toEqual({
        description: ['oob', 'engineering'],
        organizationalUnitName: ['Eng renamed', 'Eng'],
        parentId: [last('third'), last('other')],
      });
      expect(drift('alice')).toMatchObject({
        username: ['alice-oob', 'alice'],
        displayName: ['Alice OOB', 'Alice'],
        email: ['oob@example.com', 'alice@example.com'],
        emailVerified: [false, true],
        phoneNumber: ['13900000009', '13800000001'],
        phoneRegion: ['852', '86'],
        phoneNumberVerified: [false, true],
        description: ['oob', 'watched'],
        customFields: [
          [{ fieldName: 'team', fieldValue: 'edge' }],
          [{ fieldName: 'team', fieldValue: 'core' }],
        ],
        primaryOrganizationalUnitId: [last('other'), last('eng')],
        status: ['disabled', 'enabled'],
      });
      expect(paths('alice')).toEqual(
        [
          'customFields',
          'description',
          'displayName',
          'email',
          'emailVerified',
          'organizationalUnitIds',
          'phoneNumber',
          'phoneNumberVerified',
          'phoneRegion',
          'primaryOrganizationalUnitId',
          'status',
          'username',
        ].sort(),
      );
      expect(drift('devs')).toEqual({
        description: ['oob', 'developers'],
        groupExternalId: ['ext-oob', 'devs-ext'],
        groupName: ['devs-oob', 'devs'],
      });
      const members = byName.get('devs-members')!.attributes;
      expect(members.map((a) => [a.path, a.added, a.removed])).toEqual([
        ['userIds', [last('bob')], [last('carol')]],
      ]);
      expect(drift('wiki')).toEqual({
        applicationName: ['Wiki OOB', 'Wiki'],
        logoUrl: ['https://cdn.example.com/oob.png', 'https://cdn.example.com/wiki.png'],
        'applicationOwner.userIds': [[last('bob')], [last('alice')]],
        description: ['oob', 'declared'],
        enabled: [false, true],
        authorizationType: ['default_all', 'authorize_required'],
        apiInvokeEnabled: [false, true],
        grantScopes: [['urn:alibaba:idaas:scope:user:manage_all'], ['urn:alibaba:idaas:scope:user:read_all']],
        initLoginType: ['only_app_init_sso', 'idaas_or_app_init_sso'],
        initLoginUrl: ['https://wiki.example.com/other', 'https://wiki.example.com/start'],
        'samlSsoConfig.spSsoAcsUrl': ['https://wiki.example.com/moved', WIKI_SAML.spSsoAcsUrl],
        'provisioningConfig.callbackProvisioningConfig.callbackUrl': [
          'https://wiki.example.com/moved',
          'https://wiki.example.com/events',
        ],
        'provisioningScope.groupIds': [[], [last('devs')]],
        provisioningEnabled: [false, true],
      });
      expect(drift('portal')).toEqual({
        'oidcSsoConfig.redirectUris': [['https://evil.example.com/cb'], ['https://portal.example.com/cb']],
        'provisioningConfig.scimProvisioningConfig.scimBaseUrl': [
          'https://scim.example.com/moved',
          'https://scim.example.com/v2',
        ],
      });
      expect(drift('portal-secret')).toEqual({ enabled: [false, true] });
      expect(drift('team')).toEqual({ status: ['disabled', 'enabled'] });
      expect(drift('policy')).toEqual({
        'passwordComplexity.passwordMinLength': [15, 10],
        'passwordHistory.passwordHistoryMaxRetention': [7, 3],
        'passwordExpiration.passwordValidMaxDay': [90, 60],
        'passwordInitialization.passwordInitializationStatus': ['disabled', 'enabled'],
        // The service drops the initialization type when initialization is disabled.
        'passwordInitialization.passwordInitializationType': [undefined, 'random'],
        'forgetPassword.authenticationChannels': [['sms'], ['email']],
      });
      // Removed out of band: planned as creates.
      expect(byName.get('ops-alice')?.action).toBe('create');
      expect(byName.get('wiki-devs')?.action).toBe('create');
      // Nothing else: no other resource, and every drift is an in-place update.
      expect(report.resources.map((r) => r.name).sort()).toEqual(
        [
          'main',
          'eng',
          'alice',
          'devs',
          'devs-members',
          'ops-alice',
          'wiki',
          'portal',
          'portal-secret',
          'wiki-devs',
          'policy',
          'team',
        ].sort(),
      );
      expect(report.resources.filter((r) => r.action === 'replace')).toEqual([]);

      // The engine's own plan display agrees: nested fields diff one by one, the declared
      // password is not planned as set again, and no undeclared input shows as removed.
      const plan = (await stack.run(['preview', '--refresh', '--diff'])).output;
      expect(plan).toMatch(
        /~ callbackUrl\s*: "https:\/\/wiki.example.com\/moved" => "https:\/\/wiki.example.com\/events"/,
      );
      expect(plan).toMatch(
        /~ scimBaseUrl\s*: "https:\/\/scim.example.com\/moved" => "https:\/\/scim.example.com\/v2"/,
      );
      expect(plan).not.toMatch(/[+-] password\s*:/);
      expect(plan).not.toMatch(/- (applicationIdentityType|applicationSourceType|groupIds|leaf)\s*:/);
      for (const secret of [PLAIN_PASSWORD, ENCRYPT_KEY, SCIM_TOKEN]) expect(plan).not.toContain(secret);

      const md = fs.readFileSync(mdFile, 'utf8');
      expect(md).toContain('| User `alice` | update | `displayName` | `"Alice OOB"` | `"Alice"` |');
      for (const secret of [PLAIN_PASSWORD, ENCRYPT_KEY, SCIM_TOKEN]) {
        expect(md).not.toContain(secret);
        expect(res.stdout).not.toContain(secret);
      }
    },
    STEP_TIMEOUT_MS,
  );

  test(
    '4. up puts everything back: the gate reports no drift (exit 0) and the preview is clean',
    async () => {
      await stack.up({ refresh: true });
      const res = await gate([]);
      if (res.code !== 0) log(`${res.stdout}\n${res.stderr}`);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^No drift: the \d+ resources match the program\.\n$/);
      await expectCleanPreview();
    },
    STEP_TIMEOUT_MS,
  );

  test(
    '5. the program stops declaring inputs: up records that, and refresh stays clean',
    async () => {
      const trimmed = JSON.parse(JSON.stringify(SPEC)) as typeof SPEC;
      const args = (name: string) =>
        trimmed.resources.find((r) => r.name === name)!.args as Record<string, unknown>;
      delete args('eng').description;
      delete args('wiki').logoUrl;
      delete args('alice').phoneNumber;
      delete args('alice').phoneRegion;
      delete args('alice').phoneNumberVerified;
      stack.writeSpec(trimmed);
      fx.server.resetCounters();
      await stack.up();
      // Nothing to change in the service: only the record of what is declared.
      expect(fx.writes()).toEqual({});
      await expectCleanPreview();
      const before = await recordedState();
      await stack.ok(['refresh', '--yes', '--skip-preview']);
      expect(await recordedState()).toEqual(before);
    },
    STEP_TIMEOUT_MS,
  );
});
