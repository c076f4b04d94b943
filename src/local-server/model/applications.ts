/**
 * Applications of an EIAM instance: lifecycle (CreateApplication … UpdateApplicationInfo),
 * listing, authorization type, SSO configuration, the Developer API switch and scopes, and the
 * clean-up when a directory principal disappears. Client secrets, authorizations and provisioning
 * live in their own modules and reach applications through `requireApplication`.
 *
 * Disabled applications stay readable and configurable: the real service documents that disabling
 * stops SSO and synchronisation, not management; only EnableApplication brings them back.
 */
import * as enums from '../../catalog/enums';
import { DEVELOPER_API_SCOPES, MAX_APPLICATION_NAME } from '../../catalog/rules';
import type { ApplicationState, CustomField, PrincipalKind, Toggle } from './application-state';
import { applySsoConfig, ssoConfigView, type EndpointHosts, type SsoView } from './application-sso';
import {
  checkAllOneOf,
  checkHttpUrl,
  checkMaxItems,
  checkNonBlank,
  checkOneOf,
  distinct,
  readStringList,
} from './validate';
import { invalidParameter, notFound } from './errors';
import { endpointOf } from './instances';
import { pageRequest, type Page } from './paging';
import type { SetApplicationSsoConfigInput } from './application-sso';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';
import type { InstanceState } from './state';
import { forgetConditionalAccessReference } from './conditional-access';

/** CreateApplication input. */
export type CreateApplicationInput = RequestFields<
  'CreateApplication',
  | 'applicationName'
  | 'applicationSourceType'
  | 'applicationTemplateId'
  | 'ssoType'
  | 'applicationIdentityType'
  | 'description'
  | 'logoUrl'
  | 'applicationOwner'
  | 'customFields'
>;
/** ListApplications filters and paging. */
export type ListApplicationsFilter = RequestFields<
  'ListApplications',
  | 'applicationIds'
  | 'applicationName'
  | 'applicationCreationType'
  | 'applicationIdentityType'
  | 'applicationTemplateId'
  | 'authorizationType'
  | 'customFields'
  | 'm2MClientStatus'
  | 'managedServiceCode'
  | 'resourceServerStatus'
  | 'serviceManaged'
  | 'ssoType'
  | 'status'
  | 'pageNumber'
  | 'pageSize'
>;
/** UpdateApplicationInfo input: only the members given change. */
export type UpdateApplicationInfoInput = RequestFields<
  'UpdateApplicationInfo',
  'applicationName' | 'logoUrl' | 'applicationOwner' | 'applicationVisibility' | 'customFields'
>;

// The API's value lists (each spelled once, in the catalog): `ApplicationSourceType`,
// `SsoType`, `ApplicationIdentityType` (default `application`), `AuthorizationType` (new
// applications use `authorize_required`) and the status values of applications and switches.
export {
  APPLICATION_IDENTITY_TYPES,
  APPLICATION_SOURCE_TYPES,
  AUTHORIZATION_TYPES,
  SSO_TYPES,
  TOGGLES,
} from '../../catalog/enums';

/** The `ApplicationSourceType` of applications made from a template. */
export const SOURCE_TEMPLATE = enums.APPLICATION_SOURCE_TYPES[0] satisfies `${string}:template`;

export { DEVELOPER_API_SCOPES, MAX_APPLICATION_NAME } from '../../catalog/rules';
/** Longest application description accepted (emulator's limit). */
export const MAX_APPLICATION_DESCRIPTION = 256;
/** Most ids accepted in one list filter (`ApplicationIds`, `UserIds`, ...), as documented. */
export const MAX_FILTER_IDS = 100;

/** The running instance and one of its applications; `EntityNotExists.Application` when unknown. */
export function requireApplication(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): { inst: InstanceState; app: ApplicationState } {
  const inst = svc.requireRunningInstance(instanceId);
  const app = inst.applications.get(applicationId);
  if (!app) throw notFound('Application', applicationId);
  return { inst, app };
}

function checkName(value: unknown): string {
  const name = checkNonBlank('ApplicationName', value);
  if (name.length > MAX_APPLICATION_NAME) {
    throw invalidParameter('ApplicationName', `it must be at most ${MAX_APPLICATION_NAME} characters long.`);
  }
  return name;
}

