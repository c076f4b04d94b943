/**
 * Field format rules of the directory entities, as the EIAM API reference states them (lengths,
 * character sets). Each check throws `InvalidParameter.<Name>` naming the parameter.
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
