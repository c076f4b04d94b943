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
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  compact,
  defineProvider,
  field,
  fieldTable,
  followUp,
  matchesDeclared,
  typed,
  typeToken,
  unlessNotFound,
  type InputChecker,
  type InputsOf,
  type OutputsOf,
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

/** With the section's `status` set to `enabled`, each of `fields` is required. */
function requiredWhenEnabled(
  n: InputChecker,
  section: Readonly<PropertyBag>,
  status: string,
  fields: readonly string[],
): void {
  if (section[status] !== 'enabled') return;
  for (const name of fields) {
    if (!n.present(name)) n.fail(name, `${name} is required when ${status} is enabled`);
  }
}

/** The members of `passwordComplexity`; the rules are sent as `{ PasswordCheckType }` items. */
export const PASSWORD_COMPLEXITY_FIELDS = fieldTable({
  inputs: {
    passwordMinLength: field.integer({ required: true, min: 4, max: 64 }),
    passwordComplexityRules: field.stringList({
      oneOf: PASSWORD_CHECK_TYPES,
      toWire: (rules) => rules.map((r) => ({ PasswordCheckType: r })),
      fromWire: (raw) =>
        ((raw ?? []) as { PasswordCheckType?: string }[])
          .map((r) => r.PasswordCheckType ?? '')
          .filter((r) => r),
    }),
    disabledWeakPasswordLogin: field.boolean(),
  },
});
argsMatchTable<PasswordComplexity, typeof PASSWORD_COMPLEXITY_FIELDS>();

/** The members of `passwordHistory`. */
export const PASSWORD_HISTORY_FIELDS = fieldTable({
  inputs: {
    passwordHistoryStatus: field.string({ required: true, oneOf: TOGGLES }),
    passwordHistoryMaxRetention: field.integer({ min: 1, max: MAX_PASSWORD_HISTORY }),
  },
  rules: (n, section) =>
    requiredWhenEnabled(n, section, 'passwordHistoryStatus', ['passwordHistoryMaxRetention']),
});
argsMatchTable<PasswordHistory, typeof PASSWORD_HISTORY_FIELDS>();

/** The members of `passwordExpiration`. */
export const PASSWORD_EXPIRATION_FIELDS = fieldTable({
  inputs: {
    passwordExpirationStatus: field.string({ required: true, oneOf: TOGGLES }),
    passwordValidMaxDay: field.integer({ min: 1, max: 1095 }),
    passwordExpirationAction: field.string({ oneOf: PASSWORD_EXPIRATION_ACTIONS }),
    passwordExpirationNotificationStatus: field.string({ oneOf: TOGGLES }),
    passwordExpirationNotificationDuration: field.integer({ min: 1, max: 365 }),
    passwordExpirationNotificationChannels: field.stringList({
      oneOf: PASSWORD_EXPIRATION_NOTIFICATION_CHANNELS,
    }),
    passwordForcedUpdateDuration: field.integer({ min: 1, max: 365 }),
    effectiveAuthenticationSourceIds: field.stringList({ minLength: 1 }),
  },
  rules: (n, section) => {
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
  },
});
argsMatchTable<PasswordExpiration, typeof PASSWORD_EXPIRATION_FIELDS>();

/** The members of `passwordInitialization`. */
export const PASSWORD_INITIALIZATION_FIELDS = fieldTable({
  inputs: {
    passwordInitializationStatus: field.string({ required: true, oneOf: TOGGLES }),
    passwordInitializationType: field.string({ oneOf: PASSWORD_INITIALIZATION_TYPES }),
    passwordForcedUpdateStatus: field.string({ oneOf: TOGGLES }),
    passwordInitializationNotificationChannels: field.stringList({
      oneOf: PASSWORD_INITIALIZATION_NOTIFICATION_CHANNELS,
    }),
  },
});
argsMatchTable<PasswordInitialization, typeof PASSWORD_INITIALIZATION_FIELDS>();

/** The members of `forgetPassword`. */
export const FORGET_PASSWORD_FIELDS = fieldTable({
  inputs: {
    forgetPasswordStatus: field.string({ required: true, oneOf: TOGGLES }),
    authenticationChannels: field.stringList({ oneOf: FORGET_PASSWORD_CHANNELS }),
  },
});
argsMatchTable<ForgetPassword, typeof FORGET_PASSWORD_FIELDS>();

/** A declared section compares with the live one on its declared members only. */
const SECTION = { equals: matchesDeclared, wire: false } as const;

/**
 * Every field of a password policy, once. Each section is read from the member its Get call
 * reports it in (the five responses are read as one item) and sent by its own Set call.
 */
export const PASSWORD_POLICY_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    passwordComplexity: field.block(typed<PasswordComplexity>(), PASSWORD_COMPLEXITY_FIELDS, {
      ...SECTION,
      read: 'PasswordComplexityConfiguration',
    }),
    passwordHistory: field.block(typed<PasswordHistory>(), PASSWORD_HISTORY_FIELDS, {
      ...SECTION,
      read: 'PasswordHistoryConfiguration',
    }),
    passwordExpiration: field.block(typed<PasswordExpiration>(), PASSWORD_EXPIRATION_FIELDS, {
      ...SECTION,
      read: 'PasswordExpirationConfiguration',
    }),
    passwordInitialization: field.block(typed<PasswordInitialization>(), PASSWORD_INITIALIZATION_FIELDS, {
      ...SECTION,
      read: 'PasswordInitializationConfiguration',
    }),
    forgetPassword: field.block(typed<ForgetPassword>(), FORGET_PASSWORD_FIELDS, {
      ...SECTION,
      read: 'OpenForgetPasswordConfiguration',
    }),
  },
  outputs: {
    /** When weak-password logon was first refused, epoch ms. */
    disabledWeakPasswordLoginStartedAt: field.integer({
      read: 'PasswordComplexityConfiguration.DisabledWeakPasswordLoginStartedAt',
    }),
  },
});
argsMatchTable<PasswordPolicyArgs, typeof PASSWORD_POLICY_FIELDS>();

