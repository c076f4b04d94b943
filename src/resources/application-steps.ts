/**
 * Small helpers of the application-family providers (Application, ApplicationAuthorization,
 * ClientSecret): multi-step work that reports which step failed, and deletes that tolerate an
 * object already gone or one the service wants disabled first.
 */
import { EiamApiError, isNotFound } from '../client';
import { describeError } from './provider-kit';

/** A step of a multi-step create or update failed; `step` says which one, `cause` why. */
export class StepError extends Error {
  /** What was being done, e.g. `setting the SSO configuration`. */
  readonly step: string;
  /** The underlying error. */
  override readonly cause: unknown;

  constructor(step: string, cause: unknown) {
    super(`${step} failed: ${describeError(cause)}`);
    this.name = 'StepError';
    this.step = step;
    this.cause = cause;
  }
}

/** Runs `work` as the step `step`: a failure is rethrown as a {@link StepError} naming it. */
export async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw err instanceof StepError ? err : new StepError(name, err);
  }
}

/**
 * True when the service refused a delete because of the object's state (e.g. it must be disabled
 * first). The emulator deletes in any state; the real service's codes for this are not
 * published, so any `OperationDenied*` / `*Status*` / `*Conflict*` code counts.
 */
export function isStateConflict(err: unknown): boolean {
  return err instanceof EiamApiError && /OperationDenied|Status|Conflict/i.test(err.code) && !isNotFound(err);
}

/**
 * Deletes with `remove`; an object already gone is success. If the service refuses because of
 * the object's state, `disable` runs once and the delete is tried again.
 */
export async function deleteTolerantly(
  remove: () => Promise<unknown>,
  disable?: () => Promise<unknown>,
): Promise<void> {
  try {
    await remove();
    return;
  } catch (err) {
    if (isNotFound(err)) return;
    if (!disable || !isStateConflict(err)) throw err;
  }
  try {
    await disable();
    await remove();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
