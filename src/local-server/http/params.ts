/**
 * From the flat wire parameters of one request to the typed parameter object an operation
 * handler receives. The client's `unflatten` rebuilds the nesting from the catalog spec
 * (`UserIds.1` → array, `CustomFields.1.FieldName` → array of objects, JSON-text values for
 * arrays and objects); this module then checks every value against the spec, as the gateway
 * does before the service sees the request: wrong type, wrong shape or oversized value →
 * `InvalidParameter.<Name>`, absent mandatory parameter → `Missing<Name>`. Names the spec does
 * not know are dropped (the gateway ignores them).
 */
import type { OperationSpec, ShapeSpec } from '../../catalog';
import { unflatten } from '../../client/encoding';
import { gatewayErrors } from './errors';

/** Longest single string value accepted, in characters. */
export const MAX_VALUE_LENGTH = 64 * 1024;

/** Most items accepted in one list parameter. */
export const MAX_LIST_LENGTH = 1000;

/** Most dot-separated segments in one flat name (`A.1.B.2.C` has 5). */
const MAX_NAME_SEGMENTS = 12;

function describe(shape: ShapeSpec): string {
  switch (shape.type) {
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (Name.1, Name.2, … or a JSON array)';
    case 'object':
      return 'an object (Name.Field or a JSON object)';
    default:
      return 'a string';
  }
}

/** Checks (and normalizes) `value` against `shape`; `top` names the parameter in error codes. */
function check(value: unknown, shape: ShapeSpec, top: string, where: string): unknown {
  if (value === undefined || value === null) return undefined;
  const wrong = () => gatewayErrors.invalidParameter(top, `${where} must be ${describe(shape)}`);
  switch (shape.type) {
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      if (typeof value !== 'string') throw wrong();
      if (value.length > MAX_VALUE_LENGTH) {
        throw gatewayErrors.invalidParameter(top, `${where} is longer than ${MAX_VALUE_LENGTH} characters`);
      }
      return value;
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrong();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong();
      return value;
    case 'array': {
      if (!Array.isArray(value)) throw wrong();
      if (value.length > MAX_LIST_LENGTH) {
        throw gatewayErrors.invalidParameter(top, `${where} has more than ${MAX_LIST_LENGTH} items`);
      }
      const items = shape.items ?? { type: 'string' };
      return value
        .map((item, i) => check(item, items, top, `${where}.${i + 1}`))
        .filter((item) => item !== undefined);
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) throw wrong();
      const out: Record<string, unknown> = {};
      for (const [field, fieldShape] of Object.entries(shape.properties ?? {})) {
        const v = check((value as Record<string, unknown>)[field], fieldShape, top, `${where}.${field}`);
        if (v !== undefined) out[field] = v;
      }
      return out;
    }
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Builds the typed parameters of an operation from its flat wire parameters.
 * Throws `Missing<Name>` (400) for an absent or empty mandatory parameter and
 * `InvalidParameter.<Name>` (400) for a value of the wrong type, shape or size.
 */
export function parseOperationParams(
  spec: OperationSpec,
  flat: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const known = new Set(spec.request.map((p) => p.name));
  const relevant: Record<string, string> = {};
  for (const [name, value] of Object.entries(flat)) {
    const head = name.split('.', 1)[0];
    if (!known.has(head)) continue;
    if (name.split('.', MAX_NAME_SEGMENTS + 1).length > MAX_NAME_SEGMENTS) {
      throw gatewayErrors.invalidParameter(head, `a field of ${head} is nested deeper than the API allows`);
    }
    relevant[name] = value;
  }
  const nested = unflatten(relevant, spec.request);
  const out: Record<string, unknown> = {};
  for (const param of spec.request) {
    const value = check(nested[param.name], param, param.name, param.name);
    if (param.required && isEmpty(value)) throw gatewayErrors.missing(param.name);
    if (value !== undefined) out[param.name] = value;
  }
  return out;
}
