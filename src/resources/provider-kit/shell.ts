/**
 * The provider object Pulumi serializes into state, and the implementation it calls.
 *
 * Pulumi serializes a dynamic provider object (its functions and everything they capture) into
 * the state of every resource that uses it, twice (inputs and outputs). A module's exports
 * object captured by a function is written as `require("<package>/<subpath>")` when the module
 * comes from `node_modules`, and by value otherwise. So each resource's provider IS a module's
 * exports object: `resources/providers/<file>.ts` exports the seven provider methods built here,
 * and the resource class passes that module object. Installed from a tarball it serializes as
 * about 270 bytes (`exports.handler = () => require(...)`), whatever the implementation's size.
 *
 * The methods built here capture only
 *
 * - the module that exports the implementation (a module reference), and
 * - the export name (a string),
 *
 * and are called only through the provider module. The settings read in `configure` go to a
 * process-wide slot (`globalThis`), never into the object. No client, socket or credential is
 * ever captured; the implementation is looked up at call time, so the import cycle between a
 * resource module and its provider module is harmless.
 *
 * A resource follows this pattern:
 *
 * ```ts
 * // providers/user.ts: the module object is the provider
 * import * as resource from '../user';
 * const shell = makeProviderShell(resource, 'userImplementation');
 * export const { configure, check, diff, create, read, update } = shell;
 * const remove = shell.delete;
 * export { remove as delete };
 *
 * // user.ts
 * import * as userProviderModule from './providers/user';
 * export const userImplementation = defineProvider<UserInputs, UserOutputs>({ ... });
 * export const userProvider: pulumi.dynamic.ResourceProvider = userProviderModule;
 * ```
 *
 * When the package is installed, the provider module must be reachable through the package's
 * `exports` map (`pulumi-alicloud-eiam/resources/providers/<file>`), or serialization fails.
 * Never pass a plain object (such as the return value of {@link makeProviderShell}) to a
 * resource: it would be serialized by value, functions and captured module names included
 * (several KB per resource).
 */
import type * as pulumi from '@pulumi/pulumi';
import { adoptedThisRun, settleIntent } from './adopt';
import { cleanInputs, unknownFieldFailures, type FieldTree } from './check';
import { idPartProblems } from './ids';
import { createContext, type ProviderContext } from './context';
import { isResourceInitError } from './errors';
import { checkSettings, readSettings, type ConfigSource, type ProviderSettings } from '../../settings';
import {
  declaredNames,
  declaredSetChanged,
  normalizeSets,
  recordedNames,
  refreshInputs,
  shapeOutputs,
  type InputShape,
} from './shaping';

/** Loosely typed property bag, as the engine passes inputs and outputs. */
export type PropertyBag = Record<string, unknown>;

/**
 * The handlers a resource writes. Inputs and outputs arrive without Pulumi's `__provider`
 * entry and without null members; check and diff are pure (no API calls).
 */
export interface ProviderHandlers<I extends object, O extends object> {
  /** Resource kind used in messages, e.g. `User`. */
  readonly kind: string;
  /**
   * The inputs and how they compare. With it, the kit sorts sets in `check`, conforms the
   * outputs of create, update and read to the declared inputs, and computes the inputs a
   * refresh records (see `shaping.ts`); `read` then returns only `id` and live `props`.
   */
  readonly shape?: InputShape;
  /**
   * Every input the resource takes, nested blocks included: any other property fails `check`
   * (with a "did you mean" for a near miss) instead of being silently ignored.
   */
  readonly fields?: FieldTree;
  /**
   * An output every recorded object carries and no program declares (e.g. `groupId`). A read that
   * finds nothing while `props` lack it is an import, not a refresh: it fails saying the object
   * does not exist (and what is wrong with the id's shape), rather than the engine's "provider
   * does not support importing resources".
   */
  readonly recordedOutput?: string;
  /** The names of the id's parts (`instanceId`, `groupId`, …), for import messages. */
  readonly idParts?: readonly string[];
  /**
   * The resource's field table (`fieldTable`): it supplies `shape` and `fields`, and the
   * default `check` (the table's rules) and `diff` (the table's diff) when the handlers give none.
   */
  readonly table?: ProviderTable<I, O>;
  /** Validates and normalizes the new inputs. Never calls the API. Default: the table's rules. */
  check?(
    olds: PropertyBag,
    news: PropertyBag,
  ): pulumi.dynamic.CheckResult<I> | Promise<pulumi.dynamic.CheckResult<I>>;
  /** Compares new checked inputs with the old outputs. Never calls the API. Default: the table's. */
  diff?(id: string, olds: O, news: I): pulumi.dynamic.DiffResult | Promise<pulumi.dynamic.DiffResult>;
  /** Creates the object; throws a `ResourceInitError` if it exists but a follow-up step failed. */
  create(ctx: ProviderContext, inputs: I): Promise<pulumi.dynamic.CreateResult<O>>;
  /**
   * Reads the live object. `props` are the prior outputs on refresh, or only the declared
   * inputs on import. Returns `{}` when the object is gone.
   */
  read(ctx: ProviderContext, id: string, props: Partial<O> & PropertyBag): Promise<ReadOutcome<O>>;
  /** Applies changed inputs in place. */
  update(ctx: ProviderContext, id: string, olds: O, news: I): Promise<pulumi.dynamic.UpdateResult<O>>;
  /** Deletes the object; succeeds when it is already gone. */
  delete(ctx: ProviderContext, id: string, props: O): Promise<void>;
}

