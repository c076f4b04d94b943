/**
 * `PasswordPolicy`: the password policy of one EIAM instance, as five sections that map to the
 * five Set…/Get… pairs of the API:
 *
 * | section                  | set                                     | get                                     |
 * | ------------------------ | --------------------------------------- | --------------------------------------- |
 * | `passwordComplexity`     | SetPasswordComplexityConfiguration      | GetPasswordComplexityConfiguration      |
 * | `passwordHistory`        | SetPasswordHistoryConfiguration         | GetPasswordHistoryConfiguration         |
 * | `passwordExpiration`     | SetPasswordExpirationConfiguration      | GetPasswordExpirationConfiguration      |
 * | `passwordInitialization` | SetPasswordInitializationConfiguration  | GetPasswordInitializationConfiguration  |
 * | `forgetPassword`         | SetForgetPasswordConfiguration          | GetForgetPasswordConfiguration          |
 *
 * The policy always exists: `create` sets the declared sections, `delete` puts every section
 * back to the service's defaults ({@link PASSWORD_POLICY_DEFAULTS}). A section left unset is
 * not managed; inside a declared section, a field left unset keeps its live value (a Set call
 * sends the live section with the declared fields laid over it).
 *
 * One `PasswordPolicy` per instance. Id: the instance id.
 */
import * as pulumi from '@pulumi/pulumi';
import { MAX_PASSWORD_HISTORY } from '../catalog/rules';
import { checkInstanceId } from './common';
import {
  FORGET_PASSWORD_CHANNELS,
  PASSWORD_CHECK_TYPES,
  PASSWORD_EXPIRATION_ACTIONS,
  PASSWORD_EXPIRATION_NOTIFICATION_CHANNELS,
  PASSWORD_INITIALIZATION_NOTIFICATION_CHANNELS,
  PASSWORD_INITIALIZATION_TYPES,
  TOGGLES,
} from './enums';
import * as passwordPolicyProviderModule from './providers/password-policy';
import {
  EiamResource,
  assertDeclaredMatches,
  changedFields,
  compact,
  declareOutputs,
  defineProvider,
  diffByTable,
  fieldTree,
  followUp,
  InputChecker,
  isUnknown,
  matchesDeclared,
  TYPE_MODULE,
  typeToken,
  unlessNotFound,
  withSecretOutputs,
  type DiffTable,
  type PropertyBag,
  type ProviderContext,
} from './provider-kit';

/** Password complexity (Set/GetPasswordComplexityConfiguration). */
export interface PasswordComplexity {
  /** Minimum password length, 4 to 64. */
  passwordMinLength: number;
  /**
   * Character rules (`PasswordCheckType` values): `inclusion_upper_case`,
   * `inclusion_lower_case`, `inclusion_special_case`, `inclusion_number`, `exclusion_username`,
   * `exclusion_email`, `exclusion_phone_number`, `exclusion_display_name`. Order does not matter.
   */
  passwordComplexityRules?: string[];
  /** Refuse logon with a password that no longer meets the rules. */
  disabledWeakPasswordLogin?: boolean;
}

/** Password history (Set/GetPasswordHistoryConfiguration). */
export interface PasswordHistory {
  /** `enabled` / `disabled`. */
  passwordHistoryStatus: string;
  /** How many previous passwords cannot be reused, 1 to 24 (required when enabled). */
  passwordHistoryMaxRetention?: number;
}

/** Password expiration (Set/GetPasswordExpirationConfiguration). */
export interface PasswordExpiration {
  /** `enabled` / `disabled`. */
  passwordExpirationStatus: string;
  /** Password validity in days, 1 to 1095 (required when enabled). */
  passwordValidMaxDay?: number;
  /** `forbid_login`, `force_update_password` or `remind_update_password` (required when enabled). */
  passwordExpirationAction?: string;
  /** `enabled` / `disabled`: notify before expiry. */
  passwordExpirationNotificationStatus?: string;
  /** Days before expiry to notify, 1 to 365 (required when notification is enabled). */
  passwordExpirationNotificationDuration?: number;
  /** Notification channels: `login`, `email`, `sms` (required when notification is enabled). */
  passwordExpirationNotificationChannels?: string[];
  /** Days after which a change is forced, 1 to 365, more than the notification duration. */
  passwordForcedUpdateDuration?: number;
  /** Authentication sources the policy applies to. */
  effectiveAuthenticationSourceIds?: string[];
}

