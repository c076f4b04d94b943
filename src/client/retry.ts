/**
 * Retry policy: bounded exponential backoff with full jitter. Whether an error is worth
 * retrying comes from the classifiers in `errors`; whether the call is safe to repeat comes
 * from the table {@link OPERATION_RETRY_RULES} and the presence of a `ClientToken`.
 *
 * The defaults ride out a burst of throttling (ten attempts, delays capped at 5 s, at most 60 s
 * in all): at a 27% fault rate a call fails all ten attempts about twice in a million.
 */
import type { OperationName } from '../catalog';
import { isNeverExecuted, isRetryable } from './errors';

/** Tunables of the retry policy. */
export interface RetryOptions {
  /** Most attempts in total, first one included; default 10. */
  readonly maxAttempts?: number;
  /** Give up rather than sleep past this many ms since the first attempt; default 60000. */
  readonly maxElapsedMs?: number;
  /** Backoff base: the cap before attempt n+1 is `baseDelayMs * 2^(n-1)`; default 200. */
  readonly baseDelayMs?: number;
  /** Upper bound of any single delay; default 5000. */
  readonly maxDelayMs?: number;
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  maxElapsedMs: 60_000,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
};

/** Fills in defaults and clamps nonsense (fewer than one attempt, negative delays). */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const merged = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(options) };
  return {
    maxAttempts: Math.max(1, Math.floor(merged.maxAttempts)),
    maxElapsedMs: Math.max(0, merged.maxElapsedMs),
    baseDelayMs: Math.max(0, merged.baseDelayMs),
    maxDelayMs: Math.max(0, merged.maxDelayMs),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Full-jitter delay before the attempt after `attempt` (1-based):
 * `random() * min(maxDelayMs, baseDelayMs * 2^(attempt-1))`.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}

/**
 * How a call may be repeated after a failure that leaves its outcome unknown (a 5xx answer, a
 * connection dropped after the request went out):
 *
 * - `read`: changes nothing (`Get`, `List`, `Obtain`).
 * - `idempotent`: a repeat leaves the service as one call would. Removals (a repeat answers "not
 *   found" or ignores what is gone), adding members and authorizing principals (present ones are
 *   kept), setting configurations and attributes to given values, enable/disable/unlock.
 * - `token`: carries a `ClientToken` (the client adds one), so the service applies it once.
 * - `once`: neither. Repeated only when the service provably never ran it (throttled, refused
 *   connection); otherwise the caller must find out whether it happened. For the creates, the
 *   resource layer does that by the key in {@link OperationRetryRule.adoptBy}
 *   (`provider-kit/adopt.ts`).
 */
export type RepeatSafety = 'read' | 'idempotent' | 'token' | 'once';

/** One row of {@link OPERATION_RETRY_RULES}. */
export interface OperationRetryRule {
  /** Whether an ambiguous failure may be retried as is. */
  readonly repeat: RepeatSafety;
  /** For `once` creates: how a create of unknown outcome is found again. */
  readonly adoptBy?: string;
}

const READ: OperationRetryRule = { repeat: 'read' };
const SAME: OperationRetryRule = { repeat: 'idempotent' };
const TOKEN: OperationRetryRule = { repeat: 'token' };

/**
 * The retry rule of every operation of the catalog: the one place that says which calls are safe
 * to repeat. A new operation must be added here (the type requires it).
 */