/** What `defineProvider` uses of a field table (see `fields.ts`). */
export interface ProviderTable<I extends object, O extends object> {
  /** See {@link ProviderHandlers.shape}. */
  readonly shape: InputShape;
  /** See {@link ProviderHandlers.fields}. */
  readonly fields: FieldTree;
  /** The table's rules. */
  check(news: PropertyBag): pulumi.dynamic.CheckResult<I>;
  /** The table's diff. */
  diff(olds: object, news: object): pulumi.dynamic.DiffResult;
  /** Type-level only: the inputs and outputs the table derives. */
  readonly __io?: { readonly inputs: I; readonly outputs: O };
}

/**
 * What a read handler returns: nothing (`{}`) when the object is gone, else its id, live
 * outputs and the inputs to record (computed by the kit when the handlers declare `shape`).
 */
export interface ReadOutcome<O> {
  /** The id, or absent when the object no longer exists. */
  readonly id?: string;
  /** Live outputs. */
  readonly props?: O;
  /** Inputs to record for later diffs. */
  readonly inputs?: PropertyBag;
}

/** A resource's implementation as the shell calls it: settings in, handlers wrapped. */
export interface ProviderImplementation {
  /** Resource kind, e.g. `User`. */
  readonly kind: string;
  /** Reads provider settings from the stack config (see `CONFIG_KEYS`). */
  configure(config: ConfigSource): ProviderSettings;
  /** See {@link ProviderHandlers.check}. */
  check(olds: PropertyBag, news: PropertyBag): Promise<pulumi.dynamic.CheckResult>;
  /** See {@link ProviderHandlers.diff}. */
  diff(id: string, olds: PropertyBag, news: PropertyBag): Promise<pulumi.dynamic.DiffResult>;
  /** See {@link ProviderHandlers.create}. */
  create(settings: ProviderSettings, inputs: PropertyBag): Promise<pulumi.dynamic.CreateResult>;
  /** See {@link ProviderHandlers.read}. */
  read(settings: ProviderSettings, id: string, props: PropertyBag): Promise<pulumi.dynamic.ReadResult>;
  /** See {@link ProviderHandlers.update}. */
  update(
    settings: ProviderSettings,
    id: string,
    olds: PropertyBag,
    news: PropertyBag,
  ): Promise<pulumi.dynamic.UpdateResult>;
  /** See {@link ProviderHandlers.delete}. */
  delete(settings: ProviderSettings, id: string, props: PropertyBag): Promise<void>;
}

/**
 * An error carrying `id` and `properties` must also carry the serialized provider, or the
 * engine records a resource whose later delete/read cannot find its implementation.
 */
function withProviderEntry(err: unknown, raw: PropertyBag): unknown {
  if (isResourceInitError(err) && raw.__provider !== undefined && err.properties.__provider === undefined) {
    err.properties.__provider = raw.__provider;
  }
  return err;
}

