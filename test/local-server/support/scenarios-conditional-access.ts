/** Over-HTTP scenarios of the conditional access policy operations (spread into `SCENARIOS`). */
import type { CONDITIONAL_ACCESS_FAMILY } from '../../../src/catalog';
import type { ScenarioTable } from './operation-scenarios';
import { at, conditionalAccessPolicy, networkZone } from './scenarios-network-zones';
import type { InstanceFixture, Setup } from './setup';

const SYSTEM = 'arn:alibaba:idaas:authn:access:policy:system';
const AFTER_STEP1 = 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1';

async function getPolicy(setup: Setup, inst: InstanceFixture, policyId: string) {
  const res = await setup.client.call('GetConditionalAccessPolicy', {
    ...at(inst),
    ConditionalAccessPolicyId: policyId,
  });
  return res.ConditionalAccessPolicy!;
}

/** An instance with an application and a policy covering it. */
async function withPolicy(setup: Setup) {
  const inst = await setup.instance();
  const app = await setup.application(inst);
  const policy = await conditionalAccessPolicy(setup, inst, { applications: [app] });
  return { inst, app, policy };
}

const ids = (list?: { ConditionalAccessPolicyId?: string }[]) =>
  (list ?? []).map((p) => p.ConditionalAccessPolicyId);

