import { T0, withInstance, type Body } from './directory-fixture';

const SYSTEM = 'arn:alibaba:idaas:authn:access:policy:system';
const AFTER_STEP1 = 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1';

function policies() {
  const fx = withInstance();
  const app = (name: string): string =>
    fx.call('CreateApplication', {
      ApplicationName: name,
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    }).ApplicationId;
  const zone = (name: string): string =>
    fx.call('CreateNetworkZone', {
      NetworkZoneName: name,
      NetworkZoneType: 'arn:alibaba:idaas:network:zone:classic',
      Ipv4Cidrs: ['10.0.0.0/8'],
    }).NetworkZoneId;
  const defaultApp = app('default-app');
  const request = (name: string, extra: Record<string, unknown> = {}) => ({
    ConditionalAccessPolicyName: name,
    ConditionalAccessPolicyType: SYSTEM,
    DecisionType: 'enforcement',
    EvaluateAt: AFTER_STEP1,
    ConditionsConfig: {
      Users: { IncludeOrganizationalUnits: [fx.rootOu] },
      Applications: { IncludeApplications: [defaultApp] },
    },
    DecisionConfig: { Effect: 'allow' },
    ...extra,
  });
  const create = (name: string, extra: Record<string, unknown> = {}): string =>
    fx.call('CreateConditionalAccessPolicy', request(name, extra)).ConditionalAccessPolicyId;
  const createError = (extra: Record<string, unknown>) =>
    fx.errorIn('CreateConditionalAccessPolicy', request('refused', extra));
  const get = (id: string) =>
    fx.call('GetConditionalAccessPolicy', { ConditionalAccessPolicyId: id }).ConditionalAccessPolicy;
  const ids = (res: Body) =>
    (res.ConditionalAccessPolicies as { ConditionalAccessPolicyId: string }[]).map(
      (p) => p.ConditionalAccessPolicyId,
    );
  return { ...fx, app, zone, defaultApp, request, create, createError, get, ids };
}

const conditions = (users: Record<string, unknown>, apps: Record<string, unknown>, zones = {}) => ({
  ConditionsConfig: { Users: users, Applications: apps, NetworkZones: zones },
});

