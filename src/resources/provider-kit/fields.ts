/**
 * The field table: every field of a resource declared once.
 *
 * A resource lists its inputs and its output-only fields with {@link fieldTable}, each built by
 * one of the {@link field} builders:
 *
 * ```ts
 * export const GROUP_FIELDS = fieldTable({
 *   inputs: {
 *     instanceId: field.id('instance', { required: true, action: 'replace' }),
 *     groupName: field.string({ required: true, maxLength: 64 }),
 *     description: field.string({ kind: 'text', maxLength: 256 }),
 *   },
 *   outputs: { groupId: field.string({ required: true }), createTime: field.integer() },
 * });
 * export type GroupInputs = InputsOf<typeof GROUP_FIELDS>;
 * argsMatchTable<GroupArgs, typeof GROUP_FIELDS>();
 * ```
 *
 * A field states its value type, its wire name (the request parameter and the member of the
 * read response; by default the name with its first letter upper-cased, `groupName` →
 * `GroupName`), what a change to it means (`action`, default `update`, and `kind`), whether it
 * is secret or write-only (not reported by the service), and its check rules. From the table
 * derive:
 *
 * - the types: {@link InputsOf}, {@link OutputsOf} (required fields are required members), and
 *   {@link argsMatchTable}, which fails to compile when the hand-written `Args` interface lacks
 *   a field of the table, has one the table lacks, or types one differently;
 * - for the provider: `diffTable`, `shape` (with the write-only inputs), `fields` (the tree of
 *   known properties), `check` / `checker` (the rules, in table order), `diff`, `changes`;
 * - for the class: `outputNames` (for `declareOutputs`), `secretInputs` (for
 *   `withSecretInputs`) and `secretOutputs`;
 * - the wire mapping: `read` (a Get response's item → outputs) and `request` (inputs → the
 *   parameters of a create or an update, only the changed ones on request).
 *
 * Values of type `list` and `object` convert with the generic case conversion (`src/wire.ts`)
 * unless the field gives its own `toWire` / `fromWire`.
 */
import type * as pulumi from '@pulumi/pulumi';
import { fromWire as camelFromWire, toWire as pascalToWire, type Pascal } from '../../wire';
import { InputChecker, isPlainObject, type FieldTree } from './check';
import {
  changedFields,
  diffByTable,
  hasChange,
  type DiffAction,
  type DiffKind,
  type DiffOptions,
  type DiffTable,
  type FieldChange,
  type FieldRule,
} from './diff';
import type { IdKind } from './id-kinds';
import { compact } from './read';
import { isUnknown } from './unknown';
import type { InputShape } from './shaping';

/** The value type of a field. */
export type ValueType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  /** a list of strings compared as a set (diff kind `set`) */
  | 'stringSet'
  /** a list of strings compared in order (diff kind `list`) */
  | 'stringList'
  /** a list of objects */
  | 'list'
  /** an object */
  | 'object';

/** Check rules of a field (run by the table's `check`, in table order). */
export interface FieldRules {
  /** Fail when absent (an unknown value counts as present); a required string must be non-empty. */
  readonly required?: boolean;
  /** Strings (or each item of a string list): minimum length. */
  readonly minLength?: number;
  /** Strings (or each item of a string list): maximum length. */
  readonly maxLength?: number;
  /** Strings: a pattern the whole value must match. */
  readonly pattern?: RegExp;
  /** Strings: the pattern in words, for the failure. */
  readonly patternDescription?: string;
  /** Strings: a known format (each is an `InputChecker` rule of the same name). */
  readonly format?: 'email' | 'phoneNumber' | 'phoneRegion' | 'url';
  /** Numbers: smallest value. */
  readonly min?: number;
  /** Numbers: largest value. */
  readonly max?: number;
  /** Lists: fewest items. */
  readonly minItems?: number;
  /** Lists: most items. */
  readonly maxItems?: number;
  /** `false`: the table runs no rule for the field (the resource's own `check` does). */
  readonly check?: false;
  /** Strings (or each item of a string list): the allowed values, the type staying `string`. */
  readonly oneOf?: readonly string[];
}

