/**
 * `User`: an account of an EIAM instance (CreateUser / GetUser / UpdateUser /
 * UpdateUserDescription / UpdateUserPassword / SetUserPrimaryOrganizationalUnit /
 * AddUserToOrganizationalUnits / RemoveUserFromOrganizationalUnits / EnableUser / DisableUser /
 * UnlockUser / DeleteUser).
 *
 * `read` uses GetUser only: it reports the account with its units. Group memberships are not an
 * output (they change whenever a `GroupMembership` is made); `getUser` lists them.
 *
 * Id: `<instanceId>/<userId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import type { CreateUserRequest, GetUserResponse, UpdateUserRequest } from '../catalog';
import { checkInstanceId, checkObjectId } from './common';
import { rootOrganizationalUnitId } from './organizational-unit';
import {
  EiamResource,
  assertDeclaredMatches,
  changedFields,
  compact,
  createOrAdopt,
  intentKeyOf,
  containsUnknown,
  declareOutputs,
  defineProvider,
  fieldTree,
  diffByTable,
  followUp,
  hasChange,
  idPart,
  InputChecker,
  isUnknown,
  joinId,
  newClientToken,
  parseId,
  TYPE_MODULE,
  typeToken,
  unlessNotFound,
  withSecretInputs,
  withSecretOutputs,
  type DiffTable,
  type PropertyBag,
  type ProviderContext,
} from './provider-kit';
import {
  PASSWORD_INITIALIZATION_POLICY_PRIORITIES,
  PASSWORD_INITIALIZATION_TYPES,
  TOGGLES,
  type UserStatus,
} from './enums';
import * as userProviderModule from './providers/user';

/** A custom field value of an account (the field must be defined in the instance). */
export interface UserCustomField {
  /** Field identifier, at most 64 characters. */
  fieldName: string;
  /** Field value, at most 1024 characters. */
  fieldValue: string;
}

/** How CreateUser initializes the password when none is given (create-only). */
export interface UserPasswordInitializationConfig {
  /** `global`: the instance's initialization policy applies; `custom`: the settings below. */
  passwordInitializationPolicyPriority?: string;
  /** `random`: generate a random password. */
  passwordInitializationType?: string;
  /** `enabled` / `disabled`: force a password change at first logon. */
  passwordForcedUpdateStatus?: string;
  /** Channels that receive the initial password (`email`, `sms`). */
  userNotificationChannels?: string[];
}

/** Arguments of a {@link User}. */
export interface UserArgs {
  /** Instance the account belongs to. Changing it replaces the account. */
  readonly instanceId: pulumi.Input<string>;
  /** Logon name: letters, digits, `_ . @ -`, at most 256 characters. Renamed in place. */
  readonly username: pulumi.Input<string>;
  /** Display name, at most 256 characters. Unset: not managed (the API cannot clear it). */
  readonly displayName?: pulumi.Input<string>;
  /** Email address, at most 128 characters. Requires `emailVerified`. */
  readonly email?: pulumi.Input<string>;
  /** Whether the email is a verified, trusted address. */
  readonly emailVerified?: pulumi.Input<boolean>;
  /** Phone number, 6 to 15 digits. Requires `phoneRegion` and `phoneNumberVerified`. */
  readonly phoneNumber?: pulumi.Input<string>;
  /** Country calling code without `+` (e.g. `86`). */
  readonly phoneRegion?: pulumi.Input<string>;
  /** Whether the phone number is verified. */
  readonly phoneNumberVerified?: pulumi.Input<boolean>;
  /** Description, at most 256 characters. Unset: not managed; `''` clears it. */
  readonly description?: pulumi.Input<string>;
  /**
   * External id, at most 128 characters, unique in the instance (default: the user id). The API
   * cannot change it: a change replaces the account (the old one is deleted first, since the
   * username must stay unique).
   */
  readonly userExternalId?: pulumi.Input<string>;
  /**
   * Custom field values. When set, the list is authoritative: fields not listed are removed
   * from the account. Order does not matter.
   */
  readonly customFields?: pulumi.Input<pulumi.Input<UserCustomField>[]>;
  /** Primary organizational unit. Default: the instance's root unit. Changed in place. */
  readonly primaryOrganizationalUnitId?: pulumi.Input<string>;
  /**
   * Further units the account belongs to (the primary one need not be listed). When set, the
   * set is authoritative: the account joins missing units and leaves unlisted ones.
   */
  readonly organizationalUnitIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** `enabled` or `disabled`. Unset: not managed (new accounts are enabled). */
  readonly status?: pulumi.Input<UserStatus>;
  /**
   * Password (secret). Checked by the instance's password policy. It cannot be read back, so a
   * change made outside Pulumi is not detected; changing the value here sets it again.
   */
  readonly password?: pulumi.Input<string>;
  /** How to initialize the password when `password` is not given. Used only at creation. */
  readonly passwordInitializationConfig?: pulumi.Input<UserPasswordInitializationConfig>;
  /**
   * Unlock action: any string. Whenever its value changes, the update calls UnlockUser (a no-op
   * for an account that is not locked). E.g. set it to a date to unlock on the next `up`.
   */
  readonly unlockTrigger?: pulumi.Input<string>;
}

