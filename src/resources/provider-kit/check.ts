/**
 * Input validation for `check`. Every rule names the property and the rule it broke and never
 * echoes the value (inputs may be secrets). Rules skip values that are absent or still unknown
 * (the preview marker), so a preview never fails on a value it cannot see yet.
 */
import type * as pulumi from '@pulumi/pulumi';
import { containsUnknown, isUnknown } from './unknown';

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

  /** @param inputs the new inputs being checked */
  constructor(private readonly inputs: Readonly<Record<string, unknown>>) {}

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
        this.fail(property, `${name} must be a string`);
      } else if (rules.allowed && !rules.allowed.includes(item)) {
        this.fail(property, `${name} must be one of: ${rules.allowed.join(', ')}`);
      } else {
        this.stringRules(property, name, item, rules);
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

  /** The check result: `inputs` plus the failures, if any. */
  result<T>(inputs: T): pulumi.dynamic.CheckResult<T> {
    return this.failures.length ? { inputs, failures: [...this.failures] } : { inputs };
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
