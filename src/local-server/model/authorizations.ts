/**
 * Application authorizations: which users, groups and organizational units may use an application
 * (AuthorizeApplicationTo*, RevokeApplicationFrom*, List*ForApplication, ListApplicationsFor*).
 *
 * A grant is a (principal, ApplicationRoleId) pair; a grant without a role is stored under the role
 * id `''`. Authorizing is idempotent, revoking something never granted is a successful no-op, and
 * every principal named must exist (`EntityNotExists.User|Group|OrganizationalUnit`). Listings are
 * in grant order (applications: creation order).
 */
import { QUERY_MODES } from '../../catalog/enums';
import type { ApplicationState, PrincipalKind } from './application-state';
import { checkMaxItems, checkOneOf, distinct, readStringList } from './validate';
import { MAX_FILTER_IDS, requireApplication } from './applications';
import { pageRequest, type Page } from './paging';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';
import type { InstanceState } from './state';

/** Role id under which a grant without `ApplicationRoleId` is stored. */
export const NO_ROLE = '';

// `QueryMode` values of ListApplicationsForUser (default `OnlyDirect`), from the catalog.
export { QUERY_MODES } from '../../catalog/enums';

/** Wire name of the id list parameter of each principal kind. */
const ID_PARAMETER: Record<PrincipalKind, string> = {
  user: 'UserIds',
  group: 'GroupIds',
  organizationalUnit: 'OrganizationalUnitIds',
};

function grantsOf(app: ApplicationState, kind: PrincipalKind): Map<string, string[]> {
  if (kind === 'user') return app.authorizations.users;
  if (kind === 'group') return app.authorizations.groups;
  return app.authorizations.organizationalUnits;
}

function principalExists(inst: InstanceState, kind: PrincipalKind, id: string): boolean {
  if (kind === 'user') return inst.users.has(id);
  if (kind === 'group') return inst.groups.has(id);
  return inst.organizationalUnits.has(id);
}

function requirePrincipal(svc: ModelContext, inst: InstanceState, kind: PrincipalKind, id: string): void {
  if (kind === 'user') svc.requireUser(inst, id);
  else if (kind === 'group') svc.requireGroup(inst, id);
  else svc.requireOrganizationalUnit(inst, id);
}

function roleOf(roleId: string | undefined): string {
  return roleId === undefined ? NO_ROLE : roleId;
}

/**
 * A batch of principals to authorize or revoke. Written by hand on purpose: one function serves
 * the three operations of each verb, so the kind of principal is a member and its ids (`UserIds`,
 * `GroupIds` or `OrganizationalUnitIds` on the wire) are `ids`.
 */
export interface AuthorizationChange {
  kind: PrincipalKind;
  ids: string[];
  applicationRoleId?: string;
}

/** AuthorizeApplicationToUsers/Groups/OrganizationalUnits: all principals checked before any grant. */
export function authorize(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  change: AuthorizationChange,
): void {
  const { inst, app } = requireApplication(svc, instanceId, applicationId);
  const ids = distinct(readStringList(ID_PARAMETER[change.kind], change.ids) ?? []);
  for (const id of ids) requirePrincipal(svc, inst, change.kind, id);
  const role = roleOf(change.applicationRoleId);
  const grants = grantsOf(app, change.kind);
  for (const id of ids) {
    const roles = grants.get(id) ?? [];
    if (!roles.includes(role)) grants.set(id, [...roles, role].sort());
  }
}

/**
 * RevokeApplicationFromUsers/Groups/OrganizationalUnits. Without `ApplicationRoleId` the principal
 * loses every grant on the application; with one, only that role (the principal stays authorized
 * while other roles remain). Unknown or never-granted principals are ignored.
 */
export function revoke(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  change: AuthorizationChange,
): void {
  const { app } = requireApplication(svc, instanceId, applicationId);
  const ids = distinct(readStringList(ID_PARAMETER[change.kind], change.ids) ?? []);
  const grants = grantsOf(app, change.kind);
  for (const id of ids) {
    if (change.applicationRoleId === undefined) {
      grants.delete(id);
      continue;
    }
    const roles = grants.get(id);
    if (!roles) continue;
    const rest = roles.filter((r) => r !== change.applicationRoleId);
    if (rest.length === 0) grants.delete(id);
    else grants.set(id, rest);
  }
}

/** One authorized principal and the roles it was granted with (the plain grant not listed). */
export interface PrincipalGrant {
  id: string;
  roleIds: string[];
}

/**
 * Filters of List*ForApplication. Written by hand on purpose, like {@link AuthorizationChange}:
 * one function serves the three listings, so the id filter is `ids` whatever its wire name.
 */
export interface GrantListFilter {
  kind: PrincipalKind;
  ids?: string[];
  applicationRoleId?: string;
  pageNumber?: number;
  pageSize?: number;
}

/**
 * ListUsersForApplication / ListGroupsForApplication / ListOrganizationalUnitsForApplication: the
 * principals directly authorized, in grant order, optionally restricted to some ids or one role.
 */
