import * as pulumi from '@pulumi/pulumi';
import * as lookups from '../../src/lookups';
import { configFromMap } from '../../src/settings';
import { makeGroup, makeOu, makeUser, startHarness, type Harness } from '../resources/harness';

let h: Harness;
let opts: lookups.LookupOptions;
let engineering: string;
let platform: string;
let alice: string;
let devs: string;
let portal: string;
let secretId: string;

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

beforeAll(async () => {
  h = await startHarness();
  opts = {
    endpoint: h.settings.endpoint,
    region: h.settings.region,
    accessKeyId: h.settings.accessKeyId,
    accessKeySecret: h.settings.accessKeySecret,
  };
  const c = h.client;
  const I = h.instanceId;
  engineering = await makeOu(h, 'Engineering');
  platform = await makeOu(h, 'Platform', engineering);
  const sales = await makeOu(h, 'Sales');
  await makeOu(h, 'Shared', engineering);
  await makeOu(h, 'Shared', sales);
  alice = await makeUser(h, 'Alice', 'alice@example.com');
  await makeUser(h, 'alicia', 'alicia@example.com');
  devs = await makeGroup(h, 'devs');
  await makeGroup(h, 'devs-extra');
  await c.call('AddUsersToGroup', { InstanceId: I, GroupId: devs, UserIds: [alice] });

  const app = await c.call('CreateApplication', {
    InstanceId: I,
    ApplicationName: 'Portal',
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'oidc',
  });
  portal = app.ApplicationId ?? '';
  await c.call('CreateApplication', {
    InstanceId: I,
    ApplicationName: 'Portal Admin',
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'saml2',
  });
  const target = { InstanceId: I, ApplicationId: portal };
  await c.call('SetApplicationSsoConfig', {
    ...target,
    OidcSsoConfig: { RedirectUris: ['https://portal.example.com/cb'] },
  });
  await c.call('SetApplicationGrantScope', {
    ...target,
    GrantScopes: ['urn:alibaba:idaas:scope:user:read_all'],
  });
  await c.call('SetApplicationProvisioningConfig', {
    ...target,
    ProvisionProtocolType: 'scim2',
    ScimProvisioningConfig: {
      ScimBaseUrl: 'https://portal.example.com/scim',
      AuthnConfiguration: {
        GrantType: 'bearer_token',
        AuthnParam: { AccessToken: 'very-secret-token-value' },
      },
    },
  });
  await c.call('SetApplicationProvisioningScope', { ...target, OrganizationalUnitIds: [engineering] });
  await c.call('AuthorizeApplicationToUsers', { ...target, UserIds: [alice] });
  await c.call('AuthorizeApplicationToGroups', { ...target, GroupIds: [devs] });
  await c.call('AuthorizeApplicationToOrganizationalUnits', { ...target, OrganizationalUnitIds: [platform] });
  secretId = (await c.call('CreateApplicationClientSecret', target)).ApplicationClientSecret?.SecretId ?? '';
  h.server.resetCounters();
});
afterAll(() => h.stop());

describe('connection settings', () => {
  it('prefers explicit options, then the stack config', () => {
    const config = configFromMap({
      'eiam:region': 'cn-shanghai',
      'eiam:endpoint': 'http://config',
      'eiam:profile': 'p',
    });
    expect(lookups.resolveLookupSettings({ endpoint: 'http://explicit', accessKeyId: '' }, config)).toEqual({
      region: 'cn-shanghai',
      endpoint: 'http://explicit',
      profile: 'p',
    });
  });

  it('uses the stack config eiam:* when no options are given', async () => {
    pulumi.runtime.setAllConfig({
      'eiam:endpoint': opts.endpoint!,
      'eiam:region': opts.region!,
      'eiam:accessKeyId': opts.accessKeyId!,
      'eiam:accessKeySecret': opts.accessKeySecret!,
    });
    try {
      const root = await lookups.getRootOrganizationalUnit({ instanceId: h.instanceId });
      expect(root.organizationalUnitId).toBe(h.rootOuId);
    } finally {
      pulumi.runtime.setAllConfig({});
    }
  });
});

