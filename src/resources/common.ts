/**
 * Rules shared by the directory resources (ids of the objects they refer to).
 */
import type { IdKind, InputChecker } from './provider-kit';

/** Longest id the EIAM API hands out or accepts for instances and directory objects. */
export const MAX_ID_LENGTH = 64;

/** `instanceId` is required and an instance id (`idaas_…`, at most 64 characters). */
export function checkInstanceId(c: InputChecker, property = 'instanceId'): InputChecker {
  return c.id(property, 'instance', { required: true });
}

/**
 * A reference to another object's id, of the given kind (`ou_…` for a unit, `user_…`, `group_…`,
 * `app_…`): required unless `required` is false.
 */
export function checkObjectId(
  c: InputChecker,
  property: string,
  kind: IdKind,
  required = true,
): InputChecker {
  return c.id(property, kind, { required });
}
