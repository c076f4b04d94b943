import { cidrListProblem, cidrProblem } from '../../../src/catalog';
import { EiamService } from '../../../src/local-server/model/service';
import { withInstance, type Body } from './directory-fixture';

const CLASSIC = 'arn:alibaba:idaas:network:zone:classic';
const VPC = 'arn:alibaba:idaas:network:zone:vpc';

function zones() {
  const fx = withInstance();
  const zone = (name: string, extra: Record<string, unknown> = {}): string =>
    fx.call('CreateNetworkZone', {
      NetworkZoneName: name,
      NetworkZoneType: CLASSIC,
      Ipv4Cidrs: ['10.0.0.0/8'],
      ...extra,
    }).NetworkZoneId;
  const get = (id: string) => fx.call('GetNetworkZone', { NetworkZoneId: id }).NetworkZone;
  const app = (name: string): string =>
    fx.call('CreateApplication', {
      ApplicationName: name,
      ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
      SsoType: 'oidc',
    }).ApplicationId;
  const policy = (name: string, conditions: Record<string, unknown>): string =>
    fx.call('CreateConditionalAccessPolicy', {
      ConditionalAccessPolicyName: name,
      ConditionalAccessPolicyType: 'arn:alibaba:idaas:authn:access:policy:system',
      DecisionType: 'enforcement',
      EvaluateAt: 'arn:alibaba:idaas:authn:access:rule:eval_at:after_step1',
      ConditionsConfig: { Users: { IncludeOrganizationalUnits: [fx.rootOu] }, ...conditions },
      DecisionConfig: { Effect: 'deny' },
    }).ConditionalAccessPolicyId;
  return { ...fx, zone, get, app, policy };
}

describe('CIDR blocks', () => {
  it.each([
    ['10.0.0.0/8', 4],
    ['0.0.0.0/0', 4],
    ['192.168.1.7/32', 4],
    ['2001:db8::/32', 6],
    ['::/0', 6],
    ['2001:DB8:0:0:0:0:0:1/128', 6],
    ['::ffff:10.0.0.0/104', 6],
    ['fe80::1:2:3:4:5:6/128', 6],
  ] as const)('accepts %s as IPv%d', (value, family) => {
    expect(cidrProblem(value, family)).toBeUndefined();
  });

  it.each([
    ['10.0.0.0', 4, 'not an IPv4 CIDR block'],
    ['10.0.0/8', 4, 'not an IPv4 CIDR block'],
    ['10.0.0.256/32', 4, 'not an IPv4 CIDR block'],
    ['10.0.0.01/32', 4, 'not an IPv4 CIDR block'],
    ['10.0.0.0/33', 4, 'not an IPv4 CIDR block'],
    ['10.0.0.0/08', 4, 'not an IPv4 CIDR block'],
    ['2001:db8::/32', 4, 'not an IPv4 CIDR block'],
    ['10.0.0.0/8', 6, 'not an IPv6 CIDR block'],
    ['2001:db8:::/32', 6, 'not an IPv6 CIDR block'],
    ['2001:db8::1::/64', 6, 'not an IPv6 CIDR block'],
    ['1:2:3:4:5:6:7:8:9/128', 6, 'not an IPv6 CIDR block'],
    ['2001:db8::/129', 6, 'not an IPv6 CIDR block'],
    ['10.1.2.3/8', 4, 'the block is 10.0.0.0/8'],
    ['2001:db8::1/32', 6, 'the block is 2001:db8::/32'],
    ['2001:db8:0:0:1:0:0:1/64', 6, 'the block is 2001:db8::/64'],
  ] as const)('refuses %s as IPv%d: %s', (value, family, reason) => {
    expect(cidrProblem(value, family)).toContain(reason);
  });

  it('names the first bad entry of a list, a repeat and a list too long', () => {
    expect(cidrListProblem(['10.0.0.0/8', '10.0.0.1/8'], 4, 10)).toMatchObject({ index: 1 });
    expect(cidrListProblem(['10.0.0.0/8', '10.0.0.0/8'], 4, 10)).toMatchObject({
      index: 1,
      reason: 'it is listed twice',
    });
    expect(cidrListProblem(['10.0.0.0/8', '11.0.0.0/8'], 4, 1)).toMatchObject({ index: 1 });
    expect(cidrListProblem(['10.0.0.0/8'], 4, 1)).toBeUndefined();
  });
});

