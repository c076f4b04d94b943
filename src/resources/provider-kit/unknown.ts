/**
 * Pulumi's marker for values that are not known yet. During a preview, an input that depends on
 * another resource's unresolved output reaches a dynamic provider's `check` and `diff` as this
 * exact string (nested inside arrays and objects too).
 */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** True when `value` itself is the unknown marker. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when `value` is, or contains at any depth, the unknown marker. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
