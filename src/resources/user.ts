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
import type { CreateUserRequest, UpdateUserRequest } from '../catalog';
import { rootOrganizationalUnitId } from './organizational-unit';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  createOrAdopt,
  intentKeyOf,
  containsUnknown,
  defineProvider,
  field,
  fieldTable,
  followUp,
  hasChange,
  idPart,
  InputChecker,
  isUnknown,
  joinId,
  newClientToken,
  parseId,
  typed,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
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

type WireItem = Readonly<Record<string, unknown>>;
/** A verified flag is reported only with its value (`Email`, `PhoneNumber`). */
const verifiedWith = (member: string) => (raw: unknown, item: WireItem) =>
  item[member] ? (raw as boolean | undefined) : undefined;

const USERNAME = /^[A-Za-z0-9_.@-]+$/;

/**
 * Every field of an account, once. Wire names are the field names capitalized; GetUser and
 * the rows of ListUsers report the same members (ListUsers lacks the units and custom fields).
 */
export const USER_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    username: field.string({
      required: true,
      maxLength: 256,
      pattern: USERNAME,
      patternDescription: 'letters, digits, underscores, periods, at signs and hyphens only',
    }),
    displayName: field.string({ minLength: 1, maxLength: 256 }),
    email: field.string({ format: 'email', minLength: 1 }),
    emailVerified: field.boolean({ fromWire: verifiedWith('Email') }),
    phoneNumber: field.string({ format: 'phoneNumber' }),
    phoneRegion: field.string({ format: 'phoneRegion' }),
    phoneNumberVerified: field.boolean({ fromWire: verifiedWith('PhoneNumber') }),
    description: field.string({ kind: 'text', maxLength: 256 }),
    userExternalId: field.string({ minLength: 1, maxLength: 128, action: 'replace' }),
    customFields: field.list(typed<UserCustomField>(), {
      equals: sameCustomFields,
      fields: { fieldName: true, fieldValue: true },
      check: false,
      fromWire: (raw) =>
        ((raw ?? []) as { FieldName?: string; FieldValue?: string }[]).map((f) => ({
          fieldName: f.FieldName ?? '',
          fieldValue: f.FieldValue ?? '',
        })),
    }),
    primaryOrganizationalUnitId: field.id('organizationalUnit'),
    /** Reported as `OrganizationalUnits`, the primary one among them (left out here). */
    organizationalUnitIds: field.idSet('organizationalUnit', {
      maxItems: 100,
      read: 'OrganizationalUnits',
      fromWire: (raw, item) =>
        ((raw ?? []) as { OrganizationalUnitId?: string }[])
          .map((u) => u.OrganizationalUnitId ?? '')
          .filter((id) => id && id !== item.PrimaryOrganizationalUnitId),
    }),
    status: field.enum(TOGGLES),
    password: field.string({ secret: true, writeOnly: true, minLength: 1, maxLength: 64 }),
    passwordInitializationConfig: field.object(typed<UserPasswordInitializationConfig>(), {
      action: 'ignore',
      writeOnly: true,
      check: false,
      fields: {
        passwordInitializationPolicyPriority: true,
        passwordInitializationType: true,
        passwordForcedUpdateStatus: true,
        userNotificationChannels: true,
      },
    }),
    /** Provider-only: a change calls UnlockUser. */
    unlockTrigger: field.string({ writeOnly: true, wire: false }),
  },
  outputs: {
    /** Account id (`user_…`). */
    userId: field.string({ required: true }),
    /** Epoch ms until which the account is locked, when it is. */
    lockExpireTime: field.integer(),
    /** Whether a password is set. */
    passwordSet: field.boolean(),
    /** When the password expires, epoch ms. */
    passwordExpireTime: field.integer(),
    /** Source type (`build_in`). */
    userSourceType: field.string(),
    /** Source id. */
    userSourceId: field.string(),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
  deleteBeforeReplace: true,
});
argsMatchTable<UserArgs, typeof USER_FIELDS>();

/** Checked inputs of an account. */
export type UserInputs = InputsOf<typeof USER_FIELDS>;
/** Outputs of an account: live attributes from GetUser, plus the write-only inputs. */
export type UserOutputs = OutputsOf<typeof USER_FIELDS>;

