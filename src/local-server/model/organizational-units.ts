/**
 * Organizational units: a tree under each instance's root OU.
 *
 * Rules: names are unique among siblings; external ids are unique in the instance; the root can be
 * neither deleted nor moved; an OU cannot move under itself or a descendant; DeleteOrganizationalUnit
 * refuses an OU that still has child OUs or member accounts; DeleteOrganizationalUnitChildren
 * removes the OU with its whole subtree and force-deletes the accounts whose primary OU is in it.
 */
import { alreadyExists, conflict, invalidParameter, operationDenied } from './errors';
import { pageRequest, type Page } from './paging';
import {
  indexOrganizationalUnit,
  siblingNameKey,
  unindexOrganizationalUnit,
  type InstanceState,
  type OrganizationalUnitState,
} from './state';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';
import { checkIdList, LIMITS, optionalText, requiredText } from './validate';
import { deleteUserRecord, removeMembership } from './users';

/** CreateOrganizationalUnit input. */
export type CreateOrganizationalUnitInput = RequestFields<
  'CreateOrganizationalUnit',
  'organizationalUnitName' | 'parentId' | 'description' | 'organizationalUnitExternalId'
>;

/** UpdateOrganizationalUnit input; absent or empty fields are left unchanged. */
export type UpdateOrganizationalUnitInput = RequestFields<
  'UpdateOrganizationalUnit',
  'organizationalUnitName'
>;

/** An OU as GetOrganizationalUnit / ListOrganizationalUnits report it. */
export interface OrganizationalUnitView extends OrganizationalUnitState {
  /** True when the OU has no child OUs. */
  leaf: boolean;
}

/** ListOrganizationalUnits filters. */
export type ListOrganizationalUnitsFilter = RequestFields<
  'ListOrganizationalUnits',
  | 'parentId'
  | 'organizationalUnitIds'
  | 'organizationalUnitName'
  | 'organizationalUnitNameStartsWith'
  | 'pageNumber'
  | 'pageSize'
>;

/** A page of OUs. */
export type OrganizationalUnitPage = Page<OrganizationalUnitView>;

function checkSiblingName(inst: InstanceState, parentId: string, name: string, self?: string): void {
  const existing = inst.index.ouSiblingNames.get(siblingNameKey(parentId, name));
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('OrganizationalUnit.OrganizationalUnitName', `named '${name}' under the same parent`);
  }
}

function denyRoot(inst: InstanceState, ouId: string, action: string): void {
  if (ouId === inst.rootOrganizationalUnitId) {
    throw operationDenied('RootOrganizationalUnit', `The root organizational unit cannot be ${action}.`);
  }
}

/** Creates an OU under an existing parent. */
export function createOrganizationalUnit(
  svc: ModelContext,
  instanceId: string,
  input: CreateOrganizationalUnitInput,
): OrganizationalUnitState {
  const inst = svc.requireRunningInstance(instanceId);
  const name = requiredText(
    'OrganizationalUnitName',
    input.organizationalUnitName,
    LIMITS.organizationalUnitName,
  );
  const parentId = requiredText('ParentId', input.parentId, Infinity);
  const description = optionalText('Description', input.description, LIMITS.description);
  const externalId = optionalText(
    'OrganizationalUnitExternalId',
    input.organizationalUnitExternalId,
    LIMITS.organizationalUnitExternalId,
  );
  svc.requireOrganizationalUnit(inst, parentId);
  checkSiblingName(inst, parentId, name);
  if (externalId && inst.index.ouExternalIds.has(externalId)) {
    throw alreadyExists(
      'OrganizationalUnit.OrganizationalUnitExternalId',
      `with external id '${externalId}'`,
    );
  }
  const now = svc.now();
  const id = svc.newId('ou');
  const ou: OrganizationalUnitState = {
    organizationalUnitId: id,
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    organizationalUnitName: name,
    parentId,
    description: description || undefined,
    organizationalUnitExternalId: externalId || id,
    organizationalUnitSourceType: 'build_in',
    organizationalUnitSourceId: inst.instanceId,
    createTime: now,
    updateTime: now,
  };
  inst.organizationalUnits.set(id, ou);
  indexOrganizationalUnit(inst.index, ou);
  return ou;
}