/** Password initialization for new accounts (Set/GetPasswordInitializationConfiguration). */
export interface PasswordInitialization {
  /** `enabled` / `disabled`. */
  passwordInitializationStatus: string;
  /** `random` (required when enabled). */
  passwordInitializationType?: string;
  /** `enabled` / `disabled`: force a change at first logon. */
  passwordForcedUpdateStatus?: string;
  /** Channels receiving the initial password: `email`, `sms`. */
  passwordInitializationNotificationChannels?: string[];
}

/** Forgotten-password self-service (Set/GetForgetPasswordConfiguration). */
export interface ForgetPassword {
  /** `enabled` / `disabled`. */
  forgetPasswordStatus: string;
  /** Verification channels: `email`, `sms`, `totp`, `web_authn` (required when enabled). */
  authenticationChannels?: string[];
}

/** The five sections. */
export interface PasswordPolicySections {
  /** Complexity rules. */
  passwordComplexity?: PasswordComplexity;
  /** History rule. */
  passwordHistory?: PasswordHistory;
  /** Expiration rule. */
  passwordExpiration?: PasswordExpiration;
  /** Initialization of new accounts' passwords. */
  passwordInitialization?: PasswordInitialization;
  /** Forgotten-password recovery. */
  forgetPassword?: ForgetPassword;
}

/**
 * What a new instance starts with, and what `delete` restores. Kept equal to the local
 * server's model defaults (`defaultPasswordPolicy` in `src/local-server/model/password-policy.ts`);
 * a test reads a fresh instance's policy to prove they agree.
 */
export const PASSWORD_POLICY_DEFAULTS: Required<PasswordPolicySections> = {
  passwordComplexity: {
    passwordMinLength: 8,
    passwordComplexityRules: ['inclusion_upper_case', 'inclusion_lower_case', 'inclusion_number'],
    disabledWeakPasswordLogin: false,
  },
  passwordHistory: { passwordHistoryStatus: 'disabled' },
  passwordExpiration: { passwordExpirationStatus: 'disabled' },
  passwordInitialization: { passwordInitializationStatus: 'disabled' },
  forgetPassword: { forgetPasswordStatus: 'enabled', authenticationChannels: ['email', 'sms'] },
};

/** Arguments of a {@link PasswordPolicy}. Every section is optional: unset = not managed. */
export interface PasswordPolicyArgs {
  /** The instance. Changing it replaces the resource (the old instance is reset to defaults). */
  readonly instanceId: pulumi.Input<string>;
  /** See {@link PasswordComplexity}. */
  readonly passwordComplexity?: pulumi.Input<PasswordComplexity>;
  /** See {@link PasswordHistory}. */
  readonly passwordHistory?: pulumi.Input<PasswordHistory>;
  /** See {@link PasswordExpiration}. */
  readonly passwordExpiration?: pulumi.Input<PasswordExpiration>;
  /** See {@link PasswordInitialization}. */
  readonly passwordInitialization?: pulumi.Input<PasswordInitialization>;
  /** See {@link ForgetPassword}. */
  readonly forgetPassword?: pulumi.Input<ForgetPassword>;
}

/** Checked inputs of a password policy. */
export interface PasswordPolicyInputs extends PasswordPolicySections {
  /** See {@link PasswordPolicyArgs.instanceId}. */
  instanceId: string;
}

/** Outputs: every section as the service reports it. */
export interface PasswordPolicyOutputs extends PasswordPolicyInputs {
  /** When weak-password logon was first refused, epoch ms. */
  disabledWeakPasswordLoginStartedAt?: number;
}

