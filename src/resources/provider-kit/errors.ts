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
 * Builds the error for a step that failed after the object `id` was created: the message says
 * what exists and what failed, and the properties let Pulumi record the object.
 */
export function partialFailure(
  kind: string,
  id: string,
  properties: Record<string, unknown>,
  step: string,
  cause: unknown,
): ResourceInitError {
  return new ResourceInitError(
    id,
    properties,
    `${kind} ${id} was created but ${step} failed: ${describeError(cause)}. ` +
      'It is recorded in the stack; run `pulumi up` again to finish configuring it.',
  );
}

/**
 * Runs a follow-up step of a create whose object `id` already exists; if the step fails, throws
 * {@link partialFailure} so the engine records the object with `properties`.
 */
export async function followUp<T>(
  kind: string,
  id: string,
  properties: Record<string, unknown>,
  step: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw partialFailure(kind, id, properties, step, err);
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