/** Checked inputs of an account. */
export interface UserInputs {
  /** See {@link UserArgs.instanceId}. */
  instanceId: string;
  /** See {@link UserArgs.username}. */
  username: string;
  /** See {@link UserArgs.displayName}. */
  displayName?: string;
  /** See {@link UserArgs.email}. */
  email?: string;
  /** See {@link UserArgs.emailVerified}. */
  emailVerified?: boolean;
  /** See {@link UserArgs.phoneNumber}. */
  phoneNumber?: string;
  /** See {@link UserArgs.phoneRegion}. */
  phoneRegion?: string;
  /** See {@link UserArgs.phoneNumberVerified}. */
  phoneNumberVerified?: boolean;
  /** See {@link UserArgs.description}. */
  description?: string;
  /** See {@link UserArgs.userExternalId}. */
  userExternalId?: string;
  /** See {@link UserArgs.customFields}. */
  customFields?: UserCustomField[];
  /** See {@link UserArgs.primaryOrganizationalUnitId}. */
  primaryOrganizationalUnitId?: string;
  /** See {@link UserArgs.organizationalUnitIds}. */
  organizationalUnitIds?: string[];
  /** See {@link UserArgs.status}. */
  status?: string;
  /** See {@link UserArgs.password}. */
  password?: string;
  /** See {@link UserArgs.passwordInitializationConfig}. */
  passwordInitializationConfig?: UserPasswordInitializationConfig;
  /** See {@link UserArgs.unlockTrigger}. */
  unlockTrigger?: string;
}

/** Outputs of an account: live attributes from GetUser, plus the write-only inputs. */
export interface UserOutputs extends UserInputs {
  /** Account id (`user_…`). */
  userId: string;
  /** Epoch ms until which the account is locked, when it is. */
  lockExpireTime?: number;
  /** Whether a password is set. */
  passwordSet?: boolean;
  /** When the password expires, epoch ms. */
  passwordExpireTime?: number;
  /** Source type (`build_in`). */
  userSourceType?: string;
  /** Source id. */
  userSourceId?: string;
  /** Creation time, epoch ms. */
  createTime?: number;
  /** Last update time, epoch ms. */
  updateTime?: number;
}

