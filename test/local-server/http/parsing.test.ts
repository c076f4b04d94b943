/**
 * Malformed and unusual input over real HTTP: every case gets a 4xx with the right code, and the
 * server keeps answering afterwards.
 */
import { randomBytes } from 'node:crypto';
import { signV3 } from '../../../src/client/signing';
import type { LocalServer } from '../../../src/local-server';
import { callApi, echoHandlers, rawRequest, signedRequest, startTestServer } from './support';

describe('local server request parsing', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startTestServer({ handlers: echoHandlers() });
  });
  afterEach(async () => {
    expect((await callApi(server, 'ListRegions')).status).toBe(200);
  });
  afterAll(() => server.stop());

  it('ignores unknown parameters, including deeply dotted ones', async () => {
    const reply = await callApi(server, 'GetUser', {
      InstanceId: 'i',
      UserId: 'u',
      Unknown: 'x',
      'A.1.2.3.4.5.6.7.8.9.10.11.12.13.14': 'deep',
    });
    expect(reply.status).toBe(200);
    expect(reply.json.Echo).toEqual({ InstanceId: 'i', UserId: 'u' });
  });

  it('rebuilds lists and objects from flattened names and coerces scalars', async () => {
    const reply = await callApi(server, 'ListUsers', {
      InstanceId: 'i',
      PageNumber: 2,
      'UserIds.2': 'second',
      'UserIds.1': 'first',
    });
    expect(reply.json.Echo).toEqual({ InstanceId: 'i', PageNumber: 2, UserIds: ['first', 'second'] });
  });

  it('accepts a list sent as one JSON text', async () => {
    const reply = await callApi(server, 'ListUsers', {
      InstanceId: 'i',
      UserIds: JSON.stringify(['a', 'b']),
    });
    expect(reply.json.Echo.UserIds).toEqual(['a', 'b']);
  });

  it('answers MissingUserId 400 when a mandatory parameter is absent or empty', async () => {
    const absent = await callApi(server, 'GetUser', { InstanceId: 'i' });
    expect(absent.status).toBe(400);
    expect(absent.json.Code).toBe('MissingUserId');
    const empty = await callApi(server, 'GetUser', { InstanceId: 'i', UserId: '' });
    expect(empty.json.Code).toBe('MissingUserId');
  });

  it.each([
    ['PageNumber', 'two'],
    ['PageNumber', '1.5'],
    ['PageNumber', '99999999999999999999'],
  ])('answers InvalidParameter.%s for the integer value %p', async (name, value) => {
    const reply = await callApi(server, 'ListUsers', { InstanceId: 'i', [name]: value });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe(`InvalidParameter.${name}`);
  });

  it('answers InvalidParameter.EmailVerified for a boolean that is not true/false', async () => {
    const reply = await callApi(server, 'CreateUser', {
      InstanceId: 'i',
      Username: 'u',
      PrimaryOrganizationalUnitId: 'ou',
      EmailVerified: 'maybe',
    });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidParameter.EmailVerified');
  });

  it('answers InvalidParameter for a list given as a plain scalar and for a scalar given sub-fields', async () => {
    const list = await callApi(server, 'ListUsers', { InstanceId: 'i', UserIds: 'not-a-list' });
    expect(list.json.Code).toBe('InvalidParameter.UserIds');
    const deep = await callApi(server, 'CreateUser', {
      InstanceId: 'i',
      Username: 'u',
      PrimaryOrganizationalUnitId: 'ou',
      'CustomFields.1.FieldName.a.b.c.d.e.f.g.h.i.j.k': 'x',
    });
    expect(deep.json.Code).toBe('InvalidParameter.CustomFields');
  });

  describe('malformed parameter names, refused as a gateway does', () => {
    it.each([
      ['a sub-field under a list item that is a string', 'ListUsers', { 'UserIds.1.2': 'x' }, 'UserIds'],
      ['a list index that is not a number', 'ListUsers', { 'UserIds.x': 'a' }, 'UserIds'],
      ['a list index of zero', 'ListGroups', { 'GroupIds.0': 'a' }, 'GroupIds'],
      ['a list index with a leading zero', 'ListUsers', { 'UserIds.01': 'a' }, 'UserIds'],
      ['sparse list indexes', 'ListUsers', { 'UserIds.1': 'a', 'UserIds.4294967295': 'b' }, 'UserIds'],
      [
        'a gap in the list indexes',
        'ListOrganizationalUnits',
        { 'OrganizationalUnitIds.1': 'a', 'OrganizationalUnitIds.3': 'b' },
        'OrganizationalUnitIds',
      ],
      ['a list index above the list limit', 'ListUsers', { 'UserIds.1001': 'a' }, 'UserIds'],
      ['a sub-field under a scalar parameter', 'ListUsers', { 'PageSize.1': '5' }, 'PageSize'],
      [
        'a name given both as a value and with sub-fields',
        'ListUsers',
        { UserIds: 'a', 'UserIds.1': 'b' },
        'UserIds',
      ],
      [
        'a field an object item does not declare',
        'CreateUser',
        { Username: 'u', PrimaryOrganizationalUnitId: 'ou', 'CustomFields.1.NoSuchField': 'x' },
        'CustomFields',
      ],
    ])('answers InvalidParameter for %s', async (_shape, action, params, name) => {
      const reply = await callApi(server, action, { InstanceId: 'i', ...params });
      expect(reply.status).toBe(400);
      expect(reply.json.Code).toBe(`InvalidParameter.${name}`);
      expect(reply.json.Echo).toBeUndefined();
    });

    it('still accepts well-formed lists of objects', async () => {
      const reply = await callApi(server, 'CreateUser', {
        InstanceId: 'i',
        Username: 'u',
        PrimaryOrganizationalUnitId: 'ou',
        'CustomFields.1.FieldName': 'a',
        'CustomFields.1.FieldValue': '1',
        'CustomFields.2.FieldName': 'b',
      });
      expect(reply.status).toBe(200);
      expect(reply.json.Echo.CustomFields).toEqual([{ FieldName: 'a', FieldValue: '1' }, { FieldName: 'b' }]);
    });
  });

  it('answers InvalidParameter.Description for a value longer than 64 KiB', async () => {
    const reply = await callApi(server, 'CreateInstance', { Description: 'x'.repeat(70_000) });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidParameter.Description');
  });

  it('answers RequestBodyTooLarge 413 for a body over 1 MiB and closes that connection', async () => {
    const request = signedRequest(server, 'CreateInstance', { Description: 'y'.repeat(1024 * 1024 + 10) });
    const reply = await rawRequest(server, request);
    expect(reply.status).toBe(413);
    expect(reply.json.Code).toBe('RequestBodyTooLarge');
    expect(reply.headers.connection).toBe('close');
  });

  it.each([
    ['the query string', { path: '/?Action=ListRegions&Bad=%ZZ' }],
    [
      'the body',
      { body: 'Description=%E4%B', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ],
  ])('answers InvalidParameter 400 for malformed percent-encoding in %s', async (_where, req) => {
    const reply = await rawRequest(server, req);
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidParameter');
  });

  it('answers InvalidParameter for a body of random bytes, whatever its content type', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'application/json',
      'application/octet-stream',
    ]) {
      const reply = await rawRequest(server, { body: randomBytes(4096), headers: { 'content-type': type } });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
  });

  it('accepts a JSON body under signature V3, which covers it', async () => {
    const body = JSON.stringify({ InstanceId: 'i', PageSize: 5, UserIds: ['a', 'b'] });
    const signed = signV3({
      host: `${server.host}:${server.port}`,
      action: 'ListUsers',
      version: '2021-12-01',
      body,
      contentType: 'application/json',
      credentials: server,
      date: new Date(),
      nonce: `json-${Date.now()}`,
    });
    const reply = await rawRequest(server, { headers: signed.headers, body });
    expect(reply.status).toBe(200);
    expect(reply.json.Echo).toEqual({ InstanceId: 'i', PageSize: 5, UserIds: ['a', 'b'] });
  });

  it('refuses a JSON body under the classic RPC signature, which does not cover it', async () => {
    const request = signedRequest(server, 'ListRegions', {}, { scheme: 'rpc' });
    const reply = await rawRequest(server, {
      ...request,
      headers: { 'content-type': 'application/json' },
      body: '{"InstanceId":"i"}',
    });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe('InvalidParameter');
  });

  it('answers 405 to other methods and InvalidAction.NotFound 404 to other paths', async () => {
    expect((await rawRequest(server, { method: 'PUT' })).status).toBe(405);
    const other = await rawRequest(server, { path: '/v1/users' });
    expect(other.status).toBe(404);
    expect(other.json.Code).toBe('InvalidAction.NotFound');
  });
});

