import { T0, withInstance } from './directory-fixture';

const GOOD = 'Str0ngPassw0rd';

describe('password policy defaults', () => {
  it('starts every instance with the documented defaults', () => {
    const fx = withInstance();
    expect(fx.call('GetPasswordComplexityConfiguration').PasswordComplexityConfiguration).toEqual({
      PasswordMinLength: 8,
      PasswordComplexityRules: [
        { PasswordCheckType: 'inclusion_upper_case' },
        { PasswordCheckType: 'inclusion_lower_case' },
        { PasswordCheckType: 'inclusion_number' },
      ],
      DisabledWeakPasswordLogin: false,
    });
    expect(fx.call('GetPasswordHistoryConfiguration').PasswordHistoryConfiguration).toEqual({
      PasswordHistoryStatus: 'disabled',
    });
    expect(fx.call('GetPasswordExpirationConfiguration').PasswordExpirationConfiguration).toEqual({
      PasswordExpirationStatus: 'disabled',
    });
    expect(fx.call('GetPasswordInitializationConfiguration').PasswordInitializationConfiguration).toEqual({
      PasswordInitializationStatus: 'disabled',
    });
    expect(fx.call('GetForgetPasswordConfiguration').OpenForgetPasswordConfiguration).toEqual({
      ForgetPasswordStatus: 'enabled',
      AuthenticationChannels: ['email', 'sms'],
      Enable: true,
      EnableEmail: true,
      EnableSms: true,
    });
  });
});

describe('Set*Configuration', () => {
  it('stores and reads back each policy', () => {
    const fx = withInstance();
    fx.call('SetPasswordComplexityConfiguration', {
      PasswordMinLength: 12,
      PasswordComplexityRules: [
        { PasswordCheckType: 'inclusion_special_case' },
        { PasswordCheckType: 'exclusion_username' },
      ],
      DisabledWeakPasswordLogin: true,
    });
    expect(fx.call('GetPasswordComplexityConfiguration').PasswordComplexityConfiguration).toEqual({
      PasswordMinLength: 12,
      PasswordComplexityRules: [
        { PasswordCheckType: 'inclusion_special_case' },
        { PasswordCheckType: 'exclusion_username' },
      ],
      DisabledWeakPasswordLogin: true,
      DisabledWeakPasswordLoginStartedAt: T0,
    });
    fx.call('SetPasswordHistoryConfiguration', {
      PasswordHistoryStatus: 'enabled',
      PasswordHistoryMaxRetention: 3,
    });
    expect(fx.call('GetPasswordHistoryConfiguration').PasswordHistoryConfiguration).toEqual({
      PasswordHistoryStatus: 'enabled',
      PasswordHistoryMaxRetention: 3,
    });
    fx.call('SetPasswordExpirationConfiguration', {
      PasswordExpirationStatus: 'enabled',
      PasswordValidMaxDay: 90,
      PasswordExpirationAction: 'force_update_password',
      PasswordExpirationNotificationStatus: 'enabled',
      PasswordExpirationNotificationDuration: 7,
      PasswordExpirationNotificationChannels: ['login', 'email'],
      PasswordForcedUpdateDuration: 14,
    });
    expect(fx.call('GetPasswordExpirationConfiguration').PasswordExpirationConfiguration).toEqual({
      PasswordExpirationStatus: 'enabled',
      PasswordValidMaxDay: 90,
      PasswordExpirationAction: 'force_update_password',
      PasswordExpirationNotificationStatus: 'enabled',
      PasswordExpirationNotificationDuration: 7,
      PasswordExpirationNotificationChannels: ['login', 'email'],
      PasswordForcedUpdateDuration: 14,
    });
    fx.call('SetPasswordInitializationConfiguration', {
      PasswordInitializationStatus: 'enabled',
      PasswordInitializationType: 'random',
      PasswordForcedUpdateStatus: 'enabled',
      PasswordInitializationNotificationChannels: ['email'],
    });
    expect(fx.call('GetPasswordInitializationConfiguration').PasswordInitializationConfiguration).toEqual({
      PasswordInitializationStatus: 'enabled',
      PasswordInitializationType: 'random',
      PasswordForcedUpdateStatus: 'enabled',
      PasswordInitializationNotificationChannels: ['email'],
    });
    fx.call('SetForgetPasswordConfiguration', {
      ForgetPasswordStatus: 'enabled',
      AuthenticationChannels: ['email'],
    });
    expect(fx.call('GetForgetPasswordConfiguration').OpenForgetPasswordConfiguration).toMatchObject({
      AuthenticationChannels: ['email'],
      EnableEmail: true,
      EnableSms: false,
    });
  });

  it.each([
    [
      'SetPasswordHistoryConfiguration',
      { PasswordHistoryStatus: 'enabled' },
      'InvalidParameter.PasswordHistoryMaxRetention',
    ],
    [
      'SetPasswordHistoryConfiguration',
      { PasswordHistoryStatus: 'on' },
      'InvalidParameter.PasswordHistoryStatus',
    ],
    ['SetPasswordComplexityConfiguration', { PasswordMinLength: 2 }, 'InvalidParameter.PasswordMinLength'],
    [
      'SetPasswordComplexityConfiguration',
      { PasswordMinLength: 8, PasswordComplexityRules: [{ PasswordCheckType: 'emoji' }] },
      'InvalidParameter.PasswordComplexityRules',
    ],
    [
      'SetPasswordExpirationConfiguration',
      { PasswordExpirationStatus: 'enabled' },
      'InvalidParameter.PasswordValidMaxDay',
    ],
    [
      'SetPasswordExpirationConfiguration',
      {
        PasswordExpirationStatus: 'disabled',
        PasswordExpirationNotificationDuration: 7,
        PasswordForcedUpdateDuration: 7,
      },
      'InvalidParameter.PasswordForcedUpdateDuration',
    ],
    [
      'SetPasswordInitializationConfiguration',
      { PasswordInitializationStatus: 'enabled' },
      'InvalidParameter.PasswordInitializationType',
    ],
    [
      'SetForgetPasswordConfiguration',
      { ForgetPasswordStatus: 'enabled' },
      'InvalidParameter.AuthenticationChannels',
    ],
    [
      'SetForgetPasswordConfiguration',
      { ForgetPasswordStatus: 'enabled', AuthenticationChannels: ['pigeon'] },
      'InvalidParameter.AuthenticationChannels',
    ],
  ] as const)('%s rejects %j', (op, params, code) => {
    const fx = withInstance();
    expect(fx.errorIn(op, params)).toMatchObject({ code, httpStatus: 400 });
  });
});

