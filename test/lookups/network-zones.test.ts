import * as pulumi from '@pulumi/pulumi';
import * as lookups from '../../src/lookups';
import { startHarness, type Harness } from '../resources/harness';

const CLASSIC = 'arn:alibaba:idaas:network:zone:classic';

let h: Harness;
let opts: lookups.LookupOptions;
let office: string;
let branch: string;
let portal: string;

function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

beforeAll(async () => {
  h = await startHarness();
  opts = { ...h.settings };
  const I = h.instanceId;
  const zone = async (name: string, cidrs: string[]) =>
    (
      await h.client.call('CreateNetworkZone', {
        InstanceId: I,
        NetworkZoneName: name,
        NetworkZoneType: CLASSIC,
        Ipv4Cidrs: cidrs,
        Description: `${name} network`,
      })
    ).NetworkZoneId ?? '';
  office = await zone('office', ['10.0.0.0/8']);
  branch = await zone('branch', ['192.168.0.0/16']);
  const app = await h.client.call('CreateApplication', {
    InstanceId: I,
    ApplicationName: 'Portal',
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'oidc',
  });
  portal = app.ApplicationId ?? '';
  await h.client.call('CreateConditionalAccessPolicy', {
    InstanceId: I,
    ConditionalAccessPolicyName: 'mfa-outside-office',
    ConditionalAccessPolicyType: 'arn:alibaba:idaas:authn:access:policy:system',
    DecisionType: 'enforcement',
    EvaluateAt: 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1',
    ConditionsConfig: {
      Users: { IncludeOrganizationalUnits: [h.rootOuId] },
      Applications: { IncludeApplications: [portal] },
      NetworkZones: { ExcludeNetworkZones: [office] },
    },
    DecisionConfig: { Effect: 'allow', MfaType: 'mfa_required', MfaAuthenticationMethods: ['ia_totp'] },
  });
});
afterAll(() => h.stop());

describe('network zone lookups', () => {
  it('gets a zone by id and by name', async () => {
    const byId = await lookups.getNetworkZone({ instanceId: h.instanceId, networkZoneId: office }, opts);
    expect(byId).toEqual({
      networkZoneId: office,
      instanceId: h.instanceId,
      networkZoneName: 'office',
      networkZoneType: CLASSIC,
      description: 'office network',
      ipv4Cidrs: ['10.0.0.0/8'],
      ipv6Cidrs: [],
    });
    expect(
      await lookups.getNetworkZone({ instanceId: h.instanceId, networkZoneName: 'branch' }, opts),
    ).toMatchObject({ networkZoneId: branch, ipv4Cidrs: ['192.168.0.0/16'] });
    await expect(
      lookups.getNetworkZone({ instanceId: h.instanceId, networkZoneId: 'network_missing' }, opts),
    ).rejects.toThrow(`getNetworkZone: no network zone network_missing in instance ${h.instanceId}`);
    await expect(
      lookups.getNetworkZone({ instanceId: h.instanceId, networkZoneName: 'nowhere' }, opts),
    ).rejects.toThrow('getNetworkZone: no network zone named "nowhere"');
    await expect(lookups.getNetworkZone({ instanceId: h.instanceId }, opts)).rejects.toThrow(
      'getNetworkZone: give exactly one of networkZoneId, networkZoneName (none is set)',
    );
  });

  it('lists the zones, all of them or the ones asked for', async () => {
    expect((await lookups.getNetworkZones({ instanceId: h.instanceId }, opts)).networkZoneIds).toEqual([
      office,
      branch,
    ]);
    const some = await lookups.getNetworkZones({ instanceId: h.instanceId, networkZoneIds: [branch] }, opts);
    expect(some.networkZones.map((z) => z.networkZoneName)).toEqual(['branch']);
  });

  it('lists the applications the policies naming a zone cover', async () => {
    const res = await lookups.getApplicationsForNetworkZone(
      { instanceId: h.instanceId, networkZoneId: office },
      opts,
    );
    expect(res.applicationIds).toEqual([portal]);
    expect(res.applications[0]).toEqual({
      applicationId: portal,
      applicationName: 'Portal',
      instanceId: h.instanceId,
    });
    expect(
      (await lookups.getApplicationsForNetworkZone({ instanceId: h.instanceId, networkZoneId: branch }, opts))
        .applicationIds,
    ).toEqual([]);
  });

  it('has Output forms', async () => {
    const zone = lookups.getNetworkZoneOutput(
      { instanceId: h.instanceId, networkZoneName: pulumi.output('office') },
      opts,
    );
    expect((await promiseOf(zone)).networkZoneId).toBe(office);
    expect(
      (await promiseOf(lookups.getNetworkZonesOutput({ instanceId: h.instanceId }, opts))).networkZoneIds,
    ).toHaveLength(2);
    const apps = lookups.getApplicationsForNetworkZoneOutput(
      { instanceId: h.instanceId, networkZoneId: office },
      opts,
    );
    expect((await promiseOf(apps)).applicationIds).toEqual([portal]);
  });
});
