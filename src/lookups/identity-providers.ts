/**
 * Lookups of identity providers: one provider by id or name (GetIdentityProvider,
 * ListIdentityProviders), listings (also per network access endpoint), the synchronization and
 * advanced configurations, a status check (CreateIdentityProviderStatusCheckJob, then
 * GetIdentityProviderStatusCheckJob), metadata resolution (ExecIdentityProviderMetadataUrlResolution)
 * and a user's bindings to authentication sources (ListUserAuthnSourceMappings). Secrets come
 * back masked, as the service reports them.
 */
import type * as pulumi from '@pulumi/pulumi';
import type {
  ExecIdentityProviderMetadataUrlResolutionResponse,
  GetIdentityProviderAdvancedConfigurationResponse,
  GetIdentityProviderResponse,
  GetIdentityProviderStatusCheckJobResponse,
  GetIdentityProviderUdPullConfigurationResponse,
  GetIdentityProviderUdPushConfigurationResponse,
  IdentityProviderDirection,
  ListIdentityProvidersForNetworkAccessEndpointResponse,
  ListIdentityProvidersResponse,
  ListUserAuthnSourceMappingsResponse,
} from '../catalog';
import type { EiamClient } from '../client';
import { isNotFound } from '../client';
import { fromWire, type Camel } from '../wire';
import {
  exactlyOne,
  lookupOutput,
  single,
  withIds,
  withLookupClient,
  type LookupInputs,
  type LookupOptions,
  type WithIds,
} from './connection';

/** An identity provider as GetIdentityProvider reports it (secrets masked). */
export type IdentityProviderInfo = WithIds<
  Camel<NonNullable<GetIdentityProviderResponse['IdentityProviderDetail']>>,
  'identityProviderId'
>;
/** An identity provider as ListIdentityProviders reports it. */
export type IdentityProviderSummary = Camel<
  NonNullable<ListIdentityProvidersResponse['IdentityProviders']>[number]
>;

/** Arguments of {@link getIdentityProvider}: the instance and exactly one of id or name. */
export interface GetIdentityProviderArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The provider's id (`idp_…`). */
  readonly identityProviderId?: string;
  /** The provider's exact name. */
  readonly identityProviderName?: string;
}

/** Arguments naming one provider of an instance. */
export interface IdentityProviderRef {
  /** The instance. */
  readonly instanceId: string;
  /** The provider's id (`idp_…`). */
  readonly identityProviderId: string;
}

async function providerById(
  client: EiamClient,
  instanceId: string,
  id: string,
): Promise<IdentityProviderInfo> {
  try {
    const res = await client.call('GetIdentityProvider', { InstanceId: instanceId, IdentityProviderId: id });
    return withIds(fromWire(res.IdentityProviderDetail ?? {}), ['identityProviderId'], 'GetIdentityProvider');
  } catch (err) {
    if (isNotFound(err))
      throw new Error(`getIdentityProvider: no identity provider ${id} in instance ${instanceId}`, {
        cause: err,
      });
    throw err;
  }
}

/** One identity provider, by id (GetIdentityProvider) or exact name (ListIdentityProviders, then GetIdentityProvider). */
export async function getIdentityProvider(
  args: GetIdentityProviderArgs,
  opts?: LookupOptions,
): Promise<IdentityProviderInfo> {
  const fn = 'getIdentityProvider';
  const by = exactlyOne(fn, args, ['identityProviderId', 'identityProviderName']);
  return withLookupClient(opts, async (client) => {
    if (by === 'identityProviderId')
      return providerById(client, args.instanceId, args.identityProviderId ?? '');
    const items = await client.listAll('ListIdentityProviders', { InstanceId: args.instanceId });
    const matches = items
      .map((i) => fromWire(i))
      .filter((p) => p.identityProviderName === args.identityProviderName);
    const found = single(
      fn,
      matches,
      `identity provider named "${args.identityProviderName}" in instance ${args.instanceId}`,
    );
    return providerById(client, args.instanceId, found.identityProviderId ?? '');
  });
}

