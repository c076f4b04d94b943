/**
 * The test harness of the resources and the lookups: a local server on a free port with one
 * running instance, an API client to arrange and inspect state behind the provider's back,
 * helpers that make directory entities with it, and helpers that drive a provider shell the way
 * the dynamic provider host does (configure, then check/diff/create/read/update/delete, with the
 * host's `__provider` entry in every property bag).
 */
import type * as pulumi from '@pulumi/pulumi';
import { EiamClient } from '../../src/client';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../src/local-server';
import { clearClientCache, DECLARED_INPUTS } from '../../src/resources/provider-kit';
import { configFromMap, type ProviderSettings } from '../../src/settings';

/** Stands in for the serialized provider text the host adds to every property bag. */
export const PROVIDER_ENTRY = 'serialized-provider-placeholder';

/** A started server with one running instance. */
export interface Harness {
  /** The server. */
  readonly server: LocalServer;
  /** Settings the providers and lookups use. */
  readonly settings: ProviderSettings;
  /** A client for arranging and inspecting state directly (no retries). */
  readonly client: EiamClient;
  /** A running instance (empty while the server still creates instances with a delay). */
  readonly instanceId: string;
  /** Its root organizational unit. */
  readonly rootOuId: string;
  /** API calls answered since the last `resetCounters`, by action (only actions with calls). */
  calls(): Record<string, number>;
  /** Total API calls answered since the last `resetCounters`. */
  totalCalls(): number;
  /** Configures provider shells with this server's settings, as the engine's `configure` does. */
  configure(...providers: pulumi.dynamic.ResourceProvider[]): Promise<void>;
  /** Stops everything. */
  stop(): Promise<void>;
}

/**
 * Starts a silent local server on a free port (no instance creation delay unless `options`
 * set one) with one running instance; with a delay, no instance is made.
 */
export async function startHarness(options: LocalServerOptions = {}): Promise<Harness> {
  const server = await startLocalServer({ port: 0, instanceCreationDelayMs: 0, log: false, ...options });
  const settings: ProviderSettings = {
    endpoint: server.endpoint,
    region: 'cn-hangzhou',
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  };
  const config = configFromMap({
    'eiam:endpoint': settings.endpoint,
    'eiam:region': settings.region,
    'eiam:accessKeyId': settings.accessKeyId,
    'eiam:accessKeySecret': settings.accessKeySecret,
  });
  const client = new EiamClient({
    endpoint: server.endpoint,
    region: 'cn-hangzhou',
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    retry: { maxAttempts: 1 },
  });
  let instanceId = '';
  if ((options.instanceCreationDelayMs ?? 0) === 0) {
    instanceId = (await client.call('CreateInstance', { Description: 'resource tests' })).InstanceId ?? '';
  }
  const rootOuId = instanceId
    ? ((await client.call('GetRootOrganizationalUnit', { InstanceId: instanceId })).OrganizationalUnit
        ?.OrganizationalUnitId ?? '')
    : '';
  server.resetCounters();
  const calls = () =>
    Object.fromEntries(
      Object.entries(server.counters())
        .filter(([, c]) => c.calls > 0)
        .map(([action, c]) => [action, c.calls]),
    );
  return {
    server,
    settings,
    client,
    instanceId,
    rootOuId,
    calls,
    totalCalls: () => Object.values(calls()).reduce((a, b) => a + b, 0),
    async configure(...providers) {
      for (const p of providers) await p.configure!({ config });
    },
    async stop() {
      client.close();
      clearClientCache();
      await server.stop();
    },
  };
}

/** Creates a user under the root unit; returns its id. */
export async function makeUser(h: Harness, username: string, email?: string): Promise<string> {
  const res = await h.client.call('CreateUser', {
    InstanceId: h.instanceId,
    Username: username,
    DisplayName: username,
    Email: email,
    EmailVerified: email === undefined ? undefined : true,
    PrimaryOrganizationalUnitId: h.rootOuId,
  });
  return res.UserId ?? '';
}

/** Creates a group; returns its id. */
export async function makeGroup(h: Harness, groupName: string): Promise<string> {
  const res = await h.client.call('CreateGroup', { InstanceId: h.instanceId, GroupName: groupName });
  return res.GroupId ?? '';
}

