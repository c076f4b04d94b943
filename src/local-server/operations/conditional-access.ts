/** Handlers of the conditional access policy operations. */
import { toWire } from '../../catalog/case';
import * as policies from '../model/conditional-access';
import type { ConditionalAccessPolicyState } from '../model/state';
import { tokenFields } from './network-zones';
import type { TypedHandlers } from './typed';
import { EMPTY, toInput } from './typed';

type Ops =
  | 'CreateConditionalAccessPolicy'
  | 'DeleteConditionalAccessPolicy'
  | 'DisableConditionalAccessPolicy'
  | 'EnableConditionalAccessPolicy'
  | 'GetConditionalAccessPolicy'
  | 'ListConditionalAccessPolicies'
  | 'ListConditionalAccessPoliciesForApplication'
  | 'ListConditionalAccessPoliciesForNetworkZone'
  | 'ListConditionalAccessPoliciesForUser'
  | 'UpdateConditionalAccessPolicy'
  | 'UpdateConditionalAccessPolicyDescription';

function policyFields(p: ConditionalAccessPolicyState) {
  return {
    ConditionalAccessPolicyId: p.conditionalAccessPolicyId,
    InstanceId: p.instanceId,
    ConditionalAccessPolicyName: p.conditionalAccessPolicyName,
    ConditionalAccessPolicyType: p.conditionalAccessPolicyType,
    Description: p.description,
    DecisionType: p.decisionType,
    EvaluateAt: p.evaluateAt,
    Priority: p.priority,
    Status: p.status,
    ConditionsConfig: toWire(p.conditions),
    DecisionConfig: toWire(p.decision),
    CreateTime: p.createTime,
    LastUpdatedTime: p.lastUpdatedTime,
  };
}

/** Conditional access policy handlers. */
export const conditionalAccessHandlers: TypedHandlers<Ops> = {
  CreateConditionalAccessPolicy: (ctx, p) => ({
    ConditionalAccessPolicyId: policies.createConditionalAccessPolicy(
      ctx.service,
      p.InstanceId,
      toInput<'CreateConditionalAccessPolicy', policies.CreateConditionalAccessPolicyInput>(p),
    ).conditionalAccessPolicyId,
  }),
  DeleteConditionalAccessPolicy: (ctx, p) => {
    policies.deleteConditionalAccessPolicy(ctx.service, p.InstanceId, p.ConditionalAccessPolicyId);
    return EMPTY;
  },
  EnableConditionalAccessPolicy: (ctx, p) => {
    policies.setConditionalAccessPolicyStatus(
      ctx.service,
      p.InstanceId,
      p.ConditionalAccessPolicyId,
      'enabled',
    );
    return EMPTY;
  },
  DisableConditionalAccessPolicy: (ctx, p) => {
    policies.setConditionalAccessPolicyStatus(
      ctx.service,
      p.InstanceId,
      p.ConditionalAccessPolicyId,
      'disabled',
    );
    return EMPTY;
  },
  GetConditionalAccessPolicy: (ctx, p) => ({
    ConditionalAccessPolicy: policyFields(
      policies.getConditionalAccessPolicy(ctx.service, p.InstanceId, p.ConditionalAccessPolicyId),
    ),
  }),
  UpdateConditionalAccessPolicy: (ctx, p) => {
    policies.updateConditionalAccessPolicy(
      ctx.service,
      p.InstanceId,
      p.ConditionalAccessPolicyId,
      toInput<'UpdateConditionalAccessPolicy', policies.UpdateConditionalAccessPolicyInput>(p),
    );
    return EMPTY;
  },
  UpdateConditionalAccessPolicyDescription: (ctx, p) => {
    policies.updateConditionalAccessPolicyDescription(
      ctx.service,
      p.InstanceId,
      p.ConditionalAccessPolicyId,
      p.Description,
    );
    return EMPTY;
  },
  ListConditionalAccessPolicies: (ctx, p) => {
    const page = policies.listConditionalAccessPolicies(ctx.service, p.InstanceId, {
      nextToken: p.NextToken,
      previousToken: p.PreviousToken,
      maxResults: p.MaxResults,
    });
    return { ConditionalAccessPolicies: page.items.map(policyFields), ...tokenFields(page) };
  },
  ListConditionalAccessPoliciesForApplication: (ctx, p) => ({
    ConditionalAccessPolicies: policies
      .listConditionalAccessPoliciesForApplication(ctx.service, p.InstanceId, p.ApplicationId)
      .map(policyFields),
  }),
  ListConditionalAccessPoliciesForNetworkZone: (ctx, p) => ({
    ConditionalAccessPolicies: policies
      .listConditionalAccessPoliciesForNetworkZone(ctx.service, p.InstanceId, p.NetworkZoneId)
      .map(policyFields),
  }),
  ListConditionalAccessPoliciesForUser: (ctx, p) => ({
    ConditionalAccessPolicies: policies
      .listConditionalAccessPoliciesForUser(ctx.service, p.InstanceId, p.UserId)
      .map(policyFields),
  }),
};
