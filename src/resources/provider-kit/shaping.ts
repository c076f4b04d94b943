/**
 * Output and refresh shaping: what makes `pulumi preview --refresh` tell the truth.
 *
 * Three facts of the engine drive this module (Pulumi 3.2xx, dynamic providers):
 *
 * 1. A dynamic provider's `read` receives the prior OUTPUTS only, never the prior inputs. So it
 *    cannot know which inputs the program declared, unless the outputs say so: every output bag
 *    carries {@link DECLARED_INPUTS}, the names of the inputs the program declared at the last
 *    create or update (or import).
 * 2. A dynamic provider returns no detailed diff, so the engine displays a plan (and a refresh)
 *    as the difference between the recorded inputs and the new ones. `read` therefore records
 *    inputs only for the declared names, each with the live value — or, when the live value
 *    equals the declared one under the field's diff rule, with the declared value verbatim, so
 *    an unchanged object refreshes to byte-identical inputs.
 * 3. The refresh display also lists output changes. Outputs recorded at create/update must equal
 *    what a later read returns: declared fields are shaped the same way at every step, and
 *    outputs that other resources change (a unit's `leaf`, an account's `groupIds`) are not
 *    recorded at all.
 *
 * 4. The names must follow the program: declaring (or dropping) an input whose value already
 *    matches is a change (`diff` says so, `update` records the new names), or the next refresh
 *    would record the old set and show the difference.
 *
 * When a declared object drifted, the recorded value keeps only the declared keys (nested), so
 * the plan names the changed leaf rather than every default the service fills in. Lists of
 * strings that compare as sets are kept sorted (in `check` and here), so a plan shows
 * additions and removals instead of positions.
 */
import { fieldEquals, type DiffTable, type FieldRule } from './diff';
import { isPlainObject } from './check';
import { containsUnknown } from './unknown';

type Bag = Record<string, unknown>;

/** Output name listing the inputs the program declared (see the module comment). */
export const DECLARED_INPUTS = 'declaredInputs';

/** How a resource's inputs are shaped into outputs and refreshed inputs. */
export interface InputShape {
  /** The resource's diff table: every input and how it compares. */
  readonly table: DiffTable;
  /**
   * Inputs the service does not report (passwords, triggers, provider knobs): their declared
   * value is carried into the outputs and the refreshed inputs unchanged.
   */
  readonly writeOnly?: readonly string[];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * True when every declared member of `declared` has the same value in `live`: undeclared keys
 * (service defaults) are not compared, string lists are sets, object lists compare in full and
 * in order, and `''` equals an absent string.
 */
export function matchesDeclared(declared: unknown, live: unknown): boolean {
  if (declared === undefined || declared === null) return true;
  if (Array.isArray(declared)) {
    const liveList = Array.isArray(live) ? live : [];
    if (isStringList(declared))
      return sortedSet(declared).join('\u0000') === sortedSet(liveList).join('\u0000');
    return JSON.stringify(canonical(declared)) === JSON.stringify(canonical(liveList));
  }
  if (isPlainObject(declared)) {
    const liveObject = isPlainObject(live) ? live : {};
    return Object.entries(declared).every(([key, value]) => matchesDeclared(value, liveObject[key]));
  }
  if (declared === '') return live === undefined || live === null || live === '';
  return declared === live;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isPlainObject(value)) {
    const out: Bag = {};
    for (const k of Object.keys(value).sort()) {
      if (value[k] !== undefined && value[k] !== null) out[k] = canonical(value[k]);
    }
    return out;
  }
  return value;
}

function sortedSet(values: readonly unknown[]): string[] {
  return [...new Set(values.map(String))].sort();
}

/**
 * The live value restricted to what was declared: objects keep the declared keys (a member
 * equal to its declared value keeps the declared form), string lists are sorted, anything else
 * is the live value.
 */
function project(declared: unknown, live: unknown): unknown {
  if (isPlainObject(declared) && isPlainObject(live)) {
    const out: Bag = {};
    for (const [key, value] of Object.entries(declared)) {
      const shaped = matchesDeclared(value, live[key]) ? value : project(value, live[key]);
      if (shaped !== undefined && shaped !== null) out[key] = shaped;
    }
    return out;
  }
  if (isStringList(live) && (declared === undefined || Array.isArray(declared))) return sortedSet(live);
  return live;
}