/** Custom fields compare as a map from name to value. */
function sameCustomFields(declared: unknown, live: unknown): boolean {
  const norm = (v: unknown) =>
    JSON.stringify(
      (Array.isArray(v) ? (v as UserCustomField[]) : [])
        .map((f) => [f.fieldName, f.fieldValue ?? ''])
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return norm(declared) === norm(live);
}

/** What a change to each input means. */
export const USER_DIFF: DiffTable = {
  instanceId: 'replace',
  username: 'update',
  displayName: 'update',
  email: 'update',
  emailVerified: 'update',
  phoneNumber: 'update',
  phoneRegion: 'update',
  phoneNumberVerified: 'update',
  description: { action: 'update', kind: 'text' },
  userExternalId: 'replace',
  customFields: { action: 'update', equals: sameCustomFields },
  primaryOrganizationalUnitId: 'update',
  organizationalUnitIds: { action: 'update', kind: 'set' },
  status: 'update',
  password: 'update',
  passwordInitializationConfig: 'ignore',
  unlockTrigger: 'update',
};

/** Inputs the service reports (and `read` can refresh). */
const LIVE_INPUTS = [
  'instanceId',
  'username',
  'displayName',
  'email',
  'emailVerified',
  'phoneNumber',
  'phoneRegion',
  'phoneNumberVerified',
  'description',
  'userExternalId',
  'customFields',
  'primaryOrganizationalUnitId',
  'organizationalUnitIds',
  'status',
];
/** Write-only inputs carried from state into outputs. */
const CARRIED = ['password', 'passwordInitializationConfig', 'unlockTrigger'] as const;
/** Outputs stored as secrets. */
const SECRET_OUTPUTS = ['password'];
const OUTPUT_NAMES = [
  'userId',
  'lockExpireTime',
  'passwordSet',
  'passwordExpireTime',
  'userSourceType',
  'userSourceId',
  'createTime',
  'updateTime',
  ...LIVE_INPUTS,
  ...CARRIED,
];
const ID_PARTS = ['instanceId', 'userId'] as const;
const USERNAME = /^[A-Za-z0-9_.@-]+$/;

type LiveUser = NonNullable<GetUserResponse['User']>;

function toOutputs(user: LiveUser, instanceId: string, carried: Partial<UserInputs>): UserOutputs {
  const primary = user.PrimaryOrganizationalUnitId;
  const units = (user.OrganizationalUnits ?? []).map((u) => u.OrganizationalUnitId ?? '').filter((id) => id);
  return compact({
    instanceId,
    userId: user.UserId ?? '',
    username: user.Username ?? '',
    displayName: user.DisplayName,
    email: user.Email,
    emailVerified: user.Email ? user.EmailVerified : undefined,
    phoneNumber: user.PhoneNumber,
    phoneRegion: user.PhoneRegion,
    phoneNumberVerified: user.PhoneNumber ? user.PhoneNumberVerified : undefined,
    description: user.Description,
    userExternalId: user.UserExternalId,
    customFields: (user.CustomFields ?? []).map((f) => ({
      fieldName: f.FieldName ?? '',
      fieldValue: f.FieldValue ?? '',
    })),
    primaryOrganizationalUnitId: primary,
    organizationalUnitIds: units.filter((id) => id !== primary),
    status: user.Status,
    lockExpireTime: user.LockExpireTime,
    passwordSet: user.PasswordSet,
    passwordExpireTime: user.PasswordExpireTime,
    userSourceType: user.UserSourceType,
    userSourceId: user.UserSourceId,
    createTime: user.CreateTime,
    updateTime: user.UpdateTime,
    password: carried.password,
    passwordInitializationConfig: carried.passwordInitializationConfig,
    unlockTrigger: carried.unlockTrigger,
  });
}

function carriedOf(bag: Partial<UserInputs>): Partial<UserInputs> {
  return {
    password: bag.password,
    passwordInitializationConfig: bag.passwordInitializationConfig,
    unlockTrigger: bag.unlockTrigger,
  };
}

async function fetchUser(
  ctx: ProviderContext,
  instanceId: string,
  userId: string,
  carried: Partial<UserInputs>,
): Promise<UserOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetUser', { InstanceId: instanceId, UserId: userId }));
  return res?.User ? toOutputs(res.User, instanceId, carried) : undefined;
}

/** The account fields CreateUser takes, as a `User` or an entry of `Users` declares them. */
type CreatableUserFields = Omit<UserInputs, 'instanceId' | 'username'>;

/**
 * The CreateUser request of one account (shared by `User` and `Users`). The primary unit and the
 * further units are resolved by the caller; the verified flags go only with their value.
 */