describe('regions and instances', () => {
  it('lists regions', async () => {
    expect((await lookups.getRegions({}, opts)).regionIds).toContain('cn-hangzhou');
  });

  it('lists and gets instances', async () => {
    expect((await lookups.getInstances({}, opts)).instanceIds).toContain(h.instanceId);
    expect(await lookups.getInstance({ instanceId: h.instanceId }, opts)).toMatchObject({
      instanceId: h.instanceId,
      status: 'running',
    });
    await expect(lookups.getInstance({ instanceId: 'idaas_missing' }, opts)).rejects.toThrow(
      'getInstance: no instance idaas_missing',
    );
  });
});

describe('organizational units', () => {
  it('gets the root', async () => {
    expect(
      (await lookups.getRootOrganizationalUnit({ instanceId: h.instanceId }, opts)).organizationalUnitId,
    ).toBe(h.rootOuId);
  });

  it('finds a unit by id, unique name and path from the root', async () => {
    const I = h.instanceId;
    expect(
      (await lookups.getOrganizationalUnit({ instanceId: I, organizationalUnitId: platform }, opts))
        .organizationalUnitName,
    ).toBe('Platform');
    expect(
      (await lookups.getOrganizationalUnit({ instanceId: I, organizationalUnitName: 'Platform' }, opts))
        .organizationalUnitId,
    ).toBe(platform);
    const byPath = await lookups.getOrganizationalUnit({ instanceId: I, path: 'Engineering/Platform' }, opts);
    expect(byPath).toMatchObject({ organizationalUnitId: platform, parentId: engineering });
    expect(
      (await lookups.getOrganizationalUnit({ instanceId: I, path: '/Engineering/Shared/' }, opts)).parentId,
    ).toBe(engineering);
  });

  it('explains a missing path segment, an ambiguous name and a bad selector', async () => {
    const I = h.instanceId;
    await expect(
      lookups.getOrganizationalUnit({ instanceId: I, path: 'Engineering/Nope' }, opts),
    ).rejects.toThrow('no organizational unit at path "Engineering/Nope"');
    await expect(
      lookups.getOrganizationalUnit({ instanceId: I, organizationalUnitName: 'Shared' }, opts),
    ).rejects.toThrow(/2 matches .*give parentId or path/);
    const scoped = await lookups.getOrganizationalUnit(
      { instanceId: I, organizationalUnitName: 'Shared', parentId: engineering },
      opts,
    );
    expect(scoped.parentId).toBe(engineering);
    await expect(lookups.getOrganizationalUnit({ instanceId: I }, opts)).rejects.toThrow(
      /give exactly one of/,
    );
  });

  it('lists the children of a unit', async () => {
    const res = await lookups.getOrganizationalUnits(
      { instanceId: h.instanceId, parentId: engineering },
      opts,
    );
    expect(res.organizationalUnits.map((u) => u.organizationalUnitName).sort()).toEqual([
      'Platform',
      'Shared',
    ]);
  });
});

describe('users and groups', () => {
  it('finds a user by username (ignoring case and similar names), email or id', async () => {
    const I = h.instanceId;
    expect((await lookups.getUser({ instanceId: I, username: 'alice' }, opts)).userId).toBe(alice);
    expect((await lookups.getUser({ instanceId: I, email: 'alice@example.com' }, opts)).username).toBe(
      'Alice',
    );
    const byId = await lookups.getUser({ instanceId: I, userId: alice }, opts);
    expect(byId.groups?.map((g) => g.groupId)).toContain(devs);
    await expect(lookups.getUser({ instanceId: I, username: 'nobody' }, opts)).rejects.toThrow(
      'no user with username "nobody"',
    );
  });

  it('lists users, groups, members and memberships', async () => {
    const I = h.instanceId;
    expect((await lookups.getUsers({ instanceId: I, usernameStartsWith: 'ali' }, opts)).userIds).toHaveLength(
      2,
    );
    expect((await lookups.getGroup({ instanceId: I, groupName: 'devs' }, opts)).groupId).toBe(devs);
    expect((await lookups.getGroup({ instanceId: I, groupId: devs }, opts)).groupName).toBe('devs');
    expect(
      (await lookups.getGroups({ instanceId: I, groupNameStartsWith: 'devs' }, opts)).groupIds,
    ).toHaveLength(2);
    expect((await lookups.getUsersForGroup({ instanceId: I, groupId: devs }, opts)).userIds).toEqual([alice]);
    expect((await lookups.getGroupsForUser({ instanceId: I, userId: alice }, opts)).groupIds).toEqual([devs]);
  });
});

