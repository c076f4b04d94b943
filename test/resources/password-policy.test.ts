/**
 * The PasswordPolicy provider against the local server: defaults that agree with the service,
 * per-section create/update, partial sections, drift, delete restoring the defaults, check
 * failures without API calls.
 */
import {
  PASSWORD_POLICY_DEFAULTS,
  passwordPolicyProvider,
  type PasswordPolicyOutputs,
} from '../../src/resources/password-policy';
import {
  createVia,
  diffVia,
  PROVIDER_ENTRY,
  refreshVia,
  startHarness,
  updateVia,
  type Created,
  type Harness,
} from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.configure(passwordPolicyProvider);
});
afterAll(() => h.stop());
beforeEach(() => h.server.resetCounters());

const SECTIONS = Object.keys(PASSWORD_POLICY_DEFAULTS) as (keyof typeof PASSWORD_POLICY_DEFAULTS)[];

function sectionsOf(outs: Partial<PasswordPolicyOutputs>): Record<string, unknown> {
  return Object.fromEntries(SECTIONS.map((s) => [s, outs[s]]));
}

describe('PasswordPolicy', () => {
  let policy: Created<PasswordPolicyOutputs>;

  test("the provider's defaults are exactly what a new instance reports", async () => {
    const read = await passwordPolicyProvider.read!(h.instanceId, {
      instanceId: h.instanceId,
      __provider: PROVIDER_ENTRY,
    });
    expect(sectionsOf(read.props as PasswordPolicyOutputs)).toEqual(PASSWORD_POLICY_DEFAULTS);
  });

  test('create sets only the declared sections', async () => {
    policy = await createVia(passwordPolicyProvider, {
      instanceId: h.instanceId,
      passwordComplexity: {
        passwordMinLength: 12,
        passwordComplexityRules: ['inclusion_number', 'inclusion_upper_case'],
      },
      passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 5 },
    });
    expect(policy.id).toBe(h.instanceId);
    const calls = h.calls();
    expect(calls.SetPasswordComplexityConfiguration).toBe(1);
    expect(calls.SetPasswordHistoryConfiguration).toBe(1);
    expect(calls.SetPasswordExpirationConfiguration).toBeUndefined();
    const c = await h.client.call('GetPasswordComplexityConfiguration', { InstanceId: h.instanceId });
    expect(c.PasswordComplexityConfiguration).toMatchObject({ PasswordMinLength: 12 });
    expect(
      c.PasswordComplexityConfiguration?.PasswordComplexityRules?.map((r) => r.PasswordCheckType).sort(),
    ).toEqual(['inclusion_number', 'inclusion_upper_case']);
    const hist = await h.client.call('GetPasswordHistoryConfiguration', { InstanceId: h.instanceId });
    expect(hist.PasswordHistoryConfiguration).toEqual({
      PasswordHistoryStatus: 'enabled',
      PasswordHistoryMaxRetention: 5,
    });
    expect(policy.outs.passwordExpiration).toEqual(PASSWORD_POLICY_DEFAULTS.passwordExpiration);
  });

  test('no diff when nothing changed; rule order and undeclared fields do not matter', async () => {
    const diff = await diffVia(passwordPolicyProvider, policy, {
      instanceId: h.instanceId,
      passwordComplexity: {
        passwordMinLength: 12,
        passwordComplexityRules: ['inclusion_upper_case', 'inclusion_number'],
      },
      passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 5 },
    });
    expect(diff).toMatchObject({ changes: false, replaces: [] });
  });

  test.each([
    [
      'passwordExpiration',
      {
        passwordExpirationStatus: 'enabled',
        passwordValidMaxDay: 90,
        passwordExpirationAction: 'force_update_password',
        passwordExpirationNotificationStatus: 'enabled',
        passwordExpirationNotificationDuration: 7,
        passwordExpirationNotificationChannels: ['email'],
        passwordForcedUpdateDuration: 14,
      },
      'GetPasswordExpirationConfiguration',
      'PasswordExpirationConfiguration',
      { PasswordExpirationStatus: 'enabled', PasswordValidMaxDay: 90, PasswordForcedUpdateDuration: 14 },
    ],
    [
      'passwordInitialization',
      {
        passwordInitializationStatus: 'enabled',
        passwordInitializationType: 'random',
        passwordInitializationNotificationChannels: ['sms'],
      },
      'GetPasswordInitializationConfiguration',
      'PasswordInitializationConfiguration',
      { PasswordInitializationStatus: 'enabled', PasswordInitializationType: 'random' },
    ],
    [
      'forgetPassword',
      { forgetPasswordStatus: 'enabled', authenticationChannels: ['email'] },
      'GetForgetPasswordConfiguration',
      'OpenForgetPasswordConfiguration',
      { ForgetPasswordStatus: 'enabled', AuthenticationChannels: ['email'] },
    ],
    [
      'passwordComplexity',
      { passwordMinLength: 10, disabledWeakPasswordLogin: true },
      'GetPasswordComplexityConfiguration',
      'PasswordComplexityConfiguration',
      { PasswordMinLength: 10, DisabledWeakPasswordLogin: true },
    ],
    [
      'passwordHistory',
      { passwordHistoryStatus: 'disabled' },
      'GetPasswordHistoryConfiguration',
      'PasswordHistoryConfiguration',
      { PasswordHistoryStatus: 'disabled' },
    ],
  ] as const)(
    'a change of %s sets that section in place',
    async (section, value, getter, field, expected) => {
      policy = await updateVia(passwordPolicyProvider, policy, {
        instanceId: h.instanceId,
        [section]: value,
      });
      const res = (await h.client.call(getter, { InstanceId: h.instanceId })) as unknown as Record<
        string,
        unknown
      >;
      expect(res[field]).toMatchObject(expected);
      expect(Object.keys(h.calls()).filter((a) => a.startsWith('Set'))).toHaveLength(1);
    },
  );

  test('within a section, undeclared fields keep their live values', async () => {
    policy = await updateVia(passwordPolicyProvider, policy, {
      instanceId: h.instanceId,
      passwordComplexity: { passwordMinLength: 11 },
    });
    const c = await h.client.call('GetPasswordComplexityConfiguration', { InstanceId: h.instanceId });
    expect(c.PasswordComplexityConfiguration).toMatchObject({
      PasswordMinLength: 11,
      DisabledWeakPasswordLogin: true,
    });
  });

  test('a change of instanceId replaces the resource', async () => {
    const diff = await diffVia(passwordPolicyProvider, policy, { instanceId: 'idaas_other' });
    expect(diff.replaces).toEqual(['instanceId']);
  });

  test('drift made through the API shows in read and diff', async () => {
    await h.client.call('SetPasswordComplexityConfiguration', {
      InstanceId: h.instanceId,
      PasswordMinLength: 20,
    });
    const read = await refreshVia(passwordPolicyProvider, policy);
    expect(read.props!.passwordComplexity!.passwordMinLength).toBe(20);
    const diff = await diffVia(
      passwordPolicyProvider,
      { id: policy.id, outs: read.props! },
      {
        instanceId: h.instanceId,
        passwordComplexity: { passwordMinLength: 11 },
      },
    );
    expect(diff.changes).toBe(true);
  });

  test('check failures name the section and make no API call', async () => {
    const r = await passwordPolicyProvider.check!(
      {},
      {
        instanceId: h.instanceId,
        passwordComplexity: { passwordMinLength: 2, passwordComplexityRules: ['no_such_rule'] },
        passwordHistory: { passwordHistoryMaxRetention: 99 },
        forgetPassword: 'on',
      },
    );
    // Failures inside a section name the field's path; one on a whole section names it in the reason.
    const under = (p: string) =>
      r
        .failures!.filter((f) => f.property.startsWith(`${p}.`) || f.reason.startsWith(p))
        .map((f) => f.reason);
    expect(under('passwordComplexity')).toEqual([
      expect.stringContaining('passwordComplexity.passwordMinLength'),
      expect.stringContaining('passwordComplexity.passwordComplexityRules[0]'),
    ]);
    expect(under('passwordHistory')).toEqual([
      expect.stringContaining('passwordHistoryStatus is required'),
      expect.stringContaining('passwordHistoryMaxRetention must be at most 24'),
    ]);
    expect(under('forgetPassword')).toHaveLength(1);
    expect(h.totalCalls()).toBe(0);
  });

  test('delete restores every section to the defaults', async () => {
    await passwordPolicyProvider.delete!(policy.id, policy.outs);
    // Read as an import would (no section declared), so every section is reported in full.
    const read = await refreshVia(passwordPolicyProvider, { id: policy.id, outs: { instanceId: policy.id } });
    expect(sectionsOf(read.props as PasswordPolicyOutputs)).toEqual(PASSWORD_POLICY_DEFAULTS);
  });

  test('delete and read when the instance is gone', async () => {
    await h.client.call('DeleteInstance', { InstanceId: h.instanceId });
    await expect(passwordPolicyProvider.delete!(policy.id, policy.outs)).resolves.toBeUndefined();
    expect(await refreshVia(passwordPolicyProvider, policy)).toEqual({});
  });
});
