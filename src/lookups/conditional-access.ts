/**
 * Lookups of conditional access policies: one policy by id or name (GetConditionalAccessPolicy,
 * ListConditionalAccessPolicies), the policies of an instance, and the policies that cover an
 * application or a user or that name a network zone (the `ListConditionalAccessPoliciesFor*`
 * operations, which return them in evaluation order: priority, then creation).
 */
import type { GetConditionalAccessPolicyResponse, ListConditionalAccessPoliciesResponse } from '../catalog';
import type { EiamClient } from '../client';
import { fromWire, type Camel } from '../wire';
import { defineLookup, exactlyOne, explainNotFound, single, withIds, type WithIds } from './connection';

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

function policyById(
  client: EiamClient,
  instanceId: string,
  policyId: string,
): Promise<ConditionalAccessPolicyInfo> {
  return explainNotFound(
    'getConditionalAccessPolicy',
    `policy ${policyId} in instance ${instanceId}`,
    async () => {
      const res = await client.call('GetConditionalAccessPolicy', {
        InstanceId: instanceId,
        ConditionalAccessPolicyId: policyId,
      });
      return withIds(
        fromWire(res.ConditionalAccessPolicy ?? {}),
        ['conditionalAccessPolicyId'],
        'GetConditionalAccessPolicy',
      );
    },
  );
}

async function allPolicies(client: EiamClient, instanceId: string) {
  const items = await client.listAll('ListConditionalAccessPolicies', { InstanceId: instanceId });
  return result('ListConditionalAccessPolicies', items);
}

const policyLookup = defineLookup(
  async (args: GetConditionalAccessPolicyArgs, client): Promise<ConditionalAccessPolicyInfo> => {
    const fn = 'getConditionalAccessPolicy';
    const by = exactlyOne(fn, args, ['conditionalAccessPolicyId', 'conditionalAccessPolicyName']);
    if (by === 'conditionalAccessPolicyId') {
      return policyById(client, args.instanceId, args.conditionalAccessPolicyId ?? '');
    }
    const { conditionalAccessPolicies } = await allPolicies(client, args.instanceId);
    const matches = conditionalAccessPolicies.filter(
      (p) => p.conditionalAccessPolicyName === args.conditionalAccessPolicyName,
    );
    const what = `conditional access policy named "${args.conditionalAccessPolicyName}" in instance ${args.instanceId}`;
    return policyById(client, args.instanceId, single(fn, matches, what).conditionalAccessPolicyId);
  },
);
/**
 * One conditional access policy, by id (GetConditionalAccessPolicy) or exact name
 * (ListConditionalAccessPolicies, then GetConditionalAccessPolicy).
 */
export const getConditionalAccessPolicy = policyLookup.get;
/** {@link getConditionalAccessPolicy} as a `pulumi.Output`. */
export const getConditionalAccessPolicyOutput = policyLookup.output;

/** Arguments of {@link getConditionalAccessPolicies}. */
export interface GetConditionalAccessPoliciesArgs {
  /** The instance. */
  readonly instanceId: string;
}

const policiesLookup = defineLookup(
  (args: GetConditionalAccessPoliciesArgs, client): Promise<GetConditionalAccessPoliciesResult> =>
    allPolicies(client, args.instanceId),
);
/** The conditional access policies of an instance, in creation order (every page). */
export const getConditionalAccessPolicies = policiesLookup.get;
/** {@link getConditionalAccessPolicies} as a `pulumi.Output`. */
export const getConditionalAccessPoliciesOutput = policiesLookup.output;

/** Arguments of {@link getConditionalAccessPoliciesForApplication}. */
export interface GetConditionalAccessPoliciesForApplicationArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The application. */
  readonly applicationId: string;
}

const policiesForApplicationLookup = defineLookup(
  async (
    args: GetConditionalAccessPoliciesForApplicationArgs,
    client,
  ): Promise<GetConditionalAccessPoliciesResult> => {
    const res = await client.call('ListConditionalAccessPoliciesForApplication', {
      InstanceId: args.instanceId,
      ApplicationId: args.applicationId,
    });
    return result('ListConditionalAccessPoliciesForApplication', res.ConditionalAccessPolicies);
  },
);
/** The policies that cover an application (include it, do not exclude it), in evaluation order. */
export const getConditionalAccessPoliciesForApplication = policiesForApplicationLookup.get;
/** {@link getConditionalAccessPoliciesForApplication} as a `pulumi.Output`. */
export const getConditionalAccessPoliciesForApplicationOutput = policiesForApplicationLookup.output;

/** Arguments of {@link getConditionalAccessPoliciesForNetworkZone}. */
export interface GetConditionalAccessPoliciesForNetworkZoneArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The network zone. */
  readonly networkZoneId: string;
}

const policiesForNetworkZoneLookup = defineLookup(
  async (
    args: GetConditionalAccessPoliciesForNetworkZoneArgs,
    client,
  ): Promise<GetConditionalAccessPoliciesResult> => {
    const res = await client.call('ListConditionalAccessPoliciesForNetworkZone', {
      InstanceId: args.instanceId,
      NetworkZoneId: args.networkZoneId,
    });
    return result('ListConditionalAccessPoliciesForNetworkZone', res.ConditionalAccessPolicies);
  },
);
/** The policies that name a network zone (included or excluded), in evaluation order. */
export const getConditionalAccessPoliciesForNetworkZone = policiesForNetworkZoneLookup.get;
/** {@link getConditionalAccessPoliciesForNetworkZone} as a `pulumi.Output`. */
export const getConditionalAccessPoliciesForNetworkZoneOutput = policiesForNetworkZoneLookup.output;

/** Arguments of {@link getConditionalAccessPoliciesForUser}. */
export interface GetConditionalAccessPoliciesForUserArgs {
  /** The instance. */
  readonly instanceId: string;
  /** The user. */
  readonly userId: string;
}

const policiesForUserLookup = defineLookup(
  async (
    args: GetConditionalAccessPoliciesForUserArgs,
    client,
  ): Promise<GetConditionalAccessPoliciesResult> => {
    const res = await client.call('ListConditionalAccessPoliciesForUser', {
      InstanceId: args.instanceId,
      UserId: args.userId,
    });
    return result('ListConditionalAccessPoliciesForUser', res.ConditionalAccessPolicies);
  },
);
/**
 * The policies whose user condition covers a user (directly, through a group, or through an
 * organizational unit or one of its ancestors, and not excluded in any of these ways), in
 * evaluation order.
 */
export const getConditionalAccessPoliciesForUser = policiesForUserLookup.get;
/** {@link getConditionalAccessPoliciesForUser} as a `pulumi.Output`. */
export const getConditionalAccessPoliciesForUserOutput = policiesForUserLookup.output;
