/** Handlers of the five password policies (Set*Configuration / Get*Configuration). */
import * as passwords from '../model/password-policy';
import type { TypedHandlers } from './typed';
import { EMPTY } from './typed';

type Ops =
  | 'SetForgetPasswordConfiguration'
  | 'SetPasswordInitializationConfiguration'
  | 'SetPasswordHistoryConfiguration'
  | 'SetPasswordExpirationConfiguration'
  | 'SetPasswordComplexityConfiguration'
  | 'GetForgetPasswordConfiguration'
  | 'GetPasswordInitializationConfiguration'
  | 'GetPasswordHistoryConfiguration'
  | 'GetPasswordExpirationConfiguration'
  | 'GetPasswordComplexityConfiguration';

/** Password policy handlers. */
export const passwordPolicyHandlers: TypedHandlers<Ops> = {
  SetPasswordComplexityConfiguration: (ctx, p) => {
    passwords.setPasswordPolicy(ctx.service, p.InstanceId, 'complexity', {
      minLength: p.PasswordMinLength,
      rules: p.PasswordComplexityRules?.map((r) => r.PasswordCheckType ?? ''),
      disabledWeakPasswordLogin: p.DisabledWeakPasswordLogin,
    });
    return EMPTY;
  },
  GetPasswordComplexityConfiguration: (ctx, p) => {
    const c = passwords.getPasswordPolicy(ctx.service, p.InstanceId).complexity;
    return {
      PasswordComplexityConfiguration: {
        PasswordMinLength: c.minLength,
        PasswordComplexityRules: c.rules.map((PasswordCheckType) => ({ PasswordCheckType })),
        DisabledWeakPasswordLogin: c.disabledWeakPasswordLogin,
        DisabledWeakPasswordLoginStartedAt: c.disabledWeakPasswordLoginStartedAt,
      },
    };
  },
  SetPasswordHistoryConfiguration: (ctx, p) => {
    passwords.setPasswordPolicy(ctx.service, p.InstanceId, 'history', {
      status: p.PasswordHistoryStatus,
      maxRetention: p.PasswordHistoryMaxRetention,
    });
    return EMPTY;
  },
  GetPasswordHistoryConfiguration: (ctx, p) => {
    const h = passwords.getPasswordPolicy(ctx.service, p.InstanceId).history;
    return {
      PasswordHistoryConfiguration: {
        PasswordHistoryStatus: h.status,
        PasswordHistoryMaxRetention: h.maxRetention,
      },
    };
  },
  SetPasswordExpirationConfiguration: (ctx, p) => {
    passwords.setPasswordPolicy(ctx.service, p.InstanceId, 'expiration', {
      status: p.PasswordExpirationStatus,
      validMaxDay: p.PasswordValidMaxDay,
      action: p.PasswordExpirationAction,
      notificationStatus: p.PasswordExpirationNotificationStatus,
      notificationDuration: p.PasswordExpirationNotificationDuration,
      notificationChannels: p.PasswordExpirationNotificationChannels,
      forcedUpdateDuration: p.PasswordForcedUpdateDuration,
      effectiveAuthenticationSourceIds: p.EffectiveAuthenticationSourceIds,
    });
    return EMPTY;
  },
  GetPasswordExpirationConfiguration: (ctx, p) => {
    const e = passwords.getPasswordPolicy(ctx.service, p.InstanceId).expiration;
    return {
      PasswordExpirationConfiguration: {
        PasswordExpirationStatus: e.status,
        PasswordValidMaxDay: e.validMaxDay,
        PasswordExpirationAction: e.action,
        PasswordExpirationNotificationStatus: e.notificationStatus,
        PasswordExpirationNotificationDuration: e.notificationDuration,
        PasswordExpirationNotificationChannels: e.notificationChannels && [...e.notificationChannels],
        PasswordForcedUpdateDuration: e.forcedUpdateDuration,
        EffectiveAuthenticationSourceIds: e.effectiveAuthenticationSourceIds && [
          ...e.effectiveAuthenticationSourceIds,
        ],
      },
    };
  },
  SetPasswordInitializationConfiguration: (ctx, p) => {
    passwords.setPasswordPolicy(ctx.service, p.InstanceId, 'initialization', {
      status: p.PasswordInitializationStatus,
      type: p.PasswordInitializationType,
      forcedUpdateStatus: p.PasswordForcedUpdateStatus,
      notificationChannels: p.PasswordInitializationNotificationChannels,
    });
    return EMPTY;
  },
  GetPasswordInitializationConfiguration: (ctx, p) => {
    const i = passwords.getPasswordPolicy(ctx.service, p.InstanceId).initialization;
    return {
      PasswordInitializationConfiguration: {
        PasswordInitializationStatus: i.status,
        PasswordInitializationType: i.type,
        PasswordForcedUpdateStatus: i.forcedUpdateStatus,
        PasswordInitializationNotificationChannels: i.notificationChannels && [...i.notificationChannels],
      },
    };
  },
  SetForgetPasswordConfiguration: (ctx, p) => {
    passwords.setPasswordPolicy(ctx.service, p.InstanceId, 'forgetPassword', {
      status: p.ForgetPasswordStatus,
      authenticationChannels: p.AuthenticationChannels,
    });
    return EMPTY;
  },
  GetForgetPasswordConfiguration: (ctx, p) => {
    const f = passwords.getPasswordPolicy(ctx.service, p.InstanceId).forgetPassword;
    const enabled = f.status === 'enabled';
    return {
      OpenForgetPasswordConfiguration: {
        ForgetPasswordStatus: f.status,
        AuthenticationChannels: [...f.authenticationChannels],
        // Deprecated flags the service still returns, derived from the two fields above.
        Enable: enabled,
        EnableEmail: enabled && f.authenticationChannels.includes('email'),
        EnableSms: enabled && f.authenticationChannels.includes('sms'),
      },
    };
  },
};