function ruleOf(table: DiffTable, field: string): FieldRule {
  const entry = table[field];
  return typeof entry === 'string' ? { action: entry } : entry;
}

/** The value to record for a declared field, given what the service reports (see module). */
export function conformValue(rule: FieldRule, declared: unknown, live: unknown, writeOnly = false): unknown {
  if (declared === undefined || declared === null) return live;
  if (live === undefined || live === null) {
    if (writeOnly || fieldEquals(rule, declared, live)) return declared;
    return undefined;
  }
  if (fieldEquals(rule, declared, live)) return declared;
  if (rule.kind === 'set' && Array.isArray(live)) return sortedSet(live);
  return project(declared, live);
}

/** Names of the table's inputs that `bag` sets (to a value other than `undefined`/`null`). */
export function declaredNames(shape: InputShape, bag: Readonly<Bag>): string[] {
  return Object.keys(shape.table).filter((f) => bag[f] !== undefined && bag[f] !== null);
}

/**
 * The names recorded in prior outputs, or — for an import, or state written before the names
 * were recorded — the table's inputs that `props` sets.
 */
export function recordedNames(shape: InputShape, props: Readonly<Bag>): string[] {
  const recorded = props[DECLARED_INPUTS];
  if (isStringList(recorded)) return recorded.filter((f) => f in shape.table);
  return declaredNames(shape, props).filter((f) => !isEmptyValue(props[f]));
}

function isEmptyValue(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/**
 * True when the prior outputs record a different set of declared inputs than `news` declares.
 * State written before the names were recorded never counts as changed (no forced updates
 * on upgrade).
 */
export function declaredSetChanged(shape: InputShape, olds: Readonly<Bag>, news: Readonly<Bag>): boolean {
  const recorded = olds[DECLARED_INPUTS];
  if (!isStringList(recorded)) return false;
  const now = declaredNames(shape, news);
  const before = recorded.filter((f) => f in shape.table);
  return now.length !== before.length || now.some((f) => !before.includes(f));
}

/**
 * Outputs to record: `live` with each declared field conformed to its declared value (see
 * {@link conformValue}) and the declared names. `declared` holds the declared values (the
 * checked inputs at create/update, the prior outputs on refresh).
 */
export function shapeOutputs<O extends object>(
  shape: InputShape,
  live: O,
  declared: Readonly<Bag>,
  names: readonly string[],
): O {
  const out: Bag = { ...(live as Bag) };
  const writeOnly = new Set(shape.writeOnly ?? []);
  for (const f of names) {
    const value = conformValue(ruleOf(shape.table, f), declared[f], out[f], writeOnly.has(f));
    if (value === undefined) delete out[f];
    else out[f] = value;
  }
  out[DECLARED_INPUTS] = [...names];
  return out as O;
}

/** The inputs a refresh records: the declared names, with their recorded output values. */
export function refreshInputs(outputs: Readonly<Bag>, names: readonly string[]): Bag {
  const out: Bag = {};
  for (const f of names) if (outputs[f] !== undefined && outputs[f] !== null) out[f] = outputs[f];
  return out;
}

function sortNestedSets(value: unknown): unknown {
  if (containsUnknown(value)) return value;
  if (isStringList(value)) return sortedSet(value);
  // Lists of objects compare in order (see matchesDeclared): left as declared.
  if (Array.isArray(value)) return value;
  if (isPlainObject(value)) {
    const out: Bag = {};
    for (const [k, v] of Object.entries(value)) out[k] = sortNestedSets(v);
    return out;
  }
  return value;
}

/**
 * Checked inputs with their sets in a stable order: fields of kind `set` sorted (duplicates
 * dropped), and string lists inside fields compared with {@link matchesDeclared} sorted too.
 * Values that are not known yet are left alone.
 */
export function normalizeSets<T extends object>(shape: InputShape, inputs: T): T {
  const out: Bag = { ...(inputs as Bag) };
  for (const [f, entry] of Object.entries(shape.table)) {
    const value = out[f];
    if (value === undefined || value === null || containsUnknown(value)) continue;
    const rule = typeof entry === 'string' ? { action: entry } : entry;
    if (rule.kind === 'set' && isStringList(value)) out[f] = sortedSet(value);
    else if (rule.equals === matchesDeclared) out[f] = sortNestedSets(value);
  }
  return out as T;
}