describe('password enforcement', () => {
  it.each([
    ['Sh0rt', 'InvalidPassword.MinLength'],
    ['alllowercase1', 'InvalidPassword.UpperCase'],
    ['ALLUPPERCASE1', 'InvalidPassword.LowerCase'],
    ['NoDigitsHere', 'InvalidPassword.Number'],
  ])('CreateUser refuses %s with %s, without echoing it', (password, code) => {
    const fx = withInstance();
    const err = fx.errorIn('CreateUser', {
      Username: 'alice',
      PrimaryOrganizationalUnitId: fx.rootOu,
      Password: password,
    });
    expect(err.code).toBe(code);
    expect(err.message).not.toContain(password);
    expect(fx.state().users.size).toBe(0);
  });

  it('sets PasswordSet and never returns or stores the password in plain text', () => {
    const fx = withInstance();
    const withPassword = fx.user('alice', { Password: GOOD });
    const without = fx.user('bob');
    const alice = fx.call('GetUser', { UserId: withPassword });
    expect(alice.User.PasswordSet).toBe(true);
    expect(fx.call('GetUser', { UserId: without }).User.PasswordSet).toBe(false);
    expect(JSON.stringify(alice)).not.toContain(GOOD);
    expect(JSON.stringify(fx.call('ListUsers'))).not.toContain(GOOD);
    const snapshot = JSON.stringify(fx.service.snapshot());
    expect(snapshot).not.toContain(GOOD);
    expect(snapshot).toContain('"hash"');
  });

  it('UpdateUserPassword enforces complexity, including rules added later', () => {
    const fx = withInstance();
    const userId = fx.user('alice');
    expect(fx.errorIn('UpdateUserPassword', { UserId: userId, Password: 'weak' }).code).toBe(
      'InvalidPassword.MinLength',
    );
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'Alice1234xyz' });
    expect(fx.call('GetUser', { UserId: userId }).User.PasswordSet).toBe(true);
    fx.call('SetPasswordComplexityConfiguration', {
      PasswordMinLength: 8,
      PasswordComplexityRules: [
        { PasswordCheckType: 'exclusion_username' },
        { PasswordCheckType: 'inclusion_special_case' },
      ],
    });
    expect(fx.errorIn('UpdateUserPassword', { UserId: userId, Password: 'xxALICE!yy' }).code).toBe(
      'InvalidPassword.Username',
    );
    expect(fx.errorIn('UpdateUserPassword', { UserId: userId, Password: 'nospecial123' }).code).toBe(
      'InvalidPassword.SpecialCase',
    );
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'plain-enough!' });
  });

  it('applies the exclusion rules for email prefix, phone number and display name', () => {
    const fx = withInstance();
    fx.call('SetPasswordComplexityConfiguration', {
      PasswordMinLength: 6,
      PasswordComplexityRules: [
        { PasswordCheckType: 'exclusion_email' },
        { PasswordCheckType: 'exclusion_phone_number' },
        { PasswordCheckType: 'exclusion_display_name' },
      ],
    });
    const userId = fx.user('u1', {
      Email: 'jdoe@example.com',
      EmailVerified: true,
      PhoneNumber: '13812345678',
      PhoneNumberVerified: true,
      DisplayName: 'Johnny',
    });
    const code = (password: string) =>
      fx.errorIn('UpdateUserPassword', { UserId: userId, Password: password }).code;
    expect(code('my-jdoe-pw')).toBe('InvalidPassword.Email');
    expect(code('x13812345678')).toBe('InvalidPassword.PhoneNumber');
    expect(code('hey-johnny')).toBe('InvalidPassword.DisplayName');
  });

  it('refuses recent passwords when history is enabled, and only then', () => {
    const fx = withInstance();
    const userId = fx.user('alice', { Password: 'Passw0rdOne' });
    // History off: reusing the current password is fine.
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdOne' });
    fx.call('SetPasswordHistoryConfiguration', {
      PasswordHistoryStatus: 'enabled',
      PasswordHistoryMaxRetention: 2,
    });
    expect(fx.errorIn('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdOne' }).code).toBe(
      'InvalidPassword.History',
    );
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdTwo' });
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdThree' });
    expect(fx.errorIn('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdTwo' }).code).toBe(
      'InvalidPassword.History',
    );
    // 'One' is now three passwords back, beyond a retention of 2.
    fx.call('UpdateUserPassword', { UserId: userId, Password: 'Passw0rdOne' });
  });

  it('sets PasswordExpireTime when password expiration is enabled', () => {
    const fx = withInstance();
    fx.call('SetPasswordExpirationConfiguration', {
      PasswordExpirationStatus: 'enabled',
      PasswordValidMaxDay: 30,
      PasswordExpirationAction: 'remind_update_password',
    });
    const userId = fx.user('alice', { Password: GOOD });
    expect(fx.call('GetUser', { UserId: userId }).User.PasswordExpireTime).toBe(T0 + 30 * 86_400_000);
  });
});

