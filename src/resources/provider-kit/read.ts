/**
 * Small helpers of `read` paths. What a refresh records (outputs and inputs) is decided in
 * `shaping.ts`.
 */
/** `props` without members whose value is `undefined` (outputs must be plain JSON). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
