/**
 * Small value checks shared by the application rules (SSO, secrets, provisioning). Each throws the
 * model's `InvalidParameter.<Name>` error naming the offending field by its wire path, e.g.
 * `InvalidParameter.SamlSsoConfig.SpSsoAcsUrl`.
 */
import { invalidParameter } from './errors';

/** True for an absolute `http:` or `https:` URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Requires `value` to be an absolute http(s) URL. */
export function checkHttpUrl(field: string, value: string): string {
  if (!isHttpUrl(value)) throw invalidParameter(field, `'${value}' is not an absolute http(s) URL.`);
  return value;
}

/** Requires a non-blank string; returns it trimmed of nothing (values are kept as given). */
export function checkNonBlank(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidParameter(field, 'it must not be empty.');
  return value;
}

/** Requires `value` to be one of `allowed`. */
export function checkOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(field, `'${value}' is not one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** Requires every item to be one of `allowed`; returns the items without duplicates, in order. */
export function checkAllOneOf<T extends string>(
  field: string,
  values: readonly string[],
  allowed: readonly T[],
): T[] {
  return distinct(values.map((v) => checkOneOf(field, v, allowed)));
}

/** Requires an integer in [min, max]. */
export function checkIntegerRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(field, `it must be an integer between ${min} and ${max}.`);
  }
  return value;
}

/** Requires at most `max` items. */
export function checkMaxItems<T>(field: string, values: readonly T[], max: number): readonly T[] {
  if (values.length > max) throw invalidParameter(field, `at most ${max} items are accepted.`);
  return values;
}

/**
 * Reads a boolean that the HTTP layer normally coerced already; also accepts `'true'`/`'false'`
 * so the model stays usable with uncoerced input.
 */
export function readBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidParameter(field, 'it must be true or false.');
}

/** Reads an integer (number or decimal string). */
export function readInteger(field: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) throw invalidParameter(field, 'it must be an integer.');
  return n;
}

/** Reads a list of strings (absent → undefined); blank items are refused. */
export function readStringList(field: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => checkNonBlank(field, item));
}

/** The items without duplicates, first occurrence kept. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Masks a secret the way the EIAM listings do: the first four and last two characters stay, every
 * other character becomes `*`. Short values are masked completely.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return '*'.repeat(Math.max(secret.length, 4));
  return secret.slice(0, 4) + '*'.repeat(secret.length - 6) + secret.slice(-2);
}
