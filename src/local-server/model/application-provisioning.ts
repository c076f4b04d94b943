/**
 * Account provisioning (synchronisation) of an application: the on/off switch, the protocol
 * configuration (IDaaS event callback or SCIM 2.0) and the scope of directory entities pushed.
 *
 * The configuration block must match `ProvisionProtocolType`; a block of the other protocol is
 * refused. Enabling provisioning needs a configuration first. GetApplicationProvisioningConfig
 * masks the secrets it stores (callback `EncryptKey`, SCIM `AccessToken` and `ClientSecret`), as
 * the real service's sample response does for `EncryptKey`: they are write-only for clients.
 */
import type { Camel } from '../../catalog/case';
import * as enums from '../../catalog/enums';
import type {
  GetApplicationProvisioningConfigResponse,
  GetApplicationProvisioningScopeResponse,
} from '../../catalog';
import type {
  ApplicationState,
  CallbackProvisioningConfigState,
  ProvisioningState,
  ScimProvisioningConfigState,
  Toggle,
} from './application-state';
import {
  checkAllOneOf,
  checkHttpUrl,
  checkNonBlank,
  checkOneOf,
  distinct,
  readBoolean,
  readStringList,
} from './validate';
import { maskSecret } from './application-secrets';
import { endpointHosts, requireApplication, SOURCE_TEMPLATE } from './applications';
import { invalidParameter, operationDenied, quotaExceeded } from './errors';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';

// The API's value lists, each spelled once in the catalog: `ProvisionProtocolType`, the SCIM
// authorization modes, grant types and client authentication methods, the SCIM actions pushed
// to the target and the full-push scopes.
export {
  PROVISION_PROTOCOL_TYPES,
  SCIM_AUTHN_METHODS,
  SCIM_AUTHN_MODES,
  SCIM_FULL_PUSH_SCOPES,
  SCIM_GRANT_TYPES,
  SCIM_PROVISIONING_ACTIONS,
} from '../../catalog/enums';
/** Callback event types look like `urn:alibaba:idaas:app:event:ud:user:create`. */
const EVENT_SCOPE_PATTERN = /^urn:alibaba:idaas:app:event:[a-z0-9_]+(:[a-z0-9_]+)+$/;
/** The callback key is an AES-256 key, hex encoded. */
const ENCRYPT_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;
/** Most entries (OUs + groups) a provisioning scope may hold, as GetApplicationProvisioningScope reports. */
export const MAX_PROVISIONING_SCOPE = 1000;

/** SetApplicationProvisioningConfig input. */
export type SetApplicationProvisioningConfigInput = RequestFields<
  'SetApplicationProvisioningConfig',
  | 'provisionProtocolType'
  | 'provisionPassword'
  | 'networkAccessEndpointId'
  | 'callbackProvisioningConfig'
  | 'scimProvisioningConfig'
>;
type CallbackInput = NonNullable<SetApplicationProvisioningConfigInput['callbackProvisioningConfig']>;
type ScimInput = NonNullable<SetApplicationProvisioningConfigInput['scimProvisioningConfig']>;
/** GetApplicationProvisioningConfig's config with camelCase keys (handlers apply `toWire`). */
export type ConfigView = Camel<
  NonNullable<GetApplicationProvisioningConfigResponse['ApplicationProvisioningConfig']>
>;
/** GetApplicationProvisioningScope's scope with camelCase keys (handlers apply `toWire`). */
export type ScopeView = Camel<
  NonNullable<GetApplicationProvisioningScopeResponse['ApplicationProvisioningScope']>
>;

function parseCallback(input: CallbackInput): CallbackProvisioningConfigState {
  const f = (name: string) => `CallbackProvisioningConfig.${name}`;
  const out: CallbackProvisioningConfigState = {
    callbackUrl: checkHttpUrl(f('CallbackUrl'), checkNonBlank(f('CallbackUrl'), input.callbackUrl)),
  };
  const encryptRequired = readBoolean(f('EncryptRequired'), input.encryptRequired) ?? false;
  out.encryptRequired = encryptRequired;
  if (input.encryptKey !== undefined && input.encryptKey !== '') {
    if (!ENCRYPT_KEY_PATTERN.test(input.encryptKey)) {
      throw invalidParameter(f('EncryptKey'), 'it must be an AES-256 key: 64 hexadecimal characters.');
    }
    out.encryptKey = input.encryptKey;
  } else if (encryptRequired) {
    throw invalidParameter(f('EncryptKey'), 'it is required when EncryptRequired is true.');
  }
  const scopes = readStringList(f('ListenEventScopes'), input.listenEventScopes);
  if (scopes !== undefined) {
    for (const scope of scopes) {
      if (!EVENT_SCOPE_PATTERN.test(scope)) {
        throw invalidParameter(
          f('ListenEventScopes'),
          `'${scope}' is not an IDaaS event type (urn:alibaba:idaas:app:event:…).`,
        );
      }
    }
    out.listenEventScopes = distinct(scopes);
  }
  return out;
}