export function listGrants(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
  filter: GrantListFilter,
): Page<PrincipalGrant> {
  const { inst, app } = requireApplication(svc, instanceId, applicationId);
  const page = pageRequest(filter.pageNumber, filter.pageSize);
  const wanted = filter.ids && new Set(checkMaxItems(ID_PARAMETER[filter.kind], filter.ids, MAX_FILTER_IDS));
  const matches: PrincipalGrant[] = [];
  for (const [id, roles] of grantsOf(app, filter.kind)) {
    if (!principalExists(inst, filter.kind, id)) continue;
    if (wanted && !wanted.has(id)) continue;
    if (filter.applicationRoleId !== undefined && !roles.includes(filter.applicationRoleId)) continue;
    matches.push({ id, roleIds: roles.filter((r) => r !== NO_ROLE) });
  }
  return { items: matches.slice(page.offset, page.offset + page.limit), totalCount: matches.length };
}

/** One role of an application a user can use, and how the user got it. */
export interface UserRoleAccess {
  roleId: string;
  direct: boolean;
  inherited: boolean;
}

/** One application a user can use, and how. */
export interface UserApplicationAccess {
  applicationId: string;
  direct: boolean;
  inherited: boolean;
  roles: UserRoleAccess[];
}

/** Filters of ListApplicationsForUser. */
export type UserApplicationsFilter = RequestFields<
  'ListApplicationsForUser',
  'queryMode' | 'applicationIds' | 'pageNumber' | 'pageSize'
>;

/**
 * ListApplicationsForUser. `OnlyDirect` (default): applications the user is authorized to itself.
 * `IncludeInherit`: also those authorized to one of the user's groups, to one of the user's OUs or
 * to any ancestor of those OUs (an OU grant covers its whole subtree), and every `default_all`
 * application (treated as granted to the root OU, hence inherited). The flags tell which kinds of
 * grant exist, per application and per role.
 */
export function listApplicationsForUser(
  svc: ModelContext,
  instanceId: string,
  userId: string,
  filter: UserApplicationsFilter,
): Page<UserApplicationAccess> {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireUser(inst, userId);
  const mode = filter.queryMode ? checkOneOf('QueryMode', filter.queryMode, QUERY_MODES) : 'OnlyDirect';
  const page = pageRequest(filter.pageNumber, filter.pageSize);
  const wanted =
    filter.applicationIds && new Set(checkMaxItems('ApplicationIds', filter.applicationIds, MAX_FILTER_IDS));

  const groupIds = svc.groupsOfUser(inst, userId);
  const ouIds = new Set<string>();
  for (const ouId of svc.organizationalUnitsOfUser(inst, userId)) {
    if (!inst.organizationalUnits.has(ouId)) continue;
    ouIds.add(ouId);
    for (const ancestor of svc.ancestorsOf(inst, ouId)) ouIds.add(ancestor);
  }

  const matches: UserApplicationAccess[] = [];
  const apps = [...inst.applications.values()].sort((a, b) => a.seq - b.seq);
  for (const app of apps) {
    if (wanted && !wanted.has(app.applicationId)) continue;
    const directRoles = app.authorizations.users.get(userId) ?? [];
    const inheritedRoles = new Set<string>();
    for (const groupId of groupIds)
      for (const r of app.authorizations.groups.get(groupId) ?? []) inheritedRoles.add(r);
    for (const ouId of ouIds)
      for (const r of app.authorizations.organizationalUnits.get(ouId) ?? []) inheritedRoles.add(r);
    const defaultAll = app.authorizationType === 'default_all';
    const direct = directRoles.length > 0;
    const inherited = inheritedRoles.size > 0 || defaultAll;
    if (!direct && !(mode === 'IncludeInherit' && inherited)) continue;
    const roleIds = new Set([...directRoles, ...(mode === 'IncludeInherit' ? inheritedRoles : [])]);
    roleIds.delete(NO_ROLE);
    matches.push({
      applicationId: app.applicationId,
      direct,
      inherited,
      roles: [...roleIds].sort().map((roleId) => ({
        roleId,
        direct: directRoles.includes(roleId),
        inherited: inheritedRoles.has(roleId),
      })),
    });
  }
  return { items: matches.slice(page.offset, page.offset + page.limit), totalCount: matches.length };
}

/** Filters of ListApplicationsForOrganizationalUnit. */
export type OrganizationalUnitApplicationsFilter = RequestFields<
  'ListApplicationsForOrganizationalUnit',
  'applicationIds' | 'pageNumber' | 'pageSize'
>;

/** One application granted to an OU, with the roles granted. */
export interface OrganizationalUnitApplicationAccess {
  applicationId: string;
  roleIds: string[];
}

/**
 * ListApplicationsForOrganizationalUnit: only applications granted to this OU itself (as the API
 * reference states), not those granted to its ancestors.
 */
export function listApplicationsForOrganizationalUnit(
  svc: ModelContext,
  instanceId: string,
  organizationalUnitId: string,
  filter: OrganizationalUnitApplicationsFilter,
): Page<OrganizationalUnitApplicationAccess> {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireOrganizationalUnit(inst, organizationalUnitId);
  const page = pageRequest(filter.pageNumber, filter.pageSize);
  const wanted =
    filter.applicationIds && new Set(checkMaxItems('ApplicationIds', filter.applicationIds, MAX_FILTER_IDS));
  const matches: OrganizationalUnitApplicationAccess[] = [];
  for (const app of [...inst.applications.values()].sort((a, b) => a.seq - b.seq)) {
    if (wanted && !wanted.has(app.applicationId)) continue;
    const roles = app.authorizations.organizationalUnits.get(organizationalUnitId);
    if (!roles) continue;
    matches.push({ applicationId: app.applicationId, roleIds: roles.filter((r) => r !== NO_ROLE) });
  }
  return { items: matches.slice(page.offset, page.offset + page.limit), totalCount: matches.length };
}