type SectionName = keyof PasswordPolicySections;
const SECTIONS: readonly SectionName[] = [
  'passwordComplexity',
  'passwordHistory',
  'passwordExpiration',
  'passwordInitialization',
  'forgetPassword',
];
/** What a change to each input means. */
export const PASSWORD_POLICY_DIFF: DiffTable = {
  instanceId: 'replace',
  passwordComplexity: { action: 'update', equals: matchesDeclared },
  passwordHistory: { action: 'update', equals: matchesDeclared },
  passwordExpiration: { action: 'update', equals: matchesDeclared },
  passwordInitialization: { action: 'update', equals: matchesDeclared },
  forgetPassword: { action: 'update', equals: matchesDeclared },
};

const INPUT_FIELDS = ['instanceId', ...SECTIONS];
const OUTPUT_NAMES = [...INPUT_FIELDS, 'disabledWeakPasswordLoginStartedAt'];

/** Reads the five sections; undefined when the instance does not exist. */
async function fetchPolicy(
  ctx: ProviderContext,
  instanceId: string,
): Promise<PasswordPolicyOutputs | undefined> {
  const key = { InstanceId: instanceId };
  const complexity = await unlessNotFound(ctx.client.call('GetPasswordComplexityConfiguration', key));
  if (!complexity) return undefined;
  const [history, expiration, initialization, forget] = await Promise.all([
    ctx.client.call('GetPasswordHistoryConfiguration', key),
    ctx.client.call('GetPasswordExpirationConfiguration', key),
    ctx.client.call('GetPasswordInitializationConfiguration', key),
    ctx.client.call('GetForgetPasswordConfiguration', key),
  ]);
  const c = complexity.PasswordComplexityConfiguration ?? {};
  const h = history.PasswordHistoryConfiguration ?? {};
  const e = expiration.PasswordExpirationConfiguration ?? {};
  const i = initialization.PasswordInitializationConfiguration ?? {};
  const f = forget.OpenForgetPasswordConfiguration ?? {};
  return compact({
    instanceId,
    passwordComplexity: compact({
      passwordMinLength: c.PasswordMinLength ?? 0,
      passwordComplexityRules: (c.PasswordComplexityRules ?? [])
        .map((r) => r.PasswordCheckType ?? '')
        .filter((r) => r),
      disabledWeakPasswordLogin: c.DisabledWeakPasswordLogin,
    }),
    disabledWeakPasswordLoginStartedAt: c.DisabledWeakPasswordLoginStartedAt,
    passwordHistory: compact({
      passwordHistoryStatus: h.PasswordHistoryStatus ?? '',
      passwordHistoryMaxRetention: h.PasswordHistoryMaxRetention,
    }),
    passwordExpiration: compact({
      passwordExpirationStatus: e.PasswordExpirationStatus ?? '',
      passwordValidMaxDay: e.PasswordValidMaxDay,
      passwordExpirationAction: e.PasswordExpirationAction,
      passwordExpirationNotificationStatus: e.PasswordExpirationNotificationStatus,
      passwordExpirationNotificationDuration: e.PasswordExpirationNotificationDuration,
      passwordExpirationNotificationChannels: e.PasswordExpirationNotificationChannels,
      passwordForcedUpdateDuration: e.PasswordForcedUpdateDuration,
      effectiveAuthenticationSourceIds: e.EffectiveAuthenticationSourceIds,
    }),
    passwordInitialization: compact({
      passwordInitializationStatus: i.PasswordInitializationStatus ?? '',
      passwordInitializationType: i.PasswordInitializationType,
      passwordForcedUpdateStatus: i.PasswordForcedUpdateStatus,
      passwordInitializationNotificationChannels: i.PasswordInitializationNotificationChannels,
    }),
    forgetPassword: compact({
      forgetPasswordStatus: f.ForgetPasswordStatus ?? '',
      authenticationChannels: f.AuthenticationChannels,
    }),
  });
}

