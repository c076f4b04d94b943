/**
 * Conditional access policies: which users (directly, through groups or organizational units),
 * which applications and which network zones a policy covers, and what it decides for the
 * sign-ins it covers (`CreateConditionalAccessPolicy` … `ListConditionalAccessPoliciesForUser`).
 *
 * Rules:
 * - names are unique in the instance (`EntityAlreadyExists.ConditionalAccessPolicy.…Name`), at
 *   most 64 characters; descriptions at most 256. Type and evaluation point are fixed at creation;
 * - conditions: every id must name an existing user, group, OU, application or network zone of
 *   the instance (`EntityNotExists.<Kind>`); at most 100 ids per list, repeats dropped; an id may
 *   not be both included and excluded; a policy must include at least one user, group or OU and
 *   at least one application (the zone condition is optional: no zone means any network);
 * - decision: `Effect` is required. `deny` takes nothing else. `allow` takes `MfaType`
 *   (default `directly_access`); only `mfa_required` takes `MfaAuthenticationMethods` (required,
 *   at least one), `MfaAuthenticationIntervalSeconds` (300–86400) and `ActiveSessionReuseStatus`;
 * - priority 1 (evaluated first) to 100, default 100; not unique: equal priorities are evaluated
 *   in creation order (the `For*` listings return policies in that evaluation order);
 * - a new policy is `disabled`: enabling is a separate, deliberate call. Enabling a policy whose
 *   user or application condition has been emptied by deletions is refused
 *   (`OperationDenied.ConditionalAccessPolicy.EmptyConditions`);
 * - `UpdateConditionalAccessPolicy` sets the name and decision type; a `ConditionsConfig` or
 *   `DecisionConfig` it carries replaces the current one whole, one it leaves out is kept, as is
 *   the priority when none is given;
 * - deleting a user, group, OU or application removes its id from every policy's conditions
 *   ({@link forgetConditionalAccessReference}); deleting a network zone a policy names is refused
 *   (`model/network-zones.ts`).
 */
import {
  CONDITIONAL_ACCESS_DECISION_TYPES,
  CONDITIONAL_ACCESS_EFFECTS,
  CONDITIONAL_ACCESS_EVALUATE_POINTS,
  CONDITIONAL_ACCESS_LIMITS,
  CONDITIONAL_ACCESS_MFA_TYPES,
  CONDITIONAL_ACCESS_POLICY_TYPES,
  CONDITIONAL_ACCESS_PRIORITY_RANGE,
  DEFAULT_CONDITIONAL_ACCESS_PRIORITY,
  MFA_AUTHENTICATION_METHODS,
  MFA_INTERVAL_RANGE,
  TOGGLES,
  type CreateConditionalAccessPolicyRequest,
  type UpdateConditionalAccessPolicyRequest,
} from '../../catalog';
import type { Camel } from '../../catalog/case';
import type { PrincipalKind } from './application-state';
import type { ModelContext } from './context';
import { alreadyExists, invalidParameter, missingParameter, notFound, operationDenied } from './errors';
import {
  policiesNamingZone,
  requireNetworkZone,
  tokenPage,
  type TokenPage,
  type TokenPaging,
} from './network-zones';
import {
  indexConditionalAccessPolicy,
  unindexConditionalAccessPolicy,
  type ConditionalAccessConditions,
  type ConditionalAccessDecision,
  type ConditionalAccessPolicyState,
  type InstanceState,
  type Toggle,
} from './state';
import {
  checkAllOneOf,
  checkIdList,
  checkIntegerRange,
  checkOneOf,
  optionalText,
  requiredText,
} from './validate';

/** CreateConditionalAccessPolicy input: the request with camelCase keys. */
export type CreateConditionalAccessPolicyInput = Camel<CreateConditionalAccessPolicyRequest>;
/** UpdateConditionalAccessPolicy input: the request with camelCase keys. */
export type UpdateConditionalAccessPolicyInput = Camel<UpdateConditionalAccessPolicyRequest>;

type ConditionsInput = CreateConditionalAccessPolicyInput['conditionsConfig'];
type DecisionInput = CreateConditionalAccessPolicyInput['decisionConfig'];

/** The policy; `EntityNotExists.ConditionalAccessPolicy` when unknown in this instance. */
export function requireConditionalAccessPolicy(
  inst: InstanceState,
  policyId: string,
): ConditionalAccessPolicyState {
  const policy = inst.conditionalAccessPolicies.get(policyId);
  if (!policy) throw notFound('ConditionalAccessPolicy', policyId);
  return policy;
}

