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
import type { GetInstanceResponse } from '../catalog';
import * as instanceProviderModule from './providers/instance';
import {
  EiamResource,
  changedFields,
  compact,
  createOrAdopt,
  intentKeyOf,
  declareOutputs,
  defineProvider,
  diffByTable,
  fieldTree,
  followUp,
  hasChange,
  InputChecker,
  pollUntil,
  ResourceInitError,
  TYPE_MODULE,
  typeToken,
  unlessNotFound,
  withSecretOutputs,
  type DiffTable,
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

/** Checked inputs of an instance. */
export interface InstanceInputs {
  /** See {@link InstanceArgs.description}. */
  description?: string;
  /** See {@link InstanceArgs.creationTimeoutSeconds}. */
  creationTimeoutSeconds?: number;
}

/** Outputs of an instance. */
export interface InstanceOutputs extends InstanceInputs {
  /** Instance id (`idaas_…`), also the resource id. */
  instanceId: string;
  /** `creating`, `running`, … as GetInstance reports it. */
  status: string;
  /** Host name of the instance's default endpoint. */
  defaultEndpoint?: string;
  /** Status of the default endpoint (`resolved` once running). */
  defaultEndpointStatus?: string;
  /** Creation time, epoch ms. */
  createTime?: number;
}

/** What a change to each input means. */
export const INSTANCE_DIFF: DiffTable = {
  description: { action: 'update', kind: 'text' },
  creationTimeoutSeconds: 'ignore',
};

const OUTPUT_NAMES = [
  'instanceId',
  'status',
  'defaultEndpoint',
  'defaultEndpointStatus',
  'createTime',
  'description',
  'creationTimeoutSeconds',
];

/** Status in which an instance accepts directory calls. */
export const INSTANCE_RUNNING = 'running';

function toOutputs(
  inst: NonNullable<GetInstanceResponse['Instance']>,
  carried: InstanceInputs,
): InstanceOutputs {
  return compact({
    instanceId: inst.InstanceId ?? '',
    status: inst.Status ?? '',
    description: inst.Description,
    defaultEndpoint: inst.DefaultEndpoint?.Endpoint,
    defaultEndpointStatus: inst.DefaultEndpoint?.Status,
    createTime: inst.CreateTime,
    creationTimeoutSeconds: carried.creationTimeoutSeconds,
  });
}

async function fetchInstance(
  ctx: ProviderContext,
  instanceId: string,
  carried: InstanceInputs,
): Promise<InstanceOutputs | undefined> {
  const res = await unlessNotFound(ctx.client.call('GetInstance', { InstanceId: instanceId }));
  return res?.Instance ? toOutputs(res.Instance, carried) : undefined;
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
export const instanceImplementation = defineProvider<InstanceInputs, InstanceOutputs>({
  kind: 'Instance',
  shape: { table: INSTANCE_DIFF, writeOnly: ['creationTimeoutSeconds'] },
  recordedOutput: 'instanceId',
  idParts: ['instanceId'],
  fields: fieldTree(Object.keys(INSTANCE_DIFF)),

  check(_olds, news) {
    const c = new InputChecker(news);
    c.string('description', { maxLength: 128 }).number('creationTimeoutSeconds', { min: 0.001, max: 86_400 });
    return c.result(news as unknown as InstanceInputs);
  },

  diff(_id, olds, news) {
    return diffByTable(INSTANCE_DIFF, { ...olds }, { ...news });
  },

  async create(ctx, inputs) {
    const description = inputs.description || undefined;
    const { id: instanceId } = await createOrAdopt({
      what: description ? `Instance '${description}'` : 'Instance',
      intentKey: intentKeyOf(ctx.settings, description ? `Instance '${description}'` : 'Instance'),
      // No unique key: only an instance that appeared since the first attempt is adopted.
      uniqueKey: false,
      create: async () =>
        (await ctx.client.call('CreateInstance', { Description: description })).InstanceId ?? '',
      find: async () =>
        (await ctx.client.listAll('ListInstances', {}))
          .filter((i) => (i.Description || undefined) === description)
          .map((i) => i.InstanceId ?? ''),
    });
    const outs = await waitUntilRunning(ctx, instanceId, inputs);
    return { id: instanceId, outs };
  },

  async read(ctx, id, props) {
    const carried = { creationTimeoutSeconds: props.creationTimeoutSeconds as number | undefined };
    const live = await fetchInstance(ctx, id, carried);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const changes = changedFields(INSTANCE_DIFF, { ...olds }, { ...news });
    if (hasChange(changes, 'description')) {
      await ctx.client.call('UpdateInstanceDescription', { InstanceId: id, Description: news.description });
    }
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
  static readonly secretOutputs: readonly string[] = [];

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
    super(
      instanceProvider,
      name,
      declareOutputs(args, OUTPUT_NAMES),
      withSecretOutputs(opts, Instance.secretOutputs),
      TYPE_MODULE,
      'Instance',
    );
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.instanceId = this.id;
  }
}

/** The type token of {@link Instance}. */
export const INSTANCE_TYPE = typeToken('Instance');