/** Everything a field may declare besides its type. */
export interface FieldOptions extends FieldRules {
  /**
   * Wire name: the request parameter and, unless `read` says otherwise, the member of the read
   * response. Default: the name with its first letter upper-cased. `false`: never sent.
   */
  readonly wire?: string | false;
  /**
   * Where the read response's item reports the value: a member name or a dotted path
   * (`Config.Name`). Default: the wire name. `false`: not read back.
   */
  readonly read?: string | false;
  /** What a change to the input means (default `update`). */
  readonly action?: DiffAction;
  /** How two values compare (default by type: `set` for `stringSet`, `list` for `stringList`). */
  readonly kind?: DiffKind;
  /** Custom equality, overriding `kind`. */
  readonly equals?: (declared: unknown, live: unknown) => boolean;
  /** Secret: a Pulumi secret in state and in plans, never named in a failure. */
  readonly secret?: boolean;
  /** Secret paths inside the value (`[['encryptKey']]`), for nested secrets. */
  readonly secretPaths?: readonly (readonly string[])[];
  /** Not reported by the service: the declared value is carried into the outputs. */
  readonly writeOnly?: boolean;
  /** The fields of an object (or of each item of a list), for the unknown-property check. */
  readonly fields?: FieldTree;
  /** See {@link FieldConverters.toWire} (typed by the builder). */
  readonly toWire?: (value: never) => unknown;
  /** See {@link FieldConverters.fromWire} (typed by the builder). */
  readonly fromWire?: (raw: unknown, item: Readonly<Record<string, unknown>>) => unknown;
}

/** Custom wire conversion of a field's value. */
export interface FieldConverters<V, W> {
  /** The request value of a declared value. */
  readonly toWire?: (value: V) => W;
  /** The value of the wire member (`raw`), given the whole response item. */
  readonly fromWire?: (raw: unknown, item: Readonly<Record<string, unknown>>) => V | undefined;
}

