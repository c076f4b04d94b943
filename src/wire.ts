/**
 * Case conversion between the wire shapes and the resources' camelCase shapes. The conversion
 * itself is shared with the local server and lives in `src/catalog/case.ts`.
 */
export { fromWire, toWire, type Camel, type Pascal } from './catalog/case';

/** `value` without its `requestId` member (lookup results never carry the request id). */
export function withoutRequestId<T extends object>(value: T): Omit<T, 'requestId'> {
  const { requestId: _requestId, ...rest } = value as T & { requestId?: unknown };
  return rest;
}
