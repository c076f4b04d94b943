/**
 * Idempotency tokens (`ClientToken`) for create calls.
 *
 * One token is generated per provider `create` call and reused by every retry the client makes
 * of that request, so a retried CreateUser whose first attempt did reach the service returns the
 * same object instead of a duplicate or a name clash. Tokens are deliberately NOT derived from
 * the inputs: a replacement that deletes and re-creates an object with identical inputs must
 * create a new object, not be answered with the id of the deleted one.
 */
import { randomUUID } from 'node:crypto';

/** A fresh `ClientToken` (ASCII, at most 64 characters), e.g. `pulumi-user-<uuid>`. */
export function newClientToken(kind: string): string {
  const prefix = `pulumi-${kind.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 27);
  return `${prefix}-${randomUUID()}`;
}