/** One field of a table: its type, options and converters; `V`/`W` are its value and wire types. */
export interface Field<V, W, O extends FieldOptions> extends FieldConverters<V, W> {
  /** The value type. */
  readonly type: ValueType;
  /** The options as written. */
  readonly options: O;
  /** For enum strings and enum sets: the allowed values. */
  readonly values?: readonly string[];
  /** For ids and id sets: the kind of id. */
  readonly idKind?: IdKind;
  /** For a block: the table of its members (see {@link field.block}). */
  readonly block?: FieldTable<FieldSpecs, FieldSpecs>;
  /** Type-level only: the value and wire types. */
  readonly __types?: { value: V; wire: W };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = Field<any, any, FieldOptions>;
type AnyTable = FieldTable<FieldSpecs, FieldSpecs>;

/** The fields of one section of a table (inputs or outputs), by name. */
export type FieldSpecs = Readonly<Record<string, AnyField>>;

/** A type token for the value of a `list` or `object` field: `typed<UserCustomField>()`. */
export interface TypeToken<T> {
  /** Type-level only. */
  readonly __type?: T;
}

/** The {@link TypeToken} of `T`. */
export function typed<T>(): TypeToken<T> {
  return {};
}

function make<V, W, O extends FieldOptions>(
  type: ValueType,
  options: O,
  extra: { values?: readonly string[]; idKind?: IdKind; block?: FieldTable<FieldSpecs, FieldSpecs> } = {},
): Field<V, W, O> {
  const { toWire, fromWire } = options as FieldConverters<V, W>;
  return { type, options, ...extra, toWire, fromWire };
}

/** The options of a field whose value is a `V`. */
type Opts<V> = FieldOptions & FieldConverters<V, unknown>;
/** The wire type of a field: what its `toWire` returns, else `D`. */
type WireFrom<O, D> = O extends { readonly toWire: (value: never) => infer W } ? W : D;

/** The field builders (see the module comment). */
export const field = {
  /** A string. */
  string: <const O extends Opts<string>>(options: O = {} as O) =>
    make<string, WireFrom<O, string>, O>('string', options),
  /** A string among `values` (a tuple of `src/catalog/enums.ts`), typed as their union. */
  enum: <const T extends readonly string[], const O extends Opts<T[number]>>(
    values: T,
    options: O = {} as O,
  ) => make<T[number], WireFrom<O, string>, O>('string', options, { values }),
  /** The id of another object, of `kind` (`ou_…` for `organizationalUnit`). */
  id: <const O extends Opts<string>>(kind: IdKind, options: O = {} as O) =>
    make<string, WireFrom<O, string>, O>('string', options, { idKind: kind }),
  /** An integer. */
  integer: <const O extends Opts<number>>(options: O = {} as O) =>
    make<number, WireFrom<O, number>, O>('integer', options),
  /** A finite number. */
  number: <const O extends Opts<number>>(options: O = {} as O) =>
    make<number, WireFrom<O, number>, O>('number', options),
  /** A boolean. */
  boolean: <const O extends Opts<boolean>>(options: O = {} as O) =>
    make<boolean, WireFrom<O, boolean>, O>('boolean', options),
  /** A list of strings compared as a set (sorted in `check`). */
  stringSet: <const O extends Opts<string[]>>(options: O = {} as O) =>
    make<string[], WireFrom<O, string[]>, O>('stringSet', options),
  /** A set of values among `values`, typed as their union. */
  enumSet: <const T extends readonly string[], const O extends Opts<T[number][]>>(
    values: T,
    options: O = {} as O,
  ) => make<T[number][], WireFrom<O, string[]>, O>('stringSet', options, { values }),
  /** A set of ids of `kind`. */
  idSet: <const O extends Opts<string[]>>(kind: IdKind, options: O = {} as O) =>
    make<string[], WireFrom<O, string[]>, O>('stringSet', options, { idKind: kind }),
  /** A list of strings compared in order. */
  stringList: <const O extends Opts<string[]>>(options: O = {} as O) =>
    make<string[], WireFrom<O, string[]>, O>('stringList', options),
  /** A list of objects of type `T` (`field.list(typed<T>(), …)`), sent with capitalized keys. */
  list: <T extends object, const O extends Opts<T[]>>(_type: TypeToken<T>, options: O = {} as O) =>
    make<T[], WireFrom<O, Pascal<T>[]>, O>('list', options),
  /** An object of type `T` (`field.object(typed<T>(), …)`), sent with capitalized keys. */
  object: <T extends object, const O extends Opts<T>>(_type: TypeToken<T>, options: O = {} as O) =>
    make<T, WireFrom<O, Pascal<T>>, O>('object', options),
  /**
   * An object of type `T` whose members are a table of their own (`field.block(typed<T>(),
   * T_FIELDS)`): checked by that table's rules (failures named `block.member`), read and sent
   * through its mapping, its member names the block's known properties, its secret members
   * (nested blocks' too) secret paths of the field.
   */
  block: <T extends object, B extends FieldTable<FieldSpecs, FieldSpecs>, const O extends FieldOptions>(
    _type: TypeToken<T>,
    table: B,
    options: O = {} as O,
  ) => make<T, BlockWire<B>, O>('object', { fields: table.fields, ...options }, { block: table }),
};

/** The wire shape of a block: its table's request. */
type BlockWire<B> = B extends FieldTable<infer I, infer _O> ? WireRequest<I, keyof I & string> : never;

// ---------------------------------------------------------------------------------------------
// Types derived from a table.

type Flat<T> = { [K in keyof T]: T[K] };
type ValueOf<F> = F extends Field<infer V, infer _W, infer _O> ? V : never;
type WireValueOf<F> = F extends Field<infer _V, infer W, infer _O> ? W : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends { options: { required: true } } ? K : never }[keyof S];

/** The values of a section: required fields required, the others optional. */
export type ValuesOf<S extends FieldSpecs> = Flat<
  { -readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
    -readonly [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]>;
  }
>;

/** The checked inputs of a table's resource, as its provider receives them. */
export type InputsOf<T> = T extends FieldTable<infer I, infer _O> ? ValuesOf<I> : never;

/** The outputs of a table's resource: its inputs and its output-only fields. */
export type OutputsOf<T> = T extends FieldTable<infer I, infer O> ? Flat<ValuesOf<I> & ValuesOf<O>> : never;

/** The wire name of field `F` named `K`. */
type WireNameOf<F, K> = F extends { options: { wire: false } }
  ? never
  : F extends { options: { wire: infer N extends string } }
    ? N
    : Capitalize<K & string>;

