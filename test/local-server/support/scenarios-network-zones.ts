/**
 * Over-HTTP scenarios of the network zone operations (spread into `SCENARIOS`), and the helpers
 * the conditional access scenarios share: a zone, a policy.
 */
import type { NETWORK_ZONE_FAMILY } from '../../../src/catalog';
import type { RequestOf } from '../../../src/client';
import type { ScenarioTable } from './operation-scenarios';
import type { InstanceFixture, Setup } from './setup';

/** The type of zones on the public internet. */
export const CLASSIC = 'arn:alibaba:idaas:network:zone:classic';
/** The type of zones inside one VPC. */
export const VPC = 'arn:alibaba:idaas:network:zone:vpc';

/** `{ InstanceId }` of a fixture. */
export function at(inst: InstanceFixture): { InstanceId: string } {
  return { InstanceId: inst.instanceId };
}

/** A new classic zone (one IPv4 block unless `extra` says otherwise). */
export async function networkZone(
  setup: Setup,
  inst: InstanceFixture,
  extra: Partial<RequestOf<'CreateNetworkZone'>> = {},
): Promise<string> {
  const res = await setup.client.call('CreateNetworkZone', {
    ...at(inst),
    NetworkZoneName: setup.unique('zone'),
    NetworkZoneType: CLASSIC,
    Ipv4Cidrs: ['203.0.113.0/24'],
    ...extra,
  });
  return res.NetworkZoneId!;
}

/** The parts of a policy request the helper fills in; `conditions`/`decision` replace its defaults. */
export interface PolicyParts {
  readonly users?: NonNullable<RequestOf<'CreateConditionalAccessPolicy'>['ConditionsConfig']>['Users'];
  readonly applications: string[];
  readonly excludeApplications?: string[];
  readonly includeZones?: string[];
  readonly excludeZones?: string[];
  readonly priority?: number;
}

/** A new policy: allow with MFA, covering the given principals (default the root OU) and apps. */
export async function conditionalAccessPolicy(
  setup: Setup,
  inst: InstanceFixture,
  parts: PolicyParts,
): Promise<string> {
  const res = await setup.client.call('CreateConditionalAccessPolicy', {
    ...at(inst),
    ConditionalAccessPolicyName: setup.unique('policy'),
    ConditionalAccessPolicyType: 'arn:alibaba:idaas:authn:access:policy:system',
    DecisionType: 'enforcement',
    EvaluateAt: 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1',
    Priority: parts.priority,
    ConditionsConfig: {
      Users: parts.users ?? { IncludeOrganizationalUnits: [inst.rootOuId] },
      Applications: {
        IncludeApplications: parts.applications,
        ExcludeApplications: parts.excludeApplications,
      },
      NetworkZones: { IncludeNetworkZones: parts.includeZones, ExcludeNetworkZones: parts.excludeZones },
    },
    DecisionConfig: { Effect: 'allow', MfaType: 'mfa_required', MfaAuthenticationMethods: ['ia_totp'] },
  });
  return res.ConditionalAccessPolicyId!;
}

async function getZone(setup: Setup, inst: InstanceFixture, networkZoneId: string) {
  const res = await setup.client.call('GetNetworkZone', { ...at(inst), NetworkZoneId: networkZoneId });
  return res.NetworkZone!;
}