function parseScim(input: ScimInput): ScimProvisioningConfigState {
  const f = (name: string) => `ScimProvisioningConfig.${name}`;
  const out: ScimProvisioningConfigState = {
    scimBaseUrl: checkHttpUrl(f('ScimBaseUrl'), checkNonBlank(f('ScimBaseUrl'), input.scimBaseUrl)),
  };
  const actions = readStringList(f('ProvisioningActions'), input.provisioningActions);
  out.provisioningActions =
    actions === undefined
      ? [...enums.SCIM_PROVISIONING_ACTIONS]
      : checkAllOneOf(f('ProvisioningActions'), actions, enums.SCIM_PROVISIONING_ACTIONS);
  const pushScopes = readStringList(f('FullPushScopes'), input.fullPushScopes);
  if (pushScopes !== undefined)
    out.fullPushScopes = checkAllOneOf(f('FullPushScopes'), pushScopes, enums.SCIM_FULL_PUSH_SCOPES);

  const authn = input.authnConfiguration;
  if (authn === undefined) throw invalidParameter(f('AuthnConfiguration'), 'it is required for scim2.');
  const a = (name: string) => f(`AuthnConfiguration.${name}`);
  const mode = authn.authnMode
    ? checkOneOf(a('AuthnMode'), authn.authnMode, enums.SCIM_AUTHN_MODES)
    : 'oauth2';
  const grantType = checkOneOf(
    a('GrantType'),
    checkNonBlank(a('GrantType'), authn.grantType),
    enums.SCIM_GRANT_TYPES,
  );
  const param = authn.authnParam ?? {};
  const p = (name: string) => a(`AuthnParam.${name}`);
  if (grantType === 'bearer_token') {
    const clientCredentialsOnly = [
      ['clientId', 'ClientId'],
      ['clientSecret', 'ClientSecret'],
      ['tokenEndpoint', 'TokenEndpoint'],
      ['authnMethod', 'AuthnMethod'],
    ] as const;
    for (const [name, wire] of clientCredentialsOnly) {
      if (param[name]) throw invalidParameter(p(wire), 'it applies only to the client_credentials grant.');
    }
    out.authnConfiguration = {
      authnMode: mode,
      grantType,
      authnParam: { accessToken: checkNonBlank(p('AccessToken'), param.accessToken) },
    };
  } else {
    if (param.accessToken)
      throw invalidParameter(p('AccessToken'), 'it applies only to the bearer_token grant.');
    out.authnConfiguration = {
      authnMode: mode,
      grantType,
      authnParam: {
        clientId: checkNonBlank(p('ClientId'), param.clientId),
        clientSecret: checkNonBlank(p('ClientSecret'), param.clientSecret),
        tokenEndpoint: checkHttpUrl(
          p('TokenEndpoint'),
          checkNonBlank(p('TokenEndpoint'), param.tokenEndpoint),
        ),
        authnMethod: checkOneOf(
          p('AuthnMethod'),
          checkNonBlank(p('AuthnMethod'), param.authnMethod),
          enums.SCIM_AUTHN_METHODS,
        ),
      },
    };
  }
  return out;
}

/**
 * SetApplicationProvisioningConfig: replaces the protocol configuration. The block matching
 * `ProvisionProtocolType` is required and the other one refused. The status is left as it is.
 */
export function setProvisioningConfig(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  req: SetApplicationProvisioningConfigInput,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const protocol = checkOneOf(
    'ProvisionProtocolType',
    req.provisionProtocolType,
    enums.PROVISION_PROTOCOL_TYPES,
  );
  const next: ProvisioningState = {
    status: app.provisioning.status,
    protocolType: protocol,
    scopeOrganizationalUnitIds: app.provisioning.scopeOrganizationalUnitIds,
    scopeGroupIds: app.provisioning.scopeGroupIds,
    provisionPassword: readBoolean('ProvisionPassword', req.provisionPassword) ?? false,
  };
  if (req.networkAccessEndpointId) next.networkAccessEndpointId = req.networkAccessEndpointId;
  if (protocol === 'idaas_callback') {
    if (req.scimProvisioningConfig !== undefined) {
      throw invalidParameter(
        'ScimProvisioningConfig',
        'it applies only when ProvisionProtocolType is scim2.',
      );
    }
    if (req.callbackProvisioningConfig === undefined) {
      throw invalidParameter(
        'CallbackProvisioningConfig',
        'it is required when ProvisionProtocolType is idaas_callback.',
      );
    }
    next.callback = parseCallback(req.callbackProvisioningConfig);
  } else {
    if (req.callbackProvisioningConfig !== undefined) {
      throw invalidParameter(
        'CallbackProvisioningConfig',
        'it applies only when ProvisionProtocolType is idaas_callback.',
      );
    }
    if (req.scimProvisioningConfig === undefined) {
      throw invalidParameter('ScimProvisioningConfig', 'it is required when ProvisionProtocolType is scim2.');
    }
    next.scim = parseScim(req.scimProvisioningConfig);
  }
  app.provisioning = next;
  app.updateTime = svc.now();
}