describe('a malformed list filter on the real operations', () => {
  let server: LocalServer;
  let instanceId = '';
  beforeAll(async () => {
    server = await startTestServer();
    instanceId = (await callApi(server, 'CreateInstance', {})).json.InstanceId;
    const root = (await callApi(server, 'GetRootOrganizationalUnit', { InstanceId: instanceId })).json;
    const unit = root.OrganizationalUnit.OrganizationalUnitId;
    for (const name of ['ann', 'ben']) {
      await callApi(server, 'CreateUser', {
        InstanceId: instanceId,
        Username: name,
        PrimaryOrganizationalUnitId: unit,
      });
    }
  });
  afterAll(() => server.stop());

  it.each([
    ['ListUsers', { 'UserIds.1.2': 'x' }, 'UserIds'],
    ['ListUsers', { 'UserIds.x': 'x' }, 'UserIds'],
    ['ListUsers', { 'UserIds.1': 'x', 'UserIds.4294967295': 'y' }, 'UserIds'],
    ['ListGroups', { 'GroupIds.x': 'x' }, 'GroupIds'],
    ['ListOrganizationalUnits', { 'OrganizationalUnitIds.1.2': 'x' }, 'OrganizationalUnitIds'],
  ])('%s with %p is refused, not answered with every object', async (action, filter, name) => {
    const reply = await callApi(server, action, { InstanceId: instanceId, ...filter });
    expect(reply.status).toBe(400);
    expect(reply.json.Code).toBe(`InvalidParameter.${name}`);
  });

  it('a well-formed filter still selects', async () => {
    const all = (await callApi(server, 'ListUsers', { InstanceId: instanceId })).json.Users;
    const reply = await callApi(server, 'ListUsers', { InstanceId: instanceId, 'UserIds.1': all[0].UserId });
    expect(reply.json.Users.map((u: { UserId: string }) => u.UserId)).toEqual([all[0].UserId]);
  });
});
