/**
 * Input validation for `check`. Every rule names the property (by its path, e.g.
 * `samlSsoConfig.attributeStatements[2].attributeName`) and the rule it broke and never echoes the
 * value (inputs may be secrets). Rules skip values that are absent or still unknown (the preview
 * marker), so a preview never fails on a value it cannot see yet.
 *
 * The engine prints the value of the property a failure names (`property x value {…} has a
 * problem`). So {@link InputChecker.result} names a property to the engine only when that value
 * is a plain scalar that is not secret; a failure inside an object or a list, or on a secret
 * input, reaches the engine without a property (`resource 'x' has a problem: <path> …`), its path
 * in the reason.
 */
import type * as pulumi from '@pulumi/pulumi';
import { containsUnknown, isUnknown } from './unknown';
import { ID_KINDS, idKindOfPrefix, type IdKind } from './id-kinds';

/** A failed rule: the property and a reason, in Pulumi's `CheckFailure` shape. */
export type CheckFailure = pulumi.dynamic.CheckFailure;

/** Options shared by every rule. */
export interface RuleOptions {
  /** Fail when the property is absent (an unknown value counts as present). */
  readonly required?: boolean;
}

/** Rules for a string property. */
export interface StringRules extends RuleOptions {
  /** Minimum length in characters (default 0; a required string must also be non-empty). */
  readonly minLength?: number;
  /** Maximum length in characters. */
  readonly maxLength?: number;
  /** A pattern the whole value must match. */
  readonly pattern?: RegExp;
  /** Human description of `pattern`, used in the reason (e.g. "letters, digits, _ . - @"). */
  readonly patternDescription?: string;
}

/** Rules for a numeric property. */
export interface IntegerRules extends RuleOptions {
  /** Smallest allowed value. */
  readonly min?: number;
  /** Largest allowed value. */
  readonly max?: number;
}

/** Rules for a list of strings. */
export interface StringListRules extends StringRules {
  /** Minimum number of items. */
  readonly minItems?: number;
  /** Maximum number of items. */
  readonly maxItems?: number;
  /** Allowed item values, when the list is a set of enumerated values. */
  readonly allowed?: readonly string[];
}

/** Longest id accepted. */
const MAX_ID_LENGTH = 64;

/**
 * The fields an input bag (or a nested block) may carry: `true` for a plain field, a nested tree
 * for an object field or a list of objects (the tree then describes each item).
 */
export interface FieldTree {
  readonly [field: string]: FieldTree | true;
}

/** A {@link FieldTree} of plain `fields`, some of which are the nested blocks `nested`. */
export function fieldTree(
  fields: readonly string[],
  nested: Readonly<Record<string, FieldTree>> = {},
): FieldTree {
  return Object.fromEntries(fields.map((f) => [f, nested[f] ?? true]));
}

/** Edit distance of two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** The known name closest to `name`, when it is close enough to be a typo of it. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** True for an object that is neither `null` nor an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Failures for every field of `inputs` that `tree` does not list, at any depth, each naming the
 * path and, for a near miss, the field meant (`unknown property grupName; did you mean
 * groupName?`). Values are never looked at beyond their keys.
 */
export function unknownFieldFailures(tree: FieldTree, inputs: unknown, path = ''): CheckFailure[] {
  if (!isPlainObject(inputs)) return [];
  const out: CheckFailure[] = [];
  const known = Object.keys(tree);
  for (const [key, value] of Object.entries(inputs)) {
    const where = path ? `${path}.${key}` : key;
    const sub = tree[key];
    if (sub === undefined) {
      const near = nearestName(key, known);
      const hint = near ? `did you mean ${path ? `${path}.` : ''}${near}?` : `known: ${known.join(', ')}`;
      out.push({ property: '', reason: `unknown property ${where}; ${hint}` });
    } else if (sub !== true) {
      if (Array.isArray(value)) {
        value.forEach((item, i) => out.push(...unknownFieldFailures(sub, item, `${where}[${i}]`)));
      } else {
        out.push(...unknownFieldFailures(sub, value, where));
      }
    }
  }
  return out;
}

