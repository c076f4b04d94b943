/**
 * The Instance provider against the local server: waiting for `running`, the timeout recorded
 * as a partial failure (and finished by the next update), description updates, drift, import,
 * check failures and idempotent delete.
 */
import { instanceProvider, type InstanceOutputs } from '../../src/resources/instance';
import {
  createVia,
  diffVia,
  expectPartialFailure,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
  recordedFor,
} from './harness';

describe('Instance on a server that creates instances at once', () => {
  let h: Harness;
  let inst: Created<InstanceOutputs>;

  beforeAll(async () => {
    h = await startHarness();
    await h.configure(instanceProvider);
  });
  afterAll(() => h.stop());
  beforeEach(() => h.server.resetCounters());

  const live = async (id: string) => (await h.client.call('GetInstance', { InstanceId: id })).Instance!;

  test('create returns a running instance with its endpoint', async () => {
    inst = await createVia<InstanceOutputs>(instanceProvider, { description: 'staff' });
    expect(inst.id).toMatch(/^idaas_/);
    expect(inst.outs).toMatchObject({ instanceId: inst.id, status: 'running', description: 'staff' });
    expect(inst.outs.defaultEndpoint).toBeTruthy();
    expect((await live(inst.id)).Status).toBe('running');
  });

  test('description updates in place, clears with an empty string, and then shows no diff', async () => {
    inst = await updateVia(instanceProvider, inst, { description: 'all staff' });
    expect((await live(inst.id)).Description).toBe('all staff');
    inst = await updateVia(instanceProvider, inst, { description: '' });
    expect((await live(inst.id)).Description ?? '').toBe('');
    expect((await diffVia(instanceProvider, inst, { description: '' })).changes).toBe(false);
    expect((await diffVia(instanceProvider, recordedFor(inst, {}), {})).changes).toBe(false);
  });

  test('creationTimeoutSeconds: declaring it is recorded; its value never causes a diff', async () => {
    const declared = { description: '', creationTimeoutSeconds: 5 };
    expect(await diffVia(instanceProvider, inst, declared)).toMatchObject({ changes: true, replaces: [] });
    const recorded = recordedFor(inst, declared);
    expect(
      await diffVia(instanceProvider, recorded, { ...declared, creationTimeoutSeconds: 9 }),
    ).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  test('refresh picks up an out-of-band description change and diff shows it', async () => {
    await h.client.call('UpdateInstanceDescription', {
      InstanceId: inst.id,
      Description: 'changed elsewhere',
    });
    const read = await refreshVia(instanceProvider, { ...inst, outs: { ...inst.outs, description: 'x' } });
    expect(read.props?.description).toBe('changed elsewhere');
    expect(read.inputs).toEqual({ description: 'changed elsewhere' });
    const diff = await diffVia(instanceProvider, { id: inst.id, outs: read.props! }, { description: '' });
    expect(diff.changes).toBe(true);
  });

  test('import reads the instance from its id alone', async () => {
    const read = await instanceProvider.read!(inst.id, {
      description: 'changed elsewhere',
      __provider: PROVIDER_ENTRY,
    });
    expect(read).toMatchObject({ id: inst.id, props: { instanceId: inst.id, status: 'running' } });
    expect(read.inputs).toEqual({ description: 'changed elsewhere' });
  });

  test('check failures name the field and make no API call', async () => {
    const r = await instanceProvider.check!({}, { description: 'd'.repeat(129), creationTimeoutSeconds: -1 });
    expect(r.failures?.map((f) => f.property).sort()).toEqual(['creationTimeoutSeconds', 'description']);
    expect(h.totalCalls()).toBe(0);
  });

  test('delete removes it; delete and read of a gone instance succeed', async () => {
    await instanceProvider.delete!(inst.id, inst.outs);
    await expect(live(inst.id)).rejects.toThrow(/NotExist|NotFound/);
    await expect(instanceProvider.delete!(inst.id, inst.outs)).resolves.toBeUndefined();
    expect(await refreshVia(instanceProvider, inst)).toEqual({});
  });
});

describe('Instance on a server that takes time to create instances', () => {
  let h: Harness;
  let offset = 0;

  beforeAll(async () => {
    // The server's clock runs ahead by `offset`, so a test can make time pass for the service.
    h = await startHarness({ instanceCreationDelayMs: 60_000, clock: () => Date.now() + offset });
    await h.configure(instanceProvider);
  });
  afterAll(() => h.stop());

  test('a create that outlives its timeout is recorded (id + properties), and the next update waits for it', async () => {
    const inputs = { description: 'slow', creationTimeoutSeconds: 0.3 };
    const failure = await expectPartialFailure(
      instanceProvider.create({ ...inputs, __provider: PROVIDER_ENTRY }),
    );
    expect(failure.message).toContain(failure.id);
    expect(failure.message).toMatch(/running/);
    expect(failure.properties).toMatchObject({
      instanceId: failure.id,
      status: 'creating',
      __provider: PROVIDER_ENTRY,
    });
    // Not orphaned: the engine records it from the error; the instance exists.
    const listed = await h.client.call('ListInstances', { InstanceIds: [failure.id] });
    expect(listed.Instances?.map((i) => i.InstanceId)).toEqual([failure.id]);
    expect(h.server.counters().GetInstance.calls).toBeGreaterThan(1);

    // Time passes for the service; the next `pulumi up` updates the recorded resource.
    offset = 61_000;
    const updated = await instanceProvider.update!(failure.id, failure.properties, {
      ...inputs,
      __provider: PROVIDER_ENTRY,
    });
    expect(updated.outs).toMatchObject({ instanceId: failure.id, status: 'running' });
  });
});