/** The scenarios of {@link NETWORK_ZONE_FAMILY}. */
export const NETWORK_ZONE_SCENARIOS: Pick<ScenarioTable, (typeof NETWORK_ZONE_FAMILY)[number]> = {
  CreateNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const name = setup.unique('office');
    return {
      request: {
        ...at(inst),
        NetworkZoneName: name,
        NetworkZoneType: CLASSIC,
        Description: 'Head office',
        Ipv4Cidrs: ['10.0.0.0/8', '192.168.1.0/24'],
        Ipv6Cidrs: ['2001:db8::/32'],
      },
      verify: async (res) => {
        expect(res.NetworkZoneId).toMatch(/^network_[a-z0-9]{26}$/);
        expect(await getZone(setup, inst, res.NetworkZoneId!)).toEqual({
          NetworkZoneId: res.NetworkZoneId,
          InstanceId: inst.instanceId,
          NetworkZoneName: name,
          NetworkZoneType: CLASSIC,
          Description: 'Head office',
          Ipv4Cidrs: ['10.0.0.0/8', '192.168.1.0/24'],
          Ipv6Cidrs: ['2001:db8::/32'],
        });
      },
    };
  },
  DeleteNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const zone = await networkZone(setup, inst);
    return {
      request: { ...at(inst), NetworkZoneId: zone },
      verify: () =>
        setup.expectNotFound(
          setup.client.call('GetNetworkZone', { ...at(inst), NetworkZoneId: zone }),
          'EntityNotExists.NetworkZone',
        ),
    };
  },
  GetNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const zone = await networkZone(setup, inst, {
      NetworkZoneName: 'branch-vpc',
      NetworkZoneType: VPC,
      VpcId: 'vpc-bp1example0001',
      Ipv4Cidrs: ['172.16.0.0/12'],
    });
    return {
      request: { ...at(inst), NetworkZoneId: zone },
      verify: (res) =>
        expect(res.NetworkZone).toEqual({
          NetworkZoneId: zone,
          InstanceId: inst.instanceId,
          NetworkZoneName: 'branch-vpc',
          NetworkZoneType: VPC,
          VpcId: 'vpc-bp1example0001',
          Ipv4Cidrs: ['172.16.0.0/12'],
          Ipv6Cidrs: [],
        }),
    };
  },
  ListApplicationsForNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const zone = await networkZone(setup, inst);
    const [a1, a2, a3] = [
      await setup.application(inst),
      await setup.application(inst),
      await setup.application(inst),
    ];
    // Two policies name the zone; between them they cover a1 and a2 (a3 is excluded where named).
    await conditionalAccessPolicy(setup, inst, { applications: [a2], excludeZones: [zone] });
    await conditionalAccessPolicy(setup, inst, {
      applications: [a1, a2],
      includeZones: [zone],
    });
    await conditionalAccessPolicy(setup, inst, { applications: [a3] });
    return {
      request: { ...at(inst), NetworkZoneId: zone },
      verify: (res) => {
        expect(res.Applications?.map((a) => a.ApplicationId)).toEqual([a1, a2]);
        expect(res.Applications?.[0]).toEqual({
          ApplicationId: a1,
          ApplicationName: expect.any(String),
          InstanceId: inst.instanceId,
        });
        expect(res.TotalCount).toBe(2);
        expect(res.NextToken).toBeUndefined();
      },
    };
  },
  ListNetworkZones: async (setup) => {
    const inst = await setup.instance();
    const zones = [
      await networkZone(setup, inst),
      await networkZone(setup, inst),
      await networkZone(setup, inst),
    ];
    return {
      request: { ...at(inst), MaxResults: 2 },
      verify: async (res) => {
        expect(res.NetworkZones?.map((z) => z.NetworkZoneId)).toEqual(zones.slice(0, 2));
        expect(res.TotalCount).toBe(3);
        expect(res.PreviousToken).toBeUndefined();
        const next = await setup.client.call('ListNetworkZones', {
          ...at(inst),
          MaxResults: 2,
          NextToken: res.NextToken,
        });
        expect(next.NetworkZones?.map((z) => z.NetworkZoneId)).toEqual([zones[2]]);
        expect(next.NextToken).toBeUndefined();
        const back = await setup.client.call('ListNetworkZones', {
          ...at(inst),
          MaxResults: 2,
          PreviousToken: next.PreviousToken,
        });
        expect(back.NetworkZones?.map((z) => z.NetworkZoneId)).toEqual(zones.slice(0, 2));
      },
    };
  },
  UpdateNetworkZone: async (setup) => {
    const inst = await setup.instance();
    const zone = await networkZone(setup, inst, { Ipv6Cidrs: ['2001:db8::/48'], Description: 'kept' });
    const name = setup.unique('renamed');
    return {
      request: { ...at(inst), NetworkZoneId: zone, NetworkZoneName: name, Ipv4Cidrs: ['198.51.100.0/24'] },
      verify: async () =>
        // The update is the zone's whole definition: the IPv6 list it left out is now empty.
        expect(await getZone(setup, inst, zone)).toMatchObject({
          NetworkZoneName: name,
          Ipv4Cidrs: ['198.51.100.0/24'],
          Ipv6Cidrs: [],
          Description: 'kept',
        }),
    };
  },
  UpdateNetworkZoneDescription: async (setup) => {
    const inst = await setup.instance();
    const zone = await networkZone(setup, inst);
    return {
      request: { ...at(inst), NetworkZoneId: zone, Description: 'Branch office' },
      verify: async () => expect((await getZone(setup, inst, zone)).Description).toBe('Branch office'),
    };
  },
};
