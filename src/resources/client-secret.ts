/**
 * `ClientSecret`: an OAuth client secret of an application (CreateApplicationClientSecret,
 * Enable/DisableApplicationClientSecret, DeleteApplicationClientSecret). Read lists the secrets
 * (ListApplicationClientSecrets, values masked) and fetches the plain value only when the provider
 * does not hold it already (ObtainApplicationClientSecret). An application holds at most two
 * secrets, so one can be rotated without downtime: a third is refused by the service, and the
 * error names the application.
 *
 * Id: `<instanceId>/<applicationId>/<secretId>`.
 */
import * as pulumi from '@pulumi/pulumi';
import type { ListApplicationClientSecretsResponse } from '../catalog';
import { EiamApiError } from '../client';
import * as clientSecretProviderModule from './providers/client-secret';
import { maskAgrees } from './application-config';
import { deleteTolerantly } from './tolerant-delete';
import {
  EiamResource,
  argsMatchTable,
  assertDeclaredMatches,
  classMatchesTable,
  compact,
  createOrAdopt,
  intentKeyOf,
  defineProvider,
  field,
  fieldTable,
  followUp,
  hasChange,
  idPart,
  joinId,
  parseId,
  typeToken,
  unlessNotFound,
  type InputsOf,
  type OutputsOf,
  type ProviderContext,
} from './provider-kit';

import { MAX_SECRET_LIFETIME_MS, MIN_SECRET_LIFETIME_MS } from '../catalog/rules';

/** Most client secrets one application may hold (documented by the service). */
export const MAX_CLIENT_SECRETS_PER_APPLICATION = 2;

/** Arguments of a {@link ClientSecret}. */
export interface ClientSecretArgs {
  /** Instance of the application. Changing it replaces the secret. */
  readonly instanceId: pulumi.Input<string>;
  /** The application the secret belongs to. Changing it replaces the secret. */
  readonly applicationId: pulumi.Input<string>;
  /** Whether the secret is usable (default: enabled, as created). */
  readonly enabled?: pulumi.Input<boolean>;
  /**
   * Expiry, epoch milliseconds, between one day and three years ahead; unset: never expires.
   * Changing it replaces the secret.
   */
  readonly expirationTime?: pulumi.Input<number>;
}

/**
 * Every field of a client secret, once, as ListApplicationClientSecrets reports it. The listing
 * masks the value: `clientSecret` is never read from it (see `readSecret`).
 */
export const CLIENT_SECRET_FIELDS = fieldTable({
  inputs: {
    instanceId: field.id('instance', { required: true, action: 'replace' }),
    applicationId: field.id('application', { required: true, action: 'replace' }),
    /** Checked by `check` (the window moves with time). */
    expirationTime: field.integer({
      action: 'replace',
      check: false,
      fromWire: (raw) => (raw as number | undefined) || undefined,
    }),
    /** Set with Enable/DisableApplicationClientSecret; reported as `Status`. */
    enabled: field.boolean({
      wire: false,
      read: 'Status',
      fromWire: (raw) => (raw === undefined ? undefined : raw === 'enabled'),
    }),
  },
  outputs: {
    /** Secret id (`sci_…`). */
    secretId: field.string({ required: true }),
    /** OAuth client id of the application. */
    clientId: field.string(),
    /** The secret value in plain text (a Pulumi secret). */
    clientSecret: field.string({ secret: true, read: false }),
    /** `enabled` or `disabled`. */
    status: field.string(),
  },
});
argsMatchTable<ClientSecretArgs, typeof CLIENT_SECRET_FIELDS>();

/** Checked inputs of a client secret. */
export type ClientSecretInputs = InputsOf<typeof CLIENT_SECRET_FIELDS>;
/** Outputs of a client secret. */
export type ClientSecretOutputs = OutputsOf<typeof CLIENT_SECRET_FIELDS>;

/** What a change to each input means. */
export const CLIENT_SECRET_DIFF = CLIENT_SECRET_FIELDS.diffTable;

const ID_PARTS = ['instanceId', 'applicationId', 'secretId'] as const;

type ListedSecret = NonNullable<ListApplicationClientSecretsResponse['ApplicationClientSecrets']>[number];

interface SecretRef {
  readonly InstanceId: string;
  readonly ApplicationId: string;
  readonly SecretId: string;
}