/**
 * EnableApplicationProvisioning / DisableApplicationProvisioning (idempotent). Enabling an
 * application that has no provisioning configuration yet is refused with
 * `OperationDenied.ProvisioningNotConfigured`.
 */
export function setProvisioningStatus(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  status: Toggle,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  if (app.provisioning.status === status) return;
  if (status === 'enabled' && app.provisioning.protocolType === undefined) {
    throw operationDenied(
      'ProvisioningNotConfigured',
      `The application '${applicationId}' has no provisioning configuration; call SetApplicationProvisioningConfig first.`,
    );
  }
  app.provisioning.status = status;
  app.updateTime = svc.now();
}

function viewConfig(app: ApplicationState, jwksEndpoint: string): ConfigView {
  const p = app.provisioning;
  const view: ConfigView = {
    applicationId: app.applicationId,
    instanceId: app.instanceId,
    status: p.status,
    configOperateMode: app.applicationSourceType === SOURCE_TEMPLATE ? 'template' : 'standard',
    provisionJwksEndpoint: jwksEndpoint,
    provisionProtocolType: p.protocolType,
    provisionPassword: p.protocolType !== undefined ? (p.provisionPassword ?? false) : undefined,
    networkAccessEndpointId: p.networkAccessEndpointId,
  };
  if (p.callback) {
    view.callbackProvisioningConfig = {
      callbackUrl: p.callback.callbackUrl,
      encryptRequired: p.callback.encryptRequired,
      encryptKey: p.callback.encryptKey !== undefined ? maskSecret(p.callback.encryptKey) : undefined,
      listenEventScopes: p.callback.listenEventScopes,
    };
  }
  if (p.scim) {
    const authn = p.scim.authnConfiguration;
    const param = authn?.authnParam;
    view.scimProvisioningConfig = {
      scimBaseUrl: p.scim.scimBaseUrl,
      provisioningActions: p.scim.provisioningActions,
      fullPushScopes: p.scim.fullPushScopes,
      authnConfiguration: authn && {
        authnMode: authn.authnMode,
        grantType: authn.grantType,
        authnParam: param && {
          accessToken: param.accessToken !== undefined ? maskSecret(param.accessToken) : undefined,
          clientId: param.clientId,
          clientSecret: param.clientSecret !== undefined ? maskSecret(param.clientSecret) : undefined,
          tokenEndpoint: param.tokenEndpoint,
          authnMethod: param.authnMethod,
        },
      },
    };
  }
  return view;
}

/** GetApplicationProvisioningConfig (secrets masked; see the module comment). */
export function getProvisioningConfig(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): ConfigView {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const { apiHost } = endpointHosts(svc, instanceId);
  return viewConfig(app, `https://${apiHost}/v2/${instanceId}/${applicationId}/provisioning/jwks`);
}

/**
 * SetApplicationProvisioningScope: replaces the OUs and groups in scope (an absent list empties
 * it). Every id must exist; at most `MAX_PROVISIONING_SCOPE` entries in all.
 */
export function setProvisioningScope(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  organizationalUnitIds: string[] | undefined,
  groupIds: string[] | undefined,
): void {
  const { inst, app } = requireApplication(svc, instanceId, applicationId);
  const ous = distinct(readStringList('OrganizationalUnitIds', organizationalUnitIds) ?? []);
  const groups = distinct(readStringList('GroupIds', groupIds) ?? []);
  for (const id of ous) svc.requireOrganizationalUnit(inst, id);
  for (const id of groups) svc.requireGroup(inst, id);
  if (ous.length + groups.length > MAX_PROVISIONING_SCOPE) {
    throw quotaExceeded(
      'QuotaExceeded.ApplicationProvisioningScope',
      `A provisioning scope holds at most ${MAX_PROVISIONING_SCOPE} organizational units and groups.`,
    );
  }
  app.provisioning.scopeOrganizationalUnitIds = ous;
  app.provisioning.scopeGroupIds = groups;
  app.updateTime = svc.now();
}

/**
 * GetApplicationProvisioningScope. Entities deleted since the scope was set are not reported.
 * `UsedQuota` counts the entries in scope, `MaxQuota` is `MAX_PROVISIONING_SCOPE`.
 */
export function getProvisioningScope(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): ScopeView {
  const { inst, app } = requireApplication(svc, instanceId, applicationId);
  const ous = app.provisioning.scopeOrganizationalUnitIds.filter((id) => inst.organizationalUnits.has(id));
  const groups = app.provisioning.scopeGroupIds.filter((id) => inst.groups.has(id));
  return {
    organizationalUnitIds: ous,
    groupIds: groups,
    usedQuota: ous.length + groups.length,
    maxQuota: MAX_PROVISIONING_SCOPE,
  };
}
