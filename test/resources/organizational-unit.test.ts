/**
 * The OrganizationalUnit provider against the local server: default parent, renames,
 * description, moves (never replacement), replacement on external id, deletion of non-empty
 * units with and without forceDeleteChildren, import, check failures.
 */
import {
  organizationalUnitProvider,
  type OrganizationalUnitOutputs,
} from '../../src/resources/organizational-unit';
import {
  createVia,
  diffVia,
  PROVIDER_ENTRY,
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
  await h.configure(organizationalUnitProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function liveUnit(ouId: string) {
  return (
    await h.client.call('GetOrganizationalUnit', { InstanceId: h.instanceId, OrganizationalUnitId: ouId })
  ).OrganizationalUnit!;
}

describe('OrganizationalUnit', () => {
  let eng: Created<OrganizationalUnitOutputs>;
  let web: Created<OrganizationalUnitOutputs>;
  let ops: Created<OrganizationalUnitOutputs>;

  test('without parentId the unit is created under the root unit', async () => {
    eng = await createVia(organizationalUnitProvider, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Engineering',
      description: 'builders',
    });
    expect(eng.id).toBe(`${h.instanceId}/${eng.outs.organizationalUnitId}`);
    expect(eng.outs).toMatchObject({
      parentId: h.rootOuId,
      organizationalUnitName: 'Engineering',
      description: 'builders',
    });
    expect((await liveUnit(eng.outs.organizationalUnitId)).ParentId).toBe(h.rootOuId);
    expect(h.calls().GetRootOrganizationalUnit).toBe(1);
  });

  test('with parentId it is created under that unit', async () => {
    web = await createVia(organizationalUnitProvider, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web',
      parentId: eng.outs.organizationalUnitId,
      organizationalUnitExternalId: 'ext-web',
    });
    ops = await createVia(organizationalUnitProvider, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Ops',
    });
    expect((await liveUnit(web.outs.organizationalUnitId)).ParentId).toBe(eng.outs.organizationalUnitId);
    expect(web.outs.organizationalUnitExternalId).toBe('ext-web');
  });

  test('no diff when nothing changed; an unset parentId is not managed', async () => {
    const declared = {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web',
      parentId: eng.outs.organizationalUnitId,
      organizationalUnitExternalId: 'ext-web',
    };
    expect(await diffVia(organizationalUnitProvider, web, declared)).toMatchObject({
      changes: false,
      replaces: [],
    });
    const minimal = { instanceId: h.instanceId, organizationalUnitName: 'Web' };
    expect(await diffVia(organizationalUnitProvider, recordedFor(web, minimal), minimal)).toMatchObject({
      changes: false,
    });
  });

  test('a rename and a description change apply in place', async () => {
    web = await updateVia(organizationalUnitProvider, web, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web Platform',
      description: 'front ends',
      parentId: eng.outs.organizationalUnitId,
    });
    const live = await liveUnit(web.outs.organizationalUnitId);
    expect(live).toMatchObject({ OrganizationalUnitName: 'Web Platform', Description: 'front ends' });
  });

  test('a parentId change moves the unit (same id, no replacement)', async () => {
    const before = web.id;
    web = await updateVia(organizationalUnitProvider, web, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web Platform',
      parentId: ops.outs.organizationalUnitId,
    });
    expect(web.id).toBe(before);
    expect((await liveUnit(web.outs.organizationalUnitId)).ParentId).toBe(ops.outs.organizationalUnitId);
    expect(h.calls().UpdateOrganizationalUnitParentId).toBe(1);
    expect(h.calls().CreateOrganizationalUnit).toBeUndefined();
  });

  test.each([
    ['organizationalUnitExternalId', 'ext-other'],
    ['instanceId', 'idaas_elsewhere'],
  ])('a change of %s replaces the unit, deleting the old one first', async (field, value) => {
    const diff = await diffVia(organizationalUnitProvider, web, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web Platform',
      [field]: value,
    });
    expect(diff).toMatchObject({ changes: true, replaces: [field], deleteBeforeReplace: true });
  });

  test('forceDeleteChildren: declaring it records it (so delete sees it); its value never causes a diff', async () => {
    const declared = { instanceId: h.instanceId, organizationalUnitName: 'Ops', forceDeleteChildren: true };
    expect((await diffVia(organizationalUnitProvider, ops, declared)).changes).toBe(true);
    const recorded = recordedFor(ops, declared);
    expect((await diffVia(organizationalUnitProvider, recorded, declared)).changes).toBe(false);
    expect(
      (await diffVia(organizationalUnitProvider, recorded, { ...declared, forceDeleteChildren: false }))
        .changes,
    ).toBe(false);
  });

  test('refresh reports a move made behind the provider’s back; the update moves it back', async () => {
    const key = { InstanceId: h.instanceId, OrganizationalUnitId: web.outs.organizationalUnitId };
    await h.client.call('UpdateOrganizationalUnitParentId', {
      ...key,
      ParentId: eng.outs.organizationalUnitId,
    });
    const read = await refreshVia(organizationalUnitProvider, web);
    expect(read.props?.parentId).toBe(eng.outs.organizationalUnitId);
    const declared = {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web Platform',
      parentId: ops.outs.organizationalUnitId,
    };
    const diff = await diffVia(organizationalUnitProvider, { id: web.id, outs: read.props! }, declared);
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    web = await updateVia(organizationalUnitProvider, { id: web.id, outs: read.props! }, declared);
    expect((await liveUnit(web.outs.organizationalUnitId)).ParentId).toBe(ops.outs.organizationalUnitId);
  });

  test('import: read from the id and the declared inputs', async () => {
    const read = await organizationalUnitProvider.read!(web.id, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Web Platform',
      __provider: PROVIDER_ENTRY,
    });
    expect(read.props).toMatchObject({ organizationalUnitId: web.outs.organizationalUnitId });
    expect(read.inputs).toEqual({ instanceId: h.instanceId, organizationalUnitName: 'Web Platform' });
  });

  test('deleting a unit that has children fails with a hint, and nothing is deleted', async () => {
    await expect(organizationalUnitProvider.delete!(ops.id, ops.outs)).rejects.toThrow(/forceDeleteChildren/);
    expect((await liveUnit(ops.outs.organizationalUnitId)).OrganizationalUnitId).toBe(
      ops.outs.organizationalUnitId,
    );
  });

  test('with forceDeleteChildren the unit goes with its subtree', async () => {
    ops = await updateVia(organizationalUnitProvider, ops, {
      instanceId: h.instanceId,
      organizationalUnitName: 'Ops2',
      forceDeleteChildren: true,
    });
    expect(ops.outs.forceDeleteChildren).toBe(true);
    await organizationalUnitProvider.delete!(ops.id, ops.outs);
    await expect(liveUnit(ops.outs.organizationalUnitId)).rejects.toThrow(/EntityNotExists/);
    await expect(liveUnit(web.outs.organizationalUnitId)).rejects.toThrow(/EntityNotExists/);
    expect(await refreshVia(organizationalUnitProvider, web)).toEqual({});
    await expect(organizationalUnitProvider.delete!(web.id, web.outs)).resolves.toBeUndefined();
  });

  test('check failures name the field and make no API call', async () => {
    const r = await organizationalUnitProvider.check!(
      {},
      { instanceId: h.instanceId, organizationalUnitName: '', parentId: '', forceDeleteChildren: 'yes' },
    );
    expect(r.failures?.map((f) => f.property).sort()).toEqual([
      'forceDeleteChildren',
      'organizationalUnitName',
      'parentId',
    ]);
    expect(h.totalCalls()).toBe(0);
  });

  test('delete of a plain unit', async () => {
    await organizationalUnitProvider.delete!(eng.id, eng.outs);
    await expect(liveUnit(eng.outs.organizationalUnitId)).rejects.toThrow(/EntityNotExists/);
  });
});