async function findSecret(ctx: ProviderContext, ref: SecretRef): Promise<ListedSecret | undefined> {
  const res = await unlessNotFound(
    ctx.client.call('ListApplicationClientSecrets', {
      InstanceId: ref.InstanceId,
      ApplicationId: ref.ApplicationId,
    }),
  );
  return res?.ApplicationClientSecrets?.find((s) => s.SecretId === ref.SecretId);
}

async function obtainPlain(ctx: ProviderContext, ref: SecretRef): Promise<string | undefined> {
  const res = await unlessNotFound(ctx.client.call('ObtainApplicationClientSecret', { ...ref }));
  return res?.ApplicationClientSecret?.ClientSecret;
}

/**
 * The live outputs of a secret, or `undefined` when it (or its application) is gone. The listing
 * masks values: `knownPlain` is kept when the mask agrees with it, otherwise the plain value is
 * obtained from the service.
 */
async function readSecret(
  ctx: ProviderContext,
  ref: SecretRef,
  knownPlain: unknown,
): Promise<ClientSecretOutputs | undefined> {
  const listed = await findSecret(ctx, ref);
  if (!listed) return undefined;
  const masked = listed.ClientSecret;
  let plain = typeof knownPlain === 'string' ? knownPlain : undefined;
  if (plain === undefined || (masked !== undefined && !maskAgrees(masked, plain))) {
    plain = await obtainPlain(ctx, ref);
  }
  return CLIENT_SECRET_FIELDS.read(listed, {
    instanceId: ref.InstanceId,
    applicationId: ref.ApplicationId,
    secretId: ref.SecretId,
    clientSecret: plain,
  });
}

/** A create refused because the application has its quota of secrets, explained. */
function explainQuota(err: unknown, applicationId: string): unknown {
  if (!(err instanceof EiamApiError) || !err.code.startsWith('QuotaExceeded')) return err;
  return new Error(
    `Application ${applicationId} already has the maximum number of client secrets ` +
      `(${MAX_CLIENT_SECRETS_PER_APPLICATION}); delete one (or remove a ClientSecret resource) before adding another. ` +
      `The service said: ${err.code}: ${err.serviceMessage}`,
  );
}

