/**
 * Handlers of the identity provider operations: providers, their authentication and
 * synchronization settings, status-check jobs, metadata resolution, the internal authentication
 * sources and the user bindings. Secrets are masked in every answer (`maskSecret`).
 */
import { toWire } from '../../catalog/case';
import { maskSecret } from '../model/application-secrets';
import * as idps from '../model/identity-providers';
import type { IdentityProviderState, StatusCheckJobState } from '../model/identity-providers';
import * as mappings from '../model/user-authn-source-mappings';
import type { UserAuthnSourceMappingState } from '../model/user-authn-source-mappings';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'BindUserAuthnSourceMapping'
  | 'CreateIdentityProvider'
  | 'CreateIdentityProviderStatusCheckJob'
  | 'DeleteIdentityProvider'
  | 'DisableIdentityProviderAdvancedAbility'
  | 'DisableIdentityProviderAuthn'
  | 'DisableIdentityProviderUdPull'
  | 'DisableInternalAuthenticationSource'
  | 'EnableIdentityProviderAdvancedAbility'
  | 'EnableIdentityProviderAuthn'
  | 'EnableIdentityProviderUdPull'
  | 'EnableInternalAuthenticationSource'
  | 'ExecIdentityProviderMetadataUrlResolution'
  | 'GetIdentityProvider'
  | 'GetIdentityProviderAdvancedConfiguration'
  | 'GetIdentityProviderStatusCheckJob'
  | 'GetIdentityProviderUdPullConfiguration'
  | 'GetIdentityProviderUdPushConfiguration'
  | 'ListIdentityProviders'
  | 'ListIdentityProvidersForNetworkAccessEndpoint'
  | 'ListUserAuthnSourceMappings'
  | 'SetIdentityProviderAuthnConfiguration'
  | 'SetIdentityProviderUdPullConfiguration'
  | 'SetIdentityProviderUdPushConfiguration'
  | 'UnbindUserAuthnSourceMapping'
  | 'UpdateIdentityProvider';

/** The secret fields of the configuration blocks, masked in every answer. */
const SECRET_KEYS = new Set([
  'appSecret',
  'encryptKey',
  'verificationToken',
  'administratorPassword',
  'clientSecret',
  'corpSecret',
]);

function masked<T>(value: T): T {
  if (Array.isArray(value)) return value.map(masked) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEYS.has(k) && typeof v === 'string' ? maskSecret(v) : masked(v),
      ]),
    ) as T;
  }
  return value;
}

/** The block in wire form, secrets masked. */
function block<T>(value: T | undefined) {
  return value === undefined ? undefined : toWire(masked(value));
}

/** The provider's supplier (`AuthnSourceSupplier`): its type without the direction. */
function supplierOf(type: string): string | undefined {
  if (type.endsWith(':standard:oidc')) return undefined;
  return type.replace(/:(pull|push)$/, '');
}

function externalIdOf(idp: IdentityProviderState): string | undefined {
  return idp.dingtalkAppConfig?.corpId ?? idp.weComConfig?.corpId ?? idp.larkConfig?.enterpriseNumber;
}

/** The fields of both GetIdentityProvider and ListIdentityProviders. */
function summaryFields(idp: IdentityProviderState) {
  const oidc = idp.identityProviderType.endsWith(':oidc') || idp.identityProviderType.endsWith(':sase');
  return {
    IdentityProviderId: idp.identityProviderId,
    InstanceId: idp.instanceId,
    IdentityProviderName: idp.identityProviderName,
    IdentityProviderType: idp.identityProviderType,
    IdentityProviderExternalId: externalIdOf(idp),
    AuthnSourceSupplier: supplierOf(idp.identityProviderType),
    AuthnSourceType: oidc ? 'urn:alibaba:idaas:authntype:oidc' : undefined,
    AuthnStatus: idp.authnStatus,
    AdvancedStatus: idp.advancedStatus,
    UdPullStatus: idp.udPullStatus,
    UdPushStatus: idps.udPushStatus(idp),
    LastStatusCheckJobResult: idp.lastStatusCheckJobResult,
    LogoUrl: idp.logoUrl,
    CreateTime: idp.createTime,
    UpdateTime: idp.updateTime,
  };
}