/** What a change to each input means. */
export const USER_DIFF = USER_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'userId'] as const;

/**
 * The outputs of an account from a GetUser `User` or a ListUsers row (the one read mapping of
 * `User` and `Users`). `known` supplies the id parts, the write-only inputs and, with `skip`,
 * the fields the item does not report.
 */
export function userOutputs(
  item: object,
  known: Partial<UserOutputs>,
  skip: readonly (keyof UserOutputs)[] = [],
): UserOutputs {
  return USER_FIELDS.read(item, known, { skip });
}

async function fetchUser(
  ctx: ProviderContext,
  instanceId: string,
  userId: string,
  carried: Partial<UserInputs>,
): Promise<UserOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetUser', { InstanceId: instanceId, UserId: userId }));
  return res?.User ? userOutputs(res.User, { instanceId, ...USER_FIELDS.carried(carried) }) : undefined;
}

/** The account fields CreateUser takes, as a `User` or an entry of `Users` declares them. */
type CreatableUserFields = Omit<UserInputs, 'instanceId' | 'username'>;

/** The inputs CreateUser takes as they are; the units and verified flags are set apart. */
const CREATE_FIELDS = [
  'instanceId',
  'username',
  'displayName',
  'email',
  'phoneNumber',
  'phoneRegion',
  'description',
  'userExternalId',
  'customFields',
  'password',
  'passwordInitializationConfig',
] as const;

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
  return {
    ...USER_FIELDS.request({ ...fields, instanceId, username }, { only: CREATE_FIELDS, create: true }),
    ClientToken: resolved.clientToken,
    EmailVerified: fields.email ? fields.emailVerified : undefined,
    PhoneNumberVerified: fields.phoneNumber ? fields.phoneNumberVerified : undefined,
    PrimaryOrganizationalUnitId: resolved.primary,
    OrganizationalUnitIds: resolved.extraUnits,
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
export const userImplementation = defineProvider({
  kind: 'User',
  table: USER_FIELDS,
  recordedOutput: 'userId',
  idParts: ID_PARTS,

  check(_olds, news) {
    // The table's rules; a failure on the password never names it to the engine.
    const c = USER_FIELDS.checker(news)
      .requires('email', 'emailVerified')
      .requires('phoneNumber', 'phoneNumberVerified')
      .requires('phoneNumber', 'phoneRegion');
    checkCustomFields(c, news.customFields);
    checkPasswordInitialization(c, news.passwordInitializationConfig);
    const inputs = { ...news } as UserInputs;
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
    return USER_FIELDS.diff(olds, declared);
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
      fetchUser(ctx, inputs.instanceId, userId, inputs),
    );
    return { id, outs: outs ?? (known as UserOutputs) };
  },

  async read(ctx, id, props) {
    const { instanceId, userId } = parseId('User', id, ID_PARTS);
    assertDeclaredMatches('User', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchUser(ctx, instanceId, userId, props);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, userId } = parseId('User', id, ID_PARTS);
    const key = { InstanceId: instanceId, UserId: userId };
    const changes = USER_FIELDS.changes(olds, news);
    const changed = (p: keyof UserInputs) => hasChange(changes, p);

    const renamed = USER_FIELDS.request(news, {
      only: ['username', 'displayName', 'email', 'phoneNumber', 'phoneRegion'],
      changes,
    });
    const profile: UpdateUserRequest = { ...key, ...renamed };
    let profileChanged = renamed !== undefined;
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
      profile.CustomFields = ops;
      profileChanged = true;
    }
    if (profileChanged) await ctx.client.call('UpdateUser', profile);

    const described = USER_FIELDS.request(news, { only: ['description'], changes });
    if (described) await ctx.client.call('UpdateUserDescription', { ...key, ...described });
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
    const outs = await fetchUser(ctx, instanceId, userId, news);
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
  static readonly secretOutputs: readonly string[] = USER_FIELDS.secretOutputs;

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
    super(userProvider, 'User', USER_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.userId = idPart(this.id, 1);
  }
}

classMatchesTable<User, typeof USER_FIELDS>();

/** The type token of {@link User}. */
export const USER_TYPE = typeToken('User');
