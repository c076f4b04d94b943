/**
 * Resource ids. Objects that live inside an instance get composite ids
 * `<instanceId>/<objectId>[/<objectId>...]` so `read` (and an `import`) can locate them from
 * the id alone. EIAM ids never contain `/`.
 */
import { idProblem } from './check';
import { idKindOfPart } from './id-kinds';

/** Separator between the parts of a composite id. */
export const ID_SEPARATOR = '/';

/** Joins id parts into a composite id. */
export function joinId(...parts: string[]): string {
  for (const p of parts) {
    if (!p || p.includes(ID_SEPARATOR)) throw new Error(`invalid id part "${p}"`);
  }
  return parts.join(ID_SEPARATOR);
}

/**
 * Splits a composite id into exactly `names.length` named parts, or throws an error that shows
 * the expected format (e.g. `instanceId/userId`).
 */
export function parseId<N extends string>(kind: string, id: string, names: readonly N[]): Record<N, string> {
  const parts = typeof id === 'string' ? id.split(ID_SEPARATOR) : [];
  if (parts.length !== names.length || parts.some((p) => p === '')) {
    throw new Error(`invalid ${kind} id "${id}": expected ${names.join(ID_SEPARATOR)}`);
  }
  const out = {} as Record<N, string>;
  names.forEach((n, i) => (out[n] = parts[i]));
  return out;
}

/**
 * What is wrong with the parts of a composite id, e.g. `groupId part: must be a group id
 * (group_…); the value is a user id (user_…)`; empty when the parts look right.
 */
export function idPartProblems(id: string, names: readonly string[]): string[] {
  const parts = typeof id === 'string' ? id.split(ID_SEPARATOR) : [];
  if (parts.length !== names.length) return [`expected ${names.length} part(s) ${names.join(ID_SEPARATOR)}`];
  const problems: string[] = [];
  names.forEach((name, i) => {
    const kind = idKindOfPart(name);
    const problem = kind ? idProblem(parts[i], kind) : undefined;
    if (problem) problems.push(`its ${name} part ${problem}`);
  });
  return problems;
}