/** The request parameters of the fields `K` of section `S`: required inputs required. */
export type WireRequest<S extends FieldSpecs, K extends keyof S> = Flat<
  {
    -readonly [P in K & RequiredKeys<S> as WireNameOf<S[P], P>]: WireValueOf<S[P]>;
  } & {
    -readonly [P in Exclude<K, RequiredKeys<S>> as WireNameOf<S[P], P>]?: WireValueOf<S[P]>;
  }
>;

/** The request parameters of the changed fields among `K` of section `S` (all optional). */
export type WireChanges<S extends FieldSpecs, K extends keyof S> = {
  -readonly [P in K as WireNameOf<S[P], P>]?: WireValueOf<S[P]>;
};

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type Unwrapped<A, K extends keyof A> = Exclude<pulumi.Unwrap<Exclude<A[K], undefined>>, undefined>;
type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** What differs between an `Args` interface and a table's inputs (`never` members: nothing). */
export interface ArgsMismatch<A, I> {
  /** Fields of `Args` the table lacks. */
  notInTable: Exclude<keyof A, keyof I>;
  /** Fields of the table `Args` lacks. */
  notInArgs: Exclude<keyof I, keyof A>;
  /** Fields required in one and optional in the other. */
  requiredDiffers: Exclude<OptionalKeys<A>, OptionalKeys<I>> | Exclude<OptionalKeys<I>, OptionalKeys<A>>;
  /** Fields whose (unwrapped) types differ. */
  typeDiffers: {
    [K in keyof A & keyof I]-?: SameType<Unwrapped<A, K>, Exclude<I[K], undefined>> extends true ? never : K;
  }[keyof A & keyof I];
}

/** `true` when every member of a mismatch report is `never` (nothing differs). */
type NothingDiffers<M> = [M[keyof M]] extends [never] ? true : false;

/**
 * A compile-time check that the hand-written `Args` (with `pulumi.Input` members, its doc
 * comments the resource's reference) declares exactly the table's inputs, each required or
 * optional as in the table and of the same type once unwrapped. On a mismatch the call does not
 * compile and the error names the {@link ArgsMismatch}. Does nothing at run time.
 */
export function argsMatchTable<A, T extends FieldTable<FieldSpecs, FieldSpecs>>(
  ..._mismatch: NothingDiffers<ArgsMismatch<A, InputsOf<T>>> extends true
    ? []
    : [mismatch: ArgsMismatch<A, InputsOf<T>>]
): void {}

type OutputMembers<C> = {
  [K in keyof C]-?: K extends 'id' | 'urn' ? never : C[K] extends pulumi.Output<unknown> ? K : never;
}[keyof C];

/** What differs between a resource class's declared outputs and a table's outputs. */
export interface ClassMismatch<C, T> {
  /** `pulumi.Output` members of the class that are no output of the table. */
  notInTable: Exclude<OutputMembers<C>, keyof T>;
  /** Outputs of the table the class does not declare. */
  notInClass: Exclude<keyof T, OutputMembers<C>>;
  /** Members whose type cannot hold the table's value. */
  typeDiffers: {
    [K in OutputMembers<C> & keyof T]-?: [NonNullable<T[K]>] extends [NonNullable<pulumi.Unwrap<C[K]>>]
      ? never
      : K;
  }[OutputMembers<C> & keyof T];
}

/**
 * A compile-time check that a resource class (its `declare readonly x: pulumi.Output<…>` members,
 * whose doc comments are the reference of its outputs) declares exactly the table's outputs,
 * each able to hold the table's value. Does nothing at run time.
 */
export function classMatchesTable<C, T extends FieldTable<FieldSpecs, FieldSpecs>>(
  ..._mismatch: NothingDiffers<ClassMismatch<C, OutputsOf<T>>> extends true
    ? []
    : [mismatch: ClassMismatch<C, OutputsOf<T>>]
): void {}

// ---------------------------------------------------------------------------------------------
// The table.

