/**
 * The ConditionalAccessPolicy provider against the local server: create (enabled or not), diff,
 * in-place updates of every updatable field, replacement, drift of every managed attribute,
 * import, delete, and check failures naming the field without API calls. Each test makes the
 * users, groups, units, applications, zones and policy it needs.
 */
import {
  conditionalAccessPolicyProvider,
  type ConditionalAccessPolicyOutputs,
} from '../../src/resources/conditional-access-policy';
import { networkZoneProvider, type NetworkZoneOutputs } from '../../src/resources/network-zone';
import { UNKNOWN } from '../../src/resources/provider-kit';
import {
  createVia,
  diffVia,
  recordedFor,
  refreshVia,
  startHarness,
  updateVia,
  type Harness,
} from './harness';

const provider = conditionalAccessPolicyProvider;
// Wire bodies are walked loosely here; the catalog's shape check guards them in the server tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Live = Record<string, any>;
let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(conditionalAccessPolicyProvider, networkZoneProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

const I = () => ({ InstanceId: h.instanceId });
const next = (prefix: string) => `${prefix}-${++serial}`;

async function user() {
  return (
    await h.client.call('CreateUser', {
      ...I(),
      Username: next('user'),
      PrimaryOrganizationalUnitId: h.rootOuId,
    })
  ).UserId!;
}
async function group() {
  return (await h.client.call('CreateGroup', { ...I(), GroupName: next('group') })).GroupId!;
}
async function ou() {
  return (
    await h.client.call('CreateOrganizationalUnit', {
      ...I(),
      OrganizationalUnitName: next('ou'),
      ParentId: h.rootOuId,
    })
  ).OrganizationalUnitId!;
}
async function app() {
  return (
    await h.client.call('CreateApplication', {
      ...I(),
      ApplicationName: next('app'),
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    })
  ).ApplicationId!;
}
async function zone() {
  return (
    await h.client.call('CreateNetworkZone', {
      ...I(),
      NetworkZoneName: next('zone'),
      NetworkZoneType: 'arn:alibaba:idaas:network:zone:classic',
      Ipv4Cidrs: ['10.0.0.0/8'],
    })
  ).NetworkZoneId!;
}

async function livePolicy(policyId: string) {
  return (await h.client.call('GetConditionalAccessPolicy', { ...I(), ConditionalAccessPolicyId: policyId }))
    .ConditionalAccessPolicy!;
}

/** A policy of its own (MFA for everyone outside one zone, one application), and its inputs. */
async function makePolicy(extra: Record<string, unknown> = {}) {
  const inputs: Record<string, unknown> = {
    instanceId: h.instanceId,
    conditionalAccessPolicyName: next('policy'),
    description: 'MFA outside the office',
    includeOrganizationalUnits: [h.rootOuId],
    includeApplications: [await app()],
    excludeNetworkZones: [await zone()],
    effect: 'allow',
    mfaType: 'mfa_required',
    mfaAuthenticationMethods: ['ia_webauthn', 'ia_totp'],
    ...extra,
  };
  const policy = await createVia<ConditionalAccessPolicyOutputs>(provider, inputs);
  return { policy, inputs };
}

async function failures(news: Record<string, unknown>) {
  return (await provider.check!({}, news)).failures ?? [];
}

describe('ConditionalAccessPolicy', () => {
  test('create makes the policy, enables it when asked, and reports its live attributes', async () => {
    const excluded = await user();
    const { policy, inputs } = await makePolicy({
      status: 'enabled',
      priority: 5,
      excludeUsers: [excluded],
      mfaAuthenticationIntervalSeconds: 600,
      activeSessionReuseStatus: 'enabled',
    });
    expect(policy.id).toBe(`${h.instanceId}/${policy.outs.conditionalAccessPolicyId}`);
    expect(policy.outs).toMatchObject({
      conditionalAccessPolicyId: expect.stringMatching(/^cap_/),
      conditionalAccessPolicyName: inputs.conditionalAccessPolicyName,
      conditionalAccessPolicyType: 'arn:alibaba:idaas:authn:access:policy:system',
      evaluateAt: 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1',
      decisionType: 'enforcement',
      status: 'enabled',
      priority: 5,
      excludeUsers: [excluded],
      includeUsers: [],
      mfaAuthenticationMethods: ['ia_totp', 'ia_webauthn'],
      createTime: expect.any(Number),
    });
    const live = await livePolicy(policy.outs.conditionalAccessPolicyId);
    expect(live).toMatchObject({
      Status: 'enabled',
      Priority: 5,
      Description: 'MFA outside the office',
      ConditionsConfig: {
        Users: { IncludeOrganizationalUnits: [h.rootOuId], ExcludeUsers: [excluded] },
        Applications: { IncludeApplications: inputs.includeApplications },
        NetworkZones: { ExcludeNetworkZones: inputs.excludeNetworkZones },
      },
      DecisionConfig: {
        Effect: 'allow',
        MfaType: 'mfa_required',
        MfaAuthenticationIntervalSeconds: 600,
        ActiveSessionReuseStatus: 'enabled',
      },
    });
    const same: Record<string, unknown> = {
      ...inputs,
      status: 'enabled',
      priority: 5,
      excludeUsers: [excluded],
    };
    same.mfaAuthenticationIntervalSeconds = 600;
    same.activeSessionReuseStatus = 'enabled';
    expect(
      await diffVia(provider, policy, { ...same, mfaAuthenticationMethods: ['ia_totp', 'ia_webauthn'] }),
    ).toMatchObject({ changes: false, replaces: [] });
    const minimal = {
      instanceId: h.instanceId,
      conditionalAccessPolicyName: inputs.conditionalAccessPolicyName,
      includeOrganizationalUnits: [h.rootOuId],
      includeApplications: inputs.includeApplications,
      effect: 'allow',
    };
    expect(await diffVia(provider, recordedFor(policy, minimal), minimal)).toMatchObject({ changes: false });
  });

  test('without a status the policy stays disabled; status changes enable and disable it', async () => {
    const { policy, inputs } = await makePolicy();
    expect((await livePolicy(policy.outs.conditionalAccessPolicyId)).Status).toBe('disabled');
    const enabled = await updateVia(provider, recordedFor(policy, inputs), { ...inputs, status: 'enabled' });
    expect(enabled.outs.status).toBe('enabled');
    expect((await livePolicy(policy.outs.conditionalAccessPolicyId)).Status).toBe('enabled');
    await updateVia(provider, enabled, { ...inputs, status: 'disabled' });
    expect((await livePolicy(policy.outs.conditionalAccessPolicyId)).Status).toBe('disabled');
  });

  const updates: [string, () => Promise<unknown>, (live: Live) => unknown][] = [
    ['conditionalAccessPolicyName', async () => next('renamed'), (l) => l.ConditionalAccessPolicyName],
    ['description', async () => 'reviewed', (l) => l.Description],
    ['decisionType', async () => 'reportOnly', (l) => l.DecisionType],
    ['priority', async () => 42, (l) => l.Priority],
    ['includeUsers', async () => [await user()], (l) => l.ConditionsConfig.Users.IncludeUsers],
    ['excludeUsers', async () => [await user()], (l) => l.ConditionsConfig.Users.ExcludeUsers],
    ['includeGroups', async () => [await group()], (l) => l.ConditionsConfig.Users.IncludeGroups],
    ['excludeGroups', async () => [await group()], (l) => l.ConditionsConfig.Users.ExcludeGroups],
    [
      'includeOrganizationalUnits',
      async () => [await ou()],
      (l) => l.ConditionsConfig.Users.IncludeOrganizationalUnits,
    ],
    [
      'excludeOrganizationalUnits',
      async () => [await ou()],
      (l) => l.ConditionsConfig.Users.ExcludeOrganizationalUnits,
    ],
    [
      'includeApplications',
      async () => [await app(), await app()].sort(),
      (l) => l.ConditionsConfig.Applications.IncludeApplications,
    ],
    [
      'excludeApplications',
      async () => [await app()],
      (l) => l.ConditionsConfig.Applications.ExcludeApplications,
    ],
    [
      'includeNetworkZones',
      async () => [await zone()],
      (l) => l.ConditionsConfig.NetworkZones.IncludeNetworkZones,
    ],
    [
      'excludeNetworkZones',
      async () => [await zone()],
      (l) => l.ConditionsConfig.NetworkZones.ExcludeNetworkZones,
    ],
    [
      'mfaAuthenticationMethods',
      async () => ['ia_otp_email', 'ia_otp_sms'],
      (l) => l.DecisionConfig.MfaAuthenticationMethods,
    ],
    [
      'mfaAuthenticationIntervalSeconds',
      async () => 3600,
      (l) => l.DecisionConfig.MfaAuthenticationIntervalSeconds,
    ],
    ['activeSessionReuseStatus', async () => 'disabled', (l) => l.DecisionConfig.ActiveSessionReuseStatus],
  ];
  test.each(updates)('a change of %s updates the policy in place', async (name, value, liveOf) => {
    const { policy, inputs } = await makePolicy();
    const news = { ...inputs, [name]: await value() };
    const updated = await updateVia(provider, policy, news);
    const live = (await livePolicy(policy.outs.conditionalAccessPolicyId)) as Live;
    expect(liveOf(live)).toEqual(news[name]);
    expect((updated.outs as unknown as Record<string, unknown>)[name]).toEqual(news[name]);
    expect((await diffVia(provider, updated, news)).changes).toBe(false);
  });

  test('effect and MFA type changes send only the settings the decision can carry', async () => {
    const { policy, inputs } = await makePolicy({ mfaAuthenticationIntervalSeconds: 900 });
    const direct: Record<string, unknown> = {
      ...inputs,
      mfaType: 'directly_access',
      mfaAuthenticationMethods: undefined,
    };
    delete direct.mfaAuthenticationMethods;
    delete direct.mfaAuthenticationIntervalSeconds;
    const directly = await updateVia(provider, policy, direct);
    expect((await livePolicy(policy.outs.conditionalAccessPolicyId)).DecisionConfig).toEqual({
      Effect: 'allow',
      MfaType: 'directly_access',
    });
    const deny: Record<string, unknown> = { ...direct, effect: 'deny' };
    delete deny.mfaType;
    await updateVia(provider, recordedFor(directly, deny), deny);
    expect((await livePolicy(policy.outs.conditionalAccessPolicyId)).DecisionConfig).toEqual({
      Effect: 'deny',
    });
  });

  test('an update keeps the conditions the program does not manage', async () => {
    const [excludedUser, excludedGroup] = [await user(), await group()];
    const { policy, inputs } = await makePolicy({
      excludeUsers: [excludedUser],
      excludeGroups: [excludedGroup],
    });
    const news: Record<string, unknown> = { ...inputs, priority: 9 };
    delete news.excludeUsers;
    delete news.excludeGroups;
    delete news.excludeNetworkZones;
    await updateVia(provider, recordedFor(policy, news), news);
    const live = await livePolicy(policy.outs.conditionalAccessPolicyId);
    expect(live.Priority).toBe(9);
    expect(live.ConditionsConfig).toMatchObject({
      Users: { ExcludeUsers: [excludedUser], ExcludeGroups: [excludedGroup] },
      NetworkZones: { ExcludeNetworkZones: inputs.excludeNetworkZones },
    });
  });

  test('a change of instanceId asks for a replacement; an unknown value counts as a change', async () => {
    const { policy, inputs } = await makePolicy();
    expect(await diffVia(provider, policy, { ...inputs, instanceId: 'idaas_other' })).toMatchObject({
      changes: true,
      replaces: ['instanceId'],
    });
    expect(await diffVia(provider, policy, { ...inputs, includeUsers: [UNKNOWN] })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  /** Every drifting field declared, so that the update after the refresh restores it. */
  const EVERYTHING_DECLARED = {
    decisionType: 'enforcement',
    priority: 50,
    includeUsers: [],
    excludeUsers: [],
    includeGroups: [],
    excludeGroups: [],
    excludeOrganizationalUnits: [],
    excludeApplications: [],
    includeNetworkZones: [],
    mfaAuthenticationIntervalSeconds: 600,
    activeSessionReuseStatus: 'disabled',
  };
  const drifts: [string, (live: Live) => Record<string, unknown>, (live: Live) => Promise<unknown>][] = [
    ['conditionalAccessPolicyName', () => ({}), async () => next('drifted')],
    ['decisionType', () => ({}), async () => 'reportOnly'],
    ['priority', () => ({}), async () => 77],
    ['includeUsers', (l) => l.ConditionsConfig.Users, async () => [await user()]],
    ['excludeGroups', (l) => l.ConditionsConfig.Users, async () => [await group()]],
    ['includeOrganizationalUnits', (l) => l.ConditionsConfig.Users, async () => [await ou()]],
    ['excludeOrganizationalUnits', (l) => l.ConditionsConfig.Users, async () => [await ou()]],
    ['excludeUsers', (l) => l.ConditionsConfig.Users, async () => [await user()]],
    ['includeGroups', (l) => l.ConditionsConfig.Users, async () => [await group()]],
    ['includeApplications', (l) => l.ConditionsConfig.Applications, async () => [await app()]],
    ['excludeApplications', (l) => l.ConditionsConfig.Applications, async () => [await app()]],
    ['includeNetworkZones', (l) => l.ConditionsConfig.NetworkZones, async () => [await zone()]],
    ['excludeNetworkZones', (l) => l.ConditionsConfig.NetworkZones, async () => [await zone()]],
    ['mfaAuthenticationMethods', (l) => l.DecisionConfig, async () => ['ia_otp_sms']],
    ['mfaAuthenticationIntervalSeconds', (l) => l.DecisionConfig, async () => 7200],
    ['activeSessionReuseStatus', (l) => l.DecisionConfig, async () => 'enabled'],
    [
      'mfaType',
      (l) => ({ ...l.DecisionConfig, MfaAuthenticationMethods: undefined }),
      async () => 'directly_access',
    ],
    ['effect', () => ({}), async () => 'deny'],
  ];
  test.each(drifts)(
    'refresh reports drift of %s, which diff then shows and update repairs',
    async (name, block, drifted) => {
      const { policy, inputs } = await makePolicy(EVERYTHING_DECLARED);
      const live = (await livePolicy(policy.outs.conditionalAccessPolicyId)) as Live;
      const value = await drifted(live);
      // The out-of-band change, made through the API with the wire name of the field.
      const wire = name.charAt(0).toUpperCase() + name.slice(1);
      const request: Live = {
        ...I(),
        ConditionalAccessPolicyId: policy.outs.conditionalAccessPolicyId,
        ConditionalAccessPolicyName: live.ConditionalAccessPolicyName,
        DecisionType: live.DecisionType,
        Priority: live.Priority,
        ConditionsConfig: live.ConditionsConfig,
        DecisionConfig: live.DecisionConfig,
      };
      const target = block(live);
      if (
        target === live.ConditionsConfig.Users ||
        target === live.ConditionsConfig.Applications ||
        target === live.ConditionsConfig.NetworkZones
      ) {
        target[wire] = value;
      } else if (name === 'mfaType') {
        request.DecisionConfig = { Effect: 'allow', MfaType: value };
      } else if (name === 'effect') {
        request.DecisionConfig = { Effect: value };
      } else if (target === live.DecisionConfig) {
        target[wire] = value;
      } else {
        request[wire] = value;
      }
      await h.client.call('UpdateConditionalAccessPolicy', request as never);
      const read = await refreshVia(provider, policy);
      expect((read.props as unknown as Record<string, unknown>)[name]).toEqual(value);
      const refreshed = { id: policy.id, outs: read.props! };
      const restore = inputs;
      expect((await diffVia(provider, refreshed, restore)).changes).toBe(true);
      const repaired = await updateVia(provider, refreshed, restore);
      const declared = restore[name];
      expect((repaired.outs as unknown as Record<string, unknown>)[name]).toEqual(
        Array.isArray(declared) ? [...declared].sort() : declared,
      );
    },
  );

  test('refresh reports drift of description and status', async () => {
    const { policy, inputs } = await makePolicy({ status: 'enabled' });
    const key = { ...I(), ConditionalAccessPolicyId: policy.outs.conditionalAccessPolicyId };
    await h.client.call('UpdateConditionalAccessPolicyDescription', { ...key, Description: 'by hand' });
    await h.client.call('DisableConditionalAccessPolicy', key);
    const read = await refreshVia(provider, policy);
    expect(read.inputs).toMatchObject({ description: 'by hand', status: 'disabled' });
    const refreshed = { id: policy.id, outs: read.props! };
    const repaired = await updateVia(provider, refreshed, { ...inputs, status: 'enabled' });
    expect(repaired.outs).toMatchObject({ description: 'MFA outside the office', status: 'enabled' });
  });

  test('a deleted user drops out of the policy, which a refresh shows', async () => {
    const gone = await user();
    const { policy, inputs } = await makePolicy({ includeUsers: [gone] });
    await h.client.call('DeleteUser', { ...I(), UserId: gone });
    const read = await refreshVia(provider, policy);
    expect(read.props?.includeUsers).toEqual([]);
    expect(
      (await diffVia(provider, { id: policy.id, outs: read.props! }, { ...inputs, includeUsers: [] }))
        .changes,
    ).toBe(false);
  });

  test('a zone a policy names cannot be deleted until the policy is gone', async () => {
    const office = await createVia<NetworkZoneOutputs>(networkZoneProvider, {
      instanceId: h.instanceId,
      networkZoneName: next('office'),
      ipv4Cidrs: ['198.51.100.0/24'],
    });
    const { policy } = await makePolicy({ excludeNetworkZones: [office.outs.networkZoneId] });
    await expect(networkZoneProvider.delete!(office.id, office.outs)).rejects.toMatchObject({
      code: 'OperationConflict.NetworkZone.InUse',
    });
    await provider.delete!(policy.id, policy.outs);
    await networkZoneProvider.delete!(office.id, office.outs);
    expect(await refreshVia(networkZoneProvider, office)).toEqual({});
  });

  test('import: read with only the id and the declared inputs', async () => {
    const { policy, inputs } = await makePolicy();
    const declared = {
      instanceId: h.instanceId,
      conditionalAccessPolicyName: inputs.conditionalAccessPolicyName,
      includeApplications: inputs.includeApplications,
      effect: 'allow',
    };
    const read = await provider.read!(policy.id, declared);
    expect(read.id).toBe(policy.id);
    expect(read.props).toMatchObject({
      mfaType: 'mfa_required',
      excludeNetworkZones: inputs.excludeNetworkZones,
    });
    expect(read.inputs).toEqual(declared);
    await expect(provider.read!(policy.id, { instanceId: 'idaas_someone_else' })).rejects.toThrow(
      /instanceId/,
    );
    await expect(provider.read!(`${h.instanceId}/cap_missing`, {})).rejects.toThrow(
      /Cannot import ConditionalAccessPolicy/,
    );
  });

  test('check failures name the field and make no API call', async () => {
    const base = {
      instanceId: h.instanceId,
      conditionalAccessPolicyName: 'p',
      includeUsers: ['user_a'],
      includeApplications: ['app_a'],
      effect: 'allow',
    };
    expect(await failures(base)).toEqual([]);
    expect(await failures({ ...base, includeUsers: [] })).toEqual([
      expect.objectContaining({ property: '', reason: expect.stringContaining('covers nobody') }),
    ]);
    expect(await failures({ ...base, includeUsers: [UNKNOWN] })).toEqual([]);
    expect(await failures({ ...base, includeApplications: [] })).toEqual([
      expect.objectContaining({
        reason: expect.stringContaining('includeApplications must have at least 1'),
      }),
    ]);
    expect(await failures({ ...base, excludeUsers: ['user_b', 'user_a'] })).toEqual([
      { property: 'excludeUsers[1]', reason: "excludeUsers[1] 'user_a' is also in includeUsers" },
    ]);
    expect(await failures({ ...base, includeGroups: ['user_a'] })).toEqual([
      expect.objectContaining({
        property: 'includeGroups[0]',
        reason: expect.stringContaining('a group id'),
      }),
    ]);
    expect(await failures({ ...base, excludeNetworkZones: ['app_a'] })).toEqual([
      expect.objectContaining({
        property: 'excludeNetworkZones[0]',
        reason: expect.stringContaining('a network zone id'),
      }),
    ]);
    expect(await failures({ ...base, effect: 'deny', mfaType: 'mfa_required' })).toEqual([
      { property: 'mfaType', reason: 'mfaType is only taken by an allow decision' },
    ]);
    expect(await failures({ ...base, mfaAuthenticationMethods: ['ia_totp'] })).toEqual([
      expect.objectContaining({
        reason: 'mfaAuthenticationMethods is only taken when mfaType is mfa_required',
      }),
    ]);
    expect(await failures({ ...base, mfaType: 'mfa_required' })).toEqual([
      expect.objectContaining({
        reason: 'mfaAuthenticationMethods is required when mfaType is mfa_required',
      }),
    ]);
    const mfa = { ...base, mfaType: 'mfa_required', mfaAuthenticationMethods: ['ia_totp'] };
    expect(await failures({ ...mfa, mfaAuthenticationIntervalSeconds: 60, priority: 0 })).toEqual([
      expect.objectContaining({ property: 'priority', reason: 'priority must be at least 1' }),
      expect.objectContaining({
        property: 'mfaAuthenticationIntervalSeconds',
        reason: expect.stringContaining('300'),
      }),
    ]);
    expect(await failures({ ...mfa, mfaAuthenticationMethods: ['sms'], effect: 'maybe' })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: 'effect' }),
        expect.objectContaining({ property: 'mfaAuthenticationMethods[0]' }),
      ]),
    );
    expect(await failures({ ...base, includeUser: ['user_a'] })).toEqual([
      { property: '', reason: 'unknown property includeUser; did you mean includeUsers?' },
    ]);
    expect(h.totalCalls()).toBe(0);
  });

  test('delete removes the policy; deleting it again (or reading it) finds it gone', async () => {
    const { policy } = await makePolicy();
    await provider.delete!(policy.id, policy.outs);
    await expect(livePolicy(policy.outs.conditionalAccessPolicyId)).rejects.toThrow(/EntityNotExists/);
    await expect(provider.delete!(policy.id, policy.outs)).resolves.toBeUndefined();
    expect(await refreshVia(provider, policy)).toEqual({});
  });
});
