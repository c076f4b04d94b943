/**
 * The directory view over HTTP: `GET /_local/overview` (JSON) and `GET /_local/view` (the page),
 * unsigned, read-only, never showing a secret.
 */
import { isLoopbackAddress } from '../../../src/local-server/http/listener';
import type { LocalServer } from '../../../src/local-server';
import { rawRequest, startTestServer, stopTestServers } from '../http/support';
import { makeSampleDirectory, type SampleDirectory } from './sample-directory';

let server: LocalServer;
let sample: SampleDirectory;

beforeAll(async () => {
  server = await startTestServer();
  sample = await makeSampleDirectory(server);
});
afterAll(() => stopTestServers());

interface Unit {
  organizationalUnitName: string;
  children: Unit[];
}
const shape = (u: Unit): unknown => ({ [u.organizationalUnitName]: u.children.map(shape) });

test('the overview lists the instance, its unit tree, users, groups with members and applications', async () => {
  const reply = await rawRequest(server, { method: 'GET', path: '/_local/overview' });
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const [inst] = reply.json.instances;
  expect(inst.instanceId).toBe(sample.instanceId);
  expect(inst.status).toBe('running');
  const root = inst.rootOrganizationalUnit;
  expect(root.children.map(shape)).toEqual([{ Engineering: [{ Platform: [] }] }, { Sales: [] }]);
  expect(inst.users.map((u: { username: string }) => u.username)).toEqual(['alice', 'bob']);
  expect(inst.users[0]).toMatchObject({
    userId: sample.users.alice,
    primaryOrganizationalUnitId: sample.units.platform,
    passwordSet: true,
    groupIds: [sample.groupId],
  });
  expect(inst.groups).toEqual([
    expect.objectContaining({ groupName: 'admins', memberUserIds: [sample.users.alice, sample.users.bob] }),
  ]);
  const [oidc, saml] = inst.applications;
  expect(oidc).toMatchObject({
    applicationId: sample.oidcApplicationId,
    ssoType: 'oidc',
    sso: { oidc: { redirectUris: ['https://dashboard.example.com/callback'] } },
    authorizations: { groupIds: [sample.groupId], userIds: [], organizationalUnitIds: [] },
    provisioning: { protocolType: 'idaas_callback' },
  });
  expect(oidc.clientSecrets).toHaveLength(1);
  expect(saml).toMatchObject({
    ssoType: 'saml2',
    sso: { saml: { spEntityId: 'https://wiki.example.com' } },
    authorizations: { organizationalUnitIds: [sample.units.engineering] },
  });
});

test('the overview carries the recent request log, which does not count the view itself', async () => {
  const before = server.counters();
  const reply = await rawRequest(server, { method: 'GET', path: '/_local/overview' });
  const actions = reply.json.requests.map((r: { action: string }) => r.action);
  expect(actions.filter((a: string) => a === 'CreateUser')).toHaveLength(2);
  expect(actions).toContain('SetApplicationProvisioningConfig');
  expect(reply.json.requests[0]).toEqual({
    action: 'CreateInstance',
    status: 200,
    durationMs: expect.any(Number),
    requestId: expect.any(String),
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(server.counters()).toEqual(before);
  expect(server.recentRequests()).toHaveLength(reply.json.requests.length);
});

test('neither the overview nor the page contains a password, client secret, key or provisioning credential', async () => {
  const overview = await rawRequest(server, { method: 'GET', path: '/_local/overview' });
  const page = await rawRequest(server, { method: 'GET', path: '/_local/view' });
  for (const secret of sample.secrets) {
    expect(overview.text).not.toContain(secret);
    expect(page.text).not.toContain(secret);
  }
  expect(overview.text).not.toMatch(
    /"(password|passwordHistory|salt|hash|clientSecret|encryptKey|accessToken)"/,
  );
});

test('the page is one self-contained HTML document', async () => {
  const page = await rawRequest(server, { method: 'GET', path: '/_local/view' });
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toBe('text/html;charset=utf-8');
  expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  expect(page.text).toMatch(/^<!doctype html>/);
  expect(page.text).not.toMatch(/\s(src|href)=/);
  expect(page.text).toContain("fetch('/_local/overview'");
  expect(server.viewUrl).toBe(`${server.endpoint}/_local/view`);
});

test('the view is read-only: other methods are refused and change nothing', async () => {
  for (const path of ['/_local/view', '/_local/overview']) {
    const reply = await rawRequest(server, { method: 'POST', path, body: 'x=1' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expect(reply.json.Code).toBe('MethodNotAllowed');
  }
  const after = await rawRequest(server, { method: 'GET', path: '/_local/overview' });
  expect(after.json.instances).toHaveLength(1);
});

test('only loopback peers are answered', () => {
  for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
    expect(isLoopbackAddress(a)).toBe(true);
  for (const a of ['10.0.0.1', '192.168.1.2', '::ffff:10.1.1.1', 'fe80::1', '1.127.0.0', undefined]) {
    expect(isLoopbackAddress(a)).toBe(false);
  }
});
