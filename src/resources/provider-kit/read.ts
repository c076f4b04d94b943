/**
 * What `read` reports besides the live outputs: the inputs Pulumi should record after a refresh
 * or an import (`ReadResult.inputs`).
 *
 * Rule: an input is reported only if the caller's `props` carried it — on import `props` are the
 * declared inputs, on refresh the prior outputs — and then with its LIVE value. The program's
 * declared values therefore still differ from the recorded ones after an out-of-band change, so
 * `diff` (which compares declared inputs with the refreshed outputs) keeps showing the drift
 * until the next `pulumi up` puts the declared values back. Write-only inputs (passwords,
 * triggers, provider knobs) cannot be read and are carried over unchanged.
 *
 * On refresh the prior outputs carry every input field, declared or not, so a field that was
 * empty (`''`, `[]`, `{}`) and still is is left out: recording it would add noise such as
 * `- customFields: []` to every later diff display, while carrying no drift.
 */
import type { PropertyBag } from './shell';

/** Builds `ReadResult.inputs` from the live outputs (see the module comment). */
export function refreshedInputs(
  fields: readonly string[],
  live: PropertyBag,
  props: PropertyBag,
  writeOnly: readonly string[] = [],
): PropertyBag {
  const out: PropertyBag = {};
  for (const f of fields) {
    if (props[f] === undefined || props[f] === null || live[f] === undefined || live[f] === null) continue;
    if (isEmptyValue(props[f]) && isEmptyValue(live[f])) continue;
    out[f] = live[f];
  }
  for (const f of writeOnly) {
    if (props[f] !== undefined && props[f] !== null) out[f] = props[f];
  }
  return out;
}

function isEmptyValue(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** `props` without members whose value is `undefined` (outputs must be plain JSON). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}