/** The client secret provider's implementation (called through {@link clientSecretProvider}). */
export const clientSecretImplementation = defineProvider({
  kind: 'ClientSecret',
  table: CLIENT_SECRET_FIELDS,
  recordedOutput: 'secretId',
  idParts: ID_PARTS,

  check(olds, news) {
    const c = CLIENT_SECRET_FIELDS.checker(news);
    // The window moves with time: an expiration accepted when the secret was made is not
    // checked again while it stays as it was.
    if (news.expirationTime !== olds.expirationTime) {
      const now = Date.now();
      c.integer('expirationTime', { min: now + MIN_SECRET_LIFETIME_MS, max: now + MAX_SECRET_LIFETIME_MS });
      if (c.failures.some((f) => f.property === 'expirationTime')) {
        c.failures.splice(0, c.failures.length, ...c.failures.filter((f) => f.property !== 'expirationTime'));
        c.fail(
          'expirationTime',
          'expirationTime must be an epoch time in milliseconds between one day and three years from now',
        );
      }
    }
    return c.result(news as ClientSecretInputs);
  },

  async create(ctx, inputs) {
    let created: { SecretId?: string; ClientId?: string; ClientSecret?: string } = {};
    let secretId: string;
    try {
      ({ id: secretId } = await createOrAdopt({
        what: `ClientSecret of application ${inputs.applicationId}`,
        intentKey: intentKeyOf(ctx.settings, `ClientSecret of application ${inputs.applicationId}`),
        // No key at all: only a secret that appeared since the first attempt is adopted (its
        // value is then read with ObtainApplicationClientSecret).
        uniqueKey: false,
        adoptExisting: false,
        create: async () => {
          const res = await ctx.client.call(
            'CreateApplicationClientSecret',
            CLIENT_SECRET_FIELDS.request(inputs, { create: true }),
          );
          created = res.ApplicationClientSecret ?? {};
          return created.SecretId ?? '';
        },
        find: async () =>
          (
            await ctx.client.listAll('ListApplicationClientSecrets', {
              InstanceId: inputs.instanceId,
              ApplicationId: inputs.applicationId,
            })
          ).map((s) => s.SecretId ?? ''),
      }));
    } catch (err) {
      throw explainQuota(err, inputs.applicationId);
    }
    const ref: SecretRef = {
      InstanceId: inputs.instanceId,
      ApplicationId: inputs.applicationId,
      SecretId: secretId,
    };
    const id = joinId(inputs.instanceId, inputs.applicationId, secretId);
    const known: Record<string, unknown> = compact({
      ...inputs,
      enabled: true,
      status: 'enabled',
      secretId,
      clientId: created.ClientId,
      clientSecret: created.ClientSecret,
    });
    if (inputs.enabled === false) {
      await followUp('ClientSecret', id, known, 'disabling it', () =>
        ctx.client.call('DisableApplicationClientSecret', ref),
      );
    }
    const outs = await followUp('ClientSecret', id, known, 'reading it back', () =>
      readSecret(ctx, ref, created.ClientSecret),
    );
    return { id, outs: outs ?? (known as ClientSecretOutputs) };
  },

  async read(ctx, id, props) {
    const { instanceId, applicationId, secretId } = parseId('ClientSecret', id, ID_PARTS);
    assertDeclaredMatches('ClientSecret', id, 'instanceId', props.instanceId, instanceId);
    assertDeclaredMatches('ClientSecret', id, 'applicationId', props.applicationId, applicationId);
    const ref: SecretRef = { InstanceId: instanceId, ApplicationId: applicationId, SecretId: secretId };
    const live = await readSecret(ctx, ref, props.clientSecret);
    if (!live) return {};
    return { id, props: live };
  },

  async update(ctx, id, olds, news) {
    const { instanceId, applicationId, secretId } = parseId('ClientSecret', id, ID_PARTS);
    const ref: SecretRef = { InstanceId: instanceId, ApplicationId: applicationId, SecretId: secretId };
    const changes = CLIENT_SECRET_FIELDS.changes(olds, news);
    if (hasChange(changes, 'enabled')) {
      await ctx.client.call(
        news.enabled ? 'EnableApplicationClientSecret' : 'DisableApplicationClientSecret',
        ref,
      );
    }
    const outs = await readSecret(ctx, ref, olds.clientSecret);
    if (!outs) throw new Error(`ClientSecret ${id} disappeared during the update`);
    return { outs };
  },

  async delete(ctx, id) {
    const { instanceId, applicationId, secretId } = parseId('ClientSecret', id, ID_PARTS);
    const ref: SecretRef = { InstanceId: instanceId, ApplicationId: applicationId, SecretId: secretId };
    await deleteTolerantly(
      () => ctx.client.call('DeleteApplicationClientSecret', ref),
      () => ctx.client.call('DisableApplicationClientSecret', ref),
    );
  },
});

/** The serializable provider of {@link ClientSecret}. */
export const clientSecretProvider: pulumi.dynamic.ResourceProvider = clientSecretProviderModule;

/**
 * An OAuth client secret of an application. `clientSecret` is a Pulumi secret.
 *
 * ```ts
 * const secret = new eiam.ClientSecret('portal', { instanceId: instance.instanceId, applicationId: app.applicationId });
 * export const clientSecret = secret.clientSecret; // shown as [secret]
 * ```
 *
 * Import: the resource option `{ import: 'idaas_xxx/app_xxx/sci_xxx' }`.
 */
export class ClientSecret extends EiamResource {
  /** Outputs marked secret in state. */
  static readonly secretOutputs: readonly string[] = CLIENT_SECRET_FIELDS.secretOutputs;

  /** Instance id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Application id. */
  declare readonly applicationId: pulumi.Output<string>;
  /** Secret id (`sci_…`). */
  declare readonly secretId: pulumi.Output<string>;
  /** OAuth client id of the application. */
  declare readonly clientId: pulumi.Output<string>;
  /** The secret value (secret). */
  declare readonly clientSecret: pulumi.Output<string>;
  /** `enabled` or `disabled`. */
  declare readonly status: pulumi.Output<string>;
  /** Whether the secret is enabled. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** Expiry, epoch ms (unset: never). */
  declare readonly expirationTime: pulumi.Output<number | undefined>;

  /** Declares a client secret. */
  constructor(name: string, args: ClientSecretArgs, opts?: pulumi.CustomResourceOptions) {
    super(clientSecretProvider, 'ClientSecret', CLIENT_SECRET_FIELDS, name, args, opts);
    // Known in the preview of an update, unlike a provider output (see provider-kit/identity).
    this.secretId = idPart(this.id, 2);
  }
}

classMatchesTable<ClientSecret, typeof CLIENT_SECRET_FIELDS>();

/** The type token of {@link ClientSecret}. */
export const CLIENT_SECRET_TYPE = typeToken('ClientSecret');
