/**
 * Moving values between the EIAM wire shapes (PascalCase keys, as the catalog types them) and
 * the camelCase shapes the resources and lookups expose. The mapping is mechanical: only the
 * first letter of each key changes (`SpSsoAcsUrl` ⇄ `spSsoAcsUrl`, `IdPEntityId` ⇄
 * `idPEntityId`), so one pair of functions serves every nested configuration object.
 */

/** `T` with the first letter of every key lower-cased, at any depth (`RequestId` kept as `requestId`). */
export type Camel<T> = T extends readonly (infer E)[]
  ? Camel<E>[]
  : T extends object
    ? { [K in keyof T as K extends string ? Uncapitalize<K> : K]: Camel<T[K]> }
    : T;

/** `T` with the first letter of every key upper-cased, at any depth (the inverse of {@link Camel}). */
export type Pascal<T> = T extends readonly (infer E)[]
  ? Pascal<E>[]
  : T extends object
    ? { [K in keyof T as K extends string ? Capitalize<K> : K]: Pascal<T[K]> }
    : T;

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || item === null) continue;
      out[rename(key)] = renameKeys(item, rename);
    }
    return out;
  }
  return value;
}

/** A wire value with camelCase keys at any depth; `undefined`/`null` members are dropped. */
export function fromWire<T>(value: T): Camel<T> {
  return renameKeys(value, (k) => k.charAt(0).toLowerCase() + k.slice(1)) as Camel<T>;
}

/** A camelCase value with wire (PascalCase) keys at any depth; `undefined`/`null` members are dropped. */
export function toWire<T>(value: T): Pascal<T> {
  return renameKeys(value, (k) => k.charAt(0).toUpperCase() + k.slice(1)) as Pascal<T>;
}

/** `value` without its `requestId` member (lookup results never carry the request id). */
export function withoutRequestId<T extends object>(value: T): Omit<T, 'requestId'> {
  const { requestId: _requestId, ...rest } = value as T & { requestId?: unknown };
  return rest;
}
