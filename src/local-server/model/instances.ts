/**
 * Instances: CreateInstance, DeleteInstance, UpdateInstanceDescription, GetInstance, ListInstances.
 *
 * CreateInstance is asynchronous like the real service: the instance reports `creating` for
 * `instanceCreationDelayMs` (measured on the service clock), then `running`. Every instance is
 * born with its root organizational unit and the default password policies.
 */
import { invalidParameter } from './errors';
import { pageRequest, type Page } from './paging';
import { defaultPasswordPolicy } from './password-policy';
import {
  emptyDirectoryIndex,
  indexOrganizationalUnit,
  type InstanceState,
  type InstanceStatus,
} from './state';
import type { ModelContext } from './context';
import type { RequestFields } from './inputs';

/** Longest instance description CreateInstance accepts. */
export const MAX_INSTANCE_DESCRIPTION = 128;

/** CreateInstance input. */
export type CreateInstanceInput = RequestFields<'CreateInstance', 'description'>;

/** What GetInstance / ListInstances report about one instance. */
export interface InstanceView {
  instanceId: string;
  description?: string;
  status: InstanceStatus;
  createTime: number;
  /** Default endpoint host, e.g. `abcd1234.aliyunidaas.com`. */
  endpoint: string;
  /** `resolved` once the instance is running, `unresolved` while it is being created. */
  endpointStatus: 'resolved' | 'unresolved';
}

/** ListInstances filters. */
export type ListInstancesFilter = RequestFields<
  'ListInstances',
  'instanceIds' | 'status' | 'pageNumber' | 'pageSize'
>;

/** A page of instances. */
export type InstancePage = Page<InstanceView>;

function checkDescription(description: string | undefined): void {
  if (description !== undefined && description.length > MAX_INSTANCE_DESCRIPTION) {
    throw invalidParameter('Description', `it must be at most ${MAX_INSTANCE_DESCRIPTION} characters long.`);
  }
}

/** The endpoint host of an instance: derived from its id so it is stable across restarts. */
export function endpointOf(instanceId: string): string {
  return `${instanceId.replace(/^idaas_/, '').slice(0, 10)}.aliyunidaas.com`;
}

/** Creates an instance with its root OU. */
export function createInstance(svc: ModelContext, input: CreateInstanceInput): InstanceState {
  checkDescription(input.description);
  const now = svc.now();
  const instanceId = svc.newId('idaas');
  const rootId = svc.newId('ou');
  const delay = svc.instanceCreationDelayMs;
  const inst: InstanceState = {
    instanceId,
    seq: svc.nextSeq(),
    description: input.description,
    status: delay > 0 ? 'creating' : 'running',
    createTime: now,
    runningAt: now + delay,
    rootOrganizationalUnitId: rootId,
    organizationalUnits: new Map(),
    users: new Map(),
    groups: new Map(),
    passwordPolicy: defaultPasswordPolicy(),
    applications: new Map(),
    customFields: new Map(),
    networkZones: new Map(),
    conditionalAccessPolicies: new Map(),
    clientTokens: new Map(),
    index: emptyDirectoryIndex(),
    identityProviders: new Map(),
    userAuthnSourceMappings: new Map(),
  };
  const root = {
    organizationalUnitId: rootId,
    instanceId,
    seq: svc.nextSeq(),
    // The root OU carries the instance's name; the emulator uses the description, else the id.
    organizationalUnitName: input.description || instanceId,
    organizationalUnitExternalId: rootId,
    organizationalUnitSourceType: 'build_in',
    organizationalUnitSourceId: instanceId,
    createTime: now,
    updateTime: now,
  };
  inst.organizationalUnits.set(rootId, root);
  indexOrganizationalUnit(inst.index, root);
  svc.state.instances.set(instanceId, inst);
  return inst;
}

/** Removes an instance and everything in it. Allowed in any status. */
export function deleteInstance(svc: ModelContext, instanceId: string): void {
  svc.requireInstance(instanceId);
  svc.state.instances.delete(instanceId);
}

/** Sets (or, when empty, clears) the description. Allowed while the instance is being created. */
export function updateInstanceDescription(
  svc: ModelContext,
  instanceId: string,
  description: string | undefined,
): void {
  checkDescription(description);
  const inst = svc.requireInstance(instanceId);
  inst.description = description || undefined;
}

function view(svc: ModelContext, inst: InstanceState): InstanceView {
  const status = svc.instanceStatus(inst);
  return {
    instanceId: inst.instanceId,
    description: inst.description,
    status,
    createTime: inst.createTime,
    endpoint: endpointOf(inst.instanceId),
    endpointStatus: status === 'running' ? 'resolved' : 'unresolved',
  };
}

/** GetInstance: works in any status (callers poll it while the instance is created). */
export function getInstance(svc: ModelContext, instanceId: string): InstanceView {
  return view(svc, svc.requireInstance(instanceId));
}

/** ListInstances in creation order. Instance counts are small, so filtering is a scan. */
export function listInstances(svc: ModelContext, filter: ListInstancesFilter): InstancePage {
  const { offset, limit } = pageRequest(filter.pageNumber, filter.pageSize);
  const wanted = filter.instanceIds?.length ? new Set(filter.instanceIds) : undefined;
  const matches = [...svc.state.instances.values()]
    .filter((inst) => !wanted || wanted.has(inst.instanceId))
    .map((inst) => view(svc, inst))
    .filter((v) => !filter.status || v.status === filter.status);
  return { items: matches.slice(offset, offset + limit), totalCount: matches.length };
}