function checkDescription(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length > MAX_APPLICATION_DESCRIPTION) {
    throw invalidParameter(
      'Description',
      `it must be at most ${MAX_APPLICATION_DESCRIPTION} characters long.`,
    );
  }
  return value;
}

function checkLogo(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return checkHttpUrl('LogoUrl', value);
}

function checkOwner(
  svc: ModelContext,
  inst: InstanceState,
  owner: CreateApplicationInput['applicationOwner'],
): ApplicationState['owner'] {
  const userIds = distinct(readStringList('ApplicationOwner.UserIds', owner?.userIds) ?? []);
  const groupIds = distinct(readStringList('ApplicationOwner.GroupIds', owner?.groupIds) ?? []);
  for (const id of userIds) svc.requireUser(inst, id);
  for (const id of groupIds) svc.requireGroup(inst, id);
  return { userIds, groupIds };
}

function checkCustomFields(fields: CreateApplicationInput['customFields']): CustomField[] {
  const byName = new Map<string, string>();
  for (const field of fields ?? []) {
    byName.set(checkNonBlank('CustomFields.FieldName', field.fieldName), field.fieldValue ?? '');
  }
  return [...byName].map(([fieldName, fieldValue]) => ({ fieldName, fieldValue }));
}

/**
 * CreateApplication. Template applications need `ApplicationTemplateId`; every application has a
 * fixed `SsoType` (`saml2` or `oidc`). The new application is enabled, requires explicit
 * authorization, has the Developer API off, no secrets and no provisioning. Its ClientId is its
 * ApplicationId, as on the real service.
 */
export function createApplication(
  svc: ModelContext,
  instanceId: string,
  req: CreateApplicationInput,
): ApplicationState {
  const inst = svc.requireRunningInstance(instanceId);
  const name = checkName(req.applicationName);
  const sourceType = checkOneOf(
    'ApplicationSourceType',
    req.applicationSourceType,
    enums.APPLICATION_SOURCE_TYPES,
  );
  let templateId: string | undefined;
  if (sourceType === SOURCE_TEMPLATE) {
    if (req.applicationTemplateId === undefined || req.applicationTemplateId.trim() === '') {
      throw invalidParameter(
        'ApplicationTemplateId',
        `it is required when ApplicationSourceType is ${SOURCE_TEMPLATE}.`,
      );
    }
    templateId = req.applicationTemplateId;
  } else if (req.applicationTemplateId !== undefined && req.applicationTemplateId !== '') {
    throw invalidParameter(
      'ApplicationTemplateId',
      `it applies only when ApplicationSourceType is ${SOURCE_TEMPLATE}.`,
    );
  }
  const ssoType = checkOneOf('SsoType', req.ssoType, enums.SSO_TYPES);
  const identityType =
    req.applicationIdentityType === undefined || req.applicationIdentityType === ''
      ? 'application'
      : checkOneOf('ApplicationIdentityType', req.applicationIdentityType, enums.APPLICATION_IDENTITY_TYPES);
  const description = checkDescription(req.description);
  const logoUrl = checkLogo(req.logoUrl);
  const owner = checkOwner(svc, inst, req.applicationOwner);
  const customFields = checkCustomFields(req.customFields);

  const now = svc.now();
  const applicationId = svc.newId('app');
  const app: ApplicationState = {
    applicationId,
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    clientId: applicationId,
    applicationName: name,
    description,
    logoUrl,
    applicationSourceType: sourceType,
    applicationTemplateId: templateId,
    applicationIdentityType: identityType,
    applicationCreationType: 'user_custom',
    ssoType,
    status: 'enabled',
    authorizationType: 'authorize_required',
    apiInvokeStatus: 'disabled',
    owner,
    visibility: [],
    customFields,
    createTime: now,
    updateTime: now,
    sso: {},
    clientSecrets: new Map(),
    authorizations: { users: new Map(), groups: new Map(), organizationalUnits: new Map() },
    grantScopes: [],
    provisioning: { status: 'disabled', scopeOrganizationalUnitIds: [], scopeGroupIds: [] },
  };
  inst.applications.set(applicationId, app);
  return app;
}