/** Options of an {@link InputChecker}. */
export interface CheckerOptions {
  /** Top-level inputs holding secrets: a failure on them never names them to the engine. */
  readonly secrets?: readonly string[];
}

const EMAIL = /^[A-Za-z0-9._-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const PHONE = /^[0-9]{6,15}$/;
const PHONE_REGION = /^[0-9]{1,6}$/;

/**
 * Collects check failures for one input bag. Each method validates one property and returns the
 * checker, so a resource's `check` reads as a list of rules:
 *
 * ```ts
 * const c = new InputChecker(news);
 * c.string('username', { required: true, maxLength: 64 }).email('email');
 * return c.result(news);
 * ```
 */
export class InputChecker {
  /** Failures found so far, in rule order. */
  readonly failures: CheckFailure[] = [];

  /**
   * @param inputs the new inputs being checked
   * @param options secret inputs (see {@link CheckerOptions})
   */
  constructor(
    private readonly inputs: Readonly<Record<string, unknown>>,
    private readonly options: CheckerOptions = {},
  ) {}

  /** True when the property is set to a known value (not absent, not null, not unknown). */
  known(property: string): boolean {
    const v = this.inputs[property];
    return v !== undefined && v !== null && !containsUnknown(v);
  }

  /** True when the property is set at all (an unknown value counts). */
  present(property: string): boolean {
    const v = this.inputs[property];
    return v !== undefined && v !== null;
  }

  /** Records a failure for `property`. */
  fail(property: string, reason: string): this {
    this.failures.push({ property, reason });
    return this;
  }

  /** Validates a string property. */
  string(property: string, rules: StringRules = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'string') return this.fail(property, `${property} must be a string`);
    this.stringRules(property, property, v, rules);
    return this;
  }

  /** Validates a boolean property. */
  boolean(property: string, rules: RuleOptions = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'boolean') this.fail(property, `${property} must be a boolean`);
    return this;
  }

  /** Validates an integer property within an optional range. */
  integer(property: string, rules: IntegerRules = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'number' || !Number.isInteger(v))
      return this.fail(property, `${property} must be an integer`);
    if (rules.min !== undefined && v < rules.min)
      this.fail(property, `${property} must be at least ${rules.min}`);
    if (rules.max !== undefined && v > rules.max)
      this.fail(property, `${property} must be at most ${rules.max}`);
    return this;
  }

  /** Validates a finite number property (fractions allowed) within an optional range. */
  number(property: string, rules: IntegerRules = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(property, `${property} must be a number`);
    if (rules.min !== undefined && v < rules.min)
      this.fail(property, `${property} must be at least ${rules.min}`);
    if (rules.max !== undefined && v > rules.max)
      this.fail(property, `${property} must be at most ${rules.max}`);
    return this;
  }

  /** Validates that a string property is one of `allowed`. */
  oneOf(property: string, allowed: readonly string[], rules: RuleOptions = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'string' || !allowed.includes(v)) {
      this.fail(property, `${property} must be one of: ${allowed.join(', ')}`);
    }
    return this;
  }

  /** Validates an email address (prefix of letters, digits, `.`, `_`, `-`; a dotted domain; ≤128). */
  email(property: string, rules: StringRules = {}): this {
    return this.string(property, {
      maxLength: 128,
      ...rules,
      pattern: EMAIL,
      patternDescription: 'a valid email address (name@example.com)',
    });
  }

  /** Validates a phone number: 6 to 15 digits, without the country code. */
  phoneNumber(property: string, rules: RuleOptions = {}): this {
    return this.string(property, { ...rules, pattern: PHONE, patternDescription: '6 to 15 digits' });
  }

  /** Validates a phone region (country calling code without `+`, e.g. `86`). */
  phoneRegion(property: string, rules: RuleOptions = {}): this {
    return this.string(property, {
      ...rules,
      pattern: PHONE_REGION,
      patternDescription: '1 to 6 digits, no +',
    });
  }

  /** Validates an absolute http(s) URL. */
  url(property: string, rules: StringRules = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'string') return this.fail(property, `${property} must be a string`);
    let ok: boolean;
    try {
      const u = new URL(v);
      ok = u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      ok = false;
    }
    if (!ok) return this.fail(property, `${property} must be an absolute http(s) URL`);
    this.stringRules(property, property, v, rules);
    return this;
  }

  /**
   * Validates an id of another object: `<prefix>_` and lowercase letters and digits, at most 64
   * characters, the prefix of `kind` (see `ID_KINDS` in `id-kinds.ts`). An id of another kind is named as
   * such (`an organizational unit id (ou_…) where a user id (user_…) belongs`).
   */
  id(property: string, kind: IdKind, rules: RuleOptions = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'string') return this.fail(property, `${property} must be a string`);
    const problem = idProblem(v, kind);
    if (problem) this.fail(property, `${property} ${problem}`);
    return this;
  }

  /** Validates a list of ids of one kind (see {@link InputChecker.id}). */
  idList(property: string, kind: IdKind, rules: Omit<StringListRules, 'allowed' | 'pattern'> = {}): this {
    this.stringList(property, rules);
    const v = this.inputs[property];
    if (!Array.isArray(v)) return this;
    v.forEach((item, i) => {
      if (typeof item !== 'string' || isUnknown(item)) return;
      const problem = idProblem(item, kind);
      if (problem) this.fail(`${property}[${i}]`, `${property}[${i}] ${problem}`);
    });
    return this;
  }

  /**
   * Validates a list of redirect URIs: each an absolute URI (a scheme, any scheme, so that apps can
   * register `com.example.app:/callback`) without a fragment and without spaces, as OAuth 2.0
   * (RFC 6749 §3.1.2) requires of redirection endpoints.
   */
  redirectUriList(property: string, rules: StringListRules = {}): this {
    this.stringList(property, { minLength: 1, ...rules });
    const v = this.inputs[property];
    if (!Array.isArray(v)) return this;
    v.forEach((item, i) => {
      if (typeof item !== 'string' || isUnknown(item) || item === '') return;
      const problem = redirectUriProblem(item);
      if (problem) this.fail(`${property}[${i}]`, `${property}[${i}] ${problem}`);
    });
    return this;
  }

  /** Validates a list of strings (each item under `rules`), optionally a set of allowed values. */
  stringList(property: string, rules: StringListRules = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (!Array.isArray(v)) return this.fail(property, `${property} must be a list of strings`);
    if (rules.minItems !== undefined && v.length < rules.minItems) {
      this.fail(property, `${property} must have at least ${rules.minItems} item(s)`);
    }
    if (rules.maxItems !== undefined && v.length > rules.maxItems) {
      this.fail(property, `${property} must have at most ${rules.maxItems} item(s)`);
    }
    v.forEach((item, i) => {
      if (isUnknown(item)) return;
      const name = `${property}[${i}]`;
      if (typeof item !== 'string') {
        this.fail(name, `${name} must be a string`);
      } else if (rules.allowed && !rules.allowed.includes(item)) {
        this.fail(name, `${name} must be one of: ${rules.allowed.join(', ')}`);
      } else {
        this.stringRules(name, name, item, rules);
      }
    });
    return this;
  }

  /** Validates that a property is a plain object (a map); item rules are up to the caller. */
  object(property: string, rules: RuleOptions = {}): this {
    const v = this.value(property, rules);
    if (v === SKIP) return this;
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(property, `${property} must be an object`);
    return this;
  }

  /** Fails when more than one of `properties` is set. */
  mutuallyExclusive(...properties: string[]): this {
    const set = properties.filter((p) => this.present(p));
    if (set.length > 1) this.fail(set[1], `${set.join(' and ')} cannot be set together`);
    return this;
  }

  /** Fails when `property` is set but `other` is not. */
  requires(property: string, other: string): this {
    if (this.present(property) && !this.present(other)) {
      this.fail(other, `${other} is required when ${property} is set`);
    }
    return this;
  }

  /**
   * The check result: `inputs` plus the failures, if any, each naming to the engine only a
   * property whose value the engine may print (see the module comment).
   */
  result<T>(inputs: T): pulumi.dynamic.CheckResult<T> {
    if (this.failures.length === 0) return { inputs };
    const failures = this.failures.map((f) => ({
      property: this.engineProperty(f.property),
      reason: f.reason,
    }));
    return { inputs, failures };
  }

  /**
   * The property to name to the engine: a nested path as is (the engine finds no value under a
   * dotted name, so it prints none), a top-level name unless it holds a secret, an object or a
   * list (whose value the engine would print whole), else `''`.
   */
  private engineProperty(path: string): string {
    if (path === '') return '';
    if (/[.[]/.test(path)) return path;
    if (this.options.secrets?.includes(path)) return '';
    const v = this.inputs[path];
    return v !== null && typeof v === 'object' ? '' : path;
  }

  private value(property: string, rules: RuleOptions): unknown {
    const v = this.inputs[property];
    if (v === undefined || v === null) {
      if (rules.required) this.fail(property, `${property} is required`);
      return SKIP;
    }
    return isUnknown(v) ? SKIP : v;
  }

  private stringRules(property: string, name: string, v: string, rules: StringRules): void {
    if (rules.required && v.length === 0) {
      this.fail(property, `${name} must not be empty`);
      return;
    }
    if (rules.minLength !== undefined && v.length < rules.minLength) {
      this.fail(property, `${name} must be at least ${rules.minLength} characters long`);
    }
    if (rules.maxLength !== undefined && v.length > rules.maxLength) {
      this.fail(property, `${name} must be at most ${rules.maxLength} characters long`);
    }
    if (rules.pattern && !rules.pattern.test(v)) {
      this.fail(
        property,
        `${name} must be ${rules.patternDescription ?? `matching ${rules.pattern.source}`}`,
      );
    }
  }
}

