/**
 * The NetworkZone provider against the local server: create, diff, in-place updates of every
 * updatable field, replacement, drift of every managed attribute, import, delete, and check
 * failures (CIDR blocks named with their entry) without API calls. Each test makes its own zone.
 */
import { networkZoneProvider, type NetworkZoneOutputs } from '../../src/resources/network-zone';
import { UNKNOWN } from '../../src/resources/provider-kit';
import {
  createVia,
  diffVia,
  recordedFor,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

const CLASSIC = 'arn:alibaba:idaas:network:zone:classic';
const VPC = 'arn:alibaba:idaas:network:zone:vpc';

let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(networkZoneProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function liveZone(networkZoneId: string) {
  return (await h.client.call('GetNetworkZone', { InstanceId: h.instanceId, NetworkZoneId: networkZoneId }))
    .NetworkZone!;
}

/** A zone of its own, with the inputs it was declared with. */
async function makeZone(extra: Record<string, unknown> = {}) {
  serial += 1;
  const inputs = {
    instanceId: h.instanceId,
    networkZoneName: `zone-${serial}`,
    description: 'office network',
    ipv4Cidrs: ['192.168.0.0/16', '10.0.0.0/8'],
    ipv6Cidrs: ['2001:db8::/32'],
    ...extra,
  };
  const zone = await createVia<NetworkZoneOutputs>(networkZoneProvider, inputs);
  return { zone, inputs };
}

async function failures(news: Record<string, unknown>, olds: Record<string, unknown> = {}) {
  return (await networkZoneProvider.check!(olds, news)).failures ?? [];
}

describe('NetworkZone', () => {
  test('create makes a classic zone and reports its live attributes', async () => {
    const { zone, inputs } = await makeZone();
    expect(zone.id).toBe(`${h.instanceId}/${zone.outs.networkZoneId}`);
    expect(zone.outs.networkZoneId).toMatch(/^network_/);
    expect(zone.outs).toMatchObject({
      networkZoneName: inputs.networkZoneName,
      networkZoneType: CLASSIC,
      description: 'office network',
      ipv4Cidrs: ['10.0.0.0/8', '192.168.0.0/16'],
      ipv6Cidrs: ['2001:db8::/32'],
    });
    expect(await liveZone(zone.outs.networkZoneId)).toMatchObject({
      NetworkZoneName: inputs.networkZoneName,
      NetworkZoneType: CLASSIC,
      Ipv4Cidrs: ['10.0.0.0/8', '192.168.0.0/16'],
    });
    // Nothing changed, blocks in another order: no diff. Unset inputs are not managed.
    expect(
      await diffVia(networkZoneProvider, zone, { ...inputs, ipv4Cidrs: ['10.0.0.0/8', '192.168.0.0/16'] }),
    ).toMatchObject({
      changes: false,
      replaces: [],
    });
    const minimal = { instanceId: h.instanceId, networkZoneName: inputs.networkZoneName };
    expect(await diffVia(networkZoneProvider, recordedFor(zone, minimal), minimal)).toMatchObject({
      changes: false,
    });
  });

  test('create makes a VPC zone', async () => {
    const { zone } = await makeZone({ networkZoneType: VPC, vpcId: 'vpc-bp1test', ipv6Cidrs: undefined });
    expect(await liveZone(zone.outs.networkZoneId)).toMatchObject({
      NetworkZoneType: VPC,
      VpcId: 'vpc-bp1test',
    });
  });

  test.each([
    ['networkZoneName', 'renamed-zone', 'NetworkZoneName'],
    ['description', 'the branch', 'Description'],
    ['ipv4Cidrs', ['172.16.0.0/12'], 'Ipv4Cidrs'],
    ['ipv6Cidrs', ['2001:db8:1::/48', 'fd00::/8'], 'Ipv6Cidrs'],
  ])('a change of %s updates the zone in place', async (name, value, wire) => {
    const { zone, inputs } = await makeZone();
    const news: Record<string, unknown> = {
      ...inputs,
      [name]: name === 'networkZoneName' ? `${value}-${serial}` : value,
    };
    const updated = await updateVia(networkZoneProvider, zone, news);
    const live = (await liveZone(zone.outs.networkZoneId)) as Record<string, unknown>;
    const expected = Array.isArray(value) ? [...value].sort() : news[name];
    expect(live[wire]).toEqual(expected);
    expect((updated.outs as unknown as Record<string, unknown>)[name]).toEqual(expected);
    expect((await diffVia(networkZoneProvider, updated, news)).changes).toBe(false);
  });

  test('an update keeps the block list the program does not manage', async () => {
    const { zone, inputs } = await makeZone();
    const news = {
      instanceId: h.instanceId,
      networkZoneName: inputs.networkZoneName,
      ipv4Cidrs: ['10.0.0.0/8'],
    };
    await updateVia(networkZoneProvider, recordedFor(zone, news), news);
    expect(await liveZone(zone.outs.networkZoneId)).toMatchObject({
      Ipv4Cidrs: ['10.0.0.0/8'],
      Ipv6Cidrs: ['2001:db8::/32'],
      Description: 'office network',
    });
  });

  test('a VPC id change updates a VPC zone in place', async () => {
    const { zone, inputs } = await makeZone({ networkZoneType: VPC, vpcId: 'vpc-one', ipv6Cidrs: undefined });
    await updateVia(networkZoneProvider, zone, { ...inputs, vpcId: 'vpc-two' });
    expect((await liveZone(zone.outs.networkZoneId)).VpcId).toBe('vpc-two');
  });

  test('a change of instanceId or type asks for a replacement, the old zone deleted first', async () => {
    const { zone, inputs } = await makeZone();
    expect(await diffVia(networkZoneProvider, zone, { ...inputs, instanceId: 'idaas_other' })).toMatchObject({
      changes: true,
      replaces: ['instanceId'],
      deleteBeforeReplace: true,
    });
    expect(
      await diffVia(networkZoneProvider, zone, { ...inputs, networkZoneType: VPC, vpcId: 'vpc-x' }),
    ).toMatchObject({ replaces: ['networkZoneType'] });
    expect(await diffVia(networkZoneProvider, zone, { ...inputs, networkZoneName: UNKNOWN })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  test.each([
    ['networkZoneName', { NetworkZoneName: 'drifted-name' }, 'drifted-name'],
    ['ipv4Cidrs', { Ipv4Cidrs: ['100.64.0.0/10'] }, ['100.64.0.0/10']],
    ['ipv6Cidrs', { Ipv6Cidrs: ['fd00::/8'] }, ['fd00::/8']],
  ])(
    'refresh reports drift of %s, which diff then shows and update repairs',
    async (name, change, drifted) => {
      const { zone, inputs } = await makeZone();
      const live = await liveZone(zone.outs.networkZoneId);
      await h.client.call('UpdateNetworkZone', {
        InstanceId: h.instanceId,
        NetworkZoneId: zone.outs.networkZoneId,
        NetworkZoneName: live.NetworkZoneName!,
        Ipv4Cidrs: live.Ipv4Cidrs,
        Ipv6Cidrs: live.Ipv6Cidrs,
        ...change,
      });
      const read = await refreshVia(networkZoneProvider, zone);
      expect((read.props as unknown as Record<string, unknown>)[name]).toEqual(drifted);
      expect((read.inputs as unknown as Record<string, unknown>)[name]).toEqual(drifted);
      const refreshed = { id: zone.id, outs: read.props! };
      expect((await diffVia(networkZoneProvider, refreshed, inputs)).changes).toBe(true);
      await updateVia(networkZoneProvider, refreshed, inputs);
      expect(await liveZone(zone.outs.networkZoneId)).toMatchObject({
        NetworkZoneName: inputs.networkZoneName,
        Ipv4Cidrs: ['10.0.0.0/8', '192.168.0.0/16'],
        Ipv6Cidrs: ['2001:db8::/32'],
      });
    },
  );

  test('refresh reports drift of description and of the VPC id', async () => {
    const { zone, inputs } = await makeZone();
    await h.client.call('UpdateNetworkZoneDescription', {
      InstanceId: h.instanceId,
      NetworkZoneId: zone.outs.networkZoneId,
      Description: 'changed by hand',
    });
    const read = await refreshVia(networkZoneProvider, zone);
    expect(read.inputs).toMatchObject({ description: 'changed by hand' });
    expect((await diffVia(networkZoneProvider, { id: zone.id, outs: read.props! }, inputs)).changes).toBe(
      true,
    );

    const vpc = await makeZone({ networkZoneType: VPC, vpcId: 'vpc-one', ipv6Cidrs: undefined });
    const live = await liveZone(vpc.zone.outs.networkZoneId);
    await h.client.call('UpdateNetworkZone', {
      InstanceId: h.instanceId,
      NetworkZoneId: vpc.zone.outs.networkZoneId,
      NetworkZoneName: live.NetworkZoneName!,
      Ipv4Cidrs: live.Ipv4Cidrs,
      VpcId: 'vpc-moved',
    });
    const readVpc = await refreshVia(networkZoneProvider, vpc.zone);
    expect(readVpc.inputs).toMatchObject({ vpcId: 'vpc-moved', networkZoneType: VPC });
    expect(
      (await diffVia(networkZoneProvider, { id: vpc.zone.id, outs: readVpc.props! }, vpc.inputs)).changes,
    ).toBe(true);
  });

  test('import: read with only the id and the declared inputs', async () => {
    const { zone, inputs } = await makeZone();
    const declared = { instanceId: h.instanceId, networkZoneName: inputs.networkZoneName };
    const read = await networkZoneProvider.read!(zone.id, declared);
    expect(read.id).toBe(zone.id);
    expect(read.props).toMatchObject({
      networkZoneId: zone.outs.networkZoneId,
      ipv6Cidrs: ['2001:db8::/32'],
    });
    expect(read.inputs).toEqual(declared);
    await expect(networkZoneProvider.read!(zone.id, { instanceId: 'idaas_someone_else' })).rejects.toThrow(
      /instanceId/,
    );
    await expect(networkZoneProvider.read!(`${h.instanceId}/network_missing`, {})).rejects.toThrow(
      /Cannot import NetworkZone/,
    );
  });

  test('check refuses malformed CIDR blocks naming the list, position and entry, without API calls', async () => {
    const base = { instanceId: h.instanceId, networkZoneName: 'z' };
    const bad = await failures({
      ...base,
      ipv4Cidrs: ['10.0.0.0/8', '10.1.2.3/8', '300.0.0.0/8', '10.0.0.0/8'],
      ipv6Cidrs: ['2001:db8::/32', '10.0.0.0/8'],
    });
    expect(bad).toEqual([
      {
        property: 'ipv4Cidrs[1]',
        reason: expect.stringMatching(/^ipv4Cidrs\[1\] '10\.1\.2\.3\/8': .*10\.0\.0\.0\/8$/),
      },
      {
        property: 'ipv4Cidrs[2]',
        reason: expect.stringContaining("ipv4Cidrs[2] '300.0.0.0/8': it is not an IPv4"),
      },
      { property: 'ipv4Cidrs[3]', reason: "ipv4Cidrs[3] '10.0.0.0/8': it is listed twice" },
      {
        property: 'ipv6Cidrs[1]',
        reason: expect.stringContaining("ipv6Cidrs[1] '10.0.0.0/8': it is not an IPv6"),
      },
    ]);
    expect(await failures({ ...base, ipv4Cidrs: [UNKNOWN] })).toEqual([]);
    expect(h.totalCalls()).toBe(0);
  });

  test('check enforces the type, VPC and name rules', async () => {
    const base = { instanceId: h.instanceId, networkZoneName: 'z', ipv4Cidrs: ['10.0.0.0/8'] };
    expect(await failures({ ...base, networkZoneType: 'internet' })).toEqual([
      expect.objectContaining({ property: 'networkZoneType' }),
    ]);
    expect(await failures({ ...base, networkZoneType: VPC })).toEqual([
      { property: 'vpcId', reason: 'vpcId is required for a VPC network zone' },
    ]);
    expect(await failures({ ...base, vpcId: 'vpc-x' })).toEqual([
      { property: 'vpcId', reason: 'vpcId is only taken by a VPC network zone' },
    ]);
    expect(await failures({ ...base, networkZoneType: VPC, vpcId: 'subnet-1' })).toEqual([
      expect.objectContaining({ property: 'vpcId', reason: expect.stringContaining('vpc-') }),
    ]);
    expect(await failures({ ...base, ipv4Cidrs: [], ipv6Cidrs: [] })).toEqual([
      {
        property: '',
        reason: 'a classic network zone needs at least one CIDR block in ipv4Cidrs or ipv6Cidrs',
      },
    ]);
    // Blocks the program does not manage may exist: no failure.
    expect(await failures({ instanceId: h.instanceId, networkZoneName: 'z', ipv6Cidrs: [] })).toEqual([]);
    expect(await failures({ ...base, networkZoneName: 'x'.repeat(65), description: '' })).toEqual([
      expect.objectContaining({ property: 'networkZoneName', reason: expect.stringContaining('64') }),
      expect.objectContaining({ property: 'description' }),
    ]);
    expect(await failures({ ...base, instanceId: 'user_abc', ipv4Cidr: ['10.0.0.0/8'] })).toEqual(
      expect.arrayContaining([
        { property: '', reason: 'unknown property ipv4Cidr; did you mean ipv4Cidrs?' },
        expect.objectContaining({ property: 'instanceId', reason: expect.stringContaining('a user id') }),
      ]),
    );
    expect(h.totalCalls()).toBe(0);
  });

  test('delete removes the zone; deleting it again (or reading it) finds it gone', async () => {
    const { zone } = await makeZone();
    await networkZoneProvider.delete!(zone.id, zone.outs);
    await expect(liveZone(zone.outs.networkZoneId)).rejects.toThrow(/EntityNotExists/);
    await expect(networkZoneProvider.delete!(zone.id, zone.outs)).resolves.toBeUndefined();
    expect(await refreshVia(networkZoneProvider, zone as Created<NetworkZoneOutputs>)).toEqual({});
  });
});