describe('conditional access policies', () => {
  it('creates a disabled policy with defaults and reads it back', () => {
    const fx = policies();
    const id = fx.create('p');
    expect(id).toMatch(/^cap_[a-z0-9]{26}$/);
    expect(fx.get(id)).toEqual({
      ConditionalAccessPolicyId: id,
      InstanceId: fx.instanceId,
      ConditionalAccessPolicyName: 'p',
      ConditionalAccessPolicyType: SYSTEM,
      DecisionType: 'enforcement',
      EvaluateAt: AFTER_STEP1,
      Priority: 100,
      Status: 'disabled',
      ConditionsConfig: {
        Users: {
          IncludeUsers: [],
          ExcludeUsers: [],
          IncludeGroups: [],
          ExcludeGroups: [],
          IncludeOrganizationalUnits: [fx.rootOu],
          ExcludeOrganizationalUnits: [],
        },
        Applications: { IncludeApplications: [fx.defaultApp], ExcludeApplications: [] },
        NetworkZones: { IncludeNetworkZones: [], ExcludeNetworkZones: [] },
      },
      DecisionConfig: { Effect: 'allow', MfaType: 'directly_access' },
      CreateTime: T0,
      LastUpdatedTime: T0,
    });
  });

  it('requires every referenced entity to exist', () => {
    const fx = policies();
    const app = fx.defaultApp;
    const root = fx.rootOu;
    expect(
      fx.createError(conditions({ IncludeUsers: ['user_nobody'] }, { IncludeApplications: [app] })),
    ).toMatchObject({ code: 'EntityNotExists.User', httpStatus: 404 });
    expect(
      fx.createError(conditions({ IncludeGroups: ['group_nobody'] }, { IncludeApplications: [app] })).code,
    ).toBe('EntityNotExists.Group');
    expect(
      fx.createError(
        conditions(
          { ExcludeOrganizationalUnits: ['ou_nobody'], IncludeOrganizationalUnits: [root] },
          {
            IncludeApplications: [app],
          },
        ),
      ).code,
    ).toBe('EntityNotExists.OrganizationalUnit');
    expect(
      fx.createError(
        conditions({ IncludeOrganizationalUnits: [root] }, { IncludeApplications: ['app_nobody'] }),
      ).code,
    ).toBe('EntityNotExists.Application');
    expect(
      fx.createError(
        conditions(
          { IncludeOrganizationalUnits: [root] },
          { IncludeApplications: [app] },
          {
            ExcludeNetworkZones: ['network_nobody'],
          },
        ),
      ).code,
    ).toBe('EntityNotExists.NetworkZone');
  });

  it('requires included principals and applications, and refuses an id both included and excluded', () => {
    const fx = policies();
    const user = fx.user('alice');
    expect(
      fx.createError(conditions({ ExcludeUsers: [user] }, { IncludeApplications: [fx.defaultApp] })).code,
    ).toBe('MissingConditionsConfigUsersIncludeUsers');
    expect(fx.createError(conditions({ IncludeUsers: [user] }, {})).code).toBe(
      'MissingConditionsConfigApplicationsIncludeApplications',
    );
    const err = fx.createError(
      conditions({ IncludeUsers: [user], ExcludeUsers: [user] }, { IncludeApplications: [fx.defaultApp] }),
    );
    expect(err.code).toBe('InvalidParameter.ConditionsConfig.Users.ExcludeUsers');
    expect(err.message).toContain(user);
  });

  it('checks the decision: effect, MFA type, methods, interval, session reuse', () => {
    const fx = policies();
    const bad = (decision: Record<string, unknown>) => fx.createError({ DecisionConfig: decision }).code;
    expect(bad({})).toBe('MissingDecisionConfigEffect');
    expect(bad({ Effect: 'maybe' })).toBe('InvalidParameter.DecisionConfig.Effect');
    expect(bad({ Effect: 'deny', MfaType: 'mfa_required' })).toBe('InvalidParameter.DecisionConfig.MfaType');
    expect(bad({ Effect: 'allow', MfaType: 'sometimes' })).toBe('InvalidParameter.DecisionConfig.MfaType');
    expect(bad({ Effect: 'allow', MfaAuthenticationMethods: ['ia_totp'] })).toBe(
      'InvalidParameter.DecisionConfig.MfaAuthenticationMethods',
    );
    expect(bad({ Effect: 'allow', MfaType: 'mfa_required' })).toBe(
      'MissingDecisionConfigMfaAuthenticationMethods',
    );
    expect(bad({ Effect: 'allow', MfaType: 'mfa_required', MfaAuthenticationMethods: ['ia_sms'] })).toBe(
      'InvalidParameter.DecisionConfig.MfaAuthenticationMethods',
    );
    const mfa = { Effect: 'allow', MfaType: 'mfa_required', MfaAuthenticationMethods: ['ia_otp_sms'] };
    expect(bad({ ...mfa, MfaAuthenticationIntervalSeconds: 299 })).toBe(
      'InvalidParameter.DecisionConfig.MfaAuthenticationIntervalSeconds',
    );
    expect(bad({ ...mfa, MfaAuthenticationIntervalSeconds: 86_401 })).toBe(
      'InvalidParameter.DecisionConfig.MfaAuthenticationIntervalSeconds',
    );
    expect(bad({ ...mfa, ActiveSessionReuseStatus: 'on' })).toBe(
      'InvalidParameter.DecisionConfig.ActiveSessionReuseStatus',
    );
    const id = fx.create('mfa', {
      DecisionConfig: {
        ...mfa,
        MfaAuthenticationMethods: ['ia_otp_sms', 'ia_webauthn', 'ia_otp_sms'],
        MfaAuthenticationIntervalSeconds: 86_400,
        ActiveSessionReuseStatus: 'disabled',
      },
    });
    expect(fx.get(id).DecisionConfig).toEqual({
      Effect: 'allow',
      MfaType: 'mfa_required',
      MfaAuthenticationMethods: ['ia_otp_sms', 'ia_webauthn'],
      MfaAuthenticationIntervalSeconds: 86_400,
      ActiveSessionReuseStatus: 'disabled',
    });
    expect(fx.get(fx.create('deny', { DecisionConfig: { Effect: 'deny' } })).DecisionConfig).toEqual({
      Effect: 'deny',
    });
  });

  it('checks the enums, the name, the priority; priorities need not be unique', () => {
    const fx = policies();
    expect(fx.createError({ ConditionalAccessPolicyType: 'custom' }).code).toBe(
      'InvalidParameter.ConditionalAccessPolicyType',
    );
    expect(fx.createError({ DecisionType: 'audit' }).code).toBe('InvalidParameter.DecisionType');
    expect(fx.createError({ EvaluateAt: 'before' }).code).toBe('InvalidParameter.EvaluateAt');
    expect(fx.createError({ Priority: 0 }).code).toBe('InvalidParameter.Priority');
    expect(fx.createError({ Priority: 101 }).code).toBe('InvalidParameter.Priority');
    expect(fx.createError({ ConditionalAccessPolicyName: 'x'.repeat(65) }).code).toBe(
      'InvalidParameter.ConditionalAccessPolicyName',
    );
    const a = fx.create('a', { Priority: 1 });
    const b = fx.create('b', { Priority: 1 });
    expect([fx.get(a).Priority, fx.get(b).Priority]).toEqual([1, 1]);
    expect(fx.errorIn('CreateConditionalAccessPolicy', fx.request('a'))).toMatchObject({
      code: 'EntityAlreadyExists.ConditionalAccessPolicy.ConditionalAccessPolicyName',
      httpStatus: 409,
    });
    expect(fx.create('c', { ClientToken: 'tok' })).toBe(fx.create('c', { ClientToken: 'tok' }));
  });

  it('updates: name and decision type set, given blocks replace, others kept', () => {
    const fx = policies();
    const zone = fx.zone('office');
    const id = fx.create('p', {
      Priority: 4,
      Description: 'desc',
      ...conditions(
        { IncludeOrganizationalUnits: [fx.rootOu] },
        { IncludeApplications: [fx.defaultApp] },
        {
          ExcludeNetworkZones: [zone],
        },
      ),
    });
    fx.create('other');
    fx.advance(5);
    fx.call('UpdateConditionalAccessPolicy', {
      ConditionalAccessPolicyId: id,
      ConditionalAccessPolicyName: 'renamed',
      DecisionType: 'reportOnly',
    });
    expect(fx.get(id)).toMatchObject({
      ConditionalAccessPolicyName: 'renamed',
      DecisionType: 'reportOnly',
      Priority: 4,
      Description: 'desc',
      ConditionsConfig: { NetworkZones: { ExcludeNetworkZones: [zone] } },
      DecisionConfig: { Effect: 'allow' },
      LastUpdatedTime: T0 + 5,
    });
    const user = fx.user('bob');
    fx.call('UpdateConditionalAccessPolicy', {
      ConditionalAccessPolicyId: id,
      ConditionalAccessPolicyName: 'renamed',
      DecisionType: 'enforcement',
      Priority: 9,
      ...conditions({ IncludeUsers: [user] }, { IncludeApplications: [fx.defaultApp] }),
      DecisionConfig: { Effect: 'deny' },
    });
    const got = fx.get(id);
    expect(got).toMatchObject({ Priority: 9, DecisionConfig: { Effect: 'deny' } });
    expect(got.ConditionsConfig.Users.IncludeUsers).toEqual([user]);
    expect(got.ConditionsConfig.Users.IncludeOrganizationalUnits).toEqual([]);
    expect(got.ConditionsConfig.NetworkZones.ExcludeNetworkZones).toEqual([]);
    // Free now that no policy names it.
    fx.call('DeleteNetworkZone', { NetworkZoneId: zone });
    expect(
      fx.errorIn('UpdateConditionalAccessPolicy', {
        ConditionalAccessPolicyId: id,
        ConditionalAccessPolicyName: 'other',
        DecisionType: 'enforcement',
      }).code,
    ).toBe('EntityAlreadyExists.ConditionalAccessPolicy.ConditionalAccessPolicyName');
    fx.call('UpdateConditionalAccessPolicyDescription', { ConditionalAccessPolicyId: id, Description: '' });
    expect(fx.get(id).Description).toBeUndefined();
  });

  it('enables and disables idempotently', () => {
    const fx = policies();
    const id = fx.create('p');
    fx.call('EnableConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    fx.call('EnableConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    expect(fx.get(id).Status).toBe('enabled');
    fx.call('DisableConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    expect(fx.get(id).Status).toBe('disabled');
    fx.call('DeleteConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    expect(fx.errorIn('EnableConditionalAccessPolicy', { ConditionalAccessPolicyId: id })).toMatchObject({
      code: 'EntityNotExists.ConditionalAccessPolicy',
      httpStatus: 404,
    });
  });

  it('drops deleted users, groups, OUs and applications from conditions', () => {
    const fx = policies();
    const ou = fx.ou('sales');
    const user = fx.user('carol');
    const group = fx.group('admins');
    const app = fx.app('crm');
    const id = fx.create(
      'p',
      conditions(
        { IncludeUsers: [user], IncludeGroups: [group], ExcludeOrganizationalUnits: [ou] },
        { IncludeApplications: [fx.defaultApp, app] },
      ),
    );
    fx.call('EnableConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    fx.call('DeleteUser', { UserId: user });
    fx.call('DeleteOrganizationalUnit', { OrganizationalUnitId: ou });
    fx.call('DeleteApplication', { ApplicationId: app });
    expect(fx.get(id).ConditionsConfig).toMatchObject({
      Users: { IncludeUsers: [], IncludeGroups: [group], ExcludeOrganizationalUnits: [] },
      Applications: { IncludeApplications: [fx.defaultApp] },
    });
    fx.call('DeleteGroup', { GroupId: group });
    // Left with no included principal: it stays (matching nobody) but cannot be enabled again.
    expect(fx.get(id)).toMatchObject({
      Status: 'enabled',
      ConditionsConfig: { Users: { IncludeGroups: [] } },
    });
    fx.call('DisableConditionalAccessPolicy', { ConditionalAccessPolicyId: id });
    expect(fx.errorIn('EnableConditionalAccessPolicy', { ConditionalAccessPolicyId: id })).toMatchObject({
      code: 'OperationDenied.ConditionalAccessPolicy.EmptyConditions',
      httpStatus: 403,
    });
    expect(fx.state().index.conditionalAccessReferences.has(user)).toBe(false);
  });

  it('lists policies in creation order with token pages', () => {
    const fx = policies();
    const all = ['a', 'b', 'c'].map((n, i) => fx.create(n, { Priority: 10 - i }));
    const p1 = fx.call('ListConditionalAccessPolicies', { MaxResults: 2 });
    expect(fx.ids(p1)).toEqual(all.slice(0, 2));
    expect(p1.TotalCount).toBe(3);
    const p2 = fx.call('ListConditionalAccessPolicies', { MaxResults: 2, NextToken: p1.NextToken });
    expect(fx.ids(p2)).toEqual([all[2]]);
  });

  it('lists the policies of an application, a zone and a user in evaluation order', () => {
    const fx = policies();
    const [other, zone] = [fx.app('other'), fx.zone('office')];
    const parent = fx.ou('parent');
    const child = fx.ou('child', parent);
    const user = fx.user('dave', { PrimaryOrganizationalUnitId: child });
    const group = fx.group('g');
    fx.call('AddUsersToGroup', { GroupId: group, UserIds: [user] });
    const app = fx.defaultApp;

    const byUser = fx.create('by-user', {
      Priority: 50,
      ...conditions({ IncludeUsers: [user] }, { IncludeApplications: [app] }),
    });
    const byGroup = fx.create('by-group', {
      Priority: 20,
      ...conditions(
        { IncludeGroups: [group] },
        { IncludeApplications: [app, other] },
        { IncludeNetworkZones: [zone] },
      ),
    });
    const byParent = fx.create('by-parent', {
      Priority: 20,
      ...conditions(
        { IncludeOrganizationalUnits: [parent] },
        { IncludeApplications: [other] },
        {
          ExcludeNetworkZones: [zone],
        },
      ),
    });
    const excluded = fx.create('excluded', {
      Priority: 1,
      ...conditions(
        { IncludeOrganizationalUnits: [fx.rootOu], ExcludeOrganizationalUnits: [child] },
        {
          IncludeApplications: [app],
          ExcludeApplications: [other],
        },
      ),
    });

    expect(fx.ids(fx.call('ListConditionalAccessPoliciesForUser', { UserId: user }))).toEqual([
      byGroup,
      byParent,
      byUser,
    ]);
    expect(fx.ids(fx.call('ListConditionalAccessPoliciesForApplication', { ApplicationId: app }))).toEqual([
      excluded,
      byGroup,
      byUser,
    ]);
    expect(fx.ids(fx.call('ListConditionalAccessPoliciesForApplication', { ApplicationId: other }))).toEqual([
      byGroup,
      byParent,
    ]);
    expect(fx.ids(fx.call('ListConditionalAccessPoliciesForNetworkZone', { NetworkZoneId: zone }))).toEqual([
      byGroup,
      byParent,
    ]);
    // Leaving the group drops that policy.
    fx.call('RemoveUsersFromGroup', { GroupId: group, UserIds: [user] });
    expect(fx.ids(fx.call('ListConditionalAccessPoliciesForUser', { UserId: user }))).toEqual([
      byParent,
      byUser,
    ]);
    expect(fx.errorIn('ListConditionalAccessPoliciesForUser', { UserId: 'user_nobody' }).code).toBe(
      'EntityNotExists.User',
    );
    expect(
      fx.errorIn('ListConditionalAccessPoliciesForApplication', { ApplicationId: 'app_nobody' }).code,
    ).toBe('EntityNotExists.Application');
    expect(
      fx.errorIn('ListConditionalAccessPoliciesForNetworkZone', { NetworkZoneId: 'network_x' }).code,
    ).toBe('EntityNotExists.NetworkZone');
  });
});