/** What is wrong with `id` as an id of `kind`, or `undefined` when nothing is. */
export function idProblem(id: string, kind: IdKind): string | undefined {
  const { prefix, name } = ID_KINDS[kind];
  const want = `must be ${name} id (${prefix}_ followed by lowercase letters and digits)`;
  const match = /^([a-z]+)_[a-z0-9]+$/.exec(id);
  if (!match || id.length > MAX_ID_LENGTH) return want;
  if (match[1] === prefix) return undefined;
  const other = idKindOfPrefix(match[1]);
  return other ? `${want}; the value is ${ID_KINDS[other].name} id (${match[1]}_…)` : want;
}

/** What is wrong with `uri` as a redirect URI, or `undefined`. */
function redirectUriProblem(uri: string): string | undefined {
  if (/\s/.test(uri)) return 'must not contain spaces';
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return 'must be an absolute URI (with a scheme, e.g. https://)';
  try {
    new URL(uri);
  } catch {
    return 'must be a valid absolute URI';
  }
  if (uri.includes('#')) return 'must not contain a fragment (#…)';
  return undefined;
}

/** Marker for "nothing to validate" (a plain object: it survives closure serialization). */
const SKIP: object = Object.freeze({ skip: true });

/**
 * Removes `null`/`undefined` members and Pulumi's `__provider` entry from an input bag, so
 * handlers see only what the program declared. Values are kept as given: the provider normalizes
 * only what the service itself normalizes.
 */
export function cleanInputs<T extends object>(inputs: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k === '__provider' || v === undefined || v === null) continue;
    out[k] = v;
  }
  return out as T;
}