/** {@link getIdentityProvider} as a `pulumi.Output`. */
export function getIdentityProviderOutput(
  args: LookupInputs<GetIdentityProviderArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderInfo> {
  return lookupOutput(getIdentityProvider, args, opts);
}

/** Arguments of {@link getIdentityProviders}. */
export interface GetIdentityProvidersArgs {
  /** The instance. */
  readonly instanceId: string;
  /** Only providers that synchronize in this direction (`pull` or `push`). */
  readonly direction?: IdentityProviderDirection;
}

/** Result of {@link getIdentityProviders}. */
export interface GetIdentityProvidersResult {
  /** The providers. */
  readonly identityProviders: IdentityProviderSummary[];
  /** Their ids. */
  readonly identityProviderIds: string[];
}

/** Identity providers of an instance (ListIdentityProviders, every page). */
export async function getIdentityProviders(
  args: GetIdentityProvidersArgs,
  opts?: LookupOptions,
): Promise<GetIdentityProvidersResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListIdentityProviders', {
      InstanceId: args.instanceId,
      Direction: args.direction,
    });
    const identityProviders = items.map((i) => fromWire(i));
    return {
      identityProviders,
      identityProviderIds: identityProviders.map((p) => p.identityProviderId ?? ''),
    };
  });
}

/** {@link getIdentityProviders} as a `pulumi.Output`. */
export function getIdentityProvidersOutput(
  args: LookupInputs<GetIdentityProvidersArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetIdentityProvidersResult> {
  return lookupOutput(getIdentityProviders, args, opts);
}

/** A provider reached through a network access endpoint. */
export type NetworkAccessEndpointIdentityProvider = Camel<
  NonNullable<
    ListIdentityProvidersForNetworkAccessEndpointResponse['IdentityProvidersForNetworkAccessEndpoint']
  >[number]
>;

/** Arguments of {@link getIdentityProvidersForNetworkAccessEndpoint}. */
export interface GetIdentityProvidersForNetworkAccessEndpointArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The network access endpoint (`nae_…`). */
  readonly networkAccessEndpointId: string;
}

/** Result of {@link getIdentityProvidersForNetworkAccessEndpoint}. */
export interface GetIdentityProvidersForNetworkAccessEndpointResult {
  /** The providers. */
  readonly identityProviders: NetworkAccessEndpointIdentityProvider[];
  /** Their ids. */
  readonly identityProviderIds: string[];
}

/** The identity providers that connect through a network access endpoint (every page). */
export async function getIdentityProvidersForNetworkAccessEndpoint(
  args: GetIdentityProvidersForNetworkAccessEndpointArgs,
  opts?: LookupOptions,
): Promise<GetIdentityProvidersForNetworkAccessEndpointResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListIdentityProvidersForNetworkAccessEndpoint', {
      InstanceId: args.instanceId,
      NetworkAccessEndpointId: args.networkAccessEndpointId,
    });
    const identityProviders = items.map((i) => fromWire(i));
    return {
      identityProviders,
      identityProviderIds: identityProviders.map((p) => p.identityProviderId ?? ''),
    };
  });
}

/** {@link getIdentityProvidersForNetworkAccessEndpoint} as a `pulumi.Output`. */
export function getIdentityProvidersForNetworkAccessEndpointOutput(
  args: LookupInputs<GetIdentityProvidersForNetworkAccessEndpointArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetIdentityProvidersForNetworkAccessEndpointResult> {
  return lookupOutput(getIdentityProvidersForNetworkAccessEndpoint, args, opts);
}

/** The inbound synchronization configuration (GetIdentityProviderUdPullConfiguration). */
export type IdentityProviderUdPullConfiguration = Camel<
  NonNullable<GetIdentityProviderUdPullConfigurationResponse['UdPullConfiguration']>
>;

/** The inbound synchronization configuration of a provider. */
export async function getIdentityProviderUdPullConfiguration(
  args: IdentityProviderRef,
  opts?: LookupOptions,
): Promise<IdentityProviderUdPullConfiguration> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('GetIdentityProviderUdPullConfiguration', ref(args));
    return fromWire(res.UdPullConfiguration ?? {});
  });
}