export function createUserRequest(
  instanceId: string,
  username: string,
  fields: CreatableUserFields,
  resolved: { clientToken: string; primary: string; extraUnits: string[] | undefined },
): CreateUserRequest {
  const init = fields.passwordInitializationConfig;
  return {
    ClientToken: resolved.clientToken,
    InstanceId: instanceId,
    Username: username,
    DisplayName: fields.displayName,
    Email: fields.email,
    EmailVerified: fields.email ? fields.emailVerified : undefined,
    PhoneNumber: fields.phoneNumber,
    PhoneRegion: fields.phoneRegion,
    PhoneNumberVerified: fields.phoneNumber ? fields.phoneNumberVerified : undefined,
    Description: fields.description || undefined,
    UserExternalId: fields.userExternalId,
    CustomFields: fields.customFields?.map((f) => ({ FieldName: f.fieldName, FieldValue: f.fieldValue })),
    PrimaryOrganizationalUnitId: resolved.primary,
    OrganizationalUnitIds: resolved.extraUnits,
    Password: fields.password,
    PasswordInitializationConfig: init
      ? {
          PasswordInitializationPolicyPriority: init.passwordInitializationPolicyPriority,
          PasswordInitializationType: init.passwordInitializationType,
          PasswordForcedUpdateStatus: init.passwordForcedUpdateStatus,
          UserNotificationChannels: init.userNotificationChannels,
        }
      : undefined,
  };
}

/** Declared extra units without the primary one (which the service always counts). */
function extraUnits(
  declared: readonly string[] | undefined,
  primary: string | undefined,
): string[] | undefined {
  if (!declared || containsUnknown(declared)) return declared ? [...declared] : undefined;
  return [...new Set(declared.filter((id) => id !== primary))];
}

function checkPasswordInitialization(c: InputChecker, value: unknown): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  const prop = 'passwordInitializationConfig';
  if (typeof value !== 'object' || Array.isArray(value)) {
    c.fail(prop, `${prop} must be an object`);
    return;
  }
  const nested = new InputChecker(value as PropertyBag);
  nested
    .oneOf('passwordInitializationPolicyPriority', PASSWORD_INITIALIZATION_POLICY_PRIORITIES)
    .oneOf('passwordInitializationType', PASSWORD_INITIALIZATION_TYPES)
    .oneOf('passwordForcedUpdateStatus', TOGGLES)
    .stringList('userNotificationChannels', { allowed: ['email', 'sms'] });
  for (const f of nested.failures) c.fail(`${prop}.${f.property}`, `${prop}.${f.reason}`);
}