export const OPERATION_RETRY_RULES: Readonly<Record<OperationName, OperationRetryRule>> = {
  ListRegions: READ,
  CreateInstance: {
    repeat: 'once',
    adoptBy: 'an instance with the same description that was not listed before the create',
  },
  DeleteInstance: SAME,
  UpdateInstanceDescription: SAME,
  ListInstances: READ,
  GetInstance: READ,
  CreateApplication: {
    repeat: 'once',
    adoptBy: 'an application with the same name that was not listed before the create',
  },
  DeleteApplication: SAME,
  UpdateApplicationDescription: SAME,
  EnableApplication: SAME,
  DisableApplication: SAME,
  GetApplication: READ,
  ListApplications: READ,
  SetApplicationSsoConfig: TOKEN,
  GetApplicationSsoConfig: READ,
  AuthorizeApplicationToUsers: SAME,
  AuthorizeApplicationToOrganizationalUnits: SAME,
  AuthorizeApplicationToGroups: SAME,
  RevokeApplicationFromUsers: SAME,
  RevokeApplicationFromOrganizationalUnits: SAME,
  RevokeApplicationFromGroups: SAME,
  UpdateApplicationAuthorizationType: SAME,
  ListUsersForApplication: READ,
  ListOrganizationalUnitsForApplication: READ,
  ListGroupsForApplication: READ,
  ListApplicationsForUser: READ,
  ListApplicationsForOrganizationalUnit: READ,
  CreateApplicationClientSecret: {
    repeat: 'once',
    adoptBy: 'a client secret of the application that was not listed before the create',
  },
  DeleteApplicationClientSecret: SAME,
  DisableApplicationClientSecret: SAME,
  EnableApplicationClientSecret: SAME,
  ListApplicationClientSecrets: READ,
  ObtainApplicationClientSecret: READ,
  EnableApplicationApiInvoke: SAME,
  DisableApplicationApiInvoke: SAME,
  SetApplicationGrantScope: SAME,
  GetApplicationGrantScope: READ,
  DisableApplicationProvisioning: SAME,
  EnableApplicationProvisioning: SAME,
  SetApplicationProvisioningConfig: SAME,
  SetApplicationProvisioningScope: SAME,
  GetApplicationProvisioningConfig: READ,
  GetApplicationProvisioningScope: READ,
  CreateUser: { repeat: 'token', adoptBy: 'the username, unique in the instance' },
  AddUserToOrganizationalUnits: SAME,
  DeleteUser: SAME,
  RemoveUserFromOrganizationalUnits: SAME,
  UpdateUser: SAME,
  // A password history rule refuses a password already used: a repeat could fail.
  UpdateUserPassword: { repeat: 'once' },
  UpdateUserDescription: SAME,
  DisableUser: SAME,
  EnableUser: SAME,
  UnlockUser: SAME,
  SetUserPrimaryOrganizationalUnit: SAME,
  GetUser: READ,
  ListUsers: READ,
  CreateOrganizationalUnit: {
    repeat: 'once',
    adoptBy: 'the unit name, unique under its parent',
  },
  DeleteOrganizationalUnit: SAME,
  DeleteOrganizationalUnitChildren: SAME,
  UpdateOrganizationalUnit: SAME,
  UpdateOrganizationalUnitDescription: SAME,
  UpdateOrganizationalUnitParentId: SAME,
  GetRootOrganizationalUnit: READ,
  GetOrganizationalUnit: READ,
  ListOrganizationalUnits: READ,
  CreateGroup: { repeat: 'once', adoptBy: 'the group name, unique in the instance' },
  AddUsersToGroup: SAME,
  DeleteGroup: SAME,
  RemoveUsersFromGroup: SAME,
  UpdateGroup: SAME,
  UpdateGroupDescription: SAME,
  GetGroup: READ,
  ListGroups: READ,
  ListUsersForGroup: READ,
  ListGroupsForUser: READ,
  SetForgetPasswordConfiguration: SAME,
  SetPasswordInitializationConfiguration: SAME,
  SetPasswordHistoryConfiguration: SAME,
  SetPasswordExpirationConfiguration: SAME,
  SetPasswordComplexityConfiguration: SAME,
  GetForgetPasswordConfiguration: READ,
  GetPasswordInitializationConfiguration: READ,
  GetPasswordHistoryConfiguration: READ,
  GetPasswordExpirationConfiguration: READ,
  GetPasswordComplexityConfiguration: READ,
  UpdateApplicationInfo: TOKEN,
  // Custom fields (the user schema). No operation lists fields, so a create of unknown outcome
  // cannot be found again by its name: the resource reports it instead of guessing.
  CreateCustomField: {
    repeat: 'once',
    adoptBy: 'the field name, unique per instance and entity type (no operation lists fields)',
  },
  GetCustomField: READ,
  DeleteCustomField: SAME,
  EnableCustomField: SAME,
  DisableCustomField: SAME,
  // Identity providers: creates and updates carry a ClientToken; switches, configuration sets,
  // deletes, binds and unbinds leave the same state when repeated; a repeated status check only
  // starts one more job.
  BindUserAuthnSourceMapping: SAME,
  CreateIdentityProvider: TOKEN,
  CreateIdentityProviderStatusCheckJob: {
    repeat: 'once',
    adoptBy: 'none needed: a check job changes nothing, so a lost one is replaced by starting another',
  },
  DeleteIdentityProvider: SAME,
  DisableIdentityProviderAdvancedAbility: SAME,
  DisableIdentityProviderAuthn: SAME,
  DisableIdentityProviderUdPull: SAME,
  DisableInternalAuthenticationSource: SAME,
  EnableIdentityProviderAdvancedAbility: SAME,
  EnableIdentityProviderAuthn: SAME,
  EnableIdentityProviderUdPull: SAME,
  EnableInternalAuthenticationSource: SAME,
  ExecIdentityProviderMetadataUrlResolution: READ,
  GetIdentityProvider: READ,
  GetIdentityProviderAdvancedConfiguration: READ,
  GetIdentityProviderStatusCheckJob: READ,
  GetIdentityProviderUdPullConfiguration: READ,
  GetIdentityProviderUdPushConfiguration: READ,
  ListIdentityProviders: READ,
  ListIdentityProvidersForNetworkAccessEndpoint: READ,
  ListUserAuthnSourceMappings: READ,
  SetIdentityProviderAuthnConfiguration: SAME,
  SetIdentityProviderUdPullConfiguration: SAME,
  SetIdentityProviderUdPushConfiguration: SAME,
  UnbindUserAuthnSourceMapping: SAME,
  UpdateIdentityProvider: TOKEN,
  // ---- Network zones and conditional access policies (issue #13) ----
  // Creates and updates carry a ClientToken; names are unique in the instance, so a create of
  // unknown outcome can also be found again by its name.
  CreateNetworkZone: { repeat: 'token', adoptBy: 'the zone name, unique in the instance' },
  DeleteNetworkZone: SAME,
  GetNetworkZone: READ,
  ListApplicationsForNetworkZone: READ,
  ListNetworkZones: READ,
  UpdateNetworkZone: TOKEN,
  UpdateNetworkZoneDescription: TOKEN,
  CreateConditionalAccessPolicy: { repeat: 'token', adoptBy: 'the policy name, unique in the instance' },
  DeleteConditionalAccessPolicy: SAME,
  DisableConditionalAccessPolicy: SAME,
  EnableConditionalAccessPolicy: SAME,
  GetConditionalAccessPolicy: READ,
  ListConditionalAccessPolicies: READ,
  ListConditionalAccessPoliciesForApplication: READ,
  ListConditionalAccessPoliciesForNetworkZone: READ,
  ListConditionalAccessPoliciesForUser: READ,
  UpdateConditionalAccessPolicy: TOKEN,
  UpdateConditionalAccessPolicyDescription: TOKEN,
};

