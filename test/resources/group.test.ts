/**
 * The Group provider against the local server: lifecycle, in-place updates of every updatable
 * field, replacement, import, drift, check failures without API calls, idempotent delete.
 */
import { groupProvider, type GroupOutputs } from '../../src/resources/group';
import { UNKNOWN } from '../../src/resources/provider-kit';
import {
  createVia,
  diffVia,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
  recordedFor,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(groupProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function liveGroup(groupId: string) {
  return (await h.client.call('GetGroup', { InstanceId: h.instanceId, GroupId: groupId })).Group!;
}

describe('Group', () => {
  let group: Created<GroupOutputs>;

  test('create makes the group and reports its live attributes', async () => {
    group = await createVia<GroupOutputs>(groupProvider, {
      instanceId: h.instanceId,
      groupName: 'engineers',
      description: 'all engineers',
      groupExternalId: 'ext-eng',
    });
    expect(group.id).toBe(`${h.instanceId}/${group.outs.groupId}`);
    expect(group.outs).toMatchObject({
      instanceId: h.instanceId,
      groupName: 'engineers',
      description: 'all engineers',
      groupExternalId: 'ext-eng',
    });
    const live = await liveGroup(group.outs.groupId);
    expect(live).toMatchObject({
      GroupName: 'engineers',
      Description: 'all engineers',
      GroupExternalId: 'ext-eng',
    });
  });

  test('no diff when nothing changed; unset optional inputs are not managed', async () => {
    const same = await diffVia(groupProvider, group, {
      instanceId: h.instanceId,
      groupName: 'engineers',
      description: 'all engineers',
      groupExternalId: 'ext-eng',
    });
    expect(same).toMatchObject({ changes: false, replaces: [] });
    const minimalInputs = { instanceId: h.instanceId, groupName: 'engineers' };
    const minimal = await diffVia(groupProvider, recordedFor(group, minimalInputs), minimalInputs);
    expect(minimal).toMatchObject({ changes: false, replaces: [] });
    // Dropping declarations from the recorded program re-records the names (an update, no replace).
    expect(await diffVia(groupProvider, group, minimalInputs)).toMatchObject({ changes: true, replaces: [] });
  });

  test.each([
    ['groupName', 'platform', 'GroupName'],
    ['description', 'the platform team', 'Description'],
    ['groupExternalId', 'ext-platform', 'GroupExternalId'],
  ])('a change of %s updates the group in place', async (field, value, apiField) => {
    const news = {
      instanceId: h.instanceId,
      groupName: group.outs.groupName,
      description: group.outs.description,
      groupExternalId: group.outs.groupExternalId,
      [field]: value,
    };
    group = await updateVia(groupProvider, group, news);
    expect((group.outs as unknown as Record<string, unknown>)[field]).toBe(value);
    expect((await liveGroup(group.outs.groupId)) as Record<string, unknown>).toMatchObject({
      [apiField]: value,
    });
  });

  test('an empty description clears it and then shows no diff', async () => {
    group = await updateVia(groupProvider, group, {
      instanceId: h.instanceId,
      groupName: 'platform',
      description: '',
    });
    expect((await liveGroup(group.outs.groupId)).Description ?? '').toBe('');
    const again = await diffVia(groupProvider, group, {
      instanceId: h.instanceId,
      groupName: 'platform',
      description: '',
    });
    expect(again.changes).toBe(false);
  });

  test('a change of instanceId asks for a replacement', async () => {
    const diff = await diffVia(groupProvider, group, { instanceId: 'idaas_other', groupName: 'platform' });
    expect(diff).toMatchObject({ changes: true, replaces: ['instanceId'] });
  });

  test('an unknown value (preview) counts as a change, and check does not reject it', async () => {
    const diff = await diffVia(groupProvider, group, { instanceId: h.instanceId, groupName: UNKNOWN });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const replace = await diffVia(groupProvider, group, { instanceId: UNKNOWN, groupName: 'platform' });
    expect(replace.replaces).toEqual(['instanceId']);
  });

  test('refresh reports out-of-band changes as drift that diff then shows', async () => {
    await h.client.call('UpdateGroup', {
      InstanceId: h.instanceId,
      GroupId: group.outs.groupId,
      GroupName: 'renamed',
    });
    const read = await refreshVia(groupProvider, group);
    expect(read.props?.groupName).toBe('renamed');
    expect((read.inputs as unknown as Record<string, unknown>).groupName).toBe('renamed');
    const refreshed = { id: group.id, outs: read.props! };
    const diff = await diffVia(groupProvider, refreshed, { instanceId: h.instanceId, groupName: 'platform' });
    expect(diff.changes).toBe(true);
    group = await updateVia(groupProvider, refreshed, { instanceId: h.instanceId, groupName: 'platform' });
    expect((await liveGroup(group.outs.groupId)).GroupName).toBe('platform');
  });

  test('import: read with only the id and the declared inputs', async () => {
    const read = await groupProvider.read!(group.id, { instanceId: h.instanceId, groupName: 'platform' });
    expect(read.id).toBe(group.id);
    expect(read.props).toMatchObject({ groupId: group.outs.groupId, groupName: 'platform' });
    expect(read.inputs).toEqual({ instanceId: h.instanceId, groupName: 'platform' });
    await expect(groupProvider.read!(group.id, { instanceId: 'idaas_someone_else' })).rejects.toThrow(
      /instanceId/,
    );
    await expect(groupProvider.read!('not-a-composite-id', {})).rejects.toThrow(/instanceId\/groupId/);
  });

  test('check failures name the field and make no API call', async () => {
    const result = await groupProvider.check!(
      {},
      { instanceId: h.instanceId, groupName: 'x'.repeat(65), description: 7 },
    );
    expect(result.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: 'groupName', reason: expect.stringContaining('64') }),
        expect.objectContaining({ property: 'description', reason: expect.stringContaining('string') }),
      ]),
    );
    const missing = await groupProvider.check!({}, { groupName: 'a' });
    expect(missing.failures).toEqual([expect.objectContaining({ property: 'instanceId' })]);
    expect(h.totalCalls()).toBe(0);
  });

  test('delete removes the group; deleting it again (or reading it) finds it gone', async () => {
    await groupProvider.delete!(group.id, group.outs);
    await expect(liveGroup(group.outs.groupId)).rejects.toThrow(/EntityNotExists/);
    await expect(groupProvider.delete!(group.id, group.outs)).resolves.toBeUndefined();
    expect(await refreshVia(groupProvider, group)).toEqual({});
  });
});
