/**
 * The model's one validation module: the field format rules of the directory entities, as the
 * EIAM API reference states them (lengths, character sets), and the small value checks of the
 * application rules (URLs, enums, ranges). Each check throws `InvalidParameter.<Name>` (or
 * `MissingParameter.<Name>`) naming the parameter by its wire path, e.g.
 * `InvalidParameter.SamlSsoConfig.SpSsoAcsUrl`. Rules shared with the resources (limits, enums)
 * live in `src/catalog/rules.ts`.
 */
import { invalidParameter, missingParameter } from './errors';

/** Limits used by the checks below (characters). */
export const LIMITS = {
  username: 256,
  displayName: 256,
  description: 256,
  email: 128,
  userExternalId: 128,
  organizationalUnitName: 64,
  organizationalUnitExternalId: 64,
  groupName: 64,
  groupExternalId: 64,
  customFieldName: 64,
  customFieldValue: 1024,
  idList: 100,
} as const;

/** A required string: present, non-empty after trimming, at most `max` characters. */
export function requiredText(name: string, value: string | undefined, max: number): string {
  if (value === undefined || value.trim() === '') throw missingParameter(name);
  return optionalText(name, value, max) as string;
}

/** An optional string of at most `max` characters (returned as is; `undefined` when absent). */
export function optionalText(name: string, value: string | undefined, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > max) throw invalidParameter(name, `it must be at most ${max} characters long.`);
  return value;
}

const USERNAME = /^[A-Za-z0-9_.@-]+$/;

/** Username: 1–256 letters, digits, `_`, `.`, `@` or `-`. */
export function checkUsername(name: string, value: string | undefined): string {
  const username = requiredText(name, value, LIMITS.username);
  if (!USERNAME.test(username)) {
    throw invalidParameter(
      name,
      'it may contain only letters, digits, underscores, periods, at signs and hyphens.',
    );
  }
  return username;
}

const EMAIL = /^[A-Za-z0-9._-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Email: `prefix@domain.tld`, prefix of letters, digits, `.`, `_`, `-`; at most 128 characters. */
export function checkEmail(name: string, value: string): string {
  optionalText(name, value, LIMITS.email);
  if (!EMAIL.test(value)) throw invalidParameter(name, 'it is not a valid email address.');
  return value;
}

/** Phone number: 6–15 digits. */
export function checkPhoneNumber(name: string, value: string): string {
  if (!/^[0-9]{6,15}$/.test(value)) throw invalidParameter(name, 'it must be 6 to 15 digits.');
  return value;
}

/** Phone region: 1–6 digits, no `+`. */
export function checkPhoneRegion(name: string, value: string): string {
  if (!/^[0-9]{1,6}$/.test(value))
    throw invalidParameter(name, 'it must be 1 to 6 digits without a plus sign.');
  return value;
}

/** A list of ids: at most `max` entries, none empty; duplicates removed, order kept. */
export function checkIdList(
  name: string,
  values: string[] | undefined,
  max: number = LIMITS.idList,
): string[] {
  const list = values ?? [];
  if (list.length > max) throw invalidParameter(name, `it may hold at most ${max} entries.`);
  for (const v of list)
    if (typeof v !== 'string' || v === '') throw invalidParameter(name, 'it contains an empty id.');
  return [...new Set(list)];
}

/** A required non-empty list of ids. */
export function requiredIdList(
  name: string,
  values: string[] | undefined,
  max: number = LIMITS.idList,
): string[] {
  if (!values || values.length === 0) throw missingParameter(name);
  return checkIdList(name, values, max);
}

// ---- value checks of the application rules ---------------------------------------------------

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