// ---- checks ----------------------------------------------------------------------------------

/** An id list of the conditions whose ids must exist (`has` tells; `kind` names the error). */
function referenceList(
  field: string,
  values: string[] | undefined,
  kind: string,
  has: (id: string) => boolean,
): string[] {
  const ids = checkIdList(`ConditionsConfig.${field}`, values, CONDITIONAL_ACCESS_LIMITS.idsPerList);
  for (const id of ids) if (!has(id)) throw notFound(kind, id);
  return ids;
}

function checkDisjoint(field: string, included: readonly string[], excluded: readonly string[]): void {
  const both = excluded.find((id) => included.includes(id));
  if (both !== undefined) {
    throw invalidParameter(`ConditionsConfig.${field}`, `'${both}' is both included and excluded.`);
  }
}

function checkConditions(inst: InstanceState, input: ConditionsInput): ConditionalAccessConditions {
  const u = input?.users;
  const a = input?.applications;
  const z = input?.networkZones;
  const user = (id: string) => inst.users.has(id);
  const group = (id: string) => inst.groups.has(id);
  const ou = (id: string) => inst.organizationalUnits.has(id);
  const app = (id: string) => inst.applications.has(id);
  const zone = (id: string) => inst.networkZones.has(id);
  const conditions: ConditionalAccessConditions = {
    users: {
      includeUsers: referenceList('Users.IncludeUsers', u?.includeUsers, 'User', user),
      excludeUsers: referenceList('Users.ExcludeUsers', u?.excludeUsers, 'User', user),
      includeGroups: referenceList('Users.IncludeGroups', u?.includeGroups, 'Group', group),
      excludeGroups: referenceList('Users.ExcludeGroups', u?.excludeGroups, 'Group', group),
      includeOrganizationalUnits: referenceList(
        'Users.IncludeOrganizationalUnits',
        u?.includeOrganizationalUnits,
        'OrganizationalUnit',
        ou,
      ),
      excludeOrganizationalUnits: referenceList(
        'Users.ExcludeOrganizationalUnits',
        u?.excludeOrganizationalUnits,
        'OrganizationalUnit',
        ou,
      ),
    },
    applications: {
      includeApplications: referenceList(
        'Applications.IncludeApplications',
        a?.includeApplications,
        'Application',
        app,
      ),
      excludeApplications: referenceList(
        'Applications.ExcludeApplications',
        a?.excludeApplications,
        'Application',
        app,
      ),
    },
    networkZones: {
      includeNetworkZones: referenceList(
        'NetworkZones.IncludeNetworkZones',
        z?.includeNetworkZones,
        'NetworkZone',
        zone,
      ),
      excludeNetworkZones: referenceList(
        'NetworkZones.ExcludeNetworkZones',
        z?.excludeNetworkZones,
        'NetworkZone',
        zone,
      ),
    },
  };
  const { users, applications, networkZones } = conditions;
  checkDisjoint('Users.ExcludeUsers', users.includeUsers, users.excludeUsers);
  checkDisjoint('Users.ExcludeGroups', users.includeGroups, users.excludeGroups);
  checkDisjoint(
    'Users.ExcludeOrganizationalUnits',
    users.includeOrganizationalUnits,
    users.excludeOrganizationalUnits,
  );
  checkDisjoint(
    'Applications.ExcludeApplications',
    applications.includeApplications,
    applications.excludeApplications,
  );
  checkDisjoint(
    'NetworkZones.ExcludeNetworkZones',
    networkZones.includeNetworkZones,
    networkZones.excludeNetworkZones,
  );
  if (!includesPrincipals(conditions)) throw missingParameter('ConditionsConfig.Users.IncludeUsers');
  if (applications.includeApplications.length === 0) {
    throw missingParameter('ConditionsConfig.Applications.IncludeApplications');
  }
  return conditions;
}

function includesPrincipals(c: ConditionalAccessConditions): boolean {
  const { includeUsers, includeGroups, includeOrganizationalUnits } = c.users;
  return includeUsers.length + includeGroups.length + includeOrganizationalUnits.length > 0;
}

const MFA_FIELDS = [
  'mfaType',
  'mfaAuthenticationMethods',
  'mfaAuthenticationIntervalSeconds',
  'activeSessionReuseStatus',
] as const;

