/**
 * Lookups of identity providers: one provider by id or name (GetIdentityProvider,
 * ListIdentityProviders), listings (also per network access endpoint), the synchronization and
 * advanced configurations, a status check (CreateIdentityProviderStatusCheckJob, then
 * GetIdentityProviderStatusCheckJob), metadata resolution (ExecIdentityProviderMetadataUrlResolution)
 * and a user's bindings to authentication sources (ListUserAuthnSourceMappings). Secrets come
 * back masked, as the service reports them.
 */
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
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, withIds, type WithIds } from './connection';

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

function providerById(client: EiamClient, instanceId: string, id: string): Promise<IdentityProviderInfo> {
  return explainNotFound(
    'getIdentityProvider',
    `identity provider ${id} in instance ${instanceId}`,
    async () => {
      const res = await client.call('GetIdentityProvider', {
        InstanceId: instanceId,
        IdentityProviderId: id,
      });
      return withIds(
        fromWire(res.IdentityProviderDetail ?? {}),
        ['identityProviderId'],
        'GetIdentityProvider',
      );
    },
  );
}

const identityProviderLookup = defineLookup(
  async (args: GetIdentityProviderArgs, client): Promise<IdentityProviderInfo> => {
    const fn = 'getIdentityProvider';
    const by = exactlyOne(fn, args, ['identityProviderId', 'identityProviderName']);
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
  },
);
/** One identity provider, by id (GetIdentityProvider) or exact name (ListIdentityProviders, then GetIdentityProvider). */
export const getIdentityProvider = identityProviderLookup.get;
/** {@link getIdentityProvider} as a `pulumi.Output`. */
export const getIdentityProviderOutput = identityProviderLookup.output;

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

const identityProvidersLookup = defineLookup(
  async (args: GetIdentityProvidersArgs, client): Promise<GetIdentityProvidersResult> => {
    const items = await client.listAll('ListIdentityProviders', {
      InstanceId: args.instanceId,
      Direction: args.direction,
    });
    const identityProviders = items.map((i) => fromWire(i));
    return {
      identityProviders,
      identityProviderIds: identityProviders.map((p) => p.identityProviderId ?? ''),
    };
  },
);
/** Identity providers of an instance (ListIdentityProviders, every page). */
export const getIdentityProviders = identityProvidersLookup.get;
/** {@link getIdentityProviders} as a `pulumi.Output`. */
export const getIdentityProvidersOutput = identityProvidersLookup.output;

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

const identityProvidersForNetworkAccessEndpointLookup = defineLookup(
  async (
    args: GetIdentityProvidersForNetworkAccessEndpointArgs,
    client,
  ): Promise<GetIdentityProvidersForNetworkAccessEndpointResult> => {
    const items = await client.listAll('ListIdentityProvidersForNetworkAccessEndpoint', {
      InstanceId: args.instanceId,
      NetworkAccessEndpointId: args.networkAccessEndpointId,
    });
    const identityProviders = items.map((i) => fromWire(i));
    return {
      identityProviders,
      identityProviderIds: identityProviders.map((p) => p.identityProviderId ?? ''),
    };
  },
);
/** The identity providers that connect through a network access endpoint (every page). */
export const getIdentityProvidersForNetworkAccessEndpoint =
  identityProvidersForNetworkAccessEndpointLookup.get;
/** {@link getIdentityProvidersForNetworkAccessEndpoint} as a `pulumi.Output`. */
export const getIdentityProvidersForNetworkAccessEndpointOutput =
  identityProvidersForNetworkAccessEndpointLookup.output;

/** The inbound synchronization configuration (GetIdentityProviderUdPullConfiguration). */
export type IdentityProviderUdPullConfiguration = Camel<
  NonNullable<GetIdentityProviderUdPullConfigurationResponse['UdPullConfiguration']>
>;

const udPullConfigurationLookup = defineLookup(
  async (args: IdentityProviderRef, client): Promise<IdentityProviderUdPullConfiguration> => {
    const res = await client.call('GetIdentityProviderUdPullConfiguration', ref(args));
    return fromWire(res.UdPullConfiguration ?? {});
  },
);
/** The inbound synchronization configuration of a provider. */
export const getIdentityProviderUdPullConfiguration = udPullConfigurationLookup.get;
/** {@link getIdentityProviderUdPullConfiguration} as a `pulumi.Output`. */
export const getIdentityProviderUdPullConfigurationOutput = udPullConfigurationLookup.output;

