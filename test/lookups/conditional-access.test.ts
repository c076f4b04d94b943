import * as pulumi from '@pulumi/pulumi';
import * as lookups from '../../src/lookups';
import { makeGroup, makeOu, makeUser, startHarness, type Harness } from '../resources/harness';

let h: Harness;
let opts: lookups.LookupOptions;
let portal: string;
let office: string;
let alice: string;
let everyone: string;
let admins: string;
let engineering: string;

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

async function policy(name: string, priority: number, users: Record<string, string[]>, zones = {}) {
  const res = await h.client.call('CreateConditionalAccessPolicy', {
    InstanceId: h.instanceId,
    ConditionalAccessPolicyName: name,
    ConditionalAccessPolicyType: 'arn:alibaba:idaas:authn:access:policy:system',
    DecisionType: 'enforcement',
    EvaluateAt: 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1',
    Priority: priority,
    ConditionsConfig: { Users: users, Applications: { IncludeApplications: [portal] }, NetworkZones: zones },
    DecisionConfig: { Effect: 'deny' },
  });
  return res.ConditionalAccessPolicyId ?? '';
}

beforeAll(async () => {
  h = await startHarness();
  opts = { ...h.settings };
  const I = h.instanceId;
  portal =
    (
      await h.client.call('CreateApplication', {
        InstanceId: I,
        ApplicationName: 'Portal',
        ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
        SsoType: 'oidc',
      })
    ).ApplicationId ?? '';
  office =
    (
      await h.client.call('CreateNetworkZone', {
        InstanceId: I,
        NetworkZoneName: 'office',
        NetworkZoneType: 'arn:alibaba:idaas:network:zone:classic',
        Ipv4Cidrs: ['10.0.0.0/8'],
      })
    ).NetworkZoneId ?? '';
  engineering = await makeOu(h, 'Engineering');
  alice = await makeUser(h, 'alice');
  const group = await makeGroup(h, 'ops');
  await h.client.call('AddUsersToGroup', { InstanceId: I, GroupId: group, UserIds: [alice] });
  everyone = await policy(
    'everyone',
    50,
    { IncludeOrganizationalUnits: [h.rootOuId] },
    { ExcludeNetworkZones: [office] },
  );
  admins = await policy('ops', 10, { IncludeGroups: [group] });
  await policy('engineering', 1, { IncludeOrganizationalUnits: [engineering] });
});
afterAll(() => h.stop());

describe('conditional access policy lookups', () => {
  it('gets a policy by id and by name', async () => {
    const byId = await lookups.getConditionalAccessPolicy(
      { instanceId: h.instanceId, conditionalAccessPolicyId: everyone },
      opts,
    );
    expect(byId).toMatchObject({
      conditionalAccessPolicyId: everyone,
      conditionalAccessPolicyName: 'everyone',
      priority: 50,
      status: 'disabled',
      conditionsConfig: {
        users: { includeOrganizationalUnits: [h.rootOuId] },
        applications: { includeApplications: [portal] },
        networkZones: { excludeNetworkZones: [office] },
      },
      decisionConfig: { effect: 'deny' },
    });
    expect(
      (
        await lookups.getConditionalAccessPolicy(
          { instanceId: h.instanceId, conditionalAccessPolicyName: 'ops' },
          opts,
        )
      ).conditionalAccessPolicyId,
    ).toBe(admins);
    await expect(
      lookups.getConditionalAccessPolicy(
        { instanceId: h.instanceId, conditionalAccessPolicyId: 'cap_missing' },
        opts,
      ),
    ).rejects.toThrow(`getConditionalAccessPolicy: no policy cap_missing in instance ${h.instanceId}`);
    await expect(
      lookups.getConditionalAccessPolicy(
        { instanceId: h.instanceId, conditionalAccessPolicyName: 'none' },
        opts,
      ),
    ).rejects.toThrow('getConditionalAccessPolicy: no conditional access policy named "none"');
  });

  it('lists the policies of the instance in creation order', async () => {
    const res = await lookups.getConditionalAccessPolicies({ instanceId: h.instanceId }, opts);
    expect(res.conditionalAccessPolicies.map((p) => p.conditionalAccessPolicyName)).toEqual([
      'everyone',
      'ops',
      'engineering',
    ]);
  });

  it('lists the policies of an application, a zone and a user in evaluation order', async () => {
    const I = h.instanceId;
    const forApp = await lookups.getConditionalAccessPoliciesForApplication(
      { instanceId: I, applicationId: portal },
      opts,
    );
    expect(forApp.conditionalAccessPolicies.map((p) => p.priority)).toEqual([1, 10, 50]);
    const forZone = await lookups.getConditionalAccessPoliciesForNetworkZone(
      { instanceId: I, networkZoneId: office },
      opts,
    );
    expect(forZone.conditionalAccessPolicyIds).toEqual([everyone]);
    const forUser = await lookups.getConditionalAccessPoliciesForUser({ instanceId: I, userId: alice }, opts);
    expect(forUser.conditionalAccessPolicyIds).toEqual([admins, everyone]);
    await expect(
      lookups.getConditionalAccessPoliciesForUser({ instanceId: I, userId: 'user_missing' }, opts),
    ).rejects.toMatchObject({ code: 'EntityNotExists.User' });
  });

  it('has Output forms', async () => {
    const I = h.instanceId;
    const one = lookups.getConditionalAccessPolicyOutput(
      { instanceId: I, conditionalAccessPolicyName: 'ops' },
      opts,
    );
    expect((await promiseOf(one)).conditionalAccessPolicyId).toBe(admins);
    const all = lookups.getConditionalAccessPoliciesOutput({ instanceId: I }, opts);
    expect((await promiseOf(all)).conditionalAccessPolicyIds).toHaveLength(3);
    const app = lookups.getConditionalAccessPoliciesForApplicationOutput(
      { instanceId: I, applicationId: portal },
      opts,
    );
    expect((await promiseOf(app)).conditionalAccessPolicyIds).toHaveLength(3);
    const zone = lookups.getConditionalAccessPoliciesForNetworkZoneOutput(
      { instanceId: I, networkZoneId: office },
      opts,
    );
    expect((await promiseOf(zone)).conditionalAccessPolicyIds).toEqual([everyone]);
    const user = lookups.getConditionalAccessPoliciesForUserOutput({ instanceId: I, userId: alice }, opts);
    expect((await promiseOf(user)).conditionalAccessPolicyIds).toEqual([admins, everyone]);
  });
});
