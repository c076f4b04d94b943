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

/** `opts` with the resource's secret outputs added to `additionalSecretOutputs`. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  secretOutputs: readonly string[],
): pulumi.CustomResourceOptions {
  const merged = [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretOutputs])];
  return { ...opts, additionalSecretOutputs: merged };
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
  /** Same arguments as `pulumi.dynamic.Resource`. */
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(provider, name, props, opts, module, type);
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
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