function detailFields(idp: IdentityProviderState) {
  const pull = idp.udPull;
  const push = idp.udPush;
  return {
    ...summaryFields(idp),
    NetworkAccessEndpointId: idp.networkAccessEndpointId,
    DingtalkAppConfig: block(idp.dingtalkAppConfig),
    WeComConfig: block(idp.weComConfig),
    LarkConfig: block(idp.larkConfig),
    LdapConfig: block(idp.ldapConfig),
    OidcConfig: block(idp.oidcConfig),
    UdPullConfig: pull && {
      GroupSyncStatus: pull.groupSyncStatus,
      IncrementalCallbackStatus: pull.incrementalCallbackStatus,
      UdSyncScopeConfig: block(pull.udSyncScopeConfig),
    },
    UdPushConfig: push && {
      IncrementalCallbackStatus: push.incrementalCallbackStatus,
      UdSyncScopeConfigs: block(push.udSyncScopeConfigs),
    },
  };
}

function jobFields(idp: IdentityProviderState, job: StatusCheckJobState) {
  return {
    IdentityProviderId: idp.identityProviderId,
    InstanceId: idp.instanceId,
    ...toWire(job),
  };
}

function mappingFields(m: UserAuthnSourceMappingState) {
  return {
    InstanceId: m.instanceId,
    IdentityProviderId: m.identityProviderId,
    UserId: m.userId,
    UserExternalId: m.userExternalId,
    AuthnSourceType: m.authnSourceType,
    ExternalData: JSON.stringify({ userId: m.userExternalId, bindTime: String(m.createTime) }),
    CreateTime: m.createTime,
    UpdateTime: m.updateTime,
  };
}