/** {@link getIdentityProviderUdPullConfiguration} as a `pulumi.Output`. */
export function getIdentityProviderUdPullConfigurationOutput(
  args: LookupInputs<IdentityProviderRef>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderUdPullConfiguration> {
  return lookupOutput(getIdentityProviderUdPullConfiguration, args, opts);
}

/** The outbound synchronization configuration (GetIdentityProviderUdPushConfiguration). */
export type IdentityProviderUdPushConfiguration = Camel<
  NonNullable<GetIdentityProviderUdPushConfigurationResponse['UdPushConfiguration']>
>;

/** The outbound synchronization configuration of a provider. */
export async function getIdentityProviderUdPushConfiguration(
  args: IdentityProviderRef,
  opts?: LookupOptions,
): Promise<IdentityProviderUdPushConfiguration> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('GetIdentityProviderUdPushConfiguration', ref(args));
    return fromWire(res.UdPushConfiguration ?? {});
  });
}

/** {@link getIdentityProviderUdPushConfiguration} as a `pulumi.Output`. */
export function getIdentityProviderUdPushConfigurationOutput(
  args: LookupInputs<IdentityProviderRef>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderUdPushConfiguration> {
  return lookupOutput(getIdentityProviderUdPushConfiguration, args, opts);
}

/** The advanced configuration (GetIdentityProviderAdvancedConfiguration; DingTalk's secret masked). */
export type IdentityProviderAdvancedConfiguration = Camel<
  NonNullable<GetIdentityProviderAdvancedConfigurationResponse['AdvancedConfiguration']>
>;

/** The advanced configuration of a provider. */
export async function getIdentityProviderAdvancedConfiguration(
  args: IdentityProviderRef,
  opts?: LookupOptions,
): Promise<IdentityProviderAdvancedConfiguration> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('GetIdentityProviderAdvancedConfiguration', ref(args));
    return fromWire(res.AdvancedConfiguration ?? {});
  });
}