/** What {@link fieldTable} takes. */
export interface FieldTableSpec<I extends FieldSpecs, O extends FieldSpecs> {
  /** The inputs, in the order their rules run. */
  readonly inputs: I;
  /** The output-only fields (ids, times, source), not declared by a program. */
  readonly outputs?: O;
  /** A replacement deletes the old object first (it holds a unique name the new one needs). */
  readonly deleteBeforeReplace?: boolean;
  /** Rules across fields, run after the fields' own (`c.requires(...)`, ranges between fields). */
  readonly rules?: (c: InputChecker, inputs: Readonly<Bag>) => void;
}

/** Options of {@link FieldTable.request}. */
export interface RequestOptions<K> {
  /** Only these inputs (default: every input with a wire name). */
  readonly only?: readonly K[];
  /** Only the inputs among these changes; the request is then `undefined` when none changed. */
  readonly changes?: readonly FieldChange[];
  /** For a create: an empty `text` field is left out (`''` means "none" there). */
  readonly create?: boolean;
}

type Bag = Record<string, unknown>;

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function wireNameOf(name: string, f: AnyField): string | undefined {
  const wire = f.options.wire;
  return wire === false ? undefined : (wire ?? capitalize(name));
}

function readPathOf(name: string, f: AnyField): string[] | undefined {
  if (f.options.writeOnly) return undefined;
  const path = f.options.read ?? wireNameOf(name, f);
  return path ? path.split('.') : undefined;
}

/** The value at `path` (member names) inside `item`; `undefined` where a step is no object. */
export function valueAt(item: unknown, path: readonly string[]): unknown {
  let v: unknown = item;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Bag)[p];
  }
  return v;
}

function ruleOf(f: AnyField): DiffAction | FieldRule {
  const action = f.options.action ?? 'update';
  const kind =
    f.options.kind ?? (f.type === 'stringSet' ? 'set' : f.type === 'stringList' ? 'list' : undefined);
  const equals = f.options.equals;
  if (!kind && !equals) return action;
  return compact({ action, kind, equals });
}

/** A block's own rules, its failures named under the block (`block.member`). */
function checkBlock(
  c: InputChecker,
  name: string,
  block: AnyTable,
  value: unknown,
  required?: boolean,
): void {
  if (value === undefined || value === null) {
    if (required) c.fail(name, `${name} is required`);
    return;
  }
  if (isUnknown(value)) return;
  if (!isPlainObject(value)) {
    c.fail(name, `${name} must be an object`);
    return;
  }
  for (const f of block.checker(value).failures) c.fail(`${name}.${f.property}`, `${name}.${f.reason}`);
}

function applyRule(c: InputChecker, inputs: Readonly<Bag>, name: string, f: AnyField): void {
  const o = f.options;
  if (o.check === false) return;
  if (f.block) {
    checkBlock(c, name, f.block, inputs[name], o.required);
    return;
  }
  const required = { required: o.required };
  const text = {
    required: o.required,
    minLength: o.minLength,
    maxLength: o.maxLength,
    pattern: o.pattern,
    patternDescription: o.patternDescription,
  };
  switch (f.type) {
    case 'string':
      if (f.idKind) c.id(name, f.idKind, required);
      else if (f.values ?? o.oneOf) c.oneOf(name, f.values ?? o.oneOf ?? [], required);
      else if (o.format === 'email') c.email(name, compact(text));
      else if (o.format === 'phoneNumber') c.phoneNumber(name, required);
      else if (o.format === 'phoneRegion') c.phoneRegion(name, required);
      else if (o.format === 'url') c.url(name, compact(text));
      else c.string(name, compact(text));
      return;
    case 'integer':
      c.integer(name, compact({ required: o.required, min: o.min, max: o.max }));
      return;
    case 'number':
      c.number(name, compact({ required: o.required, min: o.min, max: o.max }));
      return;
    case 'boolean':
      c.boolean(name, required);
      return;
    case 'stringSet':
    case 'stringList': {
      const list = compact({ ...text, minItems: o.minItems, maxItems: o.maxItems });
      if (f.idKind) c.idList(name, f.idKind, list);
      else {
        const allowed = f.values ?? o.oneOf;
        c.stringList(name, allowed ? { ...list, allowed } : list);
      }
      return;
    }
    case 'object':
      c.object(name, required);
      return;
    default:
      if (o.required && !c.present(name)) c.fail(name, `${name} is required`);
  }
}