describe('network zones', () => {
  it('creates classic and VPC zones and reads them back', () => {
    const fx = zones();
    const id = fx.zone('office', { Ipv6Cidrs: ['2001:db8::/48'], Description: 'HQ' });
    expect(id).toMatch(/^network_[a-z0-9]{26}$/);
    expect(fx.get(id)).toEqual({
      NetworkZoneId: id,
      InstanceId: fx.instanceId,
      NetworkZoneName: 'office',
      NetworkZoneType: CLASSIC,
      Description: 'HQ',
      Ipv4Cidrs: ['10.0.0.0/8'],
      Ipv6Cidrs: ['2001:db8::/48'],
    });
    const vpc = fx.zone('vpc', { NetworkZoneType: VPC, VpcId: 'vpc-bp1abc', Ipv4Cidrs: undefined });
    expect(fx.get(vpc)).toMatchObject({ NetworkZoneType: VPC, VpcId: 'vpc-bp1abc', Ipv4Cidrs: [] });
  });

  it('refuses malformed CIDR blocks, naming the entry', () => {
    const fx = zones();
    const err = fx.errorIn('CreateNetworkZone', {
      NetworkZoneName: 'bad',
      NetworkZoneType: CLASSIC,
      Ipv4Cidrs: ['10.0.0.0/8', '300.1.1.0/24'],
    });
    expect(err).toMatchObject({ code: 'InvalidParameter.Ipv4Cidrs', httpStatus: 400 });
    expect(err.message).toContain("entry 2 '300.1.1.0/24'");
    expect(
      fx.errorIn('CreateNetworkZone', {
        NetworkZoneName: 'bad',
        NetworkZoneType: CLASSIC,
        Ipv6Cidrs: ['2001:db8::1/32'],
      }).message,
    ).toContain('the block is 2001:db8::/32');
    const id = fx.zone('good');
    expect(
      fx.errorIn('UpdateNetworkZone', { NetworkZoneId: id, NetworkZoneName: 'good', Ipv4Cidrs: ['10.0.0.0'] })
        .code,
    ).toBe('InvalidParameter.Ipv4Cidrs');
    expect(fx.get(id).Ipv4Cidrs).toEqual(['10.0.0.0/8']);
  });

  it('checks the type, the VPC and that a classic zone has a block', () => {
    const fx = zones();
    const base = { NetworkZoneName: 'z', NetworkZoneType: CLASSIC };
    expect(fx.errorIn('CreateNetworkZone', base).code).toBe('MissingIpv4Cidrs');
    expect(fx.errorIn('CreateNetworkZone', { ...base, NetworkZoneType: 'internet' }).code).toBe(
      'InvalidParameter.NetworkZoneType',
    );
    expect(fx.errorIn('CreateNetworkZone', { ...base, Ipv4Cidrs: ['10.0.0.0/8'], VpcId: 'vpc-x' }).code).toBe(
      'InvalidParameter.VpcId',
    );
    expect(fx.errorIn('CreateNetworkZone', { ...base, NetworkZoneType: VPC }).code).toBe('MissingVpcId');
    expect(fx.errorIn('CreateNetworkZone', { ...base, NetworkZoneType: VPC, VpcId: 'v1' }).code).toBe(
      'InvalidParameter.VpcId',
    );
  });

  it('keeps names unique and updates the whole definition', () => {
    const fx = zones();
    const a = fx.zone('a', { Ipv6Cidrs: ['::/0'], Description: 'kept' });
    fx.zone('b');
    expect(
      fx.errorIn('CreateNetworkZone', {
        NetworkZoneName: 'a',
        NetworkZoneType: CLASSIC,
        Ipv4Cidrs: ['1.0.0.0/8'],
      }),
    ).toMatchObject({ code: 'EntityAlreadyExists.NetworkZone.NetworkZoneName', httpStatus: 409 });
    expect(
      fx.errorIn('UpdateNetworkZone', { NetworkZoneId: a, NetworkZoneName: 'b', Ipv4Cidrs: ['1.0.0.0/8'] })
        .code,
    ).toBe('EntityAlreadyExists.NetworkZone.NetworkZoneName');
    fx.call('UpdateNetworkZone', { NetworkZoneId: a, NetworkZoneName: 'a2', Ipv6Cidrs: ['2001:db8::/32'] });
    expect(fx.get(a)).toMatchObject({
      NetworkZoneName: 'a2',
      Ipv4Cidrs: [],
      Ipv6Cidrs: ['2001:db8::/32'],
      Description: 'kept',
    });
    // The old name is free again.
    expect(fx.zone('a')).toMatch(/^network_/);
    fx.call('UpdateNetworkZoneDescription', { NetworkZoneId: a, Description: '' });
    expect(fx.get(a).Description).toBeUndefined();
  });

  it('returns the same zone for a retried create with the same client token', () => {
    const fx = zones();
    const first = fx.zone('z', { ClientToken: 't-1' });
    expect(fx.zone('z', { ClientToken: 't-1' })).toBe(first);
    expect(fx.call('ListNetworkZones').TotalCount).toBe(1);
  });

  it('pages forwards and backwards and filters by id', () => {
    const fx = zones();
    const ids = ['z1', 'z2', 'z3', 'z4', 'z5'].map((n) => fx.zone(n));
    const names = (res: Body) =>
      (res.NetworkZones as { NetworkZoneId: string }[]).map((z) => z.NetworkZoneId);
    const p1 = fx.call('ListNetworkZones', { MaxResults: 2 });
    expect(names(p1)).toEqual(ids.slice(0, 2));
    const p2 = fx.call('ListNetworkZones', { MaxResults: 2, NextToken: p1.NextToken });
    expect(names(p2)).toEqual(ids.slice(2, 4));
    const p3 = fx.call('ListNetworkZones', { MaxResults: 2, NextToken: p2.NextToken });
    expect(names(p3)).toEqual([ids[4]]);
    expect(p3.NextToken).toBeUndefined();
    expect(names(fx.call('ListNetworkZones', { MaxResults: 2, PreviousToken: p3.PreviousToken }))).toEqual(
      ids.slice(2, 4),
    );
    expect(
      fx.call('ListNetworkZones', { MaxResults: 2, PreviousToken: p2.PreviousToken }).PreviousToken,
    ).toBeUndefined();
    expect(names(fx.call('ListNetworkZones', { NetworkZoneIds: [ids[3], 'network_gone', ids[1]] }))).toEqual([
      ids[1],
      ids[3],
    ]);
    expect(fx.errorIn('ListNetworkZones', { NextToken: 'garbage' }).code).toBe('InvalidParameter.NextToken');
    expect(fx.errorIn('ListNetworkZones', { PreviousToken: 'garbage' }).code).toBe(
      'InvalidParameter.PreviousToken',
    );
  });

  it('refuses to delete a zone a policy names, and deletes it once free', () => {
    const fx = zones();
    const zone = fx.zone('office');
    const app = fx.app('app');
    const policy = fx.policy('p', {
      Applications: { IncludeApplications: [app] },
      NetworkZones: { ExcludeNetworkZones: [zone] },
    });
    const err = fx.errorIn('DeleteNetworkZone', { NetworkZoneId: zone });
    expect(err).toMatchObject({ code: 'OperationConflict.NetworkZone.InUse', httpStatus: 409 });
    expect(err.message).toContain(policy);
    fx.call('DeleteConditionalAccessPolicy', { ConditionalAccessPolicyId: policy });
    fx.call('DeleteNetworkZone', { NetworkZoneId: zone });
    expect(fx.errorIn('GetNetworkZone', { NetworkZoneId: zone })).toMatchObject({
      code: 'EntityNotExists.NetworkZone',
      httpStatus: 404,
    });
  });

  it('lists the applications the policies naming a zone cover', () => {
    const fx = zones();
    const zone = fx.zone('office');
    const [a1, a2, a3] = [fx.app('a1'), fx.app('a2'), fx.app('a3')];
    fx.policy('p1', {
      Applications: { IncludeApplications: [a3, a1], ExcludeApplications: [a2] },
      NetworkZones: { IncludeNetworkZones: [zone] },
    });
    fx.policy('p2', { Applications: { IncludeApplications: [a2] } });
    const res = fx.call('ListApplicationsForNetworkZone', { NetworkZoneId: zone });
    expect(res.Applications.map((a: { ApplicationId: string }) => a.ApplicationId)).toEqual([a1, a3]);
    expect(res).toMatchObject({ TotalCount: 2, MaxResults: 20 });
    // A deleted application is no longer listed.
    fx.call('DeleteApplication', { ApplicationId: a1 });
    expect(fx.call('ListApplicationsForNetworkZone', { NetworkZoneId: zone }).TotalCount).toBe(1);
  });

  it('survives a snapshot and restore with its indexes', () => {
    const fx = zones();
    const zone = fx.zone('office');
    const app = fx.app('app');
    fx.policy('p', {
      Applications: { IncludeApplications: [app] },
      NetworkZones: { IncludeNetworkZones: [zone] },
    });
    const restored = EiamService.fromSnapshot(JSON.parse(JSON.stringify(fx.service.snapshot())));
    const inst = restored.requireInstance(fx.instanceId);
    expect(inst.index.networkZoneNames.get('office')).toBe(zone);
    expect(inst.index.conditionalAccessReferences.get(zone)?.size).toBe(1);
  });

  it('restores a snapshot written before zones and policies existed', () => {
    const fx = zones();
    const snap = JSON.parse(JSON.stringify(fx.service.snapshot()));
    for (const inst of snap.instances) {
      delete inst.networkZones;
      delete inst.conditionalAccessPolicies;
    }
    const restored = EiamService.fromSnapshot(snap);
    expect(restored.requireInstance(fx.instanceId).networkZones.size).toBe(0);
  });
});
