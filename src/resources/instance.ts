/**
 * `Instance`: an EIAM (IDaaS) instance (CreateInstance / GetInstance / UpdateInstanceDescription
 * / DeleteInstance).
 *
 * Creation is asynchronous: the service reports `creating` first and accepts directory calls
 * only once the instance is `running`. `create` polls GetInstance with bounded exponential
 * backoff until then. If the deadline passes, the instance is recorded in state through a
 * partial-failure error (so it is never orphaned) and the next `pulumi up` waits again.
 *
 * Id: the instance id, `idaas_…`.
 */
import * as pulumi from '@pulumi/pulumi';
import * as instanceProviderModule from './providers/instance';
import {
  EiamResource,
  argsMatchTable,
  classMatchesTable,
  createOrAdopt,
  intentKeyOf,
  defineProvider,
  field,
  fieldTable,
  followUp,
  pollUntil,
  ResourceInitError,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

/** Default of {@link InstanceArgs.creationTimeoutSeconds}. */
export const DEFAULT_INSTANCE_CREATION_TIMEOUT_SECONDS = 600;

/** Arguments of an {@link Instance}. */
export interface InstanceArgs {
  /** Description, at most 128 characters. Unset: not managed; `''` clears it. */
  readonly description?: pulumi.Input<string>;
  /**
   * How long `create` (and an update of an instance that is not running yet) waits for the
   * instance to report `running`, in seconds (default 600). A provider setting: changing it
   * never changes the instance.
   */
  readonly creationTimeoutSeconds?: pulumi.Input<number>;
}

/** Every field of an instance, once. */
export const INSTANCE_FIELDS = fieldTable({
  inputs: {
    description: field.string({ kind: 'text', maxLength: 128 }),
    /** Provider-only: never sent, never reported. */
    creationTimeoutSeconds: field.number({
      min: 0.001,
      max: 86_400,
      action: 'ignore',
      writeOnly: true,
      wire: false,
    }),
  },
  outputs: {
    /** Instance id (`idaas_…`), also the resource id. */
    instanceId: field.string({ required: true }),
    /** `creating`, `running`, … as GetInstance reports it. */
    status: field.string({ required: true }),
    /** Host name of the instance's default endpoint. */
    defaultEndpoint: field.string({ read: 'DefaultEndpoint.Endpoint' }),
    /** Status of the default endpoint (`resolved` once running). */
    defaultEndpointStatus: field.string({ read: 'DefaultEndpoint.Status' }),
    /** Creation time, epoch ms. */
    createTime: field.integer(),
  },
});
argsMatchTable<InstanceArgs, typeof INSTANCE_FIELDS>();

/** Checked inputs of an instance. */
export type InstanceInputs = InputsOf<typeof INSTANCE_FIELDS>;
/** Outputs of an instance. */
export type InstanceOutputs = OutputsOf<typeof INSTANCE_FIELDS>;

/** What a change to each input means. */
export const INSTANCE_DIFF = INSTANCE_FIELDS.diffTable;

/** Status in which an instance accepts directory calls. */
export const INSTANCE_RUNNING = 'running';

async function fetchInstance(
  ctx: ProviderContext,
  instanceId: string,
  carried: InstanceInputs,
): Promise<InstanceOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetInstance', { InstanceId: instanceId }));
  return res?.Instance ? INSTANCE_FIELDS.read(res.Instance, INSTANCE_FIELDS.carried(carried)) : undefined;
}

/**
 * Polls until the instance runs. On timeout, throws a `ResourceInitError` naming the instance
 * so the engine records it; errors of GetInstance itself become one too.
 */
