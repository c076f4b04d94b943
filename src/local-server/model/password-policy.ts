/**
 * Password policies of an instance (complexity, history, expiration, initialization, forgotten
 * password) and the password rules CreateUser and UpdateUserPassword enforce with them.
 *
 * Passwords are stored only as salted hashes, made by the service's injected `PasswordHasher`
 * (scrypt by default). The salt comes from the service's seeded generator, so the same calls from
 * the same seed give the same state. No password ever appears in an error message.
 */
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { MAX_PASSWORD_HISTORY, PASSWORD_CHECK_TYPES } from '../../catalog';
import { invalidParameter, invalidPassword } from './errors';
import { idBody } from './ids';
import type { ModelContext } from './context';
import type {
  InstanceState,
  PasswordCheckType,
  PasswordHash,
  PasswordPolicyState,
  Toggle,
  UserState,
} from './state';

// The valid `PasswordCheckType` values and the most passwords a history rule may remember are
// the API's, shared with the resources' checks through the catalog.
export { MAX_PASSWORD_HISTORY, PASSWORD_CHECK_TYPES } from '../../catalog';

/** Bounds of `PasswordMinLength` and of passwords themselves. */
export const MIN_PASSWORD_MIN_LENGTH = 4;
export const MAX_PASSWORD_LENGTH = 64;

/**
 * Policies of a new instance. The complexity default is the console's "common" template (at least
 * 8 characters with upper case, lower case and digits); history and expiration are off, password
 * initialization is off and forgotten-password recovery is on by email and SMS.
 */
export function defaultPasswordPolicy(): PasswordPolicyState {
  return {
    complexity: {
      minLength: 8,
      rules: ['inclusion_upper_case', 'inclusion_lower_case', 'inclusion_number'],
      disabledWeakPasswordLogin: false,
    },
    history: { status: 'disabled' },
    expiration: { status: 'disabled' },
    initialization: { status: 'disabled' },
    forgetPassword: { status: 'enabled', authenticationChannels: ['email', 'sms'] },
  };
}

/** What the Get*Configuration operations read. */
export type PasswordPolicyView = PasswordPolicyState;

/** Get*Configuration: the instance's policies (the live object: callers serialize, never mutate). */
export function getPasswordPolicy(svc: ModelContext, instanceId: string): PasswordPolicyView {
  return svc.requireRunningInstance(instanceId).passwordPolicy;
}

/**
 * Inputs of the five Set*Configuration operations, keyed like `PasswordPolicyState`. Written by
 * hand on purpose: the model names each policy's members without the wire's prefixes
 * (`minLength` for `PasswordMinLength`, `status` for `PasswordHistoryStatus`), and the handlers
 * map them one by one.
 */
export interface PasswordPolicyInput {
  complexity: { minLength: number; rules?: string[]; disabledWeakPasswordLogin?: boolean };
  history: { status: string; maxRetention?: number };
  expiration: {
    status: string;
    validMaxDay?: number;
    action?: string;
    notificationStatus?: string;
    notificationDuration?: number;
    notificationChannels?: string[];
    forcedUpdateDuration?: number;
    effectiveAuthenticationSourceIds?: string[];
  };
  initialization: {
    status: string;
    type?: string;
    forcedUpdateStatus?: string;
    notificationChannels?: string[];
  };
  forgetPassword: { status: string; authenticationChannels?: string[] };
}

function toggle(name: string, value: string | undefined): Toggle {
  if (value === 'enabled' || value === 'disabled') return value;
  throw invalidParameter(name, "it must be 'enabled' or 'disabled'.");
}

function optionalToggle(name: string, value: string | undefined): Toggle | undefined {
  return value === undefined || value === '' ? undefined : toggle(name, value);
}

