/**
 * From the flat wire parameters of one request to the typed parameter object an operation
 * handler receives. The client's `unflatten` rebuilds the nesting from the catalog spec
 * (`UserIds.1` → array, `CustomFields.1.FieldName` → array of objects, JSON-text values for
 * arrays and objects); this module then checks every value against the spec, as the gateway
 * does before the service sees the request: wrong type, wrong shape or oversized value →
 * `InvalidParameter.<Name>`, absent mandatory parameter → `Missing<Name>`. Names the spec does
 * not know are dropped (the gateway ignores them).
 *
 * Before that, the dotted names of known parameters are checked against the spec's shape, since
 * `unflatten` alone would quietly drop what it cannot place (and a list filter that loses its
 * items would match everything): a list takes only indexes `1..n` with no gaps
 * (`UserIds.x`, `UserIds.0`, `UserIds.1` with `UserIds.4294967295` are refused), a scalar takes no
 * sub-fields (`UserIds.1.2`), an object takes only the fields it declares, and a name may not be
 * given both as a value and with sub-fields. Each is `InvalidParameter.<Name>`.
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

/** A parameter name's segments after its head, grouped by their parent path, for the index checks. */
type IndexUse = Map<string, Set<number>>;

/**
 * Checks the segments after the head of one flat name against the parameter's shape, recording
 * the list indexes used under each list path in `indexes`. Throws `InvalidParameter.<top>`.
 */
function checkName(segments: readonly string[], shape: ShapeSpec, top: string, indexes: IndexUse): void {
  let current: ShapeSpec = shape;
  let path = top;
  for (const segment of segments) {
    if (current.type === 'array') {
      if (!/^[1-9]\d*$/.test(segment)) {
        throw gatewayErrors.invalidParameter(
          top,
          `"${path}.${segment}": a list index must be a number from 1`,
        );
      }
      const index = Number(segment);
      if (index > MAX_LIST_LENGTH) {
        throw gatewayErrors.invalidParameter(top, `${path} has an index above ${MAX_LIST_LENGTH}`);
      }
      const used = indexes.get(path) ?? new Set<number>();
      used.add(index);
      indexes.set(path, used);
      current = current.items ?? { type: 'string' };
    } else if (current.type === 'object') {
      const field = current.properties?.[segment];
      if (!field) throw gatewayErrors.invalidParameter(top, `${path} has no field "${segment}"`);
      current = field;
    } else {
      throw gatewayErrors.invalidParameter(top, `${path} is ${describe(current)} and takes no sub-field`);
    }
    path = `${path}.${segment}`;
  }
}

/**
 * Rejects malformed dotted names of known parameters (see the module comment): wrong segments,
 * a value and sub-fields under one name, list indexes that are not exactly `1..n`.
 */
function checkNames(flatNames: readonly string[], spec: OperationSpec): void {
  const specs = new Map(spec.request.map((p) => [p.name, p] as const));
  const indexes: IndexUse = new Map();
  const names = new Set(flatNames);
  for (const name of flatNames) {
    const [head, ...segments] = name.split('.');
    const param = specs.get(head);
    if (!param || segments.length === 0) continue;
    checkName(segments, param, head, indexes);
    // `UserIds=a` with `UserIds.1=b`: a value and sub-fields under one name.
    for (let i = 0; i < segments.length; i++) {
      const parent = [head, ...segments.slice(0, i)].join('.');
      if (names.has(parent)) {
        throw gatewayErrors.invalidParameter(head, `${parent} is given both as a value and with sub-fields`);
      }
    }
  }
  for (const [path, used] of indexes) {
    if (used.size !== Math.max(...used)) {
      throw gatewayErrors.invalidParameter(
        path.split('.', 1)[0],
        `the indexes of ${path} must run 1, 2, … without gaps`,
      );
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
  checkNames(Object.keys(relevant), spec);
  const nested = unflatten(relevant, spec.request);
  const out: Record<string, unknown> = {};
  for (const param of spec.request) {
    const value = check(nested[param.name], param, param.name, param.name);
    if (param.required && isEmpty(value)) throw gatewayErrors.missing(param.name);
    if (value !== undefined) out[param.name] = value;
  }
  return out;
}
