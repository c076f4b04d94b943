/**
 * `UserAuthnSourceMapping`: the binding of an EIAM user to their account at an identity provider
 * (BindUserAuthnSourceMapping / ListUserAuthnSourceMappings / UnbindUserAuthnSourceMapping). A
 * user has at most one binding per provider; every change replaces the binding.
 *
 * Id: `<instanceId>/<identityProviderId>/<userId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as userAuthnSourceMappingProviderModule from './providers/user-authn-source-mapping';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  defineProvider,
  field,
  fieldTable,
  followUp,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Arguments of a {@link UserAuthnSourceMapping}. */
export interface UserAuthnSourceMappingArgs {
  /** Instance of the user and the provider. Changing it replaces the binding. */
  readonly instanceId: pulumi.Input<string>;
  /** The identity provider (`idp_…`). Changing it replaces the binding. */
  readonly identityProviderId: pulumi.Input<string>;
  /** The EIAM user (`user_…`). Changing it replaces the binding. */
  readonly userId: pulumi.Input<string>;
  /** The user's id at the provider, at most 256 characters. Changing it replaces the binding. */
  readonly userExternalId: pulumi.Input<string>;
}

/** Every field of a binding, once. */
export const USER_AUTHN_SOURCE_MAPPING_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    identityProviderId: field.id('identityProvider', { required: true, action: 'replace' }),
    userId: field.id('user', { required: true, action: 'replace' }),
    userExternalId: field.string({ required: true, maxLength: 256, action: 'replace' }),
  },
  outputs: {
    /** The logon protocol or product of the provider. */
    authnSourceType: field.string(),
    /** When the binding was made, epoch ms. */
    createTime: field.integer(),
    /** Last update time, epoch ms. */
    updateTime: field.integer(),
  },
});
argsMatchTable<UserAuthnSourceMappingArgs, typeof USER_AUTHN_SOURCE_MAPPING_FIELDS>();

/** Checked inputs of a binding. */
export type UserAuthnSourceMappingInputs = InputsOf<typeof USER_AUTHN_SOURCE_MAPPING_FIELDS>;
/** Outputs of a binding. */
export type UserAuthnSourceMappingOutputs = OutputsOf<typeof USER_AUTHN_SOURCE_MAPPING_FIELDS>;
/** What a change to each input means (every change replaces). */
export const USER_AUTHN_SOURCE_MAPPING_DIFF = USER_AUTHN_SOURCE_MAPPING_FIELDS.diffTable;

const F = USER_AUTHN_SOURCE_MAPPING_FIELDS;
const ID_PARTS = ['instanceId', 'identityProviderId', 'userId'] as const;

async function fetchMapping(
  ctx: ProviderContext,
  instanceId: string,
  identityProviderId: string,
  userId: string,
): Promise<UserAuthnSourceMappingOutputs | undefined> {
  const items = await unlessNotFound(
    ctx.client.listAll('ListUserAuthnSourceMappings', {
      InstanceId: instanceId,
      UserId: userId,
      IdentityProviderId: identityProviderId,
    }),
  );
  const item = items?.find((m) => m.IdentityProviderId === identityProviderId);
  return item ? F.read(item, { instanceId }) : undefined;
}

/** The binding provider's implementation (called through {@link userAuthnSourceMappingProvider}). */
export const userAuthnSourceMappingImplementation = defineProvider({
  kind: 'UserAuthnSourceMapping',
  table: USER_AUTHN_SOURCE_MAPPING_FIELDS,
  recordedOutput: 'createTime',
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    // Binding the same pair again is a no-op, so a retry needs no adoption.
    await ctx.client.call('BindUserAuthnSourceMapping', F.request(inputs));
    const id = joinId(inputs.instanceId, inputs.identityProviderId, inputs.userId);
    const outs = await followUp('UserAuthnSourceMapping', id, inputs, 'reading it back', () =>
      fetchMapping(ctx, inputs.instanceId, inputs.identityProviderId, inputs.userId),
    );
    return { id, outs: outs ?? inputs };
  },

  async read(ctx, id, props) {
    const { instanceId, identityProviderId, userId } = parseId('UserAuthnSourceMapping', id, ID_PARTS);
    assertDeclaredMatches('UserAuthnSourceMapping', id, 'instanceId', props.instanceId, instanceId);
    const live = await fetchMapping(ctx, instanceId, identityProviderId, userId);
    return live ? { id, props: live } : {};
  },

  async update() {
    throw new Error('UserAuthnSourceMapping has no in-place update: every change replaces it');
  },

  async delete(ctx, id, props) {
    const { instanceId, identityProviderId, userId } = parseId('UserAuthnSourceMapping', id, ID_PARTS);
    const live = await fetchMapping(ctx, instanceId, identityProviderId, userId);
    const userExternalId = live?.userExternalId ?? props.userExternalId;
    if (!userExternalId) return;
    await unlessNotFound(
      ctx.client.call('UnbindUserAuthnSourceMapping', {
        InstanceId: instanceId,
        IdentityProviderId: identityProviderId,
        UserId: userId,
        UserExternalId: userExternalId,
      }),
    );
  },
});

/** The serializable provider of {@link UserAuthnSourceMapping}. */
export const userAuthnSourceMappingProvider: pulumi.dynamic.ResourceProvider =
  userAuthnSourceMappingProviderModule;

/**
 * The binding of a user to their account at an identity provider: logging on through the
 * provider with that account signs in as the user.
 *
 * ```ts
 * new eiam.UserAuthnSourceMapping('alice-at-partner', {
 *   instanceId: instance.instanceId,
 *   identityProviderId: partner.identityProviderId,
 *   userId: alice.userId,
 *   userExternalId: 'alice@partner.example',
 * });
 * ```
 *
 * Import: `{ import: 'idaas_xxx/idp_xxx/user_xxx' }`.
 */
export class UserAuthnSourceMapping extends EiamResource {
  /** Outputs marked secret in state (none). */
  static readonly secretOutputs: readonly string[] = F.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Identity provider id. */
  declare readonly identityProviderId: pulumi.Output<string>;
  /** User id. */
  declare readonly userId: pulumi.Output<string>;
  /** The user's id at the provider. */
  declare readonly userExternalId: pulumi.Output<string>;
  /** The logon protocol or product of the provider. */
  declare readonly authnSourceType: pulumi.Output<string | undefined>;
  /** When the binding was made, epoch ms. */
  declare readonly createTime: pulumi.Output<number | undefined>;
  /** Last update time, epoch ms. */
  declare readonly updateTime: pulumi.Output<number | undefined>;

  /** Declares a binding. */
  constructor(name: string, args: UserAuthnSourceMappingArgs, opts?: pulumi.CustomResourceOptions) {
    super(userAuthnSourceMappingProvider, 'UserAuthnSourceMapping', F, name, args, opts);
  }
}

classMatchesTable<UserAuthnSourceMapping, typeof USER_AUTHN_SOURCE_MAPPING_FIELDS>();

/** The type token of {@link UserAuthnSourceMapping}. */
export const USER_AUTHN_SOURCE_MAPPING_TYPE = typeToken('UserAuthnSourceMapping');
