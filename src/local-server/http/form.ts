/**
 * Guards around the client's wire decoding (`parseFormEncoded`, `flatten` in
 * `src/client/encoding.ts`), so the server decodes exactly as the client encodes and as the
 * signature verifier decodes, while refusing input that would be ambiguous or costly:
 * malformed percent-escapes, too many parameters, JSON nested too deeply.
 */
import { flatten, parseFormEncoded, type FlatParamMap } from '../../client/encoding';
import { gatewayErrors } from './errors';

/** Largest number of parameters accepted in one query string or body. */
export const MAX_PARAMETER_COUNT = 5000;

/** Deepest nesting of a JSON body that is accepted. */
export const MAX_JSON_DEPTH = 12;

const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * Rejects, with `InvalidParameter` (400), url-encoded text that has a `%` not followed by two hex
 * digits or more than {@link MAX_PARAMETER_COUNT} fields.
 */
export function checkUrlEncoded(text: string, where: 'query string' | 'body'): void {
  if (BAD_ESCAPE.test(text)) throw gatewayErrors.malformedRequest(`invalid percent-encoding in the ${where}`);
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) fields += 1;
  if (fields > MAX_PARAMETER_COUNT) {
    throw gatewayErrors.malformedRequest(`more than ${MAX_PARAMETER_COUNT} parameters in the ${where}`);
  }
}

/**
 * Decodes a query string or `application/x-www-form-urlencoded` body into flat fields (last
 * repeated name wins), after {@link checkUrlEncoded}.
 */
export function decodeUrlEncoded(text: string, where: 'query string' | 'body'): FlatParamMap {
  checkUrlEncoded(text, where);
  return parseFormEncoded(text);
}

function tooDeep(root: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth || ++visited > MAX_PARAMETER_COUNT) return true;
    for (const child of Object.values(value as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Decodes a JSON body (an object of parameters, possibly nested) into the same flat fields the
 * form encoding would carry: `UserIds.1`, `CustomFields.1.FieldName`.
 */
export function decodeJsonBody(text: string): FlatParamMap {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw gatewayErrors.malformedRequest('the JSON body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw gatewayErrors.malformedRequest('the JSON body must be an object of parameters');
  }
  if (tooDeep(parsed, MAX_JSON_DEPTH)) {
    throw gatewayErrors.malformedRequest('the JSON body is too large or nested too deeply');
  }
  const flat = flatten(parsed as Record<string, unknown>);
  if (Object.keys(flat).length > MAX_PARAMETER_COUNT) {
    throw gatewayErrors.malformedRequest(`more than ${MAX_PARAMETER_COUNT} parameters in the body`);
  }
  return flat;
}
