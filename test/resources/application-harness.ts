/**
 * Test harness of the application-family resources and the lookups: a local server on a free
 * port, a running instance in it, an API client to arrange and inspect state "behind the
 * provider's back", and helpers to drive a provider shell exactly as the dynamic provider host
 * does (configure, then check/diff/create/read/update/delete).
 */
import type * as pulumi from '@pulumi/pulumi';
import { EiamClient } from '../../src/client';
import { startLocalServer, type LocalServer } from '../../src/local-server';
import { clearClientCache } from '../../src/resources/provider-kit';
import { configFromMap, type ProviderSettings } from '../../src/settings';

/** A started server with one running instance. */
export interface Harness {
  readonly server: LocalServer;
  /** Settings the providers and lookups use. */
  readonly settings: ProviderSettings;
  /** A client for arranging and inspecting state directly. */
  readonly client: EiamClient;
  /** A running instance. */
  readonly instanceId: string;
  /** Its root organizational unit. */
  readonly rootOuId: string;
  /** Total API calls the server answered since the last `resetCounters`. */
  calls(): number;
  /** Calls of one action since the last `resetCounters`. */
  callsOf(action: string): number;
  /** Stops everything. */
  stop(): Promise<void>;
}

/** Starts a local server (port 0, no instance delay, silent) with one instance. */
export async function startHarness(): Promise<Harness> {
  const server = await startLocalServer({ port: 0, instanceCreationDelayMs: 0, log: false });
  const settings: ProviderSettings = {
    endpoint: server.endpoint,
    region: 'cn-hangzhou',
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  };
  const client = new EiamClient({
    endpoint: settings.endpoint,
    region: settings.region,
    accessKeyId: settings.accessKeyId,
    accessKeySecret: settings.accessKeySecret,
    retry: { maxAttempts: 1 },
  });
  const instanceId =
    (await client.call('CreateInstance', { Description: 'application tests' })).InstanceId ?? '';
  const root = await client.call('GetRootOrganizationalUnit', { InstanceId: instanceId });
  const rootOuId = root.OrganizationalUnit?.OrganizationalUnitId ?? '';
  server.resetCounters();
  const all = () => Object.values(server.counters());
  return {
    server,
    settings,
    client,
    instanceId,
    rootOuId,
    calls: () => all().reduce((sum, c) => sum + c.calls, 0),
    callsOf: (action) => server.counters()[action]?.calls ?? 0,
    async stop() {
      client.close();
      clearClientCache();
      await server.stop();
    },
  };
}

/** Configures a provider shell with the harness settings, as the engine's `configure` call does. */
export async function configure(
  provider: pulumi.dynamic.ResourceProvider,
  settings: ProviderSettings,
): Promise<void> {
  const map: Record<string, string | undefined> = {
    'eiam:endpoint': settings.endpoint,
    'eiam:region': settings.region,
    'eiam:accessKeyId': settings.accessKeyId,
    'eiam:accessKeySecret': settings.accessKeySecret,
  };
  await provider.configure!({ config: configFromMap(map) });
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

/** Runs check and fails the test with the failures if there are any; returns the checked inputs. */
export async function checked<T>(
  provider: pulumi.dynamic.ResourceProvider,
  news: T,
  olds: object = {},
): Promise<T> {
  const result = await provider.check!(olds, news);
  expect(result.failures ?? []).toEqual([]);
  return result.inputs as T;
}
