import {
  ClientSecret,
  clientSecretProvider as p,
  CLIENT_SECRET_DIFF,
} from '../../src/resources/client-secret';
import { changedFields, DECLARED_INPUTS, UNKNOWN } from '../../src/resources/provider-kit';
import { checkedInputs, startHarness, type Harness } from './harness';

type Bag = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.configure(p);
});
afterAll(() => h.stop());

async function newApplication(name: string): Promise<string> {
  const res = await h.client.call('CreateApplication', {
    InstanceId: h.instanceId,
    ApplicationName: name,
    ApplicationSourceType: 'urn:alibaba:idaas:app:source:standard',
    SsoType: 'oidc',
  });
  return res.ApplicationId ?? '';
}

async function listed(applicationId: string) {
  const res = await h.client.call('ListApplicationClientSecrets', {
    InstanceId: h.instanceId,
    ApplicationId: applicationId,
  });
  return res.ApplicationClientSecrets ?? [];
}

async function create(applicationId: string, extra: Bag = {}) {
  const news = await checkedInputs(p, { instanceId: h.instanceId, applicationId, ...extra });
  const res = await p.create(news);
  return { id: res.id, outs: res.outs as Bag, news };
}

describe('check', () => {
  it.each([
    ['a missing applicationId', { instanceId: 'idaas_x' }, 'applicationId'],
    ['a missing instanceId', { applicationId: 'app_x' }, 'instanceId'],
    ['a non-boolean enabled', { instanceId: 'idaas_x', applicationId: 'app_x', enabled: 'no' }, 'enabled'],
    [
      'a fractional expiry',
      { instanceId: 'idaas_x', applicationId: 'app_x', expirationTime: 1.5 },
      'expirationTime',
    ],
  ])('refuses %s, naming the field, without calling the API', async (_name, inputs, property) => {
    h.server.resetCounters();
    const result = await p.check!({}, inputs);
    expect(result.failures?.map((f) => f.property)).toEqual([property]);
    expect(h.totalCalls()).toBe(0);
  });

  it('accepts an application id not known yet', async () => {
    expect((await p.check!({}, { instanceId: 'idaas_x', applicationId: UNKNOWN })).failures ?? []).toEqual(
      [],
    );
  });
});

describe('lifecycle', () => {
  let applicationId: string;
  beforeAll(async () => (applicationId = await newApplication('With secrets')));

  it('creates a secret whose plain value is a secret output, while listings mask it', async () => {
    expect(ClientSecret.secretOutputs).toEqual(['clientSecret']);
    const { id, outs } = await create(applicationId);
    const secretId = outs.secretId as string;
    expect(id).toBe(`${h.instanceId}/${applicationId}/${secretId}`);
    const plain = await h.client.call('ObtainApplicationClientSecret', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
      SecretId: secretId,
    });
    expect(outs).toMatchObject({
      clientSecret: plain.ApplicationClientSecret?.ClientSecret,
      clientId: plain.ApplicationClientSecret?.ClientId,
      status: 'enabled',
      enabled: true,
    });
    const masked = (await listed(applicationId)).find((s) => s.SecretId === secretId);
    expect(masked?.ClientSecret).toContain('*');
    expect(masked?.ClientSecret).not.toEqual(outs.clientSecret);
    await p.delete!(id, outs);
  });

  it('reads without fetching the plain value again, and fetches it when state lacks it (import)', async () => {
    const { id, outs, news } = await create(applicationId);
    h.server.resetCounters();
    const read = await p.read!(id, outs);
    expect(read.props).toEqual(outs);
    expect(h.calls().ObtainApplicationClientSecret).toBeUndefined();
    expect(await p.diff!(id, read.props, news)).toMatchObject({ changes: false });

    const imported = await p.read!(id, { instanceId: h.instanceId, applicationId });
    expect((imported.props as Bag).clientSecret).toBe(outs.clientSecret);
    expect(h.calls().ObtainApplicationClientSecret).toBe(1);
    await p.delete!(id, outs);
  });

  it('disables and enables in place', async () => {
    const { id, outs, news } = await create(applicationId, { enabled: false });
    expect(outs).toMatchObject({ enabled: false, status: 'disabled' });
    expect((await listed(applicationId)).find((s) => s.SecretId === outs.secretId)?.Status).toBe('disabled');

    const next = { ...news, enabled: true };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const updated = (await p.update!(id, outs, next)).outs as Bag;
    expect(updated).toMatchObject({ enabled: true, clientSecret: outs.clientSecret });
    expect((await listed(applicationId)).find((s) => s.SecretId === outs.secretId)?.Status).toBe('enabled');
    await p.delete!(id, updated);
  });

  it('detects a secret disabled elsewhere when enabled is declared', async () => {
    const { id, outs, news } = await create(applicationId, { enabled: true });
    await h.client.call('DisableApplicationClientSecret', {
      InstanceId: h.instanceId,
      ApplicationId: applicationId,
      SecretId: outs.secretId as string,
    });
    const read = await p.read!(id, outs);
    expect(changedFields(CLIENT_SECRET_DIFF, read.props, news).map((c) => c.property)).toEqual(['enabled']);
    // Undeclared, `enabled` is not managed: the same drift shows no change.
    const undeclared = { instanceId: h.instanceId, applicationId };
    const recorded = { ...read.props, [DECLARED_INPUTS]: Object.keys(undeclared) };
    expect(await p.diff!(id, recorded, undeclared)).toMatchObject({ changes: false });
    await p.delete!(id, read.props);
  });

  it('replaces the secret when its expiry or application changes', async () => {
    const outs = { instanceId: h.instanceId, applicationId, secretId: 'sci_x', enabled: true };
    const expiry = await p.diff!('x', outs, {
      instanceId: h.instanceId,
      applicationId,
      expirationTime: Date.now() + 7 * 86_400_000,
    });
    expect(expiry.replaces).toEqual(['expirationTime']);
    expect(
      (await p.diff!('x', outs, { instanceId: h.instanceId, applicationId: 'app_other' })).replaces,
    ).toEqual(['applicationId']);
  });

  it('deletes the secret, and succeeds when it is already gone', async () => {
    const { id, outs } = await create(applicationId);
    await p.delete!(id, outs);
    expect((await listed(applicationId)).map((s) => s.SecretId)).not.toContain(outs.secretId);
    await expect(p.delete!(id, outs)).resolves.toBeUndefined();
    expect(await p.read!(id, outs)).toEqual({});
  });

  it('deletes even a disabled secret', async () => {
    const { id, outs } = await create(applicationId, { enabled: false });
    await p.delete!(id, outs);
    expect((await listed(applicationId)).map((s) => s.SecretId)).not.toContain(outs.secretId);
  });
});

describe('quota', () => {
  it('explains a third secret for one application, naming the application', async () => {
    const applicationId = await newApplication('Two secrets max');
    await create(applicationId);
    await create(applicationId);
    const news = await checkedInputs(p, { instanceId: h.instanceId, applicationId });
    await expect(p.create(news)).rejects.toThrow(
      new RegExp(
        `Application ${applicationId} already has the maximum number of client secrets \\(2\\).*QuotaExceeded`,
      ),
    );
    expect(await listed(applicationId)).toHaveLength(2);
  });
});
