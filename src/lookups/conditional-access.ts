/**
 * Lookups of conditional access policies: one policy by id or name (GetConditionalAccessPolicy,
 * ListConditionalAccessPolicies), the policies of an instance, and the policies that cover an
 * application or a user or that name a network zone (the `ListConditionalAccessPoliciesFor*`
 * operations, which return them in evaluation order: priority, then creation).
 */
import type * as pulumi from '@pulumi/pulumi';
import type { GetConditionalAccessPolicyResponse, ListConditionalAccessPoliciesResponse } from '../catalog';
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

/** A conditional access policy as GetConditionalAccessPolicy reports it. */
export type ConditionalAccessPolicyInfo = WithIds<
  Camel<NonNullable<GetConditionalAccessPolicyResponse['ConditionalAccessPolicy']>>,
  'conditionalAccessPolicyId'
>;
/** A conditional access policy as the listings report it. */
export type ConditionalAccessPolicySummary = WithIds<
  Camel<NonNullable<ListConditionalAccessPoliciesResponse['ConditionalAccessPolicies']>[number]>,
  'conditionalAccessPolicyId'
>;

/** Result of the policy listings. */
export interface GetConditionalAccessPoliciesResult {
  /** The policies (creation order for {@link getConditionalAccessPolicies}, else evaluation order). */
  readonly conditionalAccessPolicies: ConditionalAccessPolicySummary[];
  /** Their ids. */
  readonly conditionalAccessPolicyIds: string[];
}

/** A policy as the listings send it (the four listings share the shape). */
type PolicyWire = NonNullable<ListConditionalAccessPoliciesResponse['ConditionalAccessPolicies']>[number];

function result(
  operation: string,
  items: readonly PolicyWire[] | undefined,
): GetConditionalAccessPoliciesResult {
  const conditionalAccessPolicies = (items ?? []).map((i) =>
    withIds(fromWire(i), ['conditionalAccessPolicyId'], operation),
  );
  return {
    conditionalAccessPolicies,
    conditionalAccessPolicyIds: conditionalAccessPolicies.map((p) => p.conditionalAccessPolicyId),
  };
}

/**
 * Arguments of {@link getConditionalAccessPolicy}: the instance and exactly one of
 * `conditionalAccessPolicyId`, `conditionalAccessPolicyName`.
 */
export interface GetConditionalAccessPolicyArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The policy's id (`cap_…`). */
  readonly conditionalAccessPolicyId?: string;
  /** The policy's exact name (unique in the instance). */
  readonly conditionalAccessPolicyName?: string;
}

async function policyById(
  client: EiamClient,
  instanceId: string,
  policyId: string,
): Promise<ConditionalAccessPolicyInfo> {
  try {
    const res = await client.call('GetConditionalAccessPolicy', {
      InstanceId: instanceId,
      ConditionalAccessPolicyId: policyId,
    });
    return withIds(
      fromWire(res.ConditionalAccessPolicy ?? {}),
      ['conditionalAccessPolicyId'],
      'GetConditionalAccessPolicy',
    );
  } catch (err) {
    if (isNotFound(err)) {
      throw new Error(`getConditionalAccessPolicy: no policy ${policyId} in instance ${instanceId}`, {
        cause: err,
      });
    }
    throw err;
  }
}

async function allPolicies(client: EiamClient, instanceId: string) {
  const items = await client.listAll('ListConditionalAccessPolicies', { InstanceId: instanceId });
  return result('ListConditionalAccessPolicies', items);
}

/**
 * One conditional access policy, by id (GetConditionalAccessPolicy) or exact name
 * (ListConditionalAccessPolicies, then GetConditionalAccessPolicy).
 */
export async function getConditionalAccessPolicy(
  args: GetConditionalAccessPolicyArgs,
  opts?: LookupOptions,
): Promise<ConditionalAccessPolicyInfo> {
  const fn = 'getConditionalAccessPolicy';
  const by = exactlyOne(fn, args, ['conditionalAccessPolicyId', 'conditionalAccessPolicyName']);
  return withLookupClient(opts, async (client) => {
    if (by === 'conditionalAccessPolicyId') {
      return policyById(client, args.instanceId, args.conditionalAccessPolicyId ?? '');
    }
    const { conditionalAccessPolicies } = await allPolicies(client, args.instanceId);
    const matches = conditionalAccessPolicies.filter(
      (p) => p.conditionalAccessPolicyName === args.conditionalAccessPolicyName,
    );
    const what = `conditional access policy named "${args.conditionalAccessPolicyName}" in instance ${args.instanceId}`;
    return policyById(client, args.instanceId, single(fn, matches, what).conditionalAccessPolicyId);
  });
}

