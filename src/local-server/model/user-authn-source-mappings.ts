/**
 * Bindings of users to their accounts at an identity provider (BindUserAuthnSourceMapping,
 * UnbindUserAuthnSourceMapping, ListUserAuthnSourceMappings).
 *
 * Rules: the user and the provider must exist, and the provider must authenticate (DingTalk push
 * does not). Within one provider an external id is bound to one user and a user to one external
 * id (`EntityAlreadyExists.UserAuthnSourceMapping`); binding the same pair again is a no-op.
 * Unbinding a pair that is not bound is `EntityNotExists.UserAuthnSourceMapping`. Deleting the
 * user or the provider removes its bindings (see `forgetIdentityProviderReferences` and
 * `deleteIdentityProvider`).
 */
import type { ModelContext } from './context';
import { alreadyExists, notFound, operationDenied } from './errors';
import { authenticates, requireIdentityProvider } from './identity-providers';
import { pageOfSorted, tokenRequest, type Page } from './paging';
import type { InstanceState } from './state';
import { requiredText } from './validate';

/** One binding. */
export interface UserAuthnSourceMappingState {
  instanceId: string;
  seq: number;
  identityProviderId: string;
  userId: string;
  userExternalId: string;
  authnSourceType: string;
  createTime: number;
  updateTime: number;
}

/** Bind/Unbind input. */
export interface UserAuthnSourceMappingInput {
  identityProviderId: string;
  userId: string;
  userExternalId: string;
}

/** ListUserAuthnSourceMappings filter. */
export interface ListUserAuthnSourceMappingsFilter {
  userId: string;
  identityProviderId?: string;
  userExternalId?: string;
  nextToken?: string;
  maxResults?: number;
}

/** Longest external id (our choice). */
export const MAX_USER_EXTERNAL_ID = 256;
const OIDC_AUTHN = 'urn:alibaba:idaas:authntype:oidc';

/** The instance's bindings, keyed `<identityProviderId>/<userId>`. */
export function mappingsOf(inst: InstanceState): Map<string, UserAuthnSourceMappingState> {
  return (inst.userAuthnSourceMappings ??= new Map());
}

function key(identityProviderId: string, userId: string): string {
  return `${identityProviderId}/${userId}`;
}

/** The `AuthnSourceType` of a provider's bindings: OIDC for OIDC and SASE, else its supplier. */
export function authnSourceTypeOf(identityProviderType: string): string {
  if (identityProviderType.endsWith(':oidc') || identityProviderType.endsWith(':sase')) return OIDC_AUTHN;
  return identityProviderType.replace(/:(pull|push)$/, '');
}

/** BindUserAuthnSourceMapping. */
export function bindUserAuthnSourceMapping(
  svc: ModelContext,
  instanceId: string,
  input: UserAuthnSourceMappingInput,
): UserAuthnSourceMappingState {
  const { inst, idp } = requireIdentityProvider(svc, instanceId, input.identityProviderId);
  svc.requireUser(inst, input.userId);
  const externalId = requiredText('UserExternalId', input.userExternalId, MAX_USER_EXTERNAL_ID);
  if (!authenticates(idp.identityProviderType)) {
    throw operationDenied(
      'IdentityProviderType',
      `Identity providers of type ${idp.identityProviderType} do not authenticate; users cannot be bound to them.`,
    );
  }
  const mappings = mappingsOf(inst);
  const own = mappings.get(key(idp.identityProviderId, input.userId));
  if (own) {
    if (own.userExternalId === externalId) return own;
    throw alreadyExists('UserAuthnSourceMapping', `binding user '${input.userId}' to this identity provider`);
  }
  for (const m of mappings.values()) {
    if (m.identityProviderId === idp.identityProviderId && m.userExternalId === externalId) {
      throw alreadyExists(
        'UserAuthnSourceMapping',
        `for external id '${externalId}' of this identity provider`,
      );
    }
  }
  const now = svc.now();
  const mapping: UserAuthnSourceMappingState = {
    instanceId: inst.instanceId,
    seq: svc.nextSeq(),
    identityProviderId: idp.identityProviderId,
    userId: input.userId,
    userExternalId: externalId,
    authnSourceType: authnSourceTypeOf(idp.identityProviderType),
    createTime: now,
    updateTime: now,
  };
  mappings.set(key(idp.identityProviderId, input.userId), mapping);
  return mapping;
}

/** UnbindUserAuthnSourceMapping. */
export function unbindUserAuthnSourceMapping(
  svc: ModelContext,
  instanceId: string,
  input: UserAuthnSourceMappingInput,
): void {
  const { inst } = requireIdentityProvider(svc, instanceId, input.identityProviderId);
  svc.requireUser(inst, input.userId);
  const mappings = mappingsOf(inst);
  const k = key(input.identityProviderId, input.userId);
  const mapping = mappings.get(k);
  if (!mapping || mapping.userExternalId !== input.userExternalId) {
    throw notFound(
      'UserAuthnSourceMapping',
      `${input.identityProviderId}/${input.userId}/${input.userExternalId}`,
    );
  }
  mappings.delete(k);
}

/** ListUserAuthnSourceMappings: the user's bindings in creation order, token paged. */
export function listUserAuthnSourceMappings(
  svc: ModelContext,
  instanceId: string,
  filter: ListUserAuthnSourceMappingsFilter,
): Page<UserAuthnSourceMappingState> {
  const inst = svc.requireRunningInstance(instanceId);
  svc.requireUser(inst, filter.userId);
  const mode = { kind: 'token' as const, ...tokenRequest(filter.nextToken, filter.maxResults) };
  const matches = [...mappingsOf(inst).values()]
    .filter(
      (m) =>
        m.userId === filter.userId &&
        (!filter.identityProviderId || m.identityProviderId === filter.identityProviderId) &&
        (!filter.userExternalId || m.userExternalId === filter.userExternalId),
    )
    .sort((a, b) => a.seq - b.seq);
  return pageOfSorted(matches, mode);
}