/** Creates an organizational unit (under the root unless `parentId` is given); returns its id. */
export async function makeOu(h: Harness, name: string, parentId?: string): Promise<string> {
  const res = await h.client.call('CreateOrganizationalUnit', {
    InstanceId: h.instanceId,
    OrganizationalUnitName: name,
    ParentId: parentId ?? h.rootOuId,
  });
  return res.OrganizationalUnitId ?? '';
}

/** Ids of the applications of the harness instance. */
export async function applicationIds(h: Harness): Promise<string[]> {
  const apps = await h.client.listAll('ListApplications', { InstanceId: h.instanceId });
  return apps.map((a) => a.ApplicationId ?? '');
}

/** A created resource as the engine would hold it. */
export interface Created<O> {
  /** Resource id. */
  readonly id: string;
  /** Outputs. */
  readonly outs: O;
}

/** Runs check; fails the test if there are failures; returns the checked inputs. */
export async function checkedInputs<T extends object = Record<string, unknown>>(
  provider: pulumi.dynamic.ResourceProvider,
  news: T,
  olds: object = {},
): Promise<T> {
  const result = await provider.check!(olds, { ...news, __provider: PROVIDER_ENTRY });
  expect(result.failures ?? []).toEqual([]);
  return result.inputs as T;
}

/** check (failing the test on failures) then create, with the host's `__provider` entry. */
export async function createVia<O = Record<string, unknown>>(
  provider: pulumi.dynamic.ResourceProvider,
  news: Record<string, unknown>,
): Promise<Created<O>> {
  const inputs = await checkedInputs(provider, news);
  const result = await provider.create({ ...inputs, __provider: PROVIDER_ENTRY });
  return { id: result.id, outs: result.outs as O };
}

/**
 * `created` as recorded for a program that declares exactly the inputs of `news` (its outputs
 * list those names). Declaring or dropping an input is itself a change (it re-records the names),
 * so "an unset input is not managed" is checked against such a record.
 */
export function recordedFor<O>(created: Created<O>, news: Record<string, unknown>): Created<O> {
  return { id: created.id, outs: { ...(created.outs as object), [DECLARED_INPUTS]: Object.keys(news) } as O };
}

/** check + diff of new inputs against the recorded outputs. */
export async function diffVia(
  provider: pulumi.dynamic.ResourceProvider,
  created: Created<unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
  const inputs = await checkedInputs(provider, news);
  return provider.diff!(created.id, { ...(created.outs as object), __provider: PROVIDER_ENTRY }, inputs);
}

/**
 * check + diff + update: asserts the diff asks for an in-place update (no replacement), runs
 * it, and returns the resource with its new outputs.
 */
export async function updateVia<O>(
  provider: pulumi.dynamic.ResourceProvider,
  created: Created<O>,
  news: Record<string, unknown>,
): Promise<Created<O>> {
  const inputs = await checkedInputs(provider, news);
  const olds = { ...(created.outs as object), __provider: PROVIDER_ENTRY };
  const diff = await provider.diff!(created.id, olds, inputs);
  expect(diff.replaces ?? []).toEqual([]);
  expect(diff.changes).toBe(true);
  const result = await provider.update!(created.id, olds, { ...inputs, __provider: PROVIDER_ENTRY });
  return { id: created.id, outs: result.outs as O };
}

/** read with the prior outputs, as a refresh does. */
export async function refreshVia<O>(
  provider: pulumi.dynamic.ResourceProvider,
  created: Created<O>,
): Promise<pulumi.dynamic.ReadResult<O>> {
  return (await provider.read!(created.id, {
    ...(created.outs as object),
    __provider: PROVIDER_ENTRY,
  })) as pulumi.dynamic.ReadResult<O>;
}

/** Expects `promise` to reject with an error carrying `id` and `properties` (partial failure). */
export async function expectPartialFailure(
  promise: Promise<unknown>,
): Promise<{ id: string; properties: Record<string, unknown>; message: string }> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(Error);
  const e = caught as Error & { id?: string; properties?: Record<string, unknown> };
  expect(typeof e.id).toBe('string');
  expect(e.properties).toBeDefined();
  return { id: e.id!, properties: e.properties!, message: e.message };
}