/** The scenarios of {@link CONDITIONAL_ACCESS_FAMILY}. */
export const CONDITIONAL_ACCESS_SCENARIOS: Pick<ScenarioTable, (typeof CONDITIONAL_ACCESS_FAMILY)[number]> = {
  CreateConditionalAccessPolicy: async (setup) => {
    const inst = await setup.instance();
    const [app, user, group, zone] = [
      await setup.application(inst),
      await setup.user(inst),
      await setup.group(inst),
      await networkZone(setup, inst),
    ];
    const name = setup.unique('mfa-outside-office');
    return {
      request: {
        ...at(inst),
        ConditionalAccessPolicyName: name,
        ConditionalAccessPolicyType: SYSTEM,
        DecisionType: 'enforcement',
        EvaluateAt: AFTER_STEP1,
        Description: 'MFA outside the office',
        Priority: 5,
        ConditionsConfig: {
          Users: {
            IncludeOrganizationalUnits: [inst.rootOuId],
            ExcludeUsers: [user],
            ExcludeGroups: [group],
          },
          Applications: { IncludeApplications: [app] },
          NetworkZones: { ExcludeNetworkZones: [zone] },
        },
        DecisionConfig: {
          Effect: 'allow',
          MfaType: 'mfa_required',
          MfaAuthenticationMethods: ['ia_totp', 'ia_webauthn'],
          MfaAuthenticationIntervalSeconds: 600,
          ActiveSessionReuseStatus: 'enabled',
        },
      },
      verify: async (res) => {
        expect(res.ConditionalAccessPolicyId).toMatch(/^cap_[a-z0-9]{26}$/);
        const got = await getPolicy(setup, inst, res.ConditionalAccessPolicyId!);
        expect(got).toEqual({
          ConditionalAccessPolicyId: res.ConditionalAccessPolicyId,
          InstanceId: inst.instanceId,
          ConditionalAccessPolicyName: name,
          ConditionalAccessPolicyType: SYSTEM,
          Description: 'MFA outside the office',
          DecisionType: 'enforcement',
          EvaluateAt: AFTER_STEP1,
          Priority: 5,
          Status: 'disabled',
          ConditionsConfig: {
            Users: {
              IncludeUsers: [],
              ExcludeUsers: [user],
              IncludeGroups: [],
              ExcludeGroups: [group],
              IncludeOrganizationalUnits: [inst.rootOuId],
              ExcludeOrganizationalUnits: [],
            },
            Applications: { IncludeApplications: [app], ExcludeApplications: [] },
            NetworkZones: { IncludeNetworkZones: [], ExcludeNetworkZones: [zone] },
          },
          DecisionConfig: {
            Effect: 'allow',
            MfaType: 'mfa_required',
            MfaAuthenticationMethods: ['ia_totp', 'ia_webauthn'],
            MfaAuthenticationIntervalSeconds: 600,
            ActiveSessionReuseStatus: 'enabled',
          },
          CreateTime: expect.any(Number),
          LastUpdatedTime: expect.any(Number),
        });
      },
    };
  },
  DeleteConditionalAccessPolicy: async (setup) => {
    const { inst, policy } = await withPolicy(setup);
    return {
      request: { ...at(inst), ConditionalAccessPolicyId: policy },
      verify: () =>
        setup.expectNotFound(
          setup.client.call('GetConditionalAccessPolicy', { ...at(inst), ConditionalAccessPolicyId: policy }),
          'EntityNotExists.ConditionalAccessPolicy',
        ),
    };
  },
  DisableConditionalAccessPolicy: async (setup) => {
    const { inst, policy } = await withPolicy(setup);
    await setup.client.call('EnableConditionalAccessPolicy', {
      ...at(inst),
      ConditionalAccessPolicyId: policy,
    });
    return {
      request: { ...at(inst), ConditionalAccessPolicyId: policy },
      verify: async () => expect((await getPolicy(setup, inst, policy)).Status).toBe('disabled'),
    };
  },
  EnableConditionalAccessPolicy: async (setup) => {
    const { inst, policy } = await withPolicy(setup);
    return {
      request: { ...at(inst), ConditionalAccessPolicyId: policy },
      verify: async () => expect((await getPolicy(setup, inst, policy)).Status).toBe('enabled'),
    };
  },
  GetConditionalAccessPolicy: async (setup) => {
    const { inst, app, policy } = await withPolicy(setup);
    return {
      request: { ...at(inst), ConditionalAccessPolicyId: policy },
      verify: (res) =>
        expect(res.ConditionalAccessPolicy).toMatchObject({
          ConditionalAccessPolicyId: policy,
          Priority: 100,
          Status: 'disabled',
          ConditionsConfig: {
            Users: { IncludeOrganizationalUnits: [inst.rootOuId] },
            Applications: { IncludeApplications: [app] },
          },
          DecisionConfig: { Effect: 'allow', MfaType: 'mfa_required', MfaAuthenticationMethods: ['ia_totp'] },
        }),
    };
  },
  ListConditionalAccessPolicies: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    const p1 = await conditionalAccessPolicy(setup, inst, { applications: [app], priority: 50 });
    const p2 = await conditionalAccessPolicy(setup, inst, { applications: [app], priority: 1 });
    return {
      request: at(inst),
      verify: (res) => {
        // Creation order (the For* listings give evaluation order instead).
        expect(ids(res.ConditionalAccessPolicies)).toEqual([p1, p2]);
        expect(res.TotalCount).toBe(2);
        expect(res.NextToken).toBeUndefined();
      },
    };
  },
  ListConditionalAccessPoliciesForApplication: async (setup) => {
    const inst = await setup.instance();
    const [app, other] = [await setup.application(inst), await setup.application(inst)];
    const late = await conditionalAccessPolicy(setup, inst, { applications: [app, other], priority: 10 });
    const early = await conditionalAccessPolicy(setup, inst, { applications: [app], priority: 5 });
    await conditionalAccessPolicy(setup, inst, { applications: [other] });
    return {
      request: { ...at(inst), ApplicationId: app },
      verify: (res) => expect(ids(res.ConditionalAccessPolicies)).toEqual([early, late]),
    };
  },
  ListConditionalAccessPoliciesForNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const [app, zone] = [await setup.application(inst), await networkZone(setup, inst)];
    const excluding = await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      excludeZones: [zone],
    });
    const including = await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      includeZones: [zone],
      priority: 3,
    });
    await conditionalAccessPolicy(setup, inst, { applications: [app] });
    return {
      request: { ...at(inst), NetworkZoneId: zone },
      verify: (res) => expect(ids(res.ConditionalAccessPolicies)).toEqual([including, excluding]),
    };
  },
  ListConditionalAccessPoliciesForUser: async (setup) => {
    const inst = await setup.instance();
    const app = await setup.application(inst);
    const parent = await setup.ou(inst);
    const child = await setup.ou(inst, parent);
    const user = await setup.user(inst, child);
    const group = await setup.group(inst);
    await setup.client.call('AddUsersToGroup', { ...at(inst), GroupId: group, UserIds: [user] });
    const byGroup = await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      users: { IncludeGroups: [group] },
      priority: 20,
    });
    const byAncestorOu = await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      users: { IncludeOrganizationalUnits: [parent] },
      priority: 10,
    });
    // Covers everyone but this user; and one that covers someone else only.
    await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      users: { IncludeOrganizationalUnits: [inst.rootOuId], ExcludeGroups: [group] },
    });
    await conditionalAccessPolicy(setup, inst, {
      applications: [app],
      users: { IncludeUsers: [await setup.user(inst)] },
    });
    return {
      request: { ...at(inst), UserId: user },
      verify: (res) => expect(ids(res.ConditionalAccessPolicies)).toEqual([byAncestorOu, byGroup]),
    };
  },
  UpdateConditionalAccessPolicy: async (setup) => {
    const { inst, policy } = await withPolicy(setup);
    const [app2, zone] = [await setup.application(inst), await networkZone(setup, inst)];
    const name = setup.unique('deny-outside');
    return {
      request: {
        ...at(inst),
        ConditionalAccessPolicyId: policy,
        ConditionalAccessPolicyName: name,
        DecisionType: 'reportOnly',
        Priority: 7,
        ConditionsConfig: {
          Users: { IncludeOrganizationalUnits: [inst.rootOuId] },
          Applications: { IncludeApplications: [app2] },
          NetworkZones: { ExcludeNetworkZones: [zone] },
        },
        DecisionConfig: { Effect: 'deny' },
      },
      verify: async () => {
        const got = await getPolicy(setup, inst, policy);
        expect(got).toMatchObject({
          ConditionalAccessPolicyName: name,
          DecisionType: 'reportOnly',
          Priority: 7,
          ConditionsConfig: {
            Applications: { IncludeApplications: [app2], ExcludeApplications: [] },
            NetworkZones: { IncludeNetworkZones: [], ExcludeNetworkZones: [zone] },
          },
        });
        expect(got.DecisionConfig).toEqual({ Effect: 'deny' });
      },
    };
  },
  UpdateConditionalAccessPolicyDescription: async (setup) => {
    const { inst, policy } = await withPolicy(setup);
    return {
      request: { ...at(inst), ConditionalAccessPolicyId: policy, Description: 'Reviewed' },
      verify: async () => expect((await getPolicy(setup, inst, policy)).Description).toBe('Reviewed'),
    };
  },
};
