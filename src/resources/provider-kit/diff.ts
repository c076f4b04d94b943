/**
 * Table-driven `diff`. Each resource lists every input once with what a change to it means:
 * `update` (changed in place), `replace` (the object must be recreated) or `ignore` (never
 * triggers a change, e.g. provider-only knobs such as timeouts).
 *
 * `diff` receives the NEW checked inputs and the OLD OUTPUTS (not the old inputs). Outputs carry
 * every input under the same name, as the service last reported it, so comparing the two shows
 * both program edits and drift recorded by a refresh. An input the program leaves unset is not
 * managed and never produces a change.
 */
import type * as pulumi from '@pulumi/pulumi';
import { containsUnknown } from './unknown';

/** What a change to an input means. */
export type DiffAction = 'update' | 'replace' | 'ignore';

/** How two values of a field are compared. */
export type DiffKind =
  /** strict equality of scalars */
  | 'scalar'
  /** strings where the empty string and absence mean the same (descriptions: clear with `''`) */
  | 'text'
  /** arrays compared as sets of strings: order and duplicates do not matter */
  | 'set'
  /** arrays compared in order, items deeply */
  | 'list'
  /** deep equality; object key order and `undefined` members do not matter */
  | 'object';

/** Full rule for one field; a bare `DiffAction` means `{ action, kind: 'scalar' }`. */
export interface FieldRule {
  /** What a change means. */
  readonly action: DiffAction;
  /** Comparison to use (default `scalar`, or `object` for non-scalar values). */
  readonly kind?: DiffKind;
  /** Custom equality, overriding `kind` (e.g. custom fields keyed by name). */
  readonly equals?: (declared: unknown, live: unknown) => boolean;
}

/** The diff table of a resource: every input field and its rule. */
export type DiffTable = Readonly<Record<string, DiffAction | FieldRule>>;

/** Options of {@link diffByTable}. */
export interface DiffOptions {
  /**
   * Delete the old object before creating its replacement. Needed when the replacement would
   * clash with the old one on a unique name (e.g. a user's username within an instance).
   */
  readonly deleteBeforeReplace?: boolean;
}

/** A changed field and what the change means. */
export interface FieldChange {
  /** The input name. */
  readonly property: string;
  /** `update` or `replace`. */
  readonly action: Exclude<DiffAction, 'ignore'>;
  /** True when the new value is not known yet (preview). */
  readonly unknown: boolean;
}

function ruleOf(entry: DiffAction | FieldRule): FieldRule {
  return typeof entry === 'string' ? { action: entry } : entry;
}

/** Normalizes a value for comparison: sorts object keys, drops `undefined` members. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined && v !== null) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

/** Deep equality ignoring object key order and `undefined`/`null` members. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Equality of two string arrays as sets (order and duplicates ignored); absent = empty. */
export function sameSet(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    JSON.stringify([...new Set(Array.isArray(v) ? v.map((x) => JSON.stringify(canonical(x))) : [])].sort());
  return norm(a) === norm(b);
}

/** True when the declared value equals the live one under `rule`. */
export function fieldEquals(rule: FieldRule, declared: unknown, live: unknown): boolean {
  if (rule.equals) return rule.equals(declared, live);
  const kind = rule.kind ?? (declared !== null && typeof declared === 'object' ? 'object' : 'scalar');
  switch (kind) {
    case 'set':
      return sameSet(declared, live);
    case 'text':
      return (declared ?? '') === (live ?? '');
    case 'list':
    case 'object':
      return deepEqual(declared, live);
    default:
      return declared === live;
  }
}

/**
 * The fields whose declared value (in `news`) differs from the recorded one (in `olds`, the old
 * outputs). Unset inputs are skipped; a value that is not known yet counts as a change.
 */
export function changedFields(
  table: DiffTable,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [property, entry] of Object.entries(table)) {
    const rule = ruleOf(entry);
    if (rule.action === 'ignore') continue;
    const declared = news[property];
    if (declared === undefined || declared === null) continue;
    if (containsUnknown(declared)) {
      changes.push({ property, action: rule.action, unknown: true });
    } else if (!fieldEquals(rule, declared, olds[property])) {
      changes.push({ property, action: rule.action, unknown: false });
    }
  }
  return changes;
}

/** True when `property` is among `changes`. */
export function hasChange(changes: readonly FieldChange[], property: string): boolean {
  return changes.some((c) => c.property === property);
}

/**
 * Pulumi `DiffResult` from a diff table. `changes` is always explicit (true or false) and
 * `replaces` always present, so the engine never falls back to its own input comparison.
 */
export function diffByTable(
  table: DiffTable,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  options: DiffOptions = {},
): pulumi.dynamic.DiffResult {
  const changes = changedFields(table, olds, news);
  const replaces = changes.filter((c) => c.action === 'replace').map((c) => c.property);
  return {
    changes: changes.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && options.deleteBeforeReplace === true,
  };
}
