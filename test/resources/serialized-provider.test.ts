/**
 * The provider as the dynamic provider host runs it: serialized exactly as
 * `pulumi.dynamic.Resource` does, loaded back with `require-from-string` (as the host's
 * `getProvider` does), configured, and driven over HTTP against the local server.
 *
 * Run from source (as here, or with the package linked instead of installed) the resource module
 * is captured BY VALUE, so this also proves that everything the provider reaches survives
 * closure serialization. Installed from a tarball, the same shell serializes as a few-KB
 * `require("pulumi-alicloud-eiam/resources/<file>")` instead.
 */
import { groupProvider } from '../../src/resources/group';
import { serializeProvider } from '../../src/resources/provider-kit';
import { configFromMap } from '../../src/settings';
import { startHarness, type Harness } from './harness';

const requireFromString = require('require-from-string') as (code: string) => { handler(): unknown };

type Provider = Required<import('@pulumi/pulumi').dynamic.ResourceProvider>;

let h: Harness;
let provider: Provider;
let text = '';

beforeAll(async () => {
  h = await startHarness();
  text = (await serializeProvider(groupProvider)).text;
  provider = requireFromString(text).handler() as Provider;
  await provider.configure({
    config: configFromMap({
      'eiam:endpoint': h.server.endpoint,
      'eiam:region': 'cn-hangzhou',
      'eiam:accessKeyId': h.server.accessKeyId,
      'eiam:accessKeySecret': h.server.accessKeySecret,
    }),
  });
}, 30_000);
afterAll(() => h.stop());

test('the deserialized provider checks, creates, reads, updates and deletes over HTTP', async () => {
  const checked = await provider.check(
    {},
    { instanceId: h.instanceId, groupName: 'from-state', __provider: text },
  );
  expect(checked.failures ?? []).toEqual([]);
  const created = await provider.create({ ...checked.inputs, __provider: text });
  expect(created.id).toMatch(new RegExp(`^${h.instanceId}/group_`));
  const read = await provider.read(created.id, created.outs);
  expect(read.props).toMatchObject({ groupName: 'from-state' });
  const news = { instanceId: h.instanceId, groupName: 'renamed', __provider: text };
  expect((await provider.diff(created.id, created.outs, news)).changes).toBe(true);
  const updated = await provider.update(created.id, created.outs, news);
  expect(updated.outs).toMatchObject({ groupName: 'renamed' });
  await provider.delete(created.id, updated.outs);
  await expect(
    h.client.call('GetGroup', { InstanceId: h.instanceId, GroupId: created.outs.groupId }),
  ).rejects.toThrow(/EntityNotExists/);
});

// Error classification must survive by-value serialization (no module-level Sets or Maps).
test('the deserialized provider treats deleting a gone object as success', async () => {
  await expect(provider.delete(`${h.instanceId}/group_missing`, {})).resolves.toBeUndefined();
});

// Installed from node_modules, only a module's exports object serializes as a bare `require`
// (about 270 B); any other object is written by value with all its functions (several KB).
test('every resource class passes a module exports object as its provider', () => {
  const resources = require('../../src/resources') as Record<string, unknown>;
  // Provider objects are camelCase; a class may end in Provider too (`IdentityProvider`).
  const providers = Object.entries(resources).filter(([name]) => /^[a-z].*Provider$/.test(name));
  expect(providers.length).toBeGreaterThanOrEqual(10);
  const moduleExports = new Set(Object.values(require.cache).map((m) => m?.exports));
  for (const [name, provider] of providers) {
    expect([name, moduleExports.has(provider)]).toEqual([name, true]);
    for (const method of ['configure', 'check', 'diff', 'create', 'read', 'update', 'delete']) {
      expect([name, method, typeof (provider as Record<string, unknown>)[method]]).toEqual([
        name,
        method,
        'function',
      ]);
    }
  }
});

// Registration lowers the stack depth for its own duration only (see EiamResource).
test('constructing a resource leaves the stack depth as it was, even when registration throws', () => {
  const { Group } = require('../../src/resources/group') as typeof import('../../src/resources/group');
  const before = Error.stackTraceLimit;
  // A `__provider` input is refused synchronously by the SDK: registration throws inside.
  expect(() => new Group('bad', { instanceId: 'i', groupName: 'g', __provider: 'x' } as never)).toThrow(
    /__provider/,
  );
  expect(Error.stackTraceLimit).toBe(before);
});
