/**
 * Helpers for the resource classes: type tokens, declared outputs, secret outputs.
 */
import * as pulumi from '@pulumi/pulumi';
import { isNotFound } from '../../client';

/**
 * Module part of every type token. Dynamic resources get tokens of the form
 * `pulumi-nodejs:dynamic/<module>:<Type>`, so a `User` is `pulumi-nodejs:dynamic/eiam:User`.
 * Tokens are part of every resource URN: never change them.
 */
export const TYPE_MODULE = 'eiam';

/** The full type token Pulumi derives for a resource type of this package. */
export function typeToken(type: string): string {
  return `pulumi-nodejs:dynamic/${TYPE_MODULE}:${type}`;
}

/**
 * The props to pass to `pulumi.dynamic.Resource`: every output name set to `undefined` (the
 * engine only fills in outputs the registration declared) and then the arguments.
 */
export function declareOutputs(args: object | undefined, outputNames: readonly string[]): pulumi.Inputs {
  const props: Record<string, unknown> = {};
  for (const name of outputNames) props[name] = undefined;
  return Object.assign(props, args ?? {});
}

/**
 * The engine needs an `import` id as a plain string while the program is still being
 * registered, so an `Output` (e.g. a template literal over `instance.instanceId`) cannot work:
 * the SDK would fail three times with "Calling [toString] on an [Output<T>]". Say it once, with
 * the way out.
 */
function checkImportId(opts: pulumi.CustomResourceOptions | undefined): void {
  const id: unknown = opts?.import;
  if (id === undefined) return;
  // A template literal over an Output is a string holding the SDK's toString warning.
  const fromOutput = typeof id === 'string' ? id.includes('Calling [toString] on an [Output<T>]') : false;
  if (typeof id === 'string' && !fromOutput) return;
  const what = fromOutput || pulumi.Output.isInstance(id) ? 'built from a pulumi Output' : `a ${typeof id}`;
  throw new Error(
    `The import option needs the id as a plain string, but it is ${what}. Write the id out ` +
      "(e.g. 'idaas_xxx/user_xxx'), read it from stack config (new pulumi.Config().require('importId')), " +
      'or take it from `pulumi stack output` or a lookup run beforehand; ids of other resources of the ' +
      'same program are not known yet when the import is registered.',
  );
}

/**
 * `opts` with the resource's secret outputs added to `additionalSecretOutputs`. Every resource
 * class passes its options through here, so this also rejects an `import` id that is not a
 * plain string, with one clear message.
 */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: readonly string[],
): pulumi.CustomResourceOptions {
  checkImportId(opts);
  const merged = [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretOutputs])];
  return { ...opts, additionalSecretOutputs: merged };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !pulumi.Output.isInstance(value) &&
    !(value instanceof Promise)
  );
}

function secretAt(value: unknown, path: readonly string[]): unknown {
  if (value === undefined || value === null) return value;
  if (path.length === 0) return pulumi.secret(value as pulumi.Input<unknown>);
  if (isPlainObject(value)) {
    // `*` stands for every key of a map (`['users', '*', 'password']`).
    if (path[0] === '*') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretAt(v, path.slice(1))]));
    }
    if (!(path[0] in value)) return value;
    return { ...value, [path[0]]: secretAt(value[path[0]], path.slice(1)) };
  }
  // An output or promise hides its shape until it resolves; Pulumi marks secrets per value, so
  // when the resolved value holds a secret path, the whole value becomes secret. A block passed
  // as a plain object keeps its other fields plain.
  const hidden = pulumi.output(value as pulumi.Input<unknown>) as pulumi.Output<unknown>;
  return hidden.apply((resolved: unknown) =>
    holdsPath(resolved, path) ? pulumi.secret(resolved) : pulumi.output(resolved),
  );
}

/** True when `value` has a value at `path` (`*`: at any key). */
function holdsPath(value: unknown, path: readonly string[]): boolean {
  if (path.length === 0) return value !== undefined && value !== null;
  if (!isPlainObject(value)) return false;
  if (path[0] === '*') return Object.values(value).some((v) => holdsPath(v, path.slice(1)));
  return holdsPath(value[path[0]], path.slice(1));
}

/**
 * `args` with the values at `paths` (e.g. `['password']`,
 * `['provisioningConfig', 'callbackProvisioningConfig', 'encryptKey']`) wrapped in
 * `pulumi.secret`, so a secret input is secret in state and in every diff even when the
 * program passes a plain string. Only the leaves become secret: the rest of a nested input
 * stays plain and diffs field by field (Pulumi's `additionalSecretOutputs` would hide a whole
 * top-level output).
 */
export function withSecretInputs<A extends object>(args: A, paths: readonly (readonly string[])[]): A {
  let out: unknown = args;
  for (const path of paths) out = secretAt(out, path);
  return out as A;
}

/**
 * Base class of every resource of this package: a `pulumi.dynamic.Resource` whose registration
 * does not format a stack trace per declared output.
 *
 * While a resource registers, the SDK makes four debug promises per declared output property
 * and stores `new Error().stack` on each (for its promise-leak report). In a Pulumi program that
 * stack goes through the source-map `prepareStackTrace` hook of the Node runtime, and a resource
 * with ~30 outputs spent ~8 ms of CPU there: the program process, not the engine or the API,
 * was the bottleneck of a directory of single resources. Registration is synchronous, so the
 * stack depth is lowered for its duration only (the SDK's own source-position capture raises
 * it for itself), and restored even when registration throws. A promise-leak report, if one is
 * ever printed, then names the resource and property without a stack.
 */
export abstract class EiamResource extends pulumi.dynamic.Resource {
  /**
   * Registers `name` of `type` (`User`: the last part of its type token): the arguments with
   * every output the table names declared and its secret input paths marked secret, and options
   * asking the engine to keep its secret outputs secret.
   */
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    type: string,
    declared: DeclaredProperties,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(
        provider,
        name,
        declareOutputs(withSecretInputs(args, declared.secretInputs ?? []), declared.outputNames),
        withSecretOutputs(opts, declared.secretOutputs),
        TYPE_MODULE,
        type,
      );
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

/** What a resource class declares to the engine; a field table has all three. */
export interface DeclaredProperties {
  /** Every output the provider may report. */
  readonly outputNames: readonly string[];
  /** Input paths to mark secret before registration (blocks holding a password, …). */
  readonly secretInputs?: readonly (readonly string[])[];
  /** Outputs the engine must store as secrets. */
  readonly secretOutputs: readonly string[];
}

/** Awaits `work`; a not-found error resolves to `undefined`, any other error propagates. */
export async function unlessNotFound<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