/** Sends one section (already merged with the live values) with its Set call. */
async function setSection(
  ctx: ProviderContext,
  instanceId: string,
  name: SectionName,
  v: PropertyBag,
): Promise<void> {
  const InstanceId = instanceId;
  switch (name) {
    case 'passwordComplexity': {
      const s = v as unknown as PasswordComplexity;
      await ctx.client.call('SetPasswordComplexityConfiguration', {
        InstanceId,
        PasswordMinLength: s.passwordMinLength,
        PasswordComplexityRules: (s.passwordComplexityRules ?? []).map((r) => ({ PasswordCheckType: r })),
        DisabledWeakPasswordLogin: s.disabledWeakPasswordLogin,
      });
      return;
    }
    case 'passwordHistory': {
      const s = v as unknown as PasswordHistory;
      await ctx.client.call('SetPasswordHistoryConfiguration', {
        InstanceId,
        PasswordHistoryStatus: s.passwordHistoryStatus,
        PasswordHistoryMaxRetention: s.passwordHistoryMaxRetention,
      });
      return;
    }
    case 'passwordExpiration': {
      const s = v as unknown as PasswordExpiration;
      await ctx.client.call('SetPasswordExpirationConfiguration', {
        InstanceId,
        PasswordExpirationStatus: s.passwordExpirationStatus,
        PasswordValidMaxDay: s.passwordValidMaxDay,
        PasswordExpirationAction: s.passwordExpirationAction,
        PasswordExpirationNotificationStatus: s.passwordExpirationNotificationStatus,
        PasswordExpirationNotificationDuration: s.passwordExpirationNotificationDuration,
        PasswordExpirationNotificationChannels: s.passwordExpirationNotificationChannels,
        PasswordForcedUpdateDuration: s.passwordForcedUpdateDuration,
        EffectiveAuthenticationSourceIds: s.effectiveAuthenticationSourceIds,
      });
      return;
    }
    case 'passwordInitialization': {
      const s = v as unknown as PasswordInitialization;
      await ctx.client.call('SetPasswordInitializationConfiguration', {
        InstanceId,
        PasswordInitializationStatus: s.passwordInitializationStatus,
        PasswordInitializationType: s.passwordInitializationType,
        PasswordForcedUpdateStatus: s.passwordForcedUpdateStatus,
        PasswordInitializationNotificationChannels: s.passwordInitializationNotificationChannels,
      });
      return;
    }
    case 'forgetPassword': {
      const s = v as unknown as ForgetPassword;
      await ctx.client.call('SetForgetPasswordConfiguration', {
        InstanceId,
        ForgetPasswordStatus: s.forgetPasswordStatus,
        AuthenticationChannels: s.authenticationChannels,
      });
      return;
    }
  }
}

/** Applies the named declared sections, each laid over its live value. */
async function applySections(
  ctx: ProviderContext,
  inputs: PasswordPolicyInputs,
  names: readonly SectionName[],
): Promise<void> {
  if (names.length === 0) return;
  const live = await fetchPolicy(ctx, inputs.instanceId);
  if (!live) throw new Error(`Instance ${inputs.instanceId} does not exist`);
  for (const name of names) {
    const declared = compact({ ...(inputs[name] as unknown as PropertyBag) });
    await setSection(ctx, inputs.instanceId, name, {
      ...(live[name] as unknown as PropertyBag),
      ...declared,
    });
  }
}

/** With the section's `status` set to `enabled`, each of `fields` is required. */
function requiredWhenEnabled(
  n: InputChecker,
  section: PropertyBag,
  status: string,
  fields: readonly string[],
): void {
  if (section[status] !== 'enabled') return;
  for (const field of fields) {
    if (!n.present(field)) n.fail(field, `${field} is required when ${status} is enabled`);
  }
}

function checkSection(
  c: InputChecker,
  name: SectionName,
  value: unknown,
  rules: (n: InputChecker, section: PropertyBag) => void,
): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    c.fail(name, `${name} must be an object`);
    return;
  }
  const nested = new InputChecker(value as PropertyBag);
  rules(nested, value as PropertyBag);
  for (const f of nested.failures) c.fail(`${name}.${f.property}`, `${name}.${f.reason}`);
}