/** The outbound synchronization configuration (GetIdentityProviderUdPushConfiguration). */
export type IdentityProviderUdPushConfiguration = Camel<
  NonNullable<GetIdentityProviderUdPushConfigurationResponse['UdPushConfiguration']>
>;

const udPushConfigurationLookup = defineLookup(
  async (args: IdentityProviderRef, client): Promise<IdentityProviderUdPushConfiguration> => {
    const res = await client.call('GetIdentityProviderUdPushConfiguration', ref(args));
    return fromWire(res.UdPushConfiguration ?? {});
  },
);
/** The outbound synchronization configuration of a provider. */
export const getIdentityProviderUdPushConfiguration = udPushConfigurationLookup.get;
/** {@link getIdentityProviderUdPushConfiguration} as a `pulumi.Output`. */
export const getIdentityProviderUdPushConfigurationOutput = udPushConfigurationLookup.output;

/** The advanced configuration (GetIdentityProviderAdvancedConfiguration; DingTalk's secret masked). */
export type IdentityProviderAdvancedConfiguration = Camel<
  NonNullable<GetIdentityProviderAdvancedConfigurationResponse['AdvancedConfiguration']>
>;

const advancedConfigurationLookup = defineLookup(
  async (args: IdentityProviderRef, client): Promise<IdentityProviderAdvancedConfiguration> => {
    const res = await client.call('GetIdentityProviderAdvancedConfiguration', ref(args));
    return fromWire(res.AdvancedConfiguration ?? {});
  },
);
/** The advanced configuration of a provider. */
export const getIdentityProviderAdvancedConfiguration = advancedConfigurationLookup.get;
/** {@link getIdentityProviderAdvancedConfiguration} as a `pulumi.Output`. */
export const getIdentityProviderAdvancedConfigurationOutput = advancedConfigurationLookup.output;

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

const statusCheckLookup = defineLookup(
  async (args: GetIdentityProviderStatusCheckArgs, client): Promise<IdentityProviderStatusCheckJob> => {
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
  },
);
/**
 * The status check of a provider: reads the job given, or starts one
 * (CreateIdentityProviderStatusCheckJob) and waits until it has finished. Starting a check
 * changes nothing but the provider's `lastStatusCheckJobResult`.
 */
export const getIdentityProviderStatusCheck = statusCheckLookup.get;
/** {@link getIdentityProviderStatusCheck} as a `pulumi.Output`. */
export const getIdentityProviderStatusCheckOutput = statusCheckLookup.output;

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

const metadataLookup = defineLookup(
  async (args: GetIdentityProviderMetadataArgs, client): Promise<IdentityProviderMetadata> => {
    exactlyOne('getIdentityProviderMetadata', args, ['oidcIssuer', 'samlMetadataUrl', 'identityProviderId']);
    const res = await client.call('ExecIdentityProviderMetadataUrlResolution', {
      InstanceId: args.instanceId,
      OidcIssuer: args.oidcIssuer,
      SamlMetadataUrl: args.samlMetadataUrl,
      IdentityProviderId: args.identityProviderId,
      NetworkAccessEndpointId: args.networkAccessEndpointId,
    });
    return fromWire(res.IdentityProviderMetadata ?? {});
  },
);
/** Endpoints or certificates of an OIDC or SAML identity provider, resolved by the service. */
export const getIdentityProviderMetadata = metadataLookup.get;
/** {@link getIdentityProviderMetadata} as a `pulumi.Output`. */
export const getIdentityProviderMetadataOutput = metadataLookup.output;

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

const userAuthnSourceMappingsLookup = defineLookup(
  async (args: GetUserAuthnSourceMappingsArgs, client): Promise<GetUserAuthnSourceMappingsResult> => {
    const items = await client.listAll('ListUserAuthnSourceMappings', {
      InstanceId: args.instanceId,
      UserId: args.userId,
      IdentityProviderId: args.identityProviderId,
      UserExternalId: args.userExternalId,
    });
    return { mappings: items.map((i) => fromWire(i)) };
  },
);
/** A user's bindings to identity providers (every page). */
export const getUserAuthnSourceMappings = userAuthnSourceMappingsLookup.get;
/** {@link getUserAuthnSourceMappings} as a `pulumi.Output`. */
export const getUserAuthnSourceMappingsOutput = userAuthnSourceMappingsLookup.output;

function ref(args: IdentityProviderRef) {
  return { InstanceId: args.instanceId, IdentityProviderId: args.identityProviderId };
}