function fromWireValue(f: AnyField, raw: unknown, item: Bag): unknown {
  if (f.fromWire) return f.fromWire(raw, item);
  if (f.block) return f.block.read(isPlainObject(raw) ? raw : {}, {});
  if (raw === undefined || raw === null) return undefined;
  return f.type === 'list' || f.type === 'object' ? camelFromWire(raw) : raw;
}

/** What a required scalar the service does not report reads as. */
function zeroOf(type: ValueType): unknown {
  if (type === 'string') return '';
  return type === 'integer' || type === 'number' ? 0 : undefined;
}

function toWireValue(f: AnyField, value: unknown): unknown {
  if (f.toWire) return f.toWire(value as never);
  if (f.block) return f.block.request(value as Bag);
  return f.type === 'list' || f.type === 'object' ? pascalToWire(value) : value;
}

/** A resource's field table (built by {@link fieldTable}; see the module comment). */
export class FieldTable<I extends FieldSpecs, O extends FieldSpecs> {
  /** The inputs, by name. */
  readonly inputs: I;
  /** The output-only fields, by name. */
  readonly outputs: O;
  /** The diff table of the inputs. */
  readonly diffTable: DiffTable;
  /** How inputs are shaped into outputs and refreshed inputs (for `defineProvider`). */
  readonly shape: InputShape;
  /** Every input, nested blocks included (for the unknown-property check). */
  readonly fields: FieldTree;
  /** Every output name, output-only fields first (for `declareOutputs`). */
  readonly outputNames: readonly string[];
  /** The inputs the service does not report. */
  readonly writeOnly: readonly (keyof I & string)[];
  /** Top-level secret inputs (for `InputChecker` and `secretOutputs`). */
  readonly secrets: readonly string[];
  /** Secret paths (for `withSecretInputs`), a block's own secret members included. */
  readonly secretInputs: readonly (readonly string[])[];
  /** Outputs to mark secret in state (the class's `secretOutputs`). */
  readonly secretOutputs: readonly string[];
  /** Options of `diff`. */
  readonly diffOptions: DiffOptions;
  /** Rules across fields (see {@link FieldTableSpec.rules}). */
  private readonly rules?: (c: InputChecker, inputs: Readonly<Bag>) => void;
  /** Type-level only: the inputs and outputs the table derives. */
  declare readonly __io?: { readonly inputs: ValuesOf<I>; readonly outputs: Flat<ValuesOf<I> & ValuesOf<O>> };

  constructor(spec: FieldTableSpec<I, O>) {
    this.inputs = spec.inputs;
    this.outputs = spec.outputs ?? ({} as O);
    const inputEntries = Object.entries(this.inputs);
    this.diffTable = Object.fromEntries(inputEntries.map(([n, f]) => [n, ruleOf(f)]));
    this.writeOnly = inputEntries.filter(([, f]) => f.options.writeOnly).map(([n]) => n as keyof I & string);
    this.shape = this.writeOnly.length
      ? { table: this.diffTable, writeOnly: this.writeOnly }
      : { table: this.diffTable };
    this.fields = Object.fromEntries(inputEntries.map(([n, f]) => [n, f.options.fields ?? true]));
    this.outputNames = [...Object.keys(this.outputs), ...Object.keys(this.inputs)];
    this.secrets = inputEntries.filter(([, f]) => f.options.secret).map(([n]) => n);
    this.secretInputs = inputEntries.flatMap(([n, f]) => [
      ...(f.options.secret ? [[n]] : []),
      ...(f.options.secretPaths ?? []).map((p) => [n, ...p]),
      ...(f.block?.secretInputs ?? []).map((p) => [n, ...p]),
    ]);
    this.secretOutputs = [
      ...this.secrets,
      ...Object.entries(this.outputs)
        .filter(([, f]) => f.options.secret)
        .map(([n]) => n),
    ];
    this.diffOptions = { deleteBeforeReplace: spec.deleteBeforeReplace === true };
    this.rules = spec.rules;
  }