/** Identity provider handlers. */
export const identityProviderHandlers: TypedHandlers<Ops> = {
  CreateIdentityProvider: (ctx, p) => ({
    IdentityProviderId: idps.createIdentityProvider(
      ctx.service,
      p.InstanceId,
      toInput<'CreateIdentityProvider', idps.CreateIdentityProviderInput>(p),
    ).identityProviderId,
  }),
  UpdateIdentityProvider: (ctx, p) => {
    idps.updateIdentityProvider(
      ctx.service,
      p.InstanceId,
      toInput<'UpdateIdentityProvider', idps.UpdateIdentityProviderInput>(p),
    );
    return EMPTY;
  },
  DeleteIdentityProvider: (ctx, p) => {
    idps.deleteIdentityProvider(ctx.service, p.InstanceId, p.IdentityProviderId);
    return EMPTY;
  },
  GetIdentityProvider: (ctx, p) => ({
    IdentityProviderDetail: detailFields(
      idps.getIdentityProvider(ctx.service, p.InstanceId, p.IdentityProviderId),
    ),
  }),
  ListIdentityProviders: (ctx, p) => {
    const page = idps.listIdentityProviders(
      ctx.service,
      p.InstanceId,
      toInput<'ListIdentityProviders', idps.ListIdentityProvidersFilter>(p),
    );
    return {
      IdentityProviders: page.items.map((idp) => ({
        ...summaryFields(idp),
        IncrementalCallbackStatus: idp.udPull?.incrementalCallbackStatus,
        PeriodicSyncStatus: idp.udPull?.periodicSyncStatus,
        UdPullTargetScope: idp.udPull?.udSyncScopeConfig?.targetScope,
      })),
      TotalCount: page.totalCount,
    };
  },
  ListIdentityProvidersForNetworkAccessEndpoint: (ctx, p) => {
    const page = idps.listIdentityProvidersForNetworkAccessEndpoint(ctx.service, p.InstanceId, {
      networkAccessEndpointId: p.NetworkAccessEndpointId,
      nextToken: p.NextToken,
      maxResults: p.MaxResults,
    });
    return {
      IdentityProvidersForNetworkAccessEndpoint: page.items.map((idp) => ({
        IdentityProviderId: idp.identityProviderId,
        IdentityProviderName: idp.identityProviderName,
        InstanceId: idp.instanceId,
      })),
      TotalCount: page.totalCount,
      NextToken: page.nextToken,
    };
  },
  EnableIdentityProviderAuthn: (ctx, p) => {
    idps.setIdentityProviderAuthn(ctx.service, p.InstanceId, p.IdentityProviderId, 'enabled');
    return EMPTY;
  },
  DisableIdentityProviderAuthn: (ctx, p) => {
    idps.setIdentityProviderAuthn(ctx.service, p.InstanceId, p.IdentityProviderId, 'disabled');
    return EMPTY;
  },
  EnableIdentityProviderAdvancedAbility: (ctx, p) => {
    idps.setIdentityProviderAdvancedAbility(ctx.service, p.InstanceId, p.IdentityProviderId, 'enabled');
    return EMPTY;
  },
  DisableIdentityProviderAdvancedAbility: (ctx, p) => {
    idps.setIdentityProviderAdvancedAbility(ctx.service, p.InstanceId, p.IdentityProviderId, 'disabled');
    return EMPTY;
  },
  EnableIdentityProviderUdPull: (ctx, p) => {
    idps.setIdentityProviderUdPull(ctx.service, p.InstanceId, p.IdentityProviderId, 'enabled');
    return EMPTY;
  },
  DisableIdentityProviderUdPull: (ctx, p) => {
    idps.setIdentityProviderUdPull(ctx.service, p.InstanceId, p.IdentityProviderId, 'disabled');
    return EMPTY;
  },
  SetIdentityProviderAuthnConfiguration: (ctx, p) => {
    const {
      instanceId: _i,
      identityProviderId: _p,
      ...input
    } = toInput<
      'SetIdentityProviderAuthnConfiguration',
      idps.AuthnConfiguration & { instanceId: string; identityProviderId: string }
    >(p);
    idps.setIdentityProviderAuthnConfiguration(ctx.service, p.InstanceId, p.IdentityProviderId, input);
    return EMPTY;
  },
  SetIdentityProviderUdPullConfiguration: (ctx, p) => {
    const {
      instanceId: _i,
      identityProviderId: _p,
      ...input
    } = toInput<
      'SetIdentityProviderUdPullConfiguration',
      idps.UdPullConfiguration & { instanceId: string; identityProviderId: string }
    >(p);
    idps.setIdentityProviderUdPullConfiguration(ctx.service, p.InstanceId, p.IdentityProviderId, input);
    return EMPTY;
  },
  SetIdentityProviderUdPushConfiguration: (ctx, p) => {
    const {
      instanceId: _i,
      identityProviderId: _p,
      ...input
    } = toInput<
      'SetIdentityProviderUdPushConfiguration',
      idps.UdPushConfiguration & { instanceId: string; identityProviderId: string }
    >(p);
    idps.setIdentityProviderUdPushConfiguration(ctx.service, p.InstanceId, p.IdentityProviderId, input);
    return EMPTY;
  },
  GetIdentityProviderUdPullConfiguration: (ctx, p) => {
    const c = idps.getIdentityProviderUdPullConfiguration(ctx.service, p.InstanceId, p.IdentityProviderId);
    // The API types PeriodicSyncTimes of this answer as one integer; the hours are reported by
    // GetIdentityProvider's callers through the configuration they set, so the field is left out.
    const periodic = c.periodicSyncConfig && {
      PeriodicSyncCron: c.periodicSyncConfig.periodicSyncCron,
      PeriodicSyncType: c.periodicSyncConfig.periodicSyncType,
    };
    return {
      UdPullConfiguration: {
        IdentityProviderId: p.IdentityProviderId,
        InstanceId: p.InstanceId,
        GroupSyncStatus: c.groupSyncStatus,
        IncrementalCallbackStatus: c.incrementalCallbackStatus,
        PeriodicSyncStatus: c.periodicSyncStatus,
        PeriodicSyncConfig: periodic,
        LdapUdPullConfig: block(c.ldapUdPullConfig),
        PullProtectedRule: block(c.pullProtectedRule),
        UdSyncScopeConfig: block(c.udSyncScopeConfig),
      },
    };
  },
  GetIdentityProviderUdPushConfiguration: (ctx, p) => {
    const c = idps.getIdentityProviderUdPushConfiguration(ctx.service, p.InstanceId, p.IdentityProviderId);
    const periodic = c.periodicSyncConfig && {
      PeriodicSyncCron: c.periodicSyncConfig.periodicSyncCron,
      PeriodicSyncType: c.periodicSyncConfig.periodicSyncType,
      PeriodicSyncTimes: c.periodicSyncConfig.periodicSyncTimes?.map(String),
    };
    return {
      UdPushConfiguration: {
        IdentityProviderId: p.IdentityProviderId,
        InstanceId: p.InstanceId,
        IncrementalCallbackStatus: c.incrementalCallbackStatus,
        PeriodicSyncStatus: c.periodicSyncStatus,
        PeriodicSyncConfig: periodic,
        LdapUdPushConfig: block(c.ldapUdPushConfig),
        UdSyncScopeConfigs: block(c.udSyncScopeConfigs),
      },
    };
  },
  GetIdentityProviderAdvancedConfiguration: (ctx, p) => {
    const dingtalk = idps.getIdentityProviderAdvancedConfiguration(
      ctx.service,
      p.InstanceId,
      p.IdentityProviderId,
    );
    return {
      AdvancedConfiguration: {
        IdentityProviderId: p.IdentityProviderId,
        InstanceId: p.InstanceId,
        DingtalkAdvancedConfig: dingtalk && { AppKey: dingtalk.appKey, AppSecret: dingtalk.appSecret },
      },
    };
  },
  CreateIdentityProviderStatusCheckJob: (ctx, p) => ({
    IdentityProviderStatusCheckJobId: idps.createIdentityProviderStatusCheckJob(
      ctx.service,
      p.InstanceId,
      p.IdentityProviderId,
    ).identityProviderStatusCheckJobId,
  }),
  GetIdentityProviderStatusCheckJob: (ctx, p) => {
    const { idp } = idps.requireIdentityProvider(ctx.service, p.InstanceId, p.IdentityProviderId);
    const job = idps.getIdentityProviderStatusCheckJob(
      ctx.service,
      p.InstanceId,
      p.IdentityProviderId,
      p.IdentityProviderStatusCheckJobId,
    );
    return { IdentityProviderStatusCheckJob: jobFields(idp, job) };
  },
  ExecIdentityProviderMetadataUrlResolution: (ctx, p) => {
    const resolved = idps.execIdentityProviderMetadataUrlResolution(
      ctx.service,
      p.InstanceId,
      toInput<'ExecIdentityProviderMetadataUrlResolution', idps.MetadataResolutionInput>(p),
    );
    return {
      IdentityProviderMetadata: {
        OidcOpenIdConfiguration: resolved.oidc && toWire(resolved.oidc),
        SamlMetadataConfiguration: resolved.saml && {
          IdPEntityId: resolved.saml.idPEntityId,
          IdPSsoUrl: resolved.saml.idPSsoUrl,
          Certificates: resolved.saml.certificates.map((Content) => ({ Content })),
        },
      },
    };
  },
  EnableInternalAuthenticationSource: (ctx, p) => {
    idps.setInternalAuthenticationSource(ctx.service, p.InstanceId, p.AuthenticationSourceId, 'enabled');
    return EMPTY;
  },
  DisableInternalAuthenticationSource: (ctx, p) => {
    idps.setInternalAuthenticationSource(ctx.service, p.InstanceId, p.AuthenticationSourceId, 'disabled');
    return EMPTY;
  },
  BindUserAuthnSourceMapping: (ctx, p) => {
    mappings.bindUserAuthnSourceMapping(
      ctx.service,
      p.InstanceId,
      toInput<'BindUserAuthnSourceMapping', mappings.UserAuthnSourceMappingInput>(p),
    );
    return EMPTY;
  },
  UnbindUserAuthnSourceMapping: (ctx, p) => {
    mappings.unbindUserAuthnSourceMapping(
      ctx.service,
      p.InstanceId,
      toInput<'UnbindUserAuthnSourceMapping', mappings.UserAuthnSourceMappingInput>(p),
    );
    return EMPTY;
  },
  ListUserAuthnSourceMappings: (ctx, p) => {
    const filter = toInput<'ListUserAuthnSourceMappings', mappings.ListUserAuthnSourceMappingsFilter>(p);
    const page = mappings.listUserAuthnSourceMappings(ctx.service, p.InstanceId, filter);
    return {
      UserAuthnSourceMappings: page.items.map(mappingFields),
      TotalCount: page.totalCount,
      MaxResults: p.MaxResults ?? 20,
      NextToken: page.nextToken,
    };
  },
};
