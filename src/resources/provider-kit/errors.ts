/**
 * Errors a provider raises. Messages name the operation and the object, never request
 * parameters or secret values (the API client's errors carry code, request id and status only).
 */

/**
 * An object was created (or partly updated) but a follow-up step failed. The dynamic provider
 * host turns an error carrying `id` and `properties` into Pulumi's "resource initialization
 * failed" result, so the engine records the object in state (and a later `pulumi up` updates
 * it) instead of orphaning it.
 */
export class ResourceInitError extends Error {
  /** Id of the object that exists. */
  readonly id: string;
  /** Outputs to record for it (as far as they are known). */
  readonly properties: Record<string, unknown>;
  /** Reasons reported to the engine. */
  readonly reasons: string[];

  constructor(id: string, properties: Record<string, unknown>, message: string) {
    super(message);
    this.name = 'ResourceInitError';
    this.id = id;
    this.properties = properties;
    this.reasons = [message];
  }
}

/** True when `err` is a {@link ResourceInitError} (or any error carrying an id and properties). */
export function isResourceInitError(err: unknown): err is ResourceInitError {
  return (
    err instanceof ResourceInitError ||
    (err instanceof Error && typeof (err as { id?: unknown }).id === 'string' && 'properties' in err)
  );
}

/** A short, secret-free description of an error for messages. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * What exists when a follow-up step fails: the object was `created` and a later step of the
 * create failed, or an update `updated` part of it before a step failed.
 */
export type FollowUpOf = 'created' | 'updated';

/**
 * Builds the error for a step that failed after the object `id` was created (or partly
 * updated): the message says what exists and what failed, and the properties let Pulumi record
 * the object.
 */
export function partialFailure(
  kind: string,
  id: string,
  properties: Record<string, unknown>,
  step: string,
  cause: unknown,
  after: FollowUpOf = 'created',
): ResourceInitError {
  const message =
    after === 'created'
      ? `${kind} ${id} was created but ${step} failed: ${describeError(cause)}. ` +
        'It is recorded in the stack; run `pulumi up` again to finish configuring it.'
      : `${kind} ${id} was partly updated: ${step} failed: ${describeError(cause)}. ` +
        'Its current state is recorded; run `pulumi up` again to finish.';
  return new ResourceInitError(id, properties, message);
}

/**
 * The properties a failed follow-up records: known up front, or read when the step fails (the
 * live outputs, so the next `pulumi up` sees exactly what is still missing).
 */
export type FollowUpProperties = Record<string, unknown> | (() => Promise<Record<string, unknown>>);

/**
 * Runs a follow-up step of a create (or an update) whose object `id` already exists; if the step
 * fails, throws {@link partialFailure} so the engine records the object with `properties`. The
 * one partial-failure helper of every provider: a multi-step create or update runs each step
 * through it. An error that already is a partial failure (an inner step's) passes unchanged.
 */
export async function followUp<T>(
  kind: string,
  id: string,
  properties: FollowUpProperties,
  step: string,
  work: () => Promise<T>,
  after: FollowUpOf = 'created',
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isResourceInitError(err)) throw err;
    const recorded = typeof properties === 'function' ? await properties() : properties;
    throw partialFailure(kind, id, recorded, step, err, after);
  }
}

/**
 * On import (or a refresh of hand-edited state), verifies that an identifying input the program
 * declared agrees with what the id designates; throws an error naming both otherwise.
 */
export function assertDeclaredMatches(
  kind: string,
  id: string,
  property: string,
  declared: unknown,
  actual: unknown,
): void {
  if (declared !== undefined && declared !== null && declared !== actual) {
    throw new Error(
      `${kind} ${id}: the declared ${property} "${String(declared)}" does not match the object's ${property} "${String(actual)}"`,
    );
  }
}