function removeOrganizationalUnitRecord(
  svc: ModelContext,
  inst: InstanceState,
  ou: OrganizationalUnitState,
): void {
  unindexOrganizationalUnit(inst.index, ou);
  inst.organizationalUnits.delete(ou.organizationalUnitId);
  svc.principalDeleted(inst, 'organizationalUnit', ou.organizationalUnitId);
}

/** Deletes an empty, non-root OU. */
export function deleteOrganizationalUnit(svc: ModelContext, instanceId: string, ouId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const ou = svc.requireOrganizationalUnit(inst, ouId);
  denyRoot(inst, ouId, 'deleted');
  if ((inst.index.ouChildren.get(ouId)?.size ?? 0) > 0) {
    throw conflict(
      'OperationConflict.OrganizationalUnit.HasChildren',
      `The organizational unit '${ouId}' still has child organizational units.`,
    );
  }
  if ((inst.index.ouMembers.get(ouId)?.size ?? 0) > 0) {
    throw conflict(
      'OperationConflict.OrganizationalUnit.HasUsers',
      `The organizational unit '${ouId}' still has member accounts.`,
    );
  }
  removeOrganizationalUnitRecord(svc, inst, ou);
}

/** Ids of the OU and all its descendants, parents before children. */
export function subtreeOf(inst: InstanceState, ouId: string): string[] {
  const out = [ouId];
  for (let i = 0; i < out.length; i++) {
    const children = inst.index.ouChildren.get(out[i]);
    if (children) out.push(...children.toArray());
  }
  return out;
}

/**
 * Deletes a non-root OU with its subtree. Accounts whose primary OU is in the subtree are deleted
 * (the real service force-deletes the accounts in it); other accounts only lose their memberships.
 */
export function deleteOrganizationalUnitChildren(svc: ModelContext, instanceId: string, ouId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireOrganizationalUnit(inst, ouId);
  denyRoot(inst, ouId, 'deleted');
  const subtree = subtreeOf(inst, ouId);
  const inSubtree = new Set(subtree);
  for (const id of subtree) {
    for (const userId of inst.index.ouMembers.get(id)?.toArray() ?? []) {
      const user = inst.users.get(userId);
      if (!user) continue;
      if (inSubtree.has(user.primaryOrganizationalUnitId)) deleteUserRecord(svc, inst, user);
      else removeMembership(inst, user, id);
    }
  }
  // Children first, so every removed OU's parent still exists while it is unindexed.
  for (const id of subtree.reverse()) {
    const ou = inst.organizationalUnits.get(id);
    if (ou) removeOrganizationalUnitRecord(svc, inst, ou);
  }
}

/** Renames an OU; absent or empty name leaves it unchanged. */
export function updateOrganizationalUnit(
  svc: ModelContext,
  instanceId: string,
  ouId: string,
  input: UpdateOrganizationalUnitInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const ou = svc.requireOrganizationalUnit(inst, ouId);
  const name = optionalText(
    'OrganizationalUnitName',
    input.organizationalUnitName,
    LIMITS.organizationalUnitName,
  );
  if (!name || name === ou.organizationalUnitName) return;
  if (ou.parentId !== undefined) checkSiblingName(inst, ou.parentId, name, ouId);
  const saved = savedLists(inst, ou);
  unindexOrganizationalUnit(inst.index, ou);
  ou.organizationalUnitName = name;
  ou.updateTime = svc.now();
  reindex(inst, ou, saved);
}

// unindex drops the OU's children and member lists; keep them across a re-index.
function reindex(
  inst: InstanceState,
  ou: OrganizationalUnitState,
  saved: ReturnType<typeof savedLists>,
): void {
  indexOrganizationalUnit(inst.index, ou);
  if (saved.children) inst.index.ouChildren.set(ou.organizationalUnitId, saved.children);
  if (saved.members) inst.index.ouMembers.set(ou.organizationalUnitId, saved.members);
}

function savedLists(inst: InstanceState, ou: OrganizationalUnitState) {
  return {
    children: inst.index.ouChildren.get(ou.organizationalUnitId),
    members: inst.index.ouMembers.get(ou.organizationalUnitId),
  };
}