function wireName(field: (typeof MFA_FIELDS)[number]): string {
  return `DecisionConfig.${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

function checkDecision(input: DecisionInput): ConditionalAccessDecision {
  if (!input?.effect) throw missingParameter('DecisionConfig.Effect');
  const effect = checkOneOf('DecisionConfig.Effect', input.effect, CONDITIONAL_ACCESS_EFFECTS);
  const given = (field: (typeof MFA_FIELDS)[number]) => {
    const v = input[field];
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  };
  if (effect === 'deny') {
    const extra = MFA_FIELDS.find(given);
    if (extra) throw invalidParameter(wireName(extra), 'a deny decision takes no MFA settings.');
    return { effect };
  }
  const mfaType = checkOneOf(
    'DecisionConfig.MfaType',
    input.mfaType ?? 'directly_access',
    CONDITIONAL_ACCESS_MFA_TYPES,
  );
  if (mfaType === 'directly_access') {
    const extra = MFA_FIELDS.slice(1).find(given);
    if (extra) throw invalidParameter(wireName(extra), 'only an mfa_required decision takes it.');
    return { effect, mfaType };
  }
  if (!given('mfaAuthenticationMethods')) throw missingParameter('DecisionConfig.MfaAuthenticationMethods');
  const decision: ConditionalAccessDecision = {
    effect,
    mfaType,
    mfaAuthenticationMethods: checkAllOneOf(
      'DecisionConfig.MfaAuthenticationMethods',
      input.mfaAuthenticationMethods!,
      MFA_AUTHENTICATION_METHODS,
    ),
  };
  if (input.mfaAuthenticationIntervalSeconds !== undefined) {
    const [min, max] = MFA_INTERVAL_RANGE;
    decision.mfaAuthenticationIntervalSeconds = checkIntegerRange(
      'DecisionConfig.MfaAuthenticationIntervalSeconds',
      input.mfaAuthenticationIntervalSeconds,
      min,
      max,
    );
  }
  if (input.activeSessionReuseStatus !== undefined) {
    decision.activeSessionReuseStatus = checkOneOf(
      'DecisionConfig.ActiveSessionReuseStatus',
      input.activeSessionReuseStatus,
      TOGGLES,
    );
  }
  return decision;
}

function checkPriority(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const [min, max] = CONDITIONAL_ACCESS_PRIORITY_RANGE;
  return checkIntegerRange('Priority', value, min, max);
}

function checkName(inst: InstanceState, value: string | undefined, self?: string): string {
  const name = requiredText('ConditionalAccessPolicyName', value, CONDITIONAL_ACCESS_LIMITS.name);
  const existing = inst.index.conditionalAccessPolicyNames.get(name);
  if (existing !== undefined && existing !== self) {
    throw alreadyExists('ConditionalAccessPolicy.ConditionalAccessPolicyName', `named '${name}'`);
  }
  return name;
}

function checkEnum<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  return checkOneOf(name, requiredText(name, value, Infinity), allowed);
}

// ---- operations ------------------------------------------------------------------------------

/** CreateConditionalAccessPolicy; with a `clientToken`, a retry returns the policy the first call made. */
export function createConditionalAccessPolicy(
  svc: ModelContext,
  instanceId: string,
  input: CreateConditionalAccessPolicyInput,
): ConditionalAccessPolicyState {
  const inst = svc.requireRunningInstance(instanceId);
  const id = svc.idempotent(
    inst,
    'CreateConditionalAccessPolicy',
    input.clientToken,
    (existing) => inst.conditionalAccessPolicies.has(existing),
    () => insertPolicy(svc, inst, input).conditionalAccessPolicyId,
  );
  return inst.conditionalAccessPolicies.get(id)!;
}

function insertPolicy(
  svc: ModelContext,
  inst: InstanceState,
  input: CreateConditionalAccessPolicyInput,
): ConditionalAccessPolicyState {
  const name = checkName(inst, input.conditionalAccessPolicyName);
  const type = checkEnum(
    'ConditionalAccessPolicyType',
    input.conditionalAccessPolicyType,
    CONDITIONAL_ACCESS_POLICY_TYPES,
  );
  const decisionType = checkEnum('DecisionType', input.decisionType, CONDITIONAL_ACCESS_DECISION_TYPES);
  const evaluateAt = checkEnum('EvaluateAt', input.evaluateAt, CONDITIONAL_ACCESS_EVALUATE_POINTS);
  const description = optionalText('Description', input.description, CONDITIONAL_ACCESS_LIMITS.description);
  const conditions = checkConditions(inst, input.conditionsConfig);
  const decision = checkDecision(input.decisionConfig);
  const priority = checkPriority(input.priority, DEFAULT_CONDITIONAL_ACCESS_PRIORITY);
  const now = svc.now();
  const policy: ConditionalAccessPolicyState = {
    conditionalAccessPolicyId: svc.newId('cap'),
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    conditionalAccessPolicyName: name,
    conditionalAccessPolicyType: type,
    description: description || undefined,
    decisionType,
    evaluateAt,
    priority,
    status: 'disabled',
    conditions,
    decision,
    createTime: now,
    lastUpdatedTime: now,
  };
  inst.conditionalAccessPolicies.set(policy.conditionalAccessPolicyId, policy);
  indexConditionalAccessPolicy(inst.index, policy);
  return policy;
}

/** GetConditionalAccessPolicy. */
export function getConditionalAccessPolicy(
  svc: ModelContext,
  instanceId: string,
  policyId: string,
): ConditionalAccessPolicyState {
  return requireConditionalAccessPolicy(svc.requireRunningInstance(instanceId), policyId);
}

/** UpdateConditionalAccessPolicy (see the module rules for what is kept). */
export function updateConditionalAccessPolicy(
  svc: ModelContext,
  instanceId: string,
  policyId: string,
  input: UpdateConditionalAccessPolicyInput,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const policy = requireConditionalAccessPolicy(inst, policyId);
  const name = checkName(inst, input.conditionalAccessPolicyName, policyId);
  const decisionType = checkEnum('DecisionType', input.decisionType, CONDITIONAL_ACCESS_DECISION_TYPES);
  const conditions = input.conditionsConfig
    ? checkConditions(inst, input.conditionsConfig)
    : policy.conditions;
  const decision = input.decisionConfig ? checkDecision(input.decisionConfig) : policy.decision;
  const priority = checkPriority(input.priority, policy.priority);
  unindexConditionalAccessPolicy(inst.index, policy);
  Object.assign(policy, {
    conditionalAccessPolicyName: name,
    decisionType,
    conditions,
    decision,
    priority,
    lastUpdatedTime: svc.now(),
  });
  indexConditionalAccessPolicy(inst.index, policy);
}

/** UpdateConditionalAccessPolicyDescription: sets, or with an empty value clears, the description. */
export function updateConditionalAccessPolicyDescription(
  svc: ModelContext,
  instanceId: string,
  policyId: string,
  description: string | undefined,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const policy = requireConditionalAccessPolicy(inst, policyId);
  policy.description =
    optionalText('Description', description, CONDITIONAL_ACCESS_LIMITS.description) || undefined;
  policy.lastUpdatedTime = svc.now();
}

/** EnableConditionalAccessPolicy / DisableConditionalAccessPolicy (idempotent). */
export function setConditionalAccessPolicyStatus(
  svc: ModelContext,
  instanceId: string,
  policyId: string,
  status: Toggle,
): void {
  const inst = svc.requireRunningInstance(instanceId);
  const policy = requireConditionalAccessPolicy(inst, policyId);
  if (policy.status === status) return;
  if (status === 'enabled') {
    const c = policy.conditions;
    if (!includesPrincipals(c) || c.applications.includeApplications.length === 0) {
      throw operationDenied(
        'ConditionalAccessPolicy.EmptyConditions',
        `The conditional access policy '${policyId}' includes no ` +
          `${includesPrincipals(c) ? 'application' : 'user, group or organizational unit'} any more; ` +
          'update its conditions before enabling it.',
      );
    }
  }
  policy.status = status;
  policy.lastUpdatedTime = svc.now();
}

/** DeleteConditionalAccessPolicy. */
export function deleteConditionalAccessPolicy(svc: ModelContext, instanceId: string, policyId: string): void {
  const inst = svc.requireRunningInstance(instanceId);
  const policy = requireConditionalAccessPolicy(inst, policyId);
  unindexConditionalAccessPolicy(inst.index, policy);
  inst.conditionalAccessPolicies.delete(policyId);
}

/** ListConditionalAccessPolicies in creation order. */
export function listConditionalAccessPolicies(
  svc: ModelContext,
  instanceId: string,
  paging: TokenPaging,
): TokenPage<ConditionalAccessPolicyState> {
  const inst = svc.requireRunningInstance(instanceId);
  const all = inst.index.conditionalAccessPolicies
    .toArray()
    .map((id) => inst.conditionalAccessPolicies.get(id)!);
  return tokenPage(all, paging);
}

/** Policies in evaluation order: priority, then creation. */
function inEvaluationOrder(inst: InstanceState, ids: Iterable<string>): ConditionalAccessPolicyState[] {
  return [...ids]
    .map((id) => inst.conditionalAccessPolicies.get(id)!)
    .sort((a, b) => a.priority - b.priority || a.seq - b.seq);
}

function namedBy(inst: InstanceState, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const p of inst.index.conditionalAccessReferences.get(id) ?? []) out.add(p);
  return out;
}

/** ListConditionalAccessPoliciesForApplication: the policies that include and do not exclude it. */
export function listConditionalAccessPoliciesForApplication(
  svc: ModelContext,
  instanceId: string,
  applicationId: string,
): ConditionalAccessPolicyState[] {
  const inst = svc.requireRunningInstance(instanceId);
  if (!inst.applications.has(applicationId)) throw notFound('Application', applicationId);
  return inEvaluationOrder(inst, namedBy(inst, [applicationId])).filter(
    (p) =>
      p.conditions.applications.includeApplications.includes(applicationId) &&
      !p.conditions.applications.excludeApplications.includes(applicationId),
  );
}

/** ListConditionalAccessPoliciesForNetworkZone: the policies that name the zone (either list). */
export function listConditionalAccessPoliciesForNetworkZone(
  svc: ModelContext,
  instanceId: string,
  networkZoneId: string,
): ConditionalAccessPolicyState[] {
  const inst = svc.requireRunningInstance(instanceId);
  requireNetworkZone(inst, networkZoneId);
  return inEvaluationOrder(inst, policiesNamingZone(inst, networkZoneId));
}

/**
 * ListConditionalAccessPoliciesForUser: the policies whose user condition covers the user, i.e.
 * include the user, one of the user's groups or one of the user's OUs (or an ancestor of one),
 * and exclude none of these.
 */
export function listConditionalAccessPoliciesForUser(
  svc: ModelContext,
  instanceId: string,
  userId: string,
): ConditionalAccessPolicyState[] {
  const inst = svc.requireRunningInstance(instanceId);
  const user = svc.requireUser(inst, userId);
  const groups = new Set(user.groupIds);
  const ous = new Set<string>();
  for (const ouId of user.organizationalUnitIds) {
    ous.add(ouId);
    for (const ancestor of svc.ancestorsOf(inst, ouId)) ous.add(ancestor);
  }
  const hits = (ids: readonly string[], set: ReadonlySet<string>) => ids.some((id) => set.has(id));
  const self = new Set([userId]);
  return inEvaluationOrder(inst, namedBy(inst, [userId, ...groups, ...ous])).filter((p) => {
    const c = p.conditions.users;
    const included =
      hits(c.includeUsers, self) || hits(c.includeGroups, groups) || hits(c.includeOrganizationalUnits, ous);
    const excluded =
      hits(c.excludeUsers, self) || hits(c.excludeGroups, groups) || hits(c.excludeOrganizationalUnits, ous);
    return included && !excluded;
  });
}

// ---- clean-up when a referenced entity is deleted ---------------------------------------------

/**
 * Removes a deleted entity's id (user, group, OU or application) from the conditions of every
 * policy that names it. A policy left without included principals or applications stays, matches
 * nothing, and cannot be enabled again until updated.
 */
export function forgetConditionalAccessReference(inst: InstanceState, id: string): void {
  const holders = inst.index.conditionalAccessReferences.get(id);
  if (!holders) return;
  for (const policyId of [...holders]) {
    const policy = inst.conditionalAccessPolicies.get(policyId);
    if (!policy) continue;
    unindexConditionalAccessPolicy(inst.index, policy);
    const strip = (list: string[]) => list.filter((x) => x !== id);
    const { users, applications, networkZones } = policy.conditions;
    policy.conditions = {
      users: {
        includeUsers: strip(users.includeUsers),
        excludeUsers: strip(users.excludeUsers),
        includeGroups: strip(users.includeGroups),
        excludeGroups: strip(users.excludeGroups),
        includeOrganizationalUnits: strip(users.includeOrganizationalUnits),
        excludeOrganizationalUnits: strip(users.excludeOrganizationalUnits),
      },
      applications: {
        includeApplications: strip(applications.includeApplications),
        excludeApplications: strip(applications.excludeApplications),
      },
      networkZones,
    };
    indexConditionalAccessPolicy(inst.index, policy);
  }
}

/** The principal-deletion listener `EiamService` registers (users, groups and OUs). */
export function forgetPrincipalInPolicies(inst: InstanceState, _kind: PrincipalKind, id: string): void {
  forgetConditionalAccessReference(inst, id);
}
