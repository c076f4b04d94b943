/**
 * How a lookup function reaches the API. Each setting comes from, in order:
 *
 * 1. the `opts` passed to the lookup (`{ endpoint, region, accessKeyId, … }`);
 * 2. the stack config `eiam:*` (the same keys the resources' providers read);
 * 3. the client's own resolution: environment variables, then the aliyun CLI profile.
 *
 * Every call builds its own client and closes it afterwards, so a program that only runs
 * lookups leaves no connection open.
 */
import * as pulumi from '@pulumi/pulumi';
import { EiamClient, isNotFound, parseRequestsPerSecond, type ClientSignatureVersion } from '../client';
import { CONFIG_KEYS, readSettings, type ConfigSource, type ProviderSettings } from '../settings';

/**
 * Connection settings of a lookup: the provider settings but the request-rate budget; unset ones
 * fall back to the stack config, then the environment.
 */
export type LookupOptions = Omit<ProviderSettings, 'maxRequestsPerSecond'>;

/** A shape whose every member may be a `pulumi.Input` (the argument type of the `…Output` forms). */
export type LookupInputs<T> = { readonly [K in keyof T]: pulumi.Input<T[K]> };

/** The stack config `eiam:*` as a settings source (empty outside a Pulumi program). */
export function stackConfigSource(): ConfigSource {
  let config: pulumi.Config | undefined;
  try {
    config = new pulumi.Config('eiam');
  } catch {
    config = undefined;
  }
  return { get: (key) => (config ? config.get(key.replace(/^eiam:/, '')) : undefined) };
}

/**
 * The settings a lookup uses: explicit `opts` over the stack config (see the module comment).
 * Empty strings count as unset.
 */
export function resolveLookupSettings(
  opts: LookupOptions = {},
  config: ConfigSource = stackConfigSource(),
): ProviderSettings {
  const out: Record<string, string> = { ...readSettings(config) };
  for (const name of Object.keys(CONFIG_KEYS) as (keyof LookupOptions)[]) {
    const value = opts[name];
    if (typeof value === 'string' && value !== '') out[name] = value;
  }
  return out as ProviderSettings;
}

/** Runs `work` with a fresh client for `opts`, closing it afterwards. */
export async function withLookupClient<T>(
  opts: LookupOptions | undefined,
  work: (client: EiamClient) => Promise<T>,
): Promise<T> {
  const settings = resolveLookupSettings(opts);
  const client = new EiamClient({
    ...settings,
    signatureVersion: settings.signatureVersion as ClientSignatureVersion,
    maxRequestsPerSecond: parseRequestsPerSecond(
      settings.maxRequestsPerSecond,
      CONFIG_KEYS.maxRequestsPerSecond,
    ),
  });
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

/** The members `A` requires (`never` when every member is optional). */
type RequiredKeys<A> = { [K in keyof A]-?: Record<never, never> extends Pick<A, K> ? never : K }[keyof A];

/** The Promise form of a lookup, `getX(args, opts?)`; `args` may be left out when none is required. */
export type LookupFunction<A, R> = [RequiredKeys<A>] extends [never]
  ? (args?: A, opts?: LookupOptions) => Promise<R>
  : (args: A, opts?: LookupOptions) => Promise<R>;

/** The `pulumi.Output` form of a lookup, `getXOutput(args, opts?)`, taking `pulumi.Input` arguments. */
export type LookupOutputFunction<A, R> = [RequiredKeys<A>] extends [never]
  ? (args?: LookupInputs<A>, opts?: LookupInputs<LookupOptions>) => pulumi.Output<R>
  : (args: LookupInputs<A>, opts?: LookupInputs<LookupOptions>) => pulumi.Output<R>;

/** Both forms of one lookup, as {@link defineLookup} makes them. */
export interface Lookup<A extends object, R> {
  /** The Promise form (exported as `getX`). */
  readonly get: LookupFunction<A, R>;
  /** The `pulumi.Output` form (exported as `getXOutput`). */
  readonly output: LookupOutputFunction<A, R>;
}

/**
 * Makes both forms of a lookup from its one definition, `run`: what the lookup reads, given its
 * arguments and a client connected for the call's options (a fresh one per call, closed
 * afterwards; see {@link withLookupClient}). The `pulumi.Output` form waits for its arguments and
 * options to be known, then runs the Promise form; secret arguments make the result secret.
 */
export function defineLookup<A extends object, R>(
  run: (args: A, client: EiamClient) => Promise<R>,
): Lookup<A, R> {
  const get = (args?: A, opts?: LookupOptions): Promise<R> =>
    withLookupClient(opts, (client) => run(args ?? ({} as A), client));
  const output = (args?: LookupInputs<A>, opts?: LookupInputs<LookupOptions>): pulumi.Output<R> =>
    pulumi
      .all([pulumi.output(args ?? {}), pulumi.output(opts ?? {})])
      .apply(([a, o]) => get(a as unknown as A, o as LookupOptions)) as pulumi.Output<R>;
  return { get: get as LookupFunction<A, R>, output: output as LookupOutputFunction<A, R> };
}

/**
 * Runs `work`; when the service answers that the object does not exist, fails with
 * `<fn>: no <what>` instead (the service's error as its cause).
 */
export async function explainNotFound<T>(fn: string, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isNotFound(err)) throw new Error(`${fn}: no ${what}`, { cause: err });
    throw err;
  }
}

/** Fails unless exactly one of `keys` is set in `args`; returns the one that is. */
export function exactlyOne<A extends object>(
  fn: string,
  args: A,
  keys: readonly (keyof A & string)[],
): keyof A & string {
  const set = keys.filter((k) => args[k] !== undefined && args[k] !== null && args[k] !== '');
  if (set.length !== 1) {
    const given = set.length === 0 ? 'none is' : `${set.join(' and ')} are`;
    throw new Error(`${fn}: give exactly one of ${keys.join(', ')} (${given} set)`);
  }
  return set[0];
}

/** The single item of `items`, or an error saying that none or several matched `what`. */
export function single<T>(fn: string, items: readonly T[], what: string, hint = ''): T {
  if (items.length === 1) return items[0];
  if (items.length === 0) throw new Error(`${fn}: no ${what}`);
  throw new Error(`${fn}: ${items.length} matches for ${what}${hint ? `; ${hint}` : ''}`);
}

/**
 * `T` with its identifying fields required: the service always returns an object's own ids, so
 * a program can pass `unit.organizationalUnitId` on without `?? ''`.
 */
export type WithIds<T, K extends keyof T> = T & { readonly [P in K]-?: NonNullable<T[P]> };

/** Checks that the service returned `value`'s ids (see {@link WithIds}); names the operation if not. */
export function withIds<T, K extends keyof T>(
  value: T,
  keys: readonly K[],
  operation: string,
): WithIds<T, K> {
  for (const key of keys) {
    const id = value[key];
    if (id === undefined || id === null || id === '') {
      throw new Error(`EIAM ${operation} returned an object without ${String(key)}`);
    }
  }
  return value as WithIds<T, K>;
}
