/**
 * Checks a response body against the catalog: every key present must be declared in
 * `OPERATIONS[op].response` (recursively, through arrays and objects) with a value of the declared
 * type. Keys whose value is `undefined` count as absent (JSON drops them on the wire).
 */
import { OPERATIONS, type OperationName, type ShapeSpec } from '../../src/catalog';

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(spec: ShapeSpec, value: unknown, path: string, problems: string[]): void {
  const actual = typeOf(value);
  if (actual !== spec.type) {
    problems.push(`${path}: expected ${spec.type}, got ${actual}`);
    return;
  }
  if (spec.type === 'array' && spec.items) {
    (value as unknown[]).forEach((item, i) => check(spec.items!, item, `${path}[${i}]`, problems));
  }
  if (spec.type === 'object' && spec.properties)
    checkFields(spec.properties, value as object, path, problems);
}

function checkFields(
  fields: Readonly<Record<string, ShapeSpec>>,
  value: object,
  path: string,
  problems: string[],
): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const spec = fields[key];
    const where = path ? `${path}.${key}` : key;
    if (!spec) problems.push(`${where}: not declared in the catalog`);
    else check(spec, v, where, problems);
  }
}

/** Problems found in `body` for operation `op` (empty when it matches). */
export function responseSpecProblems(op: OperationName, body: unknown): string[] {
  const problems: string[] = [];
  if (typeOf(body) !== 'object') return [`body: expected object, got ${typeOf(body)}`];
  checkFields(OPERATIONS[op].response, body as object, '', problems);
  return problems;
}

/** Fails the test when `body` has a key or value type the catalog does not declare for `op`. */
export function assertMatchesResponseSpec(op: OperationName, body: unknown): void {
  const problems = responseSpecProblems(op, body);
  if (problems.length > 0) {
    throw new Error(`${op} response does not match the catalog:\n  ${problems.join('\n  ')}`);
  }
}