/** The password policy provider's implementation (called through {@link passwordPolicyProvider}). */
export const passwordPolicyImplementation = defineProvider<PasswordPolicyInputs, PasswordPolicyOutputs>({
  kind: 'PasswordPolicy',
  shape: { table: PASSWORD_POLICY_DIFF },
  // Every recorded state carries `declaredInputs` and an import's props never do (the outputs
  // otherwise repeat the inputs), so its absence marks an import.
  recordedOutput: 'declaredInputs',
  idParts: ['instanceId'],
  fields: fieldTree(Object.keys(PASSWORD_POLICY_DIFF), {
    passwordComplexity: fieldTree([
      'passwordMinLength',
      'passwordComplexityRules',
      'disabledWeakPasswordLogin',
    ]),
    passwordHistory: fieldTree(['passwordHistoryStatus', 'passwordHistoryMaxRetention']),
    passwordExpiration: fieldTree([
      'passwordExpirationStatus',
      'passwordValidMaxDay',
      'passwordExpirationAction',
      'passwordExpirationNotificationStatus',
      'passwordExpirationNotificationDuration',
      'passwordExpirationNotificationChannels',
      'passwordForcedUpdateDuration',
      'effectiveAuthenticationSourceIds',
    ]),
    passwordInitialization: fieldTree([
      'passwordInitializationStatus',
      'passwordInitializationType',
      'passwordForcedUpdateStatus',
      'passwordInitializationNotificationChannels',
    ]),
    forgetPassword: fieldTree(['forgetPasswordStatus', 'authenticationChannels']),
  }),

  check(_olds, news) {
    const c = new InputChecker(news);
    checkInstanceId(c);
    checkSection(c, 'passwordComplexity', news.passwordComplexity, (n) =>
      n
        .integer('passwordMinLength', { required: true, min: 4, max: 64 })
        .stringList('passwordComplexityRules', { allowed: PASSWORD_CHECK_TYPES })
        .boolean('disabledWeakPasswordLogin'),
    );
    checkSection(c, 'passwordHistory', news.passwordHistory, (n, section) => {
      n.oneOf('passwordHistoryStatus', TOGGLES, { required: true }).integer('passwordHistoryMaxRetention', {
        min: 1,
        max: MAX_PASSWORD_HISTORY,
      });
      requiredWhenEnabled(n, section, 'passwordHistoryStatus', ['passwordHistoryMaxRetention']);
    });
    checkSection(c, 'passwordExpiration', news.passwordExpiration, (n, section) => {
      n.oneOf('passwordExpirationStatus', TOGGLES, { required: true })
        .integer('passwordValidMaxDay', { min: 1, max: 1095 })
        .oneOf('passwordExpirationAction', PASSWORD_EXPIRATION_ACTIONS)
        .oneOf('passwordExpirationNotificationStatus', TOGGLES)
        .integer('passwordExpirationNotificationDuration', { min: 1, max: 365 })
        .stringList('passwordExpirationNotificationChannels', {
          allowed: PASSWORD_EXPIRATION_NOTIFICATION_CHANNELS,
        })
        .integer('passwordForcedUpdateDuration', { min: 1, max: 365 })
        .stringList('effectiveAuthenticationSourceIds', { minLength: 1 });
      requiredWhenEnabled(n, section, 'passwordExpirationStatus', [
        'passwordValidMaxDay',
        'passwordExpirationAction',
      ]);
      requiredWhenEnabled(n, section, 'passwordExpirationNotificationStatus', [
        'passwordExpirationNotificationDuration',
        'passwordExpirationNotificationChannels',
      ]);
      if (
        n.known('passwordForcedUpdateDuration') &&
        n.known('passwordExpirationNotificationDuration') &&
        Number(section.passwordForcedUpdateDuration) <= Number(section.passwordExpirationNotificationDuration)
      ) {
        n.fail(
          'passwordForcedUpdateDuration',
          'passwordForcedUpdateDuration must be greater than passwordExpirationNotificationDuration',
        );
      }
    });
    checkSection(c, 'passwordInitialization', news.passwordInitialization, (n) =>
      n
        .oneOf('passwordInitializationStatus', TOGGLES, { required: true })
        .oneOf('passwordInitializationType', PASSWORD_INITIALIZATION_TYPES)
        .oneOf('passwordForcedUpdateStatus', TOGGLES)
        .stringList('passwordInitializationNotificationChannels', {
          allowed: PASSWORD_INITIALIZATION_NOTIFICATION_CHANNELS,
        }),
    );
    checkSection(c, 'forgetPassword', news.forgetPassword, (n) =>
      n
        .oneOf('forgetPasswordStatus', TOGGLES, { required: true })
        .stringList('authenticationChannels', { allowed: FORGET_PASSWORD_CHANNELS }),
    );
    return c.result(news as unknown as PasswordPolicyInputs);
  },

  diff(_id, olds, news) {
    return diffByTable(PASSWORD_POLICY_DIFF, { ...olds }, { ...news });
  },

  async create(ctx, inputs) {
    const id = inputs.instanceId;
    await applySections(
      ctx,
      inputs,
      SECTIONS.filter((s) => inputs[s] !== undefined),
    );
    const outs = await followUp('PasswordPolicy', id, { ...inputs }, 'reading it back', () =>
      fetchPolicy(ctx, id),
    );
    if (!outs) throw new Error(`Instance ${id} disappeared while its password policy was set`);
    return { id, outs };
  },

  async read(ctx, id, props) {
    assertDeclaredMatches('PasswordPolicy', id, 'instanceId', props.instanceId, id);
    const live = await fetchPolicy(ctx, id);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const changes = changedFields(PASSWORD_POLICY_DIFF, { ...olds }, { ...news });
    await applySections(
      ctx,
      { ...news, instanceId: id },
      SECTIONS.filter((s) => changes.some((c) => c.property === s)),
    );
    const outs = await fetchPolicy(ctx, id);
    if (!outs) throw new Error(`Instance ${id} disappeared while its password policy was updated`);
    return { outs };
  },

  async delete(ctx, id) {
    // Every section goes back to the defaults; an instance that is gone has nothing to reset.
    const exists = await fetchPolicy(ctx, id);
    if (!exists) return;
    for (const name of SECTIONS) {
      await unlessNotFound(
        setSection(ctx, id, name, { ...(PASSWORD_POLICY_DEFAULTS[name] as unknown as PropertyBag) }),
      );
    }
  },
});