/** DeleteApplication: the application goes with its secrets, authorizations and configuration. */
export function deleteApplication(svc: ModelContext, instanceId: string, applicationId: string): void {
  const { inst } = requireApplication(svc, instanceId, applicationId);
  inst.applications.delete(applicationId);
  forgetConditionalAccessReference(inst, applicationId);
}

/** UpdateApplicationDescription (absent or empty clears it). */
export function updateApplicationDescription(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  description: string | undefined,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  app.description = checkDescription(description);
  app.updateTime = svc.now();
}

/** The on/off switches of an application that its Enable/Disable operations turn. */
export type ApplicationSwitch = 'status' | 'apiInvokeStatus';

/**
 * EnableApplication / DisableApplication (`status`) and EnableApplicationApiInvoke /
 * DisableApplicationApiInvoke (`apiInvokeStatus`); turning a switch to where it is is a no-op.
 */
export function setApplicationSwitch(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  which: ApplicationSwitch,
  value: Toggle,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  if (app[which] === value) return;
  app[which] = value;
  app.updateTime = svc.now();
}

/** GetApplication. */
export function getApplication(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): ApplicationState {
  return requireApplication(svc, instanceId, applicationId).app;
}

function matchesFilter(value: string | undefined, wanted: string | undefined): boolean {
  return wanted === undefined || wanted === '' || value === wanted;
}

/**
 * ListApplications, in creation order. By default only `user_custom` applications of identity type
 * `application` are listed (`all` lifts either restriction); `ApplicationName` matches a
 * case-insensitive substring; the other filters match exactly.
 */
export function listApplications(
  svc: ModelContext,
  instanceId: string,
  req: ListApplicationsFilter,
): Page<ApplicationState> {
  const inst = svc.requireRunningInstance(instanceId);
  const page = pageRequest(req.pageNumber, req.pageSize);
  const ids = req.applicationIds && checkMaxItems('ApplicationIds', req.applicationIds, MAX_FILTER_IDS);
  if (req.status) checkOneOf('Status', req.status, enums.TOGGLES);
  if (req.ssoType) checkOneOf('SsoType', req.ssoType, enums.SSO_TYPES);
  if (req.authorizationType)
    checkOneOf('AuthorizationType', req.authorizationType, enums.AUTHORIZATION_TYPES);
  const creationType = req.applicationCreationType || 'user_custom';
  const identityType = req.applicationIdentityType || 'application';
  const name = req.applicationName?.toLowerCase();
  const fields = (req.customFields ?? []).filter((f) => f.fieldName);

  const matches = [...inst.applications.values()]
    .filter(
      (app) =>
        (ids === undefined || ids.includes(app.applicationId)) &&
        (creationType === 'all' || app.applicationCreationType === creationType) &&
        (identityType === 'all' || app.applicationIdentityType === identityType) &&
        (!name || app.applicationName.toLowerCase().includes(name)) &&
        matchesFilter(app.status, req.status) &&
        matchesFilter(app.ssoType, req.ssoType) &&
        matchesFilter(app.authorizationType, req.authorizationType) &&
        matchesFilter(app.applicationTemplateId, req.applicationTemplateId) &&
        matchesFilter('disabled', req.m2MClientStatus) &&
        matchesFilter('disabled', req.resourceServerStatus) &&
        (req.serviceManaged === undefined || req.serviceManaged === false) &&
        !req.managedServiceCode &&
        fields.every((f) =>
          app.customFields.some((c) => c.fieldName === f.fieldName && c.fieldValue === (f.fieldValue ?? '')),
        ),
    )
    .sort((a, b) => a.seq - b.seq);
  return { items: matches.slice(page.offset, page.offset + page.limit), totalCount: matches.length };
}

const REMOVE_OPERATIONS = ['delete', 'remove'];
const UPSERT_OPERATIONS = ['add', 'update', 'replace'];

/**
 * UpdateApplicationInfo: name, logo, owner, visibility and custom fields; only the parameters given
 * change. ApplicationId and ClientId never change. A custom field with `Operation` `delete` (or
 * `remove`) is removed; any other (`add`, `update`, `replace`, or none) sets the value.
 */