  /** A checker of `news` with the table's rules run (add a resource's own rules to it). */
  checker(news: Readonly<Bag>): InputChecker {
    const c = new InputChecker(news, { secrets: this.secrets });
    for (const [name, f] of Object.entries(this.inputs)) applyRule(c, news, name, f);
    this.rules?.(c, news);
    return c;
  }

  /** The check result of `news` under the table's rules. */
  check(news: Readonly<Bag>): pulumi.dynamic.CheckResult<ValuesOf<I>> {
    return this.checker(news).result(news as ValuesOf<I>);
  }

  /** The changed inputs (new checked inputs against the old outputs). */
  changes(olds: object, news: object): FieldChange[] {
    return changedFields(this.diffTable, { ...olds }, { ...news });
  }

  /** The diff result (new checked inputs against the old outputs). */
  diff(olds: object, news: object): pulumi.dynamic.DiffResult {
    return diffByTable(this.diffTable, { ...olds }, { ...news }, this.diffOptions);
  }

  /** The write-only inputs of `bag` (prior outputs or inputs), to carry into new outputs. */
  carried(bag: Partial<ValuesOf<I>>): Partial<ValuesOf<I>> {
    const out: Bag = {};
    for (const n of this.writeOnly) out[n] = (bag as Bag)[n];
    return compact(out) as Partial<ValuesOf<I>>;
  }

  /**
   * The outputs read from a response item (`GetGroup`'s `Group`): each field from its read path,
   * converted; a required string the item lacks is `''`. `known` (id parts, write-only inputs)
   * overrides what the item says; fields in `skip` (those a list row does not report) are not
   * read, only taken from `known`. `undefined` members are dropped.
   */
  read(
    item: object,
    known: Partial<Flat<ValuesOf<I> & ValuesOf<O>>>,
    options: { readonly skip?: readonly string[] } = {},
  ): Flat<ValuesOf<I> & ValuesOf<O>> {
    const out: Bag = {};
    const skip = new Set(options.skip ?? []);
    for (const [name, f] of [...Object.entries(this.inputs), ...Object.entries(this.outputs)]) {
      const path = readPathOf(name, f);
      if (!path || skip.has(name)) continue;
      let value = fromWireValue(f, valueAt(item, path), item as Bag);
      if (value === undefined && f.options.required) value = zeroOf(f.type);
      out[name] = value;
    }
    for (const [name, value] of Object.entries(known)) if (value !== undefined) out[name] = value;
    return compact(out) as Flat<ValuesOf<I> & ValuesOf<O>>;
  }

  /**
   * The request parameters of the inputs in `values` (see {@link RequestOptions}), each under its
   * wire name, converted; absent values are left out. With `changes`, `undefined` when no
   * input of `only` changed.
   */
  request<K extends keyof I & string>(
    values: Partial<ValuesOf<I>>,
    options: RequestOptions<K> & { readonly changes: readonly FieldChange[] },
  ): WireChanges<I, K> | undefined;
  request<K extends keyof I & string = keyof I & string>(
    values: ValuesOf<I>,
    options?: RequestOptions<K>,
  ): WireRequest<I, K>;
  request<K extends keyof I & string>(
    values: Partial<ValuesOf<I>>,
    options: RequestOptions<K> = {},
  ): WireRequest<I, K> | WireChanges<I, K> | undefined {
    const names = options.only ?? (Object.keys(this.inputs) as K[]);
    const out: Bag = {};
    let any = false;
    for (const name of names) {
      const f = this.inputs[name];
      const wire = wireNameOf(name, f);
      if (!wire) continue;
      if (options.changes && !hasChange(options.changes, name)) continue;
      any = true;
      const value = (values as Bag)[name];
      if (value === undefined || value === null) continue;
      const rule = ruleOf(f);
      if (options.create && value === '' && typeof rule !== 'string' && rule.kind === 'text') continue;
      out[wire] = toWireValue(f, value);
    }
    if (options.changes && !any) return undefined;
    return out as WireRequest<I, K>;
  }
}

/** The field table of a resource (see the module comment). */
export function fieldTable<I extends FieldSpecs, O extends FieldSpecs = Record<never, AnyField>>(
  spec: FieldTableSpec<I, O>,
): FieldTable<I, O> {
  return new FieldTable(spec);
}