function checkCustomFields(c: InputChecker, value: unknown): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  const prop = 'customFields';
  if (!Array.isArray(value)) {
    c.fail(prop, `${prop} must be a list of { fieldName, fieldValue }`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((field, i) => {
    if (isUnknown(field)) return;
    if (field === null || typeof field !== 'object') {
      c.fail(`${prop}[${i}]`, `${prop}[${i}] must be an object with fieldName and fieldValue`);
      return;
    }
    const nested = new InputChecker(field as PropertyBag);
    nested.string('fieldName', { required: true, maxLength: 64 }).string('fieldValue', { maxLength: 1024 });
    for (const f of nested.failures) c.fail(`${prop}[${i}].${f.property}`, `${prop}[${i}].${f.reason}`);
    const name = (field as PropertyBag).fieldName;
    if (typeof name === 'string' && !isUnknown(name)) {
      if (seen.has(name))
        c.fail(`${prop}[${i}].fieldName`, `${prop}[${i}].fieldName "${name}" is listed twice`);
      seen.add(name);
    }
  });
}

/** The account provider's implementation (called through {@link userProvider}). */
export const userImplementation = defineProvider<UserInputs, UserOutputs>({
  kind: 'User',
  shape: { table: USER_DIFF, writeOnly: ['password', 'passwordInitializationConfig', 'unlockTrigger'] },
  recordedOutput: 'userId',
  idParts: ID_PARTS,
  fields: fieldTree(Object.keys(USER_DIFF), {
    customFields: { fieldName: true, fieldValue: true },
    passwordInitializationConfig: {
      passwordInitializationPolicyPriority: true,
      passwordInitializationType: true,
      passwordForcedUpdateStatus: true,
      userNotificationChannels: true,
    },
  }),

  check(_olds, news) {
    // A failure on the password never names it to the engine, which would print its value.
    const c = new InputChecker(news, { secrets: ['password'] });
    checkInstanceId(c);
    c.string('username', {
      required: true,
      maxLength: 256,
      pattern: USERNAME,
      patternDescription: 'letters, digits, underscores, periods, at signs and hyphens only',
    })
      .string('displayName', { minLength: 1, maxLength: 256 })
      .email('email', { minLength: 1 })
      .boolean('emailVerified')
      .phoneNumber('phoneNumber')
      .phoneRegion('phoneRegion')
      .boolean('phoneNumberVerified')
      .string('description', { maxLength: 256 })
      .string('userExternalId', { minLength: 1, maxLength: 128 })
      .idList('organizationalUnitIds', 'organizationalUnit', { maxItems: 100 })
      .oneOf('status', TOGGLES)
      .string('password', { minLength: 1, maxLength: 64 })
      .string('unlockTrigger')
      .requires('email', 'emailVerified')
      .requires('phoneNumber', 'phoneNumberVerified')
      .requires('phoneNumber', 'phoneRegion');
    checkObjectId(c, 'primaryOrganizationalUnitId', 'organizationalUnit', false);
    checkCustomFields(c, news.customFields);
    checkPasswordInitialization(c, news.passwordInitializationConfig);
    const inputs = { ...news } as unknown as UserInputs;
    if (
      c.known('organizationalUnitIds') &&
      Array.isArray(inputs.organizationalUnitIds) &&
      !isUnknown(inputs.primaryOrganizationalUnitId)
    ) {
      inputs.organizationalUnitIds = extraUnits(
        inputs.organizationalUnitIds,
        inputs.primaryOrganizationalUnitId,
      );
    }
    return c.result(inputs);
  },

  diff(_id, olds, news) {
    // With the primary unit defaulted, the listed units are compared without the live primary.
    const declared = {
      ...news,
      organizationalUnitIds: extraUnits(
        news.organizationalUnitIds,
        news.primaryOrganizationalUnitId ?? olds.primaryOrganizationalUnitId,
      ),
    };
    return diffByTable(USER_DIFF, { ...olds }, { ...declared }, { deleteBeforeReplace: true });
  },

  async create(ctx, inputs) {
    const primary =
      inputs.primaryOrganizationalUnitId ?? (await rootOrganizationalUnitId(ctx, inputs.instanceId));
    // One token for every attempt of this create: the service applies it once.
    const token = newClientToken('user');
    const { id: userId } = await createOrAdopt({
      what: `User '${inputs.username}' in instance ${inputs.instanceId}`,
      intentKey: intentKeyOf(ctx.settings, `User '${inputs.username}' in instance ${inputs.instanceId}`),
      uniqueKey: true,
      create: async () => (await createUser(token)).UserId ?? '',
      find: async () =>
        (
          await ctx.client.listAll('ListUsers', {
            InstanceId: inputs.instanceId,
            UsernameStartsWith: inputs.username,
          })
        )
          .filter((u) => u.Username === inputs.username)
          .map((u) => u.UserId ?? ''),
    });
    async function createUser(token: string) {
      return ctx.client.call(
        'CreateUser',
        createUserRequest(inputs.instanceId, inputs.username, inputs, {
          clientToken: token,
          primary,
          extraUnits: extraUnits(inputs.organizationalUnitIds, primary),
        }),
      );
    }
    const id = joinId(inputs.instanceId, userId);
    const key = { InstanceId: inputs.instanceId, UserId: userId };
    // The account exists from here on: a failing step records it instead of orphaning it.
    const known: PropertyBag = { ...inputs, userId, primaryOrganizationalUnitId: primary, status: 'enabled' };
    if (inputs.status === 'disabled') {
      await followUp('User', id, known, 'disabling it', () => ctx.client.call('DisableUser', key));
      known.status = 'disabled';
    }
    const outs = await followUp('User', id, known, 'reading it back', () =>
      fetchUser(ctx, inputs.instanceId, userId, carriedOf(inputs)),
    );
    return { id, outs: outs ?? (known as unknown as UserOutputs) };
  },

  async read(ctx, id, props) {
    const { instanceId, userId } = parseId('User', id, ID_PARTS);
    assertDeclaredMatches('User', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchUser(ctx, instanceId, userId, carriedOf(props));
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, userId } = parseId('User', id, ID_PARTS);
    const key = { InstanceId: instanceId, UserId: userId };
    const changes = changedFields(USER_DIFF, { ...olds }, { ...news });
    const changed = (p: keyof UserInputs) => hasChange(changes, p);

    const profile: UpdateUserRequest = { ...key };
    let profileChanged = false;
    const setIf = <K extends keyof UpdateUserRequest>(
      p: keyof UserInputs,
      apiName: K,
      value: UpdateUserRequest[K],
    ) => {
      if (changed(p)) {
        profile[apiName] = value;
        profileChanged = true;
      }
    };
    setIf('username', 'Username', news.username);
    setIf('displayName', 'DisplayName', news.displayName);
    setIf('email', 'Email', news.email);
    setIf('phoneNumber', 'PhoneNumber', news.phoneNumber);
    setIf('phoneRegion', 'PhoneRegion', news.phoneRegion);
    // The service wants the verified flag with every email / phone number it is given.
    if (changed('email') || changed('emailVerified')) {
      profile.EmailVerified = news.emailVerified ?? olds.emailVerified;
      profileChanged = true;
    }
    if (changed('phoneNumber') || changed('phoneNumberVerified')) {
      profile.PhoneNumberVerified = news.phoneNumberVerified ?? olds.phoneNumberVerified;
      profileChanged = true;
    }
    if (changed('customFields')) {
      const declared = new Map((news.customFields ?? []).map((f) => [f.fieldName, f.fieldValue ?? '']));
      const ops: NonNullable<UpdateUserRequest['CustomFields']> = [];
      for (const [name, value] of declared)
        ops.push({ FieldName: name, FieldValue: value, Operation: 'replace' });
      for (const f of olds.customFields ?? []) {
        if (!declared.has(f.fieldName)) ops.push({ FieldName: f.fieldName, Operation: 'remove' });
      }
      setIf('customFields', 'CustomFields', ops);
    }
    if (profileChanged) await ctx.client.call('UpdateUser', profile);

    if (changed('description')) {
      await ctx.client.call('UpdateUserDescription', { ...key, Description: news.description });
    }
    if (changed('primaryOrganizationalUnitId') && news.primaryOrganizationalUnitId) {
      await ctx.client.call('SetUserPrimaryOrganizationalUnit', {
        ...key,
        OrganizationalUnitId: news.primaryOrganizationalUnitId,
      });
    }
    if (
      news.organizationalUnitIds &&
      (changed('organizationalUnitIds') || changed('primaryOrganizationalUnitId'))
    ) {
      // Compare with the account as it is now (a primary change leaves the old primary unit).
      const now = await fetchUser(ctx, instanceId, userId, {});
      if (!now) throw new Error(`User ${id} disappeared during the update`);
      const primary = now.primaryOrganizationalUnitId;
      const want = new Set(extraUnits(news.organizationalUnitIds, primary));
      const have = new Set(now.organizationalUnitIds ?? []);
      const add = [...want].filter((ou) => !have.has(ou));
      const remove = [...have].filter((ou) => !want.has(ou) && ou !== primary);
      if (add.length)
        await ctx.client.call('AddUserToOrganizationalUnits', { ...key, OrganizationalUnitIds: add });
      if (remove.length) {
        await ctx.client.call('RemoveUserFromOrganizationalUnits', { ...key, OrganizationalUnitIds: remove });
      }
    }
    if (changed('status')) {
      await ctx.client.call(news.status === 'disabled' ? 'DisableUser' : 'EnableUser', key);
    }
    if (changed('password') && news.password) {
      await ctx.client.call('UpdateUserPassword', { ...key, Password: news.password });
    }
    if (changed('unlockTrigger')) {
      await ctx.client.call('UnlockUser', key);
    }
    const outs = await fetchUser(ctx, instanceId, userId, carriedOf(news));
    if (!outs) throw new Error(`User ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, userId } = parseId('User', id, ID_PARTS);
    await unlessNotFound(ctx.client.call('DeleteUser', { InstanceId: instanceId, UserId: userId }));
  },
});

/** The serializable provider of {@link User}. */
export const userProvider: pulumi.dynamic.ResourceProvider = userProviderModule;

/**
 * An account of an EIAM instance.
 *
 * ```ts
 * const alice = new eiam.User('alice', {
 *   instanceId: instance.instanceId,
 *   username: 'alice',
 *   email: 'alice@example.com',
 *   emailVerified: true,
 *   primaryOrganizationalUnitId: eng.organizationalUnitId,
 *   password: config.requireSecret('alicePassword'),
 * });
 * ```
 *
 * `password` is a secret in state and in every plan, even when passed as a plain string (the
 * constructor wraps it in `pulumi.secret`). Import: the resource option
 * `{ import: 'idaas_xxx/user_xxx' }`.
 */
export class User extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = SECRET_OUTPUTS;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Account id (`user_…`). */
  declare readonly userId: pulumi.Output<string>;
  /** Logon name. */
  declare readonly username: pulumi.Output<string>;
  /** Display name. */
  declare readonly displayName: pulumi.Output<string | undefined>;
  /** Email address. */
  declare readonly email: pulumi.Output<string | undefined>;
  /** Whether the email is verified. */
  declare readonly emailVerified: pulumi.Output<boolean | undefined>;
  /** Phone number. */
  declare readonly phoneNumber: pulumi.Output<string | undefined>;
  /** Phone region. */
  declare readonly phoneRegion: pulumi.Output<string | undefined>;
  /** Whether the phone number is verified. */
  declare readonly phoneNumberVerified: pulumi.Output<boolean | undefined>;
  /** Description. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** External id. */
  declare readonly userExternalId: pulumi.Output<string>;
  /** Custom field values. */
  declare readonly customFields: pulumi.Output<UserCustomField[]>;
  /** Primary organizational unit. */
  declare readonly primaryOrganizationalUnitId: pulumi.Output<string>;
  /** Further organizational units (without the primary one). */
  declare readonly organizationalUnitIds: pulumi.Output<string[]>;
  /** `enabled` or `disabled`. */
  declare readonly status: pulumi.Output<string>;
  /** The password last set through Pulumi (secret). */
  declare readonly password: pulumi.Output<string | undefined>;
  /** Password initialization settings used at creation. */
  declare readonly passwordInitializationConfig: pulumi.Output<UserPasswordInitializationConfig | undefined>;
  /** The unlock trigger last applied. */
  declare readonly unlockTrigger: pulumi.Output<string | undefined>;
  /** Lock expiry, epoch ms, when locked. */
  declare readonly lockExpireTime: pulumi.Output<number | undefined>;
  /** Whether a password is set. */
  declare readonly passwordSet: pulumi.Output<boolean>;
  /** Password expiry, epoch ms. */
  declare readonly passwordExpireTime: pulumi.Output<number | undefined>;
  /** Source type. */
  declare readonly userSourceType: pulumi.Output<string>;
  /** Source id. */
  declare readonly userSourceId: pulumi.Output<string>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number>;

  /** Declares an account. */
  constructor(name: string, args: UserArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userProvider,
      name,
      declareOutputs(withSecretInputs(args, [['password']]), OUTPUT_NAMES),
      withSecretOutputs(opts, User.secretOutputs),
      TYPE_MODULE,
      'User',
    );
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.userId = idPart(this.id, 1);
  }
}

/** The type token of {@link User}. */
export const USER_TYPE = typeToken('User');
