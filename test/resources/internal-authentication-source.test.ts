/**
 * The InternalAuthenticationSource provider against the local server: switching a source off
 * and on, the rule that keeps one way to log on, import, and delete restoring the default.
 */
import { internalAuthenticationSourceProvider } from '../../src/resources/internal-authentication-source';
import {
  createVia,
  diffVia,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Harness,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(internalAuthenticationSourceProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

async function instance(): Promise<string> {
  return (await h.client.call('CreateInstance', { Description: 'internal sources' })).InstanceId!;
}

describe('InternalAuthenticationSource', () => {
  test('create switches the source; update switches it back; delete restores it', async () => {
    const instanceId = await instance();
    const inputs = { instanceId, authenticationSourceId: 'ia_otp_sms', enabled: false };
    h.server.resetCounters();
    const created = await createVia(internalAuthenticationSourceProvider, inputs);
    expect(created.id).toBe(`${instanceId}/ia_otp_sms`);
    expect(h.calls()).toEqual({ DisableInternalAuthenticationSource: 1 });
    expect(await diffVia(internalAuthenticationSourceProvider, created, inputs)).toMatchObject({
      changes: false,
    });
    const updated = await updateVia(internalAuthenticationSourceProvider, created, {
      ...inputs,
      enabled: true,
    });
    expect(updated.outs).toMatchObject({ enabled: true });
    expect(h.calls()).toMatchObject({ EnableInternalAuthenticationSource: 1 });
    expect(
      await diffVia(internalAuthenticationSourceProvider, created, {
        ...inputs,
        authenticationSourceId: 'ia_totp',
      }),
    ).toMatchObject({ changes: true, replaces: ['authenticationSourceId'] });
    const read = await refreshVia(internalAuthenticationSourceProvider, updated);
    expect(read.props).toMatchObject({ instanceId, authenticationSourceId: 'ia_otp_sms', enabled: true });
    await internalAuthenticationSourceProvider.delete!(created.id, created.outs);
    await h.client.call('DeleteInstance', { InstanceId: instanceId });
    expect(await refreshVia(internalAuthenticationSourceProvider, updated)).toEqual({});
    await internalAuthenticationSourceProvider.delete!(created.id, created.outs);
  });

  test('turning off the last way to log on fails with the service message', async () => {
    const instanceId = await instance();
    for (const id of ['ia_password', 'ia_otp_sms', 'ia_otp_email', 'ia_totp'])
      await createVia(internalAuthenticationSourceProvider, {
        instanceId,
        authenticationSourceId: id,
        enabled: false,
      });
    await expect(
      createVia(internalAuthenticationSourceProvider, {
        instanceId,
        authenticationSourceId: 'ia_webauthn',
        enabled: false,
      }),
    ).rejects.toThrow(/LastAuthenticationSource/);
  });

  test('check refuses a malformed source id and a missing switch', async () => {
    const result = await internalAuthenticationSourceProvider.check!(
      {},
      { instanceId: h.instanceId, authenticationSourceId: 'password', __provider: PROVIDER_ENTRY },
    );
    expect((result.failures ?? []).map((f) => f.property).sort()).toEqual([
      'authenticationSourceId',
      'enabled',
    ]);
    expect(h.totalCalls()).toBe(0);
  });
});