/** Sets or (when empty) clears the description. */
export function updateOrganizationalUnitDescription(
  svc: ModelContext,
  instanceId: string,
  ouId: string,
  description: string | undefined,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const ou = svc.requireOrganizationalUnit(inst, ouId);
  ou.description = optionalText('Description', description, LIMITS.description) || undefined;
  ou.updateTime = svc.now();
}

/** Moves an OU under a new parent. */
export function updateOrganizationalUnitParentId(
  svc: ModelContext,
  instanceId: string,
  ouId: string,
  parentId: string,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const ou = svc.requireOrganizationalUnit(inst, ouId);
  denyRoot(inst, ouId, 'moved');
  requiredText('ParentId', parentId, Infinity);
  svc.requireOrganizationalUnit(inst, parentId);
  if (parentId === ou.parentId) return;
  if (parentId === ouId || svc.ancestorsOf(inst, parentId).includes(ouId)) {
    throw invalidParameter(
      'ParentId',
      'an organizational unit cannot be moved under itself or its descendants.',
    );
  }
  checkSiblingName(inst, parentId, ou.organizationalUnitName);
  const saved = savedLists(inst, ou);
  unindexOrganizationalUnit(inst.index, ou);
  ou.parentId = parentId;
  ou.updateTime = svc.now();
  reindex(inst, ou, saved);
}

/** The OU with its `leaf` flag. */
export function viewOrganizationalUnit(
  inst: InstanceState,
  ou: OrganizationalUnitState,
): OrganizationalUnitView {
  return { ...ou, leaf: (inst.index.ouChildren.get(ou.organizationalUnitId)?.size ?? 0) === 0 };
}

/** GetRootOrganizationalUnit. */
export function getRootOrganizationalUnit(svc: ModelContext, instanceId: string): OrganizationalUnitState {
  const inst = svc.requireRunningInstance(instanceId);
  return svc.requireOrganizationalUnit(inst, inst.rootOrganizationalUnitId);
}

/** GetOrganizationalUnit. */
export function getOrganizationalUnit(
  svc: ModelContext,
  instanceId: string,
  ouId: string,
): OrganizationalUnitView {
  const inst = svc.requireRunningInstance(instanceId);
  return viewOrganizationalUnit(inst, svc.requireOrganizationalUnit(inst, ouId));
}

/**
 * ListOrganizationalUnits, in creation order. Without filters a page is a slice of the index; name
 * filters scan the candidate set (the parent's children when ParentId is given).
 */
export function listOrganizationalUnits(
  svc: ModelContext,
  instanceId: string,
  filter: ListOrganizationalUnitsFilter,
): OrganizationalUnitPage {
  const inst = svc.requireRunningInstance(instanceId);
  const { offset, limit } = pageRequest(filter.pageNumber, filter.pageSize);
  const ids = filter.organizationalUnitIds?.length
    ? checkIdList('OrganizationalUnitIds', filter.organizationalUnitIds)
    : undefined;
  if (filter.parentId) svc.requireOrganizationalUnit(inst, filter.parentId);
  const source = filter.parentId
    ? inst.index.ouChildren.get(filter.parentId)
    : inst.index.organizationalUnits;
  const view = (id: string) => viewOrganizationalUnit(inst, inst.organizationalUnits.get(id)!);
  const byName = filter.organizationalUnitName || undefined;
  const prefix = filter.organizationalUnitNameStartsWith || undefined;
  if (!ids && !byName && !prefix) {
    return { items: source ? source.slice(offset, limit).map(view) : [], totalCount: source?.size ?? 0 };
  }
  const candidates = ids
    ? ids
        .map((id) => inst.organizationalUnits.get(id))
        .filter((ou): ou is OrganizationalUnitState => !!ou)
        .sort((a, b) => a.seq - b.seq)
    : (source?.toArray() ?? []).map((id) => inst.organizationalUnits.get(id)!);
  const matches = candidates.filter(
    (ou) =>
      (!filter.parentId || ou.parentId === filter.parentId) &&
      (!byName || ou.organizationalUnitName === byName) &&
      (!prefix || ou.organizationalUnitName.startsWith(prefix)),
  );
  return {
    items: matches.slice(offset, offset + limit).map((ou) => viewOrganizationalUnit(inst, ou)),
    totalCount: matches.length,
  };
}