/** The serializable provider of {@link PasswordPolicy}. */
export const passwordPolicyProvider: pulumi.dynamic.ResourceProvider = passwordPolicyProviderModule;

/**
 * The password policy of an instance (one per instance).
 *
 * ```ts
 * new eiam.PasswordPolicy('policy', {
 *   instanceId: instance.instanceId,
 *   passwordComplexity: { passwordMinLength: 12, passwordComplexityRules: ['inclusion_number', 'inclusion_upper_case'] },
 *   passwordHistory: { passwordHistoryStatus: 'enabled', passwordHistoryMaxRetention: 5 },
 * });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx' }`.
 */
export class PasswordPolicy extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = [];

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Complexity as the service reports it. */
  declare readonly passwordComplexity: pulumi.Output<PasswordComplexity>;
  /** History rule as the service reports it. */
  declare readonly passwordHistory: pulumi.Output<PasswordHistory>;
  /** Expiration rule as the service reports it. */
  declare readonly passwordExpiration: pulumi.Output<PasswordExpiration>;
  /** Initialization as the service reports it. */
  declare readonly passwordInitialization: pulumi.Output<PasswordInitialization>;
  /** Forgotten-password recovery as the service reports it. */
  declare readonly forgetPassword: pulumi.Output<ForgetPassword>;
  /** When weak-password logon was first refused, epoch ms. */
  declare readonly disabledWeakPasswordLoginStartedAt: pulumi.Output<number | undefined>;

  /** Declares the password policy of an instance. */
  constructor(name: string, args: PasswordPolicyArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      passwordPolicyProvider,
      name,
      declareOutputs(args, OUTPUT_NAMES),
      withSecretOutputs(opts, PasswordPolicy.secretOutputs),
      TYPE_MODULE,
      'PasswordPolicy',
    );
  }
}

/** The type token of {@link PasswordPolicy}. */
export const PASSWORD_POLICY_TYPE = typeToken('PasswordPolicy');