/** The retry rule of `action`; an action the table does not know is `once`. */
export function retryRuleOf(action: string): OperationRetryRule {
  return (
    (OPERATION_RETRY_RULES as Readonly<Record<string, OperationRetryRule>>)[action] ?? { repeat: 'once' }
  );
}

/** The leading capitalized word of an action name, e.g. `Create` for `CreateUser`. */
export function actionVerb(action: string): string {
  return /^[A-Z][a-z]*/.exec(action)?.[0] ?? '';
}

/**
 * Whether an action may be sent twice without changing the outcome: a `read` or `idempotent`
 * row of {@link OPERATION_RETRY_RULES}.
 */
export function isIdempotentAction(action: string): boolean {
  const { repeat } = retryRuleOf(action);
  return repeat === 'read' || repeat === 'idempotent';
}

/**
 * Whether a failed attempt of `action` may be repeated: the error must be retryable, and the
 * service provably never ran the call (throttled, connection refused), or the call is safe to
 * repeat ({@link isIdempotentAction}, or it carries a `ClientToken`).
 */
export function shouldRetry(err: unknown, action: string, hasClientToken: boolean): boolean {
  if (!isRetryable(err)) return false;
  return isNeverExecuted(err) || isIdempotentAction(action) || hasClientToken;
}

/** Hooks {@link withRetry} runs with; injectable for tests. */
export interface RetryContext {
  /** The policy in force. */
  readonly policy: RetryPolicy;
  /** Decides whether an error is worth another attempt. */
  readonly canRetry: (err: unknown) => boolean;
  /** Uniform random number in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  /** Sleeps for `ms`; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Current time in ms; default `Date.now`. */
  readonly now?: () => number;
  /** Called before each retry with the attempt just failed, its error and the chosen delay. */
  readonly onRetry?: (attempt: number, err: unknown, delayMs: number) => void;
}

/** What {@link withRetry} resolves to: the value or the last error, and the attempts made. */
export type RetryOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number };

/** Default sleep: a plain timer. */
export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `attempt` until it succeeds, the error is not retryable, `maxAttempts` is reached, or
 * the next delay would end past `maxElapsedMs`. Never rejects: the outcome says which.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  context: RetryContext,
): Promise<RetryOutcome<T>> {
  const random = context.random ?? Math.random;
  const sleep = context.sleep ?? defaultSleep;
  const now = context.now ?? Date.now;
  const started = now();
  for (let n = 1; ; n++) {
    try {
      return { ok: true, value: await attempt(n), attempts: n };
    } catch (error) {
      if (n >= context.policy.maxAttempts || !context.canRetry(error))
        return { ok: false, error, attempts: n };
      const delay = backoffDelay(n, context.policy, random);
      if (now() - started + delay > context.policy.maxElapsedMs) return { ok: false, error, attempts: n };
      context.onRetry?.(n, error, delay);
      await sleep(delay);
    }
  }
}