async function waitUntilRunning(
  ctx: ProviderContext,
  instanceId: string,
  inputs: InstanceInputs,
): Promise<InstanceOutputs> {
  const timeoutSeconds = inputs.creationTimeoutSeconds ?? DEFAULT_INSTANCE_CREATION_TIMEOUT_SECONDS;
  const known: InstanceOutputs = { ...inputs, instanceId, status: 'creating' };
  const outcome = await followUp('Instance', instanceId, { ...known }, 'waiting for it to run', () =>
    pollUntil(
      () => fetchInstance(ctx, instanceId, inputs),
      (o) => o === undefined || o.status === INSTANCE_RUNNING,
      { timeoutMs: timeoutSeconds * 1000, initialDelayMs: 250, maxDelayMs: 10_000 },
    ),
  );
  if (!outcome.value) throw new Error(`Instance ${instanceId} disappeared while it was being created`);
  if (!outcome.done) {
    throw new ResourceInitError(
      instanceId,
      { ...outcome.value },
      `Instance ${instanceId} did not reach status "running" within ${timeoutSeconds}s ` +
        `(last status "${outcome.value.status}"). It is recorded in the stack; ` +
        'run `pulumi up` again to keep waiting, or raise creationTimeoutSeconds.',
    );
  }
  return outcome.value;
}

/** The instance provider's implementation (called through {@link instanceProvider}). */
export const instanceImplementation = defineProvider({
  kind: 'Instance',
  table: INSTANCE_FIELDS,
  recordedOutput: 'instanceId',
  idParts: ['instanceId'],

  async create(ctx, inputs) {
    const description = inputs.description || undefined;
    const { id: instanceId } = await createOrAdopt({
      what: description ? `Instance '${description}'` : 'Instance',
      intentKey: intentKeyOf(ctx.settings, description ? `Instance '${description}'` : 'Instance'),
      // No unique key: only an instance that appeared since the first attempt is adopted.
      uniqueKey: false,
      create: async () =>
        (await ctx.client.call('CreateInstance', INSTANCE_FIELDS.request(inputs, { create: true })))
          .InstanceId ?? '',
      find: async () =>
        (await ctx.client.listAll('ListInstances', {}))
          .filter((i) => (i.Description || undefined) === description)
          .map((i) => i.InstanceId ?? ''),
    });
    const outs = await waitUntilRunning(ctx, instanceId, inputs);
    return { id: instanceId, outs };
  },

  async read(ctx, id, props) {
    const live = await fetchInstance(ctx, id, props);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const described = INSTANCE_FIELDS.request(news, {
      only: ['description'],
      changes: INSTANCE_FIELDS.changes(olds, news),
    });
    if (described) await ctx.client.call('UpdateInstanceDescription', { InstanceId: id, ...described });
    // An instance recorded by a timed-out create is waited for again here.
    const outs = await waitUntilRunning(ctx, id, news);
    return { outs };
  },

  async delete(ctx, id) {
    await unlessNotFound(ctx.client.call('DeleteInstance', { InstanceId: id }));
  },
});

/** The serializable provider of {@link Instance}. */
export const instanceProvider: pulumi.dynamic.ResourceProvider = instanceProviderModule;

/**
 * An EIAM instance. Every directory resource takes its `instanceId`.
 *
 * ```ts
 * const instance = new eiam.Instance('main', { description: 'staff directory' });
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx' }`.
 */
export class Instance extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = INSTANCE_FIELDS.secretOutputs;

  /** Instance id (`idaas_…`). */
  declare readonly instanceId: pulumi.Output<string>;
  /** Status as last read (`running` after a successful create). */
  declare readonly status: pulumi.Output<string>;
  /** Host name of the default endpoint. */
  declare readonly defaultEndpoint: pulumi.Output<string>;
  /** Status of the default endpoint. */
  declare readonly defaultEndpointStatus: pulumi.Output<string>;
  /** Description as the service reports it. */
  declare readonly description: pulumi.Output<string | undefined>;
  /** Creation time, epoch ms. */
  declare readonly createTime: pulumi.Output<number>;
  /** The creation timeout in effect, in seconds (when set). */
  declare readonly creationTimeoutSeconds: pulumi.Output<number | undefined>;

  /** Declares an instance. */
  constructor(name: string, args: InstanceArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(instanceProvider, 'Instance', INSTANCE_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.instanceId = this.id;
  }
}

classMatchesTable<Instance, typeof INSTANCE_FIELDS>();

/** The type token of {@link Instance}. */
export const INSTANCE_TYPE = typeToken('Instance');