/** {@link getConditionalAccessPolicy} as a `pulumi.Output`. */
export function getConditionalAccessPolicyOutput(
  args: LookupInputs<GetConditionalAccessPolicyArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<ConditionalAccessPolicyInfo> {
  return lookupOutput(getConditionalAccessPolicy, args, opts);
}

/** Arguments of {@link getConditionalAccessPolicies}. */
export interface GetConditionalAccessPoliciesArgs {
  /** The instance. */
  readonly instanceId: string;
}

/** The conditional access policies of an instance, in creation order (every page). */
export async function getConditionalAccessPolicies(
  args: GetConditionalAccessPoliciesArgs,
  opts?: LookupOptions,
): Promise<GetConditionalAccessPoliciesResult> {
  return withLookupClient(opts, (client) => allPolicies(client, args.instanceId));
}

/** {@link getConditionalAccessPolicies} as a `pulumi.Output`. */
export function getConditionalAccessPoliciesOutput(
  args: LookupInputs<GetConditionalAccessPoliciesArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetConditionalAccessPoliciesResult> {
  return lookupOutput(getConditionalAccessPolicies, args, opts);
}

/** Arguments of {@link getConditionalAccessPoliciesForApplication}. */
export interface GetConditionalAccessPoliciesForApplicationArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The application. */
  readonly applicationId: string;
}

/** The policies that cover an application (include it, do not exclude it), in evaluation order. */
export async function getConditionalAccessPoliciesForApplication(
  args: GetConditionalAccessPoliciesForApplicationArgs,
  opts?: LookupOptions,
): Promise<GetConditionalAccessPoliciesResult> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('ListConditionalAccessPoliciesForApplication', {
      InstanceId: args.instanceId,
      ApplicationId: args.applicationId,
    });
    return result('ListConditionalAccessPoliciesForApplication', res.ConditionalAccessPolicies);
  });
}

/** {@link getConditionalAccessPoliciesForApplication} as a `pulumi.Output`. */
export function getConditionalAccessPoliciesForApplicationOutput(
  args: LookupInputs<GetConditionalAccessPoliciesForApplicationArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetConditionalAccessPoliciesResult> {
  return lookupOutput(getConditionalAccessPoliciesForApplication, args, opts);
}

/** Arguments of {@link getConditionalAccessPoliciesForNetworkZone}. */
export interface GetConditionalAccessPoliciesForNetworkZoneArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The network zone. */
  readonly networkZoneId: string;
}

/** The policies that name a network zone (included or excluded), in evaluation order. */
export async function getConditionalAccessPoliciesForNetworkZone(
  args: GetConditionalAccessPoliciesForNetworkZoneArgs,
  opts?: LookupOptions,
): Promise<GetConditionalAccessPoliciesResult> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('ListConditionalAccessPoliciesForNetworkZone', {
      InstanceId: args.instanceId,
      NetworkZoneId: args.networkZoneId,
    });
    return result('ListConditionalAccessPoliciesForNetworkZone', res.ConditionalAccessPolicies);
  });
}

/** {@link getConditionalAccessPoliciesForNetworkZone} as a `pulumi.Output`. */
export function getConditionalAccessPoliciesForNetworkZoneOutput(
  args: LookupInputs<GetConditionalAccessPoliciesForNetworkZoneArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetConditionalAccessPoliciesResult> {
  return lookupOutput(getConditionalAccessPoliciesForNetworkZone, args, opts);
}

/** Arguments of {@link getConditionalAccessPoliciesForUser}. */
export interface GetConditionalAccessPoliciesForUserArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user. */
  readonly userId: string;
}

/**
 * The policies whose user condition covers a user (directly, through a group, or through an
 * organizational unit or one of its ancestors, and not excluded in any of these ways), in
 * evaluation order.
 */
export async function getConditionalAccessPoliciesForUser(
  args: GetConditionalAccessPoliciesForUserArgs,
  opts?: LookupOptions,
): Promise<GetConditionalAccessPoliciesResult> {
  return withLookupClient(opts, async (client) => {
    const res = await client.call('ListConditionalAccessPoliciesForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
    });
    return result('ListConditionalAccessPoliciesForUser', res.ConditionalAccessPolicies);
  });
}

/** {@link getConditionalAccessPoliciesForUser} as a `pulumi.Output`. */
export function getConditionalAccessPoliciesForUserOutput(
  args: LookupInputs<GetConditionalAccessPoliciesForUserArgs>,
  opts?: LookupInputs<LookupOptions>,
): pulumi.Output<GetConditionalAccessPoliciesResult> {
  return lookupOutput(getConditionalAccessPoliciesForUser, args, opts);
}
