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

/** Awaits `work`; a not-found error resolves to `undefined`, any other error propagates. */
export async function unlessNotFound<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
