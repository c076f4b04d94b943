/**
 * Retry policy: bounded exponential backoff with full jitter. Whether an error is worth
 * retrying comes from the classifiers in `errors`; whether the call is safe to repeat comes
 * from {@link isIdempotentAction} and the presence of a `ClientToken`.
 */
import { isNeverExecuted, isRetryable } from './errors';

/** Tunables of the retry policy. */
export interface RetryOptions {
  /** Most attempts in total, first one included; default 5. */
  readonly maxAttempts?: number;
  /** Give up rather than sleep past this many ms since the first attempt; default 60000. */
  readonly maxElapsedMs?: number;
  /** Backoff base: the cap before attempt n+1 is `baseDelayMs * 2^(n-1)`; default 200. */
  readonly baseDelayMs?: number;
  /** Upper bound of any single delay; default 10000. */
  readonly maxDelayMs?: number;
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxElapsedMs: 60_000,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
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

/** Verbs of read-only operations. */
const READ_VERBS = ['Get', 'List', 'Obtain'];
/** Verbs of removals: a repeat answers "not found", which the resource layer treats as done. */
const REMOVAL_VERBS = ['Delete', 'Revoke', 'Remove'];

/** The leading capitalized word of an action name, e.g. `Create` for `CreateUser`. */
export function actionVerb(action: string): string {
  return /^[A-Z][a-z]*/.exec(action)?.[0] ?? '';
}

/**
 * Whether an action may be sent twice without changing the outcome. The rule goes by the
 * leading verb: reads (`Get`, `List`, `Obtain`) and removals (`Delete`, `Revoke`, `Remove`)
 * are; every other verb (`Create`, `Add`, `Authorize`, `Set`, `Update`, `Enable`, `Disable`,
 * `Unlock`, and any verb not listed) is treated as a non-idempotent mutation.
 */
export function isIdempotentAction(action: string): boolean {
  const verb = actionVerb(action);
  return READ_VERBS.includes(verb) || REMOVAL_VERBS.includes(verb);
}

/**
 * Whether a failed attempt of `action` may be repeated: the error must be retryable, and
 * the call idempotent, or carrying a `ClientToken`, or provably never executed (throttled,
 * connection refused).
 */
export function shouldRetry(err: unknown, action: string, hasClientToken: boolean): boolean {
  if (!isRetryable(err)) return false;
  return isIdempotentAction(action) || hasClientToken || isNeverExecuted(err);
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