describe('password initialization', () => {
  it('generates a random password when the request asks for a custom random initialization', () => {
    const fx = withInstance();
    const userId = fx.user('alice', {
      PasswordInitializationConfig: {
        PasswordInitializationPolicyPriority: 'custom',
        PasswordInitializationType: 'random',
        PasswordForcedUpdateStatus: 'enabled',
        UserNotificationChannels: ['email'],
      },
    });
    expect(fx.call('GetUser', { UserId: userId }).User.PasswordSet).toBe(true);
    expect(fx.state().users.get(userId)!.passwordForcedUpdate).toBe(true);
  });

  it('follows the instance policy with global priority (or no config)', () => {
    const fx = withInstance();
    const before = fx.user('before', {
      PasswordInitializationConfig: { PasswordInitializationPolicyPriority: 'global' },
    });
    expect(fx.call('GetUser', { UserId: before }).User.PasswordSet).toBe(false);
    fx.call('SetPasswordInitializationConfiguration', {
      PasswordInitializationStatus: 'enabled',
      PasswordInitializationType: 'random',
      PasswordForcedUpdateStatus: 'enabled',
    });
    fx.call('SetPasswordComplexityConfiguration', {
      PasswordMinLength: 20,
      PasswordComplexityRules: [
        { PasswordCheckType: 'inclusion_special_case' },
        { PasswordCheckType: 'exclusion_username' },
      ],
    });
    const after = fx.user('a', {
      PasswordInitializationConfig: { PasswordInitializationPolicyPriority: 'global' },
    });
    const plain = fx.user('b');
    expect(fx.call('GetUser', { UserId: after }).User.PasswordSet).toBe(true);
    expect(fx.call('GetUser', { UserId: plain }).User.PasswordSet).toBe(true);
    expect(fx.state().users.get(after)!.passwordForcedUpdate).toBe(true);
  });

  it('rejects unknown initialization types and priorities', () => {
    const fx = withInstance();
    const base = { Username: 'alice', PrimaryOrganizationalUnitId: fx.rootOu };
    expect(
      fx.errorIn('CreateUser', {
        ...base,
        PasswordInitializationConfig: { PasswordInitializationType: 'fixed' },
      }).code,
    ).toBe('InvalidParameter.PasswordInitializationConfig.PasswordInitializationType');
    expect(
      fx.errorIn('CreateUser', {
        ...base,
        PasswordInitializationConfig: { PasswordInitializationPolicyPriority: 'mine' },
      }).code,
    ).toBe('InvalidParameter.PasswordInitializationConfig.PasswordInitializationPolicyPriority');
  });
});
