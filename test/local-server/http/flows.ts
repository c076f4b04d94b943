/** Small real-handler flows shared by the concurrency, fault and durability tests. */
import type { LocalServer } from '../../../src/local-server';
import { callApi, type CallOptions, type Reply } from './support';

/** Calls until the reply is not a fault (fault-injecting servers): connection drops and 5xx/throttling are retried. */
export async function callUntilAnswered(
  server: LocalServer,
  action: string,
  params: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<Reply> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const reply = await callApi(server, action, params, options);
      const code = reply.json?.Code as string | undefined;
      if (code !== 'Throttling.User' && code !== 'ServiceUnavailable' && code !== 'InternalError')
        return reply;
    } catch {
      // Dropped connection: try again.
    }
  }
  throw new Error(`${action} kept failing`);
}

/** Creates a running instance and returns its id and root OU id. */
export async function createInstance(server: LocalServer): Promise<{ instanceId: string; rootOuId: string }> {
  const created = await callUntilAnswered(server, 'CreateInstance', { Description: 'test' });
  expect(created.status).toBe(200);
  const instanceId = created.json.InstanceId as string;
  const root = await callUntilAnswered(server, 'GetRootOrganizationalUnit', { InstanceId: instanceId });
  expect(root.status).toBe(200);
  return { instanceId, rootOuId: root.json.OrganizationalUnit.OrganizationalUnitId as string };
}