/** Wraps a resource's handlers into the implementation the shell calls. */
export function defineProvider<I extends object, O extends object>(
  handlers: ProviderHandlers<I, O>,
): ProviderImplementation {
  const table = handlers.table;
  const shape = handlers.shape ?? table?.shape;
  const fields = handlers.fields ?? table?.fields;
  // Arrow functions, not `bind`: a bound function cannot be serialized by value.
  const { check: ownCheck, diff: ownDiff } = handlers;
  const checkInputs = ownCheck
    ? (olds: PropertyBag, news: PropertyBag) => ownCheck.call(handlers, olds, news)
    : table && ((_olds: PropertyBag, news: PropertyBag) => table.check(news));
  const diffInputs = ownDiff
    ? (id: string, olds: O, news: I) => ownDiff.call(handlers, id, olds, news)
    : table && ((_id: string, olds: O, news: I) => table.diff(olds, news));
  if (!checkInputs || !diffInputs)
    throw new Error(`${handlers.kind}: defineProvider needs a table or both check and diff`);
  return {
    kind: handlers.kind,
    // Checked here, before the first `check`: a missing credential fails the preview.
    configure: (config) => checkSettings(readSettings(config)),
    async check(olds, news) {
      const inputs = cleanInputs<PropertyBag>(news ?? {});
      const unknown = fields ? unknownFieldFailures(fields, inputs) : [];
      let result: pulumi.dynamic.CheckResult;
      try {
        result = await checkInputs(cleanInputs(olds ?? {}), inputs);
      } catch (err) {
        // A rule that trips over a value of an unexpected shape is a check failure, not a crash.
        const detail = err instanceof Error ? err.message : String(err);
        result = {
          inputs,
          failures: [{ property: '', reason: `the inputs could not be checked: ${detail}` }],
        };
      }
      const failures = [...unknown, ...(result.failures ?? [])];
      if (failures.length) return { ...result, failures };
      if (!shape || !result.inputs) return result;
      return { ...result, inputs: normalizeSets(shape, result.inputs) };
    },
    async diff(id, olds, news) {
      // The engine diffs only what it recorded: a create intent of this object is settled.
      settleIntent(id);
      const prior = cleanInputs<O>(olds ?? {});
      const declared = cleanInputs<I>(news ?? {});
      const result = await diffInputs(id, prior, declared);
      if (!shape || result.changes) return result;
      // Declaring (or dropping) an input whose value already matches is an update that
      // changes nothing in the service but the record: without it, the next refresh would
      // record the old set of inputs and show them as a diff.
      return declaredSetChanged(shape, prior as PropertyBag, declared as PropertyBag)
        ? { ...result, changes: true }
        : result;
    },
    async create(settings, inputs) {
      try {
        const declared = cleanInputs<I>(inputs);
        const result = await handlers.create(createContext(settings), declared);
        if (!shape || !result.outs) return result;
        const names = declaredNames(shape, declared as PropertyBag);
        return { ...result, outs: shapeOutputs(shape, result.outs, declared as PropertyBag, names) };
      } catch (err) {
        throw withProviderEntry(err, inputs);
      }
    },
    async read(settings, id, props) {
      const prior = cleanInputs<Partial<O> & PropertyBag>(props ?? {});
      settleIntent(id);
      const result = await handlers.read(createContext(settings), id, prior);
      if (!result.id) {
        if (handlers.recordedOutput !== undefined && prior[handlers.recordedOutput] === undefined) {
          throw new Error(importNotFoundMessage(handlers.kind, id, handlers.idParts));
        }
        return {};
      }
      if (!shape || !result.props) return result;
      const names = recordedNames(shape, prior);
      const outs = shapeOutputs(shape, result.props, prior, names);
      return { id: result.id, props: outs, inputs: refreshInputs(outs as PropertyBag, names) };
    },
    async update(settings, id, olds, news) {
      settleIntent(id);
      try {
        const declared = cleanInputs<I>(news);
        const result = await handlers.update(createContext(settings), id, cleanInputs<O>(olds), declared);
        if (!shape || !result.outs) return result;
        const names = declaredNames(shape, declared as PropertyBag);
        return { ...result, outs: shapeOutputs(shape, result.outs, declared as PropertyBag, names) };
      } catch (err) {
        throw withProviderEntry(err, news);
      }
    },
    async delete(settings, id, props) {
      settleIntent(id);
      if (adoptedThisRun(handlers.kind, id)) return;
      await handlers.delete(createContext(settings), id, cleanInputs<O>(props ?? {}));
    },
  };
}

/** Why an import of `kind` `id` found nothing: it does not exist, and what is off in the id. */
function importNotFoundMessage(kind: string, id: string, names: readonly string[] | undefined): string {
  const problems = names ? idPartProblems(id, names) : [];
  const shape = problems.length ? ` The id looks wrong: ${problems.join('; ')}.` : '';
  return (
    `Cannot import ${kind} ${id}: it does not exist.${shape} ` +
    `Check the id (format ${names ? names.join('/') : 'see the resource docs'}) and the stack's eiam:endpoint/region.`
  );
}

/** The `globalThis` slot holding the settings `configure` read, in the provider process. */
export const PROVIDER_SETTINGS_KEY = '__pulumiAlicloudEiamProviderSettings';

/**
 * The provider methods for the implementation exported as `exportName` by `implModule`, for a
 * provider module to re-export (see the module header). Pass the module object itself
 * (`import * as resource from '../user'`), never the implementation value: only module objects
 * serialize as a `require` when the methods are captured by value.
 */
export function makeProviderShell<M extends object, K extends keyof M & string>(
  implModule: M,
  exportName: K,
): pulumi.dynamic.ResourceProvider {
  // Settings live in one process-wide slot, never in the provider object: the closure
  // serializer would otherwise write whatever `configure` stored (credentials included) into
  // state the next time the object is serialized. Within a provider process every dynamic
  // provider is configured with the same stack config, so one slot is exact.
  const settingsKey = PROVIDER_SETTINGS_KEY;
  const settings = (): ProviderSettings =>
    ((globalThis as Record<string, unknown>)[settingsKey] as ProviderSettings | undefined) ?? {};
  const impl = (): ProviderImplementation => implModule[exportName] as ProviderImplementation;
  return {
    async configure(req) {
      (globalThis as Record<string, unknown>)[settingsKey] = impl().configure(req.config);
    },
    check: (olds, news) => impl().check(olds, news),
    diff: (id, olds, news) => impl().diff(id, olds, news),
    create: (inputs) => impl().create(settings(), inputs),
    read: (id, props) => impl().read(settings(), id, props ?? {}),
    update: (id, olds, news) => impl().update(settings(), id, olds, news),
    delete: (id, props) => impl().delete(settings(), id, props),
  };
}