export function updateApplicationInfo(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  req: UpdateApplicationInfoInput,
): void {
  const { inst, app } = requireApplication(svc, instanceId, applicationId);
  const name = req.applicationName !== undefined ? checkName(req.applicationName) : undefined;
  const logo = req.logoUrl !== undefined ? checkLogo(req.logoUrl) : undefined;
  const owner = req.applicationOwner !== undefined ? checkOwner(svc, inst, req.applicationOwner) : undefined;
  const visibility =
    req.applicationVisibility !== undefined
      ? distinct(readStringList('ApplicationVisibility', req.applicationVisibility) ?? [])
      : undefined;
  let customFields: CustomField[] | undefined;
  if (req.customFields !== undefined) {
    const byName = new Map(app.customFields.map((f) => [f.fieldName, f.fieldValue]));
    for (const field of req.customFields) {
      const fieldName = checkNonBlank('CustomFields.FieldName', field.fieldName);
      const operation = (field.operation ?? 'add').toLowerCase();
      if (REMOVE_OPERATIONS.includes(operation)) byName.delete(fieldName);
      else if (UPSERT_OPERATIONS.includes(operation)) byName.set(fieldName, field.fieldValue ?? '');
      else
        throw invalidParameter(
          'CustomFields.Operation',
          `'${field.operation}' is not add, update or delete.`,
        );
    }
    customFields = [...byName].map(([fieldName, fieldValue]) => ({ fieldName, fieldValue }));
  }

  if (name !== undefined) app.applicationName = name;
  if (req.logoUrl !== undefined) app.logoUrl = logo;
  if (owner !== undefined) app.owner = owner;
  if (visibility !== undefined) app.visibility = visibility;
  if (customFields !== undefined) app.customFields = customFields;
  app.updateTime = svc.now();
}

/** UpdateApplicationAuthorizationType. */
export function updateAuthorizationType(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  authorizationType: string,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const value = checkOneOf('AuthorizationType', authorizationType, enums.AUTHORIZATION_TYPES);
  if (app.authorizationType === value) return;
  app.authorizationType = value;
  app.updateTime = svc.now();
}

/** Where the instance's SSO endpoints live: its portal domain and the regional protocol API. */
export function endpointHosts(svc: ModelContext, instanceId: string): EndpointHosts {
  return { portalDomain: endpointOf(instanceId), apiHost: `eiam-api-${svc.regionId}.aliyuncs.com` };
}

/** SetApplicationSsoConfig (see `applySsoConfig` for the rules). */
export function setSsoConfig(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  req: SetApplicationSsoConfigInput,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  applySsoConfig(app, req);
  app.updateTime = svc.now();
}

/** GetApplicationSsoConfig: the stored settings with the service defaults and endpoints. */
export function getSsoConfig(svc: ModelContext, instanceId: string, applicationId: string): SsoView {
  const { app } = requireApplication(svc, instanceId, applicationId);
  return ssoConfigView(app, endpointHosts(svc, instanceId));
}

/** SetApplicationGrantScope: replaces the Developer API scopes (absent → none). */
export function setGrantScopes(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  scopes: string[] | undefined,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const list = readStringList('GrantScopes', scopes) ?? [];
  app.grantScopes = checkAllOneOf('GrantScopes', list, DEVELOPER_API_SCOPES);
  app.updateTime = svc.now();
}

/** GetApplicationGrantScope. */
export function getGrantScopes(svc: ModelContext, instanceId: string, applicationId: string): string[] {
  return [...requireApplication(svc, instanceId, applicationId).app.grantScopes];
}

/**
 * Forgets a deleted directory principal in every application of the instance: its authorizations,
 * its place in provisioning scopes and in application owners. `EiamService` registers it as its
 * principal-deletion listener.
 */
export function forgetPrincipal(inst: InstanceState, kind: PrincipalKind, id: string): void {
  for (const app of inst.applications.values()) {
    if (kind === 'user') {
      app.authorizations.users.delete(id);
      app.owner.userIds = app.owner.userIds.filter((x) => x !== id);
    } else if (kind === 'group') {
      app.authorizations.groups.delete(id);
      app.owner.groupIds = app.owner.groupIds.filter((x) => x !== id);
      app.provisioning.scopeGroupIds = app.provisioning.scopeGroupIds.filter((x) => x !== id);
    } else {
      app.authorizations.organizationalUnits.delete(id);
      app.provisioning.scopeOrganizationalUnitIds = app.provisioning.scopeOrganizationalUnitIds.filter(
        (x) => x !== id,
      );
    }
  }
}
