/**
 * `InternalAuthenticationSource`: one of an instance's own logon methods (`ia_password`, …)
 * switched on or off (EnableInternalAuthenticationSource / DisableInternalAuthenticationSource).
 *
 * No operation reports the switch, so `read` keeps the recorded state: a change made outside
 * the program is not seen by a refresh, and the next `pulumi up` of a changed `enabled` sets it
 * again. Deleting the resource turns the source back on (the state of a new instance).
 *
 * Id: `<instanceId>/<authenticationSourceId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as internalAuthenticationSourceProviderModule from './providers/internal-authentication-source';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  defineProvider,
  field,
  fieldTable,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Arguments of an {@link InternalAuthenticationSource}. */
export interface InternalAuthenticationSourceArgs {
  /** The instance. Changing it replaces the resource. */
  readonly instanceId: pulumi.Input<string>;
  /** The source (`ia_password`, `ia_otp_sms`, …). Changing it replaces the resource. */
  readonly authenticationSourceId: pulumi.Input<string>;
  /** Whether users may log on with it. Changed in place. */
  readonly enabled: pulumi.Input<boolean>;
}

/** Every field of the switch, once (none is reported by the service). */
export const INTERNAL_AUTHENTICATION_SOURCE_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    authenticationSourceId: field.string({
      required: true,
      action: 'replace',
      pattern: /^ia_[a-z0-9_]+$/,
      patternDescription: 'an internal authentication source id (ia_…)',
    }),
    enabled: field.boolean({ required: true, wire: false, writeOnly: true }),
  },
});
argsMatchTable<InternalAuthenticationSourceArgs, typeof INTERNAL_AUTHENTICATION_SOURCE_FIELDS>();

/** Checked inputs of the switch. */
export type InternalAuthenticationSourceInputs = InputsOf<typeof INTERNAL_AUTHENTICATION_SOURCE_FIELDS>;
/** Outputs of the switch (its inputs). */
export type InternalAuthenticationSourceOutputs = OutputsOf<typeof INTERNAL_AUTHENTICATION_SOURCE_FIELDS>;
/** What a change to each input means. */
export const INTERNAL_AUTHENTICATION_SOURCE_DIFF = INTERNAL_AUTHENTICATION_SOURCE_FIELDS.diffTable;

const F = INTERNAL_AUTHENTICATION_SOURCE_FIELDS;
const ID_PARTS = ['instanceId', 'authenticationSourceId'] as const;

async function apply(
  ctx: ProviderContext,
  instanceId: string,
  authenticationSourceId: string,
  enabled: boolean,
) {
  const request = { InstanceId: instanceId, AuthenticationSourceId: authenticationSourceId };
  await ctx.client.call(
    enabled ? 'EnableInternalAuthenticationSource' : 'DisableInternalAuthenticationSource',
    request,
  );
}

/** The switch's implementation (called through {@link internalAuthenticationSourceProvider}). */
export const internalAuthenticationSourceImplementation = defineProvider({
  kind: 'InternalAuthenticationSource',
  table: INTERNAL_AUTHENTICATION_SOURCE_FIELDS,
  idParts: ID_PARTS,

  async create(ctx, inputs) {
    await apply(ctx, inputs.instanceId, inputs.authenticationSourceId, inputs.enabled);
    return { id: joinId(inputs.instanceId, inputs.authenticationSourceId), outs: inputs };
  },

  async read(ctx, id, props) {
    const { instanceId, authenticationSourceId } = parseId('InternalAuthenticationSource', id, ID_PARTS);
    assertDeclaredMatches('InternalAuthenticationSource', id, 'instanceId', props.instanceId, instanceId);
    // The instance must still exist; the switch itself is not reported (see the module comment).
    const instance = await unlessNotFound(ctx.client.call('GetInstance', { InstanceId: instanceId }));
    if (!instance) return {};
    return { id, props: F.read({}, { instanceId, authenticationSourceId, ...F.carried(props) }) };
  },

  async update(ctx, id, _olds, news) {
    const { instanceId, authenticationSourceId } = parseId('InternalAuthenticationSource', id, ID_PARTS);
    await apply(ctx, instanceId, authenticationSourceId, news.enabled);
    return { outs: news };
  },

  async delete(ctx, id) {
    const { instanceId, authenticationSourceId } = parseId('InternalAuthenticationSource', id, ID_PARTS);
    await unlessNotFound(apply(ctx, instanceId, authenticationSourceId, true));
  },
});

/** The serializable provider of {@link InternalAuthenticationSource}. */
export const internalAuthenticationSourceProvider: pulumi.dynamic.ResourceProvider =
  internalAuthenticationSourceProviderModule;

/**
 * An internal logon method of an instance, switched on or off.
 *
 * ```ts
 * new eiam.InternalAuthenticationSource('no-sms-otp', {
 *   instanceId: instance.instanceId,
 *   authenticationSourceId: 'ia_otp_sms',
 *   enabled: false,
 * });
 * ```
 *
 * Import: `{ import: 'idaas_xxx/ia_otp_sms' }` (declare `enabled` as it is).
 */
export class InternalAuthenticationSource extends EiamResource {
  /** Outputs marked secret in state (none). */
  static readonly secretOutputs: readonly string[] = F.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The source. */
  declare readonly authenticationSourceId: pulumi.Output<string>;
  /** Whether users may log on with it (as last set by the program). */
  declare readonly enabled: pulumi.Output<boolean>;

  /** Declares the switch. */
  constructor(name: string, args: InternalAuthenticationSourceArgs, opts?: pulumi.CustomResourceOptions) {
    super(internalAuthenticationSourceProvider, 'InternalAuthenticationSource', F, name, args, opts);
  }
}

classMatchesTable<InternalAuthenticationSource, typeof INTERNAL_AUTHENTICATION_SOURCE_FIELDS>();

/** The type token of {@link InternalAuthenticationSource}. */
export const INTERNAL_AUTHENTICATION_SOURCE_TYPE = typeToken('InternalAuthenticationSource');