function intInRange(name: string, value: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(name, `it must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function required<T>(name: string, value: T | undefined): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw invalidParameter(name, 'it is required with the status given.');
  }
  return value;
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(name, `it must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

function channels(
  name: string,
  values: string[] | undefined,
  allowed: readonly string[],
): string[] | undefined {
  if (values === undefined) return undefined;
  for (const v of values) oneOf(name, v, allowed);
  return [...new Set(values)];
}

type Setters = {
  [K in keyof PasswordPolicyInput]: (
    svc: ModelContext,
    p: PasswordPolicyState,
    input: PasswordPolicyInput[K],
  ) => void;
};

const SETTERS: Setters = {
  complexity(svc, p, input) {
    const minLength = intInRange(
      'PasswordMinLength',
      input.minLength,
      MIN_PASSWORD_MIN_LENGTH,
      MAX_PASSWORD_LENGTH,
    );
    const rules = (input.rules ?? []).map((r) => oneOf('PasswordComplexityRules', r, PASSWORD_CHECK_TYPES)!);
    const weak = input.disabledWeakPasswordLogin ?? p.complexity.disabledWeakPasswordLogin;
    p.complexity = {
      minLength: required('PasswordMinLength', minLength),
      rules: [...new Set(rules)],
      disabledWeakPasswordLogin: weak,
      // Records when weak-password logon was first disabled; cleared when re-allowed.
      disabledWeakPasswordLoginStartedAt: weak
        ? (p.complexity.disabledWeakPasswordLoginStartedAt ?? svc.now())
        : undefined,
    };
  },
  history(_svc, p, input) {
    const status = toggle('PasswordHistoryStatus', input.status);
    const max = intInRange('PasswordHistoryMaxRetention', input.maxRetention, 1, MAX_PASSWORD_HISTORY);
    p.history = {
      status,
      maxRetention: status === 'enabled' ? required('PasswordHistoryMaxRetention', max) : max,
    };
  },
  expiration(_svc, p, input) {
    const status = toggle('PasswordExpirationStatus', input.status);
    const notificationStatus = optionalToggle(
      'PasswordExpirationNotificationStatus',
      input.notificationStatus,
    );
    const next: PasswordPolicyState['expiration'] = {
      status,
      validMaxDay: intInRange('PasswordValidMaxDay', input.validMaxDay, 1, 1095),
      action: oneOf('PasswordExpirationAction', input.action, [
        'forbid_login',
        'force_update_password',
        'remind_update_password',
      ]),
      notificationStatus,
      notificationDuration: intInRange(
        'PasswordExpirationNotificationDuration',
        input.notificationDuration,
        1,
        365,
      ),
      notificationChannels: channels('PasswordExpirationNotificationChannels', input.notificationChannels, [
        'login',
        'email',
        'sms',
      ]),
      forcedUpdateDuration: intInRange('PasswordForcedUpdateDuration', input.forcedUpdateDuration, 1, 365),
      effectiveAuthenticationSourceIds: input.effectiveAuthenticationSourceIds,
    };
    if (status === 'enabled') {
      required('PasswordValidMaxDay', next.validMaxDay);
      required('PasswordExpirationAction', next.action);
    }
    if (notificationStatus === 'enabled') {
      required('PasswordExpirationNotificationDuration', next.notificationDuration);
      required('PasswordExpirationNotificationChannels', next.notificationChannels);
    }
    if (
      next.forcedUpdateDuration !== undefined &&
      next.notificationDuration !== undefined &&
      next.forcedUpdateDuration <= next.notificationDuration
    ) {
      throw invalidParameter(
        'PasswordForcedUpdateDuration',
        'it must be greater than PasswordExpirationNotificationDuration.',
      );
    }
    p.expiration = next;
  },
  initialization(_svc, p, input) {
    const status = toggle('PasswordInitializationStatus', input.status);
    const type = oneOf('PasswordInitializationType', input.type, ['random']);
    p.initialization = {
      status,
      type: status === 'enabled' ? required('PasswordInitializationType', type) : type,
      forcedUpdateStatus: optionalToggle('PasswordForcedUpdateStatus', input.forcedUpdateStatus),
      notificationChannels: channels(
        'PasswordInitializationNotificationChannels',
        input.notificationChannels,
        ['email', 'sms'],
      ),
    };
  },
  forgetPassword(_svc, p, input) {
    const status = toggle('ForgetPasswordStatus', input.status);
    const list = channels('AuthenticationChannels', input.authenticationChannels, [
      'email',
      'sms',
      'totp',
      'web_authn',
    ]);
    p.forgetPassword = {
      status,
      authenticationChannels: status === 'enabled' ? required('AuthenticationChannels', list) : (list ?? []),
    };
  },
};

/** Replaces one of the five policies after validating the input. */
export function setPasswordPolicy<K extends keyof PasswordPolicyInput>(
  svc: ModelContext,
  instanceId: string,
  which: K,
  input: PasswordPolicyInput[K],
): void {
  const inst = svc.requireRunningInstance(instanceId);
  SETTERS[which](svc, inst.passwordPolicy, input);
}

// ---- enforcement and hashing --------------------------------------------------------------------

const SPECIAL = /[^A-Za-z0-9\s]/;

/** The user fields the exclusion rules look at. */
export type PasswordOwner = Pick<UserState, 'username'> &
  Partial<Pick<UserState, 'email' | 'phoneNumber' | 'displayName'>>;

function containsIgnoringCase(password: string, part: string | undefined): boolean {
  return !!part && part.length > 0 && password.toLowerCase().includes(part.toLowerCase());
}

/** Throws `InvalidPassword.<Rule>` unless the password satisfies the complexity policy. */
export function checkPasswordComplexity(
  policy: PasswordPolicyState,
  password: string,
  owner: PasswordOwner,
): void {
  const { minLength, rules } = policy.complexity;
  if (password.length < minLength) {
    throw invalidPassword('MinLength', `The password must be at least ${minLength} characters long.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw invalidPassword(
      'MaxLength',
      `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) {
    throw invalidPassword('Characters', 'The password must not contain control characters.');
  }
  const failures: Record<PasswordCheckType, [boolean, string, string]> = {
    inclusion_upper_case: [!/[A-Z]/.test(password), 'UpperCase', 'an upper-case letter'],
    inclusion_lower_case: [!/[a-z]/.test(password), 'LowerCase', 'a lower-case letter'],
    inclusion_number: [!/[0-9]/.test(password), 'Number', 'a digit'],
    inclusion_special_case: [!SPECIAL.test(password), 'SpecialCase', 'a special character'],
    exclusion_username: [containsIgnoringCase(password, owner.username), 'Username', 'not the username'],
    exclusion_email: [
      containsIgnoringCase(password, owner.email?.split('@')[0]),
      'Email',
      'not the email address prefix',
    ],
    exclusion_phone_number: [
      containsIgnoringCase(password, owner.phoneNumber),
      'PhoneNumber',
      'not the phone number',
    ],
    exclusion_display_name: [
      containsIgnoringCase(password, owner.displayName),
      'DisplayName',
      'not the display name',
    ],
  };
  for (const rule of rules) {
    const [failed, code, what] = failures[rule];
    if (failed) throw invalidPassword(code, `The password must contain ${what}.`);
  }
}

// ---- hashing ------------------------------------------------------------------------------------

/** How passwords become stored hashes; injected into the service (`EiamServiceOptions`). */
export interface PasswordHasher {
  /** The hex hash of `password` with the hex `salt`. */
  hash(password: string, salt: string): string;
  /** True when `password` matches `stored`. */
  verify(stored: PasswordHash, password: string): boolean;
}

/** The default hasher: scrypt at a low cost (an emulator needs "not plaintext", not brute-force resistance). */
export const scryptPasswordHasher: PasswordHasher = {
  hash: (password, salt) => scryptSync(password, salt, 32, { N: 1024 }).toString('hex'),
  verify(stored, password) {
    const candidate = scryptSync(password, stored.salt, 32, { N: 1024 });
    const expected = Buffer.from(stored.hash, 'hex');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  },
};

/** Salted hash of a password; the salt comes from the service generator (deterministic). */
export function hashPassword(svc: ModelContext, password: string): PasswordHash {
  const salt = idBody(() => svc.random(), 16);
  return { salt, hash: svc.passwordHasher.hash(password, salt) };
}

/**
 * Throws `InvalidPassword.History` when history checking is on and the password equals the current
 * one or one of the last `maxRetention` passwords.
 */
export function checkPasswordHistory(
  hasher: PasswordHasher,
  policy: PasswordPolicyState,
  user: UserState,
  password: string,
): void {
  if (policy.history.status !== 'enabled') return;
  const keep = policy.history.maxRetention ?? 1;
  const recent = [user.password, ...user.passwordHistory]
    .filter((h): h is PasswordHash => !!h)
    .slice(0, keep);
  if (recent.some((h) => hasher.verify(h, password))) {
    throw invalidPassword('History', `The password must differ from the last ${keep} passwords.`);
  }
}

/** Stores a new password on the user (history and expiry kept up to date). */
export function setUserPassword(
  svc: ModelContext,
  inst: InstanceState,
  user: UserState,
  password: string,
): void {
  if (user.password) {
    user.passwordHistory.unshift(user.password);
    user.passwordHistory.length = Math.min(user.passwordHistory.length, MAX_PASSWORD_HISTORY);
  }
  user.password = hashPassword(svc, password);
  const exp = inst.passwordPolicy.expiration;
  user.passwordExpireTime =
    exp.status === 'enabled' && exp.validMaxDay ? svc.now() + exp.validMaxDay * 86_400_000 : undefined;
}
