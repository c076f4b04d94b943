/**
 * Rules shared by the directory resources (ids of the objects they refer to).
 */
import type { InputChecker } from './provider-kit';

/** Longest id the EIAM API hands out or accepts for instances and directory objects. */
export const MAX_ID_LENGTH = 64;

/** `instanceId` is required, non-empty and at most 64 characters. */
export function checkInstanceId(c: InputChecker, property = 'instanceId'): InputChecker {
  return c.string(property, { required: true, maxLength: MAX_ID_LENGTH });
}

/** A required reference to another object's id (non-empty, at most 64 characters). */
export function checkObjectId(c: InputChecker, property: string, required = true): InputChecker {
  return c.string(property, { required, minLength: 1, maxLength: MAX_ID_LENGTH });
}