/** Checked inputs of a password policy. */
export type PasswordPolicyInputs = InputsOf<typeof PASSWORD_POLICY_FIELDS>;
/** Outputs: every section as the service reports it. */
export type PasswordPolicyOutputs = OutputsOf<typeof PASSWORD_POLICY_FIELDS>;

/** What a change to each input means. */
export const PASSWORD_POLICY_DIFF = PASSWORD_POLICY_FIELDS.diffTable;

type SectionName = keyof PasswordPolicySections;
type Sections = Required<PasswordPolicySections>;
const SECTIONS: readonly SectionName[] = [
  'passwordComplexity',
  'passwordHistory',
  'passwordExpiration',
  'passwordInitialization',
  'forgetPassword',
];

/** Reads the five sections; undefined when the instance does not exist. */
async function fetchPolicy(
  ctx: ProviderContext,
  instanceId: string,
): Promise<PasswordPolicyOutputs | undefined> {
  const key = { InstanceId: instanceId };
  const complexity = await unlessNotFound(ctx.client.call('GetPasswordComplexityConfiguration', key));
  if (!complexity) return undefined;
  const others = await Promise.all([
    ctx.client.call('GetPasswordHistoryConfiguration', key),
    ctx.client.call('GetPasswordExpirationConfiguration', key),
    ctx.client.call('GetPasswordInitializationConfiguration', key),
    ctx.client.call('GetForgetPasswordConfiguration', key),
  ]);
  return PASSWORD_POLICY_FIELDS.read(Object.assign({}, complexity, ...others), { instanceId });
}

/** The Set call of each section. */
const SET_SECTION: {
  readonly [K in SectionName]: (
    ctx: ProviderContext,
    InstanceId: string,
    value: Sections[K],
  ) => Promise<unknown>;
} = {
  passwordComplexity: (ctx, InstanceId, v) =>
    ctx.client.call('SetPasswordComplexityConfiguration', {
      InstanceId,
      PasswordComplexityRules: [],
      ...PASSWORD_COMPLEXITY_FIELDS.request(v),
    }),
  passwordHistory: (ctx, InstanceId, v) =>
    ctx.client.call('SetPasswordHistoryConfiguration', { InstanceId, ...PASSWORD_HISTORY_FIELDS.request(v) }),
  passwordExpiration: (ctx, InstanceId, v) =>
    ctx.client.call('SetPasswordExpirationConfiguration', {
      InstanceId,
      ...PASSWORD_EXPIRATION_FIELDS.request(v),
    }),
  passwordInitialization: (ctx, InstanceId, v) =>
    ctx.client.call('SetPasswordInitializationConfiguration', {
      InstanceId,
      ...PASSWORD_INITIALIZATION_FIELDS.request(v),
    }),
  forgetPassword: (ctx, InstanceId, v) =>
    ctx.client.call('SetForgetPasswordConfiguration', { InstanceId, ...FORGET_PASSWORD_FIELDS.request(v) }),
};

/** Sends one section (already merged with the live values) with its Set call. */
async function setSection<K extends SectionName>(
  ctx: ProviderContext,
  instanceId: string,
  name: K,
  value: Sections[K],
): Promise<void> {
  await SET_SECTION[name](ctx, instanceId, value);
}

/** The declared members of section `name` laid over its live value. */
function merged<K extends SectionName>(
  live: PasswordPolicySections,
  declared: PasswordPolicySections,
  name: K,
) {
  return { ...live[name], ...compact({ ...declared[name] }) } as Sections[K];
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
  for (const name of names) await setSection(ctx, inputs.instanceId, name, merged(live, inputs, name));
}

/** The password policy provider's implementation (called through {@link passwordPolicyProvider}). */
export const passwordPolicyImplementation = defineProvider({
  kind: 'PasswordPolicy',
  table: PASSWORD_POLICY_FIELDS,
  // Every recorded state carries `declaredInputs` and an import's props never do (the outputs
  // otherwise repeat the inputs), so its absence marks an import.
  recordedOutput: 'declaredInputs',
  idParts: ['instanceId'],

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
    const changes = PASSWORD_POLICY_FIELDS.changes(olds, news);
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
      await unlessNotFound(setSection(ctx, id, name, PASSWORD_POLICY_DEFAULTS[name]));
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
  static readonly secretOutputs: readonly string[] = PASSWORD_POLICY_FIELDS.secretOutputs;

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
    super(passwordPolicyProvider, 'PasswordPolicy', PASSWORD_POLICY_FIELDS, name, args, opts);
  }
}

classMatchesTable<PasswordPolicy, typeof PASSWORD_POLICY_FIELDS>();

/** The type token of {@link PasswordPolicy}. */
export const PASSWORD_POLICY_TYPE = typeToken('PasswordPolicy');