/** {@link getIdentityProviderAdvancedConfiguration} as a `pulumi.Output`. */
export function getIdentityProviderAdvancedConfigurationOutput(
  args: LookupInputs<IdentityProviderRef>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderAdvancedConfiguration> {
  return lookupOutput(getIdentityProviderAdvancedConfiguration, args, opts);
}

/** A status-check job (GetIdentityProviderStatusCheckJob). */
export type IdentityProviderStatusCheckJob = Camel<
  NonNullable<GetIdentityProviderStatusCheckJobResponse['IdentityProviderStatusCheckJob']>
>;

/** Arguments of {@link getIdentityProviderStatusCheck}. */
export interface GetIdentityProviderStatusCheckArgs extends IdentityProviderRef {
  /** An existing job to read; without it, a new check is started. */
  readonly identityProviderStatusCheckJobId?: string;
  /** How long to wait for a new job to finish, in ms (default 60000). */
  readonly timeoutMs?: number;
}

const RUNNING = new Set(['running', 'pending', 'init']);

/**
 * The status check of a provider: reads the job given, or starts one
 * (CreateIdentityProviderStatusCheckJob) and waits until it has finished. Starting a check
 * changes nothing but the provider's `lastStatusCheckJobResult`.
 */
export async function getIdentityProviderStatusCheck(
  args: GetIdentityProviderStatusCheckArgs,
  opts?: LookupOptions,
): Promise<IdentityProviderStatusCheckJob> {
  return withLookupClient(opts, async (client) => {
    const jobId =
      args.identityProviderStatusCheckJobId ??
      (await client.call('CreateIdentityProviderStatusCheckJob', ref(args)))
        .IdentityProviderStatusCheckJobId ??
      '';
    const deadline = Date.now() + (args.timeoutMs ?? 60_000);
    for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
      const res = await client.call('GetIdentityProviderStatusCheckJob', {
        ...ref(args),
        IdentityProviderStatusCheckJobId: jobId,
      });
      const job = fromWire(res.IdentityProviderStatusCheckJob ?? {});
      if (!RUNNING.has(job.status ?? '')) return job;
      if (Date.now() + delay > deadline)
        throw new Error(
          `getIdentityProviderStatusCheck: job ${jobId} still ${job.status} after ${args.timeoutMs ?? 60_000} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  });
}

/** {@link getIdentityProviderStatusCheck} as a `pulumi.Output`. */
export function getIdentityProviderStatusCheckOutput(
  args: LookupInputs<GetIdentityProviderStatusCheckArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderStatusCheckJob> {
  return lookupOutput(getIdentityProviderStatusCheck, args, opts);
}

/** Metadata of an identity provider (ExecIdentityProviderMetadataUrlResolution). */
export type IdentityProviderMetadata = Camel<
  NonNullable<ExecIdentityProviderMetadataUrlResolutionResponse['IdentityProviderMetadata']>
>;

/** Arguments of {@link getIdentityProviderMetadata}: what to resolve. */
export interface GetIdentityProviderMetadataArgs {
  /** The instance. */
  readonly instanceId: string;
  /** An OIDC issuer (or its `/.well-known/openid-configuration` URL). */
  readonly oidcIssuer?: string;
  /** A SAML metadata URL. */
  readonly samlMetadataUrl?: string;
  /** A provider whose stored OIDC endpoints to resolve. */
  readonly identityProviderId?: string;
  /** The network access endpoint the service fetches through. */
  readonly networkAccessEndpointId?: string;
}

/** Endpoints or certificates of an OIDC or SAML identity provider, resolved by the service. */
export async function getIdentityProviderMetadata(
  args: GetIdentityProviderMetadataArgs,
  opts?: LookupOptions,
): Promise<IdentityProviderMetadata> {
  exactlyOne('getIdentityProviderMetadata', args, ['oidcIssuer', 'samlMetadataUrl', 'identityProviderId']);
  return withLookupClient(opts, async (client) => {
    const res = await client.call('ExecIdentityProviderMetadataUrlResolution', {
      InstanceId: args.instanceId,
      OidcIssuer: args.oidcIssuer,
      SamlMetadataUrl: args.samlMetadataUrl,
      IdentityProviderId: args.identityProviderId,
      NetworkAccessEndpointId: args.networkAccessEndpointId,
    });
    return fromWire(res.IdentityProviderMetadata ?? {});
  });
}

/** {@link getIdentityProviderMetadata} as a `pulumi.Output`. */
export function getIdentityProviderMetadataOutput(
  args: LookupInputs<GetIdentityProviderMetadataArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<IdentityProviderMetadata> {
  return lookupOutput(getIdentityProviderMetadata, args, opts);
}

/** A binding of a user to an authentication source (ListUserAuthnSourceMappings). */
export type UserAuthnSourceMappingInfo = Camel<
  NonNullable<ListUserAuthnSourceMappingsResponse['UserAuthnSourceMappings']>[number]
>;

/** Arguments of {@link getUserAuthnSourceMappings}. */
export interface GetUserAuthnSourceMappingsArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user. */
  readonly userId: string;
  /** Only bindings to this provider. */
  readonly identityProviderId?: string;
  /** Only bindings with this external id. */
  readonly userExternalId?: string;
}

/** Result of {@link getUserAuthnSourceMappings}. */
export interface GetUserAuthnSourceMappingsResult {
  /** The bindings. */
  readonly mappings: UserAuthnSourceMappingInfo[];
}

/** A user's bindings to identity providers (every page). */
export async function getUserAuthnSourceMappings(
  args: GetUserAuthnSourceMappingsArgs,
  opts?: LookupOptions,
): Promise<GetUserAuthnSourceMappingsResult> {
  return withLookupClient(opts, async (client) => {
    const items = await client.listAll('ListUserAuthnSourceMappings', {
      InstanceId: args.instanceId,
      UserId: args.userId,
      IdentityProviderId: args.identityProviderId,
      UserExternalId: args.userExternalId,
    });
    return { mappings: items.map((i) => fromWire(i)) };
  });
}

/** {@link getUserAuthnSourceMappings} as a `pulumi.Output`. */
export function getUserAuthnSourceMappingsOutput(
  args: LookupInputs<GetUserAuthnSourceMappingsArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetUserAuthnSourceMappingsResult> {
  return lookupOutput(getUserAuthnSourceMappings, args, opts);
}

function ref(args: IdentityProviderRef) {
  return { InstanceId: args.instanceId, IdentityProviderId: args.identityProviderId };
}