describe('applications', () => {
  const ref = () => ({ instanceId: h.instanceId, applicationId: portal });

  it('finds an application by exact name, and lists them', async () => {
    const app = await lookups.getApplication({ instanceId: h.instanceId, applicationName: 'Portal' }, opts);
    expect(app).toMatchObject({ applicationId: portal, ssoType: 'oidc' });
    expect(
      (await lookups.getApplications({ instanceId: h.instanceId, applicationName: 'Portal' }, opts))
        .applicationIds,
    ).toHaveLength(2);
    await expect(
      lookups.getApplication({ instanceId: h.instanceId, applicationId: 'app_missing' }, opts),
    ).rejects.toThrow('getApplication: no application app_missing');
  });

  it('lists client secrets masked', async () => {
    const res = await lookups.getApplicationClientSecrets(ref(), opts);
    expect(res.secretIds).toEqual([secretId]);
    expect(res.clientSecrets[0].clientSecret).toContain('*');
  });

  it('tells who an application is granted to, and what a user or unit can use', async () => {
    expect(await lookups.getApplicationAuthorizations(ref(), opts)).toEqual({
      userIds: [alice],
      groupIds: [devs],
      organizationalUnitIds: [platform],
    });
    expect(
      (await lookups.getApplicationsForUser({ instanceId: h.instanceId, userId: alice }, opts))
        .applicationIds,
    ).toEqual([portal]);
    const forUnit = await lookups.getApplicationsForOrganizationalUnit(
      { instanceId: h.instanceId, organizationalUnitId: platform },
      opts,
    );
    expect(forUnit.applicationIds).toEqual([portal]);
  });

  it('reads the SSO, Developer API and provisioning settings', async () => {
    const sso = await lookups.getApplicationSsoConfig(ref(), opts);
    expect(sso.oidcSsoConfig).toMatchObject({
      redirectUris: ['https://portal.example.com/cb'],
      allowedPublicClient: false,
    });
    expect(sso.protocolEndpointDomain?.oidcIssuer).toMatch(/^https:\/\//);
    expect(await lookups.getApplicationGrantScope(ref(), opts)).toEqual({
      grantScopes: ['urn:alibaba:idaas:scope:user:read_all'],
    });
    const prov = await lookups.getApplicationProvisioningConfig(ref(), opts);
    expect(prov.provisionProtocolType).toBe('scim2');
    expect(prov.scimProvisioningConfig?.authnConfiguration?.authnParam?.accessToken).toContain('*');
    expect((await lookups.getApplicationProvisioningScope(ref(), opts)).organizationalUnitIds).toEqual([
      engineering,
    ]);
  });
});

describe('password policy', () => {
  it('reads the five settings together', async () => {
    const policy = await lookups.getPasswordPolicy({ instanceId: h.instanceId }, opts);
    expect(typeof policy.complexity.passwordMinLength).toBe('number');
    expect(policy.history.passwordHistoryStatus).toMatch(/enabled|disabled/);
    expect(policy.expiration.passwordExpirationStatus).toMatch(/enabled|disabled/);
    expect(policy.initialization.passwordInitializationStatus).toMatch(/enabled|disabled/);
    expect(policy.forgetPassword.forgetPasswordStatus).toMatch(/enabled|disabled/);
  });
});

describe('Output forms', () => {
  it('take Inputs and resolve to the same result', async () => {
    const user = lookups.getUserOutput(
      { instanceId: pulumi.output(h.instanceId), username: Promise.resolve('alice') },
      opts,
    );
    expect((await promiseOf(user)).userId).toBe(alice);
    const unit = lookups.getOrganizationalUnitOutput(
      { instanceId: h.instanceId, path: pulumi.output('Engineering/Platform') },
      opts,
    );
    expect((await promiseOf(unit)).organizationalUnitId).toBe(platform);
  });
});

describe('side effects', () => {
  it('only ever reads', () => {
    const mutating = Object.keys(h.server.counters()).filter((op) => !/^(Get|List)/.test(op));
    expect(mutating).toEqual([]);
  });
});
